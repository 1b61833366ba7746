// How the Service Maintenance Log Book, procedures, plans and providers read in a history (3.6.5).
import { sentence } from '../area.ts';
import { formatDay } from '../contract/days.ts';
import * as events from './events.ts';

export const maintenanceHistory = [
  sentence(events.faultReported, (p, { actor, t }) =>
    t(p.kind === 'preventive' ? 'history.maintenance.reported-preventive' : 'history.maintenance.reported', {
      actor,
      by: p.reported_by,
      date: formatDay(p.reported_on),
      symptoms: p.symptoms,
    }),
  ),
  sentence(events.diagnosed, (p, { actor, t }) => t('history.maintenance.diagnosed', { actor, diagnosis: p.diagnosis })),
  sentence(events.assigned, (p, { actor, t }) =>
    p.technician_type === 'external'
      ? t('history.maintenance.assigned-external', { actor, provider: p.provider_name, job: p.job_ref || '—', supervisor: p.supervisor_name })
      : t('history.maintenance.assigned-internal', { actor, name: p.technician_name }),
  ),
  sentence(events.workRecorded, (p, { actor, t }) => t('history.maintenance.work-recorded', { actor, actions: p.actions })),
  sentence(events.sentOffsite, (p, { actor, t }) => t('history.maintenance.sent-offsite', { actor, date: formatDay(p.sent_on) })),
  sentence(events.returned, (p, { actor, t }) => t('history.maintenance.returned', { actor, date: formatDay(p.returned_on) })),
  sentence(events.closed, (p, { actor, t }) => t('history.maintenance.closed', { actor, date: formatDay(p.closed_on), outcome: t(`outcomes.${p.outcome}`) })),
  sentence(events.attachmentAdded, (p, { actor, t }) => t('history.maintenance.attachment-added', { actor, name: p.name })),
  sentence(events.procedureApproved, (p, { actor, t }) => t('history.procedures.approved', { actor, title: p.title, version: p.version, by: p.approved_by })),
  sentence(events.planCreated, (p, { actor, t }) => t('history.plans.created', { actor, task: p.task, months: p.interval_months })),
  sentence(events.planUpdated, (p, { actor, t }) => t('history.plans.updated', { actor, task: p.task, months: p.interval_months })),
  sentence(events.providerRegistered, (p, { actor, t }) => t('history.providers.registered', { actor, name: p.name })),
  sentence(events.providerUpdated, (p, { actor, t }) => t('history.providers.updated', { actor, name: p.name })),
];
