// The full-text search indexes beside the projections (`<table>_search`, FTS5, fed by triggers). They are
// not projections, but verify checks them, and a merge must leave them as the final rows would.
import { statement, type Store } from '../store/open.ts';

export interface SearchIndex {
  name: string;
  /** The projection whose rows it indexes, by rowid: `<table>_search` indexes `<table>`. */
  owner: string;
  /** External content (FTS5 `content = 'table'`) rather than contentless (`content = ''`). */
  external: boolean;
}

export function searchIndexes(store: Store): SearchIndex[] {
  const rows = statement(store, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' ORDER BY name").all() as {
    name: string;
    sql: string;
  }[];
  return rows
    .filter((r) => r.name.endsWith('_search'))
    .map((r) => ({ name: r.name, owner: r.name.slice(0, -'_search'.length), external: !/content\s*=\s*''/.test(r.sql) }));
}

/**
 * Indexes every row again from the rows as they stand. A contentless index looks up names in other
 * tables (a device's custodian and location) when its triggers run; a refold deletes and inserts rows,
 * which those triggers do not follow, so after a merge the index could keep a name the records no
 * longer hold. An update of every owner row runs the triggers again; an external-content index rebuilds
 * from its table.
 */
export function refreshSearchIndexes(store: Store): void {
  for (const index of searchIndexes(store)) {
    if (index.external) statement(store, `INSERT INTO ${index.name} (${index.name}) VALUES ('rebuild')`).run();
    else statement(store, `UPDATE ${index.owner} SET id = id`).run();
  }
}
