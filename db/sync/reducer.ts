// Folds of sync's events: the peers this installation trusts, the transfers awaiting a wipe, and the
// conflicts people resolved. Pure.
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
        name: p.name,
        institution_name: p.institution_name,
        institution_code: p.institution_code,
        public_key: p.public_key,
        fingerprint: p.fingerprint,
        status: 'trusted',
        acked: row?.acked ?? '{}',
        last_import_at: row?.last_import_at ?? null,
        last_export_at: row?.last_export_at ?? null,
        accepted_at: at,
        updated_at: at,
      };
    }),
    on(peerRenamed, (row, p, event) => (row ? { ...row, name: p.name, updated_at: hlcInstant(event.hlc) } : undefined)),
    on(peerRevoked, (row, _p, event) => (row ? { ...row, status: 'revoked', updated_at: hlcInstant(event.hlc) } : undefined)),
    // The key stays the one first accepted: trusting again never takes a new key.
    on(peerTrustedAgain, (row, _p, event) => (row ? { ...row, status: 'trusted', updated_at: hlcInstant(event.hlc) } : undefined)),
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

function transfer(row: TransferRow | undefined, p: PayloadOf<typeof bundleExported>, event: FoldEvent, entity: string, direction: string): TransferRow | undefined {
  if (entity !== event.entity) return row;
  return {
    id: event.entity,
    direction,
    file_name: p.file_name,
    content_sha256: p.content_sha256,
    event_count: p.event_count,
    peer_id: p.peer_id,
    at: hlcInstant(event.hlc),
    wiped_at: row?.wiped_at ?? null,
    wiped_by: row?.wiped_by ?? null,
  };
}

export const transfersProjection = defineProjection<TransferRow>({
  table: 'bundle_transfers',
  columns: ['id', 'direction', 'file_name', 'content_sha256', 'event_count', 'peer_id', 'at', 'wiped_at', 'wiped_by'],
  on: [
    on(bundleExported, (row, p, event, entity) => transfer(row, p, event, entity, 'export')),
    on(bundleImported, (row, p, event, entity) => transfer(row, p, event, entity, 'import')),
    on(bundleWiped, (row, _p, event, entity) => {
      if (entity !== event.entity) return row;
      return row ? { ...row, wiped_at: hlcInstant(event.hlc), wiped_by: String(event.payload[ACTOR_NAME] ?? event.actor) } : undefined;
    }),
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
