// Folds into the register's rows. Pure: the device's status is derived here from what happened to it,
// never typed by hand.
import { hlcInstant } from '../journal/hlc.ts';
import type { z } from 'zod';
import { defineProjection, on, type EventDefinition, type Fold, type FoldEvent, type PayloadOf } from '../journal/types.ts';
import { closed, faultReported, returned, sentOffsite } from '../maintenance/events.ts';
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
  tagFormatSet,
} from './events.ts';

export const DEFAULT_TAG_FORMAT = '{CODE}/ICT/{YYYY}/{SEQ}';

export function deriveStatus(row: Pick<AssetRow, 'disposal_candidate' | 'repair_state' | 'custodian_id'>): string {
  if (row.disposal_candidate === 1) return 'awaiting_disposal';
  if (row.repair_state === 'off_site') return 'away_for_repair';
  if (row.repair_state === 'in_house') return 'under_repair';
  return row.custodian_id ? 'in_service' : 'in_store';
}

function withStatus(row: AssetRow): AssetRow {
  return { ...row, status: deriveStatus(row) };
}

type Particulars = PayloadOf<typeof assetUpdated>;

/** The device's row from its registration or an update; `tagSeq` is the registration's, an update keeps the row's. */
function particulars(row: AssetRow | undefined, p: Particulars, event: FoldEvent, tagSeq: number | null): AssetRow {
  const at = hlcInstant(event.hlc);
  // Columns named one by one: a payload never chooses the row's id or adds columns of its own.
  return withStatus({
    id: event.entity,
    tag: p.tag,
    category: p.category,
    make: p.make,
    model: p.model,
    serial: p.serial,
    purchase_date: p.purchase_date,
    supplier: p.supplier,
    cost_tzs: p.cost_tzs,
    funding_source: p.funding_source,
    warranty_end: p.warranty_end,
    location_id: p.location_id,
    department_id: p.department_id,
    custodian_id: p.custodian_id,
    classification: p.classification,
    notes: p.notes,
    can_hold_records: p.can_hold_records ? 1 : 0,
    tag_seq: tagSeq,
    repair_state: row?.repair_state ?? 'none',
    open_entry_id: row?.open_entry_id ?? null,
    disposal_candidate: row?.disposal_candidate ?? 0,
    status: '',
    created_at: row?.created_at ?? at,
    updated_at: at,
  });
}

/** Log-book events reach the device through their refs; the entry's own id has no device row. */
function onDevice<S extends z.ZodType>(
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
    'id',
    'tag',
    'tag_seq',
    'category',
    'make',
    'model',
    'serial',
    'purchase_date',
    'supplier',
    'cost_tzs',
    'funding_source',
    'warranty_end',
    'location_id',
    'department_id',
    'custodian_id',
    'classification',
    'can_hold_records',
    'notes',
    'repair_state',
    'open_entry_id',
    'disposal_candidate',
    'status',
    'created_at',
    'updated_at',
  ],
  on: [
    on(assetRegistered, (row, p, event, entity) => (entity === event.entity ? particulars(row, p, event, p.tag_seq ?? null) : row)),
    on(assetUpdated, (row, p, event, entity) => (entity === event.entity ? particulars(row, p, event, row?.tag_seq ?? null) : row)),
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
  ],
});

export const reduceAsset = assetsProjection.reduce;

export const storageMediaProjection = defineProjection<StorageMediumRow>({
  table: 'storage_media',
  columns: ['id', 'asset_id', 'kind', 'capacity_gb', 'serial', 'state', 'kept_at', 'removed_by', 'witnessed_by', 'removed_on', 'entry_id', 'created_at', 'updated_at'],
  on: [
    on(assetRegistered, (row, p, event, entity) => {
      const medium = p.media.find((m) => m.id === entity);
      if (!medium) return row;
      const at = hlcInstant(event.hlc);
      return {
        id: medium.id,
        asset_id: event.entity,
        kind: medium.kind,
        capacity_gb: medium.capacity_gb,
        serial: medium.serial,
        state: 'installed',
        kept_at: '',
        removed_by: '',
        witnessed_by: '',
        removed_on: '',
        entry_id: null,
        created_at: at,
        updated_at: at,
      };
    }),
    on(mediumAdded, (row, p, event, entity) => {
      if (entity !== event.entity) return row;
      const at = hlcInstant(event.hlc);
      return {
        id: event.entity,
        asset_id: p.asset_id,
        kind: p.kind,
        capacity_gb: p.capacity_gb,
        serial: p.serial,
        state: row?.state ?? 'installed',
        kept_at: row?.kept_at ?? '',
        removed_by: row?.removed_by ?? '',
        witnessed_by: row?.witnessed_by ?? '',
        removed_on: row?.removed_on ?? '',
        entry_id: row?.entry_id ?? null,
        created_at: row?.created_at ?? at,
        updated_at: at,
      };
    }),
    on(mediumRemoved, (row, p, event, entity) => {
      if (!row || entity !== event.entity) return row;
      return {
        ...row,
        state: 'removed',
        kept_at: p.kept_at,
        removed_by: p.removed_by,
        witnessed_by: p.witnessed_by,
        removed_on: p.removed_on,
        entry_id: p.entry_id,
        updated_at: hlcInstant(event.hlc),
      };
    }),
    on(mediumReinstalled, (row, p, event, entity) => {
      if (!row || entity !== event.entity) return row;
      return {
        ...row,
        asset_id: p.asset_id,
        state: 'installed',
        kept_at: '',
        removed_by: '',
        witnessed_by: '',
        removed_on: '',
        entry_id: null,
        updated_at: hlcInstant(event.hlc),
      };
    }),
  ],
});

export const reduceMedium = storageMediaProjection.reduce;

function category(row: CategoryRow | undefined, p: PayloadOf<typeof categoryCreated>, event: FoldEvent, active: number): CategoryRow {
  const at = hlcInstant(event.hlc);
  return {
    id: event.entity,
    name_sw: p.name_sw,
    name_en: p.name_en,
    can_hold_records: p.can_hold_records ? 1 : 0,
    active,
    created_at: row?.created_at ?? at,
    updated_at: at,
  };
}

export const categoriesProjection = defineProjection<CategoryRow>({
  table: 'categories',
  columns: ['id', 'name_sw', 'name_en', 'can_hold_records', 'active', 'created_at', 'updated_at'],
  on: [
    on(categoryCreated, (row, p, event) => category(row, p, event, row?.active ?? 1)),
    on(categoryUpdated, (row, p, event) => category(row, p, event, p.active ? 1 : 0)),
  ],
});

export const reduceCategory = categoriesProjection.reduce;

export const assetSettingsProjection = defineProjection<AssetSettingsRow>({
  table: 'asset_settings',
  columns: ['id', 'tag_format', 'updated_at'],
  on: [on(tagFormatSet, (_row, p, event) => ({ id: ASSET_SETTINGS_ID, tag_format: p.tag_format, updated_at: hlcInstant(event.hlc) }))],
});

export const reduceAssetSettings = assetSettingsProjection.reduce;
