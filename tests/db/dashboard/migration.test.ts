// Migration 0180-dashboard (STYLE.md: one test per migration): a file written before it gains the
// dashboard's indexes, its rows unchanged, and the dashboard's figures read through them; down takes them away.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import * as m0180 from '../../../db/dashboard/migration.ts';
import { closeStore, openStore, type Store } from '../../../db/store/open.ts';
import { tempDir } from '../../helpers/core.ts';

const BEFORE = join(import.meta.dirname, '../../fixtures/databases/demo-small-seed1-0070.sqlite.gz');
const INDEXES = ['dashboard_category', 'dashboard_closed', 'dashboard_offsite', 'dashboard_out', 'dashboard_purchase', 'dashboard_reported'];
const indexes = (store: Store) =>
  (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'dashboard_%' ORDER BY name").all() as { name: string }[]).map((i) => i.name);
const plan = (store: Store, sql: string, ...params: unknown[]) =>
  (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((step) => step.detail).join('; ');

describe('migration 0180-dashboard', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.dir, 'daftari.db');
    writeFileSync(path, gunzipSync(readFileSync(BEFORE)));
  });
  afterEach(() => dir.remove());

  it('adds the indexes the figures read through to a file written before it, changing no row', async () => {
    const before = await openStore(path, { migrations: registry.migrations, migrateTo: '0170-stocktake' });
    expect(indexes(before.store)).toEqual([]);
    const assets = before.store.sqlite.prepare('SELECT * FROM assets ORDER BY id').all();
    const entries = before.store.sqlite.prepare('SELECT * FROM maintenance_entries ORDER BY id').all();
    closeStore(before.store);

    const { store, applied } = await openStore(path, { migrations: registry.migrations, migrateTo: '0180-dashboard' });
    expect(applied).toEqual(['0180-dashboard']);
    expect(indexes(store)).toEqual(INDEXES);
    expect(store.sqlite.prepare('SELECT * FROM assets ORDER BY id').all()).toEqual(assets);
    expect(store.sqlite.prepare('SELECT * FROM maintenance_entries ORDER BY id').all()).toEqual(entries);
    // Cost per month reads only the index, not the log book's rows; devices by category likewise.
    expect(plan(store, 'SELECT substr(closed_on, 1, 7) AS key, sum(parts_cost_tzs + labour_cost_tzs) FROM maintenance_entries WHERE closed_on >= ? AND closed_on <= ? GROUP BY key', '2025-01-01', '2025-12-31')).toContain(
      'COVERING INDEX dashboard_closed',
    );
    expect(plan(store, "SELECT category, count(*) FROM assets WHERE status NOT IN ('disposed', 'transferred') GROUP BY category")).toContain('COVERING INDEX dashboard_category');
    closeStore(store);
  });

  it('is undone by down', async () => {
    const { store } = await openStore(path, { migrations: registry.migrations, migrateTo: '0180-dashboard' });
    await m0180.down(new Kysely({ dialect: new SqliteDialect({ database: store.sqlite }) }));
    expect(indexes(store)).toEqual([]);
    closeStore(store);
  });
});
