// What every command and query receives: the store and the services, and who is acting.
import type { StartupCheck } from '../backups/startup.ts';
import type { Registry } from '../area.ts';
import type { Role } from '../users/contract.ts';
import { append, type Actor, type Identity } from '../journal/append.ts';
import type { Domain } from '../journal/domain.ts';
import type { JournalEvent, NewEvent } from '../journal/types.ts';
import { transaction, type Store } from '../store/open.ts';
import type { PasswordHasher } from '../users/passwords.ts';
import type { Sessions } from '../users/sessions.ts';
import type { SigningKey } from '../sync/keys.ts';
import type { Clock, Ids } from './clock.ts';
import type { Jobs } from './jobs.ts';

export interface Services {
  store: Store;
  /** Every area's routes, events, sentences and rules (db/areas.ts). */
  registry: Registry;
  /** The registry's events and projections, for the journal. */
  domain: Domain;
  clock: Clock;
  ids: Ids;
  identity: Identity;
  hasher: PasswordHasher;
  sessions: Sessions;
  /** Long jobs in progress: how far they are, and a way to stop them. */
  jobs: Jobs;
  /** This installation's bundle-signing key, made at first use and kept outside the database. */
  signingKey(): SigningKey;
  /**
   * After a restore has put another file in the database's place: every later call uses `store`, and
   * this installation writes as `identity`. Only a core that owns its file offers it (db/core.ts).
   */
  reopened?(store: Store, identity: Identity): void;
  /** What the check at opening found (db/backups/startup.ts): the window warns while it holds problems. Shared by every call's context, so an acknowledgement ends the warning for all. */
  readonly startup: { check: StartupCheck | null };
}

export interface SessionUser {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
}

export interface CallContext extends Services {
  /** The signed-in user; null only on routes open to anyone. */
  user: SessionUser | null;
  token: string | null;
  /** Routes that sign in or out tell the transport which session now holds. */
  setSession(token: string | null): void;
}

export function actorOf(user: SessionUser): Actor {
  return { id: user.id, name: user.display_name };
}

/** The signed-in user, for routes the dispatcher has already guarded. */
export function signedIn(ctx: CallContext): SessionUser {
  if (!ctx.user) throw new Error('route reached without a session');
  return ctx.user;
}

/**
 * Runs `decide` in one write transaction: it reads the current state, throws a Refusal or returns the
 * events to append. Events and their projection rows are written together or not at all.
 */
export function command<T>(
  ctx: Services,
  actor: Actor,
  decide: () => { events: NewEvent[]; result: T },
): { result: T; written: JournalEvent[] } {
  return transaction(ctx.store, () => {
    const { events, result } = decide();
    const written = append({ store: ctx.store, domain: ctx.domain, clock: ctx.clock, identity: ctx.identity, actor }, events);
    return { result, written };
  });
}
