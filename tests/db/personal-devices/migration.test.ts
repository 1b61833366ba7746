// Migration 0130-personal-devices (STYLE.md: one test per migration): a file written before it gains
// the empty register of personal devices, still verifies intact, and down takes the table away again.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { domain } from '../../../db/domain.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import * as m0130 from '../../../db/personal-devices/migration.ts';
import { closeStore, openStore, type Store } from '../../../db/store/open.ts';
import { tempDir } from '../../helpers/core.ts';

const BEFORE = join(import.meta.dirname, '../../fixtures/databases/demo-small-seed1-0070.sqlite.gz');
const tables = (store: Store) => (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);

describe('migration 0130-personal-devices', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.dir, 'daftari.db');
  });
  afterEach(() => dir.remove());

  it('adds the empty register to a file written before it, which still verifies', async () => {
    writeFileSync(path, gunzipSync(readFileSync(BEFORE)));
    const before = await openStore(path, { migrations: registry.migrations, migrateTo: '0105-device-custody' });
    expect(tables(before.store)).not.toContain('personal_devices');
    const assets = before.store.sqlite.prepare('SELECT id, status FROM assets ORDER BY id').all();
    closeStore(before.store);

    const { store, applied } = await openStore(path, { migrations: registry.migrations, migrateTo: '0130-personal-devices' });
    expect(applied).toContain('0130-personal-devices');
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM personal_devices').get()).toEqual({ n: 0 });
    const columns = (store.sqlite.prepare('PRAGMA table_info(personal_devices)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['owner_id', 'serial', 'scope', 'state', 'prepared_by', 'expires_on', 'revoke_reason', 'renewals']));
    expect(store.sqlite.prepare('SELECT id, status FROM assets ORDER BY id').all()).toEqual(assets);
    closeStore(store);

    const latest = await openStore(path, { migrations: registry.migrations });
    expect(await verifyStore(latest.store, domain, { migrations: registry.migrations })).toMatchObject({ ok: true });
    closeStore(latest.store);
  });

  it('is undone by down', async () => {
    const { store } = await openStore(path, { migrations: registry.migrations, migrateTo: '0130-personal-devices' });
    await m0130.down(new Kysely({ dialect: new SqliteDialect({ database: store.sqlite }) }));
    expect(tables(store)).not.toContain('personal_devices');
    closeStore(store);
  });
});
