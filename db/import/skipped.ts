// Lines of a register that are not devices: blank lines, and what offices write below the table (who
// prepared it, signatures, dates, a total). They are listed as skipped, never as rows in error: a
// signature line must not stop a file whose commit is all-or-nothing.
import type { ImportField, ImportMapping } from './contract.ts';
import { fold } from './mapping.ts';
import { isBlank, type Cell, type Sheet, type SheetRow } from './read.ts';
import { toShillings } from './values.ts';

export type SkipReason = 'blank' | 'footer' | 'total' | 'no-device' | 'header' | 'page' | 'section';

export interface SkippedRow {
  row: number;
  reason: SkipReason;
  /** The line's text, shortened, so the user sees what was left out. */
  text: string;
}

// How footers begin, folded: "Imeandaliwa na:", "Prepared by", "Sahihi ……", "Jumla", "Total" …
const FOOTER = /^(imeandaliwa|imetayarishwa|imeandikwa|imehakikiwa|imekaguliwa|imeidhinishwa|imepitishwa|imethibitishwa|prepared|compiled|checked by|verified|approved|certified|sahihi|saini|signature|signed|jina la|jina|name|cheo|designation|muhuri|stamp|tarehe|date)\b/;
const TOTAL = /^(jumla|jumla kuu|total|grand total|sub total|subtotal)\b/;
// A page number a register printed to PDF and copied back keeps: "Ukurasa 2 wa 5", "Page 2", "2 of 5".
// A bare number is not one: registers number their empty lines in advance.
const PAGE = /^(?:(?:ukurasa|uk|page|pg)\s*\d+(?:\s*(?:wa|of|kati ya)\s*\d+)?|\d+\s*(?:wa|of|kati ya)\s*\d+)$/;

/** Fields whose cells make a row a device: a line with none of them is something else. */
const DEVICE_FIELDS: readonly ImportField[] = ['tag', 'category', 'make', 'model', 'serial'];

function firstText(row: SheetRow): string {
  const cell = row.cells.find((c) => !isBlank(c));
  return cell === undefined ? '' : String(cell).replace(/\s+/g, ' ').trim();
}

