// One test per migration (STYLE.md): migrate to the one before, seed rows, migrate, check they survived.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, openStore } from '../../../../db/store/open.ts';
import { tempDir } from '../../../helpers/core.ts';

describe('migration 0040-assets', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = `${dir.dir}/daftari.db`;
  });
  afterEach(() => dir.remove());

  it('adds the equipment register and keeps the people and places written under 0030', async () => {
    const before = await openStore(path, { migrateTo: '0030-people-places' });
    before.store.sqlite.exec(`
      INSERT INTO people VALUES ('p1', 'Neema Kweka', '100234', 'Mhasibu', NULL, 'Wizara ya Maji', '', '', 1, 't', 't');
      INSERT INTO locations VALUES ('l1', 'Ofisi ya TEHAMA', 'Jengo A', 'Dodoma', 1, 't', 't');
    `);
    closeStore(before.store);

    const { store, applied } = await openStore(path, { migrateTo: '0040-assets' });
    expect(applied).toEqual(['0040-assets']);
    expect(store.sqlite.prepare('SELECT id, full_name FROM people').all()).toEqual([{ id: 'p1', full_name: 'Neema Kweka' }]);
    // Search finds a device by its custodian's and its location's names, and follows a rename of either.
    store.sqlite.exec(`
      INSERT INTO assets (id, tag, tag_seq, category, make, model, serial, purchase_date, supplier, cost_tzs, funding_source,
        warranty_end, location_id, department_id, custodian_id, classification, can_hold_records, notes, repair_state,
        open_entry_id, disposal_candidate, status, created_at, updated_at)
      VALUES ('a1', 'MAJI/ICT/2026/00001', 1, 'laptop', 'HP', 'ProBook 450', '5CD2341XYZ', '', '', NULL, '', '', 'l1', NULL, 'p1',
        'internal', 1, '', 'none', NULL, 0, 'in_service', 't', 't');
      INSERT INTO storage_media VALUES ('m1', 'a1', 'ssd', 512, 'S4EV', 'installed', '', '', '', '', NULL, 't', 't');
    `);
    const find = (q: string) =>
      (store.sqlite.prepare('SELECT id FROM assets WHERE rowid IN (SELECT rowid FROM assets_search WHERE assets_search MATCH ?)').all(q) as { id: string }[]).map((r) => r.id);
    expect(find('neema*')).toEqual(['a1']);
    expect(find('tehama*')).toEqual(['a1']);
    expect(find('"5cd23"*')).toEqual(['a1']);
    store.sqlite.exec("UPDATE people SET full_name = 'Neema Mushi' WHERE id = 'p1'");
    expect(find('mushi*')).toEqual(['a1']);
    store.sqlite.exec("UPDATE locations SET name = 'Masjala Kuu' WHERE id = 'l1'");
    expect(find('masjala*')).toEqual(['a1']);
    expect(find('tehama*')).toEqual([]);
    store.sqlite.exec("DELETE FROM assets WHERE id = 'a1'");
    expect(find('hp*')).toEqual([]);
    closeStore(store);
  });
});
