// Folding entities again from all their events in (hlc, origin, origin_seq) order. After a merge the
// arrival order says nothing; this order is the same on every installation, so rows converge. Each
// entity's events are reduced in memory and each final row written once.
import { statement, type Store } from '../store/open.ts';
import type { Domain } from './domain.ts';
import { foldEntity } from './project.ts';
import type { FoldEvent } from './types.ts';

export type StoredFoldEvent = Omit<FoldEvent, 'payload'> & { payload: string };

const EVENTS_OF = `SELECT origin, origin_seq, hlc, actor, type, entity, payload FROM journal WHERE entity = @entity
   UNION ALL SELECT j.origin, j.origin_seq, j.hlc, j.actor, j.type, j.entity, j.payload
     FROM journal_refs r JOIN journal j ON j.seq = r.seq WHERE r.entity = @entity
   ORDER BY hlc, origin, origin_seq`;

/** Every event of one entity (its own and those referring to it) in fold order, payloads parsed. */
export function eventsOfEntity(store: Store, entity: string): FoldEvent[] {
  const rows = statement(store, EVENTS_OF).all({ entity }) as StoredFoldEvent[];
  return rows.map((row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> }));
}

export function refoldEntities(store: Store, domain: Domain, entities: Iterable<string>): number {
  let folded = 0;
  for (const entity of entities) {
    foldEntity(store, domain, entity, eventsOfEntity(store, entity), 'replace');
    folded += 1;
  }
  return folded;
}
