// Writing a bundle: the shared events (never accounts), in chain order, for everything or only what a
// peer has not acknowledged, and the attached files those events cite. One pass over the journal,
// hashing and compressing into a private file; the signed manifest then leads the bundle. Memory stays
// flat whatever the size.
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import type { Services } from '../core/context.ts';
import { stepper, type JobHandle } from '../core/jobs.ts';
import { refuse } from '../core/refusal.ts';
import { canonicalJson, eventLineText } from '../journal/hash.ts';
import { getInstitution } from '../institution/queries.ts';
import { statement, type Store } from '../store/open.ts';
import type { JournalRow } from '../store/schema.ts';
import { ATTACHMENT_CHUNK_BYTES, BUNDLE_FORMAT, BUNDLE_VERSION, BUNDLE_VERSION_WITH_FILES, citedFiles, MAX_ATTACHMENT_BYTES, type AttachmentEntry, type Manifest } from './format.ts';
import { signBytes, type SigningKey } from './keys.ts';

type Row = Omit<JournalRow, 'seq'>;

/** How much text is gathered before it is hashed or handed to gzip. */
const LINE_BATCH = 256 * 1024;

/**
 * The event as a bundle line: the canonical JSON of its columns with the payload as a value. The
 * journal stores the payload's canonical text (verify holds it to that), so the line is assembled
 * from the columns as they are, never parsed and written again.
 */
export function eventLine(row: Row): string {
  return `${eventLineText(row)}\n`;
}

/** Only a payload whose text names a `sha256` member can cite a file: the others are not parsed at all. */
function filesCitedBy(payload: string): string[] {
  return payload.includes('sha256"') ? citedFiles(JSON.parse(payload) as Record<string, unknown>) : [];
}

/** Per shared origin, the highest number held. */
export function highWater(store: Store): Record<string, number> {
  const rows = statement(
    store,
    `SELECT o.origin, coalesce((SELECT max(origin_seq) FROM journal j WHERE j.origin = o.origin), 0) AS seq
       FROM origins o WHERE o.scope = 'shared' ORDER BY o.origin`,
  ).all() as { origin: string; seq: number }[];
  return Object.fromEntries(rows.map((r) => [r.origin, r.seq]));
}

/**
 * Account events never leave the installation (DESIGN.md, "Identity and roles"). The `origins` table
 * only says which chains to read; it is a row anyone with the file can edit, so the decision rests on
 * each event's type, which is hashed into the chain: one event of a local type refuses the bundle.
 */
function mustTravel(services: Pick<Services, 'domain' | 'identity'>, row: Row): void {
  const definition = services.domain.events.get(row.type);
  // A type this version does not know came from a newer peer's bundle, in a chain that travels, and
  // travels on (docs/journal.md, "Event types this version does not know"); this installation's own
  // account chain can never hold one, since append writes only known types.
  const travels = definition ? definition.scope === 'shared' : row.origin !== services.identity.local;
  if (!travels) refuse('bundle-holds-local-event', { type: row.type, origin: row.origin, n: row.origin_seq });
}

/** Events read per statement: no statement stays open while the stream waits for the disk. */
const EVENT_CHUNK = 5000;

function* selectedEvents(store: Store, after: Record<string, number>): Generator<Row> {
  const origins = Object.keys(highWater(store));
  const rows = statement(
    store,
    `SELECT origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash FROM journal WHERE origin = ? AND origin_seq > ? ORDER BY origin_seq LIMIT ${EVENT_CHUNK}`,
  );
  for (const origin of origins) {
    let from = after[origin] ?? 0;
    for (;;) {
      const chunk = rows.all(origin, from) as Row[];
      yield* chunk;
      if (chunk.length < EVENT_CHUNK) break;
      from = (chunk[chunk.length - 1] as Row).origin_seq;
    }
  }
}

export interface ExportOptions {
  /** Only what this peer has not acknowledged; null for everything. */
  peerId: string | null;
  /** Told how many events are written of how many, and asked between slices whether to stop. */
  job?: JobHandle;
}

/** How many events the bundle will carry: each chain is numbered without gaps, so it is a subtraction. */
function eventsAfter(store: Store, after: Record<string, number>): number {
  return Object.entries(highWater(store)).reduce((sum, [origin, seq]) => sum + Math.max(0, seq - (after[origin] ?? 0)), 0);
}

export interface ExportResult {
  manifest: Manifest;
}

function acknowledged(store: Store, peerId: string | null): Record<string, number> {
  if (!peerId) return {};
  const peer = statement(store, 'SELECT acked, status FROM peers WHERE id = ?').get(peerId) as { acked: string; status: string } | undefined;
  if (!peer) refuse('peer-not-found');
  return JSON.parse(peer.acked) as Record<string, number>;
}

/** The files the carried events cite that this installation holds, by hash; larger ones stay home. */
function attachmentsFor(store: Store, cited: ReadonlySet<string>): AttachmentEntry[] {
  const lookup = statement(store, 'SELECT sha256, name, mime, size FROM attachments WHERE sha256 = ?');
  const entries: AttachmentEntry[] = [];
  for (const sha256 of [...cited].sort()) {
    const row = lookup.get(sha256) as AttachmentEntry | undefined;
    if (row && row.size <= MAX_ATTACHMENT_BYTES) entries.push({ sha256: row.sha256, name: row.name, mime: row.mime, size: row.size });
  }
  return entries;
}

