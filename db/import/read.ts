// Reading a register as institutions keep it today: an Excel workbook or a CSV file saved from one,
// into a header row and data rows numbered as the spreadsheet shows them.
import { createInflateRaw } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './contract.ts';
import { refuse } from '../core/refusal.ts';

/** A cell's value; Excel dates arrive already as `YYYY-MM-DD`. */
export type Cell = string | number | boolean | null;

export interface SheetRow {
  /** The row number the spreadsheet shows, so a person can find it. */
  row: number;
  cells: Cell[];
  /** For headings on two rows: the lower row, below which the data begin. */
  through?: number;
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
  /** Rows hidden in Excel (filtered out, or hidden by hand): read like the others, and said so. */
  hidden: number[];
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
  const used = new Set<string>();
  return row.cells.slice(0, width).map((cell, i) => {
    // A column without a heading is named by its letter; a repeated heading gets a number, so every
    // column can be told apart in a mapping.
    // A heading is cut where a mapping can still name it (200 characters, its number included).
    const base = isBlank(cell) ? `[${columnLetter(i)}]` : String(cell).replace(/\s+/g, ' ').trim().slice(0, 190);
    let count = seen.get(base.toLowerCase()) ?? 0;
    let name = base;
    // "Maelezo", "Maelezo (2)", "Maelezo": the third must not become a second "Maelezo (2)".
    do {
      count += 1;
      name = count === 1 ? base : `${base} (${count})`;
    } while (used.has(name.toLowerCase()));
    seen.set(base.toLowerCase(), count);
    used.add(name.toLowerCase());
    return name;
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
  return withSubHeadings(grid, pickHeaderRow(grid, options));
}

function pickHeaderRow(grid: readonly SheetRow[], options: { chosen?: number | undefined; known?: (headers: string[]) => boolean; recognised?: (header: string) => boolean }): SheetRow {
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

const textOf = (cell: Cell | undefined): string => (cell === undefined || isBlank(cell) ? '' : String(cell).replace(/\s+/g, ' ').trim());

// A sub-heading is words, never a number or a date as a device's cells are.
const isLabel = (cell: Cell | undefined): boolean => typeof cell === 'string' && /\p{L}/u.test(cell) && !/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(cell.trim());

/**
 * Headings on two rows, as printed registers group them ("Ununuzi" merged over "Tarehe" and "Bei"):
 * the row just below the headings holds sub-headings when each of its texts sits under a merged
 * group heading or repeats the heading above it (exceljs gives a cell merged down both rows in both),
 * and at least one sits under a group. Each group's column is then named "group: sub-heading", and
 * the data begin below the second row; read alone, the second row was taken for a device.
 */
function withSubHeadings(grid: readonly SheetRow[], header: SheetRow): SheetRow {
  const next = grid.find((r) => r.row === header.row + 1);
  if (!next) return header;
  const above = (i: number) => textOf(header.cells[i]);
  const inGroup = (i: number) => above(i) !== '' && (above(i - 1) === above(i) || above(i + 1) === above(i));
  let grouped = 0;
  for (let i = 0; i < next.cells.length; i += 1) {
    const below = textOf(next.cells[i]);
    if (below === '') continue;
    if (!isLabel(next.cells[i])) return header;
    if (below === above(i)) continue;
    if (!inGroup(i)) return header;
    grouped += 1;
  }
  if (grouped === 0) return header;
  const width = Math.max(header.cells.length, next.cells.length);
  const cells = Array.from({ length: width }, (_, i): Cell => {
    const below = textOf(next.cells[i]);
    if (below !== '' && below !== above(i) && inGroup(i)) return `${above(i)}: ${below}`;
    return above(i) === '' ? (next.cells[i] ?? null) : (header.cells[i] ?? null);
  });
  return { row: header.row, cells, through: next.row };
}

/**
 * How much a sheet looks like a register: the most fields any one of its top rows names as headings,
 * and above any count, headings whose mapping was remembered (the register imported before).
 */
export function headingScore(grid: readonly SheetRow[], recognised: (header: string) => boolean, known?: (headers: string[]) => boolean): number {
  let best = 0;
  for (const row of grid.filter((r) => r.cells.some((c) => !isBlank(c))).slice(0, HEADER_SEARCH_ROWS)) {
    if (distinctTexts(row).length < 2) continue;
    const headings = headingsOf(row);
    if (known?.(headings)) return Number.MAX_SAFE_INTEGER;
    best = Math.max(best, headings.filter(recognised).length);
  }
  return best;
}

/** The table below the chosen headings. */
export function sheetAt(name: string, grid: readonly SheetRow[], header: SheetRow): Sheet {
  const headers = headingsOf(header);
  const width = headers.length;
  const rows = grid.filter((r) => r.row > (header.through ?? header.row)).map((r) => ({ row: r.row, cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? null) }));
  const filled = rows.filter((r) => r.cells.some((c) => !isBlank(c))).length;
  if (filled > MAX_IMPORT_ROWS) refuse('import-too-many-rows', { rows: filled, limit: MAX_IMPORT_ROWS });
  return { name, header_row: header.row, headers, rows };
}

type ExcelValue = ExcelJS.CellValue;

const EXCEL_DAY_ZERO = Date.UTC(1899, 11, 31);

function isoDay(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

// Characters that show as nothing: text pasted from a web page or an email into a register carries
// zero-width spaces and joiners, and a saved CSV may repeat the byte-order mark. Left in, "ProBook 450"
// with one inside is a different model, and a serial a different device.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

function clean(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** A cell as a person reads it: rich text joined, a formula's last result, a link's text. */
function excelCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return clean(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  // exceljs gives a date cell as the Excel wall-clock day at UTC midnight. Day 0 (1899-12-30, shown
  // 00/01/1900) is what a date cell holds when a formula left it empty: no date, not one in 1899.
  if (value instanceof Date) return value.getTime() <= EXCEL_DAY_ZERO ? null : isoDay(value);
  if ('richText' in value) return clean(value.richText.map((part) => part.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return excelCell((value.result ?? null) as ExcelValue);
  if ('hyperlink' in value) return excelCell(value.text as ExcelValue);
  if ('error' in value) return value.error;
  return null;
}

function gridOf(worksheet: ExcelJS.Worksheet): { grid: SheetRow[]; hidden: number[] } {
  const grid: SheetRow[] = [];
  const hidden: number[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (row.hidden) hidden.push(number);
    // Cell by cell, not column by column: one formatted cell far to the right must not make every
    // row thousands of columns wide.
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = excelCell(cell.value);
    });
    grid.push({ row: number, cells: Array.from(cells, (cell) => cell ?? null) });
  });
  return { grid, hidden };
}

/** How much a sheet looks like a register: the most device fields one of its top rows names. */
export type SheetScore = (grid: readonly SheetRow[]) => number;

/**
 * What a workbook's zip holds once unpacked, at most: a real register of MAX_IMPORT_ROWS rows unpacks to
 * well under this, and a zip bomb (a small file inflating to gigabytes) must be stopped before the reader
 * unpacks it whole into memory.
 */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

/** Inflates one entry only to count its bytes, and stops at `allowance`: the output is never kept. */
async function inflatedSize(data: Buffer, allowance: number): Promise<number> {
  const inflate = createInflateRaw();
  let size = 0;
  inflate.end(data);
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > allowance) break;
    }
  } catch {
    refuse('import-unreadable');
  } finally {
    inflate.destroy();
  }
  return size;
}

