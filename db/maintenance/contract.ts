// The Service Maintenance Log Book's contract (3.6.1–3.6.4): kinds, outcomes and states, the forms'
// inputs, the printed book's and the register's periods, and the pure rules the core and the window
// share (downtime, which plans apply to a device, when preventive work falls due, what a repair costs).
// Pure zod and pure functions; messages are catalogue keys.
import { z } from 'zod';
import { addMonths, daysBetween } from '../contract/days.ts';
import {
  CalendarDate,
  Cursor,
  Id,
  Money,
  multilineText,
  NullableId,
  OptionalDate,
  optionalMultilineText,
  optionalText,
  OutputLanguage,
  safeString,
  text,
} from '../contract/inputs.ts';

export const MAINTENANCE_KINDS = ['corrective', 'preventive'] as const;
export const OUTCOMES = ['repaired', 'part_replaced', 'beyond_repair', 'no_fault', 'cancelled'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Issue 7: these say work was done, so the book must show who did it and what was done. */
export const WORK_OUTCOMES: readonly Outcome[] = ['repaired', 'part_replaced', 'beyond_repair'];
/** Issue 7: these close a repair without work, so the book must say why. */
export const REASON_OUTCOMES: readonly Outcome[] = ['no_fault', 'cancelled'];
export const ENTRY_STATES = ['reported', 'in_progress', 'off_site', 'returned', 'closed'] as const;

/** The largest file the log book keeps (a signed procedure, a job card, a photo), in megabytes. */
export const MAX_FILE_MEGABYTES = 15;
export const MAX_FILE_BYTES = MAX_FILE_MEGABYTES * 1024 * 1024;

export const FileInput = z.strictObject({
  name: text(200),
  mime: safeString().trim().max(100, 'validation.too-long').default('application/octet-stream'),
  /** Base64 of the bytes; at most MAX_FILE_BYTES once decoded (checked by the command). */
  base64: z.string().regex(/^[A-Za-z0-9+/=]*$/, 'validation.invalid_format').min(1, 'validation.required').max(20_000_000, 'validation.file-too-large'),
});

export const ProcedureInput = z.strictObject({
  title: text(200),
  version: text(40),
  /** The Head of Institution who approved it, as named on the document. */
  approved_by: text(120),
  approval_date: CalendarDate,
  effective_date: CalendarDate,
  document: FileInput,
});
export const ProcedureIdInput = z.strictObject({ procedure_id: Id });

export const PlanInput = z
  .strictObject({
    procedure_id: NullableId,
    category: NullableId,
    asset_id: NullableId,
    task: text(300),
    interval_months: z.number('validation.interval').int('validation.interval').min(1, 'validation.interval').max(60, 'validation.interval'),
  })
  .superRefine((value, ctx) => {
    if ((value.category === null) === (value.asset_id === null)) {
      ctx.addIssue({ code: 'custom', path: ['category'], message: 'validation.plan-scope' });
    }
  });
export const UpdatePlanInput = z.strictObject({ plan_id: Id, task: text(300), interval_months: PlanInput.shape.interval_months, active: z.boolean() });
export const DueInput = z.strictObject({ within_days: z.number().int().min(0).max(366).default(30) });

export const ProviderInput = z.strictObject({
  name: text(200),
  registration_number: optionalText(80),
  contact_name: optionalText(120),
  phone: optionalText(40),
  email: optionalText(200),
  address: optionalMultilineText(300),
});
export const UpdateProviderInput = ProviderInput.extend({ provider_id: Id, active: z.boolean() });

export const ReportInput = z.strictObject({
  asset_id: Id,
  kind: z.enum(MAINTENANCE_KINDS).default('corrective'),
  plan_id: NullableId,
  reported_on: CalendarDate,
  reported_by: text(120),
  symptoms: multilineText(2000),
  warranty: z.boolean().default(false),
});
export type ReportInput = z.input<typeof ReportInput>;
export const EntryIdInput = z.strictObject({ entry_id: Id });
export const DiagnoseInput = z.strictObject({ entry_id: Id, diagnosis: multilineText(2000) });

export const Technician = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('internal'), name: text(120) }),
  z.strictObject({ type: z.literal('external'), provider_id: Id, job_ref: optionalText(80), supervisor_name: text(120) }),
]);
export const AssignInput = z.strictObject({ entry_id: Id, technician: Technician });

