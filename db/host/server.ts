// The browser test host: the built renderer on 127.0.0.1, its calls answered through the same contract
// over HTTP. It exists so end-to-end tests run where no Electron binary can be had. Every call needs the
// per-run token; the session lives in an HttpOnly cookie the page's scripts cannot read.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { HOST_CALL_PATH, HOST_SESSION_COOKIE, HOST_TOKEN_HEADER } from '../contract/bridge.ts';
import type { Core } from '../core.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

// Room for the largest input a route takes: a sync bundle of about 50 MB, as base64.
const MAX_BODY_BYTES = 80 * 1024 * 1024;

export interface HostOptions {
  core: Core;
  /** The built renderer (dist/renderer). */
  root: string;
  port?: number;
}

export interface Host {
  /** Open this in the browser: it carries the run token. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieOf(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function send(response: ServerResponse, status: number, body: string | Buffer, type: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function serveFile(root: string, pathname: string, response: ServerResponse): Promise<void> {
  const decoded = decodeURIComponent(pathname);
  const candidate = resolve(root, `.${normalize(decoded)}`);
  if (candidate !== root && !candidate.startsWith(root + sep)) return send(response, 403, 'forbidden', 'text/plain');
  let file = candidate;
  const info = await stat(file).catch(() => null);
  // The app routes in the page itself: unknown paths get index.html.
  if (!info || info.isDirectory()) file = join(root, 'index.html');
  const body = await readFile(file).catch(() => null);
  if (!body) return send(response, 404, 'not found', 'text/plain');
  send(response, 200, body, TYPES[extname(file)] ?? 'application/octet-stream');
}

export async function startHost(options: HostOptions): Promise<Host> {
  const root = resolve(options.root);
  const token = randomBytes(24).toString('base64url');
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      console.error('[daftari host]', error);
      if (!response.headersSent) send(response, 500, 'error', 'text/plain');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== HOST_CALL_PATH) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'method not allowed', 'text/plain');
      return serveFile(root, url.pathname, response);
    }
    if (request.method !== 'POST') return send(response, 405, 'method not allowed', 'text/plain');
    const presented = request.headers[HOST_TOKEN_HEADER];
    if (typeof presented !== 'string' || !sameSecret(presented, token)) return send(response, 401, 'unauthorised', 'text/plain');
    const body = await readBody(request);
    let envelope: { route?: unknown; input?: unknown } | null = null;
    try {
      envelope = body === null ? null : (JSON.parse(body) as { route?: unknown; input?: unknown });
    } catch {
      envelope = null;
    }
    if (!envelope || typeof envelope.route !== 'string') {
      const error = { ok: false, error: { code: 'invalid-input', message: 'errors.invalid-input' } };
      return send(response, 400, JSON.stringify(error), 'application/json; charset=utf-8');
    }
    const outcome = await options.core.call(cookieOf(request, HOST_SESSION_COOKIE), envelope.route, envelope.input);
    const headers: Record<string, string> = {};
    if (outcome.session !== undefined) {
      headers['set-cookie'] =
        outcome.session === null
          ? `${HOST_SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`
          : `${HOST_SESSION_COOKIE}=${encodeURIComponent(outcome.session)}; Path=/; HttpOnly; SameSite=Strict`;
    }
    send(response, 200, JSON.stringify(outcome.result), 'application/json; charset=utf-8', headers);
  }

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ready());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
