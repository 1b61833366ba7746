// Migration 0140-media (STYLE.md: one test per migration): a file written before it gains the empty
// removable media register (issues, wipes, incidents), still verifies intact, and down takes the tables away again.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { domain } from '../../../db/domain.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import * as m0140 from '../../../db/media/migration.ts';
import { closeStore, openStore, type Store } from '../../../db/store/open.ts';
import { tempDir } from '../../helpers/core.ts';

const BEFORE = join(import.meta.dirname, '../../fixtures/databases/demo-small-seed1-0070.sqlite.gz');
const tables = (store: Store) => (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);

describe('migration 0140-media', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.dir, 'daftari.db');
  });
  afterEach(() => dir.remove());

  it('adds the empty media register to a file written before it, which still verifies', async () => {
    writeFileSync(path, gunzipSync(readFileSync(BEFORE)));
    const before = await openStore(path, { migrations: registry.migrations, migrateTo: '0130-personal-devices' });
    expect(tables(before.store)).not.toContain('media_issues');
    const assets = before.store.sqlite.prepare('SELECT id, status FROM assets ORDER BY id').all();
    closeStore(before.store);

    const { store, applied } = await openStore(path, { migrations: registry.migrations, migrateTo: '0140-media' });
    expect(applied).toContain('0140-media');
    for (const table of ['media_issues', 'media_wipes', 'media_incidents']) expect(store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    const columns = (table: string) => (store.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns('media_issues')).toEqual(expect.arrayContaining(['asset_id', 'person_id', 'purpose', 'acknowledged', 'state', 'returned_on']));
    expect(columns('media_wipes')).toEqual(expect.arrayContaining(['wiped_on', 'method', 'wiped_by', 'witness']));
    expect(columns('media_incidents')).toEqual(expect.arrayContaining(['kind', 'reported_on', 'holder_id', 'state', 'found_on']));
    expect(store.sqlite.prepare('SELECT id, status FROM assets ORDER BY id').all()).toEqual(assets);
    closeStore(store);

    const latest = await openStore(path, { migrations: registry.migrations });
    expect(await verifyStore(latest.store, domain, { migrations: registry.migrations })).toMatchObject({ ok: true });
    closeStore(latest.store);
  });

  it('is undone by down', async () => {
    const { store } = await openStore(path, { migrations: registry.migrations, migrateTo: '0140-media' });
    await m0140.down(new Kysely({ dialect: new SqliteDialect({ database: store.sqlite }) }));
    expect(tables(store)).not.toEqual(expect.arrayContaining(['media_issues']));
    expect(tables(store)).not.toContain('media_wipes');
    expect(tables(store)).not.toContain('media_incidents');
    closeStore(store);
  });
});
