// The registry of long jobs: only the owner sees or stops a job, a stop reaches the running job (even
// one asked before the job started), and a finished job is forgotten after a short while.
import { describe, expect, it } from 'vitest';
import { FORGET_AFTER_MS, Jobs, runJob } from '../../../db/core/jobs.ts';

function fakeTime(start = 1_000_000) {
  let now = start;
  return { now: () => now, tick: (ms: number) => (now += ms) };
}

describe('the jobs registry', () => {
  it('reports progress to the owner only', () => {
    const jobs = new Jobs();
    const job = jobs.start('sync.preview', 'user-a', 'key-abcdef01');
    expect(job.id).toBe('key-abcdef01');
    expect(jobs.get('key-abcdef01', 'user-a')).toEqual({ phase: 'starting', done: 0, total: 0 });
    job.report(120, 3000, 'checking');
    expect(jobs.get('key-abcdef01', 'user-a')).toEqual({ phase: 'checking', done: 120, total: 3000 });
    expect(jobs.get('key-abcdef01', 'user-b')).toBeNull();
    expect(jobs.get('key-unknown0', 'user-a')).toBeNull();
  });

  it('makes random ids when the caller chose no key', () => {
    const jobs = new Jobs();
    const one = jobs.start('export', 'user-a');
    const two = jobs.start('export', 'user-a');
    expect(one.id).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(one.id).not.toBe(two.id);
    expect(jobs.get(one.id, 'user-a')).not.toBeNull();
  });

  it('lets only the owner stop a job', () => {
    const jobs = new Jobs();
    const job = jobs.start('sync.import', 'user-a', 'key-abcdef02');
    expect(jobs.cancel('key-abcdef02', 'user-b')).toBe(false);
    expect(job.cancelled()).toBe(false);
    expect(jobs.cancel('key-abcdef02', 'user-a')).toBe(true);
    expect(job.cancelled()).toBe(true);
  });

  it('starts a job stopped when the stop overtook the call that starts it', () => {
    const jobs = new Jobs();
    expect(jobs.cancel('key-abcdef03', 'user-a')).toBe(false);
    expect(jobs.get('key-abcdef03', 'user-a')).toBeNull();
    expect(jobs.start('sync.preview', 'user-b', 'key-abcdef03').cancelled()).toBe(false);
    expect(jobs.start('sync.preview', 'user-a', 'key-abcdef03').cancelled()).toBe(true);
  });

  it('does not stop a finished job, and forgets it after a short while', () => {
    const time = fakeTime();
    const jobs = new Jobs(time.now);
    const job = jobs.start('sync.preview', 'user-a', 'key-abcdef04');
    job.report(10, 10, 'checking');
    job.finish();
    expect(jobs.get('key-abcdef04', 'user-a')).toEqual({ phase: 'finished', done: 10, total: 10 });
    expect(jobs.cancel('key-abcdef04', 'user-a')).toBe(false);
    expect(job.cancelled()).toBe(false);
    time.tick(FORGET_AFTER_MS - 1);
    expect(jobs.get('key-abcdef04', 'user-a')).not.toBeNull();
    time.tick(1);
    expect(jobs.get('key-abcdef04', 'user-a')).toBeNull();
    expect(jobs.size).toBe(0);
  });

  it('keeps a running job however long it runs, and forgets early stops too', () => {
    const time = fakeTime();
    const jobs = new Jobs(time.now, 1000);
    jobs.start('sync.import', 'user-a', 'key-abcdef05');
    jobs.cancel('key-abcdef06', 'user-a');
    time.tick(5000);
    expect(jobs.get('key-abcdef05', 'user-a')).not.toBeNull();
    expect(jobs.size).toBe(1);
  });

  it('finishes a job run through runJob whether it succeeds or throws', async () => {
    const jobs = new Jobs();
    expect(await runJob(jobs, 'k', 'user-a', 'key-abcdef07', async (job) => job.id)).toBe('key-abcdef07');
    expect(jobs.get('key-abcdef07', 'user-a')?.phase).toBe('finished');
    await expect(
      runJob(jobs, 'k', 'user-a', 'key-abcdef08', () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(jobs.get('key-abcdef08', 'user-a')?.phase).toBe('finished');
  });
});
