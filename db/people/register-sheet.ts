// The register of people who can hold equipment, as a spreadsheet: one row per person, with how many
// devices are in their keeping today.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { PeopleFilters } from './contract.ts';
import { ftsQuery } from '../core/paging.ts';
import { all, type Store } from '../store/open.ts';
import type { PersonRow } from '../store/schema.ts';
import { dayOf, defineRegister, keysetPages, PAGE_SIZE, term, type Column } from '../registers/register.ts';

type Filters = z.output<typeof PeopleFilters>;

export interface PersonRegisterRow extends PersonRow {
  department_name: string | null;
  devices: number;
}

type Key = [string, string];

function page(store: Store, filters: Filters, after: Key | null): PersonRegisterRow[] {
  let query = store.q
    .selectFrom('people')
    .leftJoin('departments', 'departments.id', 'people.department_id')
    .selectAll('people')
    .select('departments.name as department_name')
    // A disposed device is in nobody's keeping any more, whatever its last custodian.
    .select(sql<number>`(SELECT count(*) FROM assets WHERE assets.custodian_id = people.id AND assets.status != 'disposed')`.as('devices'));
  const match = ftsQuery(filters.search);
  if (match) query = query.where(sql<boolean>`people.rowid IN (SELECT rowid FROM people_search WHERE people_search MATCH ${match})`);
  if (filters.status !== 'all') query = query.where('people.active', '=', filters.status === 'active' ? 1 : 0);
  if (after) query = query.where(sql<boolean>`(people.full_name COLLATE NOCASE, people.id) > (${after[0]}, ${after[1]})`);
  return all(store, query.orderBy(sql`people.full_name COLLATE NOCASE`).orderBy('people.id').limit(PAGE_SIZE));
}

const columns: Column<PersonRegisterRow>[] = [
  { key: 'name', header: 'registers.people.columns.name', kind: 'text', value: (r) => r.full_name },
  { key: 'check_number', header: 'registers.people.columns.check-number', kind: 'text', value: (r) => r.check_number },
  { key: 'title', header: 'registers.people.columns.title', kind: 'text', value: (r) => r.title },
  { key: 'department', header: 'registers.people.columns.department', kind: 'text', value: (r) => r.department_name },
  { key: 'institution', header: 'registers.people.columns.institution', kind: 'text', value: (r) => r.institution },
  { key: 'phone', header: 'registers.people.columns.phone', kind: 'text', value: (r) => r.phone },
  { key: 'email', header: 'registers.people.columns.email', kind: 'text', value: (r) => r.email },
  { key: 'status', header: 'registers.people.columns.status', kind: 'text', value: (r, w) => w.t(r.active === 1 ? 'registers.people.active' : 'registers.people.inactive') },
  { key: 'devices', header: 'registers.people.columns.devices', kind: 'number', value: (r) => r.devices },
  { key: 'registered_on', header: 'registers.people.columns.registered-on', kind: 'day', value: (r) => dayOf(r.created_at) },
];

export const peopleRegister = defineRegister<PersonRegisterRow, Filters>({
  key: 'people',
  title: 'registers.people.title',
  sheet: 'registers.people.sheet',
  file: 'registers.people.file',
  columns,
  rows: ({ store }, filters) => keysetPages<PersonRegisterRow, Key>((after) => page(store, filters, after), (row) => [row.full_name, row.id], PAGE_SIZE),
  // The words of the screen's own menu ("Walioondoka"); a search of nothing but punctuation filters nothing, so it is not said.
  describe: (filters, words) => [
    ...(ftsQuery(filters.search) ? [words.t('registers.people.filters.search', { search: filters.search })] : []),
    ...(filters.status === 'all' ? [] : [words.t('registers.people.filters.status', { status: term(words, 'people.status', filters.status) })]),
  ],
});
