// `daftari verify`: recompute every hash and link, then rebuild every projection from the journal into
// a scratch database and compare it with the stored rows. Names the first disagreement.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeStore, openStore, statement, type OpenOptions, type Store } from '../store/open.ts';
import type { JournalRow } from '../store/schema.ts';
import type { Domain } from './domain.ts';
import { canonicalJson, eventHash, GENESIS_HASH } from './hash.ts';
import { isHlc } from './hlc.ts';
import { project, touchedEntities } from './project.ts';
import { refreshSearchIndexes, searchIndexes, type SearchIndex } from './search.ts';
import { payloadProblem } from './append.ts';
import type { FoldEvent, Scope } from './types.ts';

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

export type RowProblem = 'row-differs' | 'row-missing' | 'row-extra' | 'attachment-altered' | 'scope-mismatch' | 'search-differs' | 'search-damaged';

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
  if (canonicalJson(payload) !== row.payload) return 'payload-not-canonical';
  if (eventHash({ ...row, payload }) !== row.hash) return 'hash-mismatch';
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
 * Each origin's `scope` must be the scope of every event type in its chain. Export reads the chains
 * the `origins` table calls shared, and the table is not hashed, so an edited scope would otherwise
 * go unnoticed (docs/journal.md, "origins"). An origin holding events but no row is reported missing.
 */
function checkScopes(store: Store, chainScopes: ReadonlyMap<string, Set<Scope>>): VerifyResult | null {
  const declared = new Map(
    (statement(store, 'SELECT origin, scope FROM origins ORDER BY origin').all() as { origin: string; scope: string }[]).map((r) => [r.origin, r.scope]),
  );
  for (const [origin, scopes] of [...chainScopes].sort(([a], [b]) => a.localeCompare(b))) {
    const scope = declared.get(origin);
    if (scope === undefined) return { ok: false, kind: 'row', table: 'origins', id: origin, problem: 'row-missing' };
    if (scopes.size !== 1 || !scopes.has(scope as Scope)) return { ok: false, kind: 'row', table: 'origins', id: origin, problem: 'scope-mismatch' };
  }
  return null;
}

/**
 * What an index holds, per row of its owner table: the sorted (column, offset, term) of every token,
 * as one digest. fts5vocab reads the index itself, so this sees a row deleted from or forged into the
 * index even where the content table is untouched. A token on a rowid no owner row has is keyed `#rowid`.
 */
function searchContent(store: Store, index: SearchIndex): Map<string, string> {
  const vocab = `temp.verify_vocab_${index.name}`;
  store.sqlite.exec(`DROP TABLE IF EXISTS ${vocab}; CREATE VIRTUAL TABLE ${vocab} USING fts5vocab(main, ${index.name}, instance)`);
  try {
    const tokens = new Map<string, string[]>();
    const rows = store.sqlite
      .prepare(`SELECT coalesce(o.id, '#' || v.doc) AS id, v.col, v.offset, v.term FROM ${vocab} v LEFT JOIN ${index.owner} o ON o.rowid = v.doc`)
      .raw()
      .iterate() as IterableIterator<[string, string, number, string]>;
    for (const [id, col, offset, term] of rows) {
      const list = tokens.get(id);
      const token = `${col}\u0000${offset}\u0000${term}`;
      if (list) list.push(token);
      else tokens.set(id, [token]);
    }
    return new Map([...tokens].map(([id, list]) => [id, createHash('sha256').update(list.sort().join('\u0001')).digest('hex')]));
  } finally {
    store.sqlite.exec(`DROP TABLE IF EXISTS ${vocab}`);
  }
}

/**
 * The search indexes are not projections, but a row deleted from one hides a device from search, and a
 * forged one shows a device under a name it never had. Each index is checked by FTS5 itself, then
 * compared, row by row, with the index the rebuilt projections give.
 */