/**
 * A bundle made in one pass over the journal: the lines after the header (the events, then the pieces
 * of the files they cite) are hashed and compressed as they are read, into a private file; the signed
 * header follows from what was read. Nothing is written where the bundle goes until the manifest is
 * checked (no account event) and signed.
 */
export interface SealedBundle {
  manifest: Manifest;
  signature: string;
  /** The gzip member holding every line after the header, in a private temporary folder. */
  body: string;
}

export async function sealBundle(services: Services, key: SigningKey, options: ExportOptions): Promise<SealedBundle> {
  const { store } = services;
  const after = acknowledged(store, options.peerId);
  const content = createHash('sha256');
  const ranges: Record<string, [number, number]> = {};
  const cited = new Set<string>();
  let count = 0;
  let attachments: AttachmentEntry[] = [];
  const { job } = options;
  const step = job ? stepper(job, 'writing', eventsAfter(store, after)) : () => undefined;
  async function* lines(): AsyncGenerator<string> {
    // Lines are hashed and compressed in batches: one call per line would cost more than the work.
    let batch = '';
    for (const row of selectedEvents(store, after)) {
      mustTravel(services, row);
      batch += eventLine(row);
      if (batch.length > LINE_BATCH) {
        content.update(batch, 'utf8');
        yield batch;
        batch = '';
        // A stop refuses here; the private file is removed below and nothing is written where the bundle goes.
        const pausing = step(count);
        if (pausing) await pausing;
      }
      const range = ranges[row.origin];
      ranges[row.origin] = range ? [range[0], row.origin_seq] : [row.origin_seq, row.origin_seq];
      for (const sha256 of filesCitedBy(row.payload)) cited.add(sha256);
      count += 1;
    }
    content.update(batch, 'utf8');
    if (batch) yield batch;
    const last = step(count);
    if (last) await last;
    // Files after the events, in the manifest's order, in pieces small enough for one line each.
    attachments = attachmentsFor(store, cited);
    const data = statement(store, 'SELECT data FROM attachments WHERE sha256 = ?');
    for (const entry of attachments) {
      const bytes = (data.get(entry.sha256) as { data: Buffer }).data;
      for (let offset = 0; offset < bytes.length; offset += ATTACHMENT_CHUNK_BYTES) {
        const piece = bytes.subarray(offset, offset + ATTACHMENT_CHUNK_BYTES);
        yield `${canonicalJson({ sha256: entry.sha256, offset, data: piece.toString('base64') })}\n`;
      }
    }
  }
  const folder = mkdtempSync(join(tmpdir(), 'daftari-export-'));
  const body = join(folder, 'body.gz');
  try {
    // Level 1: the events are JSON whose repeats (keys, origins, the hashes' alphabet) even the fastest
    // level finds; a higher level costs several times the time for a file a few tenths smaller.
    await pipeline(lines(), createGzip({ level: 1 }), createWriteStream(body));
    const institution = getInstitution(store);
    const manifest: Manifest = {
      institution: { name: institution?.name ?? '', code: institution?.code ?? '' },
      origin: services.identity.shared,
      public_key: key.publicKey,
      created_at: services.clock.now().toISOString(),
      peer: options.peerId,
      ranges,
      event_count: count,
      content_sha256: content.digest('hex'),
      high_water: highWater(store),
      // Absent when empty, so a bundle without files is byte for byte a version-1 bundle.
      ...(attachments.length > 0 ? { attachments } : {}),
    };
    return { manifest, signature: signBytes(key, Buffer.from(canonicalJson(manifest), 'utf8')), body };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** A sealed bundle not written after all: its private file goes. */
export function discardBundle(sealed: SealedBundle): void {
  rmSync(dirname(sealed.body), { recursive: true, force: true });
}

/**
 * Writes the bundle: the header line as a gzip member of its own, then the body's member as it was
 * compressed. A gzip file may hold several members one after another (RFC 1952, 2.2); every reader
 * gives their text joined, so the file reads as the one text the format describes.
 */
export async function streamBundle(sealed: SealedBundle, output: Writable): Promise<ExportResult> {
  const { manifest, signature } = sealed;
  const version = manifest.attachments ? BUNDLE_VERSION_WITH_FILES : BUNDLE_VERSION;
  async function* bytes(): AsyncGenerator<Buffer> {
    yield gzipSync(`${JSON.stringify({ format: BUNDLE_FORMAT, version, manifest, signature })}\n`, { level: 1 });
    yield* createReadStream(sealed.body) as AsyncIterable<Buffer>;
  }
  try {
    await pipeline(bytes(), output);
  } finally {
    discardBundle(sealed);
  }
  return { manifest };
}

export async function writeBundle(services: Services, key: SigningKey, options: ExportOptions, output: Writable): Promise<ExportResult> {
  return streamBundle(await sealBundle(services, key, options), output);
}
