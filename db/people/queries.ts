import { sql } from 'kysely';
import type { z } from 'zod';
import type { ListInput } from '../contract/inputs.ts';
import { decodeCursor, encodeCursor, ftsQuery, type Page } from '../core/paging.ts';
import { all, first, type Store } from '../store/open.ts';
import type { PersonRow } from '../store/schema.ts';

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

export function listPeople(store: Store, input: z.output<typeof ListInput>): Page<PersonView> & { total: number } {
  let query = store.q
    .selectFrom('people')
    .leftJoin('departments', 'departments.id', 'people.department_id')
    .selectAll('people')
    .select('departments.name as department_name');
  const match = ftsQuery(input.search);
  if (match) query = query.where(sql<boolean>`people.rowid IN (SELECT rowid FROM people_search WHERE people_search MATCH ${match})`);
  if (input.status !== 'all') query = query.where('people.active', '=', input.status === 'active' ? 1 : 0);
  const counted = first(store, query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')));
  if (input.after) {
    const [name, id] = decodeCursor(input.after);
    query = query.where(sql<boolean>`(people.full_name COLLATE NOCASE, people.id) > (${name}, ${id})`);
  }
  const rows = all(store, query.orderBy(sql`people.full_name COLLATE NOCASE`).orderBy('people.id').limit(input.limit + 1));
  const items = rows.slice(0, input.limit).map((row) => ({ ...row, active: row.active === 1 }));
  const last = items[items.length - 1];
  return { items, next: rows.length > input.limit && last ? encodeCursor(last.full_name, last.id) : null, total: counted?.n ?? 0 };
}
