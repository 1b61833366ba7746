// The register's folds as pure functions: a device's status is derived from what happened to it.
import { describe, expect, it } from 'vitest';
import {
  assetsProjection,
  deriveStatus,
  reduceAsset,
  reduceAssetSettings,
  reduceCategory,
  reduceMedium,
  storageMediaProjection,
} from '../../../db/assets/reducer.ts';
import type { AnyProjection, FoldEvent } from '../../../db/journal/types.ts';
import type { AssetRow, StorageMediumRow } from '../../../db/store/schema.ts';

const DEVICE = 'asset-1';
const ENTRY = 'entry-1';
const SSD_ID = 'medium-ssd';
const HDD_ID = 'medium-hdd';

/** The n-th event of one origin, n minutes after 08:00 on 23 November 2026. */
function ev(n: number, type: string, entity: string, payload: Record<string, unknown>): FoldEvent {
  const at = new Date(Date.UTC(2026, 10, 23, 8, n)).toISOString();
  return { origin: 'origin-a', origin_seq: n, hlc: `${at}-00000`, actor: 'user-juma', type, entity, payload: { ...payload, actor_name: 'Juma Ally' } };
}
const at = (n: number) => new Date(Date.UTC(2026, 10, 23, 8, n)).toISOString();

const particulars = {
  tag: 'MAJI/ICT/2026/00001',
  category: 'laptop',
  make: 'Dell',
  model: 'Latitude 5440',
  serial: 'DL5440-77X',
  purchase_date: '2025-07-14',
  supplier: 'Computer Centre Ltd',
  cost_tzs: 2_450_000,
  funding_source: 'Serikali',
  warranty_end: '2027-07-14',
  location_id: 'loc-floor2',
  department_id: 'dep-finance',
  custodian_id: null as string | null,
  classification: 'internal',
  can_hold_records: true,
  notes: '',
};

const registered = (n: number, overrides: Record<string, unknown> = {}) =>
  ev(n, 'assets.registered', DEVICE, {
    ...particulars,
    tag_seq: 1,
    media: [
      { id: SSD_ID, kind: 'ssd', capacity_gb: 512, serial: 'S4EVNX0R123' },
      { id: HDD_ID, kind: 'hdd', capacity_gb: 1000, serial: 'WD-WCC6Y2' },
    ],
    ...overrides,
  });
const reported = (n: number, entry = ENTRY, asset = DEVICE) =>
  ev(n, 'maintenance.reported', entry, {
    asset_id: asset,
    kind: 'corrective',
    plan_id: null,
    procedure_id: null,
    procedure_version: '',
    reported_on: '2026-11-20',
    reported_by: 'Zuhura Said',
    symptoms: 'Haiwaki',
    warranty: false,
  });
const sentOffsite = (n: number, entry = ENTRY) => ev(n, 'maintenance.sent-offsite', entry, { asset_id: DEVICE, sent_on: '2026-11-21' });
const returned = (n: number, entry = ENTRY) => ev(n, 'maintenance.returned', entry, { asset_id: DEVICE, returned_on: '2026-11-22' });
const closed = (n: number, outcome: string, entry = ENTRY) => ev(n, 'maintenance.closed', entry, { asset_id: DEVICE, closed_on: '2026-11-23', outcome });

/** Only what the projection stores: the columns, as the row would be written. */
function stored<R extends Record<string, unknown>>(projection: AnyProjection, row: R | undefined): Record<string, unknown> | undefined {
  return row && Object.fromEntries(projection.columns.map((c) => [c, row[c] ?? null]));
}

/** Folds events into one device's row, the way the journal does (the device as `entity`). */
function foldDevice(events: FoldEvent[], entity = DEVICE): AssetRow | undefined {
  return events.reduce<AssetRow | undefined>((row, event) => reduceAsset(row, event, entity), undefined);
}

function foldMedium(events: FoldEvent[], entity: string): StorageMediumRow | undefined {
  return events.reduce<StorageMediumRow | undefined>((row, event) => reduceMedium(row, event, entity), undefined);
}

