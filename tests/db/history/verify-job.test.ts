// `journal.verify` runs as a long job under the window's key (issue 9): it finishes under that key,
// and a stop that came before it started keeps it from running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, okValue, snapshotRows } from '../../helpers/core.ts';
import { openImportWorld, type ImportWorld } from '../../helpers/import-files.ts';

let w: ImportWorld;

beforeAll(async () => {
  w = await openImportWorld();
});
afterAll(() => w.core.close());

describe('the check of the whole log book as a job', () => {
  it('is followed under the window’s key and finishes there', async () => {
    const job = 'verify-job-00001';
    expect(okValue(await w.call('journal.verify', { job }))).toMatchObject({ ok: true });
    expect(okValue(await w.call('jobs.progress', { job }))?.phase).toBe('finished');
  });

  it('does not run when its stop came first, refusing `cancelled`', async () => {
    const before = snapshotRows(w.t.store);
    const job = 'verify-job-00002';
    okValue(await w.call('jobs.cancel', { job }));
    expectRefused(await w.call('journal.verify', { job }), 'cancelled');
    expect(snapshotRows(w.t.store)).toEqual(before);
  });

  it('still runs without a key, as the command line calls it', async () => {
    expect(okValue(await w.call('journal.verify'))).toMatchObject({ ok: true });
  });
});
