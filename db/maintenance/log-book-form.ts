// The Service Maintenance Log Book on paper (3.6.4): one device's page laid out like the book kept in
// the ICT office, and the institution's book for a period, with totals and a summary. A ministry's year
// is thousands of entries, so the period's book is a long job: it pauses between rows and pages.
import type { z } from 'zod';
import { describeMedium, OFFLINE_CLASSIFICATIONS } from '../assets/contract.ts';
import { type AssetView, findAsset } from '../assets/queries.ts';
import { translator, type Language, type Translate } from '../contract/catalogues/index.ts';
import { formatDay } from '../contract/days.ts';
import { entryDowntime, type LogBookPageInput, type LogBookPeriodInput, OUTCOMES, partCost } from './contract.ts';
import { signedIn, type CallContext } from '../core/context.ts';
import { stepper, type JobHandle } from '../core/jobs.ts';
import { refuse } from '../core/refusal.ts';
import { getInstitution } from '../institution/queries.ts';
import { today } from '../maintenance/commands.ts';
import { logBookOf, type EntryView } from '../maintenance/queries.ts';
import { printWitness } from '../documents/witness.ts';
import { drawCertification, drawFooter, drawFooters, drawFormHead, frameOf, type Form } from '../documents/form.ts';
import { drawBlock, formatPrintDay, formatTzs, GREY, newDocument, printed, safeFilename, type PrintedDocument, type Run } from '../documents/pdf.ts';
import { categoryNamer } from '../assets/queries.ts';
import { entriesReportedBetween } from './queries.ts';
import { drawLongTable, drawTable, type Cell, type Column, type Row } from '../documents/table.ts';

const CELL = 8;
const SMALL = 7;
const TOTALS_FILL = '#efefef';
const DASH = '—';

function small(text: string): Run {
  return { text, size: SMALL, color: GREY };
}

function orDash(text: string | null | undefined): string {
  return text && text.trim() ? text : DASH;
}

/** What every printing of an entry shows, column by column, in the words of one language. */
class EntryCells {
  private readonly t: Translate;
  private readonly printDay: string;

  constructor(t: Translate, printDay: string) {
    this.t = t;
    this.printDay = printDay;
  }

  /** Days out of service: to the close, or for a repair still open, to the day of printing. */
  downtime(entry: EntryView): number {
    return entryDowntime(entry, this.printDay);
  }

  reported(entry: EntryView): Cell {
    return { runs: [{ text: formatDay(entry.reported_on) }, ...(entry.reported_by ? [small(this.t('documents.log-book.reported-by', { name: entry.reported_by }))] : [])] };
  }

  fault(entry: EntryView): Cell {
    const notes: string[] = [];
    if (entry.kind === 'preventive') notes.push(this.t('maintenanceKinds.preventive'));
    if (entry.warranty) notes.push(this.t('documents.log-book.under-warranty'));
    return { runs: [...(notes.length ? [{ text: notes.join(' · '), bold: true, size: SMALL }] : []), { text: entry.symptoms }] };
  }

  action(entry: EntryView): Cell {
    const runs: Run[] = [];
    if (entry.diagnosis) runs.push({ text: `${this.t('documents.log-book.diagnosis')}: ${entry.diagnosis}` });
    if (entry.actions) runs.push({ text: `${this.t('documents.log-book.action')}: ${entry.actions}` });
    return { runs: runs.length ? runs : [{ text: DASH }] };
  }

  parts(entry: EntryView): Cell {
    if (entry.parts.length === 0) return { runs: [{ text: DASH }] };
    return {
      runs: entry.parts.map((part) => ({
        text: this.t('documents.log-book.part', { quantity: part.quantity, name: part.name, cost: formatTzs(partCost(part)) }),
      })),
    };
  }

