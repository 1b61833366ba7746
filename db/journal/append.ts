// Appending events: each gets its origin's next number, the next HLC, the link to its predecessor and
// its hash; its rows in every projection are folded in the same transaction (the caller's).
import { Refusal } from '../core/refusal.ts';
import { statement, type Store } from '../store/open.ts';
import type { Clock } from '../core/clock.ts';
import type { Domain } from './domain.ts';
import { canonicalJson, eventHash, GENESIS_HASH } from './hash.ts';
import { nextHlc } from './hlc.ts';
import { project, touchedEntities } from './project.ts';
import { ACTOR_NAME, type JournalEvent, type NewEvent, type Scope } from './types.ts';

export interface Actor {
  id: string;
  name: string;
}

/** The user `system` acts for the app itself (first-run setup, migrations of data). */
export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'Daftari' };

export interface Identity {
  /** This installation's origin for events that travel. */
  shared: string;
  /** This installation's origin for account events, which never travel. */
  local: string;
}

export function readIdentity(store: Store): Identity | null {
  const rows = statement(store, 'SELECT origin, scope FROM origins WHERE is_self = 1').all() as { origin: string; scope: Scope }[];
  const shared = rows.find((r) => r.scope === 'shared')?.origin;
  const local = rows.find((r) => r.scope === 'local')?.origin;
  return shared && local ? { shared, local } : null;
}

/** Fixes this installation's two origin ids, once, at first run. */
export function ensureIdentity(store: Store, newId: () => string): Identity {
  const existing = readIdentity(store);
  if (existing) return existing;
  const identity = { shared: newId(), local: newId() };
  store.sqlite.transaction(() => {
    const insert = statement(store, 'INSERT INTO origins (origin, scope, is_self) VALUES (?, ?, 1)');
    insert.run(identity.shared, 'shared');
    insert.run(identity.local, 'local');
  })();
  return identity;
}

export interface AppendContext {
  store: Store;
  domain: Domain;
  clock: Clock;
  identity: Identity;
  actor: Actor;
}

/** Appends events in order. Call inside the command's transaction. */
export function append(ctx: AppendContext, events: readonly NewEvent[]): JournalEvent[] {
  const { store, domain } = ctx;
  const written: JournalEvent[] = [];
  const lastOfOrigin = statement(store, 'SELECT origin_seq, hash FROM journal WHERE origin = ? ORDER BY origin_seq DESC LIMIT 1');
  const latestHlc = statement(store, 'SELECT hlc FROM journal ORDER BY hlc DESC LIMIT 1');
  const insert = statement(
    store,
    'INSERT INTO journal (origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertRef = statement(store, 'INSERT OR IGNORE INTO journal_refs (seq, entity) VALUES (?, ?)');
  for (const event of events) {
    const definition = domain.events.get(event.type);
    if (!definition) throw new Error(`unknown event type ${event.type}`);
    const parsed = definition.payload.safeParse(event.payload);
    if (!parsed.success) {
      // A command built a payload its own schema refuses: a bug, but the user still gets a sentence.
      throw new Refusal('invalid-event', { type: event.type });
    }
    const payload = { ...(parsed.data as Record<string, unknown>), [ACTOR_NAME]: ctx.actor.name };
    const origin = definition.scope === 'local' ? ctx.identity.local : ctx.identity.shared;
    const last = lastOfOrigin.get(origin) as { origin_seq: number; hash: string } | undefined;
    const latest = latestHlc.get() as { hlc: string } | undefined;
    const fields = {
      origin,
      origin_seq: (last?.origin_seq ?? 0) + 1,
      hlc: nextHlc(latest?.hlc ?? null, ctx.clock.now()),
      actor: ctx.actor.id,
      type: event.type,
      entity: event.entity,
      payload,
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    const hash = eventHash(fields);
    const info = insert.run(
      fields.origin,
      fields.origin_seq,
      fields.hlc,
      fields.actor,
      fields.type,
      fields.entity,
      canonicalJson(payload),
      fields.prev_hash,
      hash,
    );
    const seq = Number(info.lastInsertRowid);
    const entities = touchedEntities(domain, event.type, event.entity, payload);
    for (const ref of entities.slice(1)) insertRef.run(seq, ref);
    project(store, domain, fields, entities);
    written.push({ seq, ...fields, hash });
  }
  return written;
}
