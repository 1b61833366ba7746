// The office most area tests work in, built once through the routes: the Ministry of Water (code
// MAJI) on Monday 23 November 2026 at 11:00 in Dar es Salaam, with an ICT officer, an auditor, a Head
// of Institution, two departments, two locations and three people who can hold devices; and builders
// for the devices and log book entries the tests then record.
import type { RouteInput, RouteOutput } from '../../db/contract/routes.ts';
import { addUser, MINISTRY_OF_WATER, openTestCore, present, setUp, YEAR_OF_IDLE, type TestCore, type TestCoreOptions, type TestUser } from './core.ts';

/** 08:00 UTC is 11:00 in Dar es Salaam (UTC+3): the working day is the 23rd either way. */
export const NOW = '2026-11-23T08:00:00Z';
export const TODAY = '2026-11-23';

export interface Places {
  departments: { finance: string; ict: string };
  locations: { floor2: string; store: string };
  people: { zuhura: string; hamisi: string; rehema: string };
}

export interface Office extends TestCore, Places {
  /** The administrator's session. */
  admin: string;
  officer: TestUser;
  auditor: TestUser;
  head: TestUser;
}

/** Two departments, two locations and three people, registered by `token` (a registrar). */
export async function addPlaces(t: TestCore, token: string, zuhura: Partial<RouteInput<'people.register'>> = {}): Promise<Places> {
  const id = async (value: Promise<{ id: string }>) => (await value).id;
  const departments = {
    finance: await id(t.ok(token, 'departments.create', { name: 'Uhasibu', code: 'UH' })),
    ict: await id(t.ok(token, 'departments.create', { name: 'TEHAMA', code: 'IT' })),
  };
  const locations = {
    floor2: await id(t.ok(token, 'locations.create', { name: 'Ghorofa 2', building: 'Maji House', region: 'Dodoma' })),
    store: await id(t.ok(token, 'locations.create', { name: 'Stoo ya TEHAMA', building: 'Jengo B', region: 'Dodoma' })),
  };
  const people = {
    zuhura: await id(t.ok(token, 'people.register', { full_name: 'Zuhura Said', check_number: '100230', department_id: departments.finance, ...zuhura })),
    hamisi: await id(t.ok(token, 'people.register', { full_name: 'Hamisi Juma', check_number: '100231', department_id: departments.ict })),
    rehema: await id(t.ok(token, 'people.register', { full_name: 'Rehema Mollel', check_number: '100232', department_id: departments.finance })),
  };
  return { departments, locations, people };
}

/** The office on the 23rd; a year of idle time, so tests move the clock by hours without being signed out. */
export async function openOffice(options: TestCoreOptions = {}): Promise<Office> {
  const t = await openTestCore({ start: NOW, idleLimitMs: YEAR_OF_IDLE, ...options });
  const admin = (await setUp(t, { institution: MINISTRY_OF_WATER })).token;
  const officer = await addUser(t, admin, 'juma', ['ict_officer'], 'Juma Ally');
  const auditor = await addUser(t, admin, 'neema', ['auditor'], 'Neema Kweka');
  const head = await addUser(t, admin, 'mkuu', ['head_of_institution'], 'Mhandisi Mwajuma Waziri');
  return { ...t, ...(await addPlaces(t, officer.token)), admin, officer, auditor, head };
}

export const SSD = { kind: 'ssd', capacity_gb: 512, serial: 'S4EVNX0R123' } as const;
export const HDD = { kind: 'hdd', capacity_gb: 1000, serial: 'WD-WCC6Y2' } as const;

export type Device = RouteOutput<'assets.register'>;
export type Entry = RouteOutput<'maintenance.report'>;

/** A device with the least the register asks (a laptop, no media); `fields` override any particular. */
export function registerDevice(t: TestCore, token: string, fields: Partial<RouteInput<'assets.register'>> = {}): Promise<Device> {
  return t.ok(token, 'assets.register', { category: 'laptop', make: 'Dell', model: 'Latitude 5440', ...fields });
}

/** A laptop with an SSD, kept by Zuhura on the second floor; `fields` override any particular. */
export function registerLaptop(o: Office, fields: Partial<RouteInput<'assets.register'>> = {}): Promise<Device> {
  return registerDevice(o, o.officer.token, {
    category: 'laptop',
    make: 'Dell',
    model: 'Latitude 5440',
    serial: 'DL5440-77X',
    purchase_date: '2025-07-14',
    supplier: 'Computer Centre Ltd',
    cost_tzs: 2_450_000,
    funding_source: 'Serikali',
    warranty_end: '2027-07-14',
    location_id: o.locations.floor2,
    department_id: o.departments.finance,
    custodian_id: o.people.zuhura,
    classification: 'internal',
    media: [SSD],
    ...fields,
  });
}

/** A fault reported in the log book; `fields` override the day, the reporter and the symptoms. */
export function reportFault(t: TestCore, token: string, assetId: string, fields: Partial<RouteInput<'maintenance.report'>> = {}): Promise<Entry> {
  return t.ok(token, 'maintenance.report', { asset_id: assetId, reported_on: '2026-11-20', reported_by: 'Zuhura Said', symptoms: 'Haiwaki kabisa', ...fields });
}

/** The provider Techno Brain Ltd, registered the first time it is asked for. */
export async function providerId(t: TestCore, token: string): Promise<string> {
  const existing = (await t.ok(token, 'providers.list')).find((p) => p.name === 'Techno Brain Ltd');
  if (existing) return existing.id;
  const registered = await t.ok(token, 'providers.register', { name: 'Techno Brain Ltd', registration_number: 'BRELA-118822', contact_name: 'Peter Mushi' });
  return present(registered, 'the provider').id;
}

/** A fault reported on the 20th, assigned to an external provider: ready to be sent off-site. */
export async function reportAndAssignOutside(o: Office, assetId: string): Promise<{ entry: Entry; providerId: string }> {
  const entry = await reportFault(o, o.officer.token, assetId);
  const provider = await providerId(o, o.officer.token);
  await o.ok(o.officer.token, 'maintenance.assign', {
    entry_id: entry.id,
    technician: { type: 'external', provider_id: provider, job_ref: 'JC-2026-114', supervisor_name: 'Juma Ally' },
  });
  return { entry, providerId: provider };
}

/** An internal technician assigned and the work recorded: what closing as repaired needs (issue 7). */
export async function recordWorkDone(o: Office, entryId: string, hours: number | null = 2): Promise<RouteOutput<'maintenance.record-work'>> {
  await o.ok(o.officer.token, 'maintenance.assign', { entry_id: entryId, technician: { type: 'internal', name: 'Hamisi Juma' } });
  return o.ok(o.officer.token, 'maintenance.record-work', { entry_id: entryId, actions: 'Betri mpya imewekwa na kupimwa', hours });
}
