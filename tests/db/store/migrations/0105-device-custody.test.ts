// Migration 0105 (STYLE.md: one test per migration): a file written before it keeps every device and
// its status, gains three empty custody columns, and still verifies intact; down takes them away again.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveStatus } from '../../../../db/assets/reducer.ts';
import { registry } from '../../../../db/areas.ts';
import { domain } from '../../../../db/domain.ts';
import { verifyStore } from '../../../../db/journal/verify.ts';
import * as m0105 from '../../../../db/store/migrations/0105-device-custody.ts';
import { closeStore, openStore, type Store } from '../../../../db/store/open.ts';
import { tempDir } from '../../../helpers/core.ts';

const BEFORE = join(import.meta.dirname, '../../../fixtures/databases/demo-small-seed1-0070.sqlite.gz');
const columns = (store: Store) => (store.sqlite.prepare('PRAGMA table_info(assets)').all() as { name: string }[]).map((c) => c.name);

describe('migration 0105-device-custody', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.dir, 'daftari.db');
  });
  afterEach(() => dir.remove());

  it('adds the custody columns empty to a file written before it, which still verifies with every status unchanged', async () => {
    writeFileSync(path, gunzipSync(readFileSync(BEFORE)));
    const before = await openStore(path, { migrateTo: '0100-device-search-prefixes' });
    const statuses = before.store.sqlite.prepare('SELECT id, status FROM assets ORDER BY id').all();
    expect(columns(before.store)).not.toContain('off_premises_id');
    closeStore(before.store);

    const { store, applied } = await openStore(path, { migrateTo: '0105-device-custody' });
    expect(applied).toEqual(['0105-device-custody']);
    expect(columns(store)).toEqual(expect.arrayContaining(['off_premises_id', 'transferred_to', 'lost_report_id']));
    expect(store.sqlite.prepare('SELECT count(*) FROM assets WHERE off_premises_id IS NOT NULL OR transferred_to IS NOT NULL OR lost_report_id IS NOT NULL').pluck().get()).toBe(0);
    expect(store.sqlite.prepare('SELECT id, status FROM assets ORDER BY id').all()).toEqual(statuses);
    closeStore(store);

    const latest = await openStore(path, { migrations: registry.migrations });
    expect(await verifyStore(latest.store, domain, { migrations: registry.migrations })).toMatchObject({ ok: true });
    closeStore(latest.store);
  });

  it('is undone by down', async () => {
    const { store } = await openStore(path, { migrateTo: '0105-device-custody' });
    await m0105.down(new Kysely({ dialect: new SqliteDialect({ database: store.sqlite }) }));
    expect(columns(store)).not.toContain('transferred_to');
    closeStore(store);
  });
});

describe('a device status read from its custody', () => {
  const base = { disposal_candidate: 0, repair_state: 'none', custodian_id: 'p1', off_premises_id: null, transferred_to: null, lost_report_id: null };
  it('names the fact that most limits what may be done with the device', () => {
    expect(deriveStatus(base)).toBe('in_service');
    expect(deriveStatus({ ...base, custodian_id: null })).toBe('in_store');
    expect(deriveStatus({ ...base, off_premises_id: 'm1' })).toBe('off_premises');
    expect(deriveStatus({ ...base, off_premises_id: 'm1', repair_state: 'in_house' })).toBe('under_repair');
    expect(deriveStatus({ ...base, lost_report_id: 'l1', disposal_candidate: 1 })).toBe('lost');
    expect(deriveStatus({ ...base, transferred_to: 'Wizara ya Afya', lost_report_id: 'l1' })).toBe('transferred');
  });
});