export const PartInput = z.strictObject({
  name: text(160),
  quantity: z.number('validation.quantity').int('validation.quantity').min(1, 'validation.quantity').max(10_000, 'validation.quantity'),
  unit_cost_tzs: Money,
});
export const RecordWorkInput = z.strictObject({
  entry_id: Id,
  actions: multilineText(4000),
  parts: z.array(PartInput).max(50).default([]),
  labour_cost_tzs: Money.default(0),
  // Issue 7: blank is null, never 0 — the book does not claim an hour count nobody gave.
  hours: z.number('validation.hours').min(0, 'validation.hours').max(10_000, 'validation.hours').nullable().default(null),
});
export const SendOffsiteInput = z.strictObject({ entry_id: Id, sent_on: CalendarDate });
export const ReturnInput = z.strictObject({ entry_id: Id, returned_on: CalendarDate });
export const CloseInput = z.strictObject({
  entry_id: Id,
  closed_on: CalendarDate,
  outcome: z.enum(OUTCOMES),
  /** Required for "no fault found" and "cancelled" (checked by the command, which knows the outcome). */
  reason: optionalMultilineText(2000),
});
export const AttachInput = z.strictObject({ entry_id: Id, file: FileInput });
export const AttachmentInput = z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'validation.invalid_format') });

export const EntryListInput = z.strictObject({
  asset_id: NullableId,
  from: OptionalDate,
  to: OptionalDate,
  state: z.enum(['open', 'closed', 'all']).default('all'),
  after: Cursor,
  limit: z.number().int().min(1).max(500).default(100),
});

/** 3.6.4: one device's log book page, printed. */
export const LogBookPageInput = z.strictObject({ asset_id: Id, language: OutputLanguage });
export type LogBookPageInput = z.input<typeof LogBookPageInput>;

/** The log book of every device for a period, printed. */
export const LogBookPeriodInput = z
  .strictObject({ from: CalendarDate, to: CalendarDate, language: OutputLanguage })
  .superRefine((value, ctx) => {
    if (value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'documents.validation.period' });
  });
export type LogBookPeriodInput = z.input<typeof LogBookPeriodInput>;

function periodInOrder(value: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (value.from && value.to && value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'registers.validation.period' });
}

/**
 * The log book report: the entries reported in a period, both ends included (either end may be open),
 * of every device or of one. One device's log book is that device's page of the book, as printed.
 */
export const LogBookFilters = z.strictObject({ from: OptionalDate, to: OptionalDate, asset_id: Id.optional() }).superRefine(periodInOrder);

/** Maintenance cost by category, department and provider, for the entries reported in a period (both ends included; either may be open). */
export const MaintenanceCostFilters = z.strictObject({ from: OptionalDate, to: OptionalDate }).superRefine(periodInOrder);

// ---- Rules the core and the window share ----

/** A closed entry's recorded downtime, or null while the repair is open. */
export interface DowntimeOf {
  reported_on: string;
  downtime_days: number | null;
}

/**
 * Days a device has been out of service for one log book entry: a closed entry as recorded at its close
 * (reported to closed), an open one from the report until `today`. The printed book, the register, the
 * device page and the log book's totals all count with this.
 */
export function entryDowntime(entry: DowntimeOf, today: string): number {
  return entry.downtime_days ?? daysBetween(entry.reported_on, today);
}

/** Downtime recorded when a repair closes: whole days from the report to the close. */
export function closedDowntime(reportedOn: string, closedOn: string): number {
  return daysBetween(reportedOn, closedOn);
}

/** What a plan is about: one device, or every device of a category. */
export interface PlanScope {
  asset_id: string | null;
  category: string | null;
}

/** 3.6.2: a preventive plan applies to the device it names, or, naming none, to every device of its category. */
export function planAppliesTo(plan: PlanScope, device: { id: string; category: string }): boolean {
  return plan.asset_id !== null ? plan.asset_id === device.id : plan.category === device.category;
}

/**
 * When preventive work under a plan is next due on a device: an interval after it was last done, or,
 * never done, from the day the device came into the register (bought or registered).
 */
export function preventiveDueOn(lastDoneOn: string | null, intervalMonths: number, since: string): string {
  return lastDoneOn ? addMonths(lastDoneOn, intervalMonths) : since;
}

/** What one line of parts costs: quantity × unit cost, in shillings. */
export function partCost(part: { quantity: number; unit_cost_tzs: number }): number {
  return part.quantity * part.unit_cost_tzs;
}

/** What the parts of a repair cost, in shillings: the sum of their lines. */
export function partsCost(parts: readonly { quantity: number; unit_cost_tzs: number }[]): number {
  return parts.reduce((sum, part) => sum + partCost(part), 0);
}
