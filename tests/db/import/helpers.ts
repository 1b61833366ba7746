// Fixtures of the import tests: a configured institution with departments, locations and people to
// name in a register, and files made on the fly (no binaries kept in the repository).
import ExcelJS from 'exceljs';
import type { Result } from '../../../db/contract/route.ts';
import { openCore, type Core } from '../../../db/core.ts';
import { manualClock, seededIds } from '../../../db/core/clock.ts';
import { domain } from '../../../db/domain.ts';
import { importEvents } from '../../../db/import/events.ts';
import { importMappingsProjection } from '../../../db/import/reducer.ts';
import { createDomain } from '../../../db/journal/domain.ts';
import { scryptHasher } from '../../../db/users/passwords.ts';
import { ADMIN, INSTITUTION, okValue } from '../../helpers/core.ts';

export interface ImportWorld {
  core: Core;
  token: string;
  call(route: string, input: unknown): Promise<Result<unknown>>;
  departments: Record<string, string>;
  locations: Record<string, string>;
  people: Record<string, string>;
  journalCount(): number;
  assetCount(): number;
}

/** The product's domain with the import's event, whether or not db/domain.ts lists it yet. */
function withImport(): typeof domain {
  if (domain.events.has('import.mapping-remembered')) return domain;
  return createDomain([...domain.events.values(), ...importEvents], [...domain.projections, importMappingsProjection]);
}

export async function openImportWorld(): Promise<ImportWorld> {
  const core = await openCore({ path: ':memory:', hasher: scryptHasher(10), clock: manualClock('2026-11-23T08:00:00Z'), ids: seededIds(1) });
  core.services.domain = withImport();
  const outcome = await core.call(null, 'setup.initialize', { institution: INSTITUTION, admin: ADMIN });
  okValue(outcome.result);
  if (typeof outcome.session !== 'string') throw new Error('setup did not start a session');
  const token = outcome.session;
  const call = async (route: string, input: unknown) => (await core.call(token, route, input)).result;

  const departments: Record<string, string> = {};
  for (const [name, code] of [['TEHAMA', 'IT'], ['Uhasibu', 'UH'], ['Utawala', 'UT']]) {
    departments[name as string] = okValue<{ id: string }>(await call('departments.create', { name, code })).id;
  }
  const locations: Record<string, string> = {};
  for (const [name, building] of [['Ghorofa 2', 'Treasury Square'], ['Stoo Kuu', 'Jengo B'], ['Ukumbi wa Mikutano', 'Jengo A']]) {
    locations[name as string] = okValue<{ id: string }>(await call('locations.create', { name, building, region: 'Dodoma' })).id;
  }
  const people: Record<string, string> = {};
  for (const [full_name, check_number] of [['Zuhura Said', '100230'], ['Hamisi Juma', '100231'], ['Rehema Mollel', '100232']]) {
    people[full_name as string] = okValue<{ id: string }>(await call('people.register', { full_name, check_number, title: 'Afisa' })).id;
  }
  const count = (table: string) => (core.services.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { core, token, call, departments, locations, people, journalCount: () => count('journal'), assetCount: () => count('assets') };
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

export interface PreviewValue {
  sheets: string[];
  sheet: string;
  header_row: number;
  top_rows: { row: number; text: string }[];
  headers: string[];
  mapping: Record<string, string>;
  mapping_source: 'given' | 'remembered' | 'suggested';
  unmapped_required: string[];
  lookalikes: { column: string; field: string }[];
  rows: { total: number; valid: number; invalid: number; skipped: number };
  invalid_rows: { row: number; errors: { field: string; column: string | null; cell: string | null; value: string; message: string; params?: Record<string, string | number> }[] }[];
  skipped_rows: { row: number; reason: string; text: string }[];
  hidden_rows: { count: number; rows: number[] };
  values: {
    field: string;
    value: string;
    rows: number;
    first_row: number;
    suggestions: { id: string; label: string; score: number }[];
    choice: { field: string; value: string; action: 'map' | 'create'; id?: string } | null;
    source: string | null;
  }[];
  entries: Record<string, { id: string; label: string }[]>;
  can_create_categories: boolean;
  sample: { row: number; tag: string | null; values: Record<string, unknown> | null }[];
}

export interface CommitValue {
  imported: number;
  first_tag: string;
  last_tag: string;
  left_out: number;
  created: Record<string, number>;
}
