// Reading a bundle: every check is made while streaming (signature, peer, each event's hash and chain
// link, each payload against its schema, counts and the content hash) into a private staging file;
// only a bundle that passes every check is applied, in one transaction. Anything else changes nothing
// and says why.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import Sqlite from 'better-sqlite3';
import { command, type Services } from '../core/context.ts';
import type { JobHandle } from '../core/jobs.ts';
import { Refusal, refuse } from '../core/refusal.ts';
import type { Actor } from '../journal/append.ts';
import { canonicalJson, eventHash, GENESIS_HASH } from '../journal/hash.ts';
import { isHlc } from '../journal/hlc.ts';
import { touchedEntities } from '../journal/project.ts';
import { refoldEntities } from '../journal/refold.ts';
import { ACTOR_NAME } from '../journal/types.ts';
import { statement, transaction } from '../store/open.ts';
import type { JournalRow } from '../store/schema.ts';
import { openConflicts } from './conflicts.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, EventLine, EXPANSION_FLOOR_BYTES, Header, Manifest, MAX_EXPANSION, MAX_LINE_BYTES } from './format.ts';
import { fingerprintOf, verifyBytes } from './keys.ts';

export interface PeerInfo {
  id: string;
  /** `trusted`: its key is the one accepted; `new`: never seen, an administrator must accept it. */
  status: 'trusted' | 'new';
  institution: { name: string; code: string };
  fingerprint: string;
  name: string;
}

export interface StagedBundle {
  manifest: Manifest;
  peer: PeerInfo;
  /** Per event type: events new to this installation, and events it already holds. */
  counts: Record<string, { new: number; held: number }>;
  new_events: number;
  held_events: number;
  /** The private file the checked events wait in; closed by apply or discard. */
  staging: Sqlite.Database;
}

const STAGING_BATCH = 5000;

async function* lines(input: Readable, compressedSize: number | null): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  const limit = Math.max(EXPANSION_FLOOR_BYTES, (compressedSize ?? 0) * MAX_EXPANSION);
  let total = 0;
  // The unfinished line, kept as its pieces: joining on every chunk would cost the square of its length.
  let pieces: Buffer[] = [];
  let pendingBytes = 0;
  try {
    for await (const chunk of input.pipe(gunzip) as AsyncIterable<Buffer>) {
      total += chunk.length;
      // A decompression bomb: far more bytes out than any honest bundle of this size holds.
      if (total > limit) refuse('bundle-too-large');
      let start = 0;
      for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
        const tail = chunk.subarray(start, end + 1);
        yield pieces.length === 0 ? tail : Buffer.concat([...pieces, tail]);
        pieces = [];
        pendingBytes = 0;
        start = end + 1;
      }
      if (start < chunk.length) {
        pieces.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        if (pendingBytes > MAX_LINE_BYTES) refuse('bundle-damaged', { n: 0 });
      }
    }
  } catch (error) {
    input.destroy();
    gunzip.destroy();
    if (error instanceof Refusal) throw error;
    const code = (error as { code?: string }).code;
    refuse(code === 'Z_BUF_ERROR' || code === 'ERR_STREAM_PREMATURE_CLOSE' ? 'bundle-truncated' : 'bundle-unreadable');
  }
  if (pendingBytes > 0) refuse('bundle-truncated');
}

function readHeader(services: Services, line: Buffer | undefined): { manifest: Manifest; peer: PeerInfo } {
  if (!line) refuse('bundle-unreadable');
  let header;
  try {
    header = Header.parse(JSON.parse(line.toString('utf8')));
  } catch {
    refuse('bundle-unreadable');
  }
  if (header.version !== BUNDLE_VERSION || header.format !== BUNDLE_FORMAT) refuse('bundle-unknown-version', { version: String(header.version) });
  const parsed = Manifest.safeParse(header.manifest);
  if (!parsed.success) refuse('bundle-unreadable');
  const manifest = parsed.data;
  if (!verifyBytes(manifest.public_key, Buffer.from(canonicalJson(manifest), 'utf8'), header.signature)) refuse('bundle-bad-signature');
  if (manifest.origin === services.identity.shared || manifest.origin === services.identity.local) refuse('bundle-from-self');
  const fingerprint = fingerprintOf(manifest.public_key);
  const known = statement(services.store, 'SELECT name, public_key, fingerprint, status FROM peers WHERE id = ?').get(manifest.origin) as
    | { name: string; public_key: string; fingerprint: string; status: string }
    | undefined;
  if (known) {
    if (known.status === 'revoked') refuse('peer-revoked', { name: known.name });
    // Trust on first use: after acceptance, only the accepted key speaks for this origin.
    if (known.public_key !== manifest.public_key) refuse('bundle-key-changed', { name: known.name, known: known.fingerprint, presented: fingerprint });
  }
  return {
    manifest,
    peer: {
      id: manifest.origin,
      status: known ? 'trusted' : 'new',
      institution: manifest.institution,
      fingerprint,
      name: known?.name ?? manifest.institution.name,
    },
  };
}

