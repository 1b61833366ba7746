// Cross-entity rules a merge can break although every command kept them on its own installation.
// The list is a pure function of the journal and the projections, computed when asked for, so
// installations holding the same events show the same conflicts, and an ordinary fix (retagging a
// device) clears one at once. A resolution is a shared event naming the conflict it closes.
import { createHash } from 'node:crypto';
import { statement, type Store } from '../store/open.ts';

export interface Conflict {
  id: string;
  kind: 'duplicate-tag' | 'duplicate-serial' | 'two-open-repairs' | 'storage-inside-away' | 'custodian-diverged';
  entities: string[];
  detail: Record<string, string | string[]>;
}

function conflictId(kind: string, parts: string[]): string {
  return `${kind}:${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 24)}`;
}

function grouped(store: Store, sql: string): { key: string; ids: string }[] {
  return statement(store, sql).all() as { key: string; ids: string }[];
}

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

export function detectConflicts(store: Store): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const row of grouped(
    store,
    `SELECT upper(tag) AS key, json_group_array(id) AS ids FROM (SELECT tag, id FROM assets ORDER BY id)
      GROUP BY upper(tag) HAVING count(*) > 1 ORDER BY key`,
  )) {
    // The devices are part of the id: a resolution closes this pair, not every later clash over the tag.
    const ids = JSON.parse(row.ids) as string[];
    conflicts.push({ id: conflictId('duplicate-tag', [row.key, ...ids]), kind: 'duplicate-tag', entities: ids, detail: { tag: row.key } });
  }
  for (const row of grouped(
    store,
    `SELECT upper(serial) AS key, json_group_array(id) AS ids FROM (SELECT serial, id FROM assets WHERE serial != '' ORDER BY id)
      GROUP BY upper(serial) HAVING count(*) > 1 ORDER BY key`,
  )) {
    const ids = JSON.parse(row.ids) as string[];
    conflicts.push({ id: conflictId('duplicate-serial', [row.key, ...ids]), kind: 'duplicate-serial', entities: ids, detail: { serial: row.key } });
  }
  for (const row of grouped(
    store,
    `SELECT asset_id AS key, json_group_array(id) AS ids FROM (SELECT asset_id, id FROM maintenance_entries WHERE state != 'closed' ORDER BY id)
      GROUP BY asset_id HAVING count(*) > 1 ORDER BY key`,
  )) {
    const ids = JSON.parse(row.ids) as string[];
    conflicts.push({ id: conflictId('two-open-repairs', [row.key, ...ids]), kind: 'two-open-repairs', entities: [row.key, ...ids], detail: { entries: ids } });
  }
  // 3.6.3 after a merge: a medium put back on one installation while the device left on another.
  for (const row of grouped(
    store,
    `SELECT a.id AS key, json_group_array(m.id) AS ids FROM assets a JOIN storage_media m ON m.asset_id = a.id AND m.state = 'installed'
      WHERE a.repair_state = 'off_site' GROUP BY a.id ORDER BY a.id`,
  )) {
    const media = JSON.parse(row.ids) as string[];
    conflicts.push({ id: conflictId('storage-inside-away', [row.key, ...media.sort()]), kind: 'storage-inside-away', entities: [row.key, ...media], detail: { media } });
  }
  conflicts.push(...custodianDivergence(store));
  return conflicts.sort((a, b) => a.id.localeCompare(b.id));
}

/** The conflicts no resolution has closed. */
export function openConflicts(store: Store): Conflict[] {
  const resolved = new Set((statement(store, 'SELECT id FROM conflict_resolutions').all() as { id: string }[]).map((r) => r.id));
  return detectConflicts(store).filter((conflict) => !resolved.has(conflict.id));
}
