// The Service Maintenance Log Book on paper (3.6.4), as the log book report's printed layout: one
// device's page laid out like the book kept in the ICT office (the device's particulars, then its
// repairs, numbered, with a column to sign), or the institution's book for a period, with totals and a
// summary. The rows are the report's own (log-book-sheet.ts); only how they are printed is said here.
import type { z } from 'zod';
import { describeMedium, OFFLINE_CLASSIFICATIONS } from '../assets/contract.ts';
import { categoryNamer, findAsset, type AssetView } from '../assets/queries.ts';
import { formatDay } from '../contract/days.ts';
import { refuse } from '../core/refusal.ts';
import { formatTzs, GREY, type Run } from '../documents/pdf.ts';
import type { Lead, Particular, PrintColumn, PrintLayout, Tally } from '../registers/print.ts';
import { categoryName, periodWords, type RegisterSource, type Words } from '../registers/register.ts';
import { OUTCOMES, partCost, type LogBookFilters } from './contract.ts';
import type { LogBookRow } from './log-book-sheet.ts';

type Filters = z.output<typeof LogBookFilters>;

const SMALL = 7;
const DASH = '—';

function small(text: string): Run {
  return { text, size: SMALL, color: GREY };
}

function orDash(text: string | null | undefined): string {
  return text && text.trim() ? text : DASH;
}

/** What every printing of an entry shows, column by column, in the words of one language. */
function reported(entry: LogBookRow, { t }: Words): Run[] {
  return [{ text: formatDay(entry.reported_on) }, ...(entry.reported_by ? [small(t('documents.log-book.reported-by', { name: entry.reported_by }))] : [])];
}

function fault(entry: LogBookRow, { t }: Words): Run[] {
  const notes: string[] = [];
  if (entry.kind === 'preventive') notes.push(t('maintenanceKinds.preventive'));
  if (entry.warranty) notes.push(t('documents.log-book.under-warranty'));
  return [...(notes.length ? [{ text: notes.join(' · '), bold: true, size: SMALL }] : []), { text: entry.symptoms }];
}

function action(entry: LogBookRow, { t }: Words): Run[] {
  const runs: Run[] = [];
  if (entry.diagnosis) runs.push({ text: `${t('documents.log-book.diagnosis')}: ${entry.diagnosis}` });
  if (entry.actions) runs.push({ text: `${t('documents.log-book.action')}: ${entry.actions}` });
  return runs.length ? runs : [{ text: DASH }];
}

function parts(entry: LogBookRow, { t }: Words): Run[] {
  if (entry.parts.length === 0) return [{ text: DASH }];
  return entry.parts.map((part) => ({ text: t('documents.log-book.part', { quantity: part.quantity, name: part.name, cost: formatTzs(partCost(part)) }) }));
}

/** The period's book has no room for a parts column: the parts follow the action, in small type. */
function actionAndParts(entry: LogBookRow, words: Words): Run[] {
  const used = entry.parts.length ? parts(entry, words).map((run) => ({ ...run, size: SMALL })) : [];
  return [...action(entry, words), ...(used.length ? [{ text: `${words.t('documents.columns.parts')}:`, bold: true, size: SMALL }, ...used] : [])];
}

function technician(entry: LogBookRow, { t }: Words): Run[] {
  const runs: Run[] = [];
  if (entry.technician_type === 'external') {
    runs.push(small(t('documents.log-book.external')), { text: entry.provider_name, bold: true });
    if (entry.technician_name) runs.push({ text: t('documents.log-book.contact', { name: entry.technician_name }) });
    if (entry.job_ref) runs.push({ text: t('documents.log-book.job-ref', { ref: entry.job_ref }) });
    if (entry.supervisor_name) runs.push({ text: t('documents.log-book.supervisor', { name: entry.supervisor_name }) });
  } else if (entry.technician_type === 'internal') {
    runs.push(small(t('documents.log-book.internal')), { text: entry.technician_name });
  } else {
    runs.push({ text: DASH });
  }
  // 3.6.3: the days the device was outside the institution.
  if (entry.sent_on) {
    const back = entry.returned_on ? formatDay(entry.returned_on) : '…';
    runs.push(small(t('documents.log-book.offsite', { sent: formatDay(entry.sent_on), returned: back })));
  }
  return runs;
}

function cost(entry: LogBookRow, { t }: Words): Run[] {
  if (entry.total_cost_tzs === 0) return [{ text: DASH }];
  const runs: Run[] = [{ text: formatTzs(entry.total_cost_tzs) }];
  if (entry.labour_cost_tzs > 0 && entry.parts_cost_tzs > 0) {
    runs.push(small(t('documents.log-book.cost-parts', { amount: formatTzs(entry.parts_cost_tzs) })));
    runs.push(small(t('documents.log-book.cost-labour', { amount: formatTzs(entry.labour_cost_tzs) })));
  }
  return runs;
}

