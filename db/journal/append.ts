// Appending events: each gets its origin's next number, the next HLC, the link to its predecessor and
// its hash; its rows in every projection are folded in the same transaction (the caller's).
import { Refusal } from '../core/refusal.ts';
import { statement, type Store } from '../store/open.ts';
import type { Clock } from '../core/clock.ts';
import type { Domain } from './domain.ts';
import { canonicalJson, GENESIS_HASH, storedEventHash, type StoredFields } from './hash.ts';
import { nextHlc } from './hlc.ts';
import { project, touchedEntities } from './project.ts';
import { refoldEntities } from './refold.ts';
import { refreshSearchIndexesFor } from './search.ts';
import { ACTOR_NAME, type EventDefinition, type JournalEvent, type NewEvent, type Scope } from './types.ts';
import type { JournalRow } from '../store/schema.ts';

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

/**
 * Why a stored payload (with `actor_name`) is not one its type's schema accepts, or null when it is.
 * The one check of append, sync import and verify (docs/journal.md, "The payload").
 */
export function payloadProblem(definition: EventDefinition, payload: unknown): 'payload-invalid' | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return 'payload-invalid';
  const { [ACTOR_NAME]: actorName, ...fields } = payload as Record<string, unknown>;
  if (typeof actorName !== 'string' || !definition.payload.safeParse(fields).success) return 'payload-invalid';
  return null;
}

/** An event as written: every hashed field and its hash. */
export type EventRow = Omit<JournalEvent, 'seq'>;

/**
 * The one writer of journal rows, for append and for sync import: checks the payload against its
 * type's schema and the hash against the fields, then writes the row and its refs. An event of a
 * type this version does not know (from a newer peer) is kept and marked held: no refs, no fold,
 * until a version that knows it folds it (`foldHeldEvents`). Returns the entities to fold.
 */
export function writeEvent(store: Store, domain: Domain, event: EventRow): { seq: number; entities: string[] } {
  const definition = domain.events.get(event.type);
  if (definition && payloadProblem(definition, event.payload)) throw new Refusal('invalid-event', { type: event.type });
  const payload = canonicalJson(event.payload);
  if (storedEventHash({ ...event, payload }) !== event.hash) throw new Error(`event ${event.origin}/${event.origin_seq} does not match its hash`);
  const entities = definition ? touchedEntities(domain, event.type, event.entity, event.payload) : [];
  const seq = writeStoredEvent(store, { ...event, payload }, definition ? entities.slice(1) : null);
  return { seq, entities };
}

/**
 * Writes an event already checked (sync import checks every line while staging): the journal row with
 * its canonical payload text, and its refs — or, for a type this version does not know (`refs` null),
 * its mark as held.
 */
export function writeStoredEvent(store: Store, event: StoredFields & { hash: string }, refs: readonly string[] | null): number {
  const info = statement(
    store,
    'INSERT INTO journal (origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(event.origin, event.origin_seq, event.hlc, event.actor, event.type, event.entity, event.payload, event.prev_hash, event.hash);
  const seq = Number(info.lastInsertRowid);
  if (refs === null) statement(store, 'INSERT INTO journal_held (seq) VALUES (?)').run(seq);
  else writeRefs(store, seq, refs);
  return seq;
}

function writeRefs(store: Store, seq: number, refs: readonly string[]): void {
  if (refs.length === 0) return;
  const insertRef = statement(store, 'INSERT OR IGNORE INTO journal_refs (seq, entity) VALUES (?, ?)');
  for (const ref of refs) insertRef.run(seq, ref);
}

/**
 * Folds the held events whose type this version now knows: writes their refs, unmarks them, and
 * refolds every entity they touch in fold order. Run at startup, after migrations; an event whose
 * payload this version's schema refuses stays held. Returns how many were folded.
 */
export function foldHeldEvents(store: Store, domain: Domain): number {
  return store.sqlite.transaction(() => {
    const held = statement(store, 'SELECT j.* FROM journal_held h JOIN journal j ON j.seq = h.seq ORDER BY j.seq').all() as JournalRow[];
    const touched = new Set<string>();
    let folded = 0;
    for (const row of held) {
      const definition = domain.events.get(row.type);
      const payload = JSON.parse(row.payload) as Record<string, unknown>;
      if (!definition || payloadProblem(definition, payload)) continue;
      const entities = touchedEntities(domain, row.type, row.entity, payload);
      writeRefs(store, row.seq, entities.slice(1));
      statement(store, 'DELETE FROM journal_held WHERE seq = ?').run(row.seq);
      for (const entity of entities) touched.add(entity);
      folded += 1;
    }
    if (touched.size > 0) {
      refoldEntities(store, domain, touched);
      refreshSearchIndexesFor(store, touched);
    }
    return folded;
  })();
}

/** Appends events in order. Call inside the command's transaction. */
export function append(ctx: AppendContext, events: readonly NewEvent[]): JournalEvent[] {
  const { store, domain } = ctx;
  const written: JournalEvent[] = [];
  const lastOfOrigin = statement(store, 'SELECT origin_seq, hash FROM journal WHERE origin = ? ORDER BY origin_seq DESC LIMIT 1');
  const latestHlc = statement(store, 'SELECT hlc FROM journal ORDER BY hlc DESC LIMIT 1');
  for (const { event: definition, entity, payload: input } of events) {
    if (domain.events.get(definition.type) !== definition) throw new Error(`event type not in the domain: ${definition.type}`);
    const parsed = definition.payload.safeParse(input);
    if (!parsed.success) {
      // A command built a payload its own schema refuses: a bug, but the user still gets a sentence.
      throw new Refusal('invalid-event', { type: definition.type });
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
      type: definition.type,
      entity,
      payload,
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    // The payload was just checked by its schema: its canonical text is made once, hashed and stored.
    const stored = { ...fields, payload: canonicalJson(payload) };
    const hash = storedEventHash(stored);
    const entities = touchedEntities(domain, definition.type, entity, payload);
    const seq = writeStoredEvent(store, { ...stored, hash }, entities.slice(1));
    project(store, domain, fields, entities);
    written.push({ seq, ...fields, hash });
  }
  return written;
}
