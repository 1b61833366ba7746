// Off-premises permits (3.6.11) as a spreadsheet: one row per request in the order the devices were to
// leave, with its devices, the decision, the dates out and back, and the days overdue to date.
import { sql } from 'kysely';
import type { z } from 'zod';
import { daysBetween } from '../contract/days.ts';
import { all, first } from '../store/open.ts';
import { dayOf, defineRegister, keysetPages, PAGE_SIZE, term, type Column, type RegisterSource } from '../registers/register.ts';
import { isOverdue, type MovementsRegisterFilters } from './contract.ts';
import type { MovementDevice } from './events.ts';
import type { MovementRow } from './schema.ts';

type Filters = z.output<typeof MovementsRegisterFilters>;

export interface MovementsRegisterRow extends Omit<MovementRow, 'devices'> {
  devices: MovementDevice[];
  /** Days past the due date while the devices are out, to the day of export. */
  days_overdue: number | null;
}

type Key = [string, string, string];

function filtered({ store, today }: RegisterSource, filters: Filters) {
  let query = store.q.selectFrom('movements');
  if (filters.from) query = query.where('date_out', '>=', filters.from);
  if (filters.to) query = query.where('date_out', '<=', filters.to);
  if (filters.filter === 'overdue') query = query.where('out_on', '!=', '').where('returned_on', '=', '').where('due_on', '<', today);
  else if (filters.filter === 'open') query = query.where('state', 'in', ['requested', 'approved', 'checked_out']);
  else if (filters.filter !== 'all') query = query.where('state', '=', filters.filter);
  return query;
}

function page(source: RegisterSource, filters: Filters, after: Key | null): MovementsRegisterRow[] {
  let query = filtered(source, filters).selectAll();
  if (after) query = query.where(sql<boolean>`(date_out, created_at, id) > (${after[0]}, ${after[1]}, ${after[2]})`);
  return all(source.store, query.orderBy('date_out').orderBy('created_at').orderBy('id').limit(PAGE_SIZE)).map((row) => ({
    ...row,
    devices: JSON.parse(row.devices) as MovementDevice[],
    days_overdue: isOverdue(row, source.today) ? daysBetween(row.due_on, source.today) : null,
  }));
}

const header = (key: string) => `movements_ui.register.columns.${key}`;
const columns: Column<MovementsRegisterRow>[] = [
  { key: 'permit_no', header: header('permit'), kind: 'text', value: (r) => r.permit_no },
  { key: 'state', header: header('state'), kind: 'text', value: (r, w) => term(w, 'movements_ui.states', r.state) },
  { key: 'holder', header: header('holder'), kind: 'text', value: (r) => r.holder_name },
  { key: 'check_number', header: header('check-number'), kind: 'text', value: (r) => r.holder_check_number },
  { key: 'tags', header: header('tags'), kind: 'text', value: (r) => r.devices.map((d) => d.tag).join('; ') },
  { key: 'serials', header: header('serials'), kind: 'text', value: (r) => r.devices.map((d) => d.serial).filter(Boolean).join('; ') },
  { key: 'classification', header: header('classification'), kind: 'text', value: (r, w) => term(w, 'classifications', r.classification) },
  { key: 'data_held', header: header('data-held'), kind: 'text', value: (r) => r.data_held },
  { key: 'purpose', header: header('purpose'), kind: 'text', value: (r) => r.purpose },
  { key: 'destination', header: header('destination'), kind: 'text', value: (r) => r.destination },
  { key: 'date_out', header: header('date-out'), kind: 'day', value: (r) => r.date_out },
  { key: 'due_on', header: header('due-on'), kind: 'day', value: (r) => r.due_on },
  { key: 'prepared_by', header: header('prepared-by'), kind: 'text', value: (r) => r.prepared_by_name },
  { key: 'decided_by', header: header('decided-by'), kind: 'text', value: (r) => r.decided_by_name },
  { key: 'decided_on', header: header('decided-on'), kind: 'day', value: (r) => (r.decided_at ? dayOf(r.decided_at) : '') },
  { key: 'decision_reason', header: header('decision-reason'), kind: 'text', value: (r) => r.decision_reason },
  { key: 'justification', header: header('justification'), kind: 'text', value: (r) => r.justification },
  { key: 'out_on', header: header('out-on'), kind: 'day', value: (r) => r.out_on },
  { key: 'returned_on', header: header('returned-on'), kind: 'day', value: (r) => r.returned_on },
  { key: 'condition', header: header('condition'), kind: 'text', value: (r, w) => term(w, 'movements_ui.conditions', r.return_condition) },
  { key: 'days_overdue', header: header('days-overdue'), kind: 'number', value: (r) => r.days_overdue },
  { key: 'revoke_reason', header: header('revoke-reason'), kind: 'text', value: (r) => r.revoke_reason },
];

export const movementsRegister = defineRegister<MovementsRegisterRow, Filters>({
  key: 'movements',
  title: 'movements_ui.register.title',
  sheet: 'movements_ui.register.sheet',
  file: 'movements_ui.register.file',
  columns,
  printed: ['permit_no', 'state', 'holder', 'tags', 'classification', 'purpose', 'destination', 'date_out', 'due_on', 'decided_by', 'out_on', 'returned_on', 'days_overdue'],
  rows: (source, filters) => keysetPages<MovementsRegisterRow, Key>((after) => page(source, filters, after), (row) => [row.date_out, row.created_at, row.id], PAGE_SIZE),
  count: (source, filters) => first(source.store, filtered(source, filters).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0,
  describe: (filters, words) => (filters.filter === 'all' ? [] : [words.t('registers.movements.filters.list', { list: term(words, 'movements_ui.filter', filters.filter) })]),
});
