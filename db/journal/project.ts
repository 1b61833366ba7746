// Writing projection rows. Two ways, one result: `project` folds one event into the rows it touches, as
// append does; `foldEntity` reduces all of one entity's events in memory and writes each final row
// once, as a merge, a refold and verify's rebuild do — one write per row, its search index touched once.
import { statement, type Store } from '../store/open.ts';
import type { Domain } from './domain.ts';
import type { FoldEvent, AnyProjection, ProjectionRow } from './types.ts';

interface ProjectionSql {
  select: string;
  upsert: string;
  insert: string;
  remove: string;
}

/** Each projection's statements, written once per process rather than on every row. */
const sqlOf = new WeakMap<AnyProjection, ProjectionSql>();

function sqlFor(projection: AnyProjection): ProjectionSql {
  let sql = sqlOf.get(projection);
  if (!sql) {
    const { table, columns } = projection;
    const values = `(${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    const updates = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
    sql = {
      select: `SELECT ${columns.join(', ')} FROM ${table} WHERE id = ?`,
      upsert: `INSERT INTO ${table} ${values} ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
      insert: `INSERT INTO ${table} ${values}`,
      remove: `DELETE FROM ${table} WHERE id = ?`,
    };
    sqlOf.set(projection, sql);
  }
  return sql;
}

function valuesOf(projection: AnyProjection, row: ProjectionRow): (string | number | null)[] {
  return projection.columns.map((c) => row[c] ?? null);
}

function selectRow(store: Store, projection: AnyProjection, id: string): ProjectionRow | undefined {
  return statement(store, sqlFor(projection).select).get(id) as ProjectionRow | undefined;
}

function sameRow(projection: AnyProjection, a: ProjectionRow, b: ProjectionRow): boolean {
  return projection.columns.every((c) => (a[c] ?? null) === (b[c] ?? null));
}

/** Folds one event into the rows of `entities` (its main entity and its refs). */
export function project(store: Store, domain: Domain, event: FoldEvent, entities: readonly string[]): void {
  for (const projection of domain.projectionsByType.get(event.type) ?? []) {
    for (const entity of entities) {
      const current = selectRow(store, projection, entity);
      const next = projection.reduce(current, event, entity);
      if (next === undefined) {
        if (current !== undefined) statement(store, sqlFor(projection).remove).run(entity);
      } else if (current === undefined || !sameRow(projection, current, next)) {
        statement(store, sqlFor(projection).upsert).run(...valuesOf(projection, next));
      }
    }
  }
}

/**
 * One entity's rows, from all its events (its own and those that refer to it) in fold order: each
 * projection folding any of their types starts from no row. A projection whose fold ends in no row
 * maps to undefined.
 */
export function foldRows(domain: Domain, entity: string, events: Iterable<FoldEvent>): Map<AnyProjection, ProjectionRow | undefined> {
  const rows = new Map<AnyProjection, ProjectionRow | undefined>();
  for (const event of events) {
    for (const projection of domain.projectionsByType.get(event.type) ?? []) rows.set(projection, projection.reduce(rows.get(projection), event, entity));
  }
  return rows;
}

/**
 * How the final rows are written: `replace` for an entity that may have rows already (a row the fold
 * ends without is deleted), `insert` into tables that hold no row of it yet (a new entity, a rebuild).
 */
export type FoldWrite = 'replace' | 'insert';

/** Folds one entity's events in memory and writes each final row once. */
export function foldEntity(store: Store, domain: Domain, entity: string, events: Iterable<FoldEvent>, write: FoldWrite): void {
  for (const [projection, row] of foldRows(domain, entity, events)) {
    const sql = sqlFor(projection);
    if (row === undefined) {
      if (write === 'replace') statement(store, sql.remove).run(entity);
    } else {
      statement(store, write === 'replace' ? sql.upsert : sql.insert).run(...valuesOf(projection, row));
    }
  }
}

/** The entities an event touches: its own, then those its definition derives from the payload. */
export function touchedEntities(domain: Domain, type: string, entity: string, payload: Record<string, unknown>): string[] {
  const definition = domain.events.get(type);
  const refs = definition?.refs ? definition.refs(payload as never) : [];
  return [entity, ...refs.filter((ref) => ref !== entity)];
}

/** Fold order, the same on every installation: (hlc, origin, origin_seq). */
export function foldOrder(a: Pick<FoldEvent, 'hlc' | 'origin' | 'origin_seq'>, b: Pick<FoldEvent, 'hlc' | 'origin' | 'origin_seq'>): number {
  if (a.hlc !== b.hlc) return binaryOrder(a.hlc, b.hlc);
  if (a.origin !== b.origin) return binaryOrder(a.origin, b.origin);
  return a.origin_seq - b.origin_seq;
}

const BEYOND_ASCII = /[^\x20-\x7e]/;

/**
 * SQLite's BINARY order (UTF-8 bytes), so a merge of two sorted streams in JS agrees with ORDER BY.
 * JS compares UTF-16 code units, which agrees with UTF-8 bytes for printable ASCII; other text is compared as bytes.
 */
export function binaryOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (BEYOND_ASCII.test(a) || BEYOND_ASCII.test(b)) return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  return a < b ? -1 : 1;
}
