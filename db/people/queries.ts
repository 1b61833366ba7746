import { sql, type SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { ListInput } from '../contract/inputs.ts';
import { decodeCursor, encodeCursor, ftsQuery, type Page } from '../core/paging.ts';
import { isHit, planSearch, type SearchPlan } from '../core/search.ts';
import { all, first, type Store } from '../store/open.ts';
import type { Database, PersonRow } from '../store/schema.ts';

export interface PersonView extends Omit<PersonRow, 'active'> {
  active: boolean;
  department_name: string | null;
}

export function findPerson(store: Store, id: string): PersonView | undefined {
  const row = first(
    store,
    store.q
      .selectFrom('people')
      .leftJoin('departments', 'departments.id', 'people.department_id')
      .selectAll('people')
      .select('departments.name as department_name')
      .where('people.id', '=', id),
  );
  return row ? { ...row, active: row.active === 1 } : undefined;
}

/**
 * A page of the register of people, by name. A search runs by the plan its number of hits calls for
 * (db/core/search.ts); either plan gives the same rows, cursors and total. A caller may name the plan
 * (the tests compare the two).
 */
export function listPeople(store: Store, input: z.output<typeof ListInput>, options: { plan?: SearchPlan } = {}): Page<PersonView> & { total: number } {
  const match = ftsQuery(input.search);
  // With every status, a search's total is its count in the index alone.
  const search = match ? planSearch(store, 'people', match, { counted: input.status === 'all', plan: options.plan }) : null;
  const filtered = <Q extends SelectQueryBuilder<Database, 'people', object>>(query: Q): Q => {
    let q = query;
    if (search) q = q.where(isHit('people', search)) as Q;
    if (input.status !== 'all') q = q.where('people.active', '=', input.status === 'active' ? 1 : 0) as Q;
    return q;
  };
  // Counted on the people alone: the filters are on their own columns, and the department only costs time.
  const total = search?.hits ?? first(store, filtered(store.q.selectFrom('people')).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  let query = filtered(
    store.q
      .selectFrom('people')
      .leftJoin('departments', 'departments.id', 'people.department_id')
      .selectAll('people')
      .select('departments.name as department_name'),
  );
  if (input.after) {
    const [name, id] = decodeCursor(input.after);
    query = query.where(sql<boolean>`(people.full_name COLLATE NOCASE, people.id) > (${name}, ${id})`);
  }
  const rows = all(store, query.orderBy(sql`people.full_name COLLATE NOCASE`).orderBy('people.id').limit(input.limit + 1));
  const items = rows.slice(0, input.limit).map((row) => ({ ...row, active: row.active === 1 }));
  const last = items[items.length - 1];
  return { items, next: rows.length > input.limit && last ? encodeCursor(last.full_name, last.id) : null, total };
}
