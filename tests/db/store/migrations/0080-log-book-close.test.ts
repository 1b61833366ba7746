// One test per migration (STYLE.md), and a real file written before it: the demo of the release that
// shipped 0070, kept gzipped as a fixture. It must open, migrate, and verify with every row rebuilt.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registry } from '../../../../db/areas.ts';
import { domain } from '../../../../db/domain.ts';
import { verifyStore } from '../../../../db/journal/verify.ts';
import { closeStore, openStore } from '../../../../db/store/open.ts';
import { tempDir } from '../../../helpers/core.ts';

const BEFORE = join(import.meta.dirname, '../../../fixtures/databases/demo-small-seed1-0070.sqlite.gz');
const ZEROS = '0'.repeat(64);

describe('migration 0080-log-book-close', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.dir, 'daftari.db');
  });
  afterEach(() => dir.remove());

  it('keeps the hours of repairs with recorded work, blanks those with none, and gives every row an empty close reason', async () => {
    const before = await openStore(path, { migrateTo: '0070-sync' });
    const row = (id: string, hours: number) =>
      `('${id}', 'a1', 'corrective', NULL, NULL, '1.0', '2026-01-05', 'Juma', 'haiwaki', '', '', '[]', 0, 0, ${hours}, NULL, '', NULL, '', '', '', 0, 'in_progress', '', '', NULL, '', NULL, '[]', 't', 't')`;
    before.store.sqlite.exec(`
      INSERT INTO origins VALUES ('o1', 'shared', 1);
      INSERT INTO journal (origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash)
        VALUES ('o1', 1, '2026-01-05T08:00:00.000Z-00000', 'u1', 'maintenance.work-recorded', 'worked', '{"hours":2.5}', '${ZEROS}', '${'1'.repeat(64)}');
      INSERT INTO maintenance_entries VALUES ${row('worked', 2.5)}, ${row('waiting', 0)};
    `);
    closeStore(before.store);

    const { store, applied } = await openStore(path, { migrateTo: '0080-log-book-close' });
    expect(applied).toEqual(['0080-log-book-close']);
    expect(store.sqlite.prepare('SELECT id, hours, close_reason FROM maintenance_entries ORDER BY id').all()).toEqual([
      { id: 'waiting', hours: null, close_reason: '' },
      { id: 'worked', hours: 2.5, close_reason: '' },
    ]);
    closeStore(store);
  });

  it('opens a file written before it, and verify finds every event and row intact', async () => {
    writeFileSync(path, gunzipSync(readFileSync(BEFORE)));
    const { store, applied } = await openStore(path, { migrations: registry.migrations });
    expect(applied).toContain('0080-log-book-close');
    const result = await verifyStore(store, domain, { migrations: registry.migrations });
    expect(result).toMatchObject({ ok: true });
    const counts = store.sqlite.prepare('SELECT (SELECT count(*) FROM assets) AS assets, (SELECT count(*) FROM maintenance_entries) AS entries').get();
    expect(counts).toEqual({ assets: 60, entries: expect.any(Number) });
    expect((counts as { entries: number }).entries).toBeGreaterThan(0);
    closeStore(store);
  });
});