function closed(entry: LogBookRow, { t }: Words): Run[] {
  if (entry.state === 'closed' && entry.outcome) {
    const runs: Run[] = [{ text: formatDay(entry.closed_on) }, { text: t(`outcomes.${entry.outcome}`), size: SMALL }];
    // Issue 7: "no fault found" and "cancelled" carry their reason, for the auditor reading the book.
    if (entry.close_reason) runs.push({ text: entry.close_reason, size: SMALL });
    return runs;
  }
  return [{ text: t(`entryStates.${entry.state}`), bold: true, size: SMALL }];
}

/** Days out of service: to the close, or for a repair still open, to the day of printing. */
function downtime(entry: LogBookRow, { t }: Words): Run[] {
  return [{ text: String(entry.days_out) }, ...(entry.downtime_days === null ? [small(t('documents.log-book.so-far'))] : [])];
}

const numbered: PrintColumn<LogBookRow> = { key: 'number', header: 'documents.columns.number', weight: 3.4, align: 'center', runs: (_, __, n) => [{ text: String(n) }] };

/** One device's page: the device is in the particulars above, so its columns are the repair's. */
const PAGE_COLUMNS: readonly PrintColumn<LogBookRow>[] = [
  numbered,
  { key: 'reported_on', header: 'documents.columns.reported', weight: 7.6, runs: reported },
  { key: 'symptoms', header: 'documents.columns.fault', weight: 17, runs: fault },
  { key: 'actions', header: 'documents.columns.action', weight: 20, runs: action },
  { key: 'parts', header: 'documents.columns.parts', weight: 11, runs: parts },
  { key: 'technician', header: 'documents.columns.technician', weight: 12, runs: technician },
  { key: 'total_cost', header: 'documents.columns.cost', weight: 7.6, runs: cost },
  { key: 'closed_on', header: 'documents.columns.closed', weight: 8.6, runs: closed },
  { key: 'downtime', header: 'documents.columns.downtime', weight: 5.6, runs: downtime },
  { key: 'signature', header: 'documents.columns.signature', weight: 8, runs: () => [] },
];

/** The book of every device: each row says which device. */
const BOOK_COLUMNS: readonly PrintColumn<LogBookRow>[] = [
  numbered,
  { key: 'tag', header: 'documents.columns.tag', weight: 10.5, runs: (entry) => [{ text: orDash(entry.asset_tag), bold: true }] },
  {
    key: 'device',
    header: 'documents.columns.device',
    weight: 10,
    runs: (entry, words) => [
      { text: orDash(entry.asset_label) },
      small(entry.asset_category ? categoryName(words, entry.asset_category, { sw: entry.category_sw, en: entry.category_en }) : ''),
    ],
  },
  { key: 'reported_on', header: 'documents.columns.reported', weight: 7.6, runs: reported },
  { key: 'symptoms', header: 'documents.columns.fault', weight: 15, runs: fault },
  { key: 'actions', header: 'documents.columns.action', weight: 16.5, runs: actionAndParts },
  { key: 'technician', header: 'documents.columns.technician', weight: 12.5, runs: technician },
  { key: 'total_cost', header: 'documents.columns.cost', weight: 7.6, runs: cost },
  { key: 'closed_on', header: 'documents.columns.closed', weight: 8.6, runs: closed },
  { key: 'downtime', header: 'documents.columns.downtime', weight: 5.6, runs: downtime },
];

function deviceOf(source: RegisterSource, filters: Filters): AssetView | null {
  if (!filters.asset_id) return null;
  return findAsset(source.store, filters.asset_id) ?? refuse('asset-not-found');
}

function particulars(asset: AssetView, { t }: Words, nameOf: (id: string) => string): Particular[][] {
  const media = asset.media.length
    ? asset.media.map((m) => (m.state === 'removed' ? t('documents.log-book.medium-removed', { medium: describeMedium(m), kept: orDash(m.kept_at) }) : describeMedium(m))).join('; ')
    : t('documents.log-book.no-media');
  const date = (day: string) => (day ? formatDay(day) : '');
  const box = (label: string, value: string, span = 1, strong = true): Particular => ({ label: t(`documents.device.${label}`), value, span, strong });
  return [
    [
      box('tag', asset.tag),
      box('category', nameOf(asset.category)),
      box('make-model', [asset.make, asset.model].filter(Boolean).join(' ')),
      box('serial', asset.serial),
      box('status', t(`statuses.${asset.status}`)),
    ],
    [
      box('location', asset.location_name ?? ''),
      box('department', asset.department_name ?? ''),
      box('custodian', asset.custodian_name ?? ''),
      box('classification', t(`classifications.${asset.classification}`)),
      box('purchase-date', date(asset.purchase_date)),
    ],
    [
      box('media', media, 2, false),
      box('supplier', asset.supplier, 1, false),
      box('cost', asset.cost_tzs === null ? '' : formatTzs(asset.cost_tzs)),
      box('warranty-end', date(asset.warranty_end)),
    ],
  ];
}

