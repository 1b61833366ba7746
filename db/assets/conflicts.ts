// What a merge can break in the register of devices, although each installation kept the rule on its
// own: two devices under one tag or one serial, a drive put back on one installation while the device
// left for repair on another (3.6.3), and a device handed to two custodians from the same state (3.6.6).
import type { Conflict, ConflictRule } from '../area.ts';
import { conflictId, groupedRule } from '../sync/conflicts.ts';
import { statement, type Store } from '../store/open.ts';

interface AssetEvent {
  hash: string;
  origin: string;
  type: string;
  payload: string;
}

/** Two custodian changes made from the same state on different installations (3.6.6 custody). */
function custodianDivergence(store: Store): Conflict[] {
  const conflicts: Conflict[] = [];
  const shared = statement(
    store,
    `SELECT entity FROM journal WHERE type IN ('assets.registered', 'assets.updated')
      GROUP BY entity HAVING count(DISTINCT origin) > 1 ORDER BY entity`,
  ).all() as { entity: string }[];
  const eventsOf = statement(
    store,
    `SELECT hash, origin, type, payload FROM journal WHERE entity = ? AND type IN ('assets.registered', 'assets.updated')
      ORDER BY hlc, origin, origin_seq`,
  );
  for (const { entity } of shared) {
    const events = eventsOf.all(entity) as AssetEvent[];
    const byHash = new Map(events.map((e) => [e.hash, { ...e, data: JSON.parse(e.payload) as { custodian_id: string | null; base?: string | null } }]));
    const ancestors = (hash: string): Set<string> => {
      const seen = new Set<string>();
      let cursor = byHash.get(hash)?.data.base ?? null;
      while (cursor && !seen.has(cursor)) {
        seen.add(cursor);
        cursor = byHash.get(cursor)?.data.base ?? null;
      }
      return seen;
    };
    // A change of custodian: an update whose custodian differs from the one in the state it was based on.
    const changes = [...byHash.values()].filter((e) => {
      if (e.type !== 'assets.updated') return false;
      const base = e.data.base ? byHash.get(e.data.base) : undefined;
      return base !== undefined && base.data.custodian_id !== e.data.custodian_id;
    });
    for (let i = 0; i < changes.length; i += 1) {
      for (let j = i + 1; j < changes.length; j += 1) {
        const [a, b] = [changes[i], changes[j]] as [(typeof changes)[number], (typeof changes)[number]];
        if (a.origin === b.origin || a.data.custodian_id === b.data.custodian_id) continue;
        if (ancestors(a.hash).has(b.hash) || ancestors(b.hash).has(a.hash)) continue;
        const pair = [a.hash, b.hash].sort();
        conflicts.push({
          id: conflictId('custodian-diverged', [entity, ...pair]),
          kind: 'custodian-diverged',
          entities: [entity],
          detail: { events: pair, custodians: [a.data.custodian_id ?? '', b.data.custodian_id ?? ''].sort() },
        });
      }
    }
  }
  return conflicts;
}

export const assetConflicts: ConflictRule[] = [
  // The devices are part of the id: a resolution closes this pair, not every later clash over the tag.
  groupedRule(
    'duplicate-tag',
    `SELECT upper(tag) AS key, json_group_array(id) AS ids FROM (SELECT tag, id FROM assets ORDER BY id)
      GROUP BY upper(tag) HAVING count(*) > 1 ORDER BY key`,
    (key, ids) => ({ entities: ids, detail: { tag: key } }),
  ),
  groupedRule(
    'duplicate-serial',
    `SELECT upper(serial) AS key, json_group_array(id) AS ids FROM (SELECT serial, id FROM assets WHERE serial != '' ORDER BY id)
      GROUP BY upper(serial) HAVING count(*) > 1 ORDER BY key`,
    (key, ids) => ({ entities: ids, detail: { serial: key } }),
  ),
  // 3.6.3 after a merge: a drive put back on one installation while the device left on another.
  groupedRule(
    'storage-inside-away',
    `SELECT a.id AS key, json_group_array(m.id) AS ids FROM assets a JOIN storage_media m ON m.asset_id = a.id AND m.state = 'installed'
      WHERE a.repair_state = 'off_site' GROUP BY a.id ORDER BY a.id`,
    (key, ids) => {
      const media = [...ids].sort();
      return { parts: [key, ...media], entities: [key, ...media], detail: { media } };
    },
  ),
  { kind: 'custodian-diverged', detect: custodianDivergence },
];
