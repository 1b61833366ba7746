// The one IPC channel (DESIGN.md, "The contract"): check who is calling, check the envelope, forward
// to the core's worker with the window's session token, and hand back only the result. The token
// never reaches the page, and nothing is thrown at it: every failure is a value.
import type { IpcMain } from 'electron';
import { CALL_CHANNEL, type CallRequest } from '../db/contract/bridge.ts';
import type { CallOutcome } from '../db/contract/dispatch.ts';
import type { Result } from '../db/contract/route.ts';
import { isAppUrl } from './protocol.ts';

export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}

export interface Sender {
  readonly id: number;
  readonly mainFrame: SenderFrame;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface CallEvent {
  readonly sender: Sender;
  readonly senderFrame: SenderFrame | null;
}

export type Forward = (token: string | null, route: string, input: unknown) => Promise<CallOutcome>;

export function failure(code: string): Result<never> {
  return { ok: false, error: { code, message: `errors.${code}` } };
}

/** Only the app's own top-level document may call; a subframe or a foreign page may not. */
export function isTrustedSender(event: CallEvent): boolean {
  try {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    const main = event.sender.mainFrame;
    if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
    return isAppUrl(frame.url);
  } catch {
    // A frame disposed mid-call throws on access; it is not trusted either.
    return false;
  }
}

// Only the shape is checked here: the worker's dispatcher knows the routes and refuses the rest, so the
// main process never loads the route table (nor SQLite) onto the window's thread.
const ROUTE_NAME = /^[a-z][a-z-]*\.[a-z][a-z-]*$/;

export function parseRequest(request: unknown): CallRequest | null {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return null;
  const { route, input } = request as { route?: unknown; input?: unknown };
  if (typeof route !== 'string' || route.length > 64 || !ROUTE_NAME.test(route)) return null;
  return { route, input };
}

/** One session token per window's WebContents, forgotten when the contents go away. */
export class WindowSessions {
  readonly #tokens = new Map<number, string>();
  readonly #watched = new Set<number>();

  get(sender: Sender): string | null {
    return this.#tokens.get(sender.id) ?? null;
  }

  set(sender: Sender, token: string | null): void {
    if (token === null || sender.isDestroyed()) {
      this.#tokens.delete(sender.id);
      return;
    }
    this.#tokens.set(sender.id, token);
    if (!this.#watched.has(sender.id)) {
      this.#watched.add(sender.id);
      sender.once('destroyed', () => {
        this.#tokens.delete(sender.id);
        this.#watched.delete(sender.id);
      });
    }
  }

  get size(): number {
    return this.#tokens.size;
  }
}

export function callHandler(forward: Forward, sessions: WindowSessions): (event: CallEvent, request: unknown) => Promise<Result<unknown>> {
  return async (event, request) => {
    try {
      if (!isTrustedSender(event)) return failure('forbidden');
      const call = parseRequest(request);
      if (!call) return failure('unknown-route');
      const outcome = await forward(sessions.get(event.sender), call.route, call.input);
      if (outcome.session !== undefined) sessions.set(event.sender, outcome.session);
      return outcome.result;
    } catch (error) {
      console.error('[daftari] call failed in the main process:', error);
      return failure('internal-error');
    }
  };
}

export function registerCallHandler(ipcMain: Pick<IpcMain, 'handle'>, handler: ReturnType<typeof callHandler>): void {
  ipcMain.handle(CALL_CHANNEL, (event, request: unknown) => handler(event, request));
}
