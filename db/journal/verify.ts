// `daftari verify`: recompute every hash and link, then rebuild every projection from the journal into
// a scratch database and compare it with the stored rows. Names the first disagreement. Everything is
// streamed in chunks, in key order on both sides: no table is ever held whole, and between chunks a
// job reports how far it is and may be stopped.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobHandle } from '../core/jobs.ts';
import { refuse } from '../core/refusal.ts';
import { closeStore, openStore, statement, type OpenOptions, type Store } from '../store/open.ts';
import type { JournalRow } from '../store/schema.ts';
import type { Domain } from './domain.ts';
import { canonicalJson, GENESIS_HASH, storedEventHash } from './hash.ts';
import { isHlc } from './hlc.ts';
import { binaryOrder, foldEntity, foldOrder, touchedEntities } from './project.ts';
import type { StoredFoldEvent } from './refold.ts';
import { refreshSearchIndexes, searchIndexes, type SearchIndex } from './search.ts';
import { payloadProblem } from './append.ts';
import type { AnyProjection, FoldEvent, Scope } from './types.ts';

export type EventProblem =
  | 'hash-mismatch'
  | 'broken-link'
  | 'sequence-gap'
  | 'payload-not-json'
  | 'payload-not-canonical'
  | 'payload-invalid'
  | 'unknown-type'
  | 'bad-hlc'
  | 'hlc-backwards'
  | 'refs-mismatch';

export type RowProblem = 'row-differs' | 'row-missing' | 'row-extra' | 'attachment-altered' | 'scope-mismatch' | 'search-differs' | 'search-damaged' | 'snapshot-altered';

/** A row an area's own check finds wrong (db/area.ts `checks`). */
export interface CheckProblem {
  table: string;
  id: string;
  problem: RowProblem;
}

/** An area's check of what it recorded besides the chain and the projections; the problems in the order found. */
export type StoreCheck = (store: Store) => CheckProblem[];

export type VerifyResult =
  | { ok: true; events: number; rows: number }
  | { ok: false; kind: 'event'; seq: number; origin: string; origin_seq: number; problem: EventProblem }
  | { ok: false; kind: 'row'; table: string; id: string; problem: RowProblem };

type StoredRow = JournalRow;

function checkEvent(
  domain: Domain,
  row: StoredRow,
  last: { origin_seq: number; hash: string; hlc: string } | undefined,
  refs: string[],
  held: boolean,
): EventProblem | null {
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    return 'payload-not-json';
  }
  let canonical: string;
  try {
    canonical = canonicalJson(payload);
  } catch {
    return 'payload-not-canonical';
  }
  if (canonical !== row.payload) return 'payload-not-canonical';
  // The stored text is canonical: the hash is taken over it as it is.
  if (storedEventHash(row) !== row.hash) return 'hash-mismatch';
  if (row.origin_seq !== (last?.origin_seq ?? 0) + 1) return 'sequence-gap';
  if (row.prev_hash !== (last?.hash ?? GENESIS_HASH)) return 'broken-link';
  if (!isHlc(row.hlc)) return 'bad-hlc';
  if (last && row.hlc <= last.hlc) return 'hlc-backwards';
  const definition = domain.events.get(row.type);
  // A type this version does not know (from a newer peer) is kept held: its chain is checked above,
  // its payload and refs wait for a version that knows it; it has no refs until then.
  if (!definition) return held ? (refs.length === 0 ? null : 'refs-mismatch') : 'unknown-type';
  const problem = payloadProblem(definition, payload);
  if (problem) return problem;
  const expected = touchedEntities(domain, row.type, row.entity, payload as Record<string, unknown>).slice(1).sort();
  if (JSON.stringify(expected) !== JSON.stringify([...refs].sort())) return 'refs-mismatch';
  return null;
}

