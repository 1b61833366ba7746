// What other calls do while a long job pauses between its chunks (db/core/jobs.ts, `Turn`). A register
// import keeps one transaction open across its pauses: a write that arrives meanwhile waits its turn
// and then goes in on its own, so that stopping the import rolls back the import and nothing else. An
// export only reads: reads go on beside it, writes wait until it ends.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../db/contract/route.ts';
import { countRows, expectRefused, okValue } from '../../helpers/core.ts';
import { fileOf, openImportWorld, type ImportWorld } from '../../helpers/import-files.ts';
import { following, stopping, type Progress } from '../../helpers/jobs.ts';
import { officeRegister, type OfficeRegister } from '../../fixtures/import/registers.ts';

/** A call under way, and whether it has answered yet. */
function underWay<T>(call: Promise<Result<T>>): { answered: () => boolean; result: Promise<Result<T>> } {
  let answered = false;
  const result = call.finally(() => {
    answered = true;
  });
  return { answered: () => answered, result };
}

const running = (phase: string) => (p: Progress | null) => p !== null && p.phase === phase && p.done > 0 && (p.total === 0 || p.done < p.total);

function seqOf(w: ImportWorld, entity: string): number {
  return (w.t.store.sqlite.prepare('SELECT max(seq) AS seq FROM journal WHERE entity = ?').get(entity) as { seq: number }).seq;
}

function lastSeqOf(w: ImportWorld, type: string): number {
  return (w.t.store.sqlite.prepare('SELECT max(seq) AS seq FROM journal WHERE type = ?').get(type) as { seq: number }).seq;
}

describe('a write that arrives while a register import holds the store', () => {
  const DEVICES = 600;
  let register: OfficeRegister;
  let w: ImportWorld;
  let mapping: Record<string, string>;

  beforeAll(async () => {
    register = await officeRegister(DEVICES);
  });
  beforeEach(async () => {
    w = await openImportWorld();
    mapping = okValue(await w.call('import.preview', { file: fileOf('rejista.xlsx', register.bytes) })).mapping;
  });
  afterEach(() => w.core.close());

  it('waits while the import runs, then goes in after it', async () => {
    const job = 'commit-turns-001';
    let write: ReturnType<typeof underWay<{ id: string }>> | undefined;
    let checkedWhileRunning = 0;
    const { result } = await following(w, job, w.call('import.commit', { file: fileOf('rejista.xlsx', register.bytes), mapping, job }), (progress) => {
      if (!running('registering')(progress)) return;
      // The poll was answered between two chunks of the import: the write asked for before it has not.
      if (write) {
        expect(write.answered()).toBe(false);
        checkedWhileRunning += 1;
      } else write = underWay(w.call('departments.create', { name: 'Kitengo cha Ukaguzi wa Ndani', code: 'KUN' }));
    });
    expect(checkedWhileRunning).toBeGreaterThan(0);
    expect(okValue(result).imported).toBe(DEVICES);
    const department = okValue(await (write as NonNullable<typeof write>).result);
    // Written after the last device, in a transaction of its own.
    expect(seqOf(w, department.id)).toBeGreaterThan(lastSeqOf(w, 'assets.registered'));
  });

  it('is kept when the import is stopped, and the import leaves nothing', async () => {
    const job = 'commit-turns-002';
    const departments = countRows(w.t.store, 'departments');
    let write: ReturnType<typeof underWay<{ id: string }>> | undefined;
    const { result, stoppedAt } = await stopping(w, job, w.call('import.commit', { file: fileOf('rejista.xlsx', register.bytes), mapping, job }), (progress) => {
      if (!running('registering')(progress)) return false;
      write ??= underWay(w.call('departments.create', { name: 'Kitengo cha Ukaguzi wa Ndani', code: 'KUN' }));
      // Stopped at the next poll, with the write waiting in between.
      return progress.done > DEVICES / 3;
    });
    expect(stoppedAt).not.toBeNull();
    expectRefused(result, 'cancelled');
    const department = okValue(await (write as NonNullable<typeof write>).result);
    expect(w.assetCount()).toBe(0);
    expect(countRows(w.t.store, 'departments')).toBe(departments + 1);
    expect(okValue(await w.call('departments.list'))).toContainEqual(expect.objectContaining({ id: department.id, code: 'KUN' }));
  });
});

describe('calls that arrive while a register is exported', () => {
  const DEVICES = 2000;
  let w: ImportWorld;
  let someDevice: string;

  beforeAll(async () => {
    w = await openImportWorld();
    const file = fileOf('rejista.xlsx', (await officeRegister(DEVICES)).bytes);
    const { mapping } = okValue(await w.call('import.preview', { file }));
    okValue(await w.call('import.commit', { file, mapping }));
    someDevice = okValue(await w.call('assets.list', { limit: 1 })).items[0]?.id as string;
  }, 120_000);
  afterAll(() => w.core.close());

  it('answers a read at once and holds a write until the export ends', async () => {
    const job = 'export-turns-001';
    let read: ReturnType<typeof underWay<unknown>> | undefined;
    let write: ReturnType<typeof underWay<{ id: string }>> | undefined;
    let readDuringExport = false;
    let writeHeld = 0;
    const exporting = underWay(w.call('registers.export', { register: 'devices', format: 'csv', language: 'sw', job }));
    const { result, samples } = await following(w, job, exporting.result, async (progress) => {
      if (!running('writing')(progress) || (progress as Progress).done >= DEVICES) return;
      if (!read) {
        read = underWay(w.call('history.entity', { entity: someDevice }));
        write = underWay(w.call('departments.create', { name: 'Kitengo cha Ukaguzi wa Ndani', code: 'KUN' }));
        await read.result;
        // The history was answered between two pages of the export.
        readDuringExport = !exporting.answered();
        return;
      }
      if (write?.answered() === false) writeHeld += 1;
    });
    expect(okValue(result).rows).toBe(DEVICES);
    expect(samples.some(running('writing'))).toBe(true);
    expect(readDuringExport).toBe(true);
    expect(okValue(await (read as NonNullable<typeof read>).result)).not.toHaveLength(0);
    expect(writeHeld).toBeGreaterThan(0);
    okValue(await (write as NonNullable<typeof write>).result);
  });
});
