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

/**
 * After a merge folded `touched` entities: index again only the rows a contentless index may have
 * written from names not folded yet — its owner's rows that were folded, and those whose `…_id`
 * columns point at a folded entity (a device whose custodian arrived in the same bundle). An
 * external-content index follows its own table's inserts, updates and deletes by its triggers, and a
 * fold writes each row with exactly those, so it is already right. Costs what the merge touched, not
 * the size of the register.
 */
export function refreshSearchIndexesFor(store: Store, touched: Iterable<string>): void {
  const contentless = searchIndexes(store).filter((index) => !index.external);
  if (contentless.length === 0) return;
  store.sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS refresh_touched (entity TEXT PRIMARY KEY) WITHOUT ROWID');
  try {
    const add = statement(store, 'INSERT OR IGNORE INTO temp.refresh_touched (entity) VALUES (?)');
    for (const entity of touched) add.run(entity);
    for (const index of contentless) {
      const pointers = (statement(store, `SELECT name FROM pragma_table_info('${index.owner}') WHERE name LIKE '%\\_id' ESCAPE '\\'`).all() as { name: string }[]).map((c) => c.name);
      const where = ['id', ...pointers].map((column) => `${column} IN (SELECT entity FROM temp.refresh_touched)`).join(' OR ');
      statement(store, `UPDATE ${index.owner} SET id = id WHERE ${where}`).run();
    }
  } finally {
    store.sqlite.exec('DELETE FROM temp.refresh_touched');
  }
}
