// Folds into the register's rows. Pure: the device's status is derived here from what happened to it,
// never typed by hand.
import { hlcInstant } from '../journal/hlc.ts';
import { defineProjection, type FoldEvent, type PayloadOf } from '../journal/types.ts';
import type { closed, faultReported } from '../maintenance/events.ts';
import type { AssetRow, AssetSettingsRow, CategoryRow, StorageMediumRow } from '../store/schema.ts';
import {
  ASSET_SETTINGS_ID,
  type assetRegistered,
  type assetUpdated,
  type categoryUpdated,
  type mediumAdded,
  type mediumReinstalled,
  type mediumRemoved,
  type tagFormatSet,
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

const ASSET_TYPES = [
  'assets.registered',
  'assets.updated',
  'maintenance.reported',
  'maintenance.sent-offsite',
  'maintenance.returned',
  'maintenance.closed',
] as const;

export function reduceAsset(row: AssetRow | undefined, event: FoldEvent, entity: string): AssetRow | undefined {
  const at = hlcInstant(event.hlc);
  const type = event.type as (typeof ASSET_TYPES)[number];
  if (type === 'assets.registered' || type === 'assets.updated') {
    if (entity !== event.entity) return row;
    const { tag_seq } = event.payload as PayloadOf<typeof assetRegistered>;
    const p = event.payload as PayloadOf<typeof assetUpdated>;
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
      tag_seq: type === 'assets.registered' ? (tag_seq ?? null) : (row?.tag_seq ?? null),
      repair_state: row?.repair_state ?? 'none',
      open_entry_id: row?.open_entry_id ?? null,
      disposal_candidate: row?.disposal_candidate ?? 0,
      status: '',
      created_at: row?.created_at ?? at,
      updated_at: at,
    });
  }
  // Log-book events reach the device through their refs; the entry's own id has no device row.
  if (!row || entity === event.entity) return row;
  switch (type) {
    case 'maintenance.reported': {
      const p = event.payload as PayloadOf<typeof faultReported>;
      return p.asset_id === row.id ? withStatus({ ...row, repair_state: 'in_house', open_entry_id: event.entity, updated_at: at }) : row;
    }
    case 'maintenance.sent-offsite':
      return withStatus({ ...row, repair_state: 'off_site', updated_at: at });
    case 'maintenance.returned':
      return withStatus({ ...row, repair_state: 'in_house', updated_at: at });
    case 'maintenance.closed': {
      const p = event.payload as PayloadOf<typeof closed>;
      // Only the entry that is open moves the device back; closing an older one changes nothing else.
      const isOpen = row.open_entry_id === event.entity;
      return withStatus({
        ...row,
        repair_state: isOpen ? 'none' : row.repair_state,
        open_entry_id: isOpen ? null : row.open_entry_id,
        disposal_candidate: p.outcome === 'beyond_repair' ? 1 : row.disposal_candidate,
        updated_at: at,
      });
    }
    default:
      return row;
  }
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
  types: ASSET_TYPES,
  reduce: reduceAsset,
});

export function reduceMedium(row: StorageMediumRow | undefined, event: FoldEvent, entity: string): StorageMediumRow | undefined {
  const at = hlcInstant(event.hlc);
  switch (event.type) {
    case 'assets.registered': {
      const p = event.payload as PayloadOf<typeof assetRegistered>;
      const medium = p.media.find((m) => m.id === entity);
      if (!medium) return row;
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
    }
    case 'storage.added': {
      if (entity !== event.entity) return row;
      const p = event.payload as PayloadOf<typeof mediumAdded>;
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
    }
    case 'storage.removed': {
      if (!row || entity !== event.entity) return row;
      const p = event.payload as PayloadOf<typeof mediumRemoved>;
      return { ...row, state: 'removed', kept_at: p.kept_at, removed_by: p.removed_by, witnessed_by: p.witnessed_by, removed_on: p.removed_on, entry_id: p.entry_id, updated_at: at };
    }
    case 'storage.reinstalled': {
      if (!row || entity !== event.entity) return row;
      const p = event.payload as PayloadOf<typeof mediumReinstalled>;
      return { ...row, asset_id: p.asset_id, state: 'installed', kept_at: '', removed_by: '', witnessed_by: '', removed_on: '', entry_id: null, updated_at: at };
    }
    default:
      return row;
  }
}

export const storageMediaProjection = defineProjection<StorageMediumRow>({
  table: 'storage_media',
  columns: ['id', 'asset_id', 'kind', 'capacity_gb', 'serial', 'state', 'kept_at', 'removed_by', 'witnessed_by', 'removed_on', 'entry_id', 'created_at', 'updated_at'],
  types: ['assets.registered', 'storage.added', 'storage.removed', 'storage.reinstalled'],
  reduce: reduceMedium,
});

export function reduceCategory(row: CategoryRow | undefined, event: FoldEvent): CategoryRow {
  const p = event.payload as PayloadOf<typeof categoryUpdated>;
  const at = hlcInstant(event.hlc);
  const active = event.type === 'categories.updated' ? (p.active ? 1 : 0) : (row?.active ?? 1);
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
  types: ['categories.created', 'categories.updated'],
  reduce: (row, event) => reduceCategory(row, event),
});

export function reduceAssetSettings(_row: AssetSettingsRow | undefined, event: FoldEvent): AssetSettingsRow {
  const p = event.payload as PayloadOf<typeof tagFormatSet>;
  return { id: ASSET_SETTINGS_ID, tag_format: p.tag_format, updated_at: hlcInstant(event.hlc) };
}

export const assetSettingsProjection = defineProjection<AssetSettingsRow>({
  table: 'asset_settings',
  columns: ['id', 'tag_format', 'updated_at'],
  types: ['assets.tag-format-set'],
  reduce: (row, event) => reduceAssetSettings(row, event),
});
