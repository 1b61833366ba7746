// `daftari verify` checks every stocktake's frozen snapshot: an expected row edited in the file, or an
// expected event rewritten with every hash and link recomputed after it, no longer gives the SHA-256
// recorded when the stocktake was opened.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { canonicalJson, GENESIS_HASH, storedEventHash } from '../../../db/journal/hash.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import type { JournalRow } from '../../../db/store/schema.ts';
import { snapshotsIntact } from '../../../db/stocktake/checks.ts';
import { openStocktakeOffice, openTwoLocations, type Stocktake, type StocktakeOffice } from './fixture.ts';

let o: StocktakeOffice;
let s: Stocktake;
beforeEach(async () => {
  o = await openStocktakeOffice();
  s = await openTwoLocations(o);
});
afterEach(() => o.core.close());

const verify = () => verifyStore(o.store, registry.domain, { checks: registry.checks, migrations: registry.migrations });

describe('verify and the stocktake snapshot', () => {
  it('passes an intact file', async () => {
    expect(snapshotsIntact(o.store)).toEqual([]);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('names the stocktake whose expected row was changed in the file', async () => {
    o.store.sqlite.prepare('UPDATE stocktake_expected SET location_name = ? WHERE stocktake_id = ? AND tag = ?').run('Ofisi ya Mkuu', s.id, 'MAJI/ICT/2026/0001');
    expect(await verify()).toEqual({ ok: false, kind: 'row', table: 'stocktake_expected', id: s.id, problem: 'snapshot-altered' });
  });

  it('names the stocktake whose expected row was deleted from the file', async () => {
    o.store.sqlite.prepare('DELETE FROM stocktake_expected WHERE stocktake_id = ? AND tag = ?').run(s.id, 'MAJI/ICT/2026/0005');
    expect(await o.ok(o.admin, 'journal.verify', {})).toEqual({ ok: false, kind: 'row', table: 'stocktake_expected', id: s.id, problem: 'snapshot-altered' });
  });

  it('names the stocktake whose expected event was rewritten, though every link was recomputed', async () => {
    const db = o.store.sqlite;
    db.exec('DROP TRIGGER IF EXISTS journal_no_update; DROP TRIGGER IF EXISTS journal_no_delete;');
    const chunk = db.prepare("SELECT * FROM journal WHERE type = 'stocktake.expected'").get() as JournalRow;
    const payload = JSON.parse(chunk.payload) as { rows: { custodian_name: string }[] };
    (payload.rows[0] as { custodian_name: string }).custodian_name = 'Mtu Mwingine';
    db.prepare('UPDATE journal SET payload = ? WHERE seq = ?').run(canonicalJson(payload), chunk.seq);
    let prev = GENESIS_HASH;
    for (const row of db.prepare('SELECT * FROM journal WHERE origin = ? ORDER BY origin_seq').all(chunk.origin) as JournalRow[]) {
      const hash = storedEventHash({ ...row, prev_hash: prev });
      db.prepare('UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
      prev = hash;
    }
    expect(snapshotsIntact(o.store)).toEqual([{ table: 'stocktake_expected', id: s.id, problem: 'snapshot-altered' }]);
  });
});
