// A bundle's checking reports how far it is and can be stopped (DESIGN.md, "Keeping the window
// responsive"). The window's polls reach the core while the import streams: here, as in the Electron
// worker and the browser test host, they are concurrent `core.call`s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../db/contract/route.ts';
import type { CallContext } from '../../../db/core/context.ts';
import { registerPerson } from '../../../db/people/commands.ts';
import { addUser, okValue } from '../../helpers/core.ts';
import { everything, exportBundle, openReplica, sharedJournalCount, type Replica } from '../../helpers/sync.ts';

const EVENTS = 3000;

interface Progress {
  phase: string;
  done: number;
  total: number;
}

let a: Replica;
let b: Replica;
let bundle: Buffer;

beforeAll(async () => {
  a = await openReplica('A', { seed: 1 });
  b = await openReplica('B', { seed: 2 });
  const admin = a.store.sqlite.prepare("SELECT id FROM users WHERE username = 'asha'").get() as { id: string };
  const ctx: CallContext = {
    ...a.core.services,
    user: { id: admin.id, username: 'asha', display_name: 'Asha (A)', roles: ['admin'] },
    token: null,
    setSession: () => undefined,
  };
  a.store.sqlite.transaction(() => {
    for (let i = sharedJournalCount(a.store); i < EVENTS; i += 1) {
      registerPerson(ctx, { full_name: `Mtumishi Na. ${i}`, check_number: '', title: 'Afisa', department_id: null, institution: '', phone: '', email: '' });
    }
  })();
  bundle = await exportBundle(a);
});

afterAll(() => {
  a.core.close();
  b.core.close();
});

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `work` while polling `jobs.progress` for `job` on every turn of the event loop, until it settles. */
async function polling<T>(replica: Replica, job: string, work: Promise<Result<T>>, onPoll?: (progress: Progress | null) => Promise<void>) {
  let settled = false;
  const samples: (Progress | null)[] = [];
  const outcome = work.finally(() => {
    settled = true;
  });
  while (!settled) {
    const progress = okValue(await replica.call('jobs.progress', { job }));
    samples.push(progress);
    await onPoll?.(progress);
    await nextTurn();
  }
  return { result: await outcome, samples, last: okValue(await replica.call('jobs.progress', { job })) };
}

