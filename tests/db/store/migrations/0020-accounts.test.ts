// One test per migration (STYLE.md): migrate to the one before, seed rows, migrate, check they survived.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Store } from '../../../../db/store/open.ts';
import { tempDir } from '../../../helpers/core.ts';

function tables(store: Store): string[] {
  return (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

function applied(store: Store): string[] {
  return (store.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
}

describe('migration 0020-accounts', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = `${dir.dir}/daftari.db`;
  });
  afterEach(() => dir.remove());

  it('0020 adds accounts and keeps the journal and origins written under 0010', async () => {
    const before = await openStore(path, { migrateTo: '0010-journal' });
    before.store.sqlite.exec(`
      INSERT INTO origins VALUES ('origin-shared', 'shared', 1), ('origin-local', 'local', 1);
      INSERT INTO journal (origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash)
        VALUES ('origin-shared', 1, '2025-03-03T08:00:00.000Z-00000', 'system', 'institution.configured', 'institution', '{"actor_name":"Daftari"}', '${'0'.repeat(64)}', '${'c'.repeat(64)}');
    `);
    closeStore(before.store);

    const { store, applied: ran } = await openStore(path, { migrateTo: '0020-accounts' });
    expect(ran).toEqual(['0020-accounts']);
    expect(applied(store)).toEqual(['0010-journal', '0020-accounts']);
    expect(tables(store)).toEqual(expect.arrayContaining(['institution', 'security_settings', 'users']));
    expect(tables(store)).not.toContain('people');
    expect(store.sqlite.prepare('SELECT origin, scope FROM origins ORDER BY origin').all()).toEqual([
      { origin: 'origin-local', scope: 'local' },
      { origin: 'origin-shared', scope: 'shared' },
    ]);
    expect(store.sqlite.prepare('SELECT type, hash FROM journal').all()).toEqual([{ type: 'institution.configured', hash: 'c'.repeat(64) }]);
    // Usernames are unique whatever their case.
    const insertUser = store.sqlite.prepare(
      "INSERT INTO users VALUES (?, ?, 'X', '[]', 'h', 0, 't', 1, NULL, NULL, 0, NULL, NULL, 't', 't')",
    );
    insertUser.run('u1', 'asha');
    expect(() => insertUser.run('u2', 'ASHA')).toThrow(/UNIQUE/);
    closeStore(store);
  });
});
