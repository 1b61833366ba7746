// Off-premises requests (3.6.11): a public servant taking devices that hold government data out of the
// office, decided by the Accounting Officer, checked out and back in, with the permit (Kibali) the
// servant carries. Pure zod and pure rules, shared with the window; messages are catalogue keys.
import { z } from 'zod';
import { CLASSIFICATIONS, OFFLINE_CLASSIFICATIONS } from '../assets/contract.ts';
import { CalendarDate, Cursor, Id, multilineText, NullableId, OptionalDate, optionalMultilineText, optionalText, OutputLanguage, safeString, text } from '../contract/inputs.ts';

/** requested → approved | rejected; approved → checked_out | revoked; checked_out → returned | revoked. */
export const MOVEMENT_STATES = ['requested', 'approved', 'rejected', 'checked_out', 'returned', 'revoked'] as const;
export type MovementState = (typeof MOVEMENT_STATES)[number];
/** The list's filters: a state, everything still open, or what is out past its due date. */
export const MOVEMENT_FILTERS = ['all', 'open', 'overdue', ...MOVEMENT_STATES] as const;
/** How the devices came back. */
export const RETURN_CONDITIONS = ['good', 'damaged', 'incomplete'] as const;
/** What a gate check answers. */
export const PERMIT_ANSWERS = ['valid', 'expired', 'revoked', 'unknown'] as const;
export type PermitAnswer = (typeof PERMIT_ANSWERS)[number];

/** The most devices one permit covers. */
export const MAX_DEVICES = 20;

export const RequestInput = z.strictObject({
  /** The public servant taking the devices out (the people register). */
  holder_id: Id,
  asset_ids: z.array(Id).min(1, 'validation.required').max(MAX_DEVICES, 'validation.too_big'),
  purpose: text(300),
  destination: text(200),
  date_out: CalendarDate,
  due_on: CalendarDate,
  /** The government data the devices hold, in a few words. */
  data_held: text(300),
});
export type RequestInput = z.input<typeof RequestInput>;

export const RequestIdInput = z.strictObject({ request_id: Id });

export const DecideInput = z.strictObject({
  request_id: Id,
  // The decisions of db/core/approvals.ts (DECISIONS); a contract imports no core module.
  decision: z.enum(['approved', 'rejected']),
  /** Required to reject (checked by the command, which knows the decision). */
  reason: optionalMultilineText(1000),
  /** 3.2.3: required to approve a device classified secret or top secret. */
  justification: optionalText(500),
});
export type DecideInput = z.input<typeof DecideInput>;

export const CheckOutInput = z.strictObject({ request_id: Id, out_on: CalendarDate });
export const CheckInInput = z.strictObject({
  request_id: Id,
  returned_on: CalendarDate,
  condition: z.enum(RETURN_CONDITIONS),
  notes: optionalMultilineText(1000),
});
export const RevokeInput = z.strictObject({ request_id: Id, reason: multilineText(1000) });

export const MovementListInput = z.strictObject({
  filter: z.enum(MOVEMENT_FILTERS).default('all'),
  asset_id: NullableId,
  after: Cursor,
  limit: z.number().int().min(1).max(500).default(100),
});
export type MovementListInput = z.input<typeof MovementListInput>;

/** What the gate types or scans: the permit's QR text, or its number and code as printed. */
export const PermitCheckInput = z.strictObject({ text: safeString().trim().min(1, 'validation.required').max(200, 'validation.too-long') });

/** The register of permits for a period by the date out (both ends included; either may be open), and a state. */
export const MovementsRegisterFilters = z
  .strictObject({ from: OptionalDate, to: OptionalDate, filter: z.enum(MOVEMENT_FILTERS).default('all') })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'registers.validation.period' });
  });

export const PermitPrintInput = z.strictObject({ request_id: Id, language: OutputLanguage });
export type PermitPrintInput = z.input<typeof PermitPrintInput>;

