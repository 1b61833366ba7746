// A period's log book in print is a long job (issue 9): it tells the window the entries drawn of the
// period's count, then the pages numbered, and stops when asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, okValue, snapshotRows } from '../../helpers/core.ts';
import { busyLogBook, following, midway, stopping, BUSY_DAY } from '../../helpers/jobs.ts';
import type { ImportWorld } from '../../helpers/import-files.ts';

const ENTRIES = 600;
let w: ImportWorld;

beforeAll(async () => {
  w = await busyLogBook(ENTRIES);
}, 180_000);
afterAll(() => w.core.close());

describe('a period of the log book printed for the window', () => {
  it('tells the entries drawn of the period’s count, then the pages numbered', async () => {
    const job = 'period-print-001';
    const { result, samples, last } = await following(w, job, w.call('documents.log-book-period', { from: BUSY_DAY, to: BUSY_DAY, language: 'sw', job }));
    expect(okValue(result).mime).toBe('application/pdf');
    const writing = midway(samples, 'writing');
    expect(writing.length).toBeGreaterThan(1);
    for (const sample of writing) expect(sample.total).toBe(ENTRIES);
    expect(samples.some((sample) => sample?.phase === 'finishing' && sample.total > 1)).toBe(true);
    expect(last?.phase).toBe('finished');
  });

  it('stops when asked, refusing `cancelled`, with nothing written', async () => {
    const before = snapshotRows(w.t.store);
    const job = 'period-print-002';
    const { result, stoppedAt } = await stopping(w, job, w.call('documents.log-book-period', { from: BUSY_DAY, to: BUSY_DAY, language: 'en', job }), (p) => p.phase === 'writing' && p.done > 0);
    expect(stoppedAt?.done).toBeLessThan(ENTRIES);
    expectRefused(result, 'cancelled');
    expect(snapshotRows(w.t.store)).toEqual(before);
  });
});
