// A report printed: A4 landscape under the institution's head, the report's title and its filters in
// words, a ruled table whose headings repeat on every page and whose long text wraps, money in
// shillings, a totals row, and on every page the witness of the records, the print date, who printed
// it and "page n of m". One layout for every report; the columns are the report's own.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Language, Translate } from '../contract/catalogues/index.ts';
import { formatDay } from '../contract/days.ts';
import { assertNever } from '../core/assert.ts';
import { drawCertification, drawFooter, drawFormHead, frameOf, type Form } from '../documents/form.ts';
import { formatTzs, newDocument, toBuffer, type Pdf } from '../documents/pdf.ts';
import { drawLongTable, type Cell, type Column, type Row } from '../documents/table.ts';
import type { Witness } from '../documents/witness.ts';
import type { Institution } from '../store/schema.ts';
import { dayAsDate } from './cells.ts';
import type { CellValue, ColumnKind } from './register.ts';
import { checkpoint, Totals, written, type ExportControl, type Table } from './table.ts';

export interface PrintMeta {
  t: Translate;
  language: Language;
  institution: Institution;
  title: string;
  /** The period and the other filters, in words; empty for the whole register. */
  filters: string[];
  printedOn: string;
  printedBy: string;
  witness: Witness | null;
  now: Date;
}

const SIZE = 7.5;
const HEADER_SIZE = 7;
const PADDING = 2.5;
const TOTALS_FILL = '#e9e9e9';
/** Points: a word longer than this may break; a column wider than this wraps its text. */
const LONGEST_WORD = 70;
const LONGEST_CELL = 170;

/** A cell as printed: days dd/MM/yyyy, money with thousands separated, nothing as empty. */
export function printedText(value: CellValue, kind: ColumnKind): string {
  if (value === null || value === '') return '';
  switch (kind) {
    case 'money':
      return typeof value === 'number' ? formatTzs(value) : value;
    case 'number':
      return String(value);
    case 'day':
      return typeof value === 'string' && dayAsDate(value) ? formatDay(value) : String(value);
    case 'text':
      return String(value);
    default:
      return assertNever(kind, 'column kind');
  }
}

/**
 * Each column's width in points. First what it cannot do without: its heading's longest word, and in
 * the first page of rows a whole date or amount, or a text's longest word (up to a limit, past which
 * a serial number may break). What the page has left goes to the columns whose text is long, so that
 * a column of notes wraps over fewer lines and a tag or a date never breaks.
 */
function widths(doc: Pdf, table: Table, texts: string[][], room: number): number[] {
  const pad = 2 * PADDING + 1;
  const width = (text: string, bold: boolean, size: number) => doc.font(bold ? 'bold' : 'regular').fontSize(size).widthOfString(text);
  const needs = table.columns.map((column, i) => {
    const heading = Math.max(...(table.headers[i] ?? '').split(/\s+/).map((word) => width(word, true, HEADER_SIZE)));
    const whole = column.kind !== 'text';
    const cells = texts.map((row) => {
      const text = row[i] ?? '';
      if (whole) return width(text, false, SIZE);
      return Math.min(LONGEST_WORD, Math.max(0, ...text.split(/\s+/).map((word) => width(word, false, SIZE))));
    });
    return Math.max(heading, ...cells) + pad;
  });
  const wants = table.columns.map((_, i) => {
    const lengths = texts.map((row) => width(row[i] ?? '', false, SIZE)).sort((a, b) => a - b);
    // The 90th percentile: one very long note does not widen its column for every row.
    const typical = lengths.length ? (lengths[Math.floor(lengths.length * 0.9)] ?? 0) : 0;
    return Math.max(needs[i] ?? 0, Math.min(typical, LONGEST_CELL) + pad);
  });
  const needed = needs.reduce((a, b) => a + b, 0);
  if (needed >= room) return needs;
  // Room for every column's typical text: each is widened alike, and nothing wraps that need not.
  const wanted = wants.reduce((a, b) => a + b, 0);
  if (wanted <= room) return wants.map((want) => (want * room) / wanted);
  const extra = wants.reduce((sum, want, i) => sum + want - (needs[i] ?? 0), 0);
  const spare = room - needed;
  return needs.map((need, i) => need + (extra > 0 ? (spare * ((wants[i] ?? 0) - need)) / extra : spare / needs.length));
}

