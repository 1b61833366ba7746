// What a register export is asked with: which register, CSV or XLSX, in which language, and that
// register's own filters (each area's contract says what its register is filtered by). Pure zod,
// shared with the window's export dialog; messages are catalogue keys.
import { z } from 'zod';
import { DeviceFilters } from '../assets/contract.ts';
import { OutputLanguage } from '../contract/inputs.ts';
import { JobKey } from '../jobs/contract.ts';
import { HandoversRegisterFilters } from '../handovers/contract.ts';
import { LogBookFilters } from '../maintenance/contract.ts';
import { MediaRegisterFilters } from '../media/contract.ts';
import { MovementsRegisterFilters } from '../movements/contract.ts';
import { PeopleFilters } from '../people/contract.ts';

export const REGISTER_KEYS = ['devices', 'log-book', 'movements', 'handovers', 'media', 'people'] as const;
export type RegisterKey = (typeof REGISTER_KEYS)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// `job`: the window's key for following the export (`jobs.progress`) and stopping it.
const common = { format: z.enum(EXPORT_FORMATS).default('xlsx'), language: OutputLanguage, job: JobKey.optional() };

// One branch per register; `prefault` parses the empty default, so omitted filters still get theirs.
export const RegisterExportInput = z.discriminatedUnion('register', [
  z.strictObject({ register: z.literal('devices'), ...common, filters: DeviceFilters.prefault({}) }),
  z.strictObject({ register: z.literal('log-book'), ...common, filters: LogBookFilters.prefault({}) }),
  z.strictObject({ register: z.literal('movements'), ...common, filters: MovementsRegisterFilters.prefault({}) }),
  z.strictObject({ register: z.literal('handovers'), ...common, filters: HandoversRegisterFilters.prefault({}) }),
  z.strictObject({ register: z.literal('media'), ...common, filters: MediaRegisterFilters.prefault({}) }),
  z.strictObject({ register: z.literal('people'), ...common, filters: PeopleFilters.prefault({}) }),
]);
export type RegisterExportInput = z.input<typeof RegisterExportInput>;
export type RegisterExportRequest = z.output<typeof RegisterExportInput>;