// ---- Rules the core and the window share ----

/** The most restrictive classification of a list (3.4.5), `public` for none. */
export function highestClassification(classifications: readonly string[]): string {
  let rank = 0;
  for (const c of classifications) rank = Math.max(rank, CLASSIFICATIONS.indexOf(c as (typeof CLASSIFICATIONS)[number]));
  return CLASSIFICATIONS[rank] ?? 'public';
}

/** 3.2.3: secret and top secret leave the office only with the Accounting Officer's written justification. */
export function needsJustification(classification: string): boolean {
  return OFFLINE_CLASSIFICATIONS.includes(classification);
}

/** Devices are out: checked out and not yet back (a revoked permit's devices may still be out). */
export function isOut(row: { out_on: string; returned_on: string }): boolean {
  return row.out_on !== '' && row.returned_on === '';
}

/** 3.6.11: out and not back by the day it was due. */
export function isOverdue(row: { out_on: string; returned_on: string; due_on: string }, today: string): boolean {
  return isOut(row) && row.due_on < today;
}

/** The permit number: `{CODE}/KBL/{YYYY}/{SEQ}`, four digits at least. */
export function permitNumber(code: string, year: number, seq: number): string {
  return `${code}/KBL/${year}/${String(seq).padStart(4, '0')}`;
}

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed by hand is not misread. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;

/** A verification code as printed: two groups of five. */
export function groupCode(code: string): string {
  return code.length === CODE_LENGTH ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

/** The text the permit's QR code holds: the number and the code, as a person would also type them. */
export function permitText(permitNo: string, code: string): string {
  return `${permitNo} ${groupCode(code)}`;
}

/**
 * The permit number and the code from what was scanned or typed: the number first, then the code,
 * with or without its dash; letters a person mistypes (O for 0, I or L for 1) are read as meant.
 */
export function parsePermitText(input: string): { permit_no: string; code: string } | null {
  const parts = input.trim().toUpperCase().split(/\s+/);
  const [number, ...rest] = parts;
  if (!number || rest.length === 0) return null;
  const code = rest
    .join('')
    .replace(/[-\s]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return { permit_no: number, code };
}

// ---- Conflicts a merge can reveal (conflicts.ts detects them; the permits and Sync screens tell them) ----

/** A catalogue lookup with `{{name}}` parameters: the core's translator or the window's i18next `t`. */
type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A device out or approved to leave on a permit on one installation, at or away for repair on another. */
export const OFF_PREMISES_WHILE_REPAIR = 'off-premises-while-repair';
/** A device out or approved to leave on a permit on one installation, received through a handover on another. */
export const HANDED_OVER_WHILE_OFF_PREMISES = 'handed-over-while-off-premises';
export const MOVEMENT_CONFLICT_KINDS = [OFF_PREMISES_WHILE_REPAIR, HANDED_OVER_WHILE_OFF_PREMISES] as const;

/** An off-premises conflict in plain words, in the language of `t`: the device, the permit and who is involved, and what to do. */
export function describeMovementConflict(conflict: { kind: string; detail: Record<string, unknown> }, t: Translate): string {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  if (conflict.kind === HANDED_OVER_WHILE_OFF_PREMISES) {
    return t(`movements_ui.conflict.handed-over.${conflict.detail.state === 'out' ? 'out' : 'approved'}`, {
      tag: text(conflict.detail.tag),
      permit: text(conflict.detail.permit),
      holder: text(conflict.detail.holder),
      handover: text(conflict.detail.handover),
      receiver: text(conflict.detail.receiver) || t('movements_ui.conflict.handed-over.store'),
    });
  }
  const permits = Array.isArray(conflict.detail.permits) ? conflict.detail.permits.filter((p): p is string => typeof p === 'string') : [];
  return t('movements_ui.conflict.text', { tag: text(conflict.detail.tag), permits: permits.join(', ') });
}
