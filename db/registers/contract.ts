// What a report is asked with: which report, PDF, XLSX or CSV, in which language, and that report's
// own filters (each area's contract says what its report is filtered by). Pure zod, shared with the
// window's export dialog and the command line; messages are catalogue keys.
import { z } from 'zod';
import { ComplianceFilters } from '../dashboard/contract.ts';
import { DeviceFilters } from '../assets/contract.ts';
import { OutputLanguage } from '../contract/inputs.ts';
import { JobKey } from '../jobs/contract.ts';
import { HandoversRegisterFilters } from '../handovers/contract.ts';
import { DisposalBatchesFilters } from '../disposal/contract.ts';
import { LogBookFilters, MaintenanceCostFilters } from '../maintenance/contract.ts';
import { PersonalDevicesRegisterFilters } from '../personal-devices/contract.ts';
import { MediaRegisterFilters } from '../media/contract.ts';
import { MovementsRegisterFilters } from '../movements/contract.ts';
import { PeopleFilters } from '../people/contract.ts';

export const REGISTER_KEYS = ['devices', 'log-book', 'maintenance-cost', 'movements', 'handovers', 'personal-devices', 'media', 'disposal-batches', 'people', 'compliance'] as const;
export type RegisterKey = (typeof REGISTER_KEYS)[number];

export const EXPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// `job`: the window's key for following the export (`jobs.progress`) and stopping it.
const common = { format: z.enum(EXPORT_FORMATS).default('xlsx'), language: OutputLanguage, job: JobKey.optional() };

// One branch per register; `prefault` parses the empty default, so omitted filters still get theirs.
export const RegisterExportInput = z.discriminatedUnion('register', [
  z.strictObject({ register: z.literal('devices'), ...common, filters: DeviceFilters.prefault({}) }),
  z.strictObject({ register: z.literal('log-book'), ...common, filters: LogBookFilters.prefault({}) }),
  z.strictObject({ register: z.literal('maintenance-cost'), ...common, filters: MaintenanceCostFilters.prefault({}) }),
  z.strictObject({ register: z.literal('movements'), ...common, filters: MovementsRegisterFilters.prefault({}) }),
  z.strictObject({ register: z.literal('handovers'), ...common, filters: HandoversRegisterFilters.prefault({}) }),
  z.strictObject({ register: z.literal('personal-devices'), ...common, filters: PersonalDevicesRegisterFilters.prefault({}) }),
  z.strictObject({ register: z.literal('media'), ...common, filters: MediaRegisterFilters.prefault({}) }),
  z.strictObject({ register: z.literal('disposal-batches'), ...common, filters: DisposalBatchesFilters.prefault({}) }),
  z.strictObject({ register: z.literal('people'), ...common, filters: PeopleFilters.prefault({}) }),
  z.strictObject({ register: z.literal('compliance'), ...common, filters: ComplianceFilters.prefault({}) }),
]);
export type RegisterExportInput = z.input<typeof RegisterExportInput>;
export type RegisterExportRequest = z.output<typeof RegisterExportInput>;
