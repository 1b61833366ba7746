// The equipment register (3.6.12's inventory of devices) as a spreadsheet: one row per device, with its
// custodian, place, purchase particulars and storage media, filtered and sorted as the list on screen.
import { sql } from 'kysely';
import type { z } from 'zod';
import { describeMedium, type DeviceFilters } from './contract.ts';
import { ftsQuery } from '../core/paging.ts';
import { all, first, statement, type Store } from '../store/open.ts';
import type { AssetRow } from '../store/schema.ts';
import { categoryName, dayOf, defineRegister, keysetPages, PAGE_SIZE, term, yesNo, type Column, type RegisterSource, type Words } from '../registers/register.ts';

type Filters = z.output<typeof DeviceFilters>;

interface MediumCell {
  kind: string;
  capacity_gb: number | null;
  serial: string;
  state: string;
}

export interface DeviceRow extends AssetRow {
  custodian_name: string | null;
  custodian_check_number: string | null;
  location_name: string | null;
  department_name: string | null;
  category_sw: string | null;
  category_en: string | null;
  media: MediumCell[];
}

type Key = [string, string];

function page(store: Store, filters: Filters, after: Key | null): DeviceRow[] {
  let query = store.q
    .selectFrom('assets')
    .leftJoin('people', 'people.id', 'assets.custodian_id')
    .leftJoin('locations', 'locations.id', 'assets.location_id')
    .leftJoin('departments', 'departments.id', 'assets.department_id')
    .leftJoin('categories', 'categories.id', 'assets.category');
  // The same filters as `listAssets`, so the export holds exactly the devices the list shows.
  const match = ftsQuery(filters.search);
  if (match) query = query.where(sql<boolean>`assets.rowid IN (SELECT rowid FROM assets_search WHERE assets_search MATCH ${match})`);
  if (filters.category) query = query.where('assets.category', '=', filters.category);
  if (filters.status) query = query.where('assets.status', '=', filters.status);
  if (filters.department_id) query = query.where('assets.department_id', '=', filters.department_id);
  if (filters.location_id) query = query.where('assets.location_id', '=', filters.location_id);
  if (filters.custodian_id) query = query.where('assets.custodian_id', '=', filters.custodian_id);
  if (filters.classification) query = query.where('assets.classification', '=', filters.classification);

  const byTag = filters.sort !== 'updated_desc';
  const key = byTag ? sql`assets.tag COLLATE NOCASE` : sql`assets.updated_at`;
  const descending = filters.sort !== 'tag_asc';
  if (after) {
    query = descending
      ? query.where(sql<boolean>`(${key}, assets.id) < (${after[0]}, ${after[1]})`)
      : query.where(sql<boolean>`(${key}, assets.id) > (${after[0]}, ${after[1]})`);
  }
  const direction = descending ? sql`DESC` : sql`ASC`;
  const rows = all(
    store,
    query
      .selectAll('assets')
      .select([
        'people.full_name as custodian_name',
        'people.check_number as custodian_check_number',
        'locations.name as location_name',
        'departments.name as department_name',
        'categories.name_sw as category_sw',
        'categories.name_en as category_en',
      ])
      .orderBy(sql`${key} ${direction}`)
      .orderBy(sql`assets.id ${direction}`)
      .limit(PAGE_SIZE),
  );
  const media = mediaOfPage(
    store,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, media: media.get(row.id) ?? [] }));
}

/** The storage media of a page of devices in one query, in the order they were recorded. */
function mediaOfPage(store: Store, assetIds: string[]): Map<string, MediumCell[]> {
  const byAsset = new Map<string, MediumCell[]>();
  if (assetIds.length === 0) return byAsset;
  const rows = statement(
    store,
    `SELECT asset_id, kind, capacity_gb, serial, state FROM storage_media
      WHERE asset_id IN (SELECT value FROM json_each(?)) ORDER BY asset_id, created_at, id`,
  ).all(JSON.stringify(assetIds)) as (MediumCell & { asset_id: string })[];
  for (const { asset_id, ...medium } of rows) {
    const list = byAsset.get(asset_id) ?? [];
    list.push(medium);
    byAsset.set(asset_id, list);
  }
  return byAsset;
}

/** "SSD 512 GB (S/N S4EVNX0R123); HDD 1 TB — Kimeondolewa": a removed medium says so (3.6.3). */
function mediaText(media: MediumCell[], words: Words): string {
  return media.map((m) => (m.state === 'installed' ? describeMedium(m) : `${describeMedium(m)} — ${term(words, 'mediaStates', m.state)}`)).join('; ');
}