/**
 * This installation's own origins, as the journal shows them: the origin of the first event of each
 * scope. First-run setup writes the institution (shared) and the first administrator (local) before any
 * bundle can be imported, and account events never travel, so neither can be a peer's. After a restore
 * the shared one is the origin its record names.
 */
function ownOrigins(store: Store, domain: Domain): Partial<Record<Scope, string>> {
  const own: Partial<Record<Scope, string>> = {};
  const rows = statement(store, 'SELECT origin, type FROM journal ORDER BY seq').iterate() as IterableIterator<{ origin: string; type: string }>;
  for (const row of rows) {
    const scope = domain.events.get(row.type)?.scope;
    if (scope && own[scope] === undefined) own[scope] = row.origin;
    if (own.shared !== undefined && own.local !== undefined) break;
  }
  // A restore moves this installation to a new shared origin, and says so in a hashed event (its last).
  const moved = statement(store, 'SELECT payload FROM journal WHERE type = ? ORDER BY seq DESC LIMIT 1').get(ORIGIN_MOVED) as { payload: string } | undefined;
  if (moved) {
    const origin = (JSON.parse(moved.payload) as { origin?: unknown }).origin;
    if (typeof origin === 'string') own.shared = origin;
  }
  return own;
}

/** The event that moves this installation's shared origin (db/backups/events.ts, `backups.restored`). */
const ORIGIN_MOVED = 'backups.restored';

/**
 * Each origin's `scope` must be the scope of every event type in its chain. Export reads the chains
 * the `origins` table calls shared, and the table is not hashed, so an edited scope would otherwise
 * go unnoticed (docs/journal.md, "origins"). An origin holding events but no row is reported missing.
 * `is_self` decides which chains this installation writes to and calls its own: it must mark exactly
 * the origins the journal shows as this installation's (`row-differs`).
 */
function checkScopes(store: Store, domain: Domain, chainScopes: ReadonlyMap<string, Set<Scope>>): VerifyResult | null {
  const rows = statement(store, 'SELECT origin, scope, is_self FROM origins ORDER BY origin').all() as { origin: string; scope: string; is_self: number }[];
  const declared = new Map(rows.map((r) => [r.origin, r.scope]));
  for (const [origin, scopes] of [...chainScopes].sort(([a], [b]) => a.localeCompare(b))) {
    const scope = declared.get(origin);
    if (scope === undefined) return { ok: false, kind: 'row', table: 'origins', id: origin, problem: 'row-missing' };
    if (scopes.size !== 1 || !scopes.has(scope as Scope)) return { ok: false, kind: 'row', table: 'origins', id: origin, problem: 'scope-mismatch' };
  }
  const own = ownOrigins(store, domain);
  for (const row of rows) {
    const expected = own[row.scope as Scope];
    if (expected === undefined) continue;
    if (row.is_self !== (row.origin === expected ? 1 : 0)) return { ok: false, kind: 'row', table: 'origins', id: row.origin, problem: 'row-differs' };
  }
  return null;
}

/** Rows read per statement: every pass reads in chunks, so no statement stays open between them. */
const CHUNK = 5000;

/** Every pass reads `chunk` rows at a time (tests make it small, so their few rows cross its edges). */
interface Chunked {
  chunk?: number;
}

/** How far a pass is: it yields after each chunk, with the count done so far. */
type Pass<T> = Generator<number, T, void>;

/** Runs a pass to its end without pausing. */
function finish<T>(pass: Pass<T>): T {
  for (;;) {
    const step = pass.next();
    if (step.done) return step.value;
  }
}

// ---- the chain ------------------------------------------------------------------------------------

interface ChainResult {
  events: number;
  chainScopes: Map<string, Set<Scope>>;
  failure: VerifyResult | null;
}

function noteScope(domain: Domain, chainScopes: Map<string, Set<Scope>>, row: StoredRow): void {
  const scope = domain.events.get(row.type)?.scope;
  if (!scope) return;
  const scopes = chainScopes.get(row.origin);
  if (scopes) scopes.add(scope);
  else chainScopes.set(row.origin, new Set([scope]));
}

