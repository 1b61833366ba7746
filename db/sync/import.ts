// Reading a bundle: every check is made while streaming (signature, peer, each event's hash and chain
// link, each payload against its schema, counts and the content hash) into a private staging file;
// only a bundle that passes every check is applied, in one transaction. Anything else changes nothing
// and says why.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { createGunzip, inflateRawSync } from 'node:zlib';
import Sqlite from 'better-sqlite3';
import { command, type Services } from '../core/context.ts';
import { checkpoint, jobTransaction, stepper, type JobHandle } from '../core/jobs.ts';
import { Refusal, refuse } from '../core/refusal.ts';
import { payloadProblem, writeStoredEvent, type Actor } from '../journal/append.ts';
import { canonicalJson, GENESIS_HASH, storedEventHash, type StoredFields } from '../journal/hash.ts';
import { isHlc } from '../journal/hlc.ts';
import { foldEntity, touchedEntities } from '../journal/project.ts';
import { eventsOfEntity, type StoredFoldEvent } from '../journal/refold.ts';
import { refreshSearchIndexesFor } from '../journal/search.ts';
import { ACTOR_NAME, emit, type FoldEvent, type NewEvent } from '../journal/types.ts';
import { statement } from '../store/open.ts';
import { openConflicts } from './conflicts.ts';
import { bundleImported, peerAccepted } from './events.ts';
import {
  AttachmentLine,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  BUNDLE_VERSION_WITH_FILES,
  citedFiles,
  type EventLine,
  readEventLine,
  EXPANSION_FLOOR_BYTES,
  Header,
  Manifest,
  ATTACHMENT_CHUNK_BYTES,
  MAX_ATTACHMENT_BYTES,
  MAX_BUNDLE_FILES_BYTES,
  MAX_CLOCK_AHEAD_MS,
  MAX_EXPANSION,
  MAX_LINE_BYTES,
  type AttachmentEntry,
} from './format.ts';
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
  /** Attached files the bundle carries that this installation does not hold yet. */
  new_files: number;
  /** The private file the checked events wait in; closed by apply or discard. */
  staging: Sqlite.Database;
}

const STAGING_BATCH = 5000;
const MEBIBYTE = 1024 * 1024;

/** A file name from a bundle is a label only: files are kept by hash, and no path from a bundle is trusted. */
function labelOf(name: string): string {
  return [...name].map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? '_' : c)).join('');
}

/** How many decompressed bytes a bundle may hold; raised by the files its signed manifest declares. */
interface Allowance {
  bytes: number;
}

/** Whether the header's signature has been verified: from then on the file is known to be a Daftari bundle. */
interface Signed {
  verified: boolean;
}

/** How much of the compressed file is kept to read the header's own gzip member again; a header is far smaller. */
const HEADER_PEEK_BYTES = 1024 * 1024;

/**
 * Whether compressed bytes begin with a header member whose signature holds. The exporter writes the
 * header as a gzip member of its own, with a bare 10-byte gzip header; its deflate data ends where the
 * events' member begins, and is read on its own, whatever became of the bytes after it.
 */
