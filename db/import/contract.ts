// Input schemas of the register import: a spreadsheet the ICT unit already keeps, and which of its
// columns feeds which field of the register. Pure zod, shared with the window's import screen.
import { z } from 'zod';
import { Id, OutputLanguage, safeString, text } from '../contract/inputs.ts';
import { JobKey } from '../jobs/contract.ts';

/** The fields a column can feed: those of the registration form, with places and people by name. */
export const IMPORT_FIELDS = [
  'tag',
  'category',
  'make',
  'model',
  'serial',
  'purchase_date',
  'supplier',
  'cost_tzs',
  'funding_source',
  'warranty_end',
  'location',
  'department',
  'custodian',
  'custodian_last_name',
  'custodian_email',
  'classification',
  'can_hold_records',
  'notes',
  'medium_kind',
  'medium_capacity_gb',
  'medium_serial',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields every row must fill; a mapping without them leaves every row in error. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['category', 'make', 'model'];

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 60_000;
/** Base64 is four characters for every three bytes. */
const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

export const ImportFile = z.strictObject({
  /** The file's name: its extension says xlsx or csv. */
  name: text(200),
  base64: safeString().min(1, 'validation.required').max(MAX_IMPORT_BASE64, 'validation.file-too-large'),
});

/** Field → the header of the column that feeds it. Unmapped fields stay blank. */
export const ImportMapping = z.partialRecord(z.enum(IMPORT_FIELDS), text(200));
export type ImportMapping = z.output<typeof ImportMapping>;

/** Fields whose cells name an entry of a list (a category, a place, a person) rather than carry a value. */
export const VALUE_FIELDS = ['category', 'location', 'department', 'custodian'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

/**
 * What a value of the file that matches no entry stands for: an existing entry (`map`), a new entry
 * of that name made in the same commit (`create`). Keyed by the value as the file writes it.
 */
export const ValueChoice = z.discriminatedUnion('action', [
  z.strictObject({ field: z.enum(VALUE_FIELDS), value: text(200), action: z.literal('map'), id: Id }),
  z.strictObject({ field: z.enum(VALUE_FIELDS), value: text(200), action: z.literal('create') }),
]);
export type ValueChoice = z.output<typeof ValueChoice>;
export const ValueChoices = z.array(ValueChoice).max(5000);

/** The spreadsheet row that holds the headings, as Excel numbers it; found by content when absent. */
const HeaderRow = z.number().int().min(1).max(1_048_576).optional();

const Sheet = safeString().trim().max(100, 'validation.too-long').optional();

export const ImportPreviewInput = z.strictObject({
  file: ImportFile,
  /** A worksheet's name; the first sheet when absent. Ignored for CSV. */
  sheet: Sheet,
  header_row: HeaderRow,
  /** The mapping the user chose; when absent, the remembered one or a suggestion. */
  mapping: ImportMapping.optional(),
  /** The user's answers for values that match nothing; the rest take their default. */
  values: ValueChoices.optional(),
  /** The window's key for following this long job (`jobs.progress`) and stopping it. */
  job: JobKey.optional(),
});
export type ImportPreviewInput = z.input<typeof ImportPreviewInput>;

export const ImportCommitInput = z.strictObject({
  file: ImportFile,
  sheet: Sheet,
  header_row: HeaderRow,
  mapping: ImportMapping,
  values: ValueChoices.default([]),
  /** Register the rows without errors and leave the others out; otherwise one bad row stops all. */
  leave_out_invalid: z.boolean().default(false),
  job: JobKey.optional(),
});
export type ImportCommitInput = z.input<typeof ImportCommitInput>;

/** The rows in error, as a workbook to correct and import again; the error column in `language`. */
export const ImportRejectsInput = z.strictObject({
  file: ImportFile,
  sheet: Sheet,
  header_row: HeaderRow,
  mapping: ImportMapping,
  values: ValueChoices.default([]),
  language: OutputLanguage,
  job: JobKey.optional(),
});
export type ImportRejectsInput = z.input<typeof ImportRejectsInput>;
