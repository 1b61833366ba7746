// Sums the log book shows: a repair's cost as it is being typed, and a period's count, cost and
// downtime. The rules are the core's (db/maintenance/contract.ts); this file only feeds them what a
// half-typed form holds. Pure, so they are tested without a window.
import { entryDowntime, partsCost, type DowntimeOf } from '../../../db/maintenance/contract.ts';

export interface PartLine {
  name?: string;
  quantity?: number;
  unit_cost_tzs?: number;
}

/** A number still being typed (blank, NaN) counts as nothing. */
function typed(value: number | null | undefined): number {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : 0;
}

/** Parts (quantity × unit cost) plus labour; a line still being typed counts as nothing. */
export function workTotal(parts: readonly PartLine[], labour: number | null | undefined): number {
  return partsCost(parts.map((part) => ({ quantity: typed(part.quantity), unit_cost_tzs: typed(part.unit_cost_tzs) }))) + typed(labour);
}

export interface EntryForTotals extends DowntimeOf {
  total_cost_tzs: number;
}

export function periodTotals(entries: readonly EntryForTotals[], today: string): { count: number; cost: number; downtime: number } {
  return entries.reduce(
    (totals, entry) => ({ count: totals.count + 1, cost: totals.cost + entry.total_cost_tzs, downtime: totals.downtime + entryDowntime(entry, today) }),
    { count: 0, cost: 0, downtime: 0 },
  );
}