function signedHeaderAt(start: Buffer): boolean {
  if (start.length <= 10 || start[0] !== 0x1f || start[1] !== 0x8b || start[2] !== 8 || start[3] !== 0) return false;
  try {
    const text = inflateRawSync(start.subarray(10), { maxOutputLength: MAX_LINE_BYTES });
    const end = text.indexOf(10);
    if (end === -1) return false;
    signedManifest(text.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

async function* lines(input: Readable, allowance: Allowance, signed: Signed): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  // The first compressed bytes, for signedHeaderAt: a small bundle is decompressed in one go, so data
  // broken after the header fails the stream before its header line has been handed over.
  const firstBytes: Buffer[] = [];
  let kept = 0;
  const keep = (chunk: Buffer) => {
    const part = chunk.subarray(0, HEADER_PEEK_BYTES - kept);
    firstBytes.push(part);
    kept += part.length;
    if (kept >= HEADER_PEEK_BYTES) input.off('data', keep);
  };
  input.on('data', keep);
  let total = 0;
  let complete = 0;
  // The unfinished line, kept as its pieces: joining on every chunk would cost the square of its length.
  let pieces: Buffer[] = [];
  let pendingBytes = 0;
  try {
    for await (const chunk of input.pipe(gunzip) as AsyncIterable<Buffer>) {
      total += chunk.length;
      // A decompression bomb: far more bytes out than any honest bundle of this size holds.
      if (total > allowance.bytes) refuse('bundle-too-large', { megabytes: Math.floor(allowance.bytes / MEBIBYTE) });
      let start = 0;
      for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
        const tail = chunk.subarray(start, end + 1);
        yield pieces.length === 0 ? tail : Buffer.concat([...pieces, tail]);
        complete += 1;
        pieces = [];
        pendingBytes = 0;
        start = end + 1;
      }
      if (start < chunk.length) {
        pieces.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        // An endless line (no newline in sight) is refused by its length, and the message says so.
        if (pendingBytes > MAX_LINE_BYTES) refuse('bundle-line-too-long', { line: complete + 1, megabytes: MAX_LINE_BYTES / MEBIBYTE });
      }
    }
  } catch (error) {
    input.destroy();
    gunzip.destroy();
    if (error instanceof Refusal) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'Z_BUF_ERROR' || code === 'ERR_STREAM_PREMATURE_CLOSE') refuse('bundle-truncated');
    // Compressed data that no longer decompresses (a bad block, a CRC that does not match) after a
    // header whose signature holds: the file was a bundle Daftari made and signed, and bytes of it were
    // changed since. Without such a header it may be any file at all.
    const altered = code === 'Z_DATA_ERROR' && (signed.verified || signedHeaderAt(Buffer.concat(firstBytes)));
    refuse(altered ? 'bundle-altered' : 'bundle-unreadable');
  }
  if (pendingBytes > 0) refuse('bundle-truncated');
}

function filesBytes(manifest: Manifest): number {
  return (manifest.attachments ?? []).reduce((sum, file) => sum + file.size, 0);
}

/** The manifest of a header line, refused unless it is well formed and its signature holds. */
function signedManifest(line: Buffer | undefined): Manifest {
  if (!line) refuse('bundle-unreadable');
  let header;
  try {
    header = Header.parse(JSON.parse(line.toString('utf8')));
  } catch {
    refuse('bundle-unreadable');
  }
  if ((header.version !== BUNDLE_VERSION && header.version !== BUNDLE_VERSION_WITH_FILES) || header.format !== BUNDLE_FORMAT) {
    refuse('bundle-unknown-version', { version: String(header.version) });
  }
  const parsed = Manifest.safeParse(header.manifest);
  if (!parsed.success) refuse('bundle-unreadable');
  const manifest = parsed.data;
  // Files follow the events only in a version-2 bundle; a version-1 header that lists some is not ours.
  if ((header.version === BUNDLE_VERSION) !== (manifest.attachments === undefined)) refuse('bundle-unreadable');
  if (!verifyBytes(manifest.public_key, Buffer.from(canonicalJson(manifest), 'utf8'), header.signature)) refuse('bundle-bad-signature');
  return manifest;
}

