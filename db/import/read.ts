// Reading a register as institutions keep it today: an Excel workbook or a CSV file saved from one,
// into a header row and data rows numbered as the spreadsheet shows them.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../contract/import-schemas.ts';
import { refuse } from '../core/refusal.ts';

/** A cell's value; Excel dates arrive already as `YYYY-MM-DD`. */
export type Cell = string | number | boolean | null;

export interface SheetRow {
  /** The row number the spreadsheet shows, so a person can find it. */
  row: number;
  cells: Cell[];
}

export interface Sheet {
  name: string;
  /** The spreadsheet row that holds the headings. */
  header_row: number;
  headers: string[];
  /** Every row below the headings that holds anything, blank lines included (see splitRows). */
  rows: SheetRow[];
}

export interface ReadResult {
  /** Every worksheet's name, for the user to choose; one unnamed sheet for CSV. */
  sheets: string[];
  name: string;
  /** Every row that holds anything, as the spreadsheet numbers them. */
  grid: SheetRow[];
}

const MEGABYTES = MAX_IMPORT_BYTES / (1024 * 1024);

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The distinct texts of a row: a merged title repeats one text in every cell of its range. */
function distinctTexts(row: SheetRow): string[] {
  return [...new Set(row.cells.filter((c) => !isBlank(c)).map((c) => String(c).replace(/\s+/g, ' ').trim().toLowerCase()))];
}

/** The headings a row would give, each column told apart. */
export function headingsOf(row: SheetRow): string[] {
  let width = row.cells.length;
  while (width > 0 && isBlank(row.cells[width - 1] ?? null)) width -= 1;
  const seen = new Map<string, number>();
  return row.cells.slice(0, width).map((cell, i) => {
    // A column without a heading is named by its letter; a repeated heading gets a number, so every
    // column can be told apart in a mapping.
    const base = isBlank(cell) ? `[${columnLetter(i)}]` : String(cell).replace(/\s+/g, ' ').trim();
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** How far down a sheet the headings are looked for. */
const HEADER_SEARCH_ROWS = 30;

/** The rows a user may choose the headings from: the first rows that hold anything. */
export function topRows(grid: readonly SheetRow[]): { row: number; text: string }[] {
  return grid
    .filter((r) => r.cells.some((c) => !isBlank(c)))
    .slice(0, HEADER_SEARCH_ROWS)
    .map((r) => ({ row: r.row, text: distinctTexts(r).length === 0 ? '' : r.cells.filter((c) => !isBlank(c)).map((c) => String(c).trim()).filter((t, i, all) => all.indexOf(t) === i).join(' · ').slice(0, 240) }));
}

/**
 * The row of headings, found by what it says (an ICT unit's register puts the institution's name, the
 * register's title and a blank line above the table; exceljs gives a merged title's text in every
 * cell of its range, so a title looks like many filled cells of one text):
 * 1. the row the user chose, if given;
 * 2. a row whose headings have a mapping remembered (`known`), so a choice made once holds next time;
 * 3. the row that names most fields of a device; 4. the first row of two or more different texts.
 */
export function findHeaderRow(grid: readonly SheetRow[], options: { chosen?: number | undefined; known?: (headers: string[]) => boolean; recognised?: (header: string) => boolean }): SheetRow {
  if (options.chosen !== undefined) {
    const chosen = grid.find((r) => r.row === options.chosen && r.cells.some((c) => !isBlank(c)));
    if (!chosen) refuse('import-header-row-not-found', { row: options.chosen });
    return chosen;
  }
  const candidates = grid.filter((r) => r.cells.some((c) => !isBlank(c))).slice(0, HEADER_SEARCH_ROWS);
  const remembered = options.known ? candidates.find((r) => distinctTexts(r).length >= 2 && options.known?.(headingsOf(r))) : undefined;
  if (remembered) return remembered;
  let best: { row: SheetRow; score: number } | undefined;
  for (const row of candidates) {
    const texts = distinctTexts(row);
    if (texts.length < 2) continue;
    // Headings are words: a row of numbers and dates is data.
    const score = options.recognised ? headingsOf(row).filter((h) => options.recognised?.(h)).length : 0;
    if (!best || score > best.score) best = { row, score };
  }
  const header = best?.row ?? candidates.find((r) => distinctTexts(r).length >= 2) ?? candidates[0];
  if (!header) refuse('file-empty');
  return header;
}

/** The table below the chosen headings. */
export function sheetAt(name: string, grid: readonly SheetRow[], header: SheetRow): Sheet {
  const headers = headingsOf(header);
  const width = headers.length;
  const rows = grid.filter((r) => r.row > header.row).map((r) => ({ row: r.row, cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? null) }));
  const filled = rows.filter((r) => r.cells.some((c) => !isBlank(c))).length;
  if (filled > MAX_IMPORT_ROWS) refuse('import-too-many-rows', { rows: filled, limit: MAX_IMPORT_ROWS });
  return { name, header_row: header.row, headers, rows };
}

type ExcelValue = ExcelJS.CellValue;

function isoDay(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** A cell as a person reads it: rich text joined, a formula's last result, a link's text. */
function excelCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // exceljs gives a date cell as the Excel wall-clock day at UTC midnight.
  if (value instanceof Date) return isoDay(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return excelCell((value.result ?? null) as ExcelValue);
  if ('hyperlink' in value) return excelCell(value.text as ExcelValue);
  if ('error' in value) return value.error;
  return null;
}

async function readWorkbook(bytes: Buffer, sheetName: string | undefined): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    refuse('import-unreadable');
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const worksheet = sheetName
    ? workbook.worksheets.find((w) => w.name.trim().toLowerCase() === sheetName.trim().toLowerCase())
    : workbook.worksheets.find((w) => w.state === 'visible') ?? workbook.worksheets[0];
  if (!worksheet) {
    if (sheetName) refuse('import-sheet-not-found', { sheet: sheetName });
    refuse('file-empty');
  }
  const grid: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    // Cell by cell, not column by column: one formatted cell far to the right must not make every
    // row thousands of columns wide.
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = excelCell(cell.value);
    });
    grid.push({ row: number, cells: Array.from(cells, (cell) => cell ?? null) });
  });
  return { sheets, name: worksheet.name, grid };
}