/**
 * The chain in arrival order, each chunk of events with its refs read beside it. Every origin's events
 * arrive in chain order (append numbers them so, import writes them so), so a clean file passes here
 * with no lookup per event. Anything out of line — a bad event, or an origin whose numbers do not
 * follow on in arrival order — hands over to `exactChain`, which names the first problem.
 */
function* chainInArrivalOrder(store: Store, domain: Domain, chunk: number): Pass<ChainResult | null> {
  const held = new Set((statement(store, 'SELECT seq FROM journal_held').all() as { seq: number }[]).map((r) => r.seq));
  const rowsAfter = statement(store, `SELECT * FROM journal WHERE seq > ? ORDER BY seq LIMIT ${chunk}`);
  const refsBetween = statement(store, 'SELECT seq, entity FROM journal_refs WHERE seq > ? AND seq <= ? ORDER BY seq');
  const lastByOrigin = new Map<string, { origin_seq: number; hash: string; hlc: string }>();
  const chainScopes = new Map<string, Set<Scope>>();
  let events = 0;
  let after = 0;
  for (;;) {
    const rows = rowsAfter.all(after) as StoredRow[];
    if (rows.length === 0) break;
    const upTo = (rows[rows.length - 1] as StoredRow).seq;
    const refs = new Map<number, string[]>();
    for (const { seq, entity } of refsBetween.all(after, upTo) as { seq: number; entity: string }[]) {
      const list = refs.get(seq);
      if (list) list.push(entity);
      else refs.set(seq, [entity]);
    }
    for (const row of rows) {
      noteScope(domain, chainScopes, row);
      if (checkEvent(domain, row, lastByOrigin.get(row.origin), refs.get(row.seq) ?? [], held.has(row.seq))) return null;
      lastByOrigin.set(row.origin, { origin_seq: row.origin_seq, hash: row.hash, hlc: row.hlc });
      events += 1;
    }
    after = upTo;
    yield events;
  }
  return { events, chainScopes, failure: null };
}

/** Per origin in chain order, so a missing or swapped event shows as a gap or a broken link. */
function exactChain(store: Store, domain: Domain): ChainResult {
  const refsOf = statement(store, 'SELECT entity FROM journal_refs WHERE seq = ?');
  const isHeld = statement(store, 'SELECT 1 FROM journal_held WHERE seq = ?');
  const lastByOrigin = new Map<string, { origin_seq: number; hash: string; hlc: string }>();
  const chainScopes = new Map<string, Set<Scope>>();
  let events = 0;
  let first: { row: StoredRow; problem: EventProblem } | null = null;
  for (const row of statement(store, 'SELECT * FROM journal ORDER BY origin, origin_seq').iterate() as IterableIterator<StoredRow>) {
    noteScope(domain, chainScopes, row);
    const refs = (refsOf.all(row.seq) as { entity: string }[]).map((r) => r.entity);
    const problem = checkEvent(domain, row, lastByOrigin.get(row.origin), refs, isHeld.get(row.seq) !== undefined);
    // The first bad event is the earliest to arrive, whichever origin it came from.
    if (problem && (!first || row.seq < first.row.seq)) first = { row, problem };
    lastByOrigin.set(row.origin, { origin_seq: row.origin_seq, hash: row.hash, hlc: row.hlc });
    events += 1;
  }
  const failure: VerifyResult | null = first
    ? { ok: false, kind: 'event', seq: first.row.seq, origin: first.row.origin, origin_seq: first.row.origin_seq, problem: first.problem }
    : null;
  return { events, chainScopes, failure };
}

// ---- the rebuild ----------------------------------------------------------------------------------

/**
 * Folds every entity into `target`'s projections, chunk by chunk of entities in key order: each chunk
 * reads its entities' own events and the events referring to them (journal_refs, which the chain check
 * has held to the payloads), reduces each entity's events in fold order in memory, and inserts each
 * final row once. Yields the events folded so far.
 */