/**
 * Refuses a zip that unpacks to more than MAX_UNPACKED_BYTES. The sizes the zip declares may lie, so
 * every entry is inflated (and thrown away) to count what it really holds.
 */
async function refuseZipBomb(bytes: Buffer): Promise<void> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) refuse('import-unreadable');
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) refuse('import-unreadable');
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const local = bytes.readUInt32LE(at + 42);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) refuse('import-unreadable');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressed);
    total += method === 8 ? await inflatedSize(data, MAX_UNPACKED_BYTES - total) : data.length;
    if (total > MAX_UNPACKED_BYTES) refuse('import-unpacked-too-large', { megabytes: MAX_UNPACKED_BYTES / (1024 * 1024) });
  }
}

async function readWorkbook(bytes: Buffer, sheetName: string | undefined, score: SheetScore | undefined): Promise<ReadResult> {
  await refuseZipBomb(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    refuse('import-unreadable');
  }
  // A zip without a single worksheet is a Word document or an archive renamed, not an empty register.
  if (workbook.worksheets.length === 0) refuse('import-unreadable');
  const sheets = workbook.worksheets.map((w) => w.name);
  if (sheetName) {
    const worksheet = workbook.worksheets.find((w) => w.name.trim().toLowerCase() === sheetName.trim().toLowerCase());
    if (!worksheet) refuse('import-sheet-not-found', { sheet: sheetName });
    return { sheets, name: worksheet.name, ...gridOf(worksheet) };
  }
  // Offices put instructions, a summary or last year's register first: unless the user picks one, the
  // visible sheet whose headings name most fields is read (the first of equals), never a hidden one.
  const visible = workbook.worksheets.filter((w) => w.state === 'visible');
  let best: { name: string; grid: SheetRow[]; hidden: number[]; score: number } | undefined;
  for (const worksheet of visible.length > 0 ? visible : workbook.worksheets) {
    const read = gridOf(worksheet);
    const points = score ? score(read.grid) : 0;
    if (!best || points > best.score) best = { name: worksheet.name, ...read, score: points };
    if (!score) break;
  }
  const chosen = best as { name: string; grid: SheetRow[]; hidden: number[] };
  return { sheets, name: chosen.name, grid: chosen.grid, hidden: chosen.hidden };
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

/** A control character that no text saved from a spreadsheet holds (tab and line ends aside). */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
}

