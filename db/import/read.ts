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
  headers: string[];
  rows: SheetRow[];
}

export interface ReadResult {
  /** Every worksheet's name, for the user to choose; one unnamed sheet for CSV. */
  sheets: string[];
  sheet: Sheet;
}

const MEGABYTES = MAX_IMPORT_BYTES / (1024 * 1024);

function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The header row is the first with two or more filled cells: registers often carry the institution's
 * name as a title above the table, and a register of one column is no register.
 */
function toSheet(name: string, grid: SheetRow[]): Sheet {
  const filled = (r: SheetRow) => r.cells.filter((c) => !isBlank(c)).length;
  const headerAt = grid.findIndex((r) => filled(r) >= 2);
  const header = grid[headerAt >= 0 ? headerAt : grid.findIndex((r) => filled(r) >= 1)];
  if (!header) refuse('file-empty');
  let width = header.cells.length;
  while (width > 0 && isBlank(header.cells[width - 1] ?? null)) width -= 1;
  const seen = new Map<string, number>();
  const headers = header.cells.slice(0, width).map((cell, i) => {
    // A column without a heading is named by its letter; a repeated heading gets a number, so every
    // column can be told apart in a mapping.
    const base = isBlank(cell) ? `[${columnLetter(i)}]` : String(cell).replace(/\s+/g, ' ').trim();
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? base : `${base} (${count})`;
  });
  const rows = grid
    .slice(grid.indexOf(header) + 1)
    .filter((r) => r.cells.slice(0, width).some((c) => !isBlank(c)))
    .map((r) => ({ row: r.row, cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? null) }));
  if (rows.length > MAX_IMPORT_ROWS) refuse('import-too-many-rows', { rows: rows.length, limit: MAX_IMPORT_ROWS });
  return { name, headers, rows };
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
  return { sheets, sheet: toSheet(worksheet.name, grid) };
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
  return { sheets: [''], sheet: toSheet('', grid) };
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
