// Sync as the routes and the CLI use it: export to a stream, stage and preview or apply a bundle,
// peers, the 3.6.9 wipe reminders and conflicts.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { actorOf, command, signedIn, type CallContext, type Services } from '../core/context.ts';
import type { JobHandle } from '../core/jobs.ts';
import { refuse } from '../core/refusal.ts';
import type { Actor } from '../journal/append.ts';
import { emit } from '../journal/types.ts';
import { statement } from '../store/open.ts';
import { openConflicts } from './conflicts.ts';
import { bundleExported, bundleWiped, conflictResolved, peerRenamed, peerRevoked, peerTrustedAgain } from './events.ts';
import { sealBundle, streamBundle, writeBundle } from './export.ts';
import { applyBundle, previewBundle, stageBundle, type ImportResult, type StagedBundle } from './import.ts';
import type { PeerRow, TransferRow } from './reducer.ts';

/** Dar es Salaam is UTC+3 all year (no daylight saving): the clock on the office wall. */
const DAR_ES_SALAAM_OFFSET_MS = 3 * 3_600_000;

/** The name offered for a bundle: institution code and the local time of Africa/Dar_es_Salaam, as every date shown. */
export function bundleFileName(services: Services, now: Date): string {
  const code = (statement(services.store, "SELECT code FROM institution WHERE id = 'institution'").get() as { code: string } | undefined)?.code ?? 'daftari';
  const local = new Date(now.getTime() + DAR_ES_SALAAM_OFFSET_MS).toISOString();
  return `daftari-${code.toLowerCase()}-${local.slice(0, 19).replace(/[:T]/g, '-')}.daftari`;
}

function recordExport(services: Services, actor: Actor, details: { peer_id: string | null; file_name: string; content_sha256: string; event_count: number }): string {
  const transferId = services.ids.next();
  command(services, actor, () => ({ events: [emit(bundleExported, transferId, details)], result: null }));
  return transferId;
}

export interface ExportSummary {
  file_name: string;
  event_count: number;
  content_sha256: string;
  transfer_id: string;
}

export interface ExportFileOptions {
  /** Replace a file already at `path` (the command line's `--force`); otherwise refuse `file-exists`. */
  overwrite?: boolean;
}

/**
 * Writes the bundle to `path`. The manifest is checked and signed before any byte is written, the bytes
 * go to a temporary file beside the target, and only a complete bundle takes the target's name: a
 * refusal or a failure leaves no file, partial or empty, behind.
 */
export async function exportToFile(services: Services, actor: Actor, peerId: string | null, path: string, options: ExportFileOptions = {}): Promise<ExportSummary> {
  if (!options.overwrite && existsSync(path)) refuse('file-exists', { file: path });
  const sealed = await sealBundle(services, services.signingKey(), { peerId });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
  try {
    await streamBundle(sealed, createWriteStream(temporary, { flags: 'wx' }));
    if (options.overwrite) renameSync(temporary, path);
    else {
      // A link refuses an existing name atomically, so a file that appeared meanwhile is not replaced.
      try {
        linkSync(temporary, path);
      } catch (error) {
        if ((error as { code?: string }).code === 'EEXIST') refuse('file-exists', { file: path });
        throw error;
      }
    }
  } finally {
    rmSync(temporary, { force: true });
  }
  const { manifest } = sealed;
  const details = { peer_id: peerId, file_name: basename(path), content_sha256: manifest.content_sha256, event_count: manifest.event_count };
  return { ...details, transfer_id: recordExport(services, actor, details) };
}

export async function exportToBase64(ctx: CallContext, peerId: string | null, job?: JobHandle): Promise<ExportSummary & { base64: string }> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const { manifest } = await writeBundle(ctx, ctx.signingKey(), { peerId, ...(job ? { job } : {}) }, sink);
  const fileName = bundleFileName(ctx, ctx.clock.now());
  const details = { peer_id: peerId, file_name: fileName, content_sha256: manifest.content_sha256, event_count: manifest.event_count };
  return { ...details, transfer_id: recordExport(ctx, actorOf(signedIn(ctx)), details), base64: Buffer.concat(chunks).toString('base64') };
}

export async function stageFromFile(services: Services, path: string, job?: JobHandle): Promise<StagedBundle> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    // Say what is true: a path that names no file is not a damaged bundle.
    if ((error as { code?: string }).code === 'ENOENT') refuse('bundle-file-not-found', { file: path });
    refuse('bundle-unreadable');
  }
  return stageBundle(services, createReadStream(path), size, job);
}

export function stageFromBase64(services: Services, base64: string, job?: JobHandle): Promise<StagedBundle> {
  const bytes = Buffer.from(base64, 'base64');
  return stageBundle(services, Readable.from([bytes]), bytes.length, job);
}

export interface PreviewSummary {
  institution: { name: string; code: string };
  origin: string;
  created_at: string;
  peer: ImportResult['peer'];
  counts: StagedBundle['counts'];
  event_count: number;
  new_events: number;
  held_events: number;
  /** Attached files (procedure PDFs, job cards) the bundle brings that this installation lacks. */
  new_files: number;
  open_conflicts: number;
}