/**
 * Whether decoded text is really a binary file (a picture, a PDF, an old .xls renamed .csv): any NUL,
 * or more than one character in ten a control character (a stray one pasted into a cell is the
 * row's problem, told with the row). Read as text it would be one
 * unmappable heading of mojibake and a preview of garbage.
 */
export function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (isControl(code)) controls += 1;
  }
  return controls > 0 && controls * 10 > text.length;
}

/**
 * Systems that export for Excel write `="00123"` so that Excel keeps a tag's or a serial's leading
 * zeros; Excel shows 00123, and so does the register.
 */
function unwrapFormula(cell: string): string {
  const match = /^="(.*)"$/s.exec(cell.trim());
  return match ? (match[1] as string).replace(/""/g, '"') : cell;
}

function readCsv(bytes: Buffer): ReadResult {
  const text = decodeText(bytes);
  if (looksBinary(text)) refuse('import-unreadable');
  // Excel's "sep=;" first line names the delimiter and is not shown as a row: numbering starts below it.
  const sep = /^"?sep=([,;\t|])"?[,;\t|]*\r?\n/i.exec(text);
  const body = sep ? text.slice(sep[0].length) : text;
  let records: string[][];
  try {
    records = parseCsv(body, sep ? (sep[1] as string) : detectDelimiter(body));
  } catch {
    refuse('import-unreadable');
  }
  // Blank lines are kept as records so that numbering matches the row numbers Excel shows.
  const grid = records.map((cells, i) => ({ row: i + 1, cells: cells.map((cell) => clean(unwrapFormula(cell))) as Cell[] }));
  return { sheets: [''], name: '', grid, hidden: [] };
}

function isZip(bytes: Buffer): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads an uploaded register; refuses a file too large, unreadable, or without a table. */
export async function readSpreadsheet(file: { name: string; bytes: Buffer }, sheetName?: string, score?: SheetScore): Promise<ReadResult> {
  if (file.bytes.length > MAX_IMPORT_BYTES) refuse('file-too-large', { megabytes: MEGABYTES });
  if (file.bytes.length === 0) refuse('file-empty');
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (isZip(file.bytes)) return readWorkbook(file.bytes, sheetName, score);
  // An .xls of Excel 97–2003 or an .xlsx that is not a zip: nothing this reader understands.
  if (['xlsx', 'xlsm', 'xls', 'ods'].includes(extension)) refuse('import-unreadable');
  return readCsv(file.bytes);
}