  technician(entry: EntryView): Cell {
    const runs: Run[] = [];
    if (entry.technician_type === 'external') {
      runs.push(small(this.t('documents.log-book.external')), { text: entry.provider_name, bold: true });
      if (entry.technician_name) runs.push({ text: this.t('documents.log-book.contact', { name: entry.technician_name }) });
      if (entry.job_ref) runs.push({ text: this.t('documents.log-book.job-ref', { ref: entry.job_ref }) });
      if (entry.supervisor_name) runs.push({ text: this.t('documents.log-book.supervisor', { name: entry.supervisor_name }) });
    } else if (entry.technician_type === 'internal') {
      runs.push(small(this.t('documents.log-book.internal')), { text: entry.technician_name });
    } else {
      runs.push({ text: DASH });
    }
    // 3.6.3: the days the device was outside the institution.
    if (entry.sent_on) {
      const back = entry.returned_on ? formatDay(entry.returned_on) : '…';
      runs.push(small(this.t('documents.log-book.offsite', { sent: formatDay(entry.sent_on), returned: back })));
    }
    return { runs };
  }

  cost(entry: EntryView): Cell {
    if (entry.total_cost_tzs === 0) return { runs: [{ text: DASH }] };
    const runs: Run[] = [{ text: formatTzs(entry.total_cost_tzs) }];
    if (entry.labour_cost_tzs > 0 && entry.parts_cost_tzs > 0) {
      runs.push(small(this.t('documents.log-book.cost-parts', { amount: formatTzs(entry.parts_cost_tzs) })));
      runs.push(small(this.t('documents.log-book.cost-labour', { amount: formatTzs(entry.labour_cost_tzs) })));
    }
    return { runs };
  }

  closed(entry: EntryView): Cell {
    if (entry.state === 'closed' && entry.outcome) {
      const runs = [{ text: formatDay(entry.closed_on) }, { text: this.t(`outcomes.${entry.outcome}`), size: SMALL }];
      // Issue 7: "no fault found" and "cancelled" carry their reason, for the auditor reading the book.
      if (entry.close_reason) runs.push({ text: entry.close_reason, size: SMALL });
      return { runs };
    }
    return { runs: [{ text: this.t(`entryStates.${entry.state}`), bold: true, size: SMALL }] };
  }

  downtimeCell(entry: EntryView): Cell {
    const runs: Run[] = [{ text: String(this.downtime(entry)) }];
    if (entry.downtime_days === null) runs.push(small(this.t('documents.log-book.so-far')));
    return { runs };
  }
}

function proceduresCited(t: Translate, entries: EntryView[]): string {
  const versions = [...new Set(entries.map((e) => e.procedure_version).filter(Boolean))];
  return versions.length ? t('documents.form.procedure', { versions: versions.join(', ') }) : t('documents.form.procedure-none');
}

function sectionHeading(form: Form, y: number, text: string): number {
  const frame = frameOf(form);
  return drawBlock(form.doc, [{ text, bold: true, size: 10 }], frame.left, y, frame.right - frame.left, 10) + 3;
}

interface Printing {
  t: Translate;
  language: Language;
  printDay: string;
  printedOn: string;
  printedBy: string;
  now: Date;
}

function printingOf(ctx: CallContext, language: Language): Printing {
  const now = ctx.clock.now();
  return { t: translator(language), language, printDay: today(ctx), printedOn: formatPrintDay(now), printedBy: signedIn(ctx).display_name, now };
}

