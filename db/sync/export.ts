// Writing a bundle: the shared events (never accounts), in chain order, for everything or only what a
// peer has not acknowledged. Two passes over the journal — one to hash, one to write — so the signed
// manifest leads the file and memory stays flat whatever the size.
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Services } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { canonicalJson } from '../journal/hash.ts';
import { getInstitution } from '../institution/queries.ts';
import { statement, type Store } from '../store/open.ts';
import type { JournalRow } from '../store/schema.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Manifest } from './format.ts';
import { signBytes, type SigningKey } from './keys.ts';

type Row = Omit<JournalRow, 'seq'>;

/** The event as a bundle line: canonical JSON with the payload as a value. */
export function eventLine(row: Row): string {
  return `${canonicalJson({ ...row, payload: JSON.parse(row.payload) as unknown })}\n`;
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

function* selectedEvents(store: Store, after: Record<string, number>): Generator<Row> {
  const origins = Object.keys(highWater(store));
  const rows = statement(store, 'SELECT origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash FROM journal WHERE origin = ? AND origin_seq > ? ORDER BY origin_seq');
  for (const origin of origins) yield* rows.iterate(origin, after[origin] ?? 0) as IterableIterator<Row>;
}

export interface ExportOptions {
  /** Only what this peer has not acknowledged; null for everything. */
  peerId: string | null;
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

export function buildManifest(services: Services, key: SigningKey, options: ExportOptions): Manifest {
  const { store } = services;
  const after = acknowledged(store, options.peerId);
  const content = createHash('sha256');
  const ranges: Record<string, [number, number]> = {};
  let count = 0;
  for (const row of selectedEvents(store, after)) {
    content.update(eventLine(row), 'utf8');
    const range = ranges[row.origin];
    ranges[row.origin] = range ? [range[0], row.origin_seq] : [row.origin_seq, row.origin_seq];
    count += 1;
  }
  const institution = getInstitution(store);
  return {
    institution: { name: institution?.name ?? '', code: institution?.code ?? '' },
    origin: services.identity.shared,
    public_key: key.publicKey,
    created_at: services.clock.now().toISOString(),
    peer: options.peerId,
    ranges,
    event_count: count,
    content_sha256: content.digest('hex'),
    high_water: highWater(store),
  };
}

function* rangedEvents(store: Store, ranges: Manifest['ranges']): Generator<Row> {
  const rows = statement(
    store,
    'SELECT origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash FROM journal WHERE origin = ? AND origin_seq BETWEEN ? AND ? ORDER BY origin_seq',
  );
  for (const [origin, [from, to]] of Object.entries(ranges)) yield* rows.iterate(origin, from, to) as IterableIterator<Row>;
}

export async function writeBundle(services: Services, key: SigningKey, options: ExportOptions, output: Writable): Promise<ExportResult> {
  const { store } = services;
  const manifest = buildManifest(services, key, options);
  const signature = signBytes(key, Buffer.from(canonicalJson(manifest), 'utf8'));
  // The second pass reads exactly the ranges the first one hashed: journal rows never change, and an
  // event appended meanwhile falls outside them.
  async function* lines(): AsyncGenerator<string> {
    yield `${JSON.stringify({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, manifest, signature })}\n`;
    let batch = '';
    for (const row of rangedEvents(store, manifest.ranges)) {
      batch += eventLine(row);
      if (batch.length > 256 * 1024) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  await pipeline(lines(), createGzip({ level: 6 }), output);
  return { manifest };
}
