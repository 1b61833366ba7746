// How a call reaches the core: the Electron preload bridge when present, otherwise the browser test
// host over loopback HTTP with the per-run token. Either way the session stays out of the page's reach.
import { HOST_CALL_PATH, HOST_TOKEN_HEADER, type DaftariBridge } from '../../db/contract/bridge.ts';
import type { Result } from '../../db/contract/route.ts';

export type Transport = (route: string, input: unknown) => Promise<Result<unknown>>;

export const TOKEN_STORAGE_KEY = 'daftari.host-token';

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * The run token: from `?token=` on first load, then from session storage so a reload still works.
 * Returns the token and the search string without it (so it is not left in the address bar).
 */
export function takeHostToken(search: string, storage: KeyValueStore | null): { token: string | null; search: string } {
  const params = new URLSearchParams(search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage?.setItem(TOKEN_STORAGE_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    return { token: fromUrl, search: rest ? `?${rest}` : '' };
  }
  return { token: storage?.getItem(TOKEN_STORAGE_KEY) ?? null, search };
}

const connectionLost: Result<never> = { ok: false, error: { code: 'connection-lost', message: 'errors.connection-lost' } };

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const candidate = value as { ok: unknown; error?: unknown };
  if (candidate.ok === true) return true;
  return candidate.ok === false && typeof candidate.error === 'object' && candidate.error !== null;
}

export function httpTransport(options: { token: string | null; fetch: typeof fetch; base?: string }): Transport {
  const url = `${options.base ?? ''}${HOST_CALL_PATH}`;
  return async (route, input) => {
    let response: Response;
    try {
      response = await options.fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', [HOST_TOKEN_HEADER]: options.token ?? '' },
        body: JSON.stringify({ route, input }),
      });
    } catch {
      return connectionLost;
    }
    // A missing or wrong run token is a lost connection to the user: nothing they typed was wrong.
    if (response.status === 401) return connectionLost;
    const body: unknown = await response.json().catch(() => null);
    return isResult(body) ? body : connectionLost;
  };
}

export function bridgeTransport(bridge: DaftariBridge): Transport {
  return async (route, input) => {
    try {
      const result = await bridge.call(route, input);
      return isResult(result) ? result : connectionLost;
    } catch {
      return connectionLost;
    }
  };
}