/** UTF-8 (with or without its BOM), UTF-16 as Excel's "Unicode text" saves it, else Windows-1252. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Excel on an English or Swahili Windows saves "CSV" in the ANSI code page, 1252.
    return new TextDecoder('windows-1252').decode(body);
  }
}

const DELIMITERS = [',', ';', '\t'] as const;

function parseCsv(text: string, delimiter: string, toLine?: number): string[][] {
  return parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
    ...(toLine ? { to_line: toLine } : {}),
  }) as string[][];
}

/**
 * The delimiter that splits the first lines into the same number (two or more) of columns most
 * often. Counting characters is not enough: a `;` file's costs read "2,450,000".
 */
export function detectDelimiter(text: string): string {
  let best: { delimiter: string; score: number; width: number } = { delimiter: ',', score: -1, width: 0 };
  for (const delimiter of DELIMITERS) {
    let records: string[][];
    try {
      records = parseCsv(text, delimiter, 50);
    } catch {
      continue;
    }
    const widths = new Map<number, number>();
    for (const record of records) if (record.length > 1) widths.set(record.length, (widths.get(record.length) ?? 0) + 1);
    for (const [width, score] of widths) {
      if (score > best.score || (score === best.score && width > best.width)) best = { delimiter, score, width };
    }
  }
  return best.delimiter;
}

function readCsv(bytes: Buffer): ReadResult {
  const text = decodeText(bytes);
  let records: string[][];
  try {
    records = parseCsv(text, detectDelimiter(text));
  } catch {
    refuse('import-unreadable');
  }
  // Blank lines are kept as records so that numbering matches the row numbers Excel shows.
  const grid = records.map((cells, i) => ({ row: i + 1, cells: cells as Cell[] }));
  return { sheets: [''], name: '', grid };
}

function isZip(bytes: Buffer): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads an uploaded register; refuses a file too large, unreadable, or without a table. */
export async function readSpreadsheet(file: { name: string; bytes: Buffer }, sheetName?: string): Promise<ReadResult> {
  if (file.bytes.length > MAX_IMPORT_BYTES) refuse('file-too-large', { megabytes: MEGABYTES });
  if (file.bytes.length === 0) refuse('file-empty');
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (isZip(file.bytes)) return readWorkbook(file.bytes, sheetName);
  // An .xls of Excel 97–2003 or an .xlsx that is not a zip: nothing this reader understands.
  if (['xlsx', 'xlsm', 'xls', 'ods'].includes(extension)) refuse('import-unreadable');
  return readCsv(file.bytes);
}
