// What the printed forms read beyond the areas' own queries: the whole period of the institution's log
// book in the book's order, and the category names as a form prints them.
import { listCategories } from '../assets/queries.ts';
import type { Language, Translate } from '../contract/catalogues/index.ts';
import { toEntryView, type EntryView } from '../maintenance/queries.ts';
import { all, type Store } from '../store/open.ts';

export interface PeriodEntry extends EntryView {
  asset_category: string;
}

/** Every entry reported from `from` to `to` (both included), oldest first, whatever its device. */
export function entriesReportedBetween(store: Store, from: string, to: string): PeriodEntry[] {
  const rows = all(
    store,
    store.q
      .selectFrom('maintenance_entries')
      .leftJoin('assets', 'assets.id', 'maintenance_entries.asset_id')
      .selectAll('maintenance_entries')
      .select(['assets.tag as asset_tag', 'assets.make as asset_make', 'assets.model as asset_model', 'assets.category as asset_category'])
      .where('maintenance_entries.reported_on', '>=', from)
      .where('maintenance_entries.reported_on', '<=', to)
      .orderBy('maintenance_entries.reported_on')
      .orderBy('assets.tag')
      .orderBy('maintenance_entries.created_at'),
  );
  return rows.map(({ asset_category, ...row }) => ({ ...toEntryView(row), asset_category: asset_category ?? '' }));
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