function readHeader(services: Services, line: Buffer | undefined): { manifest: Manifest; peer: PeerInfo } {
  const manifest = signedManifest(line);
  if (manifest.origin === services.identity.shared || manifest.origin === services.identity.local) refuse('bundle-from-self');
  const fingerprint = fingerprintOf(manifest.public_key);
  const known = statement(services.store, 'SELECT name, public_key, fingerprint, status FROM peers WHERE id = ?').get(manifest.origin) as
    | { name: string; public_key: string; fingerprint: string; status: string }
    | undefined;
  for (const file of manifest.attachments ?? []) {
    if (file.size > MAX_ATTACHMENT_BYTES) refuse('bundle-attachment-too-large', { name: labelOf(file.name), megabytes: MAX_ATTACHMENT_BYTES / MEBIBYTE });
  }
  if (filesBytes(manifest) > MAX_BUNDLE_FILES_BYTES) refuse('bundle-too-large', { megabytes: MAX_BUNDLE_FILES_BYTES / MEBIBYTE });
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

/** A checked event waiting in the staging file; `refs` are the other entities it touches. */
type StagedRow = StoredFields & { hash: string; refs: string[] };

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
  // Each event as the journal will store it (payload as canonical text), with the entities it refers to
  // (JSON, null for none) and, once per referred entity, a `staged_refs` row: apply then needs neither
  // to parse a payload to write the journal nor to read back an entity this file has never seen.
  staging.exec(`CREATE TABLE staged (origin TEXT, origin_seq INTEGER, hlc TEXT, actor TEXT, type TEXT, entity TEXT, payload TEXT, prev_hash TEXT, hash TEXT, refs TEXT, PRIMARY KEY (origin, origin_seq))`);
  staging.exec('CREATE TABLE staged_refs (entity TEXT, origin TEXT, origin_seq INTEGER)');
  staging.exec('CREATE TABLE staged_files (sha256 TEXT PRIMARY KEY, name TEXT, mime TEXT, size INTEGER, data BLOB)');
  const insertFile = staging.prepare('INSERT OR IGNORE INTO staged_files VALUES (?, ?, ?, ?, ?)');
  const heldFile = statement(store, 'SELECT 1 FROM attachments WHERE sha256 = ?');
  const insert = staging.prepare('INSERT INTO staged VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertRef = staging.prepare('INSERT INTO staged_refs VALUES (?, ?, ?)');
  const flush = staging.transaction((rows: StagedRow[]) => {
    for (const row of rows) {
      insert.run(row.origin, row.origin_seq, row.hlc, row.actor, row.type, row.entity, row.payload, row.prev_hash, row.hash, row.refs.length > 0 ? JSON.stringify(row.refs) : null);
      for (const ref of row.refs) insertRef.run(ref, row.origin, row.origin_seq);
    }
  });
  const heldLast = statement(store, 'SELECT origin_seq, hash, hlc FROM journal WHERE origin = ? ORDER BY origin_seq DESC LIMIT 1');
  const heldAt = statement(store, 'SELECT hash FROM journal WHERE origin = ? AND origin_seq = ?');
  const scopeOf = statement(store, 'SELECT scope FROM origins WHERE origin = ?');
  // Asked once per origin, not once per line.
  const scopes = new Map<string, string | undefined>();
  const scopeOfOrigin = (origin: string): string | undefined => {
    if (!scopes.has(origin)) scopes.set(origin, (scopeOf.get(origin) as { scope: string } | undefined)?.scope);
    return scopes.get(origin);
  };

  /** Checks a whole file against the hash the signed manifest gives it; 1 when it is new here. */
  function stageFile(entry: AttachmentEntry, data: Buffer): number {
    if (createHash('sha256').update(data).digest('hex') !== entry.sha256) refuse('bundle-attachment-altered', { name: labelOf(entry.name) });
    if (heldFile.get(entry.sha256)) return 0;
    insertFile.run(entry.sha256, labelOf(entry.name), entry.mime, data.length, data);
    return 1;
  }

  const allowance = { bytes: Math.max(EXPANSION_FLOOR_BYTES, (compressedSize ?? 0) * MAX_EXPANSION) };
  const signed: Signed = { verified: false };
  const iterator = lines(input, allowance, signed);
  try {
    const first = await iterator.next();
    const { manifest, peer } = readHeader(services, first.done ? undefined : first.value);
    signed.verified = true;
    // Attached files (a scanned PDF) hardly compress, and one of zeros compresses a thousandfold: their
    // declared sizes, in base64 with each piece's line around it, widen the allowance.
    allowance.bytes += Math.ceil((filesBytes(manifest) * 4) / 3) + (manifest.attachments ?? []).length * 1024 + Math.ceil(filesBytes(manifest) / ATTACHMENT_CHUNK_BYTES) * 200;
    job?.report(0, manifest.event_count, 'checking');
    const content = createHash('sha256');
    const cursors = new Map<string, ChainCursor>();
    const counts: Record<string, { new: number; held: number }> = {};
    const cited = new Set<string>();
    const files = manifest.attachments ?? [];
    const file = { index: 0, received: 0, pieces: [] as Buffer[] };
    const now = services.clock.now().getTime();
    let n = 0;
    let fresh = 0;
    let newFiles = 0;
    let batch: StagedRow[] = [];
    /**
     * Whether the event lines differ from those the manifest signed: the rest of them are read and
     * hashed, and the hash is compared with the signed one. A damaged line the signer wrote itself (a
     * buggy build, a forger holding the key) hashes as signed; one changed since does not.
     */
    const alteredSinceSigned = async (): Promise<boolean> => {
      for (let i = n; i < manifest.event_count; i += 1) {
        if (job?.cancelled()) refuse('cancelled');
        const next = await iterator.next();
        if (next.done) return false;
        content.update(next.value);
      }
      return content.digest('hex') !== manifest.content_sha256;
    };
    // Pulled one line at a time rather than by for-await, which would close the lines at a refusal:
    // a damaged line is told apart from an altered one by reading on.
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const raw = next.value;
      try {
        if (job?.cancelled()) refuse('cancelled');
        if (n >= manifest.event_count) {
          // After the events: the pieces of the attached files, in the manifest's order.
          const entry = files[file.index];
          // More lines than the signed manifest accounts for: a padded or endless file.
          if (!entry) refuse('bundle-overlong', { count: manifest.event_count });
          let piece;
          try {
            piece = AttachmentLine.parse(JSON.parse(raw.toString('utf8')));
          } catch {
            refuse('bundle-damaged', { n: n + 1 });
          }
          if (piece.sha256 !== entry.sha256 || piece.offset !== file.received || !cited.has(entry.sha256)) refuse('bundle-damaged', { n: n + 1 });
          const bytes = Buffer.from(piece.data, 'base64');
          file.received += bytes.length;
          if (file.received > entry.size) refuse('bundle-attachment-altered', { name: labelOf(entry.name) });
          file.pieces.push(bytes);
          if (file.received === entry.size) {
            newFiles += stageFile(entry, Buffer.concat(file.pieces));
            Object.assign(file, { index: file.index + 1, received: 0, pieces: [] });
          }
          continue;
        }
        n += 1;
        job?.report(n, manifest.event_count, 'checking');
        content.update(raw);
        let line: EventLine | null;
        try {
          line = readEventLine(JSON.parse(raw.toString('utf8')));
        } catch {
          line = null;
        }
        if (!line) refuse('bundle-damaged', { n });
        // The payload's canonical text, made once: the event's hash is taken over it, and it is what the
        // journal stores.
        let payload: string;
        try {
          payload = canonicalJson(line.payload);
        } catch {
          refuse('bundle-damaged', { n });
        }
        const stored = { origin: line.origin, origin_seq: line.origin_seq, hlc: line.hlc, actor: line.actor, type: line.type, entity: line.entity, payload, prev_hash: line.prev_hash };
        if (!isHlc(line.hlc) || storedEventHash(stored) !== line.hash) refuse('bundle-damaged', { n });
        for (const sha256 of citedFiles(line.payload)) cited.add(sha256);
        const range = manifest.ranges[line.origin];
        if (!range || line.origin_seq < range[0] || line.origin_seq > range[1]) refuse('bundle-damaged', { n });
        if (scopeOfOrigin(line.origin) === 'local') refuse('bundle-damaged', { n });
        const definition = domain.events.get(line.type);
        if (definition) {
          if (definition.scope !== 'shared') refuse('bundle-damaged', { n });
          // The schema check of append itself: a well-signed bundle from a buggy build plants nothing.
          if (payloadProblem(definition, line.payload)) refuse('bundle-invalid-payload', { n, type: line.type });
        } else if (typeof line.payload[ACTOR_NAME] !== 'string') {
          // A type this version does not know, from a newer peer: kept and verified by its chain, folded
          // once a version knows it (docs/journal.md). It still carries who acted.
          refuse('bundle-invalid-payload', { n, type: line.type });
        }

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
        // A PC with a wrong year must not drag every installation's clock forward: the HLC of anything
        // appended here would follow it (docs/bundle.md, "A clock far ahead").
        const ahead = Date.parse(line.hlc.slice(0, 24)) - now;
        if (ahead > MAX_CLOCK_AHEAD_MS) {
          refuse('bundle-clock-ahead', {
            n,
            origin: line.origin === manifest.origin ? `${peer.name} (${line.origin})` : line.origin,
            days: Math.floor(ahead / 86_400_000),
            hours: Math.floor((ahead % 86_400_000) / 3_600_000),
            limit: MAX_CLOCK_AHEAD_MS / 3_600_000,
          });
        }
        cursor.seq = line.origin_seq;
        cursor.hash = line.hash;
        cursor.hlc = line.hlc;
        tally.new += 1;
        fresh += 1;
        const refs = definition ? touchedEntities(domain, line.type, line.entity, line.payload).slice(1) : [];
        batch.push({ ...stored, hash: line.hash, refs });
        if (batch.length >= STAGING_BATCH) {
          flush(batch);
          batch = [];
        }
      } catch (error) {
        if (error instanceof Refusal && error.value.code === 'bundle-damaged' && (await alteredSinceSigned())) refuse('bundle-altered');
        throw error;
      }
    }
    flush(batch);
    if (job?.cancelled()) refuse('cancelled');
    if (n !== manifest.event_count || file.index !== files.length) refuse('bundle-truncated');
    // Every line there, each well formed and chained, yet not the lines that were signed.
    if (content.digest('hex') !== manifest.content_sha256) refuse('bundle-altered');
    return { manifest, peer, counts, new_events: fresh, held_events: n - fresh, new_files: newFiles, staging };
  } catch (error) {
    staging.close();
    throw error;
  } finally {
    // Stops the decompression and lets go of the file, whether every line was read or not.
    await iterator.return(undefined);
  }
}

