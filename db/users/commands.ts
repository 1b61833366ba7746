// Account commands (3.1.1, 3.1.2, 3.1.6–3.1.8): each checks its rules, then records events.
import type { z } from 'zod';
import type { ChangePasswordInput, CreateUserInput, Role, DeactivateUserInput, ResetPasswordInput, SecuritySettingsInput, SignInInput, UpdateUserInput, UserIdInput } from './contract.ts';
import { actorOf, command, signedIn, type CallContext, type Services, type SessionUser } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { SYSTEM_ACTOR } from '../journal/append.ts';
import { emit } from '../journal/types.ts';
import { passwordChanged, securitySettingsChanged, signInFailed, userCreated, userDeactivated, userReactivated, userSignedIn, userUpdated } from './events.ts';
import type { UserRow } from '../store/schema.ts';
import { findPerson } from '../people/queries.ts';
import {
  countActiveAdmins,
  findAccountOfPerson,
  findUserById,
  findUserByUsername,
  findUserView,
  passwordChangeDue,
  passwordMaxAgeDays,
  type PasswordChangeDue,
  type UserView,
} from './queries.ts';
import { LOCKOUT_MS, SECURITY_SETTINGS_ID } from './reducer.ts';

export function sessionUserOf(row: UserRow): SessionUser {
  return { id: row.id, username: row.username, display_name: row.display_name, roles: JSON.parse(row.roles) as Role[] };
}

export interface SignedInResult {
  user: SessionUser;
  password_change: PasswordChangeDue;
}

// A hash to spend time on when the username is unknown, so timing does not reveal which names exist.
// One per hasher: two cores in one process never share it.
const decoyHashes = new WeakMap<object, Promise<string>>();

function decoyFor(ctx: Services): Promise<string> {
  let decoy = decoyHashes.get(ctx.hasher);
  if (!decoy) {
    decoy = ctx.hasher.hash('decoy-password');
    decoyHashes.set(ctx.hasher, decoy);
  }
  return decoy;
}

function requireUser(ctx: Services, id: string): UserRow {
  return findUserById(ctx.store, id) ?? refuse('user-not-found', undefined, { user_id: 'errors.user-not-found' });
}

function viewOf(ctx: Services, id: string): UserView {
  return findUserView(ctx.store, id) ?? refuse('user-not-found', undefined, { user_id: 'errors.user-not-found' });
}

/**
 * 3.1.2: an account names a person of the register, and a person holds at most one account, so the
 * register's "no longer serving" reaches exactly one account. `accountId` is the account being changed.
 */
function checkPersonLink(ctx: Services, personId: string | null, accountId: string | null): { person_name?: string } {
  if (personId === null) return {};
  const person = findPerson(ctx.store, personId) ?? refuse('person-not-found', undefined, { person_id: 'errors.person-not-found' });
  const other = findAccountOfPerson(ctx.store, personId);
  if (other && other.id !== accountId) {
    refuse('person-has-account', { person: person.full_name, username: other.username }, { person_id: 'errors.person-has-account' });
  }
  return { person_name: person.full_name };
}

/**
 * Whole minutes until a lock ends, rounded up so nobody is told to come back too early, and never more
 * than the policy's 15 (3.1.7): the lock starts at the failure's HLC instant, which can sit a few
 * milliseconds (or, after a merge, more) ahead of this reading of the clock.
 */
export function lockMinutesLeft(lockedUntil: string, now: Date): number {
  const left = Date.parse(lockedUntil) - now.getTime();
  return Math.min(LOCKOUT_MS / 60_000, Math.ceil(left / 60_000));
}

function refuseIfLocked(row: UserRow, now: Date): void {
  if (row.locked_until && Date.parse(row.locked_until) > now.getTime()) {
    refuse('account-locked', { minutes: lockMinutesLeft(row.locked_until, now) });
  }
}

export async function signIn(ctx: CallContext, input: z.output<typeof SignInInput>): Promise<SignedInResult> {
  const row = findUserByUsername(ctx.store, input.username);
  if (!row) {
    await ctx.hasher.verify(input.password, await decoyFor(ctx));
    // The same answer as a wrong password, so the reply never tells which names exist.
    refuse('sign-in-failed');
  }
  refuseIfLocked(row, ctx.clock.now());
  const matches = await ctx.hasher.verify(input.password, row.password_hash);
  // Attempts may overlap while the hash is computed: decide on the account as it is now.
  const now = ctx.clock.now();
  const current = findUserById(ctx.store, row.id) as UserRow;
  if (!matches) {
    // The failure is recorded in its own transaction: the refusal that follows must not undo it.
    command(ctx, SYSTEM_ACTOR, () => ({ events: [emit(signInFailed, row.id, {})], result: null }));
    // The clock read after the failure was written: the lock it may have started begins at that event.
    refuseIfLocked(findUserById(ctx.store, row.id) as UserRow, ctx.clock.now());
    refuse('sign-in-failed');
  }
  refuseIfLocked(current, now);
  if (current.active !== 1) refuse('account-deactivated');
  command(ctx, actorOf(sessionUserOf(current)), () => ({ events: [emit(userSignedIn, row.id, {})], result: null }));
  const session = ctx.sessions.start(row.id);
  ctx.setSession(session.token);
  const fresh = findUserById(ctx.store, row.id) as UserRow;
  return { user: sessionUserOf(fresh), password_change: passwordChangeDue(fresh, passwordMaxAgeDays(ctx.store), now) };
}

