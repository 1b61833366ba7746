// The core as one object: open the file, fix the installation's identity, answer calls. Every
// transport (Electron IPC via the worker, the CLI, the browser test host) holds one of these.
import { randomIds, systemClock, type Clock, type Ids } from './core/clock.ts';
import type { Services } from './core/context.ts';
import { Jobs, StoreTurns } from './core/jobs.ts';
import { authorize, dispatch, type Authorization, type CallOutcome } from './contract/dispatch.ts';
import type { Area } from './area.ts';
import { scheduledBackup } from './backups/schedule.ts';
import type { TakenBackup } from './backups/commands.ts';
import { createRegistry } from './area.ts';
import { AREAS, registry as productRegistry } from './areas.ts';
import { ensureIdentity, foldHeldEvents } from './journal/append.ts';
import { closeStore, openStore, type OpenOptions } from './store/open.ts';
import { rememberSeen, startupCheck } from './backups/startup.ts';
import { scryptHasher, type PasswordHasher } from './users/passwords.ts';
import { Sessions } from './users/sessions.ts';
import { fileKeyStore, loadOrCreateKey, memoryKeyStore, type KeyStore, type SigningKey } from './sync/keys.ts';

export interface CoreOptions extends OpenOptions {
  path: string;
  clock?: Clock;
  ids?: Ids;
  hasher?: PasswordHasher;
  idleLimitMs?: number;
  /** Where the bundle-signing key lives; by default a 0600 file beside the database (`<db>.key`). */
  keyStore?: KeyStore;
  /** The areas this core serves; the product's list (db/areas.ts) unless a test adds one of its own. */
  areas?: readonly Area[];
}

export interface Core {
  readonly services: Services;
  /** Path of the copy taken before migrating, when this open migrated an existing file. */
  readonly backup: string | null;
  call(token: string | null, route: string, input: unknown): Promise<CallOutcome>;
  /** The checks of a call to `route` without its handler (see `authorize` in contract/dispatch.ts). */
  authorize(token: string | null, route: string): Authorization;
  /** The schedule's backup (3.4.1), taken in its turn of the store when one is due; null when none was. */
  backupIfDue(): Promise<TakenBackup | null>;
  close(): void;
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const registry = options.areas && options.areas !== AREAS ? createRegistry(options.areas) : productRegistry;
  const { store, backup } = await openStore(options.path, { ...options, now: () => clock.now(), migrations: registry.migrations });
  const keyStore = options.keyStore ?? (options.path === ':memory:' ? memoryKeyStore() : fileKeyStore(`${options.path}.key`));
  let signingKey: SigningKey | null = null;
  const domain = registry.domain;
  const services: Services = {
    store,
    registry,
    domain,
    clock,
    ids,
    // Origin ids are random even when tests seed `ids`: two installations must never share an origin.
    identity: ensureIdentity(store, () => randomIds.next()),
    hasher: options.hasher ?? scryptHasher(),
    sessions: new Sessions(clock, options.idleLimitMs),
    jobs: new Jobs(),
    startup: { check: null },
    signingKey: () => (signingKey ??= loadOrCreateKey(keyStore)),
    // A restore (db/backups/commands.ts) put another file in place: later calls read and write it.
    reopened: (next, identity) => {
      services.store = next;
      services.identity = identity;
      // The file put in place is what later openings are held against; a warning about the file replaced ends with it.
      rememberSeen(next, clock.now());
      services.startup.check = startupCheck(next, clock.now());
    },
  };
  // Events a newer peer sent, of types this version did not know, are folded once it knows them.
  foldHeldEvents(store, domain);
  for (const area of registry.areas) area.startup?.(services);
  // Held up to the heads seen at the last opening and to the newest backup: a warning at once if they disagree.
  services.startup.check = startupCheck(store, clock.now());
  // Every call of every transport takes its turn of the store here (db/contract/dispatch.ts).
  const turns = new StoreTurns();
  return {
    services,
    backup,
    call: (token, route, input) => dispatch(services, turns, token, route, input),
    authorize: (token, route) => authorize(services, token, route),
    backupIfDue: () => scheduledBackup(services, turns),
    close: () => {
      // What this session wrote is held against the next opening — unless a warning is still unanswered.
      if (!services.store.sqlite.open) return;
      if (services.startup.check?.ok !== false) rememberSeen(services.store, clock.now());
      closeStore(services.store);
    },
  };
}