describe('a device as the register folds it', () => {
  it('records every particular of a registered device, kept in store while nobody holds it', () => {
    // Exactly the columns: nothing of the payload (its actor's name, its media) slips into the row.
    expect(foldDevice([registered(1)])).toEqual({
      id: DEVICE,
      ...particulars,
      can_hold_records: 1,
      tag_seq: 1,
      repair_state: 'none',
      open_entry_id: null,
      disposal_candidate: 0,
      off_premises_id: null,
      transferred_to: null,
      lost_report_id: null,
      disposal_batch_id: null,
      disposal_batches: null,
      disposed_on: null,
      status: 'in_store',
      created_at: at(1),
      updated_at: at(1),
    });
  });

  it("takes the device's id from the event, never from its payload", () => {
    const row = foldDevice([registered(1, { id: 'another-device' })]);
    expect(row?.id).toBe(DEVICE);
    expect(stored(assetsProjection, row)).toEqual(row);
  });

  it('is in service once a custodian holds it', () => {
    expect(foldDevice([registered(1, { custodian_id: 'person-zuhura' })])?.status).toBe('in_service');
  });

  it('stores "cannot hold records" as 0 and a typed tag without a number', () => {
    const row = foldDevice([registered(1, { can_hold_records: false, tag_seq: null, tag: 'OLD-STICKER-7' })]);
    expect(row).toMatchObject({ can_hold_records: 0, tag_seq: null, tag: 'OLD-STICKER-7' });
  });

  it('keeps its number, repair state and registration time when its particulars change', () => {
    const before = foldDevice([registered(1, { custodian_id: 'person-zuhura' }), reported(2)]);
    const after = reduceAsset(before, ev(3, 'assets.updated', DEVICE, { ...particulars, custodian_id: null, tag: 'MAJI/ICT/2026/00009', make: 'HP' }), DEVICE);
    expect(after).toMatchObject({
      tag: 'MAJI/ICT/2026/00009',
      tag_seq: 1,
      make: 'HP',
      custodian_id: null,
      repair_state: 'in_house',
      open_entry_id: ENTRY,
      status: 'under_repair',
      created_at: at(1),
      updated_at: at(3),
    });
  });

  it('goes back to the store when its custodian is taken off it', () => {
    const row = foldDevice([registered(1, { custodian_id: 'person-zuhura' }), ev(2, 'assets.updated', DEVICE, { ...particulars, custodian_id: null })]);
    expect(row?.status).toBe('in_store');
  });

  it('is under repair when a fault is reported, and names the open entry', () => {
    expect(foldDevice([registered(1, { custodian_id: 'person-zuhura' }), reported(2)])).toMatchObject({
      status: 'under_repair',
      repair_state: 'in_house',
      open_entry_id: ENTRY,
      updated_at: at(2),
    });
  });

  it('is away for repair once sent off-site, and under repair again on its return', () => {
    const away = foldDevice([registered(1), reported(2), sentOffsite(3)]);
    expect(away).toMatchObject({ status: 'away_for_repair', repair_state: 'off_site', open_entry_id: ENTRY });
    expect(reduceAsset(away, returned(4), DEVICE)).toMatchObject({ status: 'under_repair', repair_state: 'in_house', open_entry_id: ENTRY, updated_at: at(4) });
  });

  it('goes back to its custodian when the repair is closed', () => {
    const row = foldDevice([registered(1, { custodian_id: 'person-zuhura' }), reported(2), sentOffsite(3), returned(4), closed(5, 'repaired')]);
    expect(row).toMatchObject({ status: 'in_service', repair_state: 'none', open_entry_id: null, disposal_candidate: 0, updated_at: at(5) });
  });

  it('goes back to the store when the repair of a device nobody holds is closed', () => {
    expect(foldDevice([registered(1), reported(2), closed(3, 'no_fault')])).toMatchObject({ status: 'in_store', repair_state: 'none', open_entry_id: null });
  });

  it('awaits disposal once closed as beyond repair, even with a custodian', () => {
    const row = foldDevice([registered(1, { custodian_id: 'person-zuhura' }), reported(2), closed(3, 'beyond_repair')]);
    expect(row).toMatchObject({ status: 'awaiting_disposal', disposal_candidate: 1, repair_state: 'none', open_entry_id: null });
    // A later change of particulars keeps it marked for disposal.
    expect(reduceAsset(row, ev(4, 'assets.updated', DEVICE, { ...particulars, custodian_id: 'person-zuhura' }), DEVICE)?.status).toBe('awaiting_disposal');
  });

  it('stays where it is when an entry other than its open one is closed', () => {
    const open = foldDevice([registered(1), reported(2, 'entry-old'), closed(3, 'repaired', 'entry-old'), reported(4, 'entry-new')]);
    expect(open).toMatchObject({ status: 'under_repair', open_entry_id: 'entry-new' });
    const after = reduceAsset(open, closed(5, 'repaired', 'entry-old'), DEVICE);
    expect(after).toMatchObject({ status: 'under_repair', repair_state: 'in_house', open_entry_id: 'entry-new' });
  });

  it('ignores a fault reported on another device', () => {
    const row = foldDevice([registered(1)]);
    expect(reduceAsset(row, reported(2, ENTRY, 'asset-other'), DEVICE)).toBe(row);
  });

  it('gives the entry itself no device row, and a device never registered no row', () => {
    const row = foldDevice([registered(1)]);
    expect(reduceAsset(undefined, reported(2), ENTRY)).toBeUndefined();
    expect(reduceAsset(row, sentOffsite(2), ENTRY)).toBe(row);
    expect(foldDevice([reported(1), sentOffsite(2), returned(3), closed(4, 'repaired')])).toBeUndefined();
  });

  it('gives the media of a registration no device row', () => {
    expect(reduceAsset(undefined, registered(1), SSD_ID)).toBeUndefined();
  });

  it('derives the status in order: disposal, off-site, in-house, custodian', () => {
    expect(deriveStatus({ disposal_candidate: 1, repair_state: 'off_site', custodian_id: 'p' })).toBe('awaiting_disposal');
    expect(deriveStatus({ disposal_candidate: 0, repair_state: 'off_site', custodian_id: 'p' })).toBe('away_for_repair');
    expect(deriveStatus({ disposal_candidate: 0, repair_state: 'in_house', custodian_id: 'p' })).toBe('under_repair');
    expect(deriveStatus({ disposal_candidate: 0, repair_state: 'none', custodian_id: 'p' })).toBe('in_service');
    expect(deriveStatus({ disposal_candidate: 0, repair_state: 'none', custodian_id: null })).toBe('in_store');
  });
});

