// Folds into the register's rows. Pure: the device's status is derived here from what happened to it,
// never typed by hand.
import { onExisting, onOwn, pick, stamps, standing } from '../journal/fold.ts';
import { hlcInstant } from '../journal/hlc.ts';
import type { z } from 'zod';
import { defineProjection, on, type EventDefinition, type Fold, type FoldEvent, type PayloadOf } from '../journal/types.ts';
import { closed, faultReported, returned, sentOffsite } from '../maintenance/events.ts';
import { movementCheckedIn, movementCheckedOut } from '../movements/events.ts';
import { handoverReceived } from '../handovers/events.ts';
import { issueVoided, mediumFound, mediumIssued, mediumReported, mediumReturned, mediumStored } from '../media/events.ts';
import { batchCancelled, batchDisposed, batchReturned, deviceAdded, deviceRemoved, disposalProposed, proposalWithdrawn } from '../disposal/events.ts';
import type { AssetRow, AssetSettingsRow, CategoryRow, StorageMediumRow } from '../store/schema.ts';
import {
  ASSET_SETTINGS_ID,
  assetRegistered,
  assetUpdated,
  categoryCreated,
  categoryUpdated,
  mediumAdded,
  mediumReinstalled,
  mediumRemoved,
  PARTICULAR_COLUMNS,
  tagFormatSet,
} from './events.ts';

export const DEFAULT_TAG_FORMAT = '{CODE}/ICT/{YYYY}/{SEQ}';

type StatusFacts = Pick<AssetRow, 'disposal_candidate' | 'repair_state' | 'custodian_id'> &
  Partial<Pick<AssetRow, 'off_premises_id' | 'transferred_to' | 'lost_report_id' | 'disposal_batch_id' | 'disposed_on'>>;

/** The status a device's facts give, the one that most limits what may be done with it first. */
export function deriveStatus(row: StatusFacts): string {
  if (row.disposed_on != null) return 'disposed';
  if (row.transferred_to != null) return 'transferred';
  if (row.lost_report_id != null) return 'lost';
  if (row.disposal_batch_id != null) return 'in_disposal';
  if (row.disposal_candidate === 1) return 'awaiting_disposal';
  if (row.repair_state === 'off_site') return 'away_for_repair';
  if (row.repair_state === 'in_house') return 'under_repair';
  if (row.off_premises_id != null) return 'off_premises';
  return row.custodian_id ? 'in_service' : 'in_store';
}

/** The batches holding a device, oldest first. */
function batchesOf(row: AssetRow): string[] {
  if (row.disposal_batches) return JSON.parse(row.disposal_batches) as string[];
  return row.disposal_batch_id ? [row.disposal_batch_id] : [];
}

/** The row in exactly these batches: the last one added names the device's batch. */
function inBatches(row: AssetRow, batches: readonly string[]): AssetRow {
  return { ...row, disposal_batches: batches.length > 0 ? JSON.stringify(batches) : null, disposal_batch_id: batches.at(-1) ?? null };
}

function leaveBatch(row: AssetRow, batch: string, at: string): AssetRow {
  const batches = batchesOf(row);
  return batches.includes(batch) ? { ...inBatches(row, batches.filter((id) => id !== batch)), updated_at: at } : row;
}

function withStatus(row: AssetRow): AssetRow {
  return { ...row, status: deriveStatus(row) };
}

type Particulars = PayloadOf<typeof assetUpdated>;

/** The device's row from its registration or an update; `tagSeq` is the registration's, an update keeps the row's. */
function particulars(row: AssetRow | undefined, p: Particulars, event: FoldEvent, tagSeq: number | null): AssetRow {
  return withStatus({
    ...stamps(row, event),
    ...pick(p, PARTICULAR_COLUMNS),
    can_hold_records: p.can_hold_records ? 1 : 0,
    tag_seq: tagSeq,
    repair_state: row?.repair_state ?? 'none',
    open_entry_id: row?.open_entry_id ?? null,
    disposal_candidate: row?.disposal_candidate ?? 0,
    off_premises_id: row?.off_premises_id ?? null,
    transferred_to: row?.transferred_to ?? null,
    lost_report_id: row?.lost_report_id ?? null,
    disposal_batch_id: row?.disposal_batch_id ?? null,
    disposal_batches: row?.disposal_batches ?? null,
    disposed_on: row?.disposed_on ?? null,
    status: '',
  });
}

/**
 * Events of other areas reach the device through their refs (a log book entry, a handover, a permit);
 * the event's own entity has no device row. Custody areas fold into the register with it.
 */
