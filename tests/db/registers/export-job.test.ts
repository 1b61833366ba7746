// A register's export is a long job (issue 9): it tells the window the rows written (of the count,
// when the register can count them beforehand), and stops when asked without handing anything over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, okValue, snapshotRows } from '../../helpers/core.ts';
import { busyLogBook, following, midway, stopping, BUSY_DAY } from '../../helpers/jobs.ts';
import type { ImportWorld } from '../../helpers/import-files.ts';

const ENTRIES = 1200;
let w: ImportWorld;

beforeAll(async () => {
  w = await busyLogBook(ENTRIES);
}, 180_000);
afterAll(() => w.core.close());

describe('a register export followed by the window', () => {
  it('tells the log book’s entries written of their count', async () => {
    const job = 'export-logbook-1';
    const { result, samples, last } = await following(w, job, w.call('registers.export', { register: 'log-book', format: 'xlsx', language: 'sw', filters: { from: BUSY_DAY }, job }));
    expect(okValue(result).rows).toBe(ENTRIES);
    const writing = midway(samples, 'writing');
    expect(writing.length).toBeGreaterThan(0);
    for (const sample of writing) expect(sample.total).toBe(ENTRIES);
    expect(last).toEqual({ phase: 'finished', done: ENTRIES, total: ENTRIES });
  });

  it('counts the devices written when the register cannot count them beforehand', async () => {
    const job = 'export-devices-1';
    const { result, samples } = await following(w, job, w.call('registers.export', { register: 'devices', format: 'csv', language: 'en', job }));
    expect(okValue(result).rows).toBe(ENTRIES);
    const writing = midway(samples, 'writing');
    expect(writing.length).toBeGreaterThan(0);
    for (const sample of writing) expect(sample.total).toBe(0);
  });

  it('prints the log book as a PDF under the same job, telling the entries drawn of their count', async () => {
    const job = 'export-logbook-pdf';
    const { result, samples, last } = await following(w, job, w.call('registers.export', { register: 'log-book', format: 'pdf', language: 'sw', filters: { from: BUSY_DAY }, job }));
    const printed = okValue(result);
    expect(printed.rows).toBe(ENTRIES);
    expect(printed.mime).toBe('application/pdf');
    expect(Buffer.from(printed.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const writing = midway(samples, 'writing');
    expect(writing.length).toBeGreaterThan(0);
    for (const sample of writing) expect(sample.total).toBe(ENTRIES);
    expect(last).toEqual({ phase: 'finished', done: ENTRIES, total: ENTRIES });
  });

  it('stops a PDF when asked, refusing `cancelled`, with nothing handed over', async () => {
    const job = 'export-logbook-pdf-2';
    const { result, stoppedAt } = await stopping(w, job, w.call('registers.export', { register: 'log-book', format: 'pdf', language: 'en', job }), (p) => p.phase === 'writing' && p.done > 0);
    expect(stoppedAt?.done).toBeLessThan(ENTRIES);
    expectRefused(result, 'cancelled');
  });

  it('stops when asked, refusing `cancelled`, with nothing written', async () => {
    const before = snapshotRows(w.t.store);
    const job = 'export-logbook-2';
    const { result, stoppedAt } = await stopping(w, job, w.call('registers.export', { register: 'log-book', format: 'xlsx', language: 'en', job }), (p) => p.phase === 'writing' && p.done > 0);
    expect(stoppedAt?.done).toBeLessThan(ENTRIES);
    expectRefused(result, 'cancelled');
    expect(snapshotRows(w.t.store)).toEqual(before);
  });
});
