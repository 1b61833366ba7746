// A register's import is a long job (issue 9): the preview, the commit and the rows in error each tell
// the window how far they are, and stop when asked, leaving the records exactly as they were.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectRefused, okValue, snapshotRows } from '../../helpers/core.ts';
import { fileOf, openImportWorld, type ImportWorld } from '../../helpers/import-files.ts';
import { following, midway, stopping } from '../../helpers/jobs.ts';
import { officeRegister, type OfficeRegister } from '../../fixtures/import/registers.ts';

const DEVICES = 600;

let register: OfficeRegister;
let w: ImportWorld;

beforeAll(async () => {
  register = await officeRegister(DEVICES);
});

beforeEach(async () => {
  w = await openImportWorld();
});

afterEach(() => w.core.close());

const file = () => fileOf('Rejista ya Vifaa.xlsx', register.bytes);

async function mappingOf(): Promise<Record<string, string>> {
  return okValue(await w.call('import.preview', { file: file() })).mapping;
}

describe('a register import followed by the window', () => {
  it('tells the rows checked of the file’s count while previewing', async () => {
    const job = 'preview-00000001';
    const { result, samples, last } = await following(w, job, w.call('import.preview', { file: file(), job }));
    expect(okValue(result).rows.total).toBe(DEVICES);
    expect(samples.some((sample) => sample?.phase === 'reading')).toBe(true);
    const checking = midway(samples, 'checking');
    // Polls were answered while the rows were checked, not only before and after.
    expect(checking.length).toBeGreaterThan(1);
    for (const sample of checking) expect(sample.total).toBe(DEVICES);
    const done = checking.map((sample) => sample.done);
    expect(done).toEqual([...done].sort((x, y) => x - y));
    expect(last).toEqual({ phase: 'finished', done: DEVICES, total: DEVICES });
  });

  it('stops a preview when asked, refusing `cancelled`', async () => {
    const before = snapshotRows(w.t.store);
    const job = 'preview-00000002';
    const { result, stoppedAt } = await stopping(w, job, w.call('import.preview', { file: file(), job }), (p) => p.phase === 'checking' && p.done > 0);
    expect(stoppedAt?.done).toBeLessThan(DEVICES);
    expectRefused(result, 'cancelled');
    expect(snapshotRows(w.t.store)).toEqual(before);
  });

  it('tells the devices registered of the file’s count, and registers them all', async () => {
    const mapping = await mappingOf();
    const job = 'commit-000000001';
    const { result, samples } = await following(w, job, w.call('import.commit', { file: file(), mapping, job }));
    expect(okValue(result).imported).toBe(DEVICES);
    const registering = midway(samples, 'registering');
    expect(registering.length).toBeGreaterThan(1);
    for (const sample of registering) expect(sample.total).toBe(DEVICES);
    expect(w.assetCount()).toBe(DEVICES);
  });

  it('rolls every device back when stopped part way, and the same file still goes in afterwards', async () => {
    const mapping = await mappingOf();
    const before = snapshotRows(w.t.store);
    const job = 'commit-000000002';
    const { result, stoppedAt, last } = await stopping(w, job, w.call('import.commit', { file: file(), mapping, job }), (p) => p.phase === 'registering' && p.done > DEVICES / 4);
    expect(stoppedAt?.done).toBeLessThan(DEVICES);
    expectRefused(result, 'cancelled');
    expect(last?.phase).toBe('finished');
    // Not a device, not a place, department or person the file named, not the remembered mapping.
    expect(snapshotRows(w.t.store)).toEqual(before);
    expect(okValue(await w.call('import.commit', { file: file(), mapping, job: 'commit-000000003' })).imported).toBe(DEVICES);
  });

  it('does not start a commit whose stop came first', async () => {
    const mapping = await mappingOf();
    const before = snapshotRows(w.t.store);
    const job = 'commit-000000004';
    okValue(await w.call('jobs.cancel', { job }));
    expectRefused(await w.call('import.commit', { file: file(), mapping, job }), 'cancelled');
    expect(snapshotRows(w.t.store)).toEqual(before);
  });

  it('stops the workbook of rows in error when asked', async () => {
    const mapping = await mappingOf();
    const before = snapshotRows(w.t.store);
    const job = 'rejects-00000001';
    const { result, stoppedAt } = await stopping(w, job, w.call('import.rejects', { file: file(), mapping, job }), (p) => p.phase === 'checking' && p.done > 0);
    expect(stoppedAt).not.toBeNull();
    expectRefused(result, 'cancelled');
    expect(snapshotRows(w.t.store)).toEqual(before);
  });
});
