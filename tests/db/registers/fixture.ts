// The office whose registers the export tests read: the Ministry of Water on Monday 23 November 2026,
// four devices (one of them typed by someone trying formulas), three log book entries, three people.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Result } from '../../../db/contract/route.ts';
import { openCore, type Core } from '../../../db/core.ts';
import { manualClock, seededIds } from '../../../db/core/clock.ts';
import type { CallContext } from '../../../db/core/context.ts';
import { RegisterExportInput, type RegisterExportInput as ExportInput } from '../../../db/contract/register-export-schemas.ts';
import type { ExportedRegister } from '../../../db/registers/export.ts';
import { registerRoutes } from '../../../db/registers/routes.ts';
import { scryptHasher } from '../../../db/users/passwords.ts';

export const NOW = '2026-11-23T08:00:00Z';
export const TODAY = '2026-11-23';
const PASSWORD = 'Kilimanjaro#2026';

export const HYPERLINK = '=HYPERLINK("http://x","y")';
export const NOTES_WITH_EVERYTHING = 'Ina stika ya "Hazina", chumba 2\nMstari wa pili';

export interface Office {
  core: Core;
  token: string;
  call(route: string, input: unknown): Promise<Result<unknown>>;
  ok<T = { id: string }>(route: string, input: unknown): Promise<T>;
  departments: { finance: string; ict: string };
  locations: { floor2: string; store: string };
  people: { zuhura: string; hamisi: string; rehema: string };
  devices: { laptop: string; desktop: string; printer: string; camera: string };
}

export async function openEmptyOffice(): Promise<{ core: Core; token: string }> {
  const core = await openCore({ path: ':memory:', hasher: scryptHasher(10), clock: manualClock(NOW), ids: seededIds(1) });
  const outcome = await core.call(null, 'setup.initialize', {
    institution: { name: 'Wizara ya Maji', code: 'MAJI', postal_address: 'S.L.P. 456, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Waziri' },
    admin: { username: 'asha', display_name: 'Asha Mrisho', password: PASSWORD, confirm: PASSWORD },
  });
  if (!outcome.result.ok || typeof outcome.session !== 'string') throw new Error(`setup failed: ${JSON.stringify(outcome.result)}`);
  return { core, token: outcome.session };
}

