// The register of disposal batches (3.6.12): one row per batch in the order they were numbered, with
// how many devices and storage media each holds, and each step from approval to the Records and
// Archives Management Department's certificate.
import type { z } from 'zod';
import { statement } from '../store/open.ts';
import { dayOf, defineRegister, term, type Column, type RegisterSource } from '../registers/register.ts';
import { HOLDING_STATES, type DisposalBatchesFilters } from './contract.ts';

type Filters = z.output<typeof DisposalBatchesFilters>;

export interface BatchesRegisterRow {
  number: string;
  state: string;
  devices: number;
  media: number;
  prepared_by_name: string;
  prepared_at: string;
  decided_by_name: string;
  decided_at: string;
  decision_note: string;
  submitted_on: string;
  letter_ref: string;
  collected_on: string;
  collected_by: string;
  disposed_on: string;
  certificate_ref: string;
  disposal_method: string;
  note: string;
}

const SELECT = `SELECT number, state, json_array_length(lines) AS devices, json_array_length(media) AS media, prepared_by_name, prepared_at,
  decided_by_name, decided_at, decision_note, submitted_on, letter_ref, collected_on, collected_by, disposed_on, certificate_ref,
  disposal_method, note FROM disposal_batches`;

/**
 * A batch is prepared on the day people in Dar es Salaam lived it, so the period is compared in days,
 * not in stored UTC times. An institution makes a few batches a year: they are read at once.
 */
function rows({ store }: RegisterSource, filters: Filters): BatchesRegisterRow[] {
  const where = filters.state === 'all' ? '' : filters.state === 'open' ? `WHERE state IN (${HOLDING_STATES.map(() => '?').join(', ')})` : 'WHERE state = ?';
  const params = filters.state === 'all' ? [] : filters.state === 'open' ? [...HOLDING_STATES] : [filters.state];
  const found = statement(store, `${SELECT} ${where} ORDER BY year, seq, id`).all(...params) as BatchesRegisterRow[];
  return found.filter((row) => {
    const day = dayOf(row.prepared_at);
    return (!filters.from || day >= filters.from) && (!filters.to || day <= filters.to);
  });
}

const header = (key: string) => `registers.disposal-batches.columns.${key}`;
const day = (iso: string) => (iso ? dayOf(iso) : '');
const columns: Column<BatchesRegisterRow>[] = [
  { key: 'number', header: header('number'), kind: 'text', value: (r) => r.number },
  { key: 'state', header: header('state'), kind: 'text', value: (r, w) => term(w, 'disposal_ui.states', r.state) },
  { key: 'devices', header: header('devices'), kind: 'number', value: (r) => r.devices },
  { key: 'media', header: header('media'), kind: 'number', value: (r) => r.media },
  { key: 'prepared_by', header: header('prepared-by'), kind: 'text', value: (r) => r.prepared_by_name },
  { key: 'prepared_on', header: header('prepared-on'), kind: 'day', value: (r) => day(r.prepared_at) },
  { key: 'decided_by', header: header('decided-by'), kind: 'text', value: (r) => r.decided_by_name },
  { key: 'decided_on', header: header('decided-on'), kind: 'day', value: (r) => day(r.decided_at) },
  { key: 'submitted_on', header: header('submitted-on'), kind: 'day', value: (r) => r.submitted_on },
  { key: 'letter_ref', header: header('letter-ref'), kind: 'text', value: (r) => r.letter_ref },
  { key: 'collected_on', header: header('collected-on'), kind: 'day', value: (r) => r.collected_on },
  { key: 'collected_by', header: header('collected-by'), kind: 'text', value: (r) => r.collected_by },
  { key: 'disposed_on', header: header('disposed-on'), kind: 'day', value: (r) => r.disposed_on },
  { key: 'certificate_ref', header: header('certificate-ref'), kind: 'text', value: (r) => r.certificate_ref },
  { key: 'method', header: header('method'), kind: 'text', value: (r) => r.disposal_method },
  { key: 'note', header: header('note'), kind: 'text', value: (r) => r.decision_note || r.note },
];

export const disposalBatchesRegister = defineRegister<BatchesRegisterRow, Filters>({
  key: 'disposal-batches',
  title: 'registers.disposal-batches.title',
  sheet: 'registers.disposal-batches.sheet',
  file: 'registers.disposal-batches.file',
  columns,
  printed: ['number', 'state', 'devices', 'media', 'prepared_by', 'prepared_on', 'decided_by', 'decided_on', 'submitted_on', 'letter_ref', 'collected_on', 'disposed_on', 'certificate_ref', 'method'],
  rows,
  count: (source, filters) => rows(source, filters).length,
  totals: ['devices', 'media'],
  describe: (filters, words) =>
    filters.state === 'all' ? [] : [words.t('registers.disposal-batches.state', { state: filters.state === 'open' ? words.t('registers.disposal-batches.open') : term(words, 'disposal_ui.states', filters.state) })],
});
