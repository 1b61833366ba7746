// A register as CSV for Excel on Windows: UTF-8 with a byte-order mark (without it Excel reads Swahili
// names as Windows-1252), RFC 4180 quoting, CRLF line ends.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { csvText } from './cells.ts';
import { checkpoint, Totals, written, type ExportControl, type Table } from './table.ts';

export const BOM = '\uFEFF';

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** Writes through `out`, waiting whenever it asks to, and ends it; returns the number of data rows. */
export async function writeCsv(table: Table, out: Writable, control: ExportControl = {}): Promise<number> {
  const kinds = table.columns.map((column) => column.kind);
  let chunk = BOM + csvLine(table.headers);
  let count = 0;
  const totals = new Totals(table);
  const flush = async () => {
    if (chunk && !out.write(chunk, 'utf8')) await once(out, 'drain');
    chunk = '';
  };
  for (const values of table.rows) {
    chunk += csvLine(values.map((value, i) => csvText(value, kinds[i] ?? 'text')));
    totals.add(values);
    count += 1;
    if (chunk.length >= 64 * 1024) await flush();
    if (count % table.pageSize === 0) await checkpoint(count, table, control);
  }
  // The totals as a last row, labelled in words so that nobody reads it as one more record.
  if (count > 0 && totals.any && table.totals) chunk += csvLine(totals.row(table.totals.label).map((value, i) => csvText(value, kinds[i] ?? 'text')));
  await flush();
  out.end();
  await finished(out);
  written(count, table, control);
  return count;
}
