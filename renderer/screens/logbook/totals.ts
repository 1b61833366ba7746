// Sums the log book shows: a repair's cost as it is being typed, and a period's count, cost and
// downtime. Pure, so they are tested without a window.
import { daysBetween } from '../../components/equipment/days.ts';

export interface PartLine {
  name?: string;
  quantity?: number;
  unit_cost_tzs?: number;
}

/** Parts (quantity × unit cost) plus labour; a line still being typed counts as nothing. */
export function workTotal(parts: readonly PartLine[], labour: number | null | undefined): number {
  const partsCost = parts.reduce((sum, part) => {
    const quantity = Number.isFinite(part.quantity) ? (part.quantity as number) : 0;
    const unit = Number.isFinite(part.unit_cost_tzs) ? (part.unit_cost_tzs as number) : 0;
    return sum + quantity * unit;
  }, 0);
  return partsCost + (labour !== null && labour !== undefined && Number.isFinite(labour) ? labour : 0);
}

export interface EntryForTotals {
  reported_on: string;
  downtime_days: number | null;
  total_cost_tzs: number;
}

/** Days a device has been out of service for this entry: closed ones as recorded, open ones until today. */
export function entryDowntime(entry: EntryForTotals, today: string): number {
  return entry.downtime_days ?? daysBetween(entry.reported_on, today);
}

export function periodTotals(entries: readonly EntryForTotals[], today: string): { count: number; cost: number; downtime: number } {
  return entries.reduce(
    (totals, entry) => ({ count: totals.count + 1, cost: totals.cost + entry.total_cost_tzs, downtime: totals.downtime + entryDowntime(entry, today) }),
    { count: 0, cost: 0, downtime: 0 },
  );
}
