// The register of personal devices used for office work (3.6.5): one row per registration, in the
// owners' order, with what it may be used for, the Head of Institution's decision, and where the
// approval stands on the day of the report.
import { sql } from 'kysely';
import type { z } from 'zod';
import { all, first } from '../store/open.ts';
import { dayOf, defineRegister, keysetPages, PAGE_SIZE, term, type Column, type RegisterSource } from '../registers/register.ts';
import { expiringUntil, standingOn, type PersonalDevicesRegisterFilters } from './contract.ts';
import type { PersonalDeviceRow } from './schema.ts';

type Filters = z.output<typeof PersonalDevicesRegisterFilters>;

export interface PersonalDevicesRegisterRow extends PersonalDeviceRow {
  standing: string;
}

type Key = [string, string];

/** The lists of the screen, on the day of the report: an approval past its expiry is expired, not approved. */
function filtered({ store, today }: RegisterSource, filters: Filters) {
  const query = store.q.selectFrom('personal_devices');
  switch (filters.list) {
    case 'pending':
    case 'revoked':
    case 'rejected':
      return query.where('state', '=', filters.list);
    case 'approved':
      return query.where('state', '=', 'approved').where('expires_on', '>=', today);
    case 'expiring':
      return query.where('state', '=', 'approved').where('expires_on', '>=', today).where('expires_on', '<=', expiringUntil(today));
    case 'expired':
      return query.where('state', '=', 'approved').where('expires_on', '<', today);
    case 'all':
      return query;
  }
}

function page(source: RegisterSource, filters: Filters, after: Key | null): PersonalDevicesRegisterRow[] {
  let query = filtered(source, filters).selectAll();
  if (after) query = query.where(sql<boolean>`(owner_name, id) > (${after[0]}, ${after[1]})`);
  return all(source.store, query.orderBy('owner_name').orderBy('id').limit(PAGE_SIZE)).map((row) => ({ ...row, standing: standingOn(row, source.today) }));
}

const header = (key: string) => `registers.personal-devices.columns.${key}`;
const columns: Column<PersonalDevicesRegisterRow>[] = [
  { key: 'owner', header: header('owner'), kind: 'text', value: (r) => r.owner_name },
  { key: 'kind', header: header('kind'), kind: 'text', value: (r, w) => term(w, 'personal_devices_ui.kinds', r.kind) },
  { key: 'make', header: header('make'), kind: 'text', value: (r) => r.make },
  { key: 'model', header: header('model'), kind: 'text', value: (r) => r.model },
  { key: 'serial', header: header('serial'), kind: 'text', value: (r) => r.serial },
  { key: 'purpose', header: header('purpose'), kind: 'text', value: (r) => r.purpose },
  { key: 'scope', header: header('scope'), kind: 'text', value: (r) => r.scope },
  { key: 'standing', header: header('standing'), kind: 'text', value: (r, w) => term(w, 'personal_devices_ui.standings', r.standing) },
  { key: 'decided_by', header: header('decided-by'), kind: 'text', value: (r) => r.decided_by_name },
  { key: 'decided_on', header: header('decided-on'), kind: 'day', value: (r) => (r.decided_at ? dayOf(r.decided_at) : '') },
  { key: 'expires_on', header: header('expires-on'), kind: 'day', value: (r) => r.expires_on },
  { key: 'renewals', header: header('renewals'), kind: 'number', value: (r) => r.renewals },
  { key: 'reason', header: header('reason'), kind: 'text', value: (r) => r.revoke_reason || r.reason },
  { key: 'prepared_by', header: header('prepared-by'), kind: 'text', value: (r) => r.prepared_by_name },
];

export const personalDevicesRegister = defineRegister<PersonalDevicesRegisterRow, Filters>({
  key: 'personal-devices',
  title: 'registers.personal-devices.title',
  sheet: 'registers.personal-devices.sheet',
  file: 'registers.personal-devices.file',
  columns,
  rows: (source, filters) => keysetPages<PersonalDevicesRegisterRow, Key>((after) => page(source, filters, after), (row) => [row.owner_name, row.id], PAGE_SIZE),
  count: (source, filters) => first(source.store, filtered(source, filters).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0,
  describe: (filters, words) => [words.t('registers.personal-devices.list', { list: term(words, 'personal_devices_ui.standings', filters.list) })],
});
