// The one function the window may call, whichever host it runs in. In Electron the preload exposes it
// as `window.daftari`; in the browser test host the renderer builds it over HTTP. Types only.
import type { Result } from './route.ts';

export const BRIDGE_KEY = 'daftari';
/** The single IPC channel. */
export const CALL_CHANNEL = 'daftari:call';
/** The browser test host's endpoint, its run-token header and its session cookie. */
export const HOST_CALL_PATH = '/api/call';
export const HOST_TOKEN_HEADER = 'x-daftari-token';
export const HOST_SESSION_COOKIE = 'daftari_session';

export interface CallRequest {
  route: string;
  input: unknown;
}

export interface DaftariBridge {
  call(route: string, input: unknown): Promise<Result<unknown>>;
}
