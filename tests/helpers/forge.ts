// A careful forger, for the tests of witnesses (issue 12): with the file in hand, they change what an
// event says, recompute every later hash and link of its origin, and rebuild the rows from the events,
// so that `verify` alone finds nothing. Only something outside the file can catch it.
import Sqlite from 'better-sqlite3';
import { registry } from '../../db/areas.ts';
import { canonicalJson, GENESIS_HASH, storedEventHash } from '../../db/journal/hash.ts';
import { refoldEntities } from '../../db/journal/refold.ts';
import { compileOnly, type Store } from '../../db/store/open.ts';
import type { JournalRow } from '../../db/store/schema.ts';

/** Rewrites the payload of the first event of `type` whose payload `matches`, then re-hashes and re-folds. */
export function forgeEvent(path: string, type: string, matches: (payload: Record<string, unknown>) => boolean, change: (payload: Record<string, unknown>) => void): void {
  const sqlite = new Sqlite(path);
  try {
    // The guards come off first: they stop mistakes, not someone who holds the file.
    sqlite.exec('DROP TRIGGER IF EXISTS journal_no_update; DROP TRIGGER IF EXISTS journal_no_delete;');
    const rows = sqlite.prepare('SELECT * FROM journal WHERE type = ? ORDER BY seq').all(type) as JournalRow[];
    const target = rows.find((row) => matches(JSON.parse(row.payload) as Record<string, unknown>));
    if (!target) throw new Error(`no ${type} event to forge`);
    const payload = JSON.parse(target.payload) as Record<string, unknown>;
    change(payload);
    sqlite.transaction(() => {
      sqlite.prepare('UPDATE journal SET payload = ? WHERE seq = ?').run(canonicalJson(payload), target.seq);
      let prev = GENESIS_HASH;
      for (const row of sqlite.prepare('SELECT * FROM journal WHERE origin = ? ORDER BY origin_seq').all(target.origin) as JournalRow[]) {
        const hash = storedEventHash({ ...row, prev_hash: prev });
        sqlite.prepare('UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
        prev = hash;
      }
      const store: Store = { sqlite, q: compileOnly(), path, statements: new Map(), migrations: registry.migrations };
      refoldEntities(store, registry.domain, [target.entity]);
    })();
  } finally {
    sqlite.close();
  }
}
