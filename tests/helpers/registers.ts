// The office whose registers the export tests read, built through the routes: the Ministry of Water on
// Monday 23 November 2026, four devices (one of them typed by someone trying formulas), three log book
// entries, three people; and readers for the CSV and XLSX files the export writes.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { RouteInput, RouteOutput } from '../../db/contract/routes.ts';
import { MINISTRY_OF_WATER, nth, openTestCore, present, setUp, type TestCore } from './core.ts';
import { addPlaces, NOW, registerDevice, reportFault, type Places } from './office.ts';

export const HYPERLINK = '=HYPERLINK("http://x","y")';
export const NOTES_WITH_EVERYTHING = 'Ina stika ya "Hazina", chumba 2\nMstari wa pili';

export type ExportedRegister = RouteOutput<'registers.export'>;

export interface RegisterOffice extends TestCore, Places {
  /** The administrator's session: she recorded everything. */
  admin: string;
  devices: { laptop: string; desktop: string; printer: string; camera: string };
}

/** An office set up and nothing else recorded: an empty register. */
export async function openEmptyOffice(): Promise<TestCore & { admin: string }> {
  const t = await openTestCore({ start: NOW });
  return { ...t, admin: (await setUp(t, { institution: MINISTRY_OF_WATER })).token };
}

export async function openRegisterOffice(): Promise<RegisterOffice> {
  const o = await openEmptyOffice();
  const { admin } = o;
  const places = await addPlaces(o, admin, { title: 'Mhasibu', phone: '+255 754 123 456' });
  const { departments, locations, people } = places;
  const camera = present(await o.ok(admin, 'categories.create', { name_sw: 'Kamera ya usalama', name_en: 'Security camera', can_hold_records: true }), 'the category').id;

  const laptop = await registerDevice(o, admin, {
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
  const desktop = await registerDevice(o, admin, {
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
  const printer = await registerDevice(o, admin, {
    tag: 'MAJI-PRN-003',
    category: 'printer',
    make: 'HP',
    model: 'LaserJet Pro M404dn',
    custodian_id: people.hamisi,
    department_id: departments.ict,
    classification: 'internal',
  });
  const cameraDevice = await registerDevice(o, admin, {
    tag: 'MAJI-CAM-004',
    category: camera,
    make: 'Hikvision',
    model: 'DS-2CD1043',
    custodian_id: people.rehema,
    classification: 'internal',
  });

  // Closed in-house.
  let entry = (await reportFault(o, admin, laptop.id, { reported_on: '2026-02-03', symptoms: 'Inajizima baada ya dakika kumi.', warranty: true })).id;
  await o.ok(admin, 'maintenance.diagnose', { entry_id: entry, diagnosis: 'Feni imejaa vumbi.' });
  await o.ok(admin, 'maintenance.assign', { entry_id: entry, technician: { type: 'internal', name: 'Juma Ally' } });
  await o.ok(admin, 'maintenance.record-work', {
    entry_id: entry,
    actions: 'Usafishaji wa ndani.',
    parts: [{ name: 'Thermal paste', quantity: 1, unit_cost_tzs: 15_000 }],
    labour_cost_tzs: 20_000,
    hours: 1.5,
  });
  await o.ok(admin, 'maintenance.close', { entry_id: entry, closed_on: '2026-02-05', outcome: 'repaired' });

  // Off-site with a provider; the disk stays behind (3.6.3).
  const provider = present(await o.ok(admin, 'providers.register', { name: 'Techno Brain Ltd', registration_number: 'BRELA-118822', contact_name: 'Peter Mushi' }), 'the provider').id;
  entry = (await reportFault(o, admin, desktop.id, { reported_on: '2026-06-10', reported_by: 'Hamisi Juma', symptoms: 'Skrini inaonyesha mistari.' })).id;
  await o.ok(admin, 'maintenance.assign', { entry_id: entry, technician: { type: 'external', provider_id: provider, job_ref: 'JC-2026-114', supervisor_name: 'Juma Ally' } });
  await o.ok(admin, 'drives.remove', {
    medium_id: nth(desktop.media, 0).id,
    removed_by: 'Juma Ally',
    witnessed_by: 'Hamisi Juma',
    kept_at: 'Kabati la TEHAMA',
    removed_on: '2026-06-11',
    entry_id: entry,
  });
  await o.ok(admin, 'maintenance.send-offsite', { entry_id: entry, sent_on: '2026-06-11' });
  await o.ok(admin, 'maintenance.return', { entry_id: entry, returned_on: '2026-06-20' });
  await o.ok(admin, 'maintenance.record-work', {
    entry_id: entry,
    actions: 'Waya wa skrini umebadilishwa.',
    parts: [{ name: 'LCD cable', quantity: 2, unit_cost_tzs: 65_000 }],
    labour_cost_tzs: 40_000,
    hours: 3,
  });
  await o.ok(admin, 'maintenance.close', { entry_id: entry, closed_on: '2026-06-21', outcome: 'part_replaced' });

  // Still open today, its symptoms written the way a DDE attack is.
  await reportFault(o, admin, printer.id, { reported_on: '2026-11-16', reported_by: 'Hamisi Juma', symptoms: "=cmd|' /C calc'!A0" });

  await o.ok(admin, 'people.deactivate', { person_id: people.rehema });
  return { ...o, ...places, devices: { laptop: laptop.id, desktop: desktop.id, printer: printer.id, camera: cameraDevice.id } };
}

/** A register exported through the route, as the administrator (everyone signed in may export). */
export function exportRegister(o: TestCore & { admin: string }, input: RouteInput<'registers.export'>): Promise<ExportedRegister> {
  return o.ok(o.admin, 'registers.export', input);
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
