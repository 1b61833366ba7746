// What an event is, how an area declares its event types, and what a projection is.
import type { z } from 'zod';
import type { Database } from '../store/schema.ts';

/** Payload key every event carries: the acting person's display name, since accounts never travel. */
export const ACTOR_NAME = 'actor_name';

export type Scope = 'shared' | 'local';

export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  readonly type: string;
  /** `local` events (user accounts) stay on this installation and never enter a bundle. */
  readonly scope: Scope;
  readonly payload: S;
  /** Other entities this event affects, derived from the (hashed) payload. */
  readonly refs?: (payload: z.output<S>) => string[];
}

export function defineEvent<S extends z.ZodType>(
  type: string,
  scope: Scope,
  payload: S,
  refs?: (payload: z.output<S>) => string[],
): EventDefinition<S> {
  return { type, scope, payload, ...(refs ? { refs } : {}) };
}

export type PayloadOf<D> = D extends EventDefinition<infer S> ? z.output<S> : never;

/** An event as stored, with its payload parsed. */
export interface JournalEvent {
  seq: number;
  origin: string;
  origin_seq: number;
  hlc: string;
  actor: string;
  type: string;
  entity: string;
  payload: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** What a reducer sees: no seq (arrival order must not matter). */
export type FoldEvent = Omit<JournalEvent, 'seq' | 'prev_hash' | 'hash'>;

export interface NewEvent {
  type: string;
  entity: string;
  payload: Record<string, unknown>;
}

export type ProjectionRow = { id: string } & Record<string, string | number | null>;

export interface Projection<Row extends ProjectionRow = ProjectionRow> {
  readonly table: keyof Database & string;
  readonly columns: readonly (keyof Row & string)[];
  readonly types: readonly string[];
  /** Pure: no clock, no randomness, no I/O, never refuses. `undefined` means no row. */
  reduce(row: Row | undefined, event: FoldEvent, entity: string): Row | undefined;
}

export function defineProjection<Row extends ProjectionRow>(projection: Projection<Row>): Projection {
  return projection as unknown as Projection;
}
