// The messages between the main process and the core's worker thread (DESIGN.md, "Keeping the window
// responsive"), and the worker's answer to one call.
import type { CallOutcome } from '../db/contract/dispatch.ts';
import type { Result } from '../db/contract/route.ts';
import type { Core } from '../db/core.ts';
import { Refusal } from '../db/core/refusal.ts';

export interface CoreWorkerData {
  /** `signingKey`: the bundle-signing key's PEM, decrypted by the main process (electron/signing-key.ts). */
  daftariCore: { path: string; signingKey?: string };
}

export interface CallMessage {
  id: number;
  token: string | null;
  route: string;
  input: unknown;
}

export interface CloseMessage {
  close: true;
}

export type ToWorker = CallMessage | CloseMessage;

export interface CallReply {
  id: number;
  outcome: CallOutcome;
}

export const CONNECTION_LOST: Result<never> = { ok: false, error: { code: 'connection-lost', message: 'errors.connection-lost' } };
const INTERNAL_ERROR: Result<never> = { ok: false, error: { code: 'internal-error', message: 'errors.internal-error' } };

export function isCoreWorkerData(data: unknown): data is CoreWorkerData {
  if (typeof data !== 'object' || data === null || !('daftariCore' in data)) return false;
  const core = (data as { daftariCore: unknown }).daftariCore;
  if (typeof core !== 'object' || core === null || typeof (core as { path?: unknown }).path !== 'string') return false;
  const key = (core as { signingKey?: unknown }).signingKey;
  return key === undefined || typeof key === 'string';
}

export function isCallReply(message: unknown): message is CallReply {
  return typeof message === 'object' && message !== null && typeof (message as { id?: unknown }).id === 'number' && 'outcome' in message;
}

/** How opening the core ended: a Core, or the error the user must see on every call. */
export type Opened = { core: Core } | { error: unknown };

/** Never rejects, so a failed open cannot crash the worker with an unhandled rejection. */
export function settleOpen(opening: Promise<Core>): Promise<Opened> {
  return opening.then(
    (core) => ({ core }),
    (error: unknown) => {
      console.error('[daftari] the records file could not be opened:', error);
      return { error };
    },
  );
}

export async function answer(opened: Promise<Opened>, message: CallMessage): Promise<CallReply> {
  const state = await opened;
  if ('error' in state) {
    // A file from a newer version, or not a Daftari file: the refusal names it, on every call.
    const result: Result<never> = state.error instanceof Refusal ? { ok: false, error: state.error.value } : INTERNAL_ERROR;
    return { id: message.id, outcome: { result } };
  }
  try {
    return { id: message.id, outcome: await state.core.call(message.token, message.route, message.input) };
  } catch (error) {
    console.error(`[daftari] ${message.route} failed in the core's worker:`, error);
    return { id: message.id, outcome: { result: INTERNAL_ERROR } };
  }
}

/** A reply that cannot be cloned to the main process must still answer the call. */
export function postReply(post: (reply: CallReply) => void, reply: CallReply): void {
  try {
    post(reply);
  } catch (error) {
    console.error(`[daftari] reply ${reply.id} could not be sent:`, error);
    post({ id: reply.id, outcome: { result: INTERNAL_ERROR } });
  }
}