function alignOf(kind: ColumnKind): 'left' | 'right' {
  return kind === 'money' || kind === 'number' ? 'right' : 'left';
}

/** Writes the printed report through `out` and ends it; returns the number of data rows. */
export async function writePdf(table: Table, out: Writable, meta: PrintMeta, control: ExportControl = {}): Promise<number> {
  const { t } = meta;
  const doc = await newDocument({ layout: 'landscape', language: meta.language, title: meta.title, author: meta.institution.name, subject: meta.filters.join(' · '), now: meta.now });
  const subtitle = meta.filters.length ? meta.filters.join(' · ') : t('registers.pdf.whole');
  const form: Form = {
    doc,
    t,
    institution: meta.institution,
    title: meta.title.toLocaleUpperCase(meta.language),
    subtitle,
    runningHead: `${meta.title} — ${subtitle}`,
    footerNote: '',
    printedOn: meta.printedOn,
    printedBy: meta.printedBy,
    witness: meta.witness,
  };
  doc.addPage();
  const frame = frameOf(form);
  const y = drawFormHead(form, '');

  const rows = table.rows[Symbol.iterator]();
  const sample: CellValue[][] = [];
  while (sample.length < table.pageSize) {
    const next = rows.next();
    if (next.done) break;
    sample.push(next.value);
  }
  const kinds = table.columns.map((column) => column.kind);
  const texts = sample.map((values) => values.map((value, i) => printedText(value, kinds[i] ?? 'text')));
  const shares = widths(doc, table, texts, frame.right - frame.left);
  const columns: Column[] = table.columns.map((column, i) => ({ header: [{ text: table.headers[i] ?? '' }], weight: shares[i] ?? 1, align: alignOf(column.kind) }));

  const totals = new Totals(table);
  let count = 0;
  const cells = (values: CellValue[], bold: boolean): Cell[] => values.map((value, i) => ({ runs: [{ text: printedText(value, kinds[i] ?? 'text'), bold }] }));
  const record = (values: CellValue[]): Row => {
    totals.add(values);
    count += 1;
    return { cells: cells(values, false) };
  };
  function* printedRows(): Generator<Row> {
    for (const values of sample) yield record(values);
    for (let next = rows.next(); !next.done; next = rows.next()) yield record(next.value);
    if (count === 0) yield { cells: [{ span: columns.length, align: 'center', runs: [{ text: t('registers.pdf.empty') }] }] };
    if (count > 0 && totals.any && table.totals) yield { fill: TOTALS_FILL, cells: cells(totals.row(table.totals.label), true) };
  }
  // The job pauses, reports and may stop a page of rows at a time, as the spreadsheets do.
  const below = await drawLongTable(doc, frame, y + 2, columns, printedRows(), { size: SIZE, headerSize: HEADER_SIZE, padding: PADDING }, (done) =>
    done % table.pageSize === 0 ? checkpoint(Math.min(done, count), table, control) : undefined,
  );
  // Whoever hands the report on signs that it is what the records held: the forms' closing block, in a report's words.
  const certifying: Translate = (key, params) => (key === 'documents.certify.statement' ? t('registers.pdf.statement') : t(key, params));
  drawCertification({ ...form, t: certifying }, below, [t('registers.pdf.prepared-by'), t('registers.pdf.checked-by')]);

  const pages = doc.bufferedPageRange().count;
  // Every page's footer once the page count is known: "page n of m", the print date and who printed it.
  for (let i = 0; i < pages; i += 1) drawFooter(form, i);
  control.signal?.throwIfAborted();
  const bytes = await toBuffer(doc);
  if (!out.write(bytes)) await once(out, 'drain');
  out.end();
  await finished(out);
  written(count, table, control);
  return count;
}