describe('a bundle import reports progress and can be stopped', () => {
  it('reports events read of the manifest count while previewing', async () => {
    const job = 'preview-job-0001';
    const base64 = bundle.toString('base64');
    const { result, samples, last } = await polling(b, job, b.call('sync.preview', { file: { name: 'a.daftari', base64 }, job }));
    expect(okValue(result).event_count).toBe(EVENTS);
    const checking = samples.filter((sample): sample is Progress => sample?.phase === 'checking');
    // Polls were answered while the bundle streamed, not only before and after it.
    expect(checking.filter((sample) => sample.done > 0 && sample.done < EVENTS).length).toBeGreaterThan(1);
    for (const sample of checking) expect(sample.total).toBe(EVENTS);
    const done = checking.map((sample) => sample.done);
    expect(done).toEqual([...done].sort((x, y) => x - y));
    expect(new Set(done).size).toBeGreaterThan(2);
    expect(last?.phase).toBe('finished');
    // Then the rehearsal of applying reports too: events written of the count, then records brought up to date.
    const phases = samples.map((sample) => sample?.phase);
    expect(phases.indexOf('applying')).toBeGreaterThan(phases.lastIndexOf('checking'));
    expect(phases.indexOf('folding')).toBeGreaterThan(phases.indexOf('applying'));
    for (const sample of samples) if (sample?.phase === 'applying') expect(sample.total).toBe(EVENTS);
  });

  it('shows a job to its owner only, and ignores a stranger’s stop', async () => {
    const other = await addUser(b.t, b.token, 'juma', ['ict_officer']);
    const job = 'owner-only-0002';
    const seen: (Progress | null)[] = [];
    const { result } = await polling(b, job, b.call('sync.preview', { file: { name: 'a.daftari', base64: bundle.toString('base64') }, job }), async () => {
      seen.push(await b.t.ok(other.token, 'jobs.progress', { job }));
      await b.t.ok(other.token, 'jobs.cancel', { job });
    });
    expect(result.ok).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((progress) => progress === null)).toBe(true);
  });

  it('refuses `cancelled` when stopped mid-way, and changes nothing', async () => {
    const before = await everything(b);
    const job = 'import-job-0003';
    let stoppedAt = 0;
    const { result, last } = await polling(
      b,
      job,
      b.call('sync.import', { file: { name: 'a.daftari', base64: bundle.toString('base64') }, accept_new_peer: true, job }),
      async (progress) => {
        if (stoppedAt === 0 && progress?.phase === 'checking' && progress.done > EVENTS / 3) {
          stoppedAt = progress.done;
          expect(okValue(await b.call('jobs.cancel', { job }))).toEqual({ cancelled: true });
        }
      },
    );
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(EVENTS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({ code: 'cancelled', message: 'errors.cancelled' });
    expect(last?.phase).toBe('finished');
    expect(last?.done).toBeLessThan(EVENTS);
    expect(await everything(b)).toEqual(before);
  });

  it('can be stopped while applying, after every event is written, and changes nothing', async () => {
    const before = await everything(b);
    const job = 'import-job-0005';
    let stoppedIn = '';
    const { result } = await polling(
      b,
      job,
      b.call('sync.import', { file: { name: 'a.daftari', base64: bundle.toString('base64') }, accept_new_peer: true, job }),
      async (progress) => {
        if (stoppedIn === '' && progress?.phase === 'applying' && progress.done === EVENTS) {
          stoppedIn = progress.phase;
          expect(okValue(await b.call('jobs.cancel', { job }))).toEqual({ cancelled: true });
        }
      },
    );
    expect(stoppedIn).toBe('applying');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('cancelled');
    expect(await everything(b)).toEqual(before);
    expect(b.store.sqlite.inTransaction).toBe(false);
  });

  it('still imports the same bundle in full after a stopped attempt', async () => {
    const job = 'import-job-0004';
    const { result, samples } = await polling(b, job, b.call('sync.import', { file: { name: 'a.daftari', base64: bundle.toString('base64') }, accept_new_peer: true, job }));
    expect(okValue(result).new_events).toBe(EVENTS);
    expect(samples.some((sample) => sample?.phase === 'checking' && sample.done > 0)).toBe(true);
    expect(sharedJournalCount(b.store)).toBeGreaterThanOrEqual(EVENTS);
  });

  it('reports events written of the count while making a bundle, which is the bundle made without a job', async () => {
    const job = 'export-job-0006';
    const { result, samples, last } = await polling(a, job, a.call('sync.export', { peer_id: null, job }));
    const made = okValue(result);
    expect(made.event_count).toBeGreaterThanOrEqual(EVENTS);
    const writing = samples.filter((sample): sample is Progress => sample?.phase === 'writing');
    expect(writing.length).toBeGreaterThan(0);
    for (const sample of writing) expect(sample.total).toBe(made.event_count);
    expect(writing.at(-1)?.done).toBe(made.event_count);
    expect(last?.phase).toBe('finished');
  });

  it('makes no bundle and records nothing when the making is stopped', async () => {
    const transfers = okValue(await a.call('sync.transfers', {}));
    const journal = sharedJournalCount(a.store);
    const job = 'export-job-0007';
    let stopped = false;
    const { result } = await polling(a, job, a.call('sync.export', { peer_id: null, job }), async (progress) => {
      if (!stopped && progress?.phase === 'writing') {
        stopped = true;
        expect(okValue(await a.call('jobs.cancel', { job }))).toEqual({ cancelled: true });
      }
    });
    expect(stopped).toBe(true);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('cancelled');
    expect(okValue(await a.call('sync.transfers', {}))).toEqual(transfers);
    expect(sharedJournalCount(a.store)).toBe(journal);
  });

  it('refuses a job key that is not one', async () => {
    const result = await b.call('jobs.progress', { job: 'short' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'invalid-input', fields: { job: 'validation.invalid_format' } });
    const preview = await b.call('sync.preview', { file: { name: 'a.daftari', base64: bundle.toString('base64') }, job: 'bad key with spaces' });
    expect(preview.ok).toBe(false);
  });
});
