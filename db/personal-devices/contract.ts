// Personal devices for office work (3.6.5): what a registration says, the Head of Institution's
// decision, and the pure rules the core and the window share (how long an approval may run, which
// list a registration belongs to on a given day). Pure zod and pure functions; messages are catalogue keys.
import { z } from 'zod';
import { addDays, addMonths } from '../contract/days.ts';
import { CalendarDate, Id, multilineText, optionalMultilineText, optionalText, SearchText, text } from '../contract/inputs.ts';

export const PERSONAL_DEVICE_KINDS = ['laptop', 'tablet', 'phone', 'desktop', 'storage', 'other'] as const;
export const PERSONAL_DEVICE_STATES = ['pending', 'approved', 'rejected', 'revoked'] as const;
export type PersonalDeviceState = (typeof PERSONAL_DEVICE_STATES)[number];
/** The lists people look at: a state, or an approval's standing on the day (expiring, expired). */
export const PERSONAL_DEVICE_LISTS = ['pending', 'approved', 'expiring', 'expired', 'revoked', 'rejected', 'all'] as const;
export type PersonalDeviceList = (typeof PERSONAL_DEVICE_LISTS)[number];

/** An approval is "expiring" this many days before it lapses, so it can be renewed in time. */
export const EXPIRING_WITHIN_DAYS = 30;
/**
 * The longest an approval may run. 3.6.5 makes personal devices the exception: two years is long
 * enough to spare the head a yearly round of renewals, short enough that a device which changed hands,
 * was replaced or no longer gets security updates is looked at again.
 */
export const MAX_APPROVAL_MONTHS = 24;

export const RegisterPersonalDeviceInput = z.strictObject({
  owner_id: Id,
  kind: z.enum(PERSONAL_DEVICE_KINDS),
  make: text(80),
  model: optionalText(80),
  serial: text(80),
  /** The office work it is to be used for. */
  purpose: text(300),
  /** Which systems and data it may touch (3.6.5 scope). */
  scope: text(300),
  notes: optionalMultilineText(1000),
});

export const PersonalDeviceIdInput = z.strictObject({ device_id: Id });

export const DecidePersonalDeviceInput = z
  .strictObject({
    device_id: Id,
    // The decisions of db/core/approvals.ts (DECISIONS); a contract imports no core module.
    decision: z.enum(['approved', 'rejected']),
    /** Required to approve: the day the permission lapses. */
    expires_on: CalendarDate.nullable().default(null),
    /** Required to reject. */
    reason: optionalMultilineText(1000),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'approved' && value.expires_on === null) ctx.addIssue({ code: 'custom', path: ['expires_on'], message: 'validation.required' });
    if (value.decision === 'rejected' && !value.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'validation.required' });
  });

export const RevokePersonalDeviceInput = z.strictObject({ device_id: Id, reason: multilineText(1000) });
export const RenewPersonalDeviceInput = z.strictObject({ device_id: Id, expires_on: CalendarDate });

export const PersonalDeviceListInput = z.strictObject({
  list: z.enum(PERSONAL_DEVICE_LISTS).default('all'),
  search: SearchText,
  limit: z.number().int().min(1).max(500).default(200),
});

/** The register of personal devices: one list, as the screen shows them, on the day of the report. */
export const PersonalDevicesRegisterFilters = z.strictObject({ list: z.enum(PERSONAL_DEVICE_LISTS).default('all') });

// ---- Rules the core and the window share ----

/** The latest expiry an approval given on `today` may carry. */
export function latestExpiry(today: string): string {
  return addMonths(today, MAX_APPROVAL_MONTHS);
}

/** The last day an approval still counts as "expiring" rather than simply approved. */
export function expiringUntil(today: string): string {
  return addDays(today, EXPIRING_WITHIN_DAYS);
}

/**
 * Where a registration stands on `today`: its state, except that an approval whose expiry has passed
 * is expired (the permission lapses at the end of its expiry day) and one ending within
 * EXPIRING_WITHIN_DAYS is expiring.
 */
export function standingOn(device: { state: string; expires_on: string }, today: string): PersonalDeviceList {
  if (device.state !== 'approved') return device.state as PersonalDeviceList;
  if (device.expires_on < today) return 'expired';
  if (device.expires_on <= expiringUntil(today)) return 'expiring';
  return 'approved';
}

/** The device of a registration as a refusal or a history sentence names it: make, model and serial. */
export function describePersonalDevice(device: { make: string; model: string; serial: string }): string {
  const name = [device.make, device.model].filter(Boolean).join(' ');
  return device.serial ? `${name} (S/N ${device.serial})` : name;
}
