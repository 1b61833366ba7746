// Migration 0100 (STYLE.md: one test per migration): migrate to 0090, seed devices, migrate, check.
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as m0100 from '../../../../db/store/migrations/0100-device-search-prefixes.ts';
import { closeStore, openStore, type Store } from '../../../../db/store/open.ts';
import { tempDir } from '../../../helpers/core.ts';

/** Every word the device search holds, where: the index's content, whatever its prefix indexes. */
function indexed(store: Store): unknown[] {
  store.sqlite.exec("CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, assets_search, 'instance')");
  try {
    return store.sqlite.prepare('SELECT term, doc, col, offset FROM temp.words ORDER BY term, doc, col, offset').all();
  } finally {
    store.sqlite.exec('DROP TABLE temp.words');
  }
}

function definition(store: Store): string {
  return store.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'assets_search'").pluck().get() as string;
}

const find = (store: Store, q: string) =>
  store.sqlite.prepare('SELECT id FROM assets WHERE rowid IN (SELECT rowid FROM assets_search WHERE assets_search MATCH ?) ORDER BY id').pluck().all(q);

describe('migration 0100-device-search-prefixes', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = `${dir.dir}/daftari.db`;
  });
  afterEach(() => dir.remove());

  it('indexes the first letter of every word, holding the words the devices under 0090 were found by', async () => {
    const before = await openStore(path, { migrateTo: '0090-held-events' });
    before.store.sqlite.exec(`
      INSERT INTO people VALUES ('p1', 'Neema Kweka', '100234', 'Mhasibu', NULL, 'Wizara ya Maji', '', '', 1, 't', 't');
      INSERT INTO locations VALUES ('l1', 'Ofisi ya TEHAMA', 'Jengo A', 'Dodoma', 1, 't', 't');
    `);
    const device = before.store.sqlite.prepare(`INSERT INTO assets (id, tag, tag_seq, category, make, model, serial, purchase_date, supplier, cost_tzs,
        funding_source, warranty_end, location_id, department_id, custodian_id, classification, can_hold_records, notes, repair_state,
        open_entry_id, disposal_candidate, status, created_at, updated_at)
      VALUES (?, ?, ?, 'laptop', ?, ?, ?, '', '', NULL, '', '', ?, NULL, ?, 'internal', 1, '', 'none', NULL, 0, 'in_service', 't', 't')`);
    device.run('a1', 'MAJI/ICT/2026/00001', 1, 'HP', 'ProBook 450', '5CD2341XYZ', 'l1', 'p1');
    device.run('a2', 'MAJI/ICT/2026/00002', 2, 'Dell', 'Latitude 5440', 'DL5-99', null, null);
    device.run('a3', 'MAJI/ICT/2026/00003', 3, 'Hewlett', 'Elite', 'HE-1', null, 'p1');
    // A device changed and one taken out: the index holds what the triggers left.
    before.store.sqlite.exec("UPDATE assets SET model = 'ProBook 460' WHERE id = 'a1'; DELETE FROM assets WHERE id = 'a3'");
    const words = indexed(before.store);
    expect(definition(before.store)).not.toMatch(/prefix/);
    closeStore(before.store);

    const { store, applied } = await openStore(path, { migrateTo: '0100-device-search-prefixes' });
    expect(applied).toEqual(['0100-device-search-prefixes']);
    expect(definition(store)).toMatch(/prefix = '1'/);
    expect(indexed(store)).toEqual(words);
    expect(find(store, '"h"*')).toEqual(['a1']);
    expect(find(store, '"5cd"*')).toEqual(['a1']);
    expect(find(store, '"ne"*')).toEqual(['a1']);
    expect(find(store, '"0000"*')).toEqual(['a1', 'a2']);
    expect(find(store, '"460"*')).toEqual(['a1']);
    expect(find(store, '"450"*')).toEqual([]);

    // 0040's triggers feed the index made again: a new device, a renamed custodian, a device taken out.
    store.sqlite.exec(`INSERT INTO assets (id, tag, tag_seq, category, make, model, serial, purchase_date, supplier, cost_tzs, funding_source,
        warranty_end, location_id, department_id, custodian_id, classification, can_hold_records, notes, repair_state, open_entry_id,
        disposal_candidate, status, created_at, updated_at)
      VALUES ('a4', 'MAJI/ICT/2026/00004', 4, 'laptop', 'Lenovo', 'ThinkPad', 'PF3', '', '', NULL, '', '', 'l1', NULL, NULL, 'internal', 1, '',
        'none', NULL, 0, 'in_store', 't', 't')`);
    expect(find(store, '"le"*')).toEqual(['a4']);
    expect(find(store, '"teh"*')).toEqual(['a1', 'a4']);
    store.sqlite.exec("UPDATE people SET full_name = 'Neema Mushi' WHERE id = 'p1'");
    expect(find(store, '"mu"*')).toEqual(['a1']);
    expect(find(store, '"kw"*')).toEqual([]);
    store.sqlite.exec("DELETE FROM assets WHERE id = 'a1'");
    expect(find(store, '"h"*')).toEqual([]);
    closeStore(store);
  });

  it('goes back to the index 0040 made, with the same words', async () => {
    const { store } = await openStore(path, { migrateTo: '0100-device-search-prefixes' });
    store.sqlite.exec(`
      INSERT INTO assets (id, tag, tag_seq, category, make, model, serial, purchase_date, supplier, cost_tzs, funding_source, warranty_end,
        location_id, department_id, custodian_id, classification, can_hold_records, notes, repair_state, open_entry_id, disposal_candidate,
        status, created_at, updated_at)
      VALUES ('a1', 'MAJI/ICT/2026/00001', 1, 'laptop', 'HP', 'ProBook 450', '5CD2341XYZ', '', '', NULL, '', '', NULL, NULL, NULL, 'internal',
        1, '', 'none', NULL, 0, 'in_store', 't', 't');
    `);
    const words = indexed(store);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: store.sqlite }) });
    await m0100.down(db);
    expect(definition(store)).not.toMatch(/prefix/);
    expect(indexed(store)).toEqual(words);
    expect(find(store, '"5cd"*')).toEqual(['a1']);
    closeStore(store);
  });
});
