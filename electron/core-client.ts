// The main process's side of the core's worker: numbered calls, their replies, and what happens when
// the worker dies (every open call is answered `connection-lost`; the next call starts a new worker).
import type { CallOutcome } from '../db/contract/dispatch.ts';
import { CONNECTION_LOST, isCallReply, type ToWorker } from './core-protocol.ts';

/** The parts of a `worker_threads` Worker the client uses. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export interface CoreClientOptions {
  spawn: () => WorkerLike;
  /** How long `close` waits for the worker to close the file before stopping it. */
  closeTimeoutMs?: number;
}

const LOST: CallOutcome = { result: CONNECTION_LOST };

export class CoreClient {
  readonly #spawn: () => WorkerLike;
  readonly #closeTimeoutMs: number;
  readonly #pending = new Map<number, (outcome: CallOutcome) => void>();
  #worker: WorkerLike | null = null;
  #exited: Promise<void> | null = null;
  #nextId = 1;
  #closed = false;
  #starts = 0;

  constructor(options: CoreClientOptions) {
    this.#spawn = options.spawn;
    this.#closeTimeoutMs = options.closeTimeoutMs ?? 5_000;
  }

  /** How many workers have been started; a restart after a crash adds one. */
  get starts(): number {
    return this.#starts;
  }

  /** Starts the worker now, so the file is open by the time the window first asks. */
  start(): void {
    if (this.#closed) return;
    try {
      this.#current();
    } catch (error) {
      console.error('[daftari] the core could not be started:', error);
    }
  }

  call(token: string | null, route: string, input: unknown): Promise<CallOutcome> {
    if (this.#closed) return Promise.resolve(LOST);
    let worker: WorkerLike;
    try {
      worker = this.#current();
    } catch (error) {
      console.error('[daftari] the core could not be started:', error);
      return Promise.resolve(LOST);
    }
    const id = this.#nextId++;
    return new Promise<CallOutcome>((resolve) => {
      this.#pending.set(id, resolve);
      try {
        worker.postMessage({ id, token, route, input });
      } catch (error) {
        // The input could not be cloned; the page sent something no route accepts.
        this.#pending.delete(id);
        console.error(`[daftari] ${route} could not be sent to the core:`, error);
        resolve({ result: { ok: false, error: { code: 'invalid-input', message: 'errors.invalid-input' } } });
      }
    });
  }

  /** Lets calls in flight finish, closes the file, and stops the worker. */
  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    const exited = this.#exited;
    if (!worker || !exited) return;
    worker.postMessage({ close: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.#closeTimeoutMs);
    });
    const how = await Promise.race([exited.then(() => 'exited' as const), timedOut]);
    clearTimeout(timer);
    if (how === 'timeout') await worker.terminate();
  }

  #current(): WorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.#spawn();
    this.#starts += 1;
    this.#worker = worker;
    worker.on('message', (message) => {
      if (!isCallReply(message)) return;
      const resolve = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      resolve?.(message.outcome);
    });
    worker.on('error', (error) => console.error('[daftari] the core worker failed:', error));
    this.#exited = new Promise((resolve) => {
      worker.on('exit', () => {
        // Started lazily on the next call rather than at once, so a worker that cannot start never spins.
        if (this.#worker === worker) this.#worker = null;
        for (const settle of this.#pending.values()) settle(LOST);
        this.#pending.clear();
        resolve();
      });
    });
    return worker;
  }
}