export function onDevice<S extends z.ZodType>(
  definition: EventDefinition<S>,
  change: (row: AssetRow, p: z.output<S>, event: FoldEvent, at: string) => AssetRow,
): Fold<AssetRow> {
  return on(definition, (row: AssetRow | undefined, p, event, entity) => {
    if (!row || entity === event.entity) return row;
    const next = change(row, p, event, hlcInstant(event.hlc));
    return next === row ? row : withStatus(next);
  });
}

export const assetsProjection = defineProjection<AssetRow>({
  table: 'assets',
  columns: [
    'id', ...PARTICULAR_COLUMNS, 'tag_seq', 'repair_state', 'open_entry_id', 'disposal_candidate',
    'off_premises_id', 'transferred_to', 'lost_report_id', 'disposal_batch_id', 'disposal_batches', 'disposed_on', 'status', 'created_at', 'updated_at',
  ],
  on: [
    onOwn(assetRegistered, (row: AssetRow | undefined, p, event) => particulars(row, p, event, p.tag_seq ?? null)),
    onOwn(assetUpdated, (row: AssetRow | undefined, p, event) => particulars(row, p, event, row?.tag_seq ?? null)),
    onDevice(faultReported, (row, p, event, at) => (p.asset_id === row.id ? { ...row, repair_state: 'in_house', open_entry_id: event.entity, updated_at: at } : row)),
    onDevice(sentOffsite, (row, _p, _event, at) => ({ ...row, repair_state: 'off_site', updated_at: at })),
    onDevice(returned, (row, _p, _event, at) => ({ ...row, repair_state: 'in_house', updated_at: at })),
    onDevice(closed, (row, p, event, at) => {
      // Only the entry that is open moves the device back; closing an older one changes nothing else.
      const isOpen = row.open_entry_id === event.entity;
      return {
        ...row,
        repair_state: isOpen ? 'none' : row.repair_state,
        open_entry_id: isOpen ? null : row.open_entry_id,
        disposal_candidate: p.outcome === 'beyond_repair' ? 1 : row.disposal_candidate,
        updated_at: at,
      };
    }),
    // handovers folds
    // 3.6.6: custody moves on the receiver's acknowledgement, to the receiver (nobody: the store, or
    // the other institution the device has left for).
    onDevice(handoverReceived, (row, p, _event, at) =>
      p.asset_ids.includes(row.id)
        ? { ...row, custodian_id: p.to_type === 'person' ? p.to_person_id : null, transferred_to: p.to_type === 'institution' ? p.to_institution : null, updated_at: at }
        : row,
    ),
    // movements folds
    // 3.6.11: out on a permit from check-out to check-in; a check-in of another permit changes nothing.
    onDevice(movementCheckedOut, (row, p, event, at) => (p.asset_ids.includes(row.id) ? { ...row, off_premises_id: event.entity, updated_at: at } : row)),
    onDevice(movementCheckedIn, (row, _p, event, at) => (row.off_premises_id === event.entity ? { ...row, off_premises_id: null, updated_at: at } : row)),
    // media folds
    // 3.6.7: an issued medium is held by the servant; a return or a voided issue gives it back to the store
    // (or to whoever still holds it under another issue after a merge), a loss is open until found (3.6.10).
    onDevice(mediumIssued, (row, p, _event, at) => (p.asset_id === row.id ? { ...row, custodian_id: p.person_id, updated_at: at } : row)),
    onDevice(mediumReturned, (row, p, _event, at) =>
      p.asset_id === row.id
        ? { ...row, custodian_id: row.custodian_id === p.person_id ? p.holder_after : row.custodian_id, location_id: p.location_id ?? row.location_id, updated_at: at }
        : row,
    ),
    onDevice(issueVoided, (row, p, _event, at) =>
      p.asset_id === row.id ? { ...row, custodian_id: row.custodian_id === p.person_id ? p.holder_after : row.custodian_id, updated_at: at } : row,
    ),
    onDevice(mediumStored, (row, p, _event, at) => (p.asset_id === row.id ? { ...row, location_id: p.location_id, updated_at: at } : row)),
    onDevice(mediumReported, (row, p, event, at) => (p.asset_id === row.id && p.kind === 'lost' ? { ...row, lost_report_id: event.entity, updated_at: at } : row)),
    onDevice(mediumFound, (row, _p, event, at) => (row.lost_report_id === event.entity ? { ...row, lost_report_id: null, updated_at: at } : row)),
    // disposal folds
    // 3.6.12–3.6.13: a proposal makes the device a candidate; a withdrawal leaves it one only for another reason.
    onDevice(disposalProposed, (row, p, _event, at) => (p.asset_id === row.id ? { ...row, disposal_candidate: 1, updated_at: at } : row)),
    onDevice(proposalWithdrawn, (row, p, _event, at) => (p.asset_id === row.id ? { ...row, disposal_candidate: p.keep_candidate ? 1 : 0, updated_at: at } : row)),
    // A batch holds the device from its addition until it is taken out, sent back or the batch cancelled.
    // After a merge it may be in two; out of one, it is still in the other (and named by it).
    onDevice(deviceAdded, (row, p, event, at) => (p.asset_id === row.id ? { ...inBatches(row, [...batchesOf(row).filter((id) => id !== event.entity), event.entity]), updated_at: at } : row)),
    onDevice(deviceRemoved, (row, _p, event, at) => leaveBatch(row, event.entity, at)),
    onDevice(batchReturned, (row, _p, event, at) => leaveBatch(row, event.entity, at)),
    onDevice(batchCancelled, (row, _p, event, at) => leaveBatch(row, event.entity, at)),
    // Disposed of for good: the batch that did it stays named on the row.
    onDevice(batchDisposed, (row, p, _event, at) => (p.asset_ids.includes(row.id) ? { ...row, disposed_on: p.disposed_on, updated_at: at } : row)),
  ],
});

