// The shapes the projections' folds share, written once: which row an event may fold into, and the
// columns every row keeps the same way (its id, when it was first folded, when it last changed).
import type { z } from 'zod';
import { hlcInstant } from './hlc.ts';
import { on, type EventDefinition, type Fold, type FoldEvent } from './types.ts';

/** The columns a fold sets from the event itself, never from the payload. */
export interface Stamps {
  id: string;
  created_at: string;
  updated_at: string;
}

/** `Stamps` and the row's active flag, for the lists people switch on and off. */
export interface Standing extends Stamps {
  active: number;
}

/**
 * The row's id is the event's entity, its creation the first instant folded into it (after a merge an
 * edit may be folded before the event that made the row, and still makes a row), its change this one.
 */
export function stamps(row: Pick<Stamps, 'created_at'> | undefined, event: FoldEvent): Stamps {
  const at = hlcInstant(event.hlc);
  return { id: event.entity, created_at: row?.created_at ?? at, updated_at: at };
}

/** `stamps`, with the active flag an edit sets (`active`), or, for an event that does not say, the row's own (new rows are active). */
export function standing(row: Pick<Standing, 'created_at' | 'active'> | undefined, event: FoldEvent, active?: boolean): Standing {
  return { ...stamps(row, event), active: active === undefined ? (row?.active ?? 1) : active ? 1 : 0 };
}

/**
 * The payload fields a row takes, named one by one: a payload never chooses the row's id or adds
 * columns of its own, whatever a peer's build put in it.
 */
export function pick<P extends object, const K extends keyof P>(payload: P, keys: readonly K[]): Pick<P, K> {
  const fields = {} as Pick<P, K>;
  for (const key of keys) fields[key] = payload[key];
  return fields;
}

/** A fold into the event's own entity only: the rows of the entities it refers to are left as they are. */
export function onOwn<S extends z.ZodType, Row>(
  definition: EventDefinition<S>,
  reduce: (row: Row | undefined, p: z.output<S>, event: FoldEvent) => Row | undefined,
): Fold<Row> {
  return on(definition, (row: Row | undefined, p, event, entity) => (entity === event.entity ? reduce(row, p, event) : row));
}

/**
 * A change to the event's own row. An event about a row this file has not seen made yet (its making
 * event is on another installation, or a later bundle) has nothing to fold into: no row.
 */
export function onExisting<S extends z.ZodType, Row>(
  definition: EventDefinition<S>,
  change: (row: Row, p: z.output<S>, at: string, event: FoldEvent) => Row,
): Fold<Row> {
  return onOwn(definition, (row: Row | undefined, p, event) => (row ? change(row, p, hlcInstant(event.hlc), event) : undefined));
}