function particulars(asset: AssetView, t: Translate, categoryName: (id: string) => string): Row[] {
  const field = (label: string, value: string, span = 1, strong = true): Cell => ({
    span,
    runs: [small(label), { text: orDash(value), bold: strong, size: 9 }],
  });
  const media = asset.media.length
    ? asset.media
        .map((m) =>
          m.state === 'removed'
            ? t('documents.log-book.medium-removed', { medium: describeMedium(m), kept: orDash(m.kept_at) })
            : describeMedium(m),
        )
        .join('; ')
    : t('documents.log-book.no-media');
  const date = (day: string) => (day ? formatDay(day) : '');
  return [
    {
      cells: [
        field(t('documents.device.tag'), asset.tag),
        field(t('documents.device.category'), categoryName(asset.category)),
        field(t('documents.device.make-model'), [asset.make, asset.model].filter(Boolean).join(' ')),
        field(t('documents.device.serial'), asset.serial),
        field(t('documents.device.status'), t(`statuses.${asset.status}`)),
      ],
    },
    {
      cells: [
        field(t('documents.device.location'), asset.location_name ?? ''),
        field(t('documents.device.department'), asset.department_name ?? ''),
        field(t('documents.device.custodian'), asset.custodian_name ?? ''),
        field(t('documents.device.classification'), t(`classifications.${asset.classification}`)),
        field(t('documents.device.purchase-date'), date(asset.purchase_date)),
      ],
    },
    {
      cells: [
        field(t('documents.device.media'), media, 2, false),
        field(t('documents.device.supplier'), asset.supplier, 1, false),
        field(t('documents.device.cost'), asset.cost_tzs === null ? '' : formatTzs(asset.cost_tzs)),
        field(t('documents.device.warranty-end'), date(asset.warranty_end)),
      ],
    },
  ];
}

/** 3.2.3: a device cleared for secret or top secret work says so where nobody can miss it. */
function drawOfflineWarning(form: Form, y: number): number {
  const { doc, t } = form;
  const frame = frameOf(form);
  const width = frame.right - frame.left;
  const runs: Run[] = [{ text: `! ${t('classifications.offline-warning')}`, bold: true, size: 10, color: '#b00000' }];
  const inner = drawBlock(doc, runs, frame.left + 8, y + 5, width - 16, 10);
  doc.lineWidth(2).strokeColor('#b00000').rect(frame.left, y, width, inner - y + 4).stroke();
  doc.strokeColor('#000000');
  return inner + 4;
}

export async function logBookPage(ctx: CallContext, input: z.output<typeof LogBookPageInput>): Promise<PrintedDocument> {
  const asset = findAsset(ctx.store, input.asset_id) ?? refuse('asset-not-found');
  const institution = getInstitution(ctx.store) ?? refuse('not-initialized');
  const p = printingOf(ctx, input.language);
  const { t } = p;
  const entries = logBookOf(ctx.store, asset.id);
  const cells = new EntryCells(t, p.printDay);

  const doc = await newDocument({
    layout: 'landscape',
    language: p.language,
    title: t('documents.log-book.pdf-title', { tag: asset.tag }),
    author: institution.name,
    subject: t('documents.log-book.clause'),
    now: p.now,
  });
  const form: Form = {
    doc,
    t,
    institution,
    title: t('documents.log-book.title'),
    subtitle: t('documents.log-book.subtitle'),
    runningHead: t('documents.log-book.running-head', { tag: asset.tag }),
    footerNote: proceduresCited(t, entries),
    printedOn: p.printedOn,
    printedBy: p.printedBy,
    witness: printWitness(ctx.store, [asset.id]),
  };
  doc.addPage();
  const frame = frameOf(form);
  let y = drawFormHead(form, t('documents.log-book.clause'));

  y = sectionHeading(form, y, t('documents.log-book.particulars'));
  y = drawTable(doc, frame, y, Array.from({ length: 5 }, () => ({ header: [], weight: 1 })), particulars(asset, t, categoryNamer(ctx.store, t, p.language)), {
    size: 9,
    headerSize: 8,
    padding: 3,
    header: false,
  });
  if (OFFLINE_CLASSIFICATIONS.includes(asset.classification)) y = drawOfflineWarning(form, y + 5);

  y = sectionHeading(form, y + 9, t('documents.log-book.records'));
  const h = (key: string): Run[] => [{ text: t(`documents.columns.${key}`) }];
  const columns: Column[] = [
    { header: h('number'), weight: 3.4, align: 'center' },
    { header: h('reported'), weight: 7.6 },
    { header: h('fault'), weight: 17 },
    { header: h('action'), weight: 20 },
    { header: h('parts'), weight: 11 },
    { header: h('technician'), weight: 12 },
    { header: h('cost'), weight: 7.6, align: 'right' },
    { header: h('closed'), weight: 8.6 },
    { header: h('downtime'), weight: 5.6, align: 'right' },
    { header: h('signature'), weight: 8 },
  ];
  const rows: Row[] = entries.map((entry, i) => ({
    cells: [
      { runs: [{ text: String(i + 1) }] },
      cells.reported(entry),
      cells.fault(entry),
      cells.action(entry),
      cells.parts(entry),
      cells.technician(entry),
      cells.cost(entry),
      cells.closed(entry),
      cells.downtimeCell(entry),
      { runs: [] },
    ],
  }));
  if (rows.length === 0) rows.push({ cells: [{ span: columns.length, align: 'center', runs: [{ text: t('documents.log-book.no-entries') }] }] });
  const totalCost = entries.reduce((sum, e) => sum + e.total_cost_tzs, 0);
  const totalDowntime = entries.reduce((sum, e) => sum + cells.downtime(e), 0);
  rows.push({
    fill: TOTALS_FILL,
    cells: [
      { span: 6, align: 'right', runs: [{ text: t('documents.log-book.totals', { count: entries.length }), bold: true }] },
      { runs: [{ text: formatTzs(totalCost), bold: true }] },
      { runs: [] },
      { runs: [{ text: String(totalDowntime), bold: true }] },
      { runs: [] },
    ],
  });
  y = drawTable(doc, frame, y, columns, rows, { size: CELL, headerSize: 7.5, padding: 3 });

  drawCertification(form, y, [t('documents.certify.ict-officer'), t('documents.certify.supervisor')]);
  drawFooters(form);
  return printed(doc, safeFilename(t('documents.log-book.filename', { tag: asset.tag })));
}

