import { ImportMapping } from '../contract/import-schemas.ts';
import { first, type Store } from '../store/open.ts';

/** The mapping last committed for this set of headings, if any. */
export function rememberedMapping(store: Store, key: string): ImportMapping | undefined {
  const row = first(store, store.q.selectFrom('import_mappings').select('mapping').where('id', '=', key));
  if (!row) return undefined;
  const parsed = ImportMapping.safeParse(JSON.parse(row.mapping));
  return parsed.success ? parsed.data : undefined;
}
