// Following a long job as the window does: its call runs while `jobs.progress` is asked for under the
// same key on every turn of the event loop (concurrent `core.call`s, as in the Electron worker and the
// browser test host), and `jobs.cancel` is called when the test decides.
import type { Result } from '../../db/contract/route.ts';
import type { RouteOutput } from '../../db/contract/routes.ts';
import { officeRegister } from '../fixtures/import/registers.ts';
import { okValue, type Caller } from './core.ts';
import { fileOf, openImportWorld, type ImportWorld } from './import-files.ts';

export type Progress = NonNullable<RouteOutput<'jobs.progress'>>;

export interface Followed<T> {
  result: Result<T>;
  /** What every poll answered while the call ran, in order. */
  samples: (Progress | null)[];
  /** The answer after the call returned. */
  last: Progress | null;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `work` (a call made under `job`) while polling its progress, calling `onPoll` with each answer. */
export async function following<T>(caller: Caller, job: string, work: Promise<Result<T>>, onPoll?: (progress: Progress | null) => Promise<void> | void): Promise<Followed<T>> {
  let settled = false;
  const samples: (Progress | null)[] = [];
  const outcome = work.finally(() => {
    settled = true;
  });
  while (!settled) {
    const progress = okValue(await caller.call('jobs.progress', { job }));
    samples.push(progress);
    await onPoll?.(progress);
    await nextTurn();
  }
  return { result: await outcome, samples, last: okValue(await caller.call('jobs.progress', { job })) };
}

/** Runs `work` and stops it at the first poll for which `when` holds; `stoppedAt` is that answer. */
export async function stopping<T>(caller: Caller, job: string, work: Promise<Result<T>>, when: (progress: Progress) => boolean): Promise<Followed<T> & { stoppedAt: Progress | null }> {
  let stoppedAt: Progress | null = null;
  const followed = await following(caller, job, work, async (progress) => {
    if (stoppedAt || !progress || !when(progress)) return;
    stoppedAt = progress;
    okValue(await caller.call('jobs.cancel', { job }));
  });
  return { ...followed, stoppedAt };
}

/** The answers of one phase that fell strictly inside it: the job was seen working, not only before and after. */
export function midway(samples: readonly (Progress | null)[], phase: string): Progress[] {
  return samples.filter((sample): sample is Progress => sample?.phase === phase && sample.done > 0 && (sample.total === 0 || sample.done < sample.total));
}

/** The day every fault of `busyLogBook` was reported on; the clock reads November 2026. */
export const BUSY_DAY = '2026-10-01';

/**
 * An office whose register holds `devices` devices, imported from a ministry's workbook, and whose log
 * book holds a fault reported on each of them on `BUSY_DAY`: enough rows for a report or an export to
 * be a long job.
 */
export async function busyLogBook(devices: number): Promise<ImportWorld> {
  const w = await openImportWorld();
  const file = fileOf('rejista.xlsx', (await officeRegister(devices)).bytes);
  const { mapping } = okValue(await w.call('import.preview', { file }));
  okValue(await w.call('import.commit', { file, mapping }));
  let after: string | null = null;
  do {
    const page: RouteOutput<'assets.list'> = okValue(await w.call('assets.list', { limit: 500, ...(after ? { after } : {}) }));
    for (const device of page.items) {
      okValue(await w.call('maintenance.report', { asset_id: device.id, reported_on: BUSY_DAY, reported_by: 'Zuhura Said', symptoms: 'Haiwaki; taa ya umeme haiwaki kabisa.' }));
    }
    after = page.next;
  } while (after);
  return w;
}
