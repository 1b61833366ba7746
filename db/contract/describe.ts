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
    default:
      // Events of a newer version (arrived by sync) still read as something.
      return t('history.unknown', { actor, type: event.type });
  }
}
