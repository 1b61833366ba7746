// The Service Maintenance Log Book (3.6.4) as a report: one row per entry, in the order the book was
// written, with costs as numbers a spreadsheet can add up; of every device for a period, or of one
// device. Printed, it is laid out as the paper book (log-book-print.ts).
import { sql } from 'kysely';
import type { z } from 'zod';
import { entryDowntime, type LogBookFilters } from './contract.ts';
import { logBookPrint } from './log-book-print.ts';
import { entriesWithAsset, toEntryView, type EntryView } from '../maintenance/queries.ts';
import { all, first } from '../store/open.ts';
import { categoryName, defineRegister, keysetPages, PAGE_SIZE, term, yesNo, type Column, type RegisterSource, type Words } from '../registers/register.ts';

type Filters = z.output<typeof LogBookFilters>;

export interface LogBookRow extends EntryView {
  category_sw: string | null;
  category_en: string | null;
  /** To the close; for a repair still open, to the day of export, as the printed book counts to the day of printing. */
  days_out: number;
}

type Key = [string, string, string];

function page({ store, today }: RegisterSource, filters: Filters, after: Key | null): LogBookRow[] {
  let query = entriesWithAsset(store)
    .leftJoin('categories', 'categories.id', 'assets.category')
    .select(['categories.name_sw as category_sw', 'categories.name_en as category_en']);
  if (filters.from) query = query.where('maintenance_entries.reported_on', '>=', filters.from);
  if (filters.to) query = query.where('maintenance_entries.reported_on', '<=', filters.to);
  if (filters.asset_id) query = query.where('maintenance_entries.asset_id', '=', filters.asset_id);
  if (after) {
    query = query.where(
      sql<boolean>`(maintenance_entries.reported_on, maintenance_entries.created_at, maintenance_entries.id) > (${after[0]}, ${after[1]}, ${after[2]})`,
    );
  }
  const rows = all(
    store,
    query.orderBy('maintenance_entries.reported_on').orderBy('maintenance_entries.created_at').orderBy('maintenance_entries.id').limit(PAGE_SIZE),
  );
  return rows.map(({ category_sw, category_en, ...row }) => ({
    ...toEntryView(row),
    category_sw,
    category_en,
    days_out: entryDowntime(row, today),
  }));
}

function partsText(row: LogBookRow): string {
  return row.parts.map((part) => `${part.quantity} × ${part.name}`).join('; ');
}

function technicianType(row: LogBookRow, words: Words): string {
  if (row.technician_type === 'external') return words.t('registers.log-book.external');
  if (row.technician_type === 'internal') return words.t('registers.log-book.internal');
  return '';
}

/** The provider for outside work (3.6.2), the technician's name for in-house work. */
function technician(row: LogBookRow): string {
  return row.technician_type === 'external' ? row.provider_name || row.technician_name : row.technician_name;
}

const columns: Column<LogBookRow>[] = [
  { key: 'reported_on', header: 'registers.log-book.columns.reported-on', kind: 'day', value: (r) => r.reported_on },
  { key: 'tag', header: 'registers.log-book.columns.tag', kind: 'text', value: (r) => r.asset_tag },
  { key: 'device', header: 'registers.log-book.columns.device', kind: 'text', value: (r) => r.asset_label },
  {
    key: 'category',
    header: 'registers.log-book.columns.category',
    kind: 'text',
    value: (r, w) => (r.asset_category ? categoryName(w, r.asset_category, { sw: r.category_sw, en: r.category_en }) : ''),
  },
  { key: 'kind', header: 'registers.log-book.columns.kind', kind: 'text', value: (r, w) => term(w, 'maintenanceKinds', r.kind) },
  { key: 'reported_by', header: 'registers.log-book.columns.reported-by', kind: 'text', value: (r) => r.reported_by },
  { key: 'symptoms', header: 'registers.log-book.columns.symptoms', kind: 'text', value: (r) => r.symptoms },
  { key: 'diagnosis', header: 'registers.log-book.columns.diagnosis', kind: 'text', value: (r) => r.diagnosis },
  { key: 'actions', header: 'registers.log-book.columns.actions', kind: 'text', value: (r) => r.actions },
  { key: 'parts', header: 'registers.log-book.columns.parts', kind: 'text', value: partsText },
  { key: 'parts_cost', header: 'registers.log-book.columns.parts-cost', kind: 'money', value: (r) => r.parts_cost_tzs },
  { key: 'labour_cost', header: 'registers.log-book.columns.labour-cost', kind: 'money', value: (r) => r.labour_cost_tzs },
  { key: 'total_cost', header: 'registers.log-book.columns.total-cost', kind: 'money', value: (r) => r.total_cost_tzs },
  { key: 'hours', header: 'registers.log-book.columns.hours', kind: 'number', value: (r) => r.hours },
  { key: 'technician_type', header: 'registers.log-book.columns.technician-type', kind: 'text', value: technicianType },
  { key: 'technician', header: 'registers.log-book.columns.technician', kind: 'text', value: technician },
  { key: 'job_ref', header: 'registers.log-book.columns.job-ref', kind: 'text', value: (r) => r.job_ref },
  { key: 'supervisor', header: 'registers.log-book.columns.supervisor', kind: 'text', value: (r) => r.supervisor_name },
  { key: 'warranty', header: 'registers.log-book.columns.warranty', kind: 'text', value: (r, w) => yesNo(w, r.warranty) },
  { key: 'sent_on', header: 'registers.log-book.columns.sent-on', kind: 'day', value: (r) => r.sent_on },
  { key: 'returned_on', header: 'registers.log-book.columns.returned-on', kind: 'day', value: (r) => r.returned_on },
  { key: 'state', header: 'registers.log-book.columns.state', kind: 'text', value: (r, w) => term(w, 'entryStates', r.state) },
  { key: 'outcome', header: 'registers.log-book.columns.outcome', kind: 'text', value: (r, w) => term(w, 'outcomes', r.outcome) },
  { key: 'closed_on', header: 'registers.log-book.columns.closed-on', kind: 'day', value: (r) => r.closed_on },
  { key: 'downtime', header: 'registers.log-book.columns.downtime', kind: 'number', value: (r) => r.days_out },
  { key: 'procedure', header: 'registers.log-book.columns.procedure', kind: 'text', value: (r) => r.procedure_version },
];

function count({ store }: RegisterSource, filters: Filters): number {
  let query = store.q.selectFrom('maintenance_entries').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filters.from) query = query.where('maintenance_entries.reported_on', '>=', filters.from);
  if (filters.to) query = query.where('maintenance_entries.reported_on', '<=', filters.to);
  if (filters.asset_id) query = query.where('maintenance_entries.asset_id', '=', filters.asset_id);
  return first(store, query)?.n ?? 0;
}

export const logBookRegister = defineRegister<LogBookRow, Filters>({
  key: 'log-book',
  title: 'registers.log-book.title',
  sheet: 'registers.log-book.sheet',
  file: 'registers.log-book.file',
  columns,
  totals: ['parts_cost', 'labour_cost', 'total_cost', 'hours', 'downtime'],
  // On paper it is the Service Maintenance Log Book as the ICT office keeps it: log-book-print.ts.
  print: logBookPrint,
  rows: (source, filters) =>
    keysetPages<LogBookRow, Key>((after) => page(source, filters, after), (row) => [row.reported_on, row.created_at, row.id], PAGE_SIZE),
  count,
});