const columns: Column<DeviceRow>[] = [
  { key: 'tag', header: 'registers.devices.columns.tag', kind: 'text', value: (r) => r.tag },
  { key: 'category', header: 'registers.devices.columns.category', kind: 'text', value: (r, w) => categoryName(w, r.category, { sw: r.category_sw, en: r.category_en }) },
  { key: 'make', header: 'registers.devices.columns.make', kind: 'text', value: (r) => r.make },
  { key: 'model', header: 'registers.devices.columns.model', kind: 'text', value: (r) => r.model },
  { key: 'serial', header: 'registers.devices.columns.serial', kind: 'text', value: (r) => r.serial },
  { key: 'status', header: 'registers.devices.columns.status', kind: 'text', value: (r, w) => term(w, 'statuses', r.status) },
  { key: 'classification', header: 'registers.devices.columns.classification', kind: 'text', value: (r, w) => term(w, 'classifications', r.classification) },
  { key: 'can_hold_records', header: 'registers.devices.columns.can-hold-records', kind: 'text', value: (r, w) => yesNo(w, r.can_hold_records === 1) },
  { key: 'custodian', header: 'registers.devices.columns.custodian', kind: 'text', value: (r) => r.custodian_name },
  { key: 'custodian_check_number', header: 'registers.devices.columns.custodian-check-number', kind: 'text', value: (r) => r.custodian_check_number },
  { key: 'department', header: 'registers.devices.columns.department', kind: 'text', value: (r) => r.department_name },
  { key: 'location', header: 'registers.devices.columns.location', kind: 'text', value: (r) => r.location_name },
  { key: 'purchase_date', header: 'registers.devices.columns.purchase-date', kind: 'day', value: (r) => r.purchase_date },
  { key: 'supplier', header: 'registers.devices.columns.supplier', kind: 'text', value: (r) => r.supplier },
  { key: 'cost', header: 'registers.devices.columns.cost', kind: 'money', value: (r) => r.cost_tzs },
  { key: 'funding_source', header: 'registers.devices.columns.funding-source', kind: 'text', value: (r) => r.funding_source },
  { key: 'warranty_end', header: 'registers.devices.columns.warranty-end', kind: 'day', value: (r) => r.warranty_end },
  { key: 'media', header: 'registers.devices.columns.media', kind: 'text', value: (r, w) => mediaText(r.media, w) },
  { key: 'notes', header: 'registers.devices.columns.notes', kind: 'text', value: (r) => r.notes },
  { key: 'registered_on', header: 'registers.devices.columns.registered-on', kind: 'day', value: (r) => dayOf(r.created_at) },
];

/**
 * The filters in words for the printed heading: what they hold by id named as the list names it (the
 * department's name, not its id), the search quoted. The order the list is sorted in filters nothing.
 */
function describe(filters: Filters, words: Words, { store }: RegisterSource): string[] {
  const said: string[] = [];
  const say = (key: string, value: string) => said.push(words.t(`registers.devices.filters.${key}`, { [key]: value }));
  // A search of nothing but punctuation filters nothing (`ftsQuery` drops it), so it is not said either.
  if (ftsQuery(filters.search)) say('search', filters.search);
  if (filters.category) {
    const custom = first(store, store.q.selectFrom('categories').select(['name_sw', 'name_en']).where('id', '=', filters.category));
    say('category', categoryName(words, filters.category, { sw: custom?.name_sw ?? null, en: custom?.name_en ?? null }));
  }
  if (filters.status) say('status', term(words, 'statuses', filters.status));
  if (filters.classification) say('classification', term(words, 'classifications', filters.classification));
  // An id nobody holds any more (a record from a newer copy not yet merged) reads as itself rather than as nothing.
  if (filters.department_id) say('department', first(store, store.q.selectFrom('departments').select('name').where('id', '=', filters.department_id))?.name ?? filters.department_id);
  if (filters.location_id) say('location', first(store, store.q.selectFrom('locations').select('name').where('id', '=', filters.location_id))?.name ?? filters.location_id);
  if (filters.custodian_id) {
    // With the check number: two servants may share a name, never a check number.
    const person = first(store, store.q.selectFrom('people').select(['full_name', 'check_number']).where('id', '=', filters.custodian_id));
    say('custodian', !person ? filters.custodian_id : person.check_number ? `${person.full_name} (${person.check_number})` : person.full_name);
  }
  return said;
}

export const devicesRegister = defineRegister<DeviceRow, Filters>({
  key: 'devices',
  title: 'registers.devices.title',
  sheet: 'registers.devices.sheet',
  file: 'registers.devices.file',
  columns,
  printed: ['tag', 'category', 'make', 'model', 'serial', 'status', 'classification', 'custodian', 'department', 'location', 'purchase_date', 'cost', 'media', 'notes'],
  rows: ({ store }, filters) =>
    keysetPages<DeviceRow, Key>(
      (after) => page(store, filters, after),
      (row) => [filters.sort === 'updated_desc' ? row.updated_at : row.tag, row.id],
      PAGE_SIZE,
    ),
  describe,
});