export interface ImportResult {
  peer: PeerInfo;
  new_events: number;
  held_events: number;
  new_files: number;
  touched_entities: number;
  open_conflicts: number;
  transfer_id: string;
}

export interface ApplyOptions {
  actor: Actor;
  /** Told how far applying is (events written, records brought up to date), and asked between slices whether to stop. */
  job?: JobHandle;
  /** An administrator accepted this never-seen installation's key (trust on first use). */
  acceptNewPeer: boolean;
  fileName: string;
}

/** A job's stepper, or one that never pauses when no job watches (the command line). */
function stepperFor(job: JobHandle | undefined, phase: string, total: number): (done: number) => Promise<void> | undefined {
  return job ? stepper(job, phase, total) : () => undefined;
}

/**
 * Writes the staged events, folds what they touch and records the import, all in one transaction kept
 * open across the job's pauses (the route holds the store's write turn meanwhile): a stop or a refusal
 * at any point rolls everything back, and `keep` false (the preview) always does.
 */
async function apply(services: Services, staged: StagedBundle, options: ApplyOptions, keep: boolean): Promise<ImportResult> {
  const { store, domain } = services;
  if (staged.peer.status === 'new' && !options.acceptNewPeer) refuse('peer-unknown', { fingerprint: staged.peer.fingerprint });
  if (options.job?.cancelled()) refuse('cancelled');
  const transferId = services.ids.next();
  const local: ImportResult = {
    peer: staged.peer,
    new_events: staged.new_events,
    held_events: staged.held_events,
    new_files: staged.new_files,
    touched_entities: 0,
    open_conflicts: 0,
    transfer_id: transferId,
  };
  return jobTransaction(
    store,
    async () => {
      const addOrigin = statement(store, "INSERT OR IGNORE INTO origins (origin, scope, is_self) VALUES (?, 'shared', 0)");
      const before = (statement(store, 'SELECT coalesce(max(seq), 0) AS seq FROM journal').get() as { seq: number }).seq;
      const total = (staged.staging.prepare('SELECT count(*) FROM staged').pluck().get() as number) ?? 0;
      const step = stepperFor(options.job, 'applying', total);
      const rows = staged.staging.prepare('SELECT * FROM staged ORDER BY origin, origin_seq').iterate() as IterableIterator<StoredFields & { hash: string; refs: string | null }>;
      let origin = '';
      let written = 0;
      for (const row of rows) {
        if (row.origin !== origin) addOrigin.run((origin = row.origin));
        // Every check of append's writer was made while staging (schema, hash, chain): the rows are written as checked.
        const known = domain.events.has(row.type);
        writeStoredEvent(store, row, known ? (row.refs === null ? [] : (JSON.parse(row.refs) as string[])) : null);
        const pausing = step(++written);
        if (pausing) await pausing;
      }
      // Attached files are not projections: kept once by hash, like the ones people attach here.
      const addFile = statement(store, 'INSERT OR IGNORE INTO attachments (sha256, name, mime, size, data, created_at) VALUES (?, ?, ?, ?, ?, ?)');
      const arrivedAt = services.clock.now().toISOString();
      for (const file of staged.staging.prepare('SELECT * FROM staged_files ORDER BY sha256').iterate() as IterableIterator<{ sha256: string; name: string; mime: string; size: number; data: Buffer }>) {
        addFile.run(file.sha256, file.name, file.mime, file.size, file.data, arrivedAt);
      }
      const touched = await foldStaged(services, staged, before, options.job);
      local.touched_entities = touched.length;
      options.job?.report(0, 0, 'indexing');
      refreshSearchIndexesFor(store, touched);
      if (options.job) await checkpoint(options.job, 0, 0, 'indexing');
      local.open_conflicts = openConflicts(services).length;
      const events: NewEvent[] = [];
      if (staged.peer.status === 'new') {
        events.push(
          emit(peerAccepted, staged.peer.id, {
            name: staged.peer.name,
            institution_name: staged.manifest.institution.name,
            institution_code: staged.manifest.institution.code,
            public_key: staged.manifest.public_key,
            fingerprint: staged.peer.fingerprint,
          }),
        );
      }
      events.push(
        emit(bundleImported, transferId, {
          peer_id: staged.peer.id,
          file_name: options.fileName,
          content_sha256: staged.manifest.content_sha256,
          event_count: staged.manifest.event_count,
          new_events: staged.new_events,
          high_water: staged.manifest.high_water,
        }),
      );
      command(services, options.actor, () => ({ events, result: null }));
      // The last moment a stop still changes nothing: after this the transaction is committed.
      if (options.job?.cancelled()) refuse('cancelled');
      return local;
    },
    keep,
  );
}

