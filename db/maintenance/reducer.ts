// Folds of the log book, the procedure versions, the preventive plans and the providers. Pure.
import { assertNever } from '../core/assert.ts';
import { hlcInstant } from '../journal/hlc.ts';
import { defineProjection, type FoldEvent, type PayloadOf } from '../journal/types.ts';
import type { MaintenanceEntryRow, MaintenancePlanRow, ProcedureRow, ProviderRow } from '../store/schema.ts';
import type {
  assigned,
  attachmentAdded,
  closed,
  diagnosed,
  faultReported,
  planCreated,
  planUpdated,
  procedureApproved,
  providerUpdated,
  returned,
  sentOffsite,
  workRecorded,
} from './events.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days between two typed dates (YYYY-MM-DD); a repair closed on the day it was reported is 0. */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS));
}

type EntryEventType =
  | 'maintenance.reported'
  | 'maintenance.diagnosed'
  | 'maintenance.assigned'
  | 'maintenance.work-recorded'
  | 'maintenance.sent-offsite'
  | 'maintenance.returned'
  | 'maintenance.closed'
  | 'maintenance.attachment-added';

const ENTRY_TYPES: readonly EntryEventType[] = [
  'maintenance.reported',
  'maintenance.diagnosed',
  'maintenance.assigned',
  'maintenance.work-recorded',
  'maintenance.sent-offsite',
  'maintenance.returned',
  'maintenance.closed',
  'maintenance.attachment-added',
];

export function reduceEntry(row: MaintenanceEntryRow | undefined, event: FoldEvent, entity: string): MaintenanceEntryRow | undefined {
  if (entity !== event.entity) return row;
  const at = hlcInstant(event.hlc);
  const type = event.type as EntryEventType;
  if (type === 'maintenance.reported') {
    const p = event.payload as PayloadOf<typeof faultReported>;
    return {
      id: event.entity,
      asset_id: p.asset_id,
      kind: p.kind,
      plan_id: p.plan_id,
      procedure_id: p.procedure_id,
      procedure_version: p.procedure_version,
      reported_on: p.reported_on,
      reported_by: p.reported_by,
      symptoms: p.symptoms,
      diagnosis: row?.diagnosis ?? '',
      actions: row?.actions ?? '',
      parts: row?.parts ?? '[]',
      parts_cost_tzs: row?.parts_cost_tzs ?? 0,
      labour_cost_tzs: row?.labour_cost_tzs ?? 0,
      hours: row ? row.hours : null,
      technician_type: row?.technician_type ?? null,
      technician_name: row?.technician_name ?? '',
      provider_id: row?.provider_id ?? null,
      provider_name: row?.provider_name ?? '',
      job_ref: row?.job_ref ?? '',
      supervisor_name: row?.supervisor_name ?? '',
      warranty: p.warranty ? 1 : 0,
      state: row?.state ?? 'reported',
      sent_on: row?.sent_on ?? '',
      returned_on: row?.returned_on ?? '',
      outcome: row?.outcome ?? null,
      close_reason: row?.close_reason ?? '',
      closed_on: row?.closed_on ?? '',
      downtime_days: row?.closed_on ? daysBetween(p.reported_on, row.closed_on) : null,
      attachments: row?.attachments ?? '[]',
      created_at: row?.created_at ?? at,
      updated_at: at,
    };
  }
  // Events of an entry whose report this file has not seen yet have no row to fold into.
  if (!row) return undefined;
  const open = (state: string) => (row.state === 'closed' ? 'closed' : state);
  switch (type) {
    case 'maintenance.diagnosed': {
      const p = event.payload as PayloadOf<typeof diagnosed>;
      return { ...row, diagnosis: p.diagnosis, state: row.state === 'reported' ? 'in_progress' : row.state, updated_at: at };
    }
    case 'maintenance.assigned': {
      const p = event.payload as PayloadOf<typeof assigned>;
      return {
        ...row,
        technician_type: p.technician_type,
        technician_name: p.technician_name,
        provider_id: p.provider_id,
        provider_name: p.provider_name,
        job_ref: p.job_ref,
        supervisor_name: p.supervisor_name,
        state: row.state === 'reported' ? 'in_progress' : row.state,
        updated_at: at,
      };
    }
    case 'maintenance.work-recorded': {
      const p = event.payload as PayloadOf<typeof workRecorded>;
      return {
        ...row,
        actions: p.actions,
        parts: JSON.stringify(p.parts),
        parts_cost_tzs: p.parts.reduce((sum, part) => sum + part.quantity * part.unit_cost_tzs, 0),
        labour_cost_tzs: p.labour_cost_tzs,
        // Issue 7: blank stays blank; an event from before the rule carries a number.
        hours: p.hours ?? null,
        state: row.state === 'reported' ? 'in_progress' : row.state,
        updated_at: at,
      };
    }
    case 'maintenance.sent-offsite': {
      const p = event.payload as PayloadOf<typeof sentOffsite>;
      return { ...row, sent_on: p.sent_on, returned_on: '', state: open('off_site'), updated_at: at };
    }
    case 'maintenance.returned': {
      const p = event.payload as PayloadOf<typeof returned>;
      return { ...row, returned_on: p.returned_on, state: open('returned'), updated_at: at };
    }
    case 'maintenance.closed': {
      const p = event.payload as PayloadOf<typeof closed>;
      return { ...row, closed_on: p.closed_on, outcome: p.outcome, close_reason: p.reason ?? '', state: 'closed', downtime_days: daysBetween(row.reported_on, p.closed_on), updated_at: at };
    }
    case 'maintenance.attachment-added': {
      const p = event.payload as PayloadOf<typeof attachmentAdded>;
      const list = JSON.parse(row.attachments) as { sha256: string }[];
      if (list.some((a) => a.sha256 === p.sha256)) return row;
      return { ...row, attachments: JSON.stringify([...list, { sha256: p.sha256, name: p.name, mime: p.mime, size: p.size }]), updated_at: at };
    }
    default:
      return assertNever(type, 'log book event');
  }
}

