// Input schemas of the register import: a spreadsheet the ICT unit already keeps, and which of its
// columns feeds which field of the register. Pure zod, shared with the window's import screen.
import { z } from 'zod';
import { text } from './schemas.ts';

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

export const ImportFile = z.object({
  /** The file's name: its extension says xlsx or csv. */
  name: text(200),
  base64: z.string().min(1, 'validation.required').max(MAX_IMPORT_BASE64, 'validation.file-too-large'),
});

/** Field → the header of the column that feeds it. Unmapped fields stay blank. */
export const ImportMapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().trim().min(1, 'validation.required').max(200, 'validation.too-long'));
export type ImportMapping = z.output<typeof ImportMapping>;

export const ImportPreviewInput = z.object({
  file: ImportFile,
  /** A worksheet's name; the first sheet when absent. Ignored for CSV. */
  sheet: z.string().trim().max(100, 'validation.too-long').optional(),
  /** The mapping the user chose; when absent, the remembered one or a suggestion. */
  mapping: ImportMapping.optional(),
});
export type ImportPreviewInput = z.input<typeof ImportPreviewInput>;

export const ImportCommitInput = z.object({
  file: ImportFile,
  sheet: z.string().trim().max(100, 'validation.too-long').optional(),
  mapping: ImportMapping,
});
export type ImportCommitInput = z.input<typeof ImportCommitInput>;