export async function openOffice(): Promise<Office> {
  const { core, token } = await openEmptyOffice();
  const call = async (route: string, input: unknown) => (await core.call(token, route, input)).result;
  const ok = async <T = { id: string }>(route: string, input: unknown): Promise<T> => {
    const result = await call(route, input);
    if (!result.ok) throw new Error(`${route} refused: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  const id = async (route: string, input: unknown) => (await ok(route, input)).id;

  const departments = { finance: await id('departments.create', { name: 'Uhasibu', code: 'UH' }), ict: await id('departments.create', { name: 'TEHAMA', code: 'IT' }) };
  const locations = {
    floor2: await id('locations.create', { name: 'Ghorofa 2', building: 'Maji House', region: 'Dodoma' }),
    store: await id('locations.create', { name: 'Stoo ya TEHAMA', building: 'Jengo B', region: 'Dodoma' }),
  };
  const people = {
    zuhura: await id('people.register', { full_name: 'Zuhura Said', check_number: '100230', title: 'Mhasibu', department_id: departments.finance, phone: '+255 754 123 456' }),
    hamisi: await id('people.register', { full_name: 'Hamisi Juma', check_number: '100231', department_id: departments.ict }),
    rehema: await id('people.register', { full_name: 'Rehema Mollel', check_number: '100232', department_id: departments.finance }),
  };
  const camera = await id('categories.create', { name_sw: 'Kamera ya usalama', name_en: 'Security camera', can_hold_records: true });

  const laptop = await ok<{ id: string; media: { id: string }[] }>('assets.register', {
    tag: 'MAJI-LAP-001',
    category: 'laptop',
    make: 'Dell',
    model: 'Latitude 5440',
    serial: 'DL5440-77X',
    purchase_date: '2025-07-14',
    supplier: 'Computer Centre Ltd',
    cost_tzs: 2_450_000,
    funding_source: 'Serikali',
    warranty_end: '2027-07-14',
    location_id: locations.floor2,
    department_id: departments.finance,
    custodian_id: people.zuhura,
    classification: 'confidential',
    notes: NOTES_WITH_EVERYTHING,
    media: [{ kind: 'ssd', capacity_gb: 512, serial: 'S4EVNX0R123' }],
  });
  // Typed by someone trying what a spreadsheet would run: each text must arrive inert.
  const desktop = await ok<{ id: string; media: { id: string }[] }>('assets.register', {
    tag: 'MAJI-DSK-002',
    category: 'desktop',
    make: 'HP',
    model: HYPERLINK,
    serial: '-2+3',
    // Issue 7: its disk is taken out on 11/06/2026, so the register knows it from before then.
    purchase_date: '2024-01-15',
    supplier: '@SUM(A1)',
    cost_tzs: 1_850_000,
    notes: '+1',
    location_id: locations.store,
    department_id: departments.ict,
    classification: 'secret',
    media: [{ kind: 'hdd', capacity_gb: 1000, serial: 'WD-WCC6Y2' }],
  });
  const printer = await id('assets.register', {
    tag: 'MAJI-PRN-003',
    category: 'printer',
    make: 'HP',
    model: 'LaserJet Pro M404dn',
    custodian_id: people.hamisi,
    department_id: departments.ict,
    classification: 'internal',
  });
  const cameraDevice = await id('assets.register', { tag: 'MAJI-CAM-004', category: camera, make: 'Hikvision', model: 'DS-2CD1043', custodian_id: people.rehema, classification: 'internal' });

  // Closed in-house.
  let entry = await id('maintenance.report', { asset_id: laptop.id, reported_on: '2026-02-03', reported_by: 'Zuhura Said', symptoms: 'Inajizima baada ya dakika kumi.', warranty: true });
  await ok('maintenance.diagnose', { entry_id: entry, diagnosis: 'Feni imejaa vumbi.' });
  await ok('maintenance.assign', { entry_id: entry, technician: { type: 'internal', name: 'Juma Ally' } });
  await ok('maintenance.record-work', { entry_id: entry, actions: 'Usafishaji wa ndani.', parts: [{ name: 'Thermal paste', quantity: 1, unit_cost_tzs: 15_000 }], labour_cost_tzs: 20_000, hours: 1.5 });
  await ok('maintenance.close', { entry_id: entry, closed_on: '2026-02-05', outcome: 'repaired' });

  // Off-site with a provider; the disk stays behind (3.6.3).
  const provider = await id('providers.register', { name: 'Techno Brain Ltd', registration_number: 'BRELA-118822', contact_name: 'Peter Mushi' });
  entry = await id('maintenance.report', { asset_id: desktop.id, reported_on: '2026-06-10', reported_by: 'Hamisi Juma', symptoms: 'Skrini inaonyesha mistari.' });
  await ok('maintenance.assign', { entry_id: entry, technician: { type: 'external', provider_id: provider, job_ref: 'JC-2026-114', supervisor_name: 'Juma Ally' } });
  await ok('storage.remove', { medium_id: desktop.media[0]?.id, removed_by: 'Juma Ally', witnessed_by: 'Hamisi Juma', kept_at: 'Kabati la TEHAMA', removed_on: '2026-06-11', entry_id: entry });
  await ok('maintenance.send-offsite', { entry_id: entry, sent_on: '2026-06-11' });
  await ok('maintenance.return', { entry_id: entry, returned_on: '2026-06-20' });
  await ok('maintenance.record-work', { entry_id: entry, actions: 'Waya wa skrini umebadilishwa.', parts: [{ name: 'LCD cable', quantity: 2, unit_cost_tzs: 65_000 }], labour_cost_tzs: 40_000, hours: 3 });
  await ok('maintenance.close', { entry_id: entry, closed_on: '2026-06-21', outcome: 'part_replaced' });

  // Still open today, its symptoms written the way a DDE attack is.
  await ok('maintenance.report', { asset_id: printer, reported_on: '2026-11-16', reported_by: 'Hamisi Juma', symptoms: "=cmd|' /C calc'!A0" });

  await ok('people.deactivate', { person_id: people.rehema });
  return { core, token, call, ok, departments, locations, people, devices: { laptop: laptop.id, desktop: desktop.id, printer, camera: cameraDevice } };
}

/** Calls the route's handler as the dispatcher would once the route is in the table: input parsed first. */
export async function exportThroughRoute(core: Core, input: ExportInput): Promise<ExportedRegister> {
  const ctx: CallContext = { ...core.services, user: null, token: null, setSession: () => undefined };
  return registerRoutes['registers.export'].handler(ctx, RegisterExportInput.parse(input));
}

export interface CsvRead {
  raw: string;
  headers: string[];
  rows: string[][];
}

export function readCsv(exported: ExportedRegister): CsvRead {
  const raw = Buffer.from(exported.base64, 'base64').toString('utf8');
  const [headers, ...rows] = parse(raw.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];
  return { raw, headers: headers ?? [], rows };
}

export async function readXlsx(exported: ExportedRegister | Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const buffer = Buffer.isBuffer(exported) ? exported : Buffer.from(exported.base64, 'base64');
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** A column's cells by its heading, below the heading row. */
export function columnOf(sheet: ExcelJS.Worksheet, heading: string): ExcelJS.Cell[] {
  const headings = (sheet.getRow(1).values as unknown[]).slice(1);
  const index = headings.indexOf(heading);
  if (index < 0) throw new Error(`no column headed ${heading}: ${JSON.stringify(headings)}`);
  const cells: ExcelJS.Cell[] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) cells.push(sheet.getRow(r).getCell(index + 1));
  return cells;
}

export function csvColumn(csv: CsvRead, heading: string): string[] {
  const index = csv.headers.indexOf(heading);
  if (index < 0) throw new Error(`no column headed ${heading}: ${JSON.stringify(csv.headers)}`);
  return csv.rows.map((row) => row[index] ?? '');
}
