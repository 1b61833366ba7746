// Long jobs (a bundle's import, and later export, backup, verify…) as the window sees them: how far
// they are, and a way to stop them. One registry per core, in memory only: a job lives as long as the
// call running it, and a little after so the window's last poll still finds it. A job is its owner's
// alone: another user neither sees nor stops it.
import { randomBytes } from 'node:crypto';

export interface JobProgress {
  /** What the job is doing now, e.g. `checking`, `applying`; `finished` once its call has returned. */
  phase: string;
  done: number;
  /** 0 while not known. */
  total: number;
}

export interface JobHandle {
  readonly id: string;
  report(done: number, total: number, phase: string): void;
  /** True once the owner asked to stop; the job then refuses at its next safe point, changing nothing. */
  cancelled(): boolean;
  /** The call is over (done, refused or failed). */
  finish(): void;
}

interface JobState extends JobProgress {
  kind: string;
  cancelled: boolean;
  /** When its call ended, or when a stop was asked for a job not started yet; null while running. */
  endedAt: number | null;
}

/** How long a finished job (or a stop asked before its job started) is remembered. */
export const FORGET_AFTER_MS = 60_000;

/** A job key the window makes itself, so it can poll before the call returns. */
export const JOB_KEY = /^[A-Za-z0-9_-]{8,64}$/;

export class Jobs {
  private readonly jobs = new Map<string, JobState>();
  private readonly now: () => number;
  private readonly forgetAfterMs: number;

  constructor(now: () => number = Date.now, forgetAfterMs = FORGET_AFTER_MS) {
    this.now = now;
    this.forgetAfterMs = forgetAfterMs;
  }

  /** Registers a job for `owner`; under `key` when the caller chose one, else under a random id. */
  start(kind: string, owner: string, key?: string): JobHandle {
    this.sweep();
    const id = key ?? randomBytes(16).toString('base64url');
    const slot = slotOf(owner, id);
    // A stop can arrive before the call that starts the job does: the job then starts stopped.
    const early = this.jobs.get(slot);
    const state: JobState = { kind, phase: 'starting', done: 0, total: 0, cancelled: early?.cancelled === true && early.kind === '', endedAt: null };
    this.jobs.set(slot, state);
    return {
      id,
      report: (done, total, phase) => {
        state.done = done;
        state.total = total;
        state.phase = phase;
      },
      cancelled: () => state.cancelled,
      finish: () => {
        if (state.endedAt !== null) return;
        state.phase = 'finished';
        state.endedAt = this.now();
      },
    };
  }

  get(id: string, userId: string): JobProgress | null {
    this.sweep();
    const state = this.jobs.get(slotOf(userId, id));
    if (!state || state.kind === '') return null;
    return { phase: state.phase, done: state.done, total: state.total };
  }

  /** Asks the owner's job to stop. True when a running job was told; a job not started yet starts stopped. */
  cancel(id: string, userId: string): boolean {
    this.sweep();
    const slot = slotOf(userId, id);
    const state = this.jobs.get(slot);
    if (!state) {
      this.jobs.set(slot, { kind: '', phase: 'cancelled', done: 0, total: 0, cancelled: true, endedAt: this.now() });
      return false;
    }
    if (state.endedAt !== null) return false;
    state.cancelled = true;
    return true;
  }

  /** How many jobs are remembered (running, recently finished, or stops waiting for their job). */
  get size(): number {
    this.sweep();
    return this.jobs.size;
  }

  private sweep(): void {
    const cutoff = this.now() - this.forgetAfterMs;
    for (const [slot, state] of this.jobs) if (state.endedAt !== null && state.endedAt <= cutoff) this.jobs.delete(slot);
  }
}

function slotOf(owner: string, id: string): string {
  return `${owner}\u0000${id}`;
}

/** Runs `work` as a job of `owner`: registered before it starts, finished whatever way it ends. */
export async function runJob<T>(jobs: Jobs, kind: string, owner: string, key: string | undefined, work: (job: JobHandle) => Promise<T>): Promise<T> {
  const job = jobs.start(kind, owner, key);
  try {
    return await work(job);
  } finally {
    job.finish();
  }
}
