// Writing projection rows: the fold of one event into every row it touches.
import { statement, type Store } from '../store/open.ts';
import type { Domain } from './domain.ts';
import type { FoldEvent, AnyProjection, ProjectionRow } from './types.ts';

function selectRow(store: Store, projection: AnyProjection, id: string): ProjectionRow | undefined {
  return statement(store, `SELECT ${projection.columns.join(', ')} FROM ${projection.table} WHERE id = ?`).get(id) as
    | ProjectionRow
    | undefined;
}

function upsertRow(store: Store, projection: AnyProjection, row: ProjectionRow): void {
  const columns = projection.columns;
  const updates = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  const sql =
    `INSERT INTO ${projection.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ` +
    `ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`;
  statement(store, sql).run(...columns.map((c) => row[c] ?? null));
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
        if (current !== undefined) statement(store, `DELETE FROM ${projection.table} WHERE id = ?`).run(entity);
      } else if (current === undefined || !sameRow(projection, current, next)) {
        upsertRow(store, projection, next);
      }
    }
  }
}

/** The entities an event touches: its own, then those its definition derives from the payload. */
export function touchedEntities(domain: Domain, type: string, entity: string, payload: Record<string, unknown>): string[] {
  const definition = domain.events.get(type);
  const refs = definition?.refs ? definition.refs(payload as never) : [];
  return [entity, ...refs.filter((ref) => ref !== entity)];
}
