// Reading the register: the list (search-as-you-type, filters, keyset paging that stays fast at
// 50,000 devices), one device with its media, categories and the tag format.
import { sql, type SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import { type AssetListInput, BUILTIN_CATEGORIES, RECORD_HOLDING_CATEGORIES } from './contract.ts';

import { decodeCursor, encodeCursor, ftsQuery, type Page } from '../core/paging.ts';
import { isHit, planSearch, type Search, type SearchPlan } from '../core/search.ts';
import type { Language, Translate } from '../contract/catalogues/index.ts';
import { all, first, statement, type Store } from '../store/open.ts';
import type { AssetRow, CategoryRow, Database, StorageMediumRow } from '../store/schema.ts';
import { ASSET_SETTINGS_ID } from './events.ts';
import { DEFAULT_TAG_FORMAT } from './reducer.ts';

export interface CategoryView {
  id: string;
  /** Built-in categories are named by the catalogues (`categories.<id>`); custom ones carry names. */
  builtin: boolean;
  name_sw: string;
  name_en: string;
  can_hold_records: boolean;
  active: boolean;
}

export function listCategories(store: Store): CategoryView[] {
  const builtins: CategoryView[] = BUILTIN_CATEGORIES.map((id) => ({
    id,
    builtin: true,
    name_sw: '',
    name_en: '',
    can_hold_records: RECORD_HOLDING_CATEGORIES.includes(id),
    active: true,
  }));
  const custom = all(store, store.q.selectFrom('categories').selectAll().orderBy('name_sw')).map((row: CategoryRow) => ({
    id: row.id,
    builtin: false,
    name_sw: row.name_sw,
    name_en: row.name_en,
    can_hold_records: row.can_hold_records === 1,
    active: row.active === 1,
  }));
  return [...builtins, ...custom];
}

export function findCategory(store: Store, id: string): CategoryView | undefined {
  return listCategories(store).find((c) => c.id === id);
}

export function tagFormat(store: Store): string {
  return first(store, store.q.selectFrom('asset_settings').select('tag_format').where('id', '=', ASSET_SETTINGS_ID))?.tag_format ?? DEFAULT_TAG_FORMAT;
}

export function nextTagSeq(store: Store): number {
  const row = statement(store, 'SELECT max(tag_seq) AS seq FROM assets').get() as { seq: number | null };
  return (row.seq ?? 0) + 1;
}

export function findAssetByTag(store: Store, tag: string): AssetRow | undefined {
  return statement(store, 'SELECT * FROM assets WHERE tag = ? COLLATE NOCASE LIMIT 1').get(tag) as AssetRow | undefined;
}

export function findAssetBySerial(store: Store, serial: string): AssetRow | undefined {
  return statement(store, 'SELECT * FROM assets WHERE serial = ? COLLATE NOCASE LIMIT 1').get(serial) as AssetRow | undefined;
}

export function findAssetRow(store: Store, id: string): AssetRow | undefined {
  return first(store, store.q.selectFrom('assets').selectAll().where('id', '=', id));
}

export interface AssetListItem {
  id: string;
  tag: string;
  category: string;
  make: string;
  model: string;
  serial: string;
  status: string;
  classification: string;
  can_hold_records: boolean;
  custodian_id: string | null;
  custodian_name: string | null;
  location_name: string | null;
  department_name: string | null;
  updated_at: string;
}

export interface AssetView extends Omit<AssetRow, 'can_hold_records' | 'disposal_candidate'> {
  can_hold_records: boolean;
  disposal_candidate: boolean;
  custodian_name: string | null;
  location_name: string | null;
  department_name: string | null;
  media: StorageMediumRow[];
}

function listBase(store: Store) {
  return store.q
    .selectFrom('assets')
    .leftJoin('people', 'people.id', 'assets.custodian_id')
    .leftJoin('locations', 'locations.id', 'assets.location_id')
    .leftJoin('departments', 'departments.id', 'assets.department_id');
}

type FilterKey = Exclude<keyof z.output<typeof AssetListInput>, 'search' | 'sort' | 'after' | 'limit'>;
/** The filters besides the search, each kept to one value of the devices' own column. */
const FILTERS = ['category', 'status', 'department_id', 'location_id', 'custodian_id', 'classification'] as const satisfies readonly (FilterKey & keyof AssetRow)[];
// A filter the contract gains and this list lacks would be left out of the page and of its total: the build says so.
type _EveryFilter<Missing extends never = Exclude<FilterKey, (typeof FILTERS)[number]>> = Missing;

/** The filters a list asks for: with none, a search's total is its count in the index alone. */
function filtersOf(input: z.output<typeof AssetListInput>): [(typeof FILTERS)[number], string][] {
  return FILTERS.flatMap((column) => {
    const value = input[column];
    return value ? [[column, value] as [(typeof FILTERS)[number], string]] : [];
  });
}

function filtered<Q extends SelectQueryBuilder<Database, 'assets', object>>(query: Q, input: z.output<typeof AssetListInput>, search: Search | null): Q {
  let q = query;
  if (search) q = q.where(isHit('assets', search)) as Q;
  for (const [column, value] of filtersOf(input)) q = q.where(`assets.${column}`, '=', value) as Q;
  return q;
}

/**
 * A page of the register. A search runs by the plan its number of hits calls for (db/core/search.ts);
 * either plan gives the same rows in the same order, with the same cursors. A caller may name the plan
 * (the tests compare the two).
 */
export function listAssets(
  store: Store,
  input: z.output<typeof AssetListInput>,
  options: { plan?: SearchPlan } = {},
): Page<AssetListItem> & { total: number | null } {
  // Only the first page counts: later pages keep the total the window already has.
  const counting = !input.after;
  const match = ftsQuery(input.search);
  const search = match ? planSearch(store, 'assets', match, { counted: counting && filtersOf(input).length === 0, plan: options.plan }) : null;
  // Counted on the devices alone: every filter is on their own columns, and the joins only cost time.
  // A search alone is counted in its index (planSearch); with filters, the plan that suits the hits
  // counts too: a common term walks the filter's index and probes the hits, a rare one looks up each hit.
  const total = !counting
    ? null
    : (search?.hits ?? first(store, filtered(store.q.selectFrom('assets'), input, search).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0);
  let query = filtered(listBase(store), input, search);

  const byTag = input.sort !== 'updated_desc';
  const key = byTag ? sql`assets.tag COLLATE NOCASE` : sql`assets.updated_at`;
  const descending = input.sort !== 'tag_asc';
  if (input.after) {
    const [value, id] = decodeCursor(input.after);
    // The collation goes on the bound value: SQLite then seeks the (tag NOCASE, id) index to the page.
    const bound = byTag ? sql`${value} COLLATE NOCASE` : sql`${value}`;
    const column = byTag ? sql`assets.tag` : sql`assets.updated_at`;
    query = descending
      ? query.where(sql<boolean>`(${column}, assets.id) < (${bound}, ${id})`)
      : query.where(sql<boolean>`(${column}, assets.id) > (${bound}, ${id})`);
  }
  const direction = descending ? sql`DESC` : sql`ASC`;
  const rows = all(
    store,
    query
      .select([
        'assets.id',
        'assets.tag',
        'assets.category',
        'assets.make',
        'assets.model',
        'assets.serial',
        'assets.status',
        'assets.classification',
        'assets.can_hold_records',
        'assets.custodian_id',
        'assets.updated_at',
        'people.full_name as custodian_name',
        'locations.name as location_name',
        'departments.name as department_name',
      ])
      .orderBy(sql`${key} ${direction}`)
      .orderBy(sql`assets.id ${direction}`)
      .limit(input.limit + 1),
  );
  const items = rows.slice(0, input.limit).map((row) => ({ ...row, can_hold_records: row.can_hold_records === 1 }));
  const last = items[items.length - 1];
  const next = rows.length > input.limit && last ? encodeCursor(byTag ? last.tag : last.updated_at, last.id) : null;
  return { items, next, total };
}

export function mediaOf(store: Store, assetId: string): StorageMediumRow[] {
  // In the order they were recorded: rows are written in fold order, so rowid follows it.
  return all(store, store.q.selectFrom('storage_media').selectAll().where('asset_id', '=', assetId).orderBy('created_at').orderBy(sql`rowid`));
}

export function findMedium(store: Store, id: string): StorageMediumRow | undefined {
  return first(store, store.q.selectFrom('storage_media').selectAll().where('id', '=', id));
}

export function findAsset(store: Store, id: string): AssetView | undefined {
  const row = first(
    store,
    listBase(store)
      .selectAll('assets')
      .select(['people.full_name as custodian_name', 'locations.name as location_name', 'departments.name as department_name'])
      .where('assets.id', '=', id),
  );
  if (!row) return undefined;
  return { ...row, can_hold_records: row.can_hold_records === 1, disposal_candidate: row.disposal_candidate === 1, media: mediaOf(store, id) };
}


/** Names categories as a form prints them: built-in ones by the catalogue, an institution's own by
 * the name it gave in that language. */
export function categoryNamer(store: Store, t: Translate, language: Language): (id: string) => string {
  const byId = new Map(listCategories(store).map((c) => [c.id, c]));
  return (id) => {
    const category = byId.get(id);
    if (!category) return id;
    if (category.builtin) return t(`categories.${id}`);
    return (language === 'sw' ? category.name_sw : category.name_en) || category.name_sw || category.name_en;
  };
}