function* foldChunks(source: Store, target: Store, domain: Domain, chunk: number): Pass<number> {
  const columns = 'j.origin, j.origin_seq, j.hlc, j.actor, j.type, j.entity, j.payload';
  const firstBoundary = statement(source, `SELECT entity FROM journal ORDER BY entity LIMIT 1 OFFSET ${chunk - 1}`);
  const boundaryAfter = statement(source, `SELECT entity FROM journal WHERE entity > ? ORDER BY entity LIMIT 1 OFFSET ${chunk - 1}`);
  // Lower bound: none for the first chunk; upper bound: none for the last.
  const own = {
    all: statement(source, `SELECT ${columns} FROM journal j`),
    upTo: statement(source, `SELECT ${columns} FROM journal j WHERE j.entity <= ?`),
    from: statement(source, `SELECT ${columns} FROM journal j WHERE j.entity > ?`),
    between: statement(source, `SELECT ${columns} FROM journal j WHERE j.entity > ? AND j.entity <= ?`),
  };
  const referring = `SELECT r.entity AS fold, ${columns} FROM journal_refs r JOIN journal j ON j.seq = r.seq`;
  const refs = {
    all: statement(source, referring),
    upTo: statement(source, `${referring} WHERE r.entity <= ?`),
    from: statement(source, `${referring} WHERE r.entity > ?`),
    between: statement(source, `${referring} WHERE r.entity > ? AND r.entity <= ?`),
  };
  const read = (which: typeof own, after: string | null, upTo: string | undefined) => {
    if (after === null) return upTo === undefined ? which.all.all() : which.upTo.all(upTo);
    return upTo === undefined ? which.from.all(after) : which.between.all(after, upTo);
  };
  let folded = 0;
  let after: string | null = null;
  for (;;) {
    const upTo: string | undefined = ((after === null ? firstBoundary.get() : boundaryAfter.get(after)) as { entity: string } | undefined)?.entity;
    const byEntity = new Map<string, FoldEvent[]>();
    const add = (entity: string, row: StoredFoldEvent) => {
      // A type no projection folds (one this version does not know, held) is not even parsed.
      if (!domain.projectionsByType.has(row.type)) return;
      const event = { ...row, payload: JSON.parse(row.payload) as Record<string, unknown> };
      const list = byEntity.get(entity);
      if (list) list.push(event);
      else byEntity.set(entity, [event]);
    };
    const ownRows = read(own, after, upTo) as StoredFoldEvent[];
    for (const row of ownRows) add(row.entity, row);
    for (const { fold, ...row } of read(refs, after, upTo) as (StoredFoldEvent & { fold: string })[]) add(fold, row);
    for (const [entity, events] of byEntity) foldEntity(target, domain, entity, events.sort(foldOrder), 'insert');
    folded += ownRows.length;
    yield folded;
    if (upTo === undefined) return folded;
    after = upTo;
  }
}

/** Folds every event, in (hlc, origin, origin_seq) order per entity, into `target`'s projections. */
export function foldAll(source: Store, target: Store, domain: Domain, options: Chunked = {}): number {
  return target.sqlite.transaction(() => finish(foldChunks(source, target, domain, options.chunk ?? CHUNK)))();
}

// ---- the comparison -------------------------------------------------------------------------------

/** A table's rows in id order, read a chunk at a time. */
function* rowsById(store: Store, table: string, columns: string, chunk: number): Generator<Record<string, unknown>> {
  const first = statement(store, `SELECT ${columns} FROM ${table} ORDER BY id LIMIT ${chunk}`);
  const next = statement(store, `SELECT ${columns} FROM ${table} WHERE id > ? ORDER BY id LIMIT ${chunk}`);
  let rows = first.all() as Record<string, unknown>[];
  while (rows.length > 0) {
    yield* rows;
    if (rows.length < chunk) return;
    rows = next.all((rows[rows.length - 1] as { id: string }).id) as Record<string, unknown>[];
  }
}

