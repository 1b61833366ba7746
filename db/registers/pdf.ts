// A report printed: A4 landscape under the institution's head, the report's title and its filters in
// words, a ruled table whose headings repeat on every page and whose long text wraps, money in
// shillings, a totals row, and on every page the witness of the records, the print date, who printed
// it and "page n of m". One engine for every report: a plain one is a table of its printed columns; a
// laid-out one (print.ts: the log book) adds its particulars before the table, cells of several lines,
// a summary after it, and its own signatories.
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Language, Translate } from '../contract/catalogues/index.ts';
import { formatDay } from '../contract/days.ts';
import { assertNever } from '../core/assert.ts';
import { checkpoint as jobCheckpoint, pause, SLICE_MS } from '../core/jobs.ts';
import { drawCertification, drawFooter, drawFormHead, frameOf, type Form } from '../documents/form.ts';
import { drawBlock, formatTzs, newDocument, sealPagesAsTheyFill, type Pdf, type Run } from '../documents/pdf.ts';
import { drawLongTable, drawTable, type Cell, type Column, type Row } from '../documents/table.ts';
import type { Witness } from '../documents/witness.ts';
import type { Institution } from '../store/schema.ts';
import { dayAsDate } from './cells.ts';
import type { Lead, PrintedColumn, PrintedRow, Printing } from './print.ts';
import type { CellValue, ColumnKind } from './register.ts';
import type { ExportControl } from './table.ts';

export interface PrintMeta {
  t: Translate;
  language: Language;
  institution: Institution;
  /** The report's title in words. */
  title: string;
  /** The period and the other filters, in words; empty for the whole register. */
  filters: string[];
  printedOn: string;
  printedBy: string;
  witness: Witness | null;
  now: Date;
  /** How many rows there will be, for the window's bar; 0 when not known. */
  total: number;
  /** Rows between two reports of progress to a caller with no job (the command line). */
  pageSize: number;
}

const SIZE = 7.5;
const HEADER_SIZE = 7;
const PADDING = 2.5;
const TOTALS_FILL = '#e9e9e9';
const GREY = '#555555';
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

/** A row's cells as text, for measuring: a laid-out cell's lines joined. */
function textsOf(row: PrintedRow, columns: readonly PrintedColumn[]): string[] {
  return columns.map((column, i) => {
    const runs = row.runs[i];
    return runs ? runs.map((run) => run.text).join(' ') : printedText(row.values[i] ?? null, column.kind);
  });
}

/**
 * Each column's width in points. First what it cannot do without: its heading's longest word, and in
 * the first page of rows a whole date or amount, or a text's longest word (up to a limit, past which
 * a serial number may break). What the page has left goes to the columns whose text is long, so that
 * a column of notes wraps over fewer lines and a tag or a date never breaks.
 */
