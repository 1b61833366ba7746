// Signed-in sessions live in memory only: closing the app signs everyone out. Whether a session still
// counts is decided against the database on every call (3.1.2: deactivation ends it at once).
import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.ts';

export interface Session {
  token: string;
  userId: string;
  startedAt: number;
  lastSeenAt: number;
}

export const IDLE_LIMIT_MS = 30 * 60 * 1000;

export class Sessions {
  readonly #byToken = new Map<string, Session>();
  readonly #clock: Clock;
  readonly #idleLimitMs: number;

  constructor(clock: Clock, idleLimitMs = IDLE_LIMIT_MS) {
    this.#clock = clock;
    this.#idleLimitMs = idleLimitMs;
  }

  start(userId: string): Session {
    const now = this.#clock.now().getTime();
    const session = { token: randomBytes(32).toString('base64url'), userId, startedAt: now, lastSeenAt: now };
    this.#byToken.set(session.token, session);
    return session;
  }

  /** The session, touched; `undefined` when unknown or idle too long. */
  find(token: string | null): Session | undefined {
    if (!token) return undefined;
    const session = this.#byToken.get(token);
    if (!session) return undefined;
    const now = this.#clock.now().getTime();
    if (now - session.lastSeenAt > this.#idleLimitMs) {
      this.#byToken.delete(token);
      return undefined;
    }
    session.lastSeenAt = now;
    return session;
  }

  end(token: string | null): void {
    if (token) this.#byToken.delete(token);
  }

  /** Everyone signs in again (a restore has replaced the accounts they signed in with). */
  endAll(): void {
    this.#byToken.clear();
  }

  endAllFor(userId: string): void {
    for (const [token, session] of this.#byToken) if (session.userId === userId) this.#byToken.delete(token);
  }
}
