// The register of handovers (3.6.6) as a spreadsheet: one row per handover in the order they were
// prepared, with its devices, the parties, the permit and its approver, and the receipt.
import { sql } from 'kysely';
import type { z } from 'zod';
import { addDays } from '../contract/days.ts';
import { all, first } from '../store/open.ts';
import { dayOf, defineRegister, keysetPages, PAGE_SIZE, term, type Column, type RegisterSource, type Words } from '../registers/register.ts';
import { OPEN_STATES, type HandoversRegisterFilters } from './contract.ts';
import type { Line } from './events.ts';
import type { HandoverRow } from './reducer.ts';

type Filters = z.output<typeof HandoversRegisterFilters>;

export interface HandoversRegisterRow extends Omit<HandoverRow, 'lines'> {
  lines: Line[];
}

type Key = [string, string];

/** A day in Dar es Salaam (UTC+3) begins at 21:00 UTC the day before: the bound on the stored instants. */
const dayStart = (day: string) => `${addDays(day, -1)}T21:00:00.000Z`;

function filtered({ store }: RegisterSource, filters: Filters) {
  let query = store.q.selectFrom('handovers');
  if (filters.from) query = query.where('prepared_at', '>=', dayStart(filters.from));
  if (filters.to) query = query.where('prepared_at', '<', dayStart(addDays(filters.to, 1)));
  if (filters.state === 'open') query = query.where('state', 'in', [...OPEN_STATES]);
  else if (filters.state !== 'all') query = query.where('state', '=', filters.state);
  return query;
}

function page(source: RegisterSource, filters: Filters, after: Key | null): HandoversRegisterRow[] {
  let query = filtered(source, filters).selectAll();
  if (after) query = query.where(sql<boolean>`(prepared_at, id) > (${after[0]}, ${after[1]})`);
  return all(source.store, query.orderBy('prepared_at').orderBy('id').limit(PAGE_SIZE)).map((row) => ({ ...row, lines: JSON.parse(row.lines) as Line[] }));
}

function giver(row: HandoversRegisterRow, words: Words): string {
  return row.from_type === 'store' ? words.t('handovers_ui.parties.store') : row.from_name;
}

function receiver(row: HandoversRegisterRow, words: Words): string {
  if (row.to_type === 'store') return words.t('handovers_ui.parties.store');
  return row.to_type === 'institution' ? row.to_officer : row.to_name;
}

const joined = (row: HandoversRegisterRow, pick: (line: Line) => string) => row.lines.map(pick).join('; ');

const header = (key: string) => `handovers_ui.register.columns.${key}`;
const columns: Column<HandoversRegisterRow>[] = [
  { key: 'number', header: header('number'), kind: 'text', value: (r) => r.number },
  { key: 'kind', header: header('kind'), kind: 'text', value: (r, w) => term(w, 'handovers_ui.kinds', r.kind) },
  { key: 'state', header: header('state'), kind: 'text', value: (r, w) => term(w, 'handovers_ui.states', r.state) },
  { key: 'prepared_on', header: header('prepared-on'), kind: 'day', value: (r) => dayOf(r.prepared_at) },
  { key: 'prepared_by', header: header('prepared-by'), kind: 'text', value: (r) => r.prepared_by_name },
  { key: 'giver', header: header('giver'), kind: 'text', value: giver },
  { key: 'receiver', header: header('receiver'), kind: 'text', value: receiver },
  { key: 'institution', header: header('institution'), kind: 'text', value: (r) => r.to_institution },
  { key: 'devices', header: header('devices'), kind: 'number', value: (r) => r.lines.length },
  { key: 'tags', header: header('tags'), kind: 'text', value: (r) => joined(r, (line) => line.tag) },
  { key: 'serials', header: header('serials'), kind: 'text', value: (r) => r.lines.map((line) => line.serial).filter(Boolean).join('; ') },
  { key: 'conditions', header: header('conditions'), kind: 'text', value: (r, w) => joined(r, (line) => `${line.tag}: ${term(w, 'handovers_ui.conditions', line.condition)}`) },
  { key: 'accessories', header: header('accessories'), kind: 'text', value: (r) => r.lines.filter((line) => line.accessories).map((line) => `${line.tag}: ${line.accessories}`).join('; ') },
  { key: 'reason', header: header('reason'), kind: 'text', value: (r) => r.reason },
  { key: 'decided_by', header: header('decided-by'), kind: 'text', value: (r) => r.decided_by_name },
  { key: 'decided_role', header: header('decided-role'), kind: 'text', value: (r, w) => term(w, 'roles', r.decided_role) },
  { key: 'decided_on', header: header('decided-on'), kind: 'day', value: (r) => (r.decided_at ? dayOf(r.decided_at) : '') },
  { key: 'decision_note', header: header('decision-note'), kind: 'text', value: (r) => r.decision_note },
  { key: 'received_on', header: header('received-on'), kind: 'day', value: (r) => r.received_on },
  { key: 'received_by', header: header('received-by'), kind: 'text', value: (r) => r.received_by },
  { key: 'witness', header: header('witness'), kind: 'text', value: (r) => r.witness },
  { key: 'cancel_reason', header: header('cancel-reason'), kind: 'text', value: (r) => r.cancel_reason },
];

export const handoversRegister = defineRegister<HandoversRegisterRow, Filters>({
  key: 'handovers',
  title: 'handovers_ui.register.title',
  sheet: 'handovers_ui.register.sheet',
  file: 'handovers_ui.register.file',
  columns,
  printed: ['number', 'kind', 'state', 'prepared_on', 'giver', 'receiver', 'tags', 'reason', 'decided_by', 'decided_on', 'received_on', 'received_by'],
  rows: (source, filters) => keysetPages<HandoversRegisterRow, Key>((after) => page(source, filters, after), (row) => [row.prepared_at, row.id], PAGE_SIZE),
  count: (source, filters) => first(source.store, filtered(source, filters).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0,
  describe: (filters, words) => (filters.state === 'all' ? [] : [words.t('registers.handovers.filters.state', { state: term(words, 'handovers_ui.filters', filters.state) })]),
});
