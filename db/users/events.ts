// Account events. All `local`: accounts belong to one installation and never travel in a bundle.
import { z } from 'zod';
import { DEACTIVATION_REASONS, Role } from './contract.ts';
import { defineEvent } from '../journal/types.ts';

const Roles = z.array(Role).min(1);
/** The person of the register the account belongs to (3.1.2); absent in events written before it existed. */
const PersonId = z.string().nullable().optional();
/** That person's name as the register had it, for the account's history to say whom it was linked to. */
const PersonName = z.string().optional();

export const userCreated = defineEvent(
  'users.created',
  'local',
  z.object({
    username: z.string(),
    display_name: z.string(),
    roles: Roles,
    password_hash: z.string(),
    must_change_password: z.boolean(),
    person_id: PersonId,
    person_name: PersonName,
  }),
);
export const userUpdated = defineEvent('users.updated', 'local', z.object({ display_name: z.string(), roles: Roles, person_id: PersonId, person_name: PersonName }));
export const passwordChanged = defineEvent(
  'users.password-changed',
  'local',
  z.object({ password_hash: z.string(), must_change_password: z.boolean(), by: z.enum(['self', 'admin']) }),
);
export const userDeactivated = defineEvent(
  'users.deactivated',
  'local',
  z.object({ reason: z.enum(DEACTIVATION_REASONS), note: z.string() }),
);
export const userReactivated = defineEvent('users.reactivated', 'local', z.object({}));
export const signInFailed = defineEvent('users.sign-in-failed', 'local', z.object({}));
export const userSignedIn = defineEvent('users.signed-in', 'local', z.object({}));

export const securitySettingsChanged = defineEvent(
  'security.settings-changed',
  'local',
  z.object({ password_max_age_days: z.number().int().min(1) }),
);

export const userEvents = [
  userCreated,
  userUpdated,
  passwordChanged,
  userDeactivated,
  userReactivated,
  signInFailed,
  userSignedIn,
  securitySettingsChanged,
];