interface ChainCursor {
  seq: number;
  hash: string;
  hlc: string;
  /** Highest number already held here before this bundle. */
  heldMax: number;
}

/**
 * `job`, when given, is told how far the checking is (events read of the manifest's count) and is
 * asked between events whether to stop: a stopped job is refused `cancelled` and its staging thrown
 * away, so nothing has changed. The stream hands events over chunk by chunk, so other calls (the
 * window's progress polls, a stop) are answered in between.
 */
export async function stageBundle(services: Services, input: Readable, compressedSize: number | null = null, job?: JobHandle): Promise<StagedBundle> {
  const { store, domain } = services;
  const staging = new Sqlite('');
  staging.pragma('journal_mode = OFF');
  staging.pragma('synchronous = OFF');
  staging.exec(`CREATE TABLE staged (origin TEXT, origin_seq INTEGER, hlc TEXT, actor TEXT, type TEXT, entity TEXT, payload TEXT, prev_hash TEXT, hash TEXT, PRIMARY KEY (origin, origin_seq))`);
  const insert = staging.prepare('INSERT INTO staged VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const flush = staging.transaction((rows: unknown[][]) => {
    for (const row of rows) insert.run(...row);
  });
  const heldLast = statement(store, 'SELECT origin_seq, hash, hlc FROM journal WHERE origin = ? ORDER BY origin_seq DESC LIMIT 1');
  const heldAt = statement(store, 'SELECT hash FROM journal WHERE origin = ? AND origin_seq = ?');
  const scopeOf = statement(store, 'SELECT scope FROM origins WHERE origin = ?');

  try {
    const iterator = lines(input, compressedSize);
    const first = await iterator.next();
    const { manifest, peer } = readHeader(services, first.done ? undefined : first.value);
    job?.report(0, manifest.event_count, 'checking');
    const content = createHash('sha256');
    const cursors = new Map<string, ChainCursor>();
    const counts: Record<string, { new: number; held: number }> = {};
    let n = 0;
    let fresh = 0;
    let batch: unknown[][] = [];
    for await (const raw of iterator) {
      if (job?.cancelled()) refuse('cancelled');
      n += 1;
      job?.report(n, manifest.event_count, 'checking');
      content.update(raw);
      let line: EventLine;
      try {
        line = EventLine.parse(JSON.parse(raw.toString('utf8')));
      } catch {
        refuse('bundle-damaged', { n });
      }
      if (eventHash(line) !== line.hash || !isHlc(line.hlc)) refuse('bundle-damaged', { n });
      const range = manifest.ranges[line.origin];
      if (!range || line.origin_seq < range[0] || line.origin_seq > range[1]) refuse('bundle-damaged', { n });
      if ((scopeOf.get(line.origin) as { scope: string } | undefined)?.scope === 'local') refuse('bundle-damaged', { n });
      const definition = domain.events.get(line.type);
      if (!definition) refuse('bundle-unknown-type', { n, type: line.type });
      if (definition.scope !== 'shared') refuse('bundle-damaged', { n });
      const { [ACTOR_NAME]: actorName, ...fields } = line.payload;
      if (typeof actorName !== 'string' || !definition.payload.safeParse(fields).success) refuse('bundle-invalid-payload', { n, type: line.type });

      let cursor = cursors.get(line.origin);
      if (!cursor) {
        const last = heldLast.get(line.origin) as { origin_seq: number; hash: string; hlc: string } | undefined;
        cursor = { seq: last?.origin_seq ?? 0, hash: last?.hash ?? GENESIS_HASH, hlc: last?.hlc ?? '', heldMax: last?.origin_seq ?? 0 };
        cursors.set(line.origin, cursor);
      }
      const tally = (counts[line.type] ??= { new: 0, held: 0 });
      if (line.origin_seq <= cursor.heldMax) {
        // Already held: it must be the very same event, or two histories claim one number.
        const held = heldAt.get(line.origin, line.origin_seq) as { hash: string } | undefined;
        if (held?.hash !== line.hash) refuse('bundle-fork', { n });
        tally.held += 1;
        continue;
      }
      if (line.origin_seq !== cursor.seq + 1) refuse('bundle-gap', { n, expected: cursor.seq + 1 });
      if (line.prev_hash !== cursor.hash) refuse('bundle-damaged', { n });
      // One origin's clock never goes backwards along its chain (docs/journal.md); verify holds stored
      // events to that, so a bundle breaking it is refused here rather than stored.
      if (line.hlc <= cursor.hlc) refuse('bundle-damaged', { n });
      cursor.seq = line.origin_seq;
      cursor.hash = line.hash;
      cursor.hlc = line.hlc;
      tally.new += 1;
      fresh += 1;
      batch.push([line.origin, line.origin_seq, line.hlc, line.actor, line.type, line.entity, canonicalJson(line.payload), line.prev_hash, line.hash]);
      if (batch.length >= STAGING_BATCH) {
        flush(batch);
        batch = [];
      }
    }
    flush(batch);
    if (job?.cancelled()) refuse('cancelled');
    if (n !== manifest.event_count || content.digest('hex') !== manifest.content_sha256) refuse('bundle-truncated');
    return { manifest, peer, counts, new_events: fresh, held_events: n - fresh, staging };
  } catch (error) {
    staging.close();
    throw error;
  }
}

