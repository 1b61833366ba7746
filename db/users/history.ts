// How account and security events read in a history (shown only to those who may see accounts).
import { sentence } from '../area.ts';
import type { Translate } from '../contract/catalogues/index.ts';
import * as events from './events.ts';

const rolesIn = (roles: readonly string[], t: Translate): string => roles.map((role) => t(`roles.${role}`)).join(', ');
/** Whom the account belongs to in the register of people, when the event says (3.1.2). */
const personOf = (p: { person_name?: string | undefined }, t: Translate): string => (p.person_name ? ` ${t('history.users.person', { person: p.person_name })}` : '');

export const userHistory = [
  sentence(events.userCreated, (p, { actor, t }) => t('history.users.created', { actor, name: p.display_name, roles: rolesIn(p.roles, t) }) + personOf(p, t)),
  sentence(events.userUpdated, (p, { actor, t }) => t('history.users.updated', { actor, name: p.display_name, roles: rolesIn(p.roles, t) }) + personOf(p, t)),
  sentence(events.passwordChanged, (p, { actor, t }) => t(p.by === 'admin' ? 'history.users.password-changed-admin' : 'history.users.password-changed-self', { actor })),
  sentence(events.userDeactivated, (p, { actor, t }) => t('history.users.deactivated', { actor, reason: t(`reasons.${p.reason}`) + (p.note ? ` (${p.note})` : '') })),
  sentence(events.userReactivated, (_p, { actor, t }) => t('history.users.reactivated', { actor })),
  sentence(events.signInFailed, (_p, { actor, t }) => t('history.users.sign-in-failed', { actor })),
  sentence(events.userSignedIn, (_p, { actor, t }) => t('history.users.signed-in', { actor })),
  sentence(events.securitySettingsChanged, (p, { actor, t }) => t('history.security.settings-changed', { actor, days: p.password_max_age_days })),
];
