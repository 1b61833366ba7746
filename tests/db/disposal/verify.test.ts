// `daftari verify` re-checks every frozen batch: its snapshot must still have the SHA-256 recorded when it
// was submitted, even in a journal whose hashes and links were all recomputed after an edit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, storedEventHash } from '../../../db/journal/hash.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { registry } from '../../../db/areas.ts';
import { snapshotsIntact } from '../../../db/disposal/checks.ts';
import type { JournalRow } from '../../../db/store/schema.ts';
import { openDisposalOffice, submittedBatch, type Batch, type DisposalOffice } from './fixture.ts';

let o: DisposalOffice;
let batch: Batch;
beforeEach(async () => {
  o = await openDisposalOffice();
  batch = await submittedBatch(o);
});
afterEach(() => o.core.close());

/** Rewrites the submission's snapshot, then every hash and link of its origin after it, as a forger would. */
function forge(store: DisposalOffice['store']): void {
  const db = store.sqlite;
  // A forger with the file in hand takes the guards off first.
  db.exec('DROP TRIGGER IF EXISTS journal_no_update; DROP TRIGGER IF EXISTS journal_no_delete;');
  const submitted = db.prepare("SELECT * FROM journal WHERE type = 'disposal.submitted'").get() as JournalRow;
  const payload = JSON.parse(submitted.payload) as { snapshot: { letter_ref: string } };
  payload.snapshot.letter_ref = 'MAJI/KUMB/99';
  db.prepare('UPDATE journal SET payload = ? WHERE seq = ?').run(canonicalJson(payload), submitted.seq);
  let prev = GENESIS_HASH;
  for (const row of db.prepare('SELECT * FROM journal WHERE origin = ? ORDER BY origin_seq').all(submitted.origin) as JournalRow[]) {
    const hash = storedEventHash({ ...row, prev_hash: prev });
    db.prepare('UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
    prev = hash;
  }
  db.prepare('UPDATE disposal_batches SET snapshot = ? WHERE id = ?').run(canonicalJson(payload.snapshot), batch.id);
}

describe('verify and the frozen snapshot', () => {
  it('passes an intact file', async () => {
    expect(snapshotsIntact(o.store)).toEqual([]);
    expect(await verifyStore(o.store, registry.domain, { checks: registry.checks, migrations: registry.migrations })).toMatchObject({ ok: true });
  });

  it('names the batch whose snapshot no longer matches its SHA-256, though every link was recomputed', async () => {
    forge(o.store);
    expect(await verifyStore(o.store, registry.domain, { checks: registry.checks, migrations: registry.migrations })).toEqual({ ok: false, kind: 'row', table: 'disposal_batches', id: batch.id, problem: 'snapshot-altered' });
  });

  it('is what the journal.verify route runs', async () => {
    forge(o.store);
    expect(await o.ok(o.admin, 'journal.verify', {})).toEqual({ ok: false, kind: 'row', table: 'disposal_batches', id: batch.id, problem: 'snapshot-altered' });
  });
});
