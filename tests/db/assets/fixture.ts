// The office the register and log-book tests work in: the Ministry of Water (code MAJI) on Monday
// 23 November 2026 at 11:00 in Dar es Salaam, with an ICT officer, an auditor, a Head of Institution,
// two departments, two locations and three people who can hold devices.
import { expect } from 'vitest';
import type { AssetView } from '../../../db/assets/queries.ts';
import type { Result } from '../../../db/contract/route.ts';
import { openCore } from '../../../db/core.ts';
import { manualClock, seededIds } from '../../../db/core/clock.ts';
import type { ErrorValue } from '../../../db/core/refusal.ts';
import type { EntryView } from '../../../db/maintenance/queries.ts';
import type { Store } from '../../../db/store/open.ts';
import { scryptHasher } from '../../../db/users/passwords.ts';
import { addUser, okValue, type TestCore, type TestUser } from '../../helpers/core.ts';

/** 08:00 UTC is 11:00 in Dar es Salaam (UTC+3): the working day is the 23rd either way. */
export const NOW = '2026-11-23T08:00:00Z';
export const TODAY = '2026-11-23';
export const ADMIN_PASSWORD = 'Kilimanjaro#2026';

export interface Office extends TestCore {
  admin: string;
  officer: TestUser;
  auditor: TestUser;
  head: TestUser;
  departments: { finance: string; ict: string };
  locations: { floor2: string; store: string };
  people: { zuhura: string; hamisi: string; rehema: string };
}

export async function openOffice(): Promise<Office> {
  const clock = manualClock(NOW);
  // A year of idle time: tests move the clock by hours without being signed out.
  const core = await openCore({ path: ':memory:', hasher: scryptHasher(10), clock, ids: seededIds(1), idleLimitMs: 366 * 24 * 3_600_000 });
  const t: TestCore = { core, clock, call: async (token, route, input) => (await core.call(token, route, input ?? {})).result };
  const outcome = await core.call(null, 'setup.initialize', {
    institution: {
      name: 'Wizara ya Maji',
      code: 'MAJI',
      postal_address: 'S.L.P. 456, Dodoma',
      accounting_officer_title: 'Katibu Mkuu',
      head_title: 'Waziri',
    },
    admin: { username: 'asha', display_name: 'Asha Mrisho', password: ADMIN_PASSWORD, confirm: ADMIN_PASSWORD },
  });
  okValue(outcome.result);
  if (typeof outcome.session !== 'string') throw new Error('setup did not start a session');
  const admin = outcome.session;
  const officer = await addUser(t, admin, 'juma', ['ict_officer'], 'Juma Ally');
  const auditor = await addUser(t, admin, 'neema', ['auditor'], 'Neema Kweka');
  const head = await addUser(t, admin, 'mkuu', ['head_of_institution'], 'Mhandisi Mwajuma Waziri');
  const id = async (route: string, input: Record<string, unknown>) => okValue<{ id: string }>(await t.call(officer.token, route, input)).id;
  const departments = {
    finance: await id('departments.create', { name: 'Uhasibu', code: 'UH' }),
    ict: await id('departments.create', { name: 'TEHAMA', code: 'IT' }),
  };
  const locations = {
    floor2: await id('locations.create', { name: 'Ghorofa 2', building: 'Maji House', region: 'Dodoma' }),
    store: await id('locations.create', { name: 'Stoo ya TEHAMA', building: 'Jengo B', region: 'Dodoma' }),
  };
  const people = {
    zuhura: await id('people.register', { full_name: 'Zuhura Said', check_number: '100230', department_id: departments.finance }),
    hamisi: await id('people.register', { full_name: 'Hamisi Juma', check_number: '100231', department_id: departments.ict }),
    rehema: await id('people.register', { full_name: 'Rehema Mollel', check_number: '100232', department_id: departments.finance }),
  };
  return { ...t, admin, officer, auditor, head, departments, locations, people };
}

export const SSD = { kind: 'ssd', capacity_gb: 512, serial: 'S4EVNX0R123' } as const;
export const HDD = { kind: 'hdd', capacity_gb: 1000, serial: 'WD-WCC6Y2' } as const;

/** A laptop with an SSD, kept by Zuhura on the second floor; `fields` override any particular. */
export async function registerLaptop(o: Office, fields: Record<string, unknown> = {}): Promise<AssetView> {
  return okValue<AssetView>(
    await o.call(o.officer.token, 'assets.register', {
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
    }),
  );
}

/** A fault reported on the 20th, assigned to an external provider: ready to be sent off-site. */
export async function reportAndAssignOutside(o: Office, assetId: string): Promise<{ entry: EntryView; providerId: string }> {
  const entry = okValue<EntryView>(
    await o.call(o.officer.token, 'maintenance.report', { asset_id: assetId, reported_on: '2026-11-20', reported_by: 'Zuhura Said', symptoms: 'Haiwaki kabisa' }),
  );
  const existing = okValue<{ id: string; name: string }[]>(await o.call(o.officer.token, 'providers.list', {})).find((p) => p.name === 'Techno Brain Ltd');
  const providerId =
    existing?.id ??
    okValue<{ id: string }>(
      await o.call(o.officer.token, 'providers.register', { name: 'Techno Brain Ltd', registration_number: 'BRELA-118822', contact_name: 'Peter Mushi' }),
    ).id;
  okValue(
    await o.call(o.officer.token, 'maintenance.assign', {
      entry_id: entry.id,
      technician: { type: 'external', provider_id: providerId, job_ref: 'JC-2026-114', supervisor_name: 'Juma Ally' },
    }),
  );
  return { entry, providerId };
}

/** An internal technician assigned and the work recorded: what closing as repaired needs (issue 7). */
export async function recordWorkDone(o: Office, entryId: string, hours: number | null = 2): Promise<EntryView> {
  okValue(await o.call(o.officer.token, 'maintenance.assign', { entry_id: entryId, technician: { type: 'internal', name: 'Hamisi Juma' } }));
  return okValue<EntryView>(await o.call(o.officer.token, 'maintenance.record-work', { entry_id: entryId, actions: 'Betri mpya imewekwa na kupimwa', hours }));
}

/** Every row of every table in the file, journal and search index included, in a stable order. */
export function snapshot(store: Store): Record<string, string[]> {
  const tables = (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );
  const rows = (table: string) => (store.sqlite.prepare(`SELECT * FROM ${table}`).all() as unknown[]).map((row) => JSON.stringify(row)).sort();
  return Object.fromEntries(tables.map((table) => [table, rows(table)]));
}

export function journalCount(store: Store): number {
  return (store.sqlite.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n;
}

/** Calls a route that must say no with `code`, and proves that nothing at all was written. */
export async function refusedWithoutWriting(o: Office, token: string, route: string, input: unknown, code: string): Promise<ErrorValue> {
  const store = o.core.services.store;
  const events = journalCount(store);
  const before = snapshot(store);
  const result: Result<unknown> = await o.call(token, route, input);
  if (result.ok) throw new Error(`${route}: expected refusal ${code}, got ${JSON.stringify(result.value)}`);
  expect(result.error.code).toBe(code);
  expect(result.error.message).toBe(`errors.${code}`);
  expect(journalCount(store)).toBe(events);
  expect(snapshot(store)).toEqual(before);
  return result.error;
}
