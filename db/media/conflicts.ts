// What a merge can break in the removable media register (3.6.7): one medium issued to two different
// servants, each on a different installation while the other's issue was still open. Returning the
// medium from one of them, or voiding the issue that never happened (media.void-issue), clears it.
import type { Conflict, ConflictRule } from '../area.ts';
import { conflictId } from '../sync/conflicts.ts';
import { statement, type Store } from '../store/open.ts';
import { MEDIA_ISSUED_TWICE } from './contract.ts';

function issuedTwice(store: Store): Conflict[] {
  const rows = statement(
    store,
    `SELECT i.asset_id, coalesce(a.tag, '') AS tag, json_group_array(i.id) AS ids, json_group_array(i.person_name) AS holders
       FROM (SELECT asset_id, id, person_id, person_name FROM media_issues WHERE state = 'issued' ORDER BY id) i
       LEFT JOIN assets a ON a.id = i.asset_id
      GROUP BY i.asset_id HAVING count(DISTINCT i.person_id) > 1 ORDER BY i.asset_id`,
  ).all() as { asset_id: string; tag: string; ids: string; holders: string }[];
  return rows.map((row) => {
    const ids = JSON.parse(row.ids) as string[];
    return {
      // The issues are part of the id: a resolution closes this pair, not a later double issue of the medium.
      id: conflictId(MEDIA_ISSUED_TWICE, [row.asset_id, ...ids]),
      kind: MEDIA_ISSUED_TWICE,
      entities: [row.asset_id, ...ids],
      detail: { tag: row.tag, issues: ids, holders: JSON.parse(row.holders) as string[] },
    };
  });
}

export const mediaConflicts: ConflictRule[] = [{ kind: MEDIA_ISSUED_TWICE, detect: issuedTwice }];
