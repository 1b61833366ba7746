// The bundle format (docs/bundle.md): gzip of newline-delimited JSON — a header line holding the
// signed manifest, then one line per event in chain order.
import { z } from 'zod';

export const BUNDLE_FORMAT = 'daftari-bundle';
export const BUNDLE_VERSION = 1;

/** A line longer than this is damage or an attack, never an event. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;
/** Decompressed size allowed per compressed byte, plus a floor: JSON compresses ~10x, bombs ~1000x. */
export const MAX_EXPANSION = 60;
export const EXPANSION_FLOOR_BYTES = 64 * 1024 * 1024;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const OriginId = z.string().min(1).max(64);

export const Manifest = z.object({
  institution: z.object({ name: z.string(), code: z.string() }),
  origin: OriginId,
  public_key: z.string().min(1).max(100),
  created_at: z.string(),
  /** The installation it was made for, or null for everything. */
  peer: OriginId.nullable(),
  /** Per origin, the first and last `origin_seq` carried. */
  ranges: z.record(OriginId, z.tuple([z.number().int().min(1), z.number().int().min(1)])),
  event_count: z.number().int().min(0),
  /** SHA-256 of the event lines, each with its newline, as bytes. */
  content_sha256: Hex64,
  /** Per origin, the highest `origin_seq` the exporter holds: the receiver's next export starts after it. */
  high_water: z.record(OriginId, z.number().int().min(0)),
});
export type Manifest = z.infer<typeof Manifest>;

export const Header = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int(),
  manifest: z.unknown(),
  signature: z.string(),
});

export const EventLine = z.object({
  origin: OriginId,
  origin_seq: z.number().int().min(1),
  hlc: z.string(),
  actor: z.string().max(64),
  type: z.string().max(64),
  entity: z.string().max(128),
  payload: z.record(z.string(), z.unknown()),
  prev_hash: Hex64,
  hash: Hex64,
});
export type EventLine = z.infer<typeof EventLine>;
