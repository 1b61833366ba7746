// One test per migration (STYLE.md): migrate to the one before, seed rows, migrate, check they survived.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Store } from '../../../../db/store/open.ts';
import { tempDir } from '../../../helpers/core.ts';

function tables(store: Store): string[] {
  return (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('migration 0010-journal', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = `${dir.dir}/daftari.db`;
  });
  afterEach(() => dir.remove());

  it('0010 creates the journal, its guards, its refs and the origins on an empty file', async () => {
    const { store, applied: ran, backup } = await openStore(path, { migrateTo: '0010-journal' });
    expect(ran).toEqual(['0010-journal']);
    expect(backup).toBeNull();
    expect(tables(store)).toEqual(expect.arrayContaining(['journal', 'journal_refs', 'origins', 'journal_no_update', 'journal_no_delete']));
    expect(tables(store)).not.toContain('users');
    store.sqlite
      .prepare("INSERT INTO journal (origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash) VALUES ('o', 1, 'h', 'a', 't', 'e', '{}', ?, ?)")
      .run('0'.repeat(64), 'a'.repeat(64));
    expect(() =>
      store.sqlite
        .prepare("INSERT INTO journal (origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash) VALUES ('o', 1, 'h', 'a', 't', 'e', '{}', ?, ?)")
        .run('0'.repeat(64), 'b'.repeat(64)),
    ).toThrow(/UNIQUE/);
    expect(() => store.sqlite.prepare("INSERT INTO origins VALUES ('x', 'elsewhere', 0)").run()).toThrow(/CHECK/);
    closeStore(store);
  });
});