export const entriesProjection = defineProjection<MaintenanceEntryRow>({
  table: 'maintenance_entries',
  columns: [
    'id', 'asset_id', 'kind', 'plan_id', 'procedure_id', 'procedure_version', 'reported_on', 'reported_by', 'symptoms', 'diagnosis',
    'actions', 'parts', 'parts_cost_tzs', 'labour_cost_tzs', 'hours', 'technician_type', 'technician_name', 'provider_id',
    'provider_name', 'job_ref', 'supervisor_name', 'warranty', 'state', 'sent_on', 'returned_on', 'outcome', 'close_reason', 'closed_on',
    'downtime_days', 'attachments', 'created_at', 'updated_at',
  ],
  types: ENTRY_TYPES,
  reduce: reduceEntry,
});

export function reduceProcedure(_row: ProcedureRow | undefined, event: FoldEvent): ProcedureRow {
  const p = event.payload as PayloadOf<typeof procedureApproved>;
  return {
    id: event.entity,
    title: p.title,
    version: p.version,
    approved_by: p.approved_by,
    recorded_by: String(event.payload.actor_name ?? event.actor),
    approval_date: p.approval_date,
    effective_date: p.effective_date,
    document_sha256: p.document_sha256,
    document_name: p.document_name,
    document_size: p.document_size,
    created_at: hlcInstant(event.hlc),
  };
}

export const proceduresProjection = defineProjection<ProcedureRow>({
  table: 'procedures',
  columns: ['id', 'title', 'version', 'approved_by', 'recorded_by', 'approval_date', 'effective_date', 'document_sha256', 'document_name', 'document_size', 'created_at'],
  types: ['procedures.approved'],
  reduce: (row, event) => reduceProcedure(row, event),
});

export function reducePlan(row: MaintenancePlanRow | undefined, event: FoldEvent): MaintenancePlanRow | undefined {
  const at = hlcInstant(event.hlc);
  if (event.type === 'plans.created') {
    const p = event.payload as PayloadOf<typeof planCreated>;
    return {
      id: event.entity,
      procedure_id: p.procedure_id,
      category: p.category,
      asset_id: p.asset_id,
      task: p.task,
      interval_months: p.interval_months,
      active: row?.active ?? 1,
      created_at: row?.created_at ?? at,
      updated_at: at,
    };
  }
  if (!row) return undefined;
  const p = event.payload as PayloadOf<typeof planUpdated>;
  return { ...row, task: p.task, interval_months: p.interval_months, active: p.active ? 1 : 0, updated_at: at };
}

export const plansProjection = defineProjection<MaintenancePlanRow>({
  table: 'maintenance_plans',
  columns: ['id', 'procedure_id', 'category', 'asset_id', 'task', 'interval_months', 'active', 'created_at', 'updated_at'],
  types: ['plans.created', 'plans.updated'],
  reduce: (row, event) => reducePlan(row, event),
});

export function reduceProvider(row: ProviderRow | undefined, event: FoldEvent): ProviderRow {
  const p = event.payload as PayloadOf<typeof providerUpdated>;
  const at = hlcInstant(event.hlc);
  return {
    id: event.entity,
    name: p.name,
    registration_number: p.registration_number,
    contact_name: p.contact_name,
    phone: p.phone,
    email: p.email,
    address: p.address,
    active: event.type === 'providers.updated' ? (p.active ? 1 : 0) : (row?.active ?? 1),
    created_at: row?.created_at ?? at,
    updated_at: at,
  };
}

export const providersProjection = defineProjection<ProviderRow>({
  table: 'providers',
  columns: ['id', 'name', 'registration_number', 'contact_name', 'phone', 'email', 'address', 'active', 'created_at', 'updated_at'],
  types: ['providers.registered', 'providers.updated'],
  reduce: (row, event) => reduceProvider(row, event),
});
