// A refusal from the core, as a thrown error the screens can catch: its message is a catalogue key.
import type { Result } from '../../db/contract/route.ts';

export type ErrorValue = Extract<Result<unknown>, { ok: false }>['error'];

/** Codes after which the window must go back to the sign-in screen. */
export const SESSION_LOST_CODES: readonly string[] = ['session-ended', 'not-signed-in'];

export class CallError extends Error {
  readonly error: ErrorValue;
  readonly route: string;
  constructor(route: string, error: ErrorValue) {
    super(`${route}: ${error.code}`);
    this.name = 'CallError';
    this.route = route;
    this.error = error;
  }
  get code(): string {
    return this.error.code;
  }
}

/** Any thrown value as an ErrorValue, so one alert can show every failure. */
export function errorValueOf(error: unknown): ErrorValue {
  if (error instanceof CallError) return error.error;
  return { code: 'connection-lost', message: 'errors.connection-lost' };
}
