// A register as an Excel workbook, written as a stream: each row leaves for the zip as soon as it is
// made, so 50,000 devices never stand in memory as a sheet.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { assertNever } from '../core/assert.ts';
import { dayAsDate, displayLength, neutralise } from './cells.ts';
import type { CellValue, ColumnKind } from './register.ts';
import { checkpoint, Totals, written, type ExportControl, type Table } from './table.ts';

export interface WorkbookMeta {
  title: string;
  sheet: string;
  /** The institution: Excel shows it as the author. */
  creator: string;
  created: Date;
}

export const MONEY_FORMAT = '#,##0';
export const DAY_FORMAT = 'dd/mm/yyyy';

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;

/** Excel refuses a sheet name over 31 characters or holding any of `[]:*?/\`. */
export function sheetName(name: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 31)
      .replace(/^'+|'+$/g, '') || 'Sheet1'
  );
}

function styleOf(kind: ColumnKind): Partial<ExcelJS.Style> {
  switch (kind) {
    case 'money':
      return { numFmt: MONEY_FORMAT };
    case 'day':
      return { numFmt: DAY_FORMAT };
    case 'number':
    case 'text':
      return {};
    default:
      return assertNever(kind, 'column kind');
  }
}

/**
 * A cell as Excel stores it. Text is always a string cell (ExcelJS writes a formula only when given
 * `{ formula }`), and neutralised as well, for whoever saves the workbook again as CSV. Numbers stay
 * numbers, a negative one included; days become dates, shown dd/MM/yyyy by the column's format.
 */
export function xlsxValue(value: CellValue, kind: ColumnKind): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return kind === 'text' ? neutralise(String(value)) : value;
  if (kind === 'day') return dayAsDate(value) ?? neutralise(value);
  return neutralise(value);
}

/** Widths from the headings and the first page of rows: enough to read, never a screen wide. */
function widths(table: Table, sample: CellValue[][]): number[] {
  return table.columns.map((column, i) => {
    const longest = Math.max((table.headers[i] ?? '').length, ...sample.map((row) => displayLength(row[i] ?? null, column.kind)));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
}

interface Inlet {
  _writableState: { needDrain: boolean };
}

/**
 * ExcelJS feeds a sheet's XML to the zip through a pass-through whose back-pressure it ignores: left
 * alone, a fast loop piles the whole sheet up in front of deflate (10 MB at 20,000 rows). Between pages
 * the writer waits for that pass-through to drain. It is found by duck typing; should a later ExcelJS
 * hold it elsewhere, the export still works, only without the wait.
 */
function inletOf(sheet: ExcelJS.Worksheet): (Inlet & NodeJS.EventEmitter) | null {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  const inlet: unknown = Array.isArray(pipes) ? pipes[0] : undefined;
  if (typeof inlet !== 'object' || inlet === null || !('_writableState' in inlet) || !('once' in inlet)) return null;
  return inlet as Inlet & NodeJS.EventEmitter;
}

async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const inlet = inletOf(sheet);
  // The limit only guards against waiting on a stream that will never drain; deflate takes milliseconds.
  if (inlet?._writableState.needDrain) await once(inlet, 'drain', { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
}

/** Writes the workbook through `out` and ends it; returns the number of data rows. */
export async function writeXlsx(table: Table, out: Writable, meta: WorkbookMeta, control: ExportControl = {}): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = meta.creator;
  workbook.lastModifiedBy = meta.creator;
  workbook.created = meta.created;
  workbook.modified = meta.created;
  workbook.title = meta.title;

  const rows = table.rows[Symbol.iterator]();
  const sample: CellValue[][] = [];
  while (sample.length < table.pageSize) {
    const next = rows.next();
    if (next.done) break;
    sample.push(next.value);
  }

  const sheet = workbook.addWorksheet(sheetName(meta.sheet), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  const columnWidths = widths(table, sample);
  sheet.columns = table.columns.map((column, i) => ({ key: column.key, width: columnWidths[i], style: styleOf(column.kind) }));
  const header = sheet.addRow(table.headers);
  header.font = { bold: true };
  header.commit();

  const kinds = table.columns.map((column) => column.kind);
  let count = 0;
  const totals = new Totals(table);
  const write = async (values: CellValue[]) => {
    sheet.addRow(values.map((value, i) => xlsxValue(value, kinds[i] ?? 'text'))).commit();
    totals.add(values);
    count += 1;
    if (count % table.pageSize === 0) {
      await zipCaughtUp(sheet);
      await checkpoint(count, table, control);
    }
  };
  for (const values of sample) await write(values);
  for (let next = rows.next(); !next.done; next = rows.next()) await write(next.value);

  // Over the records only: the totals row below stays put when Excel filters or sorts them.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: count + 1, column: table.columns.length } };
  if (count > 0 && totals.any && table.totals) {
    const foot = sheet.addRow(totals.row(table.totals.label).map((value, i) => xlsxValue(value, kinds[i] ?? 'text')));
    foot.font = { bold: true };
    foot.commit();
  }
  sheet.commit();
  await workbook.commit();
  written(count, table, control);
  return count;
}
