// Input schemas of the equipment register and the Service Maintenance Log Book (3.6.1–3.6.4).
// Pure zod, shared with the window's forms; messages are catalogue keys.
import { z } from 'zod';
import { CONTROL_CHARACTERS_KEY, Cursor, hasControlCharacters, Id, multilineText, NullableId, optionalMultilineText, optionalText, safeString, SearchText, text } from './schemas.ts';

export const BUILTIN_CATEGORIES = [
  'desktop',
  'laptop',
  'server',
  'printer',
  'scanner',
  'network',
  'ups',
  'phone',
  'tablet',
  'projector',
  'external_drive',
  'flash_disk',
  'other',
] as const;

/** Categories whose devices hold records unless the officer says otherwise (3.6.12). */
export const RECORD_HOLDING_CATEGORIES: readonly string[] = ['desktop', 'laptop', 'server', 'phone', 'tablet', 'external_drive', 'flash_disk'];

// 3.4.5 classification; 3.2.3: secret and top secret never connect directly to the Internet.
export const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'secret', 'top_secret'] as const;
export const OFFLINE_CLASSIFICATIONS: readonly string[] = ['secret', 'top_secret'];
export const ASSET_STATUSES = ['in_service', 'in_store', 'under_repair', 'away_for_repair', 'off_premises', 'awaiting_disposal', 'disposed'] as const;
export const MEDIA_KINDS = ['hdd', 'ssd', 'emmc', 'memory_card', 'other'] as const;
export const MAINTENANCE_KINDS = ['corrective', 'preventive'] as const;
export const OUTCOMES = ['repaired', 'part_replaced', 'beyond_repair', 'no_fault', 'cancelled'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Issue 7: these say work was done, so the book must show who did it and what was done. */
export const WORK_OUTCOMES: readonly Outcome[] = ['repaired', 'part_replaced', 'beyond_repair'];
/** Issue 7: these close a repair without work, so the book must say why. */
export const REASON_OUTCOMES: readonly Outcome[] = ['no_fault', 'cancelled'];
export const ENTRY_STATES = ['reported', 'in_progress', 'off_site', 'returned', 'closed'] as const;

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A date a person typed, `YYYY-MM-DD`. */
export const CalendarDate = z.string().trim().refine(isCalendarDate, 'validation.date');
export const OptionalDate = z
  .string()
  .trim()
  .refine((v) => v === '' || isCalendarDate(v), 'validation.date')
  .default('');
export const Money = z.number('validation.money').int('validation.money').min(0, 'validation.money').max(1_000_000_000_000, 'validation.money');

export const MediumInput = z.strictObject({
  kind: z.enum(MEDIA_KINDS),
  capacity_gb: z.number('validation.capacity').int('validation.capacity').min(1, 'validation.capacity').max(1_000_000, 'validation.capacity').nullable().default(null),
  serial: optionalText(80),
});
export type MediumInput = z.input<typeof MediumInput>;

const AssetParticulars = z.strictObject({
  category: text(64),
  make: text(80),
  model: text(120),
  serial: optionalText(80),
  purchase_date: OptionalDate,
  supplier: optionalText(160),
  cost_tzs: Money.nullable().default(null),
  funding_source: optionalText(160),
  warranty_end: OptionalDate,
  location_id: NullableId,
  department_id: NullableId,
  custodian_id: NullableId,
  classification: z.enum(CLASSIFICATIONS).default('internal'),
  /** Blank: the category's default. */
  can_hold_records: z.boolean().nullable().default(null),
  notes: optionalMultilineText(2000),
});

export const RegisterAssetInput = AssetParticulars.extend({
  /** Blank: generated from the institution code and the next number. */
  tag: optionalText(40),
  media: z.array(MediumInput).max(16).default([]),
});
export type RegisterAssetInput = z.input<typeof RegisterAssetInput>;

export const UpdateAssetInput = AssetParticulars.extend({ asset_id: Id, tag: text(40) });
export type UpdateAssetInput = z.input<typeof UpdateAssetInput>;
export const AssetIdInput = z.strictObject({ asset_id: Id });

export const ASSET_SORTS = ['tag_asc', 'tag_desc', 'updated_desc'] as const;
export const AssetListInput = z.strictObject({
  search: SearchText,
  category: NullableId,
  status: z.enum(ASSET_STATUSES).nullable().default(null),
  department_id: NullableId,
  location_id: NullableId,
  custodian_id: NullableId,
  classification: z.enum(CLASSIFICATIONS).nullable().default(null),
  sort: z.enum(ASSET_SORTS).default('tag_asc'),
  after: Cursor,
  limit: z.number().int().min(1).max(500).default(100),
});
export type AssetListInput = z.input<typeof AssetListInput>;

/** The placeholders of an asset tag format. */
export const TAG_PLACEHOLDERS = ['CODE', 'CAT', 'YYYY', 'SEQ'] as const;

/** The tag a format gives: the core numbers devices with it, the window previews it. */
export function formatTag(format: string, values: { code: string; category: string; year: number; seq: number }): string {
  return format
    .replaceAll('{CODE}', values.code)
    .replaceAll('{CAT}', values.category.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 6))
    .replaceAll('{YYYY}', String(values.year))
    .replaceAll('{SEQ}', String(values.seq).padStart(5, '0'));
}

export const TagFormatInput = z.strictObject({
  // Placeholders: {CODE} institution code, {YYYY} year, {CAT} category, {SEQ} number (5 digits).
  tag_format: z
    .string()
    .trim()
    .refine((v) => !hasControlCharacters(v), CONTROL_CHARACTERS_KEY)
    .min(1, 'validation.required')
    .max(60, 'validation.too-long')
    .refine((v) => v.includes('{SEQ}'), 'validation.tag-format'),
});

export const CategoryInput = z.strictObject({ name_sw: text(80), name_en: text(80), can_hold_records: z.boolean() });

export const AddMediumInput = MediumInput.extend({ asset_id: Id });
export const RemoveMediumInput = z.strictObject({
  medium_id: Id,
  removed_by: text(120),
  witnessed_by: text(120),
  kept_at: text(200),
  removed_on: CalendarDate,
  entry_id: NullableId,
});
export const ReinstallMediumInput = z.strictObject({
  medium_id: Id,
  reinstalled_by: text(120),
  reinstalled_on: CalendarDate,
  entry_id: NullableId,
});

export const FileInput = z.strictObject({
  name: text(200),
  mime: safeString().trim().max(100, 'validation.too-long').default('application/octet-stream'),
  /** Base64 of the bytes; at most 15 MB once decoded. */
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
