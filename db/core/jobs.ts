// Long jobs (a register's import or export, a bundle, verify, a period's log book…) as the window sees
// them: how far they are, and a way to stop them. One registry per core, in memory only: a job lives as
// long as the call running it, and a little after so the window's last poll still finds it. A job is
// its owner's alone: another user neither sees nor stops it.
//
// A job works in chunks and pauses between them, so that the window's polls and its stop are answered
// while it runs. What may run in those pauses is the dispatcher's to decide, by the turn each route
// takes of the store (`StoreTurns` below): a job that keeps a transaction open across its pauses is
// never joined by another call's writes.
import { randomBytes } from 'node:crypto';
import { refuse } from './refusal.ts';
import type { Store } from '../store/open.ts';

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

/**
 * Runs `work` as a job of `owner`: registered before it starts, finished whatever way it ends. A job
 * stopped before it started (the stop overtook its call) is refused `cancelled` without doing anything.
 */
export async function runJob<T>(jobs: Jobs, kind: string, owner: string, key: string | undefined, work: (job: JobHandle) => Promise<T>): Promise<T> {
  const job = jobs.start(kind, owner, key);
  try {
    if (job.cancelled()) refuse('cancelled');
    return await work(job);
  } finally {
    job.finish();
  }
}

/** Lets the event loop answer what came in meanwhile (a poll of progress, a stop) before going on. */
export function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Between two chunks of a job: says how far it is, pauses, and refuses `cancelled` if its owner asked
 * it to stop meanwhile. Thrown inside a job's transaction, the refusal rolls everything back.
 */
export async function checkpoint(job: JobHandle, done: number, total: number, phase: string): Promise<void> {
  job.report(done, total, phase);
  await pause();
  if (job.cancelled()) refuse('cancelled');
}

/**
 * How long a job works between two pauses: short enough that a poll or a stop is answered at once,
 * long enough that the pauses cost nothing. Measured in time, not in items, because an item (a row
 * registered) costs ten times more on a busy office PC than on an idle one; this is elapsed time for
 * pacing only, never a date, so it is read from the process and not from the `Clock`.
 */
export const SLICE_MS = 50;

/**
 * Steps through the items of one phase: `step(done)` after each item pauses once a slice of time has
 * gone (and after the last item), telling the job `done` of `total`, so that a caller's loop reads as
 * a plain loop. With `total` 0 (a pass whose length says nothing to a person), the job is told only
 * the phase.
 */
export function stepper(job: JobHandle, phase: string, total: number): (done: number) => Promise<void> | undefined {
  job.report(0, total, phase);
  let since = performance.now();
  return (done) => {
    if (done !== total && performance.now() - since < SLICE_MS) return undefined;
    return checkpoint(job, total > 0 ? done : 0, total, phase).then(() => {
      since = performance.now();
    });
  };
}

/**
 * One write transaction kept open across a job's pauses: committed when `work` returns, rolled back
 * when it throws (a refusal, a stop), or always when `keep` is false (a dry run, which shows what would
 * happen and writes nothing). Safe only under a route that takes the `write` turn: the dispatcher then
 * lets nothing else reach the store until the job's call ends, so no other call's rows join this
 * transaction or read what it has not committed. Commands inside it nest as savepoints.
 */
export async function jobTransaction<T>(store: Store, work: () => Promise<T>, keep = true): Promise<T> {
  store.sqlite.exec('BEGIN IMMEDIATE');
  let value: T;
  try {
    value = await work();
  } catch (error) {
    // SQLite may have rolled back already (a full disk); the original error is the one to tell.
    if (store.sqlite.inTransaction) store.sqlite.exec('ROLLBACK');
    throw error;
  }
  store.sqlite.exec(keep ? 'COMMIT' : 'ROLLBACK');
  return value;
}

/**
 * How a call shares the store with the calls running beside it while a job pauses:
 * - `write` (every route unless it says otherwise): it waits until every call that came before it has
 *   ended, and no call after it starts until it has ended. Its reads and writes are its own.
 * - `read`: it only reads, never opening a transaction: it runs beside other reads (a report beside an
 *   export), and waits only for writes.
 * - `free`: it does not touch the records (a job's progress, a stop): it is answered at once, even while
 *   a job holds the store.
 */
export type Turn = 'write' | 'read' | 'free';

type Turned<D> = D & { readonly turn: Turn };

/** Marks a route as one that only reads (see `Turn`). */
export function readsOnly<D extends object>(definition: D): Turned<D> {
  return Object.assign(definition, { turn: 'read' as const });
}

/** Marks a route as one answered at once, whatever is running (see `Turn`). */
export function answeredAtOnce<D extends object>(definition: D): Turned<D> {
  return Object.assign(definition, { turn: 'free' as const });
}

export function turnOf(definition: object): Turn {
  const turn = (definition as { turn?: unknown }).turn;
  return turn === 'read' || turn === 'free' ? turn : 'write';
}

/**
 * The order in which calls reach the store: first come, first served, readers together. A call takes
 * its turn before its handler runs and gives it back when the handler has ended, however it ended.
 */
export class StoreTurns {
  private readonly waiting: { turn: 'read' | 'write'; start: () => void }[] = [];
  private readers = 0;
  private writing = false;

  /** Resolves with the function that gives the turn back, once the call may start. */
  take(turn: Turn): Promise<() => void> {
    if (turn === 'free') return Promise.resolve(() => undefined);
    return new Promise((resolve) => {
      this.waiting.push({ turn, start: () => resolve(this.giver(turn)) });
      this.next();
    });
  }

  /** Calls holding a turn, and calls waiting for one. */
  get busy(): { running: number; waiting: number } {
    return { running: this.readers + (this.writing ? 1 : 0), waiting: this.waiting.length };
  }

  private giver(turn: 'read' | 'write'): () => void {
    let given = false;
    return () => {
      if (given) return;
      given = true;
      if (turn === 'write') this.writing = false;
      else this.readers -= 1;
      this.next();
    };
  }

  private next(): void {
    for (let head = this.waiting[0]; head; head = this.waiting[0]) {
      if (this.writing || (head.turn === 'write' && this.readers > 0)) return;
      this.waiting.shift();
      if (head.turn === 'write') this.writing = true;
      else this.readers += 1;
      head.start();
    }
  }
}
