import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL } from '../../db/contract/bridge.ts';
import type { CallOutcome } from '../../db/contract/dispatch.ts';
import { openCore, type Core } from '../../db/core.ts';
import { scryptHasher } from '../../db/users/passwords.ts';
import { callHandler, registerCallHandler, WindowSessions, type CallEvent, type Forward, type Sender, type SenderFrame } from '../../electron/ipc.ts';

const APP_PAGE = 'app://daftari/index.html';
const INSTITUTION = { name: 'Wizara ya Fedha', code: 'WF', postal_address: 'S.L.P. 2802, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Waziri' };
const PASSWORD = 'Kilimanjaro#2025';
const ADMIN = { username: 'asha', display_name: 'Asha Mrisho', password: PASSWORD, confirm: PASSWORD };

interface FakeContents extends Sender {
  destroy(): void;
}

let nextContentsId = 1;

function fakeContents(url = APP_PAGE): FakeContents {
  const listeners: (() => void)[] = [];
  let destroyed = false;
  return {
    id: nextContentsId++,
    mainFrame: { url, parent: null, processId: 7, routingId: 1 },
    isDestroyed: () => destroyed,
    once: (_event, listener) => listeners.push(listener),
    destroy() {
      destroyed = true;
      for (const listener of listeners) listener();
    },
  };
}

/** An IPC event from the window's top frame, or from the frame given. */
function eventFrom(sender: Sender, frame: SenderFrame | null = sender.mainFrame): CallEvent {
  return { sender, senderFrame: frame };
}

function ok(value: unknown = null): CallOutcome {
  return { result: { ok: true, value } };
}