/**
 * Walks a projection's stored and rebuilt rows side by side in id order. A stored row the journal does
 * not give is `row-extra`, a row with another value `row-differs`; a row only the journal gives is
 * `row-missing`, reported only when the table has neither of the others. Yields rows compared so far.
 */
function* compareProjection(store: Store, scratch: Store, projection: AnyProjection, counted: { rows: number }, chunk: number): Pass<VerifyResult | null> {
  const columns = projection.columns.join(', ');
  const stored = rowsById(store, projection.table, columns, chunk);
  const rebuilt = rowsById(scratch, projection.table, columns, chunk);
  let a = stored.next();
  let b = rebuilt.next();
  let missing: string | null = null;
  const fail = (id: string, problem: RowProblem): VerifyResult => ({ ok: false, kind: 'row', table: projection.table, id, problem });
  while (!a.done || !b.done) {
    const order = a.done ? 1 : b.done ? -1 : binaryOrder(a.value.id as string, b.value.id as string);
    if (order < 0) return fail((a as { value: { id: string } }).value.id, 'row-extra');
    if (order > 0) {
      missing ??= (b as { value: { id: string } }).value.id;
      b = rebuilt.next();
      continue;
    }
    const row = a.value as Record<string, unknown>;
    const twin = b.value as Record<string, unknown>;
    if (projection.columns.some((c) => (row[c] ?? null) !== (twin[c] ?? null))) return fail(row.id as string, 'row-differs');
    counted.rows += 1;
    if (counted.rows % chunk === 0) yield counted.rows;
    a = stored.next();
    b = rebuilt.next();
  }
  return missing === null ? null : fail(missing, 'row-missing');
}

// ---- the search indexes ---------------------------------------------------------------------------

/**
 * What an index holds, per row of its owner table, in id order: the digest of the sorted (column,
 * offset, term) of every token. fts5vocab reads the index itself, so this sees a row deleted from or
 * forged into the index even where the content table is untouched. A token on a rowid no owner row has
 * is keyed `#rowid`. SQLite sorts the tokens by id on disk, so memory holds one row's tokens at a time.
 */
function* searchDigests(store: Store, index: SearchIndex, vocab: string): Generator<[string, string]> {
  const rows = store.sqlite
    .prepare(`SELECT coalesce(o.id, '#' || v.doc) AS id, v.col, v.offset, v.term FROM ${vocab} v LEFT JOIN ${index.owner} o ON o.rowid = v.doc ORDER BY 1`)
    .raw()
    .iterate() as IterableIterator<[string, string, number, string]>;
  let id: string | null = null;
  let tokens: string[] = [];
  for (const [rowId, col, offset, term] of rows) {
    if (rowId !== id) {
      if (id !== null) yield [id, createHash('sha256').update(tokens.sort().join('\u0001')).digest('hex')];
      id = rowId;
      tokens = [];
    }
    tokens.push(`${col}\u0000${offset}\u0000${term}`);
  }
  if (id !== null) yield [id, createHash('sha256').update(tokens.sort().join('\u0001')).digest('hex')];
}

function withVocab<T>(store: Store, index: SearchIndex, work: (vocab: string) => T): T {
  const vocab = `temp.verify_vocab_${index.name}`;
  store.sqlite.exec(`DROP TABLE IF EXISTS ${vocab}; CREATE VIRTUAL TABLE ${vocab} USING fts5vocab(main, ${index.name}, instance)`);
  try {
    return work(vocab);
  } finally {
    store.sqlite.exec(`DROP TABLE IF EXISTS ${vocab}`);
  }
}

