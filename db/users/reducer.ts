// Fold of account events into the `users` and `security_settings` rows. Pure.
import { onExisting, pick } from '../journal/fold.ts';
import { hlcInstant } from '../journal/hlc.ts';
import { defineProjection, on } from '../journal/types.ts';
import type { SecuritySettings, UserRow } from '../store/schema.ts';
import { passwordChanged, securitySettingsChanged, signInFailed, userCreated, userDeactivated, userReactivated, userSignedIn, userUpdated } from './events.ts';

// 3.1.7: five wrong passwords in a row lock the account for fifteen minutes.
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
export const DEFAULT_PASSWORD_MAX_AGE_DAYS = 90;
export const SECURITY_SETTINGS_ID = 'security';

export const usersProjection = defineProjection<UserRow>({
  table: 'users',
  columns: [
    'id',
    'username',
    'display_name',
    'roles',
    'password_hash',
    'must_change_password',
    'password_changed_at',
    'active',
    'deactivated_at',
    'deactivation_reason',
    'failed_attempts',
    'locked_until',
    'last_sign_in_at',
    'created_at',
    'updated_at',
    'person_id',
  ],
  on: [
    on(userCreated, (_row, p, event) => {
      const at = hlcInstant(event.hlc);
      return {
        id: event.entity,
        ...pick(p, ['username', 'display_name', 'password_hash']),
        roles: JSON.stringify(p.roles),
        must_change_password: p.must_change_password ? 1 : 0,
        password_changed_at: at,
        active: 1,
        deactivated_at: null,
        deactivation_reason: null,
        failed_attempts: 0,
        locked_until: null,
        last_sign_in_at: null,
        created_at: at,
        updated_at: at,
        person_id: p.person_id ?? null,
      };
    }),
    // Events about an account this file never saw created have nothing to fold into.
    // An update written before accounts named their person leaves none: there was none to keep.
    onExisting(userUpdated, (row: UserRow, p, at) => ({ ...row, display_name: p.display_name, roles: JSON.stringify(p.roles), person_id: p.person_id ?? null, updated_at: at })),
    onExisting(passwordChanged, (row: UserRow, p, at) => ({
      ...row,
      password_hash: p.password_hash,
      must_change_password: p.must_change_password ? 1 : 0,
      password_changed_at: at,
      failed_attempts: 0,
      locked_until: null,
      updated_at: at,
    })),
    onExisting(userDeactivated, (row: UserRow, p, at) => ({ ...row, active: 0, deactivated_at: at, deactivation_reason: p.reason, updated_at: at })),
    onExisting(userReactivated, (row: UserRow, _p, at) => ({
      ...row,
      active: 1,
      deactivated_at: null,
      deactivation_reason: null,
      failed_attempts: 0,
      locked_until: null,
      updated_at: at,
    })),
    onExisting(signInFailed, (row: UserRow, _p, at) => {
      const lockExpired = row.locked_until !== null && row.locked_until <= at;
      const attempts = (lockExpired ? 0 : row.failed_attempts) + 1;
      if (attempts >= LOCKOUT_THRESHOLD) {
        const until = new Date(Date.parse(at) + LOCKOUT_MS).toISOString();
        return { ...row, failed_attempts: 0, locked_until: until, updated_at: at };
      }
      return { ...row, failed_attempts: attempts, locked_until: lockExpired ? null : row.locked_until, updated_at: at };
    }),
    onExisting(userSignedIn, (row: UserRow, _p, at) => ({ ...row, failed_attempts: 0, locked_until: null, last_sign_in_at: at, updated_at: at })),
  ],
});

export const reduceUser = usersProjection.reduce;

export const securitySettingsProjection = defineProjection<SecuritySettings>({
  table: 'security_settings',
  columns: ['id', 'password_max_age_days', 'updated_at'],
  on: [
    on(securitySettingsChanged, (row, p, event) => ({
      ...(row ?? { id: SECURITY_SETTINGS_ID }),
      password_max_age_days: p.password_max_age_days,
      updated_at: hlcInstant(event.hlc),
    })),
  ],
});

export const reduceSecuritySettings = securitySettingsProjection.reduce;
