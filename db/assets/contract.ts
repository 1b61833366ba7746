// The equipment register's contract (3.6.1, 3.6.12): categories, classifications, statuses, the
// storage media inside a device, the tag format, label sheets and the register's filters. Pure zod
// and pure rules, shared with the window's forms; messages are catalogue keys.
import { z } from 'zod';
import {
  CONTROL_CHARACTERS_KEY,
  Cursor,
  hasControlCharacters,
  Id,
  Money,
  NullableId,
  OptionalDate,
  optionalMultilineText,
  optionalText,
  OutputLanguage,
  SearchText,
  text,
  CalendarDate,
} from '../contract/inputs.ts';
import { workingDay } from '../contract/days.ts';

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

/** The institution's storage and transfer media (3.6.7–3.6.10): never handed out of it, sold or gifted (3.6.14). */
export const STORAGE_MEDIUM_CATEGORIES: readonly string[] = ['flash_disk', 'external_drive'];

export function isStorageMedium(category: string): boolean {
  return STORAGE_MEDIUM_CATEGORIES.includes(category);
}

// 3.4.5 classification; 3.2.3: secret and top secret never connect directly to the Internet.
export const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'secret', 'top_secret'] as const;
export const OFFLINE_CLASSIFICATIONS: readonly string[] = ['secret', 'top_secret'];
export const ASSET_STATUSES = ['in_service', 'in_store', 'under_repair', 'away_for_repair', 'off_premises', 'lost', 'in_disposal', 'awaiting_disposal', 'transferred', 'disposed'] as const;
export const MEDIA_KINDS = ['hdd', 'ssd', 'emmc', 'memory_card', 'other'] as const;

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

/** The equipment register is filtered and sorted exactly as the list on screen: what you see is what you get. */
export const DeviceFilters = AssetListInput.omit({ after: true, limit: true });

/**
 * The first day the register can say anything about a device: its purchase when known, else the day it
 * was registered. A register taken over from paper carries purchases older than the registration, and
 * the facts between the two (a fault, a removed disk) are real; nothing comes before the purchase.
 * Preventive work under a plan never done falls due from this day.
 */
export function deviceSince(asset: { purchase_date: string; created_at: string }): string {
  return asset.purchase_date || workingDay(new Date(asset.created_at));
}

/** Whether the supplier's warranty still covers a device on `today`: a repair may then cost nothing. */
export function underWarranty(device: { warranty_end: string }, today: string): boolean {
  return device.warranty_end !== '' && device.warranty_end >= today;
}

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

/** How a storage medium is named in a sentence: "SSD 512 GB (S/N S4EVNX0R123)". */
export function describeMedium(medium: { kind: string; capacity_gb: number | null; serial: string }): string {
  const kind = ({ hdd: 'HDD', ssd: 'SSD', emmc: 'eMMC', memory_card: 'SD', other: '' } as Record<string, string>)[medium.kind] ?? medium.kind;
  const gb = medium.capacity_gb;
  const capacity = gb ? ` ${gb >= 1000 && gb % 1000 === 0 ? `${gb / 1000} TB` : `${gb} GB`}` : '';
  const serial = medium.serial ? ` (S/N ${medium.serial})` : '';
  return `${kind}${capacity}${serial}`.trim() || medium.kind;
}

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

/**
 * Label sheets on A4, in millimetres. `across` × `down` labels of `width` × `height`, the first at
 * (`left`, `top`), then every `pitch_x` / `pitch_y`. 3x7 and 2x7 are Avery L7160 and L7163 sheets.
 */
export const LABEL_PRESETS = {
  'a4-3x8': { across: 3, down: 8, width: 70, height: 37, left: 0, top: 0.5, pitch_x: 70, pitch_y: 37 },
  'a4-3x7': { across: 3, down: 7, width: 63.5, height: 38.1, left: 7.25, top: 15.15, pitch_x: 66.04, pitch_y: 38.1 },
  'a4-2x7': { across: 2, down: 7, width: 99.1, height: 38.1, left: 4.65, top: 15.15, pitch_x: 101.6, pitch_y: 38.1 },
} as const;
export type LabelPreset = keyof typeof LABEL_PRESETS;
export const LABEL_PRESET_NAMES = Object.keys(LABEL_PRESETS) as LabelPreset[];

export const LabelsInput = z
  .strictObject({
    /** In print order; a device named twice gets two labels. */
    asset_ids: z.array(Id).min(1, 'validation.required').max(500, 'validation.too_big'),
    preset: z.enum(LABEL_PRESET_NAMES as [LabelPreset, ...LabelPreset[]]).default('a4-3x8'),
    /** Labels already peeled off a part-used sheet: printing starts after them. */
    skip: z.number('validation.whole-number').int('validation.whole-number').min(0, 'validation.whole-number').default(0),
    language: OutputLanguage,
  })
  .superRefine((value, ctx) => {
    const sheet = LABEL_PRESETS[value.preset];
    if (value.skip >= sheet.across * sheet.down) ctx.addIssue({ code: 'custom', path: ['skip'], message: 'documents.validation.skip' });
  });
export type LabelsInput = z.input<typeof LabelsInput>;

/**
 * Whether a device can hold government records (3.6.3, 3.6.12): the officer's word when given, else its
 * category's default. The register keeps this answer, and the form ticks its box by it.
 */
export function holdsRecords(value: boolean | null | undefined, categoryDefault: boolean | undefined): boolean {
  return value ?? categoryDefault ?? false;
}
