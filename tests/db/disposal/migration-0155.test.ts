// Migration 0155-device-batches (STYLE.md: one test per migration): every device gains the list of the
// batches holding it, filled from the one batch its row names; the file still verifies; down takes it away.
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import * as m0155 from '../../../db/disposal/migration-0155.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { closeStore, openStore } from '../../../db/store/open.ts';
import { openDisposalOffice, submittedBatch, type DisposalOffice } from './fixture.ts';

describe('migration 0155-device-batches', () => {
  let o: DisposalOffice;
  beforeEach(async () => {
    o = await openDisposalOffice();
  });
  afterEach(() => o.core.close());

  it('fills each device’s batches from the batch its row names, and the file verifies as before', async () => {
    const batch = await submittedBatch(o);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: o.store.sqlite }) });
    await m0155.down(db);
    expect((o.store.sqlite.prepare('PRAGMA table_info(assets)').all() as { name: string }[]).map((c) => c.name)).not.toContain('disposal_batches');
    await m0155.up(db);
    const rows = o.store.sqlite.prepare('SELECT disposal_batch_id, disposal_batches FROM assets WHERE disposal_batch_id IS NOT NULL').all() as { disposal_batch_id: string; disposal_batches: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(JSON.parse(row.disposal_batches)).toEqual([batch.id]);
    expect(o.store.sqlite.prepare('SELECT count(*) AS n FROM assets WHERE disposal_batch_id IS NULL AND disposal_batches IS NOT NULL').get()).toEqual({ n: 0 });
    o.store.statements.clear();
    expect(await verifyStore(o.store, registry.domain, { checks: registry.checks, migrations: registry.migrations })).toMatchObject({ ok: true });
  });

  it('is run by a fresh open, in its place among the areas’ migrations', async () => {
    const { store, applied } = await openStore(':memory:', { migrations: registry.migrations });
    expect(applied).toContain('0155-device-batches');
    expect(applied.indexOf('0155-device-batches')).toBe(applied.indexOf('0150-disposal') + 1);
    closeStore(store);
  });
});
