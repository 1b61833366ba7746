// Folds of sync's events: the peers this installation trusts, the transfers awaiting a wipe, and the
// conflicts people resolved. Pure.
import { onExisting, onOwn, pick } from '../journal/fold.ts';
import { hlcInstant } from '../journal/hlc.ts';
import { ACTOR_NAME, defineProjection, on, type FoldEvent, type PayloadOf } from '../journal/types.ts';
import type { Selectable } from 'kysely';
import type { BundleTransferTable, ConflictResolutionTable, PeerTable } from '../store/schema.ts';
import {
  bundleExported,
  bundleImported,
  bundleWiped,
  conflictResolved,
  peerAccepted,
  peerRenamed,
  peerRevoked,
  peerTrustedAgain,
} from './events.ts';

export type PeerRow = Selectable<PeerTable>;
export type TransferRow = Selectable<BundleTransferTable>;
export type ResolutionRow = Selectable<ConflictResolutionTable>;

export const peersProjection = defineProjection<PeerRow>({
  table: 'peers',
  columns: ['id', 'name', 'institution_name', 'institution_code', 'public_key', 'fingerprint', 'status', 'acked', 'last_import_at', 'last_export_at', 'accepted_at', 'updated_at'],
  on: [
    on(peerAccepted, (row, p, event) => {
      const at = hlcInstant(event.hlc);
      return {
        id: event.entity,
        ...pick(p, ['name', 'institution_name', 'institution_code', 'public_key', 'fingerprint']),
        status: 'trusted',
        acked: row?.acked ?? '{}',
        last_import_at: row?.last_import_at ?? null,
        last_export_at: row?.last_export_at ?? null,
        accepted_at: at,
        updated_at: at,
      };
    }),
    onExisting(peerRenamed, (row: PeerRow, p, at) => ({ ...row, name: p.name, updated_at: at })),
    onExisting(peerRevoked, (row: PeerRow, _p, at) => ({ ...row, status: 'revoked', updated_at: at })),
    // The key stays the one first accepted: trusting again never takes a new key.
    onExisting(peerTrustedAgain, (row: PeerRow, _p, at) => ({ ...row, status: 'trusted', updated_at: at })),
    on(bundleImported, (row, p, event, entity) => {
      if (!row || entity === event.entity) return row;
      const at = hlcInstant(event.hlc);
      const acked = JSON.parse(row.acked) as Record<string, number>;
      for (const [origin, seq] of Object.entries(p.high_water)) acked[origin] = Math.max(acked[origin] ?? 0, seq);
      const sorted = Object.fromEntries(Object.entries(acked).sort(([a], [b]) => a.localeCompare(b)));
      return { ...row, acked: JSON.stringify(sorted), last_import_at: at, updated_at: at };
    }),
    on(bundleExported, (row, _p, event, entity) => {
      const at = hlcInstant(event.hlc);
      return !row || entity === event.entity ? row : { ...row, last_export_at: at, updated_at: at };
    }),
  ],
});

export const reducePeer = peersProjection.reduce;

function transfer(row: TransferRow | undefined, p: PayloadOf<typeof bundleExported>, event: FoldEvent, direction: string): TransferRow {
  return {
    id: event.entity,
    direction,
    ...pick(p, ['file_name', 'content_sha256', 'event_count', 'peer_id']),
    at: hlcInstant(event.hlc),
    wiped_at: row?.wiped_at ?? null,
    wiped_by: row?.wiped_by ?? null,
  };
}

export const transfersProjection = defineProjection<TransferRow>({
  table: 'bundle_transfers',
  columns: ['id', 'direction', 'file_name', 'content_sha256', 'event_count', 'peer_id', 'at', 'wiped_at', 'wiped_by'],
  on: [
    onOwn(bundleExported, (row: TransferRow | undefined, p, event) => transfer(row, p, event, 'export')),
    onOwn(bundleImported, (row: TransferRow | undefined, p, event) => transfer(row, p, event, 'import')),
    onExisting(bundleWiped, (row: TransferRow, _p, at, event) => ({ ...row, wiped_at: at, wiped_by: String(event.payload[ACTOR_NAME] ?? event.actor) })),
  ],
});

export const reduceTransfer = transfersProjection.reduce;

export const resolutionsProjection = defineProjection<ResolutionRow>({
  table: 'conflict_resolutions',
  columns: ['id', 'note', 'resolved_by', 'resolved_at'],
  on: [
    on(conflictResolved, (_row, p, event) => ({
      id: event.entity,
      note: p.note,
      resolved_by: String(event.payload[ACTOR_NAME] ?? event.actor),
      resolved_at: hlcInstant(event.hlc),
    })),
  ],
});

export const reduceResolution = resolutionsProjection.reduce;
