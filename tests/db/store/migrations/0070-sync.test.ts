// One test per migration (STYLE.md): migrate to the one before, seed rows, migrate, check they survived.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, openStore } from '../../../../db/store/open.ts';
import { tempDir } from '../../../helpers/core.ts';

describe('migration 0070-sync', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = `${dir.dir}/daftari.db`;
  });
  afterEach(() => dir.remove());

  it('adds peers, conflicts, resolutions and transfers, and keeps the journal and its refs written before', async () => {
    const before = await openStore(path, { migrateTo: '0060-import' });
    before.store.sqlite.exec(`
      INSERT INTO origins VALUES ('o1', 'shared', 1);
      INSERT INTO journal (origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash)
        VALUES ('o1', 1, '2026-11-23T08:00:00.000Z-00000', 'u1', 'storage.added', 'm1', '{"asset_id":"a1"}', '${'0'.repeat(64)}', '${'1'.repeat(64)}');
      INSERT INTO journal_refs VALUES (1, 'a1');
    `);
    closeStore(before.store);

    const { store, applied } = await openStore(path, { migrateTo: '0070-sync' });
    expect(applied).toEqual(['0070-sync']);
    expect(store.sqlite.prepare('SELECT origin, origin_seq, entity FROM journal').all()).toEqual([{ origin: 'o1', origin_seq: 1, entity: 'm1' }]);
    expect(store.sqlite.prepare('SELECT entity FROM journal_refs WHERE seq = 1').all()).toEqual([{ entity: 'a1' }]);
    for (const table of ['peers', 'conflict_resolutions', 'bundle_transfers']) {
      expect(store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    closeStore(store);
  });
});
