import { describe, expect, it, vi } from 'vitest';
import { HOST_CALL_PATH, HOST_TOKEN_HEADER } from '../../db/contract/bridge.ts';
import { CallError } from '../../renderer/client/call-error.ts';
import { createClient } from '../../renderer/client/client.ts';
import { bridgeTransport, httpTransport, takeHostToken, TOKEN_STORAGE_KEY } from '../../renderer/client/transport.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    data,
  };
}

function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('the browser test host transport', () => {
  it('posts the route and input to the host with the run token and the same-origin cookie', async () => {
    const { fetch, calls } = fakeFetch(200, { ok: true, value: { initialized: false, institution: null } });
    const result = await httpTransport({ token: 'run-token', fetch })('setup.status', {});
    expect(result).toEqual({ ok: true, value: { initialized: false, institution: null } });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe(HOST_CALL_PATH);
    expect(call?.init.method).toBe('POST');
    expect(call?.init.credentials).toBe('same-origin');
    expect((call?.init.headers as Record<string, string>)[HOST_TOKEN_HEADER]).toBe('run-token');
    expect(JSON.parse(String(call?.init.body))).toEqual({ route: 'setup.status', input: {} });
  });

  it('turns a refusal into a CallError that carries the catalogue key, params and fields', async () => {
    const refusal = { code: 'username-taken', message: 'errors.username-taken', params: { username: 'juma' }, fields: { username: 'errors.username-taken' } };
    const { fetch } = fakeFetch(200, { ok: false, error: refusal });
    const client = createClient(httpTransport({ token: 't', fetch }));
    const thrown = await client.call('users.create', { username: 'juma', display_name: 'Juma', roles: ['ict_officer'], temporary_password: 'x' }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(CallError);
    expect((thrown as CallError).error).toEqual(refusal);
    expect((thrown as CallError).code).toBe('username-taken');
  });

  it('returns the value of a successful call', async () => {
    const { fetch } = fakeFetch(200, { ok: true, value: { initialized: true, institution: 'Wizara ya Fedha' } });
    const client = createClient(httpTransport({ token: 't', fetch }));
    await expect(client.call('setup.status', {})).resolves.toEqual({ initialized: true, institution: 'Wizara ya Fedha' });
  });

  it('reports a wrong run token, a dead host or a garbled answer as a lost connection', async () => {
    const unauthorised = createClient(httpTransport({ token: 'wrong', fetch: fakeFetch(401, 'unauthorised').fetch }));
    await expect(unauthorised.call('setup.status', {})).rejects.toMatchObject({ error: { code: 'connection-lost', message: 'errors.connection-lost' } });
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(createClient(httpTransport({ token: 't', fetch: down })).call('setup.status', {})).rejects.toMatchObject({ code: 'connection-lost' });
    const garbled = createClient(httpTransport({ token: 't', fetch: fakeFetch(200, '<html>').fetch }));
    await expect(garbled.call('setup.status', {})).rejects.toMatchObject({ code: 'connection-lost' });
  });

  it('tells the window when the session has ended, so it can return to sign-in', async () => {
    const { fetch } = fakeFetch(200, { ok: false, error: { code: 'session-ended', message: 'errors.session-ended' } });
    const client = createClient(httpTransport({ token: 't', fetch }));
    const heard: string[] = [];
    client.onSessionProblem((error) => heard.push(error.code));
    await expect(client.call('people.list', {})).rejects.toBeInstanceOf(CallError);
    expect(heard).toEqual(['session-ended']);
  });

  it('does not sound the session alarm for an ordinary refusal', async () => {
    const { fetch } = fakeFetch(200, { ok: false, error: { code: 'sign-in-failed', message: 'errors.sign-in-failed' } });
    const client = createClient(httpTransport({ token: 't', fetch }));
    const heard: string[] = [];
    client.onSessionProblem((error) => heard.push(error.code));
    await expect(client.call('auth.sign-in', { username: 'a', password: 'b' })).rejects.toBeInstanceOf(CallError);
    expect(heard).toEqual([]);
  });
});

describe('the run token', () => {
  it('is taken from ?token= on first load, kept for reloads and removed from the address', () => {
    const storage = memoryStorage();
    expect(takeHostToken('?token=abc123&lang=sw', storage)).toEqual({ token: 'abc123', search: '?lang=sw' });
    expect(storage.data.get(TOKEN_STORAGE_KEY)).toBe('abc123');
    expect(takeHostToken('', storage)).toEqual({ token: 'abc123', search: '' });
  });

  it('is absent when neither the address nor the session holds one', () => {
    expect(takeHostToken('', memoryStorage()).token).toBeNull();
    expect(takeHostToken('', null).token).toBeNull();
  });
});

describe('the Electron bridge transport', () => {
  it('passes calls to window.daftari and maps a thrown IPC failure to a lost connection', async () => {
    const ok = bridgeTransport({ call: async (route, input) => ({ ok: true, value: { route, input } }) });
    await expect(ok('people.list', { search: 'a' })).resolves.toEqual({ ok: true, value: { route: 'people.list', input: { search: 'a' } } });
    const broken = bridgeTransport({
      call: async () => {
        throw new Error('IPC closed');
      },
    });
    await expect(broken('people.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'connection-lost' } });
  });
});
