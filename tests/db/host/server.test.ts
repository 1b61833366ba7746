// The browser test host answers only this run's page, keeps the session out of the page's reach, and
// serves nothing outside the built renderer.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../db/core.ts';
import { HOST_CALL_PATH, HOST_SESSION_COOKIE, HOST_TOKEN_HEADER } from '../../../db/contract/bridge.ts';
import { startHost, type Host } from '../../../db/host/server.ts';
import { scryptHasher } from '../../../db/users/passwords.ts';

describe('browser test host', () => {
  let core: Core;
  let host: Host;
  let root: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daftari-host-'));
    root = join(dir, 'renderer');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Daftari</title>');
    writeFileSync(join(dir, 'secret.txt'), 'outside the root');
    core = await openCore({ path: join(dir, 'daftari.sqlite'), hasher: scryptHasher(10) });
    host = await startHost({ core, root });
  });

  afterAll(async () => {
    await host.close();
    core.close();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${host.origin}${HOST_CALL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HOST_TOKEN_HEADER]: host.token, ...headers },
      body: JSON.stringify(body),
    });

  it('listens on 127.0.0.1 only and hands out a URL carrying the run token', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
  });

  it('serves the renderer with a strict content security policy', async () => {
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Daftari</title>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("object-src 'none'");
  });

  it('refuses to serve a file outside the renderer folder', async () => {
    const response = await fetch(`${host.origin}/..%2Fsecret.txt`);
    expect(await response.text()).not.toContain('outside the root');
  });

  it('refuses a call without the run token', async () => {
    const response = await post({ route: 'setup.status', input: {} }, { [HOST_TOKEN_HEADER]: 'guess' });
    expect(response.status).toBe(401);
  });

  it('answers calls through the contract and keeps the session in an HttpOnly cookie', async () => {
    const status = await (await post({ route: 'setup.status', input: {} })).json();
    expect(status).toEqual({ ok: true, value: { initialized: false, institution: null } });
    const setup = await post({
      route: 'setup.initialize',
      input: {
        institution: { name: 'Wizara ya Maji', code: 'MAJI', postal_address: 'S.L.P. 456, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Katibu Mkuu' },
        admin: { username: 'asha', display_name: 'Asha Mrisho', password: 'Kijani#Mti42', confirm: 'Kijani#Mti42' },
      },
    });
    const cookie = setup.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${HOST_SESSION_COOKIE}=[^;]+; Path=/; HttpOnly; SameSite=Strict`));
    const body = await setup.text();
    expect(body).not.toContain(cookie.split(';')[0]?.split('=')[1] as string);
    const session = cookie.split(';')[0] as string;
    const me = await (await post({ route: 'auth.me', input: {} }, { cookie: session })).json();
    expect(me.value.user.username).toBe('asha');
    const anonymous = await (await post({ route: 'users.list', input: {} })).json();
    expect(anonymous.error.code).toBe('not-signed-in');
  });

  it('answers a malformed envelope with an error value', async () => {
    const response = await fetch(`${host.origin}${HOST_CALL_PATH}`, {
      method: 'POST',
      headers: { [HOST_TOKEN_HEADER]: host.token },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalid-input');
  });
});
