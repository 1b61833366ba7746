// Migration 0110-handovers (STYLE.md: one test per migration): a file written before it gains the
// empty handover tables, keeps every device as it was, and still verifies; down takes them away.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { domain } from '../../../db/domain.ts';
import * as m0110 from '../../../db/handovers/migration.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { closeStore, openStore, type Store } from '../../../db/store/open.ts';
import { tempDir } from '../../helpers/core.ts';

const BEFORE = join(import.meta.dirname, '../../fixtures/databases/demo-small-seed1-0070.sqlite.gz');
const tables = (store: Store) =>
  (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'handover%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);

describe('migration 0110-handovers', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.dir, 'daftari.db');
  });
  afterEach(() => dir.remove());

  it('adds the empty handover tables to a file written before it, which keeps its devices and still verifies', async () => {
    writeFileSync(path, gunzipSync(readFileSync(BEFORE)));
    const before = await openStore(path, { migrateTo: '0105-device-custody', migrations: registry.migrations });
    const devices = before.store.sqlite.prepare('SELECT id, custodian_id, status FROM assets ORDER BY id').all();
    expect(tables(before.store)).toEqual([]);
    closeStore(before.store);

    const { store, applied } = await openStore(path, { migrateTo: '0110-handovers', migrations: registry.migrations });
    expect(applied).toContain('0110-handovers');
    expect(tables(store)).toEqual(['handover_settings', 'handovers']);
    expect(store.sqlite.prepare('SELECT count(*) FROM handovers').pluck().get()).toBe(0);
    expect(store.sqlite.prepare('SELECT id, custodian_id, status FROM assets ORDER BY id').all()).toEqual(devices);
    closeStore(store);

    const latest = await openStore(path, { migrations: registry.migrations });
    expect(await verifyStore(latest.store, domain, { migrations: registry.migrations })).toMatchObject({ ok: true });
    closeStore(latest.store);
  });

  it('is undone by down', async () => {
    const { store } = await openStore(path, { migrateTo: '0110-handovers', migrations: registry.migrations });
    await m0110.down(new Kysely({ dialect: new SqliteDialect({ database: store.sqlite }) }));
    expect(tables(store)).toEqual([]);
    closeStore(store);
  });
});
