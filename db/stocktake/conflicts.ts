// What a merge can break in a stocktake: one device counted in two different locations of one stocktake,
// by two installations (or two counters each unaware of the other's count). On one installation a second
// scan says "already counted" and writes nothing; two counts standing in two places were made apart.
// The detail carries what the sentence names (the tag, the stocktake, the places and who counted), and
// the stocktake's state: once closed no count can be taken back, and its findings rest on the first.
import type { Conflict, ConflictRule } from '../area.ts';
import { conflictId } from '../sync/conflicts.ts';
import { statement, type Store } from '../store/open.ts';
import { COUNTED_IN_TWO_PLACES } from './contract.ts';

interface Counted {
  stocktake_id: string;
  name: string;
  asset_id: string;
  tag: string;
  id: string;
  location_name: string;
  counted_by_name: string;
  counted_at: string;
  state: string;
}

function countedInTwoPlaces(store: Store): Conflict[] {
  const rows = statement(
    store,
    `SELECT c.stocktake_id, COALESCE(s.name, '') AS name, c.asset_id, c.tag, c.id, c.location_name, c.counted_by_name, c.counted_at,
        COALESCE(s.state, '') AS state
      FROM stocktake_counts c LEFT JOIN stocktakes s ON s.id = c.stocktake_id
      WHERE c.undone = 0 AND (c.stocktake_id, c.asset_id) IN (
        SELECT stocktake_id, asset_id FROM stocktake_counts WHERE undone = 0 AND asset_id IS NOT NULL
          GROUP BY stocktake_id, asset_id HAVING count(DISTINCT location_id) > 1)
      ORDER BY c.stocktake_id, c.asset_id, c.id`,
  ).all() as Counted[];
  const groups = new Map<string, Counted[]>();
  for (const row of rows) {
    const key = `${row.stocktake_id}/${row.asset_id}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((counts) => {
    const first = counts[0] as Counted;
    const ids = counts.map((c) => c.id);
    // The count the findings keep (queries.ts resultOf): the first made, ties by id.
    const kept = [...counts].sort((a, b) => (a.counted_at === b.counted_at ? (a.id < b.id ? -1 : 1) : a.counted_at < b.counted_at ? -1 : 1))[0] as Counted;
    return {
      id: conflictId(COUNTED_IN_TWO_PLACES, [first.stocktake_id, first.asset_id, ...ids]),
      kind: COUNTED_IN_TWO_PLACES,
      entities: [first.stocktake_id, first.asset_id, ...ids],
      detail: {
        stocktake: first.name,
        tag: first.tag,
        places: counts.map((c) => c.location_name),
        counters: counts.map((c) => c.counted_by_name),
        state: first.state,
        kept: kept.location_name,
      },
    };
  });
}

export const stocktakeConflicts: ConflictRule[] = [{ kind: COUNTED_IN_TWO_PLACES, detect: countedInTwoPlaces }];