/** The first id (in id order) whose tokens differ between the stored and the rebuilt index, or null. */
function firstDifference(store: Store, scratch: Store, index: SearchIndex): string | null {
  return withVocab(store, index, (storedVocab) =>
    withVocab(scratch, index, (rebuiltVocab) => {
      const stored = searchDigests(store, index, storedVocab);
      const rebuilt = searchDigests(scratch, index, rebuiltVocab);
      try {
        let a = stored.next();
        let b = rebuilt.next();
        while (!a.done || !b.done) {
          const order = a.done ? 1 : b.done ? -1 : binaryOrder(a.value[0], b.value[0]);
          if (order !== 0) return order < 0 ? (a.value as [string, string])[0] : (b.value as [string, string])[0];
          if ((a.value as [string, string])[1] !== (b.value as [string, string])[1]) return (a.value as [string, string])[0];
          a = stored.next();
          b = rebuilt.next();
        }
        return null;
      } finally {
        // Ends the statements still being stepped, so the connections are free again.
        stored.return(undefined);
        rebuilt.return(undefined);
      }
    }),
  );
}

/**
 * The search indexes are not projections, but a row deleted from one hides a device from search, and a
 * forged one shows a device under a name it never had. Each index is compared, row by row, with the
 * index the rebuilt projections give, then checked by FTS5 itself.
 */
function checkSearch(store: Store, scratch: Store): VerifyResult | null {
  for (const index of searchIndexes(store)) {
    // First the comparison, which names the row; then FTS5's own check of the index's structure (for an
    // external-content index, also against its table).
    let differing: string | null;
    try {
      differing = firstDifference(store, scratch, index);
    } catch {
      return { ok: false, kind: 'row', table: index.name, id: '', problem: 'search-damaged' };
    }
    if (differing !== null) return { ok: false, kind: 'row', table: index.name, id: differing, problem: 'search-differs' };
    try {
      store.sqlite.prepare(`INSERT INTO ${index.name} (${index.name}) VALUES ('integrity-check')`).run();
    } catch (error) {
      // The check writes nothing, but SQLite will not run it on a file opened read-only; the comparison
      // above has then done the work.
      if ((error as { code?: string }).code !== 'SQLITE_READONLY') return { ok: false, kind: 'row', table: index.name, id: '', problem: 'search-damaged' };
    }
  }
  return null;
}

/**
 * The scratch file's search indexes, taken off their triggers while the rebuild inserts rows, then
 * filled once from the final rows: one bulk insert costs a small part of a row-by-row index that is
 * then indexed again (a device may be folded before its custodian's row, so a row-by-row index would
 * need that second pass anyway). A contentless index is filled by its own insert trigger's statement,
 * run over every owner row; an index whose trigger has another shape keeps its triggers and is
 * indexed again row by row, as a merge does. Returns the filling, to run after the rebuild.
 */
function detachSearch(scratch: Store): () => void {
  const fills: (() => void)[] = [];
  let again = false;
  for (const index of searchIndexes(scratch)) {
    const triggers = statement(scratch, "SELECT name, tbl_name AS owner, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE ?").all(`%${index.name}%`) as { name: string; owner: string; sql: string }[];
    let fill: string | null = null;
    if (index.external) fill = `INSERT INTO ${index.name} (${index.name}) VALUES ('rebuild')`;
    else {
      const insert = triggers.find((t) => t.owner === index.owner && /AFTER\s+INSERT\s+ON/i.test(t.sql));
      const body = insert ? /BEGIN\s+(INSERT\s+INTO\s+\w+\s*\([^)]*\))\s+SELECT\s+([\s\S]*?);\s*END\s*$/i.exec(insert.sql) : null;
      if (body) fill = `${body[1] as string} SELECT ${(body[2] as string).replace(/\bnew\./g, 'o.')} FROM ${index.owner} o`;
    }
    if (fill === null) {
      again = true;
      continue;
    }
    for (const trigger of triggers) scratch.sqlite.exec(`DROP TRIGGER ${trigger.name}`);
    const sql = fill;
    fills.push(() => statement(scratch, sql).run());
  }
  return () => {
    for (const run of fills) run();
    if (again) refreshSearchIndexes(scratch);
  };
}

