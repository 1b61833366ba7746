// The typed client: `call('people.register', input)` is checked against the route table's own types,
// so a renamed route or field breaks the build rather than the user.
import { BRIDGE_KEY, type DaftariBridge } from '../../db/contract/bridge.ts';
import type { RouteInput, RouteName, RouteOutput } from '../../db/contract/routes.ts';
import { CallError, SESSION_LOST_CODES, type ErrorValue } from './call-error.ts';
import { bridgeTransport, httpTransport, takeHostToken, type Transport } from './transport.ts';

export type Call = <K extends RouteName>(route: K, input: RouteInput<K>) => Promise<RouteOutput<K>>;

export interface Client {
  call: Call;
  /** Told when the core says the session is gone or a password change is due. */
  onSessionProblem(listener: (error: ErrorValue) => void): () => void;
}

export function createClient(transport: Transport): Client {
  const listeners = new Set<(error: ErrorValue) => void>();
  const call: Call = async (route, input) => {
    const result = await transport(route, input);
    if (result.ok) return result.value as RouteOutput<typeof route>;
    if (SESSION_LOST_CODES.includes(result.error.code) || result.error.code === 'password-change-required') {
      for (const listener of listeners) listener(result.error);
    }
    throw new CallError(route, result.error);
  };
  return {
    call,
    onSessionProblem(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** The transport for wherever the window is running. */
export function detectTransport(): Transport {
  const bridge = (window as unknown as Record<string, DaftariBridge | undefined>)[BRIDGE_KEY];
  if (bridge && typeof bridge.call === 'function') return bridgeTransport(bridge);
  const { token, search } = takeHostToken(window.location.search, safeSessionStorage());
  if (search !== window.location.search) {
    window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
  }
  return httpTransport({ token, fetch: window.fetch.bind(window) });
}
