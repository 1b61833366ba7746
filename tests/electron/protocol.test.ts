import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  appProtocolHandler,
  isAppUrl,
  isBlockedRequest,
  resolveAppFile,
  withContentSecurityPolicy,
} from '../../electron/protocol.ts';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'daftari-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Daftari</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'not for the window');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => appProtocolHandler(root)({ url, method });

describe('the app protocol', () => {
  it('serves the window from app://daftari/ with the strict content security policy', async () => {
    const response = await get(APP_ENTRY);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Daftari</title>');
  });

  it('serves index.html for the bare origin and scripts with their type', async () => {
    expect(await (await get('app://daftari/')).text()).toContain('Daftari');
    const script = await get('app://daftari/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('refuses to climb out of the renderer folder, however the dots are written', async () => {
    for (const url of [
      'app://daftari/assets/..%2F..%2Fsecret.txt',
      'app://daftari/%2e%2e%2fsecret.txt',
      'app://daftari/assets%2F%2E%2E%2F%2E%2E%2Fsecret.txt',
      'app://daftari/..%5csecret.txt',
      'app://daftari/index.html%00.png',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(403);
      expect(await response.text(), url).not.toContain('not for the window');
    }
  });

  it('keeps dot segments that the URL parser resolves inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://daftari/../secret.txt')).toBe(join(root, 'secret.txt'));
    expect(resolveAppFile(root, 'app://daftari/a/%2E%2E/%2E%2E/secret.txt')).toBe(join(root, 'secret.txt'));
  });

  it('answers 404 for a missing file and refuses other hosts and methods', async () => {
    expect((await get('app://daftari/missing.js')).status).toBe(404);
    expect((await get('app://elsewhere/index.html')).status).toBe(403);
    expect((await get(APP_ENTRY, 'POST')).status).toBe(405);
  });

  it('sends no body for HEAD', async () => {
    const response = await get(APP_ENTRY, 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('recognises only the app origin as the app', () => {
    expect(isAppUrl('app://daftari/index.html')).toBe(true);
    expect(isAppUrl('app://daftari/#/people')).toBe(true);
    for (const url of ['https://daftari/', 'app://daftari.example/', 'app://evil@daftari/', 'app://daftari:8080/', 'file:///index.html', 'not a url']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('is registered as a standard, secure scheme', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
  });
});

describe('the content security policy', () => {
  it('allows only the app itself to supply scripts, connections, frames and forms', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'font-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
    });
  });

  it('replaces any policy a response brought with it', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('blocks requests that would leave the machine or read local files', () => {
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:8080/', 'wss://example.com/', 'file:///etc/passwd']) {
      expect(isBlockedRequest(url), url).toBe(true);
    }
    for (const url of ['app://daftari/index.html', 'devtools://devtools/bundled/inspector.html', 'data:image/png;base64,AAAA']) {
      expect(isBlockedRequest(url), url).toBe(false);
    }
  });
});
