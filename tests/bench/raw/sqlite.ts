// The raw baselines open SQLite with the product store's pragmas (db/store/open.ts, applyPragmas), so a
// ratio compares the work done, never the durability chosen.
import Sqlite from 'better-sqlite3';

export function openRaw(path: string): Sqlite.Database {
  const sqlite = new Sqlite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('trusted_schema = OFF');
  return sqlite;
}

/** The shared chains, in the order a bundle of everything carries them (db/sync/export.ts). */
export function sharedOrigins(sqlite: Sqlite.Database): string[] {
  return (sqlite.prepare("SELECT origin FROM origins WHERE scope = 'shared' ORDER BY origin").pluck().all() as string[]);
}
