// Folds of sync's events: the peers this installation trusts, the transfers awaiting a wipe, and the
// conflicts people resolved. Pure.
import { hlcInstant } from '../journal/hlc.ts';
import { ACTOR_NAME, defineProjection, type FoldEvent, type PayloadOf } from '../journal/types.ts';
import type { Selectable } from 'kysely';
import type { BundleTransferTable, ConflictResolutionTable, PeerTable } from '../store/schema.ts';
import type { bundleImported, conflictResolved, peerAccepted, peerRenamed } from './events.ts';

export type PeerRow = Selectable<PeerTable>;
export type TransferRow = Selectable<BundleTransferTable>;
export type ResolutionRow = Selectable<ConflictResolutionTable>;


export function reducePeer(row: PeerRow | undefined, event: FoldEvent, entity: string): PeerRow | undefined {
  const at = hlcInstant(event.hlc);
  switch (event.type) {
    case 'peers.accepted': {
      const p = event.payload as PayloadOf<typeof peerAccepted>;
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
    }
    case 'peers.renamed':
      return row ? { ...row, name: (event.payload as PayloadOf<typeof peerRenamed>).name, updated_at: at } : undefined;
    case 'peers.revoked':
      return row ? { ...row, status: 'revoked', updated_at: at } : undefined;
    case 'peers.trusted-again':
      // The key stays the one first accepted: trusting again never takes a new key.
      return row ? { ...row, status: 'trusted', updated_at: at } : undefined;
    case 'sync.imported': {
      if (!row || entity === event.entity) return row;
      const p = event.payload as PayloadOf<typeof bundleImported>;
      const acked = JSON.parse(row.acked) as Record<string, number>;
      for (const [origin, seq] of Object.entries(p.high_water)) acked[origin] = Math.max(acked[origin] ?? 0, seq);
      const sorted = Object.fromEntries(Object.entries(acked).sort(([a], [b]) => a.localeCompare(b)));
      return { ...row, acked: JSON.stringify(sorted), last_import_at: at, updated_at: at };
    }
    case 'sync.exported':
      return !row || entity === event.entity ? row : { ...row, last_export_at: at, updated_at: at };
    default:
      return row;
  }
}

export const peersProjection = defineProjection<PeerRow>({
  table: 'peers',
  columns: ['id', 'name', 'institution_name', 'institution_code', 'public_key', 'fingerprint', 'status', 'acked', 'last_import_at', 'last_export_at', 'accepted_at', 'updated_at'],
  types: ['peers.accepted', 'peers.renamed', 'peers.revoked', 'peers.trusted-again', 'sync.imported', 'sync.exported'],
  reduce: reducePeer,
});

export function reduceTransfer(row: TransferRow | undefined, event: FoldEvent, entity: string): TransferRow | undefined {
  if (entity !== event.entity) return row;
  const at = hlcInstant(event.hlc);
  if (event.type === 'sync.bundle-wiped') {
    return row ? { ...row, wiped_at: at, wiped_by: String(event.payload[ACTOR_NAME] ?? event.actor) } : undefined;
  }
  const p = event.payload as PayloadOf<typeof bundleImported>;
  return {
    id: event.entity,
    direction: event.type === 'sync.exported' ? 'export' : 'import',
    file_name: p.file_name,
    content_sha256: p.content_sha256,
    event_count: p.event_count,
    peer_id: p.peer_id,
    at,
    wiped_at: row?.wiped_at ?? null,
    wiped_by: row?.wiped_by ?? null,
  };
}

export const transfersProjection = defineProjection<TransferRow>({
  table: 'bundle_transfers',
  columns: ['id', 'direction', 'file_name', 'content_sha256', 'event_count', 'peer_id', 'at', 'wiped_at', 'wiped_by'],
  types: ['sync.exported', 'sync.imported', 'sync.bundle-wiped'],
  reduce: reduceTransfer,
});

export function reduceResolution(_row: ResolutionRow | undefined, event: FoldEvent): ResolutionRow {
  const p = event.payload as PayloadOf<typeof conflictResolved>;
  return { id: event.entity, note: p.note, resolved_by: String(event.payload[ACTOR_NAME] ?? event.actor), resolved_at: hlcInstant(event.hlc) };
}

export const resolutionsProjection = defineProjection<ResolutionRow>({
  table: 'conflict_resolutions',
  columns: ['id', 'note', 'resolved_by', 'resolved_at'],
  types: ['conflicts.resolved'],
  reduce: (row, event) => reduceResolution(row, event),
});
