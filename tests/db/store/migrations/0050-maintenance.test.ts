// One test per migration (STYLE.md): migrate to the one before, seed rows, migrate, check they survived.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, openStore } from '../../../../db/store/open.ts';
import { tempDir } from '../../../helpers/core.ts';

describe('migration 0050-maintenance', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = `${dir.dir}/daftari.db`;
  });
  afterEach(() => dir.remove());

  it('adds the log book, procedures, plans, providers and attachments, and keeps the register written under 0040', async () => {
    const before = await openStore(path, { migrateTo: '0040-assets' });
    before.store.sqlite.exec(`
      INSERT INTO assets (id, tag, tag_seq, category, make, model, serial, purchase_date, supplier, cost_tzs, funding_source,
        warranty_end, location_id, department_id, custodian_id, classification, can_hold_records, notes, repair_state,
        open_entry_id, disposal_candidate, status, created_at, updated_at)
      VALUES ('a1', 'MAJI/ICT/2026/00001', 1, 'laptop', 'HP', 'ProBook 450', 'X1', '', '', 2450000, '', '', NULL, NULL, NULL,
        'internal', 1, '', 'none', NULL, 0, 'in_store', 't', 't');
    `);
    closeStore(before.store);

    const { store, applied } = await openStore(path, { migrateTo: '0050-maintenance' });
    expect(applied).toEqual(['0050-maintenance']);
    expect(store.sqlite.prepare('SELECT id, tag, cost_tzs FROM assets').all()).toEqual([{ id: 'a1', tag: 'MAJI/ICT/2026/00001', cost_tzs: 2450000 }]);
    const tables = (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['maintenance_entries', 'procedures', 'maintenance_plans', 'providers', 'attachments']));
    // An attachment is stored once by its hash, and a hash of the wrong length is refused.
    const insert = store.sqlite.prepare('INSERT INTO attachments VALUES (?, ?, ?, ?, ?, ?)');
    insert.run('a'.repeat(64), 'kadi-ya-kazi.pdf', 'application/pdf', 4, Buffer.from('%PDF'), 't');
    expect(() => insert.run('a'.repeat(64), 'tena.pdf', 'application/pdf', 4, Buffer.from('%PDF'), 't')).toThrow();
    expect(() => insert.run('abc', 'fupi.pdf', 'application/pdf', 4, Buffer.from('%PDF'), 't')).toThrow();
    closeStore(store);
  });
});