function widths(doc: Pdf, columns: readonly PrintedColumn[], texts: string[][], room: number): number[] {
  const pad = 2 * PADDING + 1;
  const width = (text: string, bold: boolean, size: number) => doc.font(bold ? 'bold' : 'regular').fontSize(size).widthOfString(text);
  const needs = columns.map((column, i) => {
    const heading = Math.max(...column.header.split(/\s+/).map((word) => width(word, true, HEADER_SIZE)));
    const whole = column.kind !== 'text';
    const cells = texts.map((row) => {
      const text = row[i] ?? '';
      if (whole) return width(text, false, SIZE);
      return Math.min(LONGEST_WORD, Math.max(0, ...text.split(/\s+/).map((word) => width(word, false, SIZE))));
    });
    return Math.max(heading, ...cells) + pad;
  });
  const wants = columns.map((_, i) => {
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

/** A bold heading over a part of the page ("DEVICE PARTICULARS"). */
function drawSectionHeading(form: Form, y: number, text: string): number {
  const frame = frameOf(form);
  return drawBlock(form.doc, [{ text, bold: true, size: 10 }], frame.left, y, frame.right - frame.left, 10) + 3;
}

/** The lead: its heading, the grid of particulars, the warning in a red box, then the table's heading. */
function drawLead(form: Form, y: number, lead: Lead): number {
  const { doc } = form;
  const frame = frameOf(form);
  let below = drawSectionHeading(form, y, lead.heading);
  const boxes = Math.max(1, ...lead.rows.map((row) => row.reduce((sum, box) => sum + (box.span ?? 1), 0)));
  const rows: Row[] = lead.rows.map((row) => ({
    cells: row.map((box) => ({
      span: box.span ?? 1,
      runs: [
        { text: box.label, size: 7, color: GREY },
        { text: box.value.trim() ? box.value : '—', bold: box.strong ?? true, size: 9 },
      ],
    })),
  }));
  below = drawTable(doc, frame, below, Array.from({ length: boxes }, () => ({ header: [], weight: 1 })), rows, { size: 9, headerSize: 8, padding: 3, header: false });
  if (lead.warning) {
    const top = below + 5;
    const width = frame.right - frame.left;
    const inner = drawBlock(doc, [{ text: `! ${lead.warning}`, bold: true, size: 10, color: '#b00000' }], frame.left + 8, top + 5, width - 16, 10);
    doc.lineWidth(2).strokeColor('#b00000').rect(frame.left, top, width, inner - top + 4).stroke();
    doc.strokeColor('#000000');
    below = inner + 4;
  }
  return drawSectionHeading(form, below + 9, lead.records);
}

/** The summary after the table, kept in one piece: heading and lines move to a new page together. */
function drawSummary(form: Form, y: number, summary: NonNullable<ReturnType<Printing['summary']>>): number {
  const frame = frameOf(form);
  const height = 20 + summary.lines.length * 16;
  let top = y + 14;
  if (top + height > frame.bottom) {
    frame.newPage();
    top = frame.top;
  }
  const below = drawSectionHeading(form, top, summary.heading);
  const half = { ...frame, right: frame.left + (frame.right - frame.left) * 0.45 };
  return drawTable(
    form.doc,
    half,
    below,
    [
      { header: [], weight: 3 },
      { header: [], weight: 1.2, align: 'right' },
    ],
    summary.lines.map((line) => ({ fill: line.strong ? TOTALS_FILL : undefined, cells: [{ runs: [{ text: line.label }] }, { runs: [{ text: line.value, bold: true }] }] })),
    { size: 9, headerSize: 8, padding: 3, header: false },
  );
}

/**
 * How a long print keeps the process answering: after a slice of time (or, with no job to tell, a page
 * of rows) it reports, pauses, and stops if asked.
 */
function pacer(control: ExportControl, phase: 'writing' | 'finishing', total: number, pageSize: number): (done: number) => Promise<void> | undefined {
  let since = performance.now();
  // `onProgress` counts rows: the pages numbered are told to the window's job only.
  const progress = phase === 'writing' ? control.onProgress : undefined;
  return (done) => {
    const job = control.job;
    if (job) {
      if (done !== total && performance.now() - since < SLICE_MS) return undefined;
      control.signal?.throwIfAborted();
      progress?.(done);
      return jobCheckpoint(job, done, total, phase).then(() => {
        since = performance.now();
      });
    }
    if (done % pageSize !== 0) return undefined;
    control.signal?.throwIfAborted();
    progress?.(done);
    return pause();
  };
}

/** Writes the printed report through `out` and ends it; returns the number of data rows. */
export async function writePdf(printing: Printing, out: Writable, meta: PrintMeta, control: ExportControl = {}): Promise<number> {
  const { t } = meta;
  const said = meta.filters.length ? meta.filters.join(' · ') : t('registers.pdf.whole');
  const subtitle = printing.heading.subtitle ?? said;
  const doc = await newDocument({
    layout: 'landscape',
    language: meta.language,
    title: printing.heading.documentTitle ?? meta.title,
    author: meta.institution.name,
    subject: printing.clause || meta.filters.join(' · '),
    now: meta.now,
  });
  const form: Form = {
    doc,
    t,
    institution: meta.institution,
    title: printing.heading.title ?? meta.title.toLocaleUpperCase(meta.language),
    subtitle,
    runningHead: printing.heading.runningHead ?? `${meta.title} — ${subtitle}`,
    footerNote: '',
    printedOn: meta.printedOn,
    printedBy: meta.printedBy,
    witness: meta.witness,
  };
  // A register of 50,000 devices is 1,400 pages: each is compressed and let go once the next begins,
  // and flows on to `out` as it is, so the file is never held whole.
  sealPagesAsTheyFill(doc);
  doc.pipe(out);
  doc.addPage();
  const frame = frameOf(form);
  let y = drawFormHead(form, printing.clause);
  if (printing.lead) y = drawLead(form, y, printing.lead);

  const size = printing.size ?? SIZE;
  const padding = printing.size ? 3 : PADDING;
  const headerSize = printing.size ? size - 0.5 : HEADER_SIZE;
  const rows = printing.rows[Symbol.iterator]();
  const sample: PrintedRow[] = [];
  const fixed = printing.columns.every((column) => column.weight !== null);
  // A plain report's columns are sized from its first page of rows, read before anything is drawn.
  while (!fixed && sample.length < meta.pageSize) {
    const next = rows.next();
    if (next.done) break;
    sample.push(next.value);
  }
  const shares = fixed
    ? printing.columns.map((column) => column.weight ?? 1)
    : widths(
        doc,
        printing.columns,
        sample.map((row) => textsOf(row, printing.columns)),
        frame.right - frame.left,
      );
  const columns: Column[] = printing.columns.map((column, i) => ({ header: [{ text: column.header }], weight: shares[i] ?? 1, align: column.align }));

  const sums = printing.columns.map(() => 0);
  let count = 0;
  const record = (row: PrintedRow): Row => {
    count += 1;
    printing.columns.forEach((column, i) => {
      const value = row.values[i];
      if (column.totalled && typeof value === 'number') sums[i] = (sums[i] ?? 0) + value;
    });
    return {
      cells: printing.columns.map((column, i): Cell => ({ runs: row.runs[i] ?? [{ text: printedText(row.values[i] ?? null, column.kind) }] })),
    };
  };
  // The totals row: its label across the columns before the first total, each sum under its column.
  const totalsRow = (): Row => {
    const first = printing.columns.findIndex((column) => column.totalled);
    const label: Run[] = [{ text: printing.totalsLabel(count), bold: true }];
    const sum = (i: number): Cell => ({ runs: [{ text: printing.columns[i]?.totalled ? printedText(sums[i] ?? 0, printing.columns[i]?.kind ?? 'number') : '', bold: true }] });
    // A first column that adds up has no room for the label: its sum stands there alone.
    const cells: Cell[] = first > 0 ? [{ span: first, align: 'right', runs: label }] : [];
    for (let i = Math.max(first, 0); i < printing.columns.length; i += 1) cells.push(sum(i));
    return { fill: TOTALS_FILL, cells };
  };
  const totalled = printing.columns.some((column) => column.totalled);
  function* printedRows(): Generator<Row> {
    for (const row of sample) yield record(row);
    for (let next = rows.next(); !next.done; next = rows.next()) yield record(next.value);
    if (count === 0) yield { cells: [{ span: columns.length, align: 'center', runs: [{ text: printing.empty }] }] };
    // A laid-out report totals even nothing, as the paper book does ("TOTAL — 0 entries"); a plain one only rows.
    if (totalled && (count > 0 || fixed)) yield totalsRow();
  }
  const writing = pacer(control, 'writing', meta.total, meta.pageSize);
  control.job?.report(0, meta.total, 'writing');
  y = await drawLongTable(doc, frame, y + 2, columns, printedRows(), { size, headerSize, padding }, (done) => (done <= count ? writing(done) : undefined));

  const summary = printing.summary();
  if (summary) y = drawSummary(form, y, summary);
  // Whoever hands the report on signs that it is what the records held.
  const certifying: Translate = (key, params) => (key === 'documents.certify.statement' ? t(printing.statement) : t(key, params));
  drawCertification({ ...form, t: certifying }, y, printing.signers.map((signer) => t(signer)));

  form.footerNote = printing.footnote();
  const pages = doc.bufferedPageRange().count;
  // Every page's footer once the page count is known: "page n of m", the print date and who printed it.
  const finishing = pacer(control, 'finishing', pages, Number.MAX_SAFE_INTEGER);
  control.job?.report(0, pages, 'finishing');
  for (let i = 0; i < pages; i += 1) {
    drawFooter(form, i);
    await finishing(i + 1);
  }
  control.signal?.throwIfAborted();
  doc.end();
  await finished(out);
  // The job ends telling the rows printed, as every export's does.
  control.onProgress?.(count);
  control.job?.report(count, meta.total, 'writing');
  return count;
}
