// What an event is, how an area declares its event types, and what a projection is.
import type { z } from 'zod';
import type { Database, JournalRow } from '../store/schema.ts';

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

/** An event as stored (the `journal` row), with its payload parsed. */
export type JournalEvent = Omit<JournalRow, 'payload'> & { payload: Record<string, unknown> };

/** What a reducer sees: no seq (arrival order must not matter). */
export type FoldEvent = Omit<JournalEvent, 'seq' | 'prev_hash' | 'hash'>;

/**
 * An event a command asks to append. Built only by `emit`, so its type is a definition, never a
 * string, and its payload has the definition's input type.
 */
export interface NewEvent {
  readonly event: EventDefinition;
  readonly entity: string;
  readonly payload: unknown;
}

/** The one way a command names an event: `emit(assetRegistered, id, payload)`, the payload typed by the schema. */
export function emit<S extends z.ZodType>(event: EventDefinition<S>, entity: string, payload: z.input<S>): NewEvent {
  return { event, entity, payload };
}

export type ProjectionRow = { id: string } & Record<string, string | number | null>;

/** How one event type changes one row; `undefined` means no row. */
export type Reducer<Row, P> = (row: Row | undefined, payload: P, event: FoldEvent, entity: string) => Row | undefined;

/** One event type's fold into a projection, made by `on`. */
export interface Fold<Row> {
  readonly types: readonly string[];
  readonly reduce: (row: Row | undefined, event: FoldEvent, entity: string) => Row | undefined;
}

type Payloads<E extends readonly EventDefinition[]> = { [K in keyof E]: PayloadOf<E[K]> }[number];

/**
 * Registers a reducer for one event type (or several sharing a reducer), its payload typed by the
 * schema. Stored payloads were checked against that schema when written (append, sync import) and
 * `verify` checks them again, so the fold reads them as the schema's output without parsing.
 */
export function on<const E extends readonly EventDefinition[], Row>(events: E, reduce: Reducer<Row, Payloads<E>>): Fold<Row>;
export function on<S extends z.ZodType, Row>(event: EventDefinition<S>, reduce: Reducer<Row, z.output<S>>): Fold<Row>;
export function on<Row>(events: EventDefinition | readonly EventDefinition[], reduce: Reducer<Row, never>): Fold<Row> {
  const list: readonly EventDefinition[] = Array.isArray(events) ? events : [events as EventDefinition];
  return {
    types: list.map((e) => e.type),
    reduce: (row, event, entity) => reduce(row, event.payload as never, event, entity),
  };
}

export interface Projection<Row extends ProjectionRow = ProjectionRow> {
  readonly table: keyof Database & string;
  readonly columns: readonly (keyof Row & string)[];
  readonly types: readonly string[];
  /** Pure: no clock, no randomness, no I/O, never refuses. `undefined` means no row. `entity` defaults to the event's. */
  reduce(row: Row | undefined, event: FoldEvent, entity?: string): Row | undefined;
}

/**
 * A projection as the journal handles it, whatever its row type: the row type is checked where the
 * projection is defined, and rows come back from the table they were written to.
 */
export interface AnyProjection {
  readonly table: keyof Database & string;
  readonly columns: readonly string[];
  readonly types: readonly string[];
  reduce(row: ProjectionRow | undefined, event: FoldEvent, entity?: string): ProjectionRow | undefined;
}

export interface ProjectionSpec<Row extends ProjectionRow> {
  readonly table: keyof Database & string;
  readonly columns: readonly (keyof Row & string)[];
  readonly on: readonly Fold<Row>[];
}

export function defineProjection<Row extends ProjectionRow>(spec: ProjectionSpec<Row>): Projection<Row> {
  const byType = new Map<string, Fold<Row>>();
  for (const fold of spec.on) {
    for (const type of fold.types) {
      if (byType.has(type)) throw new Error(`${spec.table} folds ${type} twice`);
      byType.set(type, fold);
    }
  }
  return {
    table: spec.table,
    columns: spec.columns,
    types: [...byType.keys()],
    reduce: (row, event, entity = event.entity) => {
      const fold = byType.get(event.type);
      return fold ? fold.reduce(row, event, entity) : row;
    },
  };
}
