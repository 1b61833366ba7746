import { z } from 'zod';
import { ImportMapping, ValueChoice } from './contract.ts';
import { first, type Store } from '../store/open.ts';

/** What a commit remembers for a set of headings: the mapping, the heading row if the user chose it, the answers for values. */
export interface Remembered {
  mapping: ImportMapping;
  header_row?: number | undefined;
  values: ValueChoice[];
}

// Mappings remembered before the heading row and the answers were kept are the mapping alone.
const Stored = z.union([
  z.object({ columns: ImportMapping, header_row: z.number().int().optional(), values: z.array(ValueChoice).default([]) }),
  ImportMapping.transform((mapping) => ({ columns: mapping, header_row: undefined, values: [] as ValueChoice[] })),
]);

/** What was last committed for this set of headings, if anything. */
export function remembered(store: Store, key: string): Remembered | undefined {
  const row = first(store, store.q.selectFrom('import_mappings').select('mapping').where('id', '=', key));
  if (!row) return undefined;
  const parsed = Stored.safeParse(JSON.parse(row.mapping));
  return parsed.success ? { mapping: parsed.data.columns, header_row: parsed.data.header_row, values: parsed.data.values } : undefined;
}

/** The mapping last committed for this set of headings, if any. */
export function rememberedMapping(store: Store, key: string): ImportMapping | undefined {
  return remembered(store, key)?.mapping;
}
