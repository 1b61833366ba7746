// Folds of the log book, the procedure versions, the preventive plans and the providers. Pure.
import type { z } from 'zod';
import { hlcInstant } from '../journal/hlc.ts';
import { ACTOR_NAME, defineProjection, on, type EventDefinition, type Fold, type PayloadOf } from '../journal/types.ts';
import type { MaintenanceEntryRow, MaintenancePlanRow, ProcedureRow, ProviderRow } from '../store/schema.ts';
import {
  assigned,
  attachmentAdded,
  closed,
  diagnosed,
  faultReported,
  planCreated,
  planUpdated,
  procedureApproved,
  providerRegistered,
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

/** A change to an entry already reported; events of an entry whose report this file has not seen yet have no row to fold into. */
function onEntry<S extends z.ZodType>(
  definition: EventDefinition<S>,
  change: (row: MaintenanceEntryRow, p: z.output<S>, at: string) => MaintenanceEntryRow,
): Fold<MaintenanceEntryRow> {
  return on(definition, (row: MaintenanceEntryRow | undefined, p, event, entity) => {
    if (entity !== event.entity) return row;
    return row ? change(row, p, hlcInstant(event.hlc)) : undefined;
  });
}

const started = (row: MaintenanceEntryRow) => (row.state === 'reported' ? 'in_progress' : row.state);
const open = (row: MaintenanceEntryRow, state: string) => (row.state === 'closed' ? 'closed' : state);

export const entriesProjection = defineProjection<MaintenanceEntryRow>({
  table: 'maintenance_entries',
  columns: [
    'id', 'asset_id', 'kind', 'plan_id', 'procedure_id', 'procedure_version', 'reported_on', 'reported_by', 'symptoms', 'diagnosis',
    'actions', 'parts', 'parts_cost_tzs', 'labour_cost_tzs', 'hours', 'technician_type', 'technician_name', 'provider_id',
    'provider_name', 'job_ref', 'supervisor_name', 'warranty', 'state', 'sent_on', 'returned_on', 'outcome', 'close_reason', 'closed_on',
    'downtime_days', 'attachments', 'created_at', 'updated_at',
  ],
  on: [
    on(faultReported, (row, p, event, entity) => {
      if (entity !== event.entity) return row;
      const at = hlcInstant(event.hlc);
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
    }),
    onEntry(diagnosed, (row, p, at) => ({ ...row, diagnosis: p.diagnosis, state: started(row), updated_at: at })),
    onEntry(assigned, (row, p, at) => ({
      ...row,
      technician_type: p.technician_type,
      technician_name: p.technician_name,
      provider_id: p.provider_id,
      provider_name: p.provider_name,
      job_ref: p.job_ref,
      supervisor_name: p.supervisor_name,
      state: started(row),
      updated_at: at,
    })),
    onEntry(workRecorded, (row, p, at) => ({
      ...row,
      actions: p.actions,
      parts: JSON.stringify(p.parts),
      parts_cost_tzs: p.parts.reduce((sum, part) => sum + part.quantity * part.unit_cost_tzs, 0),
      labour_cost_tzs: p.labour_cost_tzs,
      // Issue 7: blank stays blank; an event from before the rule carries a number.
      hours: p.hours ?? null,
      state: started(row),
      updated_at: at,
    })),
    onEntry(sentOffsite, (row, p, at) => ({ ...row, sent_on: p.sent_on, returned_on: '', state: open(row, 'off_site'), updated_at: at })),
    onEntry(returned, (row, p, at) => ({ ...row, returned_on: p.returned_on, state: open(row, 'returned'), updated_at: at })),
    onEntry(closed, (row, p, at) => ({
      ...row,
      closed_on: p.closed_on,
      outcome: p.outcome,
      close_reason: p.reason ?? '',
      state: 'closed',
      downtime_days: daysBetween(row.reported_on, p.closed_on),
      updated_at: at,
    })),
    onEntry(attachmentAdded, (row, p, at) => {
      const list = JSON.parse(row.attachments) as { sha256: string }[];
      if (list.some((a) => a.sha256 === p.sha256)) return row;
      return { ...row, attachments: JSON.stringify([...list, { sha256: p.sha256, name: p.name, mime: p.mime, size: p.size }]), updated_at: at };
    }),
  ],
});

export const reduceEntry = entriesProjection.reduce;

export const proceduresProjection = defineProjection<ProcedureRow>({
  table: 'procedures',
  columns: ['id', 'title', 'version', 'approved_by', 'recorded_by', 'approval_date', 'effective_date', 'document_sha256', 'document_name', 'document_size', 'created_at'],
  on: [
    on(procedureApproved, (_row, p, event) => ({
      id: event.entity,
      title: p.title,
      version: p.version,
      approved_by: p.approved_by,
      recorded_by: String(event.payload[ACTOR_NAME] ?? event.actor),
      approval_date: p.approval_date,
      effective_date: p.effective_date,
      document_sha256: p.document_sha256,
      document_name: p.document_name,
      document_size: p.document_size,
      created_at: hlcInstant(event.hlc),
    })),
  ],
});

export const reduceProcedure = proceduresProjection.reduce;

export const plansProjection = defineProjection<MaintenancePlanRow>({
  table: 'maintenance_plans',
  columns: ['id', 'procedure_id', 'category', 'asset_id', 'task', 'interval_months', 'active', 'created_at', 'updated_at'],
  on: [
    on(planCreated, (row, p, event) => {
      const at = hlcInstant(event.hlc);
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
    }),
    on(planUpdated, (row, p, event) =>
      row ? { ...row, task: p.task, interval_months: p.interval_months, active: p.active ? 1 : 0, updated_at: hlcInstant(event.hlc) } : undefined,
    ),
  ],
});

export const reducePlan = plansProjection.reduce;

type ProviderParticulars = PayloadOf<typeof providerRegistered>;

function provider(row: ProviderRow | undefined, p: ProviderParticulars, at: string, active: number): ProviderRow {
  return {
    id: row?.id ?? '',
    name: p.name,
    registration_number: p.registration_number,
    contact_name: p.contact_name,
    phone: p.phone,
    email: p.email,
    address: p.address,
    active,
    created_at: row?.created_at ?? at,
    updated_at: at,
  };
}

export const providersProjection = defineProjection<ProviderRow>({
  table: 'providers',
  columns: ['id', 'name', 'registration_number', 'contact_name', 'phone', 'email', 'address', 'active', 'created_at', 'updated_at'],
  on: [
    on(providerRegistered, (row, p, event) => ({ ...provider(row, p, hlcInstant(event.hlc), row?.active ?? 1), id: event.entity })),
    on(providerUpdated, (row, p, event) => ({ ...provider(row, p, hlcInstant(event.hlc), p.active ? 1 : 0), id: event.entity })),
  ],
});

export const reduceProvider = providersProjection.reduce;