/**
 * Folds every entity the staged events touch, each once, its final rows written once. The staging file
 * hands the events over grouped by entity in fold order (it is another connection, so it can be read
 * while the store is written). An entity this file held no event of before folds from those events
 * alone; one it held folds again from all its events in the journal, old and new.
 */
async function foldStaged(services: Services, staged: StagedBundle, before: number, job: JobHandle | undefined): Promise<string[]> {
  const { store, domain } = services;
  // The rows the fold reads: each event once for its own entity and once for each entity it refers to.
  const total = staged.staging.prepare('SELECT (SELECT count(*) FROM staged) + (SELECT count(*) FROM staged_refs)').pluck().get() as number;
  const step = stepperFor(job, 'folding', total);
  let read = 0;
  const heldOwn = statement(store, 'SELECT 1 FROM journal WHERE entity = ? AND seq <= ? LIMIT 1');
  const heldRef = statement(store, 'SELECT 1 FROM journal_refs WHERE entity = ? AND seq <= ? LIMIT 1');
  const groups = staged.staging
    .prepare(
      `SELECT entity AS fold, origin, origin_seq, hlc, actor, type, entity, payload FROM staged
       UNION ALL SELECT r.entity, s.origin, s.origin_seq, s.hlc, s.actor, s.type, s.entity, s.payload
         FROM staged_refs r JOIN staged s ON s.origin = r.origin AND s.origin_seq = r.origin_seq
       ORDER BY fold, hlc, origin, origin_seq`,
    )
    .iterate() as IterableIterator<StoredFoldEvent & { fold: string }>;
  const folded: string[] = [];
  let entity: string | null = null;
  let events: FoldEvent[] = [];
  const fold = () => {
    if (entity === null) return;
    const known = heldOwn.get(entity, before) !== undefined || heldRef.get(entity, before) !== undefined;
    foldEntity(store, domain, entity, known ? eventsOfEntity(store, entity) : events, 'replace');
    folded.push(entity);
  };
  for (const { fold: next, ...row } of groups) {
    if (next !== entity) {
      fold();
      entity = next;
      events = [];
    }
    // Only events this version folds: a type it does not know waits, held, for a version that does.
    if (domain.projectionsByType.has(row.type)) events.push({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> });
    const pausing = step(++read);
    if (pausing) await pausing;
  }
  fold();
  return folded;
}

/** Applies a staged bundle: all of it in one transaction, or nothing. */
export async function applyBundle(services: Services, staged: StagedBundle, options: ApplyOptions): Promise<ImportResult> {
  try {
    return await apply(services, staged, options, true);
  } finally {
    staged.staging.close();
  }
}

/** What applying would do — the conflicts it would reveal included — without keeping any of it. */
export async function previewBundle(services: Services, staged: StagedBundle, actor: Actor, job?: JobHandle): Promise<ImportResult> {
  try {
    return await apply(services, staged, { actor, acceptNewPeer: true, fileName: '', ...(job ? { job } : {}) }, false);
  } finally {
    staged.staging.close();
  }
}
