import { sql } from 'kysely';
import type { z } from 'zod';
import type { ListInput } from '../contract/inputs.ts';
import { all, first, type Store } from '../store/open.ts';
import type { DepartmentRow, LocationRow } from '../store/schema.ts';

export function findDepartment(store: Store, id: string): DepartmentRow | undefined {
  return first(store, store.q.selectFrom('departments').selectAll().where('id', '=', id));
}

export function findLocation(store: Store, id: string): LocationRow | undefined {
  return first(store, store.q.selectFrom('locations').selectAll().where('id', '=', id));
}

function like(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Departments and locations number in the tens or hundreds: one sorted list, filtered, is enough.
export function listDepartments(store: Store, input: z.output<typeof ListInput>): DepartmentRow[] {
  let query = store.q.selectFrom('departments').selectAll();
  if (input.search) query = query.where(sql<boolean>`(name LIKE ${like(input.search)} ESCAPE '\\' OR code LIKE ${like(input.search)} ESCAPE '\\')`);
  if (input.status !== 'all') query = query.where('active', '=', input.status === 'active' ? 1 : 0);
  return all(store, query.orderBy(sql`name COLLATE NOCASE`).orderBy('id'));
}

export function listLocations(store: Store, input: z.output<typeof ListInput>): LocationRow[] {
  let query = store.q.selectFrom('locations').selectAll();
  if (input.search) {
    query = query.where(
      sql<boolean>`(name LIKE ${like(input.search)} ESCAPE '\\' OR building LIKE ${like(input.search)} ESCAPE '\\' OR region LIKE ${like(input.search)} ESCAPE '\\')`,
    );
  }
  if (input.status !== 'all') query = query.where('active', '=', input.status === 'active' ? 1 : 0);
  return all(store, query.orderBy(sql`name COLLATE NOCASE`).orderBy('id'));
}
