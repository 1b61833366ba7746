// Migration 0060 (STYLE.md: one test per migration): migrate to 0050, seed rows, migrate, check.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, openStore } from '../../../../db/store/open.ts';
import { tempDir } from '../../../helpers/core.ts';

describe('migration 0060-import', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = `${dir.dir}/daftari.db`;
  });
  afterEach(() => dir.remove());

  it('adds the remembered mappings and keeps the register written under 0050', async () => {
    const before = await openStore(path, { migrateTo: '0050-maintenance' });
    before.store.sqlite.exec(`
      INSERT INTO origins VALUES ('origin-shared', 'shared', 1), ('origin-local', 'local', 1);
      INSERT INTO journal (origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash)
        VALUES ('origin-shared', 1, '2026-11-23T08:00:00.000Z-00000', 'u1', 'categories.created', 'custom-1',
          '{"actor_name":"Asha","can_hold_records":false,"name_en":"Television","name_sw":"Runinga"}', '${'0'.repeat(64)}', '${'c'.repeat(64)}');
      INSERT INTO categories VALUES ('custom-1', 'Runinga', 'Television', 0, 1, '2026-11-23T08:00:00.000Z', '2026-11-23T08:00:00.000Z');
    `);
    closeStore(before.store);

    const { store, applied, backup } = await openStore(path, { migrateTo: '0060-import' });
    expect(applied).toEqual(['0060-import']);
    expect(backup).not.toBeNull();
    expect(store.sqlite.prepare('SELECT type, entity FROM journal').all()).toEqual([{ type: 'categories.created', entity: 'custom-1' }]);
    expect(store.sqlite.prepare('SELECT id, name_sw FROM categories').all()).toEqual([{ id: 'custom-1', name_sw: 'Runinga' }]);
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM import_mappings').get()).toEqual({ n: 0 });
    const insert = store.sqlite.prepare('INSERT INTO import_mappings VALUES (?, ?, ?, ?)');
    insert.run('import-mapping-1', '["Aina"]', '{"category":"Aina"}', '2026-11-23T08:00:00.000Z');
    expect(() => insert.run('import-mapping-2', null, '{}', 't')).toThrow(/NOT NULL/);
    closeStore(store);
  });
});
