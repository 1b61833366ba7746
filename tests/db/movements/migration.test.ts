// Migration 0120-movements (STYLE.md: one test per migration): a file written before it gains the empty
// table of off-premises requests, still verifies intact, and down takes the table away again.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { domain } from '../../../db/domain.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { movementsMigration } from '../../../db/movements/migration.ts';
import { closeStore, openStore, type Store } from '../../../db/store/open.ts';
import { tempDir } from '../../helpers/core.ts';

const BEFORE = join(import.meta.dirname, '../../fixtures/databases/demo-small-seed1-0070.sqlite.gz');
const tables = (store: Store) => (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);

describe('migration 0120-movements', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.dir, 'daftari.db');
  });
  afterEach(() => dir.remove());

  it('adds the empty table of requests to a file written before it, which still verifies', async () => {
    writeFileSync(path, gunzipSync(readFileSync(BEFORE)));
    const before = await openStore(path, { migrations: registry.migrations, migrateTo: '0105-device-custody' });
    expect(tables(before.store)).not.toContain('movements');
    const assets = before.store.sqlite.prepare('SELECT id, status, off_premises_id FROM assets ORDER BY id').all();
    closeStore(before.store);

    const { store, applied } = await openStore(path, { migrations: registry.migrations, migrateTo: '0120-movements' });
    expect(applied).toContain('0120-movements');
    expect(tables(store)).toContain('movements');
    expect(store.sqlite.prepare('SELECT count(*) FROM movements').pluck().get()).toBe(0);
    const columns = (store.sqlite.prepare('PRAGMA table_info(movements)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['permit_no', 'holder_id', 'devices', 'due_on', 'state', 'verification_code', 'out_on', 'returned_on']));
    expect(store.sqlite.prepare('SELECT id, status, off_premises_id FROM assets ORDER BY id').all()).toEqual(assets);
    closeStore(store);

    const latest = await openStore(path, { migrations: registry.migrations });
    expect(await verifyStore(latest.store, domain, { migrations: registry.migrations })).toMatchObject({ ok: true });
    closeStore(latest.store);
  });

  it('is undone by down', async () => {
    const { store } = await openStore(path, { migrations: registry.migrations, migrateTo: '0120-movements' });
    expect(tables(store)).toContain('movements');
    await movementsMigration.down?.(new Kysely({ dialect: new SqliteDialect({ database: store.sqlite }) }));
    expect(tables(store)).not.toContain('movements');
    closeStore(store);
  });
});
