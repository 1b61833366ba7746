// What a merge can break in the log book: one device with two repairs open at once, each opened on a
// different installation while the other's was still open.
import { groupedRule } from '../sync/conflicts.ts';

export const maintenanceConflicts = [
  groupedRule(
    'two-open-repairs',
    `SELECT asset_id AS key, json_group_array(id) AS ids FROM (SELECT asset_id, id FROM maintenance_entries WHERE state != 'closed' ORDER BY id)
      GROUP BY asset_id HAVING count(*) > 1 ORDER BY key`,
    (key, ids) => ({ entities: [key, ...ids], detail: { entries: ids } }),
  ),
];
