// The demo's commands go through the routes the app uses (the route's own input schema, its handler,
// the hash chain, the reducers), many to one outer transaction: better-sqlite3 runs each command's own
// transaction inside it as a savepoint, so thousands of commands cost one commit instead of one each.
import type { Core } from '../core.ts';
import type { manualClock } from '../core/clock.ts';
import type { CallContext } from '../core/context.ts';
import { Refusal } from '../core/refusal.ts';
import { fieldsOf } from '../contract/dispatch.ts';
import type { RouteInput, RouteName, RouteOutput } from '../contract/routes.ts';

export type Call = <K extends RouteName>(route: K, input: RouteInput<K>) => Promise<RouteOutput<K>>;

/**
 * The demo's clock moves this far with every command, so each event has its own instant and the
 * whole ministry (about 2.7 million commands) is entered within one working day.
 */
export const STEP_MS = 10;

/** Commands per outer transaction: large enough that the commit's fsync vanishes, small enough to keep the WAL short. */
export const BATCH_SIZE = 2_000;

export class Batches {
  readonly #core: Core;
  readonly #clock: ReturnType<typeof manualClock>;
  readonly #size: number;
  /** Each route's context, authorized once per session: the same checks the dispatcher makes on every call. */
  readonly #contexts = new Map<string, CallContext>();
  #pending = 0;

  constructor(core: Core, clock: ReturnType<typeof manualClock>, size = BATCH_SIZE) {
    this.#core = core;
    this.#clock = clock;
    this.#size = size;
  }

  /** Calls routes as the user signed in with `token`; a refusal is thrown, as nothing in the demo should be refused. */
  as(token: string): Call {
    return async <K extends RouteName>(route: K, input: RouteInput<K>): Promise<RouteOutput<K>> => {
      const ctx = this.#context(token, route);
      const definition = this.#core.services.registry.routes[route];
      if (!definition) throw new Refusal('unknown-route');
      const parsed = definition.input.safeParse(input);
      if (!parsed.success) throw new Refusal('invalid-input', undefined, fieldsOf(parsed.error));
      this.#clock.advance(STEP_MS);
      const sqlite = this.#core.services.store.sqlite;
      if (!sqlite.inTransaction) sqlite.exec('BEGIN IMMEDIATE');
      const value = await definition.handler(ctx, parsed.data);
      this.#pending += 1;
      if (this.#pending >= this.#size) this.commit();
      return value as RouteOutput<K>;
    };
  }

  /** Keeps what the commands since the last commit wrote. */
  commit(): void {
    const sqlite = this.#core.services.store.sqlite;
    if (sqlite.inTransaction) sqlite.exec('COMMIT');
    this.#pending = 0;
  }

  /** Drops what the commands since the last commit wrote (the demo stopped or failed). */
  rollback(): void {
    const sqlite = this.#core.services.store.sqlite;
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    this.#pending = 0;
  }

  #context(token: string, route: RouteName): CallContext {
    const key = `${token} ${route}`;
    let ctx = this.#contexts.get(key);
    if (!ctx) {
      const verdict = this.#core.authorize(token, route);
      if (!verdict.ok) throw new Refusal(verdict.error.code, verdict.error.params, verdict.error.fields);
      ctx = verdict.ctx;
      this.#contexts.set(key, ctx);
    }
    return ctx;
  }
}
