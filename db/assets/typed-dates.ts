// The checks every date a person types goes through (issue 7): never later than today plus a small
// margin, and never before the fact it must follow. A refusal names the field, so the form marks it.
import type { CallContext } from '../core/context.ts';
import { addDays, workingDay } from '../contract/days.ts';
import { deviceSince } from './contract.ts';
import { refuse } from '../core/refusal.ts';
import type { AssetRow } from '../store/schema.ts';

/**
 * Days a typed date may run ahead of this computer's working day. A PC whose clock is a day behind
 * must still take today's date from a colleague's paper form; a year ahead is a typing mistake.
 */
export const DATE_MARGIN_DAYS = 1;

/** The working day in Dar es Salaam on this computer's clock. */
export function today(ctx: Pick<CallContext, 'clock'>): string {
  return workingDay(ctx.clock.now());
}

/** The latest date a person may type for something that has already happened. */
export function latestTypedDay(ctx: Pick<CallContext, 'clock'>): string {
  return addDays(today(ctx), DATE_MARGIN_DAYS);
}

/** Refuses a date of something already done that lies beyond today and the margin. */
export function refuseFutureDate(ctx: Pick<CallContext, 'clock'>, day: string, field: string): void {
  if (day && day > latestTypedDay(ctx)) refuse('date-in-future', undefined, { [field]: 'errors.date-in-future' });
}

/** Refuses `day` when it lies before `earliest`; `code` names what it must follow. */
export function refuseBefore(day: string, earliest: string, code: string, field: string, params?: Record<string, string>): void {
  if (day && earliest && day < earliest) refuse(code, params, { [field]: `errors.${code}` });
}

/** Refuses a fact about `asset` dated before the device was bought (or, unknown, registered). */
export function refuseBeforeDevice(asset: Pick<AssetRow, 'purchase_date' | 'created_at' | 'tag'>, day: string, field: string): void {
  const since = deviceSince(asset);
  refuseBefore(day, since, asset.purchase_date ? 'date-before-purchase' : 'date-before-registration', field, { tag: asset.tag });
}

/**
 * Refuses a fault reported before the device was bought. Unlike a removal, a report may predate the
 * device's registration: faults copied from a paper log book are older than the register taking it over.
 */
export function refuseBeforePurchase(asset: Pick<AssetRow, 'purchase_date' | 'tag'>, day: string, field: string): void {
  refuseBefore(day, asset.purchase_date, 'date-before-purchase', field, { tag: asset.tag });
}