export async function preview(services: Services, staged: StagedBundle, actor: Actor, job?: JobHandle): Promise<PreviewSummary> {
  const { manifest, counts } = staged;
  const result = await previewBundle(services, staged, actor, job);
  return {
    institution: manifest.institution,
    origin: manifest.origin,
    created_at: manifest.created_at,
    peer: result.peer,
    counts,
    event_count: manifest.event_count,
    new_events: result.new_events,
    held_events: result.held_events,
    new_files: staged.new_files,
    open_conflicts: result.open_conflicts,
  };
}

export function apply(services: Services, staged: StagedBundle, actor: Actor, acceptNewPeer: boolean, fileName: string, job?: JobHandle): Promise<ImportResult> {
  return applyBundle(services, staged, { actor, acceptNewPeer, fileName, ...(job ? { job } : {}) });
}

export function listPeers(services: Services) {
  return (statement(services.store, 'SELECT * FROM peers ORDER BY name').all() as PeerRow[]).map((row) => ({
    ...row,
    acked: JSON.parse(row.acked) as Record<string, number>,
  }));
}

export function renamePeer(ctx: CallContext, peerId: string, name: string): void {
  command(ctx, actorOf(signedIn(ctx)), () => {
    if (!statement(ctx.store, 'SELECT id FROM peers WHERE id = ?').get(peerId)) refuse('peer-not-found');
    return { events: [emit(peerRenamed, peerId, { name })], result: null };
  });
}

export function revokePeer(ctx: CallContext, peerId: string): void {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const peer = statement(ctx.store, 'SELECT status FROM peers WHERE id = ?').get(peerId) as { status: string } | undefined;
    if (!peer) refuse('peer-not-found');
    if (peer.status === 'revoked') refuse('already-deactivated');
    return { events: [emit(peerRevoked, peerId, {})], result: null };
  });
}

/** Fingerprints compare whatever the spacing or case a person typed them in. */
function sameFingerprint(a: string, b: string): boolean {
  const plain = (value: string) => value.replace(/\s+/g, '').toUpperCase();
  return plain(a) === plain(b);
}

/**
 * Trusts a revoked installation again. The administrator states the fingerprint they checked with that
 * office; it must be the key accepted at first, so a key changed since is never trusted this way.
 */
export function trustPeerAgain(ctx: CallContext, peerId: string, fingerprint: string): void {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const peer = statement(ctx.store, 'SELECT status, fingerprint FROM peers WHERE id = ?').get(peerId) as { status: string; fingerprint: string } | undefined;
    if (!peer) refuse('peer-not-found');
    if (peer.status !== 'revoked') refuse('peer-not-revoked');
    if (!sameFingerprint(fingerprint, peer.fingerprint)) refuse('peer-fingerprint-mismatch', { fingerprint: peer.fingerprint }, { fingerprint: 'errors.peer-fingerprint-mismatch' });
    return { events: [emit(peerTrustedAgain, peerId, { fingerprint: peer.fingerprint })], result: null };
  });
}

/** 3.6.9: bundles written to or read from a transfer medium whose wipe nobody has recorded yet. */
export function pendingWipes(services: Services): TransferRow[] {
  return statement(services.store, 'SELECT * FROM bundle_transfers WHERE wiped_at IS NULL ORDER BY at DESC').all() as TransferRow[];
}

export function recordWipe(ctx: CallContext, transferId: string, note: string): void {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const transfer = statement(ctx.store, 'SELECT wiped_at FROM bundle_transfers WHERE id = ?').get(transferId) as { wiped_at: string | null } | undefined;
    if (!transfer) refuse('transfer-not-found');
    if (transfer.wiped_at) refuse('already-wiped');
    return { events: [emit(bundleWiped, transferId, { note })], result: null };
  });
}

export function listConflicts(services: Services) {
  return openConflicts(services);
}

/**
 * Which installation recorded each record a conflict is about: the origin of the record's first event,
 * named as this installation knows it (itself, or a peer by the name given here; null when no bundle
 * of that installation was accepted here, its events having come through another).
 */
export function conflictOrigins(services: Services, conflictId: string): { entity: string; origin: string; self: boolean; name: string | null }[] {
  const conflict = openConflicts(services).find((open) => open.id === conflictId) ?? refuse('conflict-not-found');
  const first = statement(
    services.store,
    `SELECT j.origin, coalesce(o.is_self, 0) AS is_self, p.name FROM journal j
       LEFT JOIN origins o ON o.origin = j.origin LEFT JOIN peers p ON p.id = j.origin
      WHERE j.entity = ? ORDER BY j.hlc, j.origin, j.origin_seq LIMIT 1`,
  );
  return conflict.entities.map((entity) => {
    const row = first.get(entity) as { origin: string; is_self: number; name: string | null } | undefined;
    return { entity, origin: row?.origin ?? '', self: row?.is_self === 1, name: row?.name ?? null };
  });
}

export function resolveConflict(ctx: CallContext, conflictId: string, note: string): void {
  command(ctx, actorOf(signedIn(ctx)), () => {
    if (!openConflicts(ctx).some((conflict) => conflict.id === conflictId)) refuse('conflict-not-found');
    return { events: [emit(conflictResolved, conflictId, { note })], result: null };
  });
}
