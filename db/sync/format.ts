// The bundle format (docs/bundle.md): gzip of newline-delimited JSON — a header line holding the
// signed manifest, then one line per event in chain order.
import { z } from 'zod';

export const BUNDLE_FORMAT = 'daftari-bundle';
export const BUNDLE_VERSION = 1;
/**
 * A bundle that carries attached files after its events. Only such a bundle says 2: one without files
 * stays a version-1 bundle, byte for byte, and an importer that knows only version 1 refuses a
 * version-2 bundle as made by a newer Daftari instead of misreading it (docs/bundle.md).
 */
export const BUNDLE_VERSION_WITH_FILES = 2;

/** A line longer than this is damage or an attack, never an event. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;
/** Decompressed size allowed per compressed byte, plus a floor: JSON compresses ~10x, bombs ~1000x. */
export const MAX_EXPANSION = 60;
export const EXPANSION_FLOOR_BYTES = 64 * 1024 * 1024;
/** One attached file: the limit the log book puts on what a person attaches (15 MB). */
export const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;
/** All the files one bundle may carry: a larger set goes in several bundles. */
export const MAX_BUNDLE_FILES_BYTES = 512 * 1024 * 1024;
/** Raw bytes per attachment line; base64 makes it ~1.4 MB, well inside MAX_LINE_BYTES. */
export const ATTACHMENT_CHUNK_BYTES = 1024 * 1024;
/**
 * An imported clock reading further ahead of this installation's clock than this is refused: one PC
 * with a wrong year would otherwise drag every installation's HLC forward for good (docs/bundle.md).
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 3_600_000;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const OriginId = z.string().min(1).max(64);
const HEX64 = /^[0-9a-f]{64}$/;

/**
 * The files an event cites: every payload member named `sha256` or ending in `_sha256` whose value is a
 * SHA-256 (the attachment of a log-book entry, an approved procedure's document). The engine knows no
 * area by name, so the member's name is the convention (docs/journal.md, "Attached files").
 */
export function citedFiles(payload: Record<string, unknown>): string[] {
  return Object.entries(payload)
    .filter(([key, value]) => (key === 'sha256' || key.endsWith('_sha256')) && typeof value === 'string' && HEX64.test(value))
    .map(([, value]) => value as string);
}

export const AttachmentEntry = z.strictObject({
  sha256: Hex64,
  name: z.string().max(255),
  mime: z.string().max(255),
  size: z.number().int().min(1),
});
export type AttachmentEntry = z.infer<typeof AttachmentEntry>;

/** One piece of an attached file, after the event lines: its hash, where the piece starts, the bytes. */
export const AttachmentLine = z.strictObject({
  sha256: Hex64,
  offset: z.number().int().min(0),
  data: z.string().max(2 * ATTACHMENT_CHUNK_BYTES),
});

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
  /** Version 2 only: the files the events cite, by hash, sorted; their bytes follow the events. */
  attachments: z.array(AttachmentEntry).max(100_000).optional(),
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

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const isHex64 = (value: unknown): value is string => typeof value === 'string' && HEX64.test(value);

/**
 * `EventLine.safeParse` written out by hand for the import's hot path (one call per event): the same
 * rules, the same result — the nine members only, anything else in the line left behind — or null.
 */
export function readEventLine(value: unknown): EventLine | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash } = value as Record<string, unknown>;
  if (!isText(origin, 64) || origin.length < 1) return null;
  if (typeof origin_seq !== 'number' || !Number.isSafeInteger(origin_seq) || origin_seq < 1) return null;
  if (typeof hlc !== 'string' || !isText(actor, 64) || !isText(type, 64) || !isText(entity, 128)) return null;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  if (!isHex64(prev_hash) || !isHex64(hash)) return null;
  return { origin, origin_seq, hlc, actor, type, entity, payload: payload as Record<string, unknown>, prev_hash, hash };
}
