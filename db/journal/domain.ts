// The set of event types and projections the product knows, indexed for the journal.
import type { EventDefinition, AnyProjection } from './types.ts';

export interface Domain {
  readonly events: ReadonlyMap<string, EventDefinition>;
  readonly projections: readonly AnyProjection[];
  readonly projectionsByType: ReadonlyMap<string, readonly AnyProjection[]>;
}

export function createDomain(events: readonly EventDefinition[], projections: readonly AnyProjection[]): Domain {
  const byType = new Map<string, EventDefinition>();
  for (const event of events) {
    if (byType.has(event.type)) throw new Error(`event type defined twice: ${event.type}`);
    byType.set(event.type, event);
  }
  const projectionsByType = new Map<string, AnyProjection[]>();
  for (const projection of projections) {
    for (const type of projection.types) {
      if (!byType.has(type)) throw new Error(`${projection.table} folds unknown event type ${type}`);
      projectionsByType.set(type, [...(projectionsByType.get(type) ?? []), projection]);
    }
  }
  return { events: byType, projections, projectionsByType };
}