export interface ImportResult {
  peer: PeerInfo;
  new_events: number;
  held_events: number;
  touched_entities: number;
  open_conflicts: number;
  transfer_id: string;
}

export interface ApplyOptions {
  actor: Actor;
  /** Told that the one transaction starts: it cannot report in between, nor stop once started. */
  job?: JobHandle;
  /** An administrator accepted this never-seen installation's key (trust on first use). */
  acceptNewPeer: boolean;
  fileName: string;
}

class DryRun extends Error {
  readonly result: ImportResult;
  constructor(result: ImportResult) {
    super('dry run');
    this.result = result;
  }
}

function apply(services: Services, staged: StagedBundle, options: ApplyOptions): ImportResult {
  const { store, domain } = services;
  if (staged.peer.status === 'new' && !options.acceptNewPeer) refuse('peer-unknown', { fingerprint: staged.peer.fingerprint });
  // The last moment a stop still changes nothing: after this the transaction runs to its end.
  if (options.job?.cancelled()) refuse('cancelled');
  options.job?.report(0, staged.manifest.event_count, 'applying');
  const transferId = services.ids.next();
  const local: ImportResult = {
    peer: staged.peer,
    new_events: staged.new_events,
    held_events: staged.held_events,
    touched_entities: 0,
    open_conflicts: 0,
    transfer_id: transferId,
  };
  command(services, options.actor, () => {
    const addOrigin = statement(store, "INSERT OR IGNORE INTO origins (origin, scope, is_self) VALUES (?, 'shared', 0)");
    const insert = statement(
      store,
      'INSERT INTO journal (origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertRef = statement(store, 'INSERT OR IGNORE INTO journal_refs (seq, entity) VALUES (?, ?)');
    const touched = new Set<string>();
    const rows = staged.staging.prepare('SELECT * FROM staged ORDER BY origin, origin_seq').iterate() as IterableIterator<Omit<JournalRow, 'seq'>>;
    for (const row of rows) {
      addOrigin.run(row.origin);
      const seq = Number(insert.run(row.origin, row.origin_seq, row.hlc, row.actor, row.type, row.entity, row.payload, row.prev_hash, row.hash).lastInsertRowid);
      const entities = touchedEntities(domain, row.type, row.entity, JSON.parse(row.payload) as Record<string, unknown>);
      for (const ref of entities.slice(1)) insertRef.run(seq, ref);
      for (const entity of entities) touched.add(entity);
    }
    local.touched_entities = refoldEntities(store, domain, touched);
    local.open_conflicts = openConflicts(store).length;
    const events = [];
    if (staged.peer.status === 'new') {
      events.push({
        type: 'peers.accepted',
        entity: staged.peer.id,
        payload: {
          name: staged.peer.name,
          institution_name: staged.manifest.institution.name,
          institution_code: staged.manifest.institution.code,
          public_key: staged.manifest.public_key,
          fingerprint: staged.peer.fingerprint,
        },
      });
    }
    events.push({
      type: 'sync.imported',
      entity: transferId,
      payload: {
        peer_id: staged.peer.id,
        file_name: options.fileName,
        content_sha256: staged.manifest.content_sha256,
        event_count: staged.manifest.event_count,
        new_events: staged.new_events,
        high_water: staged.manifest.high_water,
      },
    });
    return { events, result: null };
  });
  return local;
}

/** Applies a staged bundle: all of it in one transaction, or nothing. */
export function applyBundle(services: Services, staged: StagedBundle, options: ApplyOptions): ImportResult {
  try {
    return apply(services, staged, options);
  } finally {
    staged.staging.close();
  }
}

/** What applying would do — the conflicts it would reveal included — without keeping any of it. */
export function previewBundle(services: Services, staged: StagedBundle, actor: Actor, job?: JobHandle): ImportResult {
  try {
    transaction(services.store, () => {
      throw new DryRun(apply(services, staged, { actor, acceptNewPeer: true, fileName: '', ...(job ? { job } : {}) }));
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  } finally {
    staged.staging.close();
  }
  throw new Error('unreachable');
}
