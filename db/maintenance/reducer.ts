// Folds of the log book, the procedure versions, the preventive plans and the providers. Pure.
import { onExisting, onOwn, pick, stamps, standing } from '../journal/fold.ts';
import { hlcInstant } from '../journal/hlc.ts';
import { ACTOR_NAME, defineProjection, on } from '../journal/types.ts';
import type { MaintenanceEntryRow, MaintenancePlanRow, ProcedureRow, ProviderRow } from '../store/schema.ts';
import { assigned, attachmentAdded, closed, diagnosed, faultReported, planCreated, planUpdated, procedureApproved, providerRegistered, providerUpdated, returned, sentOffsite, workRecorded } from './events.ts';
import { closedDowntime, partsCost } from './contract.ts';

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
    // Whatever was folded before the report (after a merge) is kept; the report fills in its own columns.
    onOwn(faultReported, (row: MaintenanceEntryRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...pick(p, ['asset_id', 'kind', 'plan_id', 'procedure_id', 'procedure_version', 'reported_on', 'reported_by', 'symptoms']),
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
      downtime_days: row?.closed_on ? closedDowntime(p.reported_on, row.closed_on) : null,
      attachments: row?.attachments ?? '[]',
    })),
    onExisting(diagnosed, (row: MaintenanceEntryRow, p, at) => ({ ...row, diagnosis: p.diagnosis, state: started(row), updated_at: at })),
    onExisting(assigned, (row: MaintenanceEntryRow, p, at) => ({
      ...row,
      ...pick(p, ['technician_type', 'technician_name', 'provider_id', 'provider_name', 'job_ref', 'supervisor_name']),
      state: started(row),
      updated_at: at,
    })),
    onExisting(workRecorded, (row: MaintenanceEntryRow, p, at) => ({
      ...row,
      actions: p.actions,
      parts: JSON.stringify(p.parts),
      parts_cost_tzs: partsCost(p.parts),
      labour_cost_tzs: p.labour_cost_tzs,
      // Issue 7: blank stays blank; an event from before the rule carries a number.
      hours: p.hours ?? null,
      state: started(row),
      updated_at: at,
    })),
    onExisting(sentOffsite, (row: MaintenanceEntryRow, p, at) => ({ ...row, sent_on: p.sent_on, returned_on: '', state: open(row, 'off_site'), updated_at: at })),
    onExisting(returned, (row: MaintenanceEntryRow, p, at) => ({ ...row, returned_on: p.returned_on, state: open(row, 'returned'), updated_at: at })),
    onExisting(closed, (row: MaintenanceEntryRow, p, at) => ({
      ...row,
      closed_on: p.closed_on,
      outcome: p.outcome,
      close_reason: p.reason ?? '',
      state: 'closed',
      downtime_days: closedDowntime(row.reported_on, p.closed_on),
      updated_at: at,
    })),
    onExisting(attachmentAdded, (row: MaintenanceEntryRow, p, at) => {
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
    on(planCreated, (row, p, event) => ({
      ...standing(row, event),
      ...pick(p, ['procedure_id', 'category', 'asset_id', 'task', 'interval_months']),
    })),
    onExisting(planUpdated, (row: MaintenancePlanRow, p, at) => ({
      ...row,
      ...pick(p, ['task', 'interval_months']),
      active: p.active ? 1 : 0,
      updated_at: at,
    })),
  ],
});

export const reducePlan = plansProjection.reduce;

const PROVIDER_FIELDS = ['name', 'registration_number', 'contact_name', 'phone', 'email', 'address'] as const;

export const providersProjection = defineProjection<ProviderRow>({
  table: 'providers',
  columns: ['id', 'name', 'registration_number', 'contact_name', 'phone', 'email', 'address', 'active', 'created_at', 'updated_at'],
  on: [
    on(providerRegistered, (row, p, event) => ({ ...standing(row, event), ...pick(p, PROVIDER_FIELDS) })),
    on(providerUpdated, (row, p, event) => ({ ...standing(row, event, p.active), ...pick(p, PROVIDER_FIELDS) })),
  ],
});

export const reduceProvider = providersProjection.reduce;