describe('the call handler refuses untrusted callers', () => {
  it('refuses a call from a subframe and does not pass it on', async () => {
    const forward = vi.fn<Forward>(async () => ok());
    const handle = callHandler(forward, new WindowSessions());
    const contents = fakeContents();
    const subframe: SenderFrame = { url: APP_PAGE, parent: contents.mainFrame, processId: 7, routingId: 2 };

    const result = await handle(eventFrom(contents, subframe), { route: 'setup.status', input: {} });

    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: 'errors.forbidden' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('refuses a call from a page that is not the app', async () => {
    const forward = vi.fn<Forward>(async () => ok());
    const handle = callHandler(forward, new WindowSessions());
    for (const url of ['https://example.com/', 'file:///tmp/page.html', 'app://other/index.html', 'about:blank']) {
      const result = await handle(eventFrom(fakeContents(url)), { route: 'setup.status', input: {} });
      expect(result, url).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(forward).not.toHaveBeenCalled();
  });

  it('refuses a call with no sender frame, or a top frame that is not the window’s own', async () => {
    const forward = vi.fn<Forward>(async () => ok());
    const handle = callHandler(forward, new WindowSessions());
    const contents = fakeContents();
    expect(await handle(eventFrom(contents, null), { route: 'setup.status' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const stranger: SenderFrame = { url: APP_PAGE, parent: null, processId: 9, routingId: 1 };
    expect(await handle(eventFrom(contents, stranger), { route: 'setup.status' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('answers unknown-route for a malformed envelope without troubling the core', async () => {
    const forward = vi.fn<Forward>(async () => ok());
    const handle = callHandler(forward, new WindowSessions());
    const contents = fakeContents();
    for (const request of [null, 'setup.status', ['setup.status'], { input: {} }, { route: 42 }, { route: 'toString' }, { route: '__proto__.x' }, { route: 'a'.repeat(70) + '.b' }]) {
      expect(await handle(eventFrom(contents), request), JSON.stringify(request)).toEqual({
        ok: false,
        error: { code: 'unknown-route', message: 'errors.unknown-route' },
      });
    }
    expect(forward).not.toHaveBeenCalled();
  });

  it('turns a failure behind it into an error value instead of throwing at the page', async () => {
    const handle = callHandler(async () => Promise.reject(new Error('worker gone')), new WindowSessions());
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(handle(eventFrom(fakeContents()), { route: 'setup.status', input: {} })).resolves.toEqual({
      ok: false,
      error: { code: 'internal-error', message: 'errors.internal-error' },
    });
  });
});

describe('sessions are kept per window', () => {
  it('passes each window its own token and returns only the result', async () => {
    const forward = vi.fn<Forward>(async (token, route) => (route === 'auth.sign-in' ? { result: { ok: true, value: { user: 'asha' } }, session: `token-${token ?? 'none'}-1` } : ok(token)));
    const sessions = new WindowSessions();
    const handle = callHandler(forward, sessions);
    const first = fakeContents();
    const second = fakeContents();

    const signedIn = await handle(eventFrom(first), { route: 'auth.sign-in', input: { username: 'asha', password: 'x' } });
    expect(signedIn).toEqual({ ok: true, value: { user: 'asha' } });

    await handle(eventFrom(first), { route: 'auth.me', input: {} });
    await handle(eventFrom(second), { route: 'auth.me', input: {} });
    expect(forward.mock.calls.map(([token, route]) => [token, route])).toEqual([
      [null, 'auth.sign-in'],
      ['token-none-1', 'auth.me'],
      [null, 'auth.me'],
    ]);
  });

  it('forgets a window’s token when the core ends the session', async () => {
    const sessions = new WindowSessions();
    const contents = fakeContents();
    sessions.set(contents, 'abc');
    const handle = callHandler(async () => ({ result: { ok: true, value: null }, session: null }), sessions);
    await handle(eventFrom(contents), { route: 'auth.sign-out', input: {} });
    expect(sessions.get(contents)).toBeNull();
  });

  it('forgets a window’s token when the window goes away', () => {
    const sessions = new WindowSessions();
    const contents = fakeContents();
    sessions.set(contents, 'abc');
    sessions.set(contents, 'def');
    expect(sessions.get(contents)).toBe('def');
    contents.destroy();
    expect(sessions.get(contents)).toBeNull();
    expect(sessions.size).toBe(0);
  });

  it('does not keep a token that arrives after its window has gone', () => {
    const sessions = new WindowSessions();
    const contents = fakeContents();
    contents.destroy();
    sessions.set(contents, 'late');
    expect(sessions.size).toBe(0);
  });
});

describe('the call handler in front of a real core', () => {
  let dir: string | undefined;
  let core: Core | undefined;

  afterEach(() => {
    core?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('signs in through setup, keeps the token in the main process, and never shows it to the page', async () => {
    dir = mkdtempSync(join(tmpdir(), 'daftari-ipc-'));
    core = await openCore({ path: join(dir, 'daftari.sqlite'), hasher: scryptHasher(10) });
    const opened = core;
    const tokens: (string | null | undefined)[] = [];
    const forward: Forward = async (token, route, input) => {
      const outcome = await opened.call(token, route, input);
      tokens.push(outcome.session);
      return outcome;
    };
    const sessions = new WindowSessions();
    const handle = callHandler(forward, sessions);
    const window = fakeContents();
    const other = fakeContents();

    const setup = await handle(eventFrom(window), { route: 'setup.initialize', input: { institution: INSTITUTION, admin: ADMIN } });
    expect(setup.ok).toBe(true);
    const token = tokens[0];
    expect(typeof token).toBe('string');
    expect(JSON.stringify(setup)).not.toContain(token as string);
    expect(sessions.get(window)).toBe(token);

    const me = await handle(eventFrom(window), { route: 'auth.me', input: {} });
    expect(me).toMatchObject({ ok: true, value: { user: { username: 'asha' } } });
    expect(JSON.stringify(me)).not.toContain(token as string);

    expect(await handle(eventFrom(other), { route: 'institution.get', input: {} })).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });

    window.destroy();
    expect(await handle(eventFrom(window), { route: 'auth.me', input: {} })).toEqual({ ok: true, value: null });
  });
});

describe('registration', () => {
  it('registers exactly one handler, on the daftari:call channel', async () => {
    const handle = vi.fn();
    const handler = vi.fn(async () => ({ ok: true as const, value: 1 }));
    registerCallHandler({ handle }, handler);
    expect(handle).toHaveBeenCalledOnce();
    expect(handle.mock.calls[0]?.[0]).toBe(CALL_CHANNEL);
    const event = eventFrom(fakeContents());
    await (handle.mock.calls[0]?.[1] as (event: CallEvent, request: unknown) => Promise<unknown>)(event, { route: 'setup.status' });
    expect(handler).toHaveBeenCalledWith(event, { route: 'setup.status' });
  });
});
