// An event in plain words ("Asha Mrisho created the account of Juma Ally, roles: ICT officer").
// Pure, and shared by the renderer's history view and the CLI's `history`.
import type { Translate } from './catalogues/index.ts';

export interface DescribableEvent {
  type: string;
  actor_name: string;
  payload: Record<string, unknown>;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A typed date, YYYY-MM-DD, as people read it: dd/MM/yyyy. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

/** How a storage medium is named in a sentence: "SSD 512 GB (S/N S4EVNX0R123)". */
export function describeMedium(medium: { kind: string; capacity_gb: number | null; serial: string }): string {
  const kind = ({ hdd: 'HDD', ssd: 'SSD', emmc: 'eMMC', memory_card: 'SD', other: '' } as Record<string, string>)[medium.kind] ?? medium.kind;
  const gb = medium.capacity_gb;
  const capacity = gb ? ` ${gb >= 1000 && gb % 1000 === 0 ? `${gb / 1000} TB` : `${gb} GB`}` : '';
  const serial = medium.serial ? ` (S/N ${medium.serial})` : '';
  return `${kind}${capacity}${serial}`.trim() || medium.kind;
}

export function describeEvent(event: DescribableEvent, t: Translate): string {
  const p = event.payload;
  const actor = event.actor_name;
  const roles = Array.isArray(p.roles) ? p.roles.map((role) => t(`roles.${String(role)}`)).join(', ') : '';
  switch (event.type) {
    case 'institution.configured':
    case 'institution.updated':
      return t(`history.${event.type}`, { actor, name: str(p.name), code: str(p.code) });
    case 'security.settings-changed':
      return t('history.security.settings-changed', { actor, days: Number(p.password_max_age_days) });
    case 'users.created':
    case 'users.updated':
      return t(`history.${event.type}`, { actor, name: str(p.display_name), roles });
    case 'users.password-changed':
      return t(p.by === 'admin' ? 'history.users.password-changed-admin' : 'history.users.password-changed-self', { actor });
    case 'users.deactivated': {
      const reason = t(`reasons.${str(p.reason)}`) + (str(p.note) ? ` (${str(p.note)})` : '');
      return t('history.users.deactivated', { actor, reason });
    }
    case 'users.reactivated':
    case 'users.sign-in-failed':
    case 'users.signed-in':
    case 'people.deactivated':
    case 'people.reactivated':
      return t(`history.${event.type}`, { actor });
    case 'people.registered':
    case 'people.updated':
      return t(`history.${event.type}`, { actor, name: str(p.full_name) });
    case 'departments.created':
    case 'departments.updated':
    case 'locations.created':
    case 'locations.updated':
      return t(`history.${event.type}`, { actor, name: str(p.name) });
    case 'assets.registered':
    case 'assets.updated':
      return t(`history.${event.type}`, { actor, tag: str(p.tag), label: [str(p.make), str(p.model)].filter(Boolean).join(' ') });
    case 'assets.tag-format-set':
      return t('history.assets.tag-format-set', { actor, format: str(p.tag_format) });
    case 'categories.created':
    case 'categories.updated':
      return t(`history.${event.type}`, { actor, name: str(p.name_sw) });
    case 'storage.added':
      return t('history.storage.added', {
        actor,
        medium: describeMedium({ kind: str(p.kind), capacity_gb: typeof p.capacity_gb === 'number' ? p.capacity_gb : null, serial: str(p.serial) }),
      });
    case 'storage.removed':
      return t('history.storage.removed', { actor, date: formatDay(str(p.removed_on)), by: str(p.removed_by), witness: str(p.witnessed_by), kept: str(p.kept_at) });
    case 'storage.reinstalled':
      return t('history.storage.reinstalled', { actor, date: formatDay(str(p.reinstalled_on)), by: str(p.reinstalled_by) });
    case 'maintenance.reported':
      return t(p.kind === 'preventive' ? 'history.maintenance.reported-preventive' : 'history.maintenance.reported', {
        actor,
        by: str(p.reported_by),
        date: formatDay(str(p.reported_on)),
        symptoms: str(p.symptoms),
      });
    case 'maintenance.diagnosed':
      return t('history.maintenance.diagnosed', { actor, diagnosis: str(p.diagnosis) });
    case 'maintenance.assigned':
      return p.technician_type === 'external'
        ? t('history.maintenance.assigned-external', { actor, provider: str(p.provider_name), job: str(p.job_ref) || '—', supervisor: str(p.supervisor_name) })
        : t('history.maintenance.assigned-internal', { actor, name: str(p.technician_name) });
    case 'maintenance.work-recorded':
      return t('history.maintenance.work-recorded', { actor, actions: str(p.actions) });
    case 'maintenance.sent-offsite':
      return t('history.maintenance.sent-offsite', { actor, date: formatDay(str(p.sent_on)) });
    case 'maintenance.returned':
      return t('history.maintenance.returned', { actor, date: formatDay(str(p.returned_on)) });
    case 'maintenance.closed':
      return t('history.maintenance.closed', { actor, date: formatDay(str(p.closed_on)), outcome: t(`outcomes.${str(p.outcome)}`) });
    case 'maintenance.attachment-added':
      return t('history.maintenance.attachment-added', { actor, name: str(p.name) });
    case 'procedures.approved':
      return t('history.procedures.approved', { actor, title: str(p.title), version: str(p.version), by: str(p.approved_by) });
    case 'plans.created':
    case 'plans.updated':
      return t(`history.${event.type}`, { actor, task: str(p.task), months: Number(p.interval_months) });
    case 'providers.registered':
    case 'providers.updated':
      return t(`history.${event.type}`, { actor, name: str(p.name) });
    case 'peers.accepted':
      return t('history.peers.accepted', { actor, name: str(p.name), institution: str(p.institution_name), fingerprint: str(p.fingerprint) });
    case 'peers.renamed':
      return t('history.peers.renamed', { actor, name: str(p.name) });
    case 'peers.revoked':
      return t('history.peers.revoked', { actor });
    case 'peers.trusted-again':
      return t('history.peers.trusted-again', { actor, fingerprint: str(p.fingerprint) });
    case 'sync.exported':
    case 'sync.imported':
      return t(`history.${event.type}`, { actor, file: str(p.file_name), count: Number(p.event_count), fresh: Number(p.new_events ?? 0) });
    case 'sync.bundle-wiped':
      return t('history.sync.bundle-wiped', { actor, note: str(p.note) }).trim();
    case 'conflicts.resolved':
      return t('history.conflicts.resolved', { actor, note: str(p.note) });
    case 'import.mapping-remembered':
      return t('import.history.mapping-remembered', { actor, headers: Array.isArray(p.headers) ? p.headers.map(String).join(', ') : '' });
    default:
      // Events of a newer version (arrived by sync) still read as something.
      return t('history.unknown', { actor, type: event.type });
  }
}

/**
 * What a history line shows under its sentence besides the time: the person who acted, only when the
 * sentence does not already name them. Every sentence but a few begins with the actor, and a second
 * mention right under it read as a stutter (issue 7: history lines named the person twice).
 */
export function historyByline(event: DescribableEvent, sentence: string): string | null {
  const actor = event.actor_name.trim();
  if (!actor || sentence.includes(actor)) return null;
  return actor;
}