// ---- verify ---------------------------------------------------------------------------------------

export interface VerifyOptions extends Pick<OpenOptions, 'migrations'>, Chunked {
  /** The areas' own checks (the registry's `checks`), run once the rows agree. */
  checks?: readonly StoreCheck[];
  /** Told how far verify is (`checking`, `rebuilding`, `comparing`); a stop is refused `cancelled`. */
  job?: JobHandle;
}

/** Steps through a pass, pausing after each chunk so a job's progress is read and a stop is heard. */
async function run<T>(pass: Pass<T>, job: JobHandle | undefined, phase: string, total: number): Promise<T> {
  for (;;) {
    const step = pass.next();
    if (step.done) return step.value;
    if (job) {
      job.report(step.value, total, phase);
      await new Promise((resolve) => setImmediate(resolve));
      if (job.cancelled()) refuse('cancelled');
    }
  }
}

export async function verifyStore(store: Store, domain: Domain, options: VerifyOptions = {}): Promise<VerifyResult> {
  const { job } = options;
  const chunk = options.chunk ?? CHUNK;
  const total = (statement(store, 'SELECT count(*) AS n FROM journal').get() as { n: number }).n;
  job?.report(0, total, 'checking');
  const chain = (await run(chainInArrivalOrder(store, domain, chunk), job, 'checking', total)) ?? exactChain(store, domain);
  if (chain.failure) return chain.failure;
  const scopeProblem = checkScopes(store, domain, chain.chainScopes);
  if (scopeProblem) return scopeProblem;

  // The scratch copy lives in a temporary file, not in memory: a large register would otherwise need
  // its whole size in RAM again. It is thrown away after, so it is written without waiting for the disk.
  const scratchDir = mkdtempSync(join(tmpdir(), 'daftari-verify-'));
  // Built by the same migrations as the file, areas' included, unless told otherwise.
  const { store: scratch } = await openStore(join(scratchDir, 'rebuild.sqlite'), { migrations: options.migrations ?? store.migrations });
  try {
    scratch.sqlite.pragma('synchronous = OFF');
    const fillSearch = detachSearch(scratch);
    scratch.sqlite.exec('BEGIN');
    await run(foldChunks(store, scratch, domain, chunk), job, 'rebuilding', total);
    fillSearch();
    scratch.sqlite.exec('COMMIT');
    const counted = { rows: 0 };
    const rowsTotal = domain.projections.reduce((sum, p) => sum + (statement(store, `SELECT count(*) AS n FROM ${p.table}`).get() as { n: number }).n, 0);
    for (const projection of domain.projections) {
      const problem = await run(compareProjection(store, scratch, projection, counted, chunk), job, 'comparing', rowsTotal);
      if (problem) return problem;
    }
    // Attached files are cited in the journal by SHA-256: the stored bytes must still have that hash.
    for (const file of statement(store, 'SELECT sha256, data FROM attachments ORDER BY sha256').iterate() as IterableIterator<{ sha256: string; data: Buffer }>) {
      if (createHash('sha256').update(file.data).digest('hex') !== file.sha256) {
        return { ok: false, kind: 'row', table: 'attachments', id: file.sha256, problem: 'attachment-altered' };
      }
    }
    const searchProblem = checkSearch(store, scratch);
    if (searchProblem) return searchProblem;
    for (const check of options.checks ?? []) {
      const [found] = check(store);
      if (found) return { ok: false, kind: 'row', ...found };
    }
    return { ok: true, events: chain.events, rows: counted.rows };
  } finally {
    if (scratch.sqlite.inTransaction) scratch.sqlite.exec('ROLLBACK');
    closeStore(scratch);
    rmSync(scratchDir, { recursive: true, force: true });
  }
}
