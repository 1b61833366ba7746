// An entity's history: the journal events about it (as main entity or by reference), newest first.
import type { Domain } from '../journal/domain.ts';
import { hlcInstant } from '../journal/hlc.ts';
import { ACTOR_NAME } from '../journal/types.ts';
import { statement, type Store } from '../store/open.ts';

export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  actor_name: string;
  type: string;
  entity: string;
  payload: Record<string, unknown>;
}

/** Never shown, even to an administrator: secrets recorded for the fold. */
const HIDDEN_KEYS = new Set(['password_hash', ACTOR_NAME]);

export function entityHistory(store: Store, domain: Domain, entity: string, options: { includeLocal: boolean; limit?: number }): HistoryEntry[] {
  const rows = statement(
    store,
    `SELECT seq, hlc, actor, type, entity, payload FROM journal WHERE entity = @entity
     UNION SELECT j.seq, j.hlc, j.actor, j.type, j.entity, j.payload FROM journal_refs r JOIN journal j ON j.seq = r.seq WHERE r.entity = @entity
     ORDER BY hlc DESC, seq DESC LIMIT @limit`,
  ).all({ entity, limit: options.limit ?? 500 }) as { seq: number; hlc: string; actor: string; type: string; entity: string; payload: string }[];
  return rows
    .filter((row) => options.includeLocal || domain.events.get(row.type)?.scope !== 'local')
    .map((row) => {
      const payload = JSON.parse(row.payload) as Record<string, unknown>;
      const visible = Object.fromEntries(Object.entries(payload).filter(([key]) => !HIDDEN_KEYS.has(key)));
      return {
        seq: row.seq,
        at: hlcInstant(row.hlc),
        actor: row.actor,
        actor_name: typeof payload[ACTOR_NAME] === 'string' ? payload[ACTOR_NAME] : row.actor,
        type: row.type,
        entity: row.entity,
        payload: visible,
      };
    });
}