describe('a storage medium as the register folds it', () => {
  const removed = (n: number, id = SSD_ID) =>
    ev(n, 'storage.removed', id, {
      asset_id: DEVICE,
      removed_by: 'Juma Ally',
      witnessed_by: 'Zuhura Said',
      kept_at: 'Kabati la chuma, Stoo ya TEHAMA',
      removed_on: '2026-11-21',
      entry_id: ENTRY,
    });
  const reinstalled = (n: number, id = SSD_ID) =>
    ev(n, 'storage.reinstalled', id, { asset_id: DEVICE, reinstalled_by: 'Juma Ally', reinstalled_on: '2026-11-22', entry_id: ENTRY });

  it('gives each medium registered with a device its own installed row', () => {
    expect(stored(storageMediaProjection, foldMedium([registered(1)], SSD_ID))).toEqual({
      id: SSD_ID,
      asset_id: DEVICE,
      kind: 'ssd',
      capacity_gb: 512,
      serial: 'S4EVNX0R123',
      state: 'installed',
      kept_at: '',
      removed_by: '',
      witnessed_by: '',
      removed_on: '',
      entry_id: null,
      created_at: at(1),
      updated_at: at(1),
    });
    expect(foldMedium([registered(1)], HDD_ID)).toMatchObject({ id: HDD_ID, kind: 'hdd', capacity_gb: 1000, state: 'installed' });
    // The device itself is not a medium.
    expect(foldMedium([registered(1)], DEVICE)).toBeUndefined();
  });

  it('records a medium added later, installed in its device', () => {
    const added = ev(2, 'storage.added', 'medium-card', { asset_id: DEVICE, kind: 'memory_card', capacity_gb: 64, serial: '' });
    expect(foldMedium([added], 'medium-card')).toMatchObject({ id: 'medium-card', asset_id: DEVICE, kind: 'memory_card', capacity_gb: 64, state: 'installed' });
    expect(reduceMedium(undefined, added, DEVICE)).toBeUndefined();
  });

  it('records who removed it, who witnessed, where it is kept and under which entry', () => {
    expect(foldMedium([registered(1), removed(2)], SSD_ID)).toMatchObject({
      state: 'removed',
      removed_by: 'Juma Ally',
      witnessed_by: 'Zuhura Said',
      kept_at: 'Kabati la chuma, Stoo ya TEHAMA',
      removed_on: '2026-11-21',
      entry_id: ENTRY,
      asset_id: DEVICE,
      created_at: at(1),
      updated_at: at(2),
    });
    // The other medium of the device is still inside.
    expect(foldMedium([registered(1), removed(2)], HDD_ID)?.state).toBe('installed');
  });

  it('is installed again, with the removal details cleared, once reinstalled', () => {
    expect(stored(storageMediaProjection, foldMedium([registered(1), removed(2), reinstalled(3)], SSD_ID))).toEqual({
      id: SSD_ID,
      asset_id: DEVICE,
      kind: 'ssd',
      capacity_gb: 512,
      serial: 'S4EVNX0R123',
      state: 'installed',
      kept_at: '',
      removed_by: '',
      witnessed_by: '',
      removed_on: '',
      entry_id: null,
      created_at: at(1),
      updated_at: at(3),
    });
  });

  it('makes no row for the removal or reinstallation of a medium it never saw', () => {
    expect(foldMedium([removed(1), reinstalled(2)], SSD_ID)).toBeUndefined();
  });

  it("leaves the device's own row alone when a medium's event reaches it by reference", () => {
    const medium = foldMedium([registered(1)], SSD_ID);
    expect(reduceMedium(medium, removed(2), DEVICE)).toBe(medium);
  });
});