export const reduceAsset = assetsProjection.reduce;

/** A medium in its device: no removal recorded (3.6.3). */
const INSTALLED = { state: 'installed', kept_at: '', removed_by: '', witnessed_by: '', removed_on: '', entry_id: null } as const;
const MEDIUM_FIELDS = ['kind', 'capacity_gb', 'serial'] as const;

export const storageMediaProjection = defineProjection<StorageMediumRow>({
  table: 'storage_media',
  columns: ['id', 'asset_id', 'kind', 'capacity_gb', 'serial', 'state', 'kept_at', 'removed_by', 'witnessed_by', 'removed_on', 'entry_id', 'created_at', 'updated_at'],
  on: [
    on(assetRegistered, (row, p, event, entity) => {
      const medium = p.media.find((m) => m.id === entity);
      if (!medium) return row;
      const at = hlcInstant(event.hlc);
      return { id: medium.id, asset_id: event.entity, ...pick(medium, MEDIUM_FIELDS), ...INSTALLED, created_at: at, updated_at: at };
    }),
    // A removal folded before the medium was added (after a merge) is kept.
    onOwn(mediumAdded, (row: StorageMediumRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...pick(p, ['asset_id', ...MEDIUM_FIELDS]),
      ...(row ? pick(row, ['state', 'kept_at', 'removed_by', 'witnessed_by', 'removed_on', 'entry_id']) : INSTALLED),
    })),
    onExisting(mediumRemoved, (row: StorageMediumRow, p, at) => ({
      ...row,
      state: 'removed',
      ...pick(p, ['kept_at', 'removed_by', 'witnessed_by', 'removed_on', 'entry_id']),
      updated_at: at,
    })),
    onExisting(mediumReinstalled, (row: StorageMediumRow, p, at) => ({ ...row, asset_id: p.asset_id, ...INSTALLED, updated_at: at })),
  ],
});

export const reduceMedium = storageMediaProjection.reduce;

function category(p: PayloadOf<typeof categoryCreated>) {
  return { ...pick(p, ['name_sw', 'name_en']), can_hold_records: p.can_hold_records ? 1 : 0 };
}

export const categoriesProjection = defineProjection<CategoryRow>({
  table: 'categories',
  columns: ['id', 'name_sw', 'name_en', 'can_hold_records', 'active', 'created_at', 'updated_at'],
  on: [
    on(categoryCreated, (row, p, event) => ({ ...standing(row, event), ...category(p) })),
    on(categoryUpdated, (row, p, event) => ({ ...standing(row, event, p.active), ...category(p) })),
  ],
});

export const reduceCategory = categoriesProjection.reduce;

export const assetSettingsProjection = defineProjection<AssetSettingsRow>({
  table: 'asset_settings',
  columns: ['id', 'tag_format', 'updated_at'],
  on: [on(tagFormatSet, (_row, p, event) => ({ id: ASSET_SETTINGS_ID, tag_format: p.tag_format, updated_at: hlcInstant(event.hlc) }))],
});

export const reduceAssetSettings = assetSettingsProjection.reduce;
