import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openCore } from '../../db/core.ts';
import { scryptHasher } from '../../db/users/passwords.ts';
import { CoreClient } from '../../electron/core-client.ts';
import { answer, postReply, settleOpen, type CoreWorkerData, type Opened } from '../../electron/core-protocol.ts';

const INSTITUTION = { name: 'Wizara ya Fedha', code: 'WF', postal_address: 'S.L.P. 2802, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Waziri' };
const PASSWORD = 'Kilimanjaro#2025';
const ADMIN = { username: 'asha', display_name: 'Asha Mrisho', password: PASSWORD, confirm: PASSWORD };

let dir: string;
const opened: Promise<Opened>[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daftari-worker-'));
});

afterEach(async () => {
  for (const state of await Promise.all(opened.splice(0))) if ('core' in state) state.core.close();
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function open(path = join(dir, 'daftari.sqlite')): Promise<Opened> {
  const state = settleOpen(openCore({ path, hasher: scryptHasher(10) }));
  opened.push(state);
  return state;
}

describe('the core worker’s answer to a call', () => {
  it('answers a call by its id with the core’s outcome, session included', async () => {
    const core = open();
    const status = await answer(core, { id: 1, token: null, route: 'setup.status', input: {} });
    expect(status).toEqual({ id: 1, outcome: { result: { ok: true, value: { initialized: false, institution: null } } } });

    const setup = await answer(core, { id: 2, token: null, route: 'setup.initialize', input: { institution: INSTITUTION, admin: ADMIN } });
    expect(setup.id).toBe(2);
    expect(setup.outcome.result.ok).toBe(true);
    const token = setup.outcome.session;
    expect(typeof token).toBe('string');

    const me = await answer(core, { id: 3, token: token ?? null, route: 'auth.me', input: {} });
    expect(me.outcome.result).toMatchObject({ ok: true, value: { user: { username: 'asha' } } });
  });

  it('answers every call with the reason when the records file cannot be opened', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const path = join(dir, 'not-daftari.sqlite');
    writeFileSync(path, 'this is not an SQLite file, it is a letter to the Accounting Officer'.repeat(20));
    const core = open(path);
    for (const id of [1, 2]) {
      const reply = await answer(core, { id, token: null, route: 'setup.status', input: {} });
      expect(reply).toEqual({ id, outcome: { result: { ok: false, error: { code: 'database-unreadable', message: 'errors.database-unreadable', params: { path } } } } });
    }
  });

  it('still answers a call whose reply cannot be sent', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const sent: unknown[] = [];
    let first = true;
    postReply(
      (reply) => {
        if (first) {
          first = false;
          throw new Error('could not be cloned');
        }
        sent.push(reply);
      },
      { id: 4, outcome: { result: { ok: true, value: () => 'not cloneable' } } },
    );
    expect(sent).toEqual([{ id: 4, outcome: { result: { ok: false, error: { code: 'internal-error', message: 'errors.internal-error' } } } }]);
  });
});

describe('the core worker thread', () => {
  it('opens the records file off the main thread, answers calls, and finishes calls in flight before closing', async () => {
    const path = join(dir, 'daftari.sqlite');
    const workerData: CoreWorkerData = { daftariCore: { path } };
    const client = new CoreClient({ spawn: () => new Worker(new URL('../../electron/core-worker.ts', import.meta.url), { workerData }) });

    const [first, second] = await Promise.all([client.call(null, 'setup.status', {}), client.call(null, 'no.such-route', {})]);
    expect(first).toEqual({ result: { ok: true, value: { initialized: false, institution: null } } });
    expect(second).toEqual({ result: { ok: false, error: { code: 'unknown-route', message: 'errors.unknown-route' } } });

    // Setting up hashes the password on the thread pool, so it is still running when the close arrives.
    const inFlight = client.call(null, 'setup.initialize', { institution: INSTITUTION, admin: ADMIN });
    const closing = client.close();
    expect((await inFlight).result).toMatchObject({ ok: true, value: { user: { username: 'asha' } } });
    await closing;
    expect(client.starts).toBe(1);
    await expect(client.call(null, 'setup.status', {})).resolves.toMatchObject({ result: { ok: false, error: { code: 'connection-lost' } } });
  });
});