/** `410210000` → `TSh 410,210,000`, as the sample of devices shows a cost. */
function shillingsText(amount: number): string {
  return `TSh\u00a0${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

/**
 * The line as the user wrote it, except an amount under the cost column: a total's 410210000 is read
 * as shillings, with its thousands marked, or the user has to count the digits.
 */
function textOf(row: SheetRow, costColumn: number): string {
  const cellText = (cell: Cell, i: number) => {
    const amount = i === costColumn ? toShillings(cell) : null;
    return amount?.ok && amount.value !== null ? shillingsText(amount.value) : String(cell).replace(/\s+/g, ' ').trim();
  };
  const texts = row.cells.map((c, i) => (isBlank(c) ? '' : cellText(c, i))).filter((text) => text !== '');
  return [...new Set(texts)].join(' · ').slice(0, 120);
}

/**
 * What a cell under a heading says when the headings are repeated: the heading without the number
 * that tells repeats apart ("Maelezo (2)"), and for headings on two rows ("Ununuzi: Tarehe") the
 * group or the sub-heading, each row being repeated on its own.
 */
function headingForms(heading: string): string[] {
  const bare = heading.replace(/ \(\d+\)$/, '');
  const grouped = /^([^:]+):\s+(.+)$/.exec(bare);
  return [fold(bare), ...(grouped ? [fold(grouped[1] as string), fold(grouped[2] as string)] : [])];
}

/**
 * Whether a row repeats the headings: a register printed in pages and saved back, or pasted page by
 * page, carries them at the top of every page. Every text of the row is its column's heading (case
 * and spacing aside), and there are at least two.
 */
function repeatsHeadings(sheet: Sheet, row: SheetRow): boolean {
  const filled = row.cells.map((c, i) => [c, i] as const).filter(([c]) => !isBlank(c));
  return filled.length >= 2 && filled.every(([c, i]) => sheet.headers[i] !== undefined && headingForms(sheet.headers[i] as string).includes(fold(String(c))));
}

/** One text only, in a single cell or merged across three or more: a page number or a section's title. */
function lonelyReason(row: SheetRow): SkipReason | undefined {
  const filled = row.cells.filter((c) => !isBlank(c)).map((c) => String(c).replace(/\s+/g, ' ').trim());
  if (filled.length === 0 || new Set(filled).size > 1) return undefined;
  const folded = fold(filled[0] as string);
  if (PAGE.test(folded) && (filled.length === 1 || filled.length >= 3)) return 'page';
  // Registers group their devices under a title merged across the table ("IDARA YA UHASIBU"); a
  // device never has one text in every column.
  if (filled.length >= 3) return 'section';
  return undefined;
}

function footerReason(row: SheetRow): SkipReason | undefined {
  const first = fold(firstText(row));
  if (TOTAL.test(first)) return 'total';
  if (FOOTER.test(first)) return 'footer';
  return undefined;
}

/**
 * Splits the rows below the headings into devices and skipped lines. A line is skipped when it is
 * blank, when it begins like a footer or a total, when it repeats the headings or is a page number or
 * a group's title, or when it fills none of the columns that make a device. `step` is called after
 * each row of each pass: a long job pauses there.
 */
export async function splitRows(
  sheet: Sheet,
  mapping: ImportMapping,
  step: (done: number) => Promise<void> | undefined = () => undefined,
): Promise<{ data: SheetRow[]; skipped: SkippedRow[] }> {
  const columns = DEVICE_FIELDS.map((field) => mapping[field]).filter((h): h is string => h !== undefined).map((h) => sheet.headers.indexOf(h));
  const isDevice = (row: SheetRow) => columns.length === 0 || columns.some((i) => !isBlank(row.cells[i] ?? null));
  const reasons = new Map<number, SkipReason>();
  const single = (row: SheetRow) => new Set(row.cells.filter((c) => !isBlank(c)).map((c) => String(c).trim())).size <= 1;
  // A footer word at the start of a real device ("Total Station" is a surveyor's instrument) is data:
  // only a line that fills no device column, spans the row as one merged text, or follows every
  // device is taken for a footer.
  let lastDevice = -1;
  for (const [i, row] of sheet.rows.entries()) {
    if (isDevice(row) && !footerReason(row) && !repeatsHeadings(sheet, row) && !lonelyReason(row)) lastDevice = i;
    await step(i + 1);
  }
  const reasonOf = (row: SheetRow, i: number): SkipReason | undefined => {
    if (row.cells.every((c) => isBlank(c))) return 'blank';
    const reason = footerReason(row);
    if (reason && (!isDevice(row) || single(row) || i > lastDevice)) return reason;
    if (repeatsHeadings(sheet, row)) return 'header';
    const lonely = lonelyReason(row);
    if (lonely) return lonely;
    // Below the table (a sum under the cost column, a stamp) or inside it (a note carried onto the
    // next line, a line numbered in advance and never filled): no tag, category, make, model or serial.
    return isDevice(row) ? undefined : 'no-device';
  };
  for (const [i, row] of sheet.rows.entries()) {
    const reason = reasonOf(row, i);
    if (reason) reasons.set(row.row, reason);
    await step(i + 1);
  }
  const costColumn = mapping.cost_tzs === undefined ? -1 : sheet.headers.indexOf(mapping.cost_tzs);
  const data: SheetRow[] = [];
  const skipped: SkippedRow[] = [];
  for (const row of sheet.rows) {
    const reason = reasons.get(row.row);
    if (reason === undefined) data.push(row);
    else skipped.push({ row: row.row, reason, text: reason === 'blank' ? '' : textOf(row, costColumn) });
  }
  // Blank lines at the very end say nothing; those between devices and the footer are shown.
  while (skipped.length > 0 && skipped[skipped.length - 1]?.reason === 'blank') skipped.pop();
  return { data, skipped };
}