/** Which maintenance procedures the printed entries followed, for every page's footer (3.6.1). */
function proceduresCited(words: Words, versions: ReadonlySet<string>): string {
  return versions.size ? words.t('documents.form.procedure', { versions: [...versions].join(', ') }) : words.t('documents.form.procedure-none');
}

function tally(filters: Filters, words: Words): Tally<LogBookRow> {
  const { t } = words;
  const versions = new Set<string>();
  const outcomes = new Map<string, number>();
  const devices = new Set<string>();
  let entries = 0;
  let open = 0;
  let spent = 0;
  let days = 0;
  return {
    add(entry) {
      if (entry.procedure_version) versions.add(entry.procedure_version);
      entries += 1;
      devices.add(entry.asset_id);
      spent += entry.total_cost_tzs;
      days += entry.days_out;
      if (entry.state === 'closed' && entry.outcome) outcomes.set(entry.outcome, (outcomes.get(entry.outcome) ?? 0) + 1);
      else if (entry.state !== 'closed') open += 1;
    },
    // A device's page needs none: its totals row says it all.
    summary: () =>
      filters.asset_id
        ? null
        : {
            heading: t('documents.period.summary'),
            lines: [
              ...OUTCOMES.map((outcome) => ({ label: t(`outcomes.${outcome}`), value: String(outcomes.get(outcome) ?? 0) })),
              { label: t('documents.period.still-open'), value: String(open) },
              { label: t('documents.period.entries'), value: String(entries), strong: true },
              { label: t('documents.period.devices'), value: String(devices.size), strong: true },
              { label: t('documents.period.total-cost'), value: formatTzs(spent), strong: true },
              { label: t('documents.period.total-downtime'), value: String(days), strong: true },
            ],
          },
    footnote: () => proceduresCited(words, versions),
  };
}

export const logBookPrint: PrintLayout<LogBookRow, Filters> = {
  clause: ({ t }) => t('documents.log-book.clause'),
  heading(source, filters, words) {
    const { t } = words;
    const device = deviceOf(source, filters);
    const period = periodWords(filters, words);
    if (device) {
      return {
        title: t('documents.log-book.title'),
        subtitle: [t('documents.log-book.subtitle'), ...period].join(' — '),
        runningHead: t('documents.log-book.running-head', { tag: device.tag }),
        documentTitle: t('documents.log-book.pdf-title', { tag: device.tag }),
      };
    }
    if (filters.from && filters.to) {
      const dates = { from: formatDay(filters.from), to: formatDay(filters.to) };
      return {
        title: t('documents.log-book.title'),
        subtitle: t('documents.period.subtitle', dates),
        runningHead: t('documents.period.running-head', dates),
        documentTitle: t('documents.period.pdf-title', dates),
      };
    }
    return { title: t('documents.log-book.title') };
  },
  lead(source, filters, words) {
    const device = deviceOf(source, filters);
    if (!device) return null;
    const lead: Lead = {
      heading: words.t('documents.log-book.particulars'),
      rows: particulars(device, words, categoryNamer(source.store, words.t, words.language)),
      // 3.2.3: a device cleared for secret or top secret work says so where nobody can miss it.
      warning: OFFLINE_CLASSIFICATIONS.includes(device.classification) ? words.t('classifications.offline-warning') : null,
      records: words.t('documents.log-book.records'),
    };
    return lead;
  },
  columns: (filters) => (filters.asset_id ? PAGE_COLUMNS : BOOK_COLUMNS),
  totalsLabel: (rows, { t }) => t('documents.log-book.totals', { count: rows }),
  empty: (filters, { t }) => t(filters.asset_id ? 'documents.log-book.no-entries' : 'documents.period.no-entries'),
  tally: (_, filters, words) => tally(filters, words),
  signers: ['documents.certify.ict-officer', 'documents.certify.supervisor'],
  statement: 'documents.certify.statement',
  witnessed: (filters) => (filters.asset_id ? [filters.asset_id] : []),
  size: 8,
};
