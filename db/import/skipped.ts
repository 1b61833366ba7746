// Lines of a register that are not devices: blank lines, and what offices write below the table (who
// prepared it, signatures, dates, a total). They are listed as skipped, never as rows in error: a
// signature line must not stop a file whose commit is all-or-nothing.
import type { ImportField, ImportMapping } from '../contract/import-schemas.ts';
import { fold } from './mapping.ts';
import { isBlank, type Sheet, type SheetRow } from './read.ts';

export type SkipReason = 'blank' | 'footer' | 'total' | 'no-device';

export interface SkippedRow {
  row: number;
  reason: SkipReason;
  /** The line's text, shortened, so the user sees what was left out. */
  text: string;
}

// How footers begin, folded: "Imeandaliwa na:", "Prepared by", "Sahihi ……", "Jumla", "Total" …
const FOOTER = /^(imeandaliwa|imetayarishwa|imeandikwa|imehakikiwa|imekaguliwa|imeidhinishwa|imepitishwa|imethibitishwa|prepared|compiled|checked by|verified|approved|certified|sahihi|saini|signature|signed|jina la|jina|name|cheo|designation|muhuri|stamp|tarehe|date)\b/;
const TOTAL = /^(jumla|jumla kuu|total|grand total|sub total|subtotal)\b/;

/** Fields whose cells make a row a device: a line with none of them is something else. */
const DEVICE_FIELDS: readonly ImportField[] = ['tag', 'category', 'make', 'model', 'serial'];

function firstText(row: SheetRow): string {
  const cell = row.cells.find((c) => !isBlank(c));
  return cell === undefined ? '' : String(cell).replace(/\s+/g, ' ').trim();
}

function textOf(row: SheetRow): string {
  const texts = row.cells.filter((c) => !isBlank(c)).map((c) => String(c).replace(/\s+/g, ' ').trim());
  return [...new Set(texts)].join(' · ').slice(0, 120);
}

function footerReason(row: SheetRow): SkipReason | undefined {
  const first = fold(firstText(row));
  if (TOTAL.test(first)) return 'total';
  if (FOOTER.test(first)) return 'footer';
  return undefined;
}

/**
 * Splits the rows below the headings into devices and skipped lines. A line is skipped when it is
 * blank, when it begins like a footer or a total, or when it comes after the last device and fills
 * none of the columns that make a device (a sum under the cost column, a stamp).
 */
export function splitRows(sheet: Sheet, mapping: ImportMapping): { data: SheetRow[]; skipped: SkippedRow[] } {
  const columns = DEVICE_FIELDS.map((field) => mapping[field]).filter((h): h is string => h !== undefined).map((h) => sheet.headers.indexOf(h));
  const isDevice = (row: SheetRow) => columns.length === 0 || columns.some((i) => !isBlank(row.cells[i] ?? null));
  const reasons = new Map<number, SkipReason>();
  const single = (row: SheetRow) => new Set(row.cells.filter((c) => !isBlank(c)).map((c) => String(c).trim())).size <= 1;
  // A footer word at the start of a real device ("Total Station" is a surveyor's instrument) is data:
  // only a line that fills no device column, spans the row as one merged text, or follows every
  // device is taken for a footer.
  let lastDevice = -1;
  sheet.rows.forEach((row, i) => {
    if (isDevice(row) && !footerReason(row)) lastDevice = i;
  });
  sheet.rows.forEach((row, i) => {
    if (row.cells.every((c) => isBlank(c))) {
      reasons.set(row.row, 'blank');
      return;
    }
    const reason = footerReason(row);
    if (reason && (!isDevice(row) || single(row) || i > lastDevice)) reasons.set(row.row, reason);
  });
  // From the bottom up, until the last device: what follows the table is not the table.
  for (let i = sheet.rows.length - 1; i >= 0; i -= 1) {
    const row = sheet.rows[i] as SheetRow;
    if (reasons.has(row.row)) continue;
    if (isDevice(row)) break;
    reasons.set(row.row, 'no-device');
  }
  const data: SheetRow[] = [];
  const skipped: SkippedRow[] = [];
  for (const row of sheet.rows) {
    const reason = reasons.get(row.row);
    if (reason === undefined) data.push(row);
    else skipped.push({ row: row.row, reason, text: reason === 'blank' ? '' : textOf(row) });
  }
  // Blank lines at the very end say nothing; those between devices and the footer are shown.
  while (skipped.length > 0 && skipped[skipped.length - 1]?.reason === 'blank') skipped.pop();
  return { data, skipped };
}
