// Migration 0170-stocktake (STYLE.md: one test per migration): a file written before it gains the empty
// stocktake tables, whose triggers spread a chunk's rows into the expected devices and take them back
// out, and still verifies; down takes them away again.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import * as m0170 from '../../../db/stocktake/migration.ts';
import { closeStore, openStore, type Store } from '../../../db/store/open.ts';
import { tempDir } from '../../helpers/core.ts';

const BEFORE = join(import.meta.dirname, '../../fixtures/databases/demo-small-seed1-0070.sqlite.gz');
const NAME = '0170-stocktake';
const PREVIOUS = Object.keys(registry.migrations).sort().filter((name) => name < NAME).at(-1) as string;
const tables = (store: Store) =>
  (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'stocktake%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);

describe('migration 0170-stocktake', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.dir, 'daftari.db');
    writeFileSync(path, gunzipSync(readFileSync(BEFORE)));
  });
  afterEach(() => dir.remove());

  it('adds the empty stocktake tables to a file written before it, which still verifies', async () => {
    const before = await openStore(path, { migrateTo: PREVIOUS, migrations: registry.migrations });
    expect(tables(before.store)).toEqual([]);
    closeStore(before.store);
    const { store, applied } = await openStore(path, { migrateTo: NAME, migrations: registry.migrations });
    expect(applied).toContain(NAME);
    expect(tables(store)).toEqual(['stocktake_actions', 'stocktake_chunks', 'stocktake_counts', 'stocktake_expected', 'stocktakes']);
    closeStore(store);
    const latest = await openStore(path, { migrations: registry.migrations });
    expect(await verifyStore(latest.store, registry.domain, { migrations: registry.migrations, checks: registry.checks })).toMatchObject({ ok: true });
    closeStore(latest.store);
  });

  it('spreads a chunk of the snapshot (each row its fields by position) into the expected devices, and gathers them back when the chunk goes', async () => {
    const { store } = await openStore(path, { migrateTo: NAME, migrations: registry.migrations });
    const row = { asset_id: 'a1', tag: 'MAJI/ICT/2026/0001', make: 'Dell', model: 'Latitude', category: 'laptop', serial: 'S1', location_id: null, location_name: '', department_id: 'd1', department_name: 'TEHAMA', custodian_id: null, custodian_name: '', status: 'in_service' };
    store.sqlite.prepare("INSERT INTO stocktake_chunks (id, stocktake_id, chunk, rows, created_at, updated_at) VALUES ('s1/expected/0001', 's1', 1, ?, '', '')").run(JSON.stringify([Object.values(row)]));
    expect(store.sqlite.prepare('SELECT * FROM stocktake_expected').all()).toEqual([{ chunk_id: 's1/expected/0001', stocktake_id: 's1', ...row }]);
    store.sqlite.prepare("DELETE FROM stocktake_chunks WHERE id = 's1/expected/0001'").run();
    expect(store.sqlite.prepare('SELECT count(*) FROM stocktake_expected').pluck().get()).toBe(0);
    closeStore(store);
  });

  it('is undone by down', async () => {
    const { store } = await openStore(path, { migrateTo: NAME, migrations: registry.migrations });
    await m0170.down(new Kysely({ dialect: new SqliteDialect({ database: store.sqlite }) }));
    expect(tables(store)).toEqual([]);
    closeStore(store);
  });
});
