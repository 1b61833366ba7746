// Migration 0150-disposal (STYLE.md: one test per migration): a file written before it gains the empty
// disposal tables and two empty columns on every device, keeps every status, and still verifies; down
// takes them away again.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { deriveStatus } from '../../../db/assets/reducer.ts';
import * as m0150 from '../../../db/disposal/migration.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { closeStore, openStore, type Store } from '../../../db/store/open.ts';
import { tempDir } from '../../helpers/core.ts';

const BEFORE = join(import.meta.dirname, '../../fixtures/databases/demo-small-seed1-0070.sqlite.gz');
const NAME = '0150-disposal';
/** The migration run just before this one, whichever area brought it. */
const PREVIOUS = Object.keys(registry.migrations).sort().filter((name) => name < NAME).at(-1) as string;
const tables = (store: Store) =>
  (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'disposal%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
const columns = (store: Store) => (store.sqlite.prepare('PRAGMA table_info(assets)').all() as { name: string }[]).map((c) => c.name);

describe('migration 0150-disposal', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.dir, 'daftari.db');
  });
  afterEach(() => dir.remove());

  it('adds the empty disposal tables and device columns to a file written before it, which keeps every status and still verifies', async () => {
    writeFileSync(path, gunzipSync(readFileSync(BEFORE)));
    const before = await openStore(path, { migrateTo: PREVIOUS, migrations: registry.migrations });
    const statuses = before.store.sqlite.prepare('SELECT id, status FROM assets ORDER BY id').all();
    expect(tables(before.store)).toEqual([]);
    expect(columns(before.store)).not.toContain('disposal_batch_id');
    closeStore(before.store);

    const { store, applied } = await openStore(path, { migrateTo: NAME, migrations: registry.migrations });
    expect(applied).toContain(NAME);
    expect(tables(store)).toEqual(['disposal_batches', 'disposal_proposals', 'disposal_settings']);
    expect(columns(store)).toEqual(expect.arrayContaining(['disposal_batch_id', 'disposed_on']));
    expect(store.sqlite.prepare('SELECT count(*) FROM assets WHERE disposal_batch_id IS NOT NULL OR disposed_on IS NOT NULL').pluck().get()).toBe(0);
    expect(store.sqlite.prepare('SELECT id, status FROM assets ORDER BY id').all()).toEqual(statuses);
    closeStore(store);

    const latest = await openStore(path, { migrations: registry.migrations });
    expect(await verifyStore(latest.store, registry.domain, { migrations: registry.migrations, checks: registry.checks })).toMatchObject({ ok: true });
    closeStore(latest.store);
  });

  it('is undone by down', async () => {
    const { store } = await openStore(path, { migrateTo: NAME, migrations: registry.migrations });
    await m0150.down(new Kysely({ dialect: new SqliteDialect({ database: store.sqlite }) }));
    expect(tables(store)).toEqual([]);
    expect(columns(store)).not.toContain('disposed_on');
    closeStore(store);
  });
});

describe('a device status read from disposal', () => {
  const base = { disposal_candidate: 1, repair_state: 'none', custodian_id: null, off_premises_id: null, transferred_to: null, lost_report_id: null, disposal_batch_id: null, disposed_on: null };
  it('says disposed before anything else, and in a batch right after lost', () => {
    expect(deriveStatus(base)).toBe('awaiting_disposal');
    expect(deriveStatus({ ...base, disposal_batch_id: 'b1' })).toBe('in_disposal');
    expect(deriveStatus({ ...base, disposal_batch_id: 'b1', lost_report_id: 'l1' })).toBe('lost');
    expect(deriveStatus({ ...base, disposal_batch_id: 'b1', disposed_on: '2026-11-24', transferred_to: 'Wizara ya Afya' })).toBe('disposed');
  });
});
