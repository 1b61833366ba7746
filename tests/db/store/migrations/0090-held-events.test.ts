// Migration 0090 (STYLE.md: one test per migration): migrate to 0080, seed rows, migrate, check.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, openStore } from '../../../../db/store/open.ts';
import { tempDir } from '../../../helpers/core.ts';

describe('migration 0090-held-events', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = `${dir.dir}/daftari.db`;
  });
  afterEach(() => dir.remove());

  it('adds the list of held events, empty, and keeps the journal written under 0080', async () => {
    const before = await openStore(path, { migrateTo: '0080-log-book-close' });
    before.store.sqlite.exec(`
      INSERT INTO origins VALUES ('origin-shared', 'shared', 1), ('origin-local', 'local', 1);
      INSERT INTO journal (origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash)
        VALUES ('origin-shared', 1, '2026-11-23T08:00:00.000Z-00000', 'u1', 'departments.created', 'd-1',
          '{"actor_name":"Asha","code":"UH","name":"Uhasibu"}', '${'0'.repeat(64)}', '${'c'.repeat(64)}');
    `);
    closeStore(before.store);

    const { store, applied } = await openStore(path, { migrateTo: '0090-held-events' });
    expect(applied).toEqual(['0090-held-events']);
    expect(store.sqlite.prepare('SELECT type, entity FROM journal').all()).toEqual([{ type: 'departments.created', entity: 'd-1' }]);
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM journal_held').get()).toEqual({ n: 0 });
    // A held mark names an event the journal holds.
    store.sqlite.pragma('foreign_keys = ON');
    store.sqlite.prepare('INSERT INTO journal_held (seq) VALUES (1)').run();
    expect(() => store.sqlite.prepare('INSERT INTO journal_held (seq) VALUES (99)').run()).toThrow(/FOREIGN KEY/);
    closeStore(store);
  });
});