describe('categories and the tag format as the register folds them', () => {
  const created = ev(1, 'categories.created', 'custom-1', { name_sw: 'Kamera', name_en: 'Camera', can_hold_records: true });

  it('makes a new category active', () => {
    expect(reduceCategory(undefined, created)).toEqual({
      id: 'custom-1',
      name_sw: 'Kamera',
      name_en: 'Camera',
      can_hold_records: 1,
      active: 1,
      created_at: at(1),
      updated_at: at(1),
    });
  });

  it('takes names, record-holding and active from an update, keeping its creation time', () => {
    const updated = ev(2, 'categories.updated', 'custom-1', { name_sw: 'Kamera za CCTV', name_en: 'CCTV cameras', can_hold_records: false, active: false });
    expect(reduceCategory(reduceCategory(undefined, created), updated)).toEqual({
      id: 'custom-1',
      name_sw: 'Kamera za CCTV',
      name_en: 'CCTV cameras',
      can_hold_records: 0,
      active: 0,
      created_at: at(1),
      updated_at: at(2),
    });
  });

  it('keeps the latest tag format', () => {
    const first = reduceAssetSettings(undefined, ev(1, 'assets.tag-format-set', 'asset-settings', { tag_format: '{CODE}/{SEQ}' }));
    expect(reduceAssetSettings(first, ev(2, 'assets.tag-format-set', 'asset-settings', { tag_format: '{CODE}-{CAT}-{SEQ}' }))).toEqual({
      id: 'asset-settings',
      tag_format: '{CODE}-{CAT}-{SEQ}',
      updated_at: at(2),
    });
  });
});