function checkSearch(store: Store, scratch: Store): VerifyResult | null {
  // The scratch index was fed event by event; index its final rows again, as every change leaves it.
  refreshSearchIndexes(scratch);
  for (const index of searchIndexes(store)) {
    // First the comparison, which names the row; then FTS5's own check of the index's structure (for an
    // external-content index, also against its table).
    let stored: Map<string, string>;
    try {
      stored = searchContent(store, index);
    } catch {
      return { ok: false, kind: 'row', table: index.name, id: '', problem: 'search-damaged' };
    }
    const rebuilt = searchContent(scratch, index);
    const ids = [...new Set([...stored.keys(), ...rebuilt.keys()])].sort();
    const differing = ids.find((id) => stored.get(id) !== rebuilt.get(id));
    if (differing !== undefined) return { ok: false, kind: 'row', table: index.name, id: differing, problem: 'search-differs' };
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

/** Folds every event, in (hlc, origin, origin_seq) order, into `target`'s projections. */
export function foldAll(source: Store, target: Store, domain: Domain): number {
  const rows = statement(source, 'SELECT origin, origin_seq, hlc, actor, type, entity, payload FROM journal ORDER BY hlc, origin, origin_seq').iterate() as IterableIterator<
    Omit<FoldEvent, 'payload'> & { payload: string }
  >;
  let count = 0;
  target.sqlite.transaction(() => {
    for (const row of rows) {
      const event: FoldEvent = { ...row, payload: JSON.parse(row.payload) as Record<string, unknown> };
      project(target, domain, event, touchedEntities(domain, event.type, event.entity, event.payload));
      count += 1;
    }
  })();
  return count;
}

export async function verifyStore(store: Store, domain: Domain, options: Pick<OpenOptions, 'migrations'> = {}): Promise<VerifyResult> {
  const refsOf = statement(store, 'SELECT entity FROM journal_refs WHERE seq = ?');
  const isHeld = statement(store, 'SELECT 1 FROM journal_held WHERE seq = ?');
  const lastByOrigin = new Map<string, { origin_seq: number; hash: string; hlc: string }>();
  let events = 0;
  // Per origin in chain order, so a missing or swapped event shows as a gap or a broken link.
  const rows = statement(store, 'SELECT * FROM journal ORDER BY origin, origin_seq').iterate() as IterableIterator<StoredRow>;
  const failures: { row: StoredRow; problem: EventProblem }[] = [];
  const chainScopes = new Map<string, Set<Scope>>();
  for (const row of rows) {
    const scope = domain.events.get(row.type)?.scope;
    if (scope) {
      const scopes = chainScopes.get(row.origin);
      if (scopes) scopes.add(scope);
      else chainScopes.set(row.origin, new Set([scope]));
    }
    const refs = (refsOf.all(row.seq) as { entity: string }[]).map((r) => r.entity);
    const problem = checkEvent(domain, row, lastByOrigin.get(row.origin), refs, isHeld.get(row.seq) !== undefined);
    if (problem) failures.push({ row, problem });
    lastByOrigin.set(row.origin, { origin_seq: row.origin_seq, hash: row.hash, hlc: row.hlc });
    events += 1;
  }
  if (failures.length > 0) {
    // The first bad event is the earliest to arrive, whichever origin it came from.
    const { row, problem } = failures.reduce((a, b) => (b.row.seq < a.row.seq ? b : a));
    return { ok: false, kind: 'event', seq: row.seq, origin: row.origin, origin_seq: row.origin_seq, problem };
  }
  const scopeProblem = checkScopes(store, chainScopes);
  if (scopeProblem) return scopeProblem;

  // The scratch copy lives in a temporary file, not in memory: a large register would otherwise need
  // its whole size in RAM again.
  const scratchDir = mkdtempSync(join(tmpdir(), 'daftari-verify-'));
  const { store: scratch } = await openStore(join(scratchDir, 'rebuild.sqlite'), options);
  try {
    foldAll(store, scratch, domain);
    let rowCount = 0;
    for (const projection of domain.projections) {
      const columns = projection.columns.join(', ');
      const sql = `SELECT ${columns} FROM ${projection.table} ORDER BY id`;
      const stored = statement(store, sql).all() as Record<string, unknown>[];
      const rebuilt = statement(scratch, sql).all() as Record<string, unknown>[];
      const rebuiltById = new Map(rebuilt.map((r) => [r.id as string, r]));
      for (const row of stored) {
        const id = row.id as string;
        const twin = rebuiltById.get(id);
        if (!twin) return { ok: false, kind: 'row', table: projection.table, id, problem: 'row-extra' };
        if (projection.columns.some((c) => (row[c] ?? null) !== (twin[c] ?? null))) {
          return { ok: false, kind: 'row', table: projection.table, id, problem: 'row-differs' };
        }
        rebuiltById.delete(id);
        rowCount += 1;
      }
      const missing = rebuiltById.keys().next();
      if (!missing.done) return { ok: false, kind: 'row', table: projection.table, id: missing.value, problem: 'row-missing' };
    }
    // Attached files are cited in the journal by SHA-256: the stored bytes must still have that hash.
    for (const file of statement(store, 'SELECT sha256, data FROM attachments ORDER BY sha256').iterate() as IterableIterator<{ sha256: string; data: Buffer }>) {
      if (createHash('sha256').update(file.data).digest('hex') !== file.sha256) {
        return { ok: false, kind: 'row', table: 'attachments', id: file.sha256, problem: 'attachment-altered' };
      }
    }
    const searchProblem = checkSearch(store, scratch);
    if (searchProblem) return searchProblem;
    return { ok: true, events, rows: rowCount };
  } finally {
    closeStore(scratch);
    rmSync(scratchDir, { recursive: true, force: true });
  }
}
