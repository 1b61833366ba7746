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

describe('migration 0030-people-places', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = `${dir.dir}/daftari.db`;
  });
  afterEach(() => dir.remove());

  it('0030 adds people, departments, locations and search, and keeps the accounts written under 0020', async () => {
    const before = await openStore(path, { migrateTo: '0020-accounts' });
    before.store.sqlite.exec(`
      INSERT INTO institution VALUES ('institution', 'Wizara ya Fedha', 'WF', 'S.L.P. 2802', 'Katibu Mkuu', 'Waziri', 't0', 't0');
      INSERT INTO security_settings VALUES ('security', 60, 't0');
      INSERT INTO users VALUES ('u1', 'asha', 'Asha Mrisho', '["admin"]', 'scrypt$10$8$1$x$y', 0, 't0', 1, NULL, NULL, 2, NULL, 't1', 't0', 't1');
    `);
    closeStore(before.store);

    const { store, applied: ran } = await openStore(path, { migrateTo: '0030-people-places' });
    expect(ran).toEqual(['0030-people-places']);
    expect(applied(store)).toEqual(['0010-journal', '0020-accounts', '0030-people-places']);
    expect(tables(store)).toEqual(expect.arrayContaining(['people', 'departments', 'locations', 'people_search']));
    expect(store.sqlite.prepare('SELECT * FROM institution').all()).toEqual([
      {
        id: 'institution',
        name: 'Wizara ya Fedha',
        code: 'WF',
        postal_address: 'S.L.P. 2802',
        accounting_officer_title: 'Katibu Mkuu',
        head_title: 'Waziri',
        configured_at: 't0',
        updated_at: 't0',
      },
    ]);
    expect(store.sqlite.prepare('SELECT password_max_age_days FROM security_settings').get()).toEqual({ password_max_age_days: 60 });
    expect(store.sqlite.prepare('SELECT id, username, failed_attempts, last_sign_in_at FROM users').all()).toEqual([
      { id: 'u1', username: 'asha', failed_attempts: 2, last_sign_in_at: 't1' },
    ]);
    // The search index follows inserts, updates and deletes of people.
    store.sqlite.exec(`
      INSERT INTO people VALUES ('p1', 'Zuhura Said', '100234', '', NULL, 'WF', '', '', 1, 't', 't');
      INSERT INTO people VALUES ('p2', 'Hamisi Juma', '100235', '', NULL, 'WF', '', '', 1, 't', 't');
    `);
    const find = (q: string) =>
      (store.sqlite.prepare('SELECT id FROM people WHERE rowid IN (SELECT rowid FROM people_search WHERE people_search MATCH ?) ORDER BY id').all(q) as { id: string }[]).map(
        (r) => r.id,
      );
    expect(find('zuh*')).toEqual(['p1']);
    expect(find('"10023"*')).toEqual(['p1', 'p2']);
    store.sqlite.exec("UPDATE people SET full_name = 'Zawadi Said' WHERE id = 'p1'");
    expect(find('zuh*')).toEqual([]);
    expect(find('zaw*')).toEqual(['p1']);
    store.sqlite.exec("DELETE FROM people WHERE id = 'p1'");
    expect(find('zaw*')).toEqual([]);
    closeStore(store);
  });
});
