import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CoreClient, type WorkerLike } from '../../electron/core-client.ts';
import type { CallMessage, ToWorker } from '../../electron/core-protocol.ts';

const LOST = { result: { ok: false, error: { code: 'connection-lost', message: 'errors.connection-lost' } } };

class FakeWorker extends EventEmitter implements WorkerLike {
  readonly received: ToWorker[] = [];
  terminated = false;

  postMessage(message: ToWorker): void {
    structuredClone(message);
    this.received.push(message);
  }

  get calls(): CallMessage[] {
    return this.received.filter((message): message is CallMessage => !('close' in message));
  }

  reply(id: number, value: unknown, session?: string | null): void {
    this.emit('message', { id, outcome: { result: { ok: true, value }, ...(session !== undefined ? { session } : {}) } });
  }

  crash(): void {
    this.emit('error', new Error('native crash'));
    this.emit('exit', 1);
  }

  async terminate(): Promise<number> {
    this.terminated = true;
    this.emit('exit', 1);
    return 1;
  }
}

function clientWithFakes() {
  const workers: FakeWorker[] = [];
  const client = new CoreClient({
    spawn: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    closeTimeoutMs: 20,
  });
  return { client, workers };
}

describe('the main process’s client of the core worker', () => {
  it('sends the call with the window’s token and matches each reply to its call', async () => {
    const { client, workers } = clientWithFakes();
    const first = client.call('t1', 'auth.me', {});
    const second = client.call(null, 'setup.status', { x: 1 });
    const worker = workers[0] as FakeWorker;
    expect(worker.calls).toEqual([
      { id: 1, token: 't1', route: 'auth.me', input: {} },
      { id: 2, token: null, route: 'setup.status', input: { x: 1 } },
    ]);
    worker.reply(2, 'second', 'new-token');
    worker.reply(1, 'first');
    await expect(second).resolves.toEqual({ result: { ok: true, value: 'second' }, session: 'new-token' });
    await expect(first).resolves.toEqual({ result: { ok: true, value: 'first' } });
  });

  it('answers open calls connection-lost when the worker dies, and starts a new worker for the next call', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { client, workers } = clientWithFakes();
    const open = [client.call(null, 'setup.status', {}), client.call('t', 'people.list', {})];
    (workers[0] as FakeWorker).crash();
    await expect(Promise.all(open)).resolves.toEqual([LOST, LOST]);

    const next = client.call(null, 'setup.status', {});
    expect(workers).toHaveLength(2);
    expect(client.starts).toBe(2);
    (workers[1] as FakeWorker).reply(3, 'fresh');
    await expect(next).resolves.toEqual({ result: { ok: true, value: 'fresh' } });
  });

  it('answers connection-lost when the worker cannot be started at all', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = new CoreClient({
      spawn: () => {
        throw new Error('core-worker.cjs is missing');
      },
    });
    await expect(client.call(null, 'setup.status', {})).resolves.toEqual(LOST);
  });

  it('refuses input that cannot cross to the worker as invalid input', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { client } = clientWithFakes();
    await expect(client.call(null, 'people.register', { name: () => 'x' })).resolves.toEqual({
      result: { ok: false, error: { code: 'invalid-input', message: 'errors.invalid-input' } },
    });
  });

  it('asks the worker to close the file, and stops it if it does not finish in time', async () => {
    const { client, workers } = clientWithFakes();
    client.start();
    const worker = workers[0] as FakeWorker;
    await client.close();
    expect(worker.received).toContainEqual({ close: true });
    expect(worker.terminated).toBe(true);
    await expect(client.call(null, 'setup.status', {})).resolves.toEqual(LOST);
    expect(workers).toHaveLength(1);
  });

  it('does not stop a worker that closes in time', async () => {
    const { client, workers } = clientWithFakes();
    client.start();
    const worker = workers[0] as FakeWorker;
    const closing = client.close();
    worker.emit('exit', 0);
    await closing;
    expect(worker.terminated).toBe(false);
  });
});