export function signOut(ctx: CallContext): { signed_out: true } {
  ctx.sessions.end(ctx.token);
  ctx.setSession(null);
  return { signed_out: true };
}

export async function changePassword(ctx: CallContext, input: z.output<typeof ChangePasswordInput>): Promise<SignedInResult> {
  const user = signedIn(ctx);
  const row = requireUser(ctx, user.id);
  if (!(await ctx.hasher.verify(input.current, row.password_hash))) {
    refuse('wrong-current-password', undefined, { current: 'errors.wrong-current-password' });
  }
  if (input.next.toLowerCase().includes(row.username)) refuse('weak-password', undefined, { next: 'password.rule-username' });
  const hash = await ctx.hasher.hash(input.next);
  command(ctx, actorOf(user), () => ({
    events: [emit(passwordChanged, user.id, { password_hash: hash, must_change_password: false, by: 'self' })],
    result: null,
  }));
  return { user, password_change: null };
}

export async function createUser(ctx: CallContext, input: z.output<typeof CreateUserInput>): Promise<UserView> {
  const admin = signedIn(ctx);
  if (findUserByUsername(ctx.store, input.username)) refuse('username-taken', { username: input.username }, { username: 'errors.username-taken' });
  checkPersonLink(ctx, input.person_id, null);
  const hash = await ctx.hasher.hash(input.temporary_password);
  const id = ctx.ids.next();
  command(ctx, actorOf(admin), () => {
    // Checked again inside the transaction: the hash took time, and another process may have written.
    if (findUserByUsername(ctx.store, input.username)) refuse('username-taken', { username: input.username }, { username: 'errors.username-taken' });
    const person = checkPersonLink(ctx, input.person_id, null);
    return {
      events: [
        emit(userCreated, id, {
          username: input.username,
          display_name: input.display_name,
          roles: input.roles,
          password_hash: hash,
          must_change_password: true,
          person_id: input.person_id,
          ...person,
        }),
      ],
      result: null,
    };
  });
  return viewOf(ctx, id);
}

export function updateUser(ctx: CallContext, input: z.output<typeof UpdateUserInput>): UserView {
  const admin = signedIn(ctx);
  command(ctx, actorOf(admin), () => {
    const row = requireUser(ctx, input.user_id);
    if (!input.roles.includes('admin') && row.active === 1 && countActiveAdmins(ctx.store, row.id) === 0) {
      refuse('last-admin', undefined, { roles: 'errors.last-admin' });
    }
    // Nobody grants themselves a role: another administrator must, so no one approves what they could not.
    const held = JSON.parse(row.roles) as string[];
    if (row.id === admin.id && input.roles.some((role) => !held.includes(role))) {
      refuse('cannot-grant-self', undefined, { roles: 'errors.cannot-grant-self' });
    }
    const personId = input.person_id === undefined ? row.person_id : input.person_id;
    // Checked only when it changes, so a change of roles never trips over the link the account already has.
    // The person's name goes with the event for the history to say, changed or kept.
    const kept = personId === null ? undefined : findPerson(ctx.store, personId);
    const person = personId !== row.person_id ? checkPersonLink(ctx, personId, row.id) : kept ? { person_name: kept.full_name } : {};
    return { events: [emit(userUpdated, row.id, { display_name: input.display_name, roles: input.roles, person_id: personId, ...person })], result: null };
  });
  return viewOf(ctx, input.user_id);
}

export async function resetPassword(ctx: CallContext, input: z.output<typeof ResetPasswordInput>): Promise<UserView> {
  const admin = signedIn(ctx);
  const row = requireUser(ctx, input.user_id);
  if (input.temporary_password.toLowerCase().includes(row.username)) {
    refuse('weak-password', undefined, { temporary_password: 'password.rule-username' });
  }
  const hash = await ctx.hasher.hash(input.temporary_password);
  command(ctx, actorOf(admin), () => ({
    events: [emit(passwordChanged, row.id, { password_hash: hash, must_change_password: true, by: 'admin' })],
    result: null,
  }));
  if (row.id !== admin.id) ctx.sessions.endAllFor(row.id);
  return viewOf(ctx, row.id);
}

export function deactivateUser(ctx: CallContext, input: z.output<typeof DeactivateUserInput>): UserView {
  const admin = signedIn(ctx);
  command(ctx, actorOf(admin), () => {
    const row = requireUser(ctx, input.user_id);
    if (row.id === admin.id) refuse('cannot-deactivate-self');
    if (row.active !== 1) refuse('already-deactivated');
    return { events: [emit(userDeactivated, row.id, { reason: input.reason, note: input.note })], result: null };
  });
  // 3.1.2: at once. Other processes on the same file see it on their next call (the dispatcher checks).
  ctx.sessions.endAllFor(input.user_id);
  return viewOf(ctx, input.user_id);
}

export function reactivateUser(ctx: CallContext, input: z.output<typeof UserIdInput>): UserView {
  const admin = signedIn(ctx);
  command(ctx, actorOf(admin), () => {
    const row = requireUser(ctx, input.user_id);
    if (row.active === 1) refuse('already-active');
    return { events: [emit(userReactivated, row.id, {})], result: null };
  });
  return viewOf(ctx, input.user_id);
}

export function updateSecuritySettings(ctx: CallContext, input: z.output<typeof SecuritySettingsInput>): { password_max_age_days: number } {
  command(ctx, actorOf(signedIn(ctx)), () => ({
    events: [emit(securitySettingsChanged, SECURITY_SETTINGS_ID, input)],
    result: null,
  }));
  return { password_max_age_days: passwordMaxAgeDays(ctx.store) };
}

