// Events of the Service Maintenance Log Book (3.6.4), the procedure (3.6.1) and providers (3.6.2).
// Every log-book event names its device, so the device's history finds it (journal_refs).
import { z } from 'zod';
import { MAINTENANCE_KINDS, OUTCOMES } from './contract.ts';
import { defineEvent } from '../journal/types.ts';

const onAsset = <S extends z.ZodRawShape>(shape: S) => z.object({ asset_id: z.string(), ...shape });
const refsAsset = (p: { asset_id: string }) => [p.asset_id];

export const faultReported = defineEvent(
  'maintenance.reported',
  'shared',
  onAsset({
    kind: z.enum(MAINTENANCE_KINDS),
    plan_id: z.string().nullable(),
    procedure_id: z.string().nullable(),
    procedure_version: z.string(),
    reported_on: z.string(),
    reported_by: z.string(),
    symptoms: z.string(),
    warranty: z.boolean(),
  }),
  refsAsset,
);
export const diagnosed = defineEvent('maintenance.diagnosed', 'shared', onAsset({ diagnosis: z.string() }), refsAsset);
export const assigned = defineEvent(
  'maintenance.assigned',
  'shared',
  onAsset({
    technician_type: z.enum(['internal', 'external']),
    technician_name: z.string(),
    provider_id: z.string().nullable(),
    provider_name: z.string(),
    job_ref: z.string(),
    supervisor_name: z.string(),
  }),
  refsAsset,
);
export const Part = z.object({ name: z.string(), quantity: z.number().int(), unit_cost_tzs: z.number().int() });
export const workRecorded = defineEvent(
  'maintenance.work-recorded',
  'shared',
  onAsset({ actions: z.string(), parts: z.array(Part), labour_cost_tzs: z.number().int(), hours: z.number().nullable() }),
  refsAsset,
);
export const sentOffsite = defineEvent('maintenance.sent-offsite', 'shared', onAsset({ sent_on: z.string() }), refsAsset);
export const returned = defineEvent('maintenance.returned', 'shared', onAsset({ returned_on: z.string() }), refsAsset);
export const closed = defineEvent('maintenance.closed', 'shared', onAsset({ closed_on: z.string(), outcome: z.enum(OUTCOMES), reason: z.string().optional() }), refsAsset);
export const attachmentAdded = defineEvent(
  'maintenance.attachment-added',
  'shared',
  onAsset({ sha256: z.string(), name: z.string(), mime: z.string(), size: z.number().int() }),
  refsAsset,
);

export const procedureApproved = defineEvent(
  'procedures.approved',
  'shared',
  z.object({
    title: z.string(),
    version: z.string(),
    approved_by: z.string(),
    approval_date: z.string(),
    effective_date: z.string(),
    document_sha256: z.string(),
    document_name: z.string(),
    document_size: z.number().int(),
  }),
);
export const planCreated = defineEvent(
  'plans.created',
  'shared',
  z.object({
    procedure_id: z.string().nullable(),
    category: z.string().nullable(),
    asset_id: z.string().nullable(),
    task: z.string(),
    interval_months: z.number().int(),
  }),
);
export const planUpdated = defineEvent(
  'plans.updated',
  'shared',
  z.object({ task: z.string(), interval_months: z.number().int(), active: z.boolean() }),
);
const ProviderParticulars = z.object({
  name: z.string(),
  registration_number: z.string(),
  contact_name: z.string(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
});
export const providerRegistered = defineEvent('providers.registered', 'shared', ProviderParticulars);
export const providerUpdated = defineEvent('providers.updated', 'shared', ProviderParticulars.extend({ active: z.boolean() }));

export const maintenanceEvents = [
  faultReported,
  diagnosed,
  assigned,
  workRecorded,
  sentOffsite,
  returned,
  closed,
  attachmentAdded,
  procedureApproved,
  planCreated,
  planUpdated,
  providerRegistered,
  providerUpdated,
];
