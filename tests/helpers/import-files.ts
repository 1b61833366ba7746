// The import tests' world: a configured institution with departments, locations and people to name
// in a register, signed in as its administrator; and the files, made on the fly (no binaries kept in
// the repository).
import ExcelJS from 'exceljs';
import type { RouteInput, RouteOutput } from '../../db/contract/routes.ts';
import type { Core } from '../../db/core.ts';
import { countRows, openTestCore, setUp, type Caller, type TestCore } from './core.ts';
import { NOW } from './office.ts';

export type PreviewValue = RouteOutput<'import.preview'>;
export type CommitValue = RouteOutput<'import.commit'>;

/** The answers given for values a register names: a category, a place or a person to map or to make. */
export type Choices = NonNullable<RouteInput<'import.commit'>['values']>;

/** The id a value was mapped to; a value to be made has none yet. */
export function chosenId(choice: Choices[number] | null | undefined): string | undefined {
  return choice && 'id' in choice ? choice.id : undefined;
}

export interface ImportWorld extends Caller {
  t: TestCore;
  core: Core;
  departments: { TEHAMA: string; Uhasibu: string; Utawala: string };
  locations: { 'Ghorofa 2': string; 'Stoo Kuu': string; 'Ukumbi wa Mikutano': string };
  people: { 'Zuhura Said': string; 'Hamisi Juma': string; 'Rehema Mollel': string };
  journalCount(): number;
  assetCount(): number;
}

export async function openImportWorld(): Promise<ImportWorld> {
  const t = await openTestCore({ start: NOW });
  const admin = t.as((await setUp(t)).token);
  const department = async (name: string, code: string) => (await admin.ok('departments.create', { name, code })).id;
  const location = async (name: string, building: string) => (await admin.ok('locations.create', { name, building, region: 'Dodoma' })).id;
  const person = async (full_name: string, check_number: string) => (await admin.ok('people.register', { full_name, check_number, title: 'Afisa' })).id;
  // Property values are evaluated in order: the ids come out as they always have.
  const departments = { TEHAMA: await department('TEHAMA', 'IT'), Uhasibu: await department('Uhasibu', 'UH'), Utawala: await department('Utawala', 'UT') };
  const locations = {
    'Ghorofa 2': await location('Ghorofa 2', 'Treasury Square'),
    'Stoo Kuu': await location('Stoo Kuu', 'Jengo B'),
    'Ukumbi wa Mikutano': await location('Ukumbi wa Mikutano', 'Jengo A'),
  };
  const people = {
    'Zuhura Said': await person('Zuhura Said', '100230'),
    'Hamisi Juma': await person('Hamisi Juma', '100231'),
    'Rehema Mollel': await person('Rehema Mollel', '100232'),
  };
  return {
    ...admin,
    t,
    core: t.core,
    departments,
    locations,
    people,
    journalCount: () => countRows(t.store, 'journal'),
    assetCount: () => countRows(t.store, 'assets'),
  };
}

export function fileOf(name: string, bytes: Uint8Array | string): { name: string; base64: string } {
  return { name, base64: Buffer.from(bytes).toString('base64') };
}

/** A workbook whose first sheet holds `rows` as given (a title row may come first). */
export async function workbook(rows: ExcelJS.CellValue[][], sheetName = 'Rejista', extraSheets: string[] = []): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  for (const name of extraSheets) book.addWorksheet(name).addRow(['Tupu']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function csv(rows: readonly (readonly string[])[], delimiter = ','): string {
  const quote = (cell: string) => (/["\n\r,;]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}
