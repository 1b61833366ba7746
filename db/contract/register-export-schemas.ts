// Input schemas of the registers exported for Excel: which register, CSV or XLSX, in which language, and
// the register's own filters. Pure zod, shared with the window's export dialog; messages are catalogue keys.
import { z } from 'zod';
import { AssetListInput, OptionalDate } from './register-schemas.ts';
import { SearchText } from './schemas.ts';

export const REGISTER_KEYS = ['devices', 'log-book', 'people'] as const;
export type RegisterKey = (typeof REGISTER_KEYS)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A register reads in the language asked for; Swahili unless told (3.5.2). */
export const ExportLanguage = z.enum(['sw', 'en']).default('sw');

/** The equipment register is filtered and sorted exactly as the list on screen: what you see is what you get. */
export const DeviceFilters = AssetListInput.omit({ after: true, limit: true });

/** A period of the log book by the day the fault was reported, both ends included; either end may be open. */
export const LogBookFilters = z
  .strictObject({ from: OptionalDate, to: OptionalDate })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'registers.validation.period' });
  });

/** The whole register of people unless told otherwise: those who left still answer for what they held. */
export const PeopleFilters = z.strictObject({
  search: SearchText,
  status: z.enum(['active', 'inactive', 'all']).default('all'),
});

const common = { format: z.enum(EXPORT_FORMATS).default('xlsx'), language: ExportLanguage };

// One branch per register; `prefault` parses the empty default, so omitted filters still get theirs.
export const RegisterExportInput = z.discriminatedUnion('register', [
  z.strictObject({ register: z.literal('devices'), ...common, filters: DeviceFilters.prefault({}) }),
  z.strictObject({ register: z.literal('log-book'), ...common, filters: LogBookFilters.prefault({}) }),
  z.strictObject({ register: z.literal('people'), ...common, filters: PeopleFilters.prefault({}) }),
]);
export type RegisterExportInput = z.input<typeof RegisterExportInput>;
export type RegisterExportRequest = z.output<typeof RegisterExportInput>;
