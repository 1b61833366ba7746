// Folding entities again from all their events in (hlc, origin, origin_seq) order. After a merge the
// arrival order says nothing; this order is the same on every installation, so rows converge.
import { statement, type Store } from '../store/open.ts';
import type { Domain } from './domain.ts';
import { project } from './project.ts';
import type { FoldEvent } from './types.ts';

export function refoldEntities(store: Store, domain: Domain, entities: Iterable<string>): number {
  const eventsOf = statement(
    store,
    `SELECT origin, origin_seq, hlc, actor, type, entity, payload FROM journal WHERE entity = @entity
     UNION ALL SELECT j.origin, j.origin_seq, j.hlc, j.actor, j.type, j.entity, j.payload
       FROM journal_refs r JOIN journal j ON j.seq = r.seq WHERE r.entity = @entity
     ORDER BY hlc, origin, origin_seq`,
  );
  let folded = 0;
  for (const entity of entities) {
    // Read first, then write: one connection cannot write while a statement is still being stepped.
    const events = eventsOf.all({ entity }) as (Omit<FoldEvent, 'payload'> & { payload: string })[];
    // A row of this entity can only come from a projection that folds one of its events' types.
    const relevant = new Set(events.flatMap((event) => domain.projectionsByType.get(event.type) ?? []));
    for (const projection of relevant) statement(store, `DELETE FROM ${projection.table} WHERE id = ?`).run(entity);
    for (const row of events) {
      project(store, domain, { ...row, payload: JSON.parse(row.payload) as Record<string, unknown> }, [entity]);
    }
    folded += 1;
  }
  return folded;
}