/**
 * Every entry reported in the period, with totals and a summary. The job is told the entries drawn
 * (`writing`), then the pages numbered (`finishing`); a stop is refused `cancelled`, and nothing was
 * ever written.
 */
export async function logBookPeriod(ctx: CallContext, input: z.output<typeof LogBookPeriodInput>, job: JobHandle): Promise<PrintedDocument> {
  const institution = getInstitution(ctx.store) ?? refuse('not-initialized');
  const p = printingOf(ctx, input.language);
  const { t } = p;
  const entries = entriesReportedBetween(ctx.store, input.from, input.to);
  const cells = new EntryCells(t, p.printDay);
  const categoryName = categoryNamer(ctx.store, t, p.language);
  const period = { from: formatDay(input.from), to: formatDay(input.to) };

  const doc = await newDocument({
    layout: 'landscape',
    language: p.language,
    title: t('documents.period.pdf-title', period),
    author: institution.name,
    subject: t('documents.log-book.clause'),
    now: p.now,
  });
  const form: Form = {
    doc,
    t,
    institution,
    title: t('documents.log-book.title'),
    subtitle: t('documents.period.subtitle', period),
    runningHead: t('documents.period.running-head', period),
    footerNote: proceduresCited(t, entries),
    printedOn: p.printedOn,
    printedBy: p.printedBy,
    witness: printWitness(ctx.store, []),
  };
  doc.addPage();
  const frame = frameOf(form);
  let y = drawFormHead(form, t('documents.log-book.clause'));

  const h = (key: string): Run[] => [{ text: t(`documents.columns.${key}`) }];
  const columns: Column[] = [
    { header: h('number'), weight: 3.4, align: 'center' },
    { header: h('tag'), weight: 10.5 },
    { header: h('device'), weight: 10 },
    { header: h('reported'), weight: 7.6 },
    { header: h('fault'), weight: 15 },
    { header: h('action'), weight: 16.5 },
    { header: h('technician'), weight: 12.5 },
    { header: h('cost'), weight: 7.6, align: 'right' },
    { header: h('closed'), weight: 8.6 },
    { header: h('downtime'), weight: 5.6, align: 'right' },
  ];
  const entryRow = (entry: EntryView, i: number): Row => {
    const action = cells.action(entry);
    const parts = entry.parts.length ? cells.parts(entry).runs.map((run) => ({ ...run, size: SMALL })) : [];
    return {
      cells: [
        { runs: [{ text: String(i + 1) }] },
        { runs: [{ text: orDash(entry.asset_tag), bold: true }] },
        { runs: [{ text: orDash(entry.asset_label) }, small(categoryName(entry.asset_category))] },
        cells.reported(entry),
        cells.fault(entry),
        { runs: [...action.runs, ...(parts.length ? [{ text: `${t('documents.columns.parts')}:`, bold: true, size: SMALL }, ...parts] : [])] },
        cells.technician(entry),
        cells.cost(entry),
        cells.closed(entry),
        cells.downtimeCell(entry),
      ],
    };
  };
  const totalCost = entries.reduce((sum, e) => sum + e.total_cost_tzs, 0);
  const totalDowntime = entries.reduce((sum, e) => sum + cells.downtime(e), 0);
  // Each entry's row is made as it is drawn: a year of the book is never held twice.
  function* rows(): Generator<Row> {
    for (const [i, entry] of entries.entries()) yield entryRow(entry, i);
    if (entries.length === 0) yield { cells: [{ span: columns.length, align: 'center', runs: [{ text: t('documents.period.no-entries') }] }] };
    yield {
      fill: TOTALS_FILL,
      cells: [
        { span: 7, align: 'right', runs: [{ text: t('documents.log-book.totals', { count: entries.length }), bold: true }] },
        { runs: [{ text: formatTzs(totalCost), bold: true }] },
        { runs: [] },
        { runs: [{ text: String(totalDowntime), bold: true }] },
      ],
    };
  }
  // The job counts entries; the table's last row is their totals.
  const writing = stepper(job, 'writing', entries.length);
  y = await drawLongTable(doc, frame, y, columns, rows(), { size: CELL, headerSize: 7.5, padding: 3 }, (done) => writing(Math.min(done, entries.length)));

  // The summary stays in one piece: heading and table move to a new page together.
  const summary: [string, string][] = [
    ...OUTCOMES.map((outcome): [string, string] => [t(`outcomes.${outcome}`), String(entries.filter((e) => e.state === 'closed' && e.outcome === outcome).length)]),
    [t('documents.period.still-open'), String(entries.filter((e) => e.state !== 'closed').length)],
    [t('documents.period.entries'), String(entries.length)],
    [t('documents.period.devices'), String(new Set(entries.map((e) => e.asset_id)).size)],
    [t('documents.period.total-cost'), formatTzs(totalCost)],
    [t('documents.period.total-downtime'), String(totalDowntime)],
  ];
  const summaryHeight = 20 + summary.length * 16;
  if (y + 14 + summaryHeight > frame.bottom) {
    frame.newPage();
    y = frame.top;
  }
  y = sectionHeading(form, y + 14, t('documents.period.summary'));
  const half = { ...frame, right: frame.left + (frame.right - frame.left) * 0.45 };
  y = drawTable(
    doc,
    half,
    y,
    [
      { header: [], weight: 3 },
      { header: [], weight: 1.2, align: 'right' },
    ],
    summary.map(([label, value], i) => ({
      fill: i >= OUTCOMES.length + 2 ? TOTALS_FILL : undefined,
      cells: [{ runs: [{ text: label }] }, { runs: [{ text: value, bold: true }] }],
    })),
    { size: 9, headerSize: 8, padding: 3, header: false },
  );

  drawCertification(form, y, [t('documents.certify.ict-officer'), t('documents.certify.supervisor')]);
  const pages = doc.bufferedPageRange().count;
  const finishing = stepper(job, 'finishing', pages);
  for (let i = 0; i < pages; i += 1) {
    drawFooter(form, i);
    await finishing(i + 1);
  }
  return printed(doc, safeFilename(t('documents.period.filename', { from: input.from, to: input.to })));
}
