// Accounts through the contract, as every transport calls them (3.1.1, 3.1.2, 3.1.6–3.1.8).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RouteDefinition } from '../../../db/contract/route.ts';
import { routes } from '../../../db/contract/routes.ts';
import { openCore } from '../../../db/core.ts';
import { manualClock, seededIds } from '../../../db/core/clock.ts';
import type { Role } from '../../../db/users/contract.ts';
import type { PasswordHasher } from '../../../db/users/passwords.ts';
import {
  addUser,
  ADMIN,
  ADMIN_PASSWORD,
  INSTITUTION,
  DAY,
  expectRefused,
  MINUTE,
  okValue,
  openTestCore,
  OWN_PASSWORD,
  refusal,
  setUp,
  signIn,
  snapshotRows,
  START,
  tempDir,
  TEMPORARY_PASSWORD,
  type TestCore,
} from '../../helpers/core.ts';

const WRONG = 'Not-The-Password-9';

function user(t: TestCore, id: string) {
  return t.core.services.store.sqlite.prepare('SELECT * FROM users WHERE id = ?').get(id) as Record<string, unknown>;
}

async function createOnly(t: TestCore, adminToken: string, username: string, roles: Role[] = ['ict_officer']): Promise<string> {
  return okValue(await t.call(adminToken, 'users.create', { username, display_name: `User ${username}`, roles, temporary_password: TEMPORARY_PASSWORD })).id;
}

describe('accounts', () => {
  let t: TestCore;
  let admin: { token: string; id: string };
  beforeEach(async () => {
    t = await openTestCore();
    admin = await setUp(t);
  });
  afterEach(() => t.core.close());

  describe('creating', () => {
    it('creates an account that must change its temporary password, with sorted unique roles', async () => {
      const created = okValue(
        await t.call(admin.token, 'users.create', { username: 'Juma', display_name: 'Juma Ally', roles: ['records_officer', 'ict_officer', 'ict_officer'], temporary_password: TEMPORARY_PASSWORD }),
      );
      expect(created).toMatchObject({ username: 'juma', display_name: 'Juma Ally', roles: ['ict_officer', 'records_officer'], active: true, must_change_password: true });
    });

    it('refuses a username already taken, whatever its case', async () => {
      await createOnly(t, admin.token, 'juma');
      const before = snapshotRows(t.core.services.store);
      const error = expectRefused(
        await t.call(admin.token, 'users.create', { username: 'JUMA', display_name: 'Juma Mwingine', roles: ['auditor'], temporary_password: TEMPORARY_PASSWORD }),
        'username-taken',
      );
      expect(error.params).toEqual({ username: 'juma' });
      expect(error.fields).toEqual({ username: 'errors.username-taken' });
      expect(snapshotRows(t.core.services.store)).toEqual(before);
    });

    it.each([
      ['password.rule-length', 'Ab1!xyzq'],
      ['password.rule-lower', 'ABCD1234!XYZ'],
      ['password.rule-upper', 'abcd1234!xyz'],
      ['password.rule-digit', 'Abcdefgh!xyz'],
      ['password.rule-symbol', 'Abcdefgh1xyz'],
      ['password.rule-common', 'Qwerty#2025x'],
      ['password.rule-username', 'Juma#2025xyz'],
    ])('refuses a temporary password that breaks %s', async (rule, temporary_password) => {
      const error = expectRefused(
        await t.call(admin.token, 'users.create', { username: 'juma', display_name: 'Juma Ally', roles: ['ict_officer'], temporary_password }),
        'invalid-input',
      );
      expect(error.fields).toEqual({ temporary_password: rule });
    });

    it('refuses an account with no role or an unknown role', async () => {
      const none = expectRefused(await t.call(admin.token, 'users.create', { username: 'juma', display_name: 'J', roles: [], temporary_password: TEMPORARY_PASSWORD }), 'invalid-input');
      expect(none.fields).toEqual({ roles: 'validation.roles' });
      const unknown = expectRefused(await t.callRaw(admin.token, 'users.create', { username: 'juma', display_name: 'J', roles: ['king'], temporary_password: TEMPORARY_PASSWORD }), 'invalid-input');
      expect(unknown.fields).toEqual({ 'roles.0': 'validation.invalid_value' });
    });
  });

  describe('first sign-in', () => {
    it('tells a new user to change the password, and refuses every route but change-password, sign-out and me until then', async () => {
      await createOnly(t, admin.token, 'juma', ['admin', 'auditor', 'ict_officer']);
      const { token, result } = await signIn(t, 'juma', TEMPORARY_PASSWORD);
      expect(okValue(result)).toMatchObject({ password_change: 'first' });
      const allowed = Object.entries(routes as Record<string, RouteDefinition>)
        .filter(([, r]) => r.access === 'anyone' || r.whilePasswordDue)
        .map(([name]) => name)
        .sort();
      expect(allowed).toEqual(['auth.change-password', 'auth.me', 'auth.sign-in', 'auth.sign-out', 'setup.initialize', 'setup.status']);
      for (const [name, definition] of Object.entries(routes as Record<string, RouteDefinition>)) {
        if (definition.access === 'anyone' || definition.whilePasswordDue) continue;
        expect([name, refusal(await t.callRaw(token, name, {})).code]).toEqual([name, 'password-change-required']);
      }
      expect(okValue(await t.call(token, 'auth.me'))).toMatchObject({ user: { username: 'juma' }, password_change: 'first' });
      okValue(await t.call(token, 'auth.change-password', { current: TEMPORARY_PASSWORD, next: OWN_PASSWORD, confirm: OWN_PASSWORD }));
      expect(okValue(await t.call(token, 'auth.me'))).toMatchObject({ password_change: null });
      okValue(await t.call(token, 'people.list', {}));
      okValue(await t.call(token, 'users.list'));
    });

    it('lets a user sign out while the change is still due', async () => {
      await createOnly(t, admin.token, 'juma');
      const { token } = await signIn(t, 'juma', TEMPORARY_PASSWORD);
      const out = await t.core.call(token, 'auth.sign-out', {});
      expect(out).toEqual({ result: { ok: true, value: { signed_out: true } }, session: null });
      expectRefused(await t.call(token, 'people.list', {}), 'session-ended');
    });

    it('checks the current password and the rules when changing it', async () => {
      await createOnly(t, admin.token, 'juma');
      const { token } = await signIn(t, 'juma', TEMPORARY_PASSWORD);
      const wrong = expectRefused(await t.call(token, 'auth.change-password', { current: WRONG, next: OWN_PASSWORD, confirm: OWN_PASSWORD }), 'wrong-current-password');
      expect(wrong.fields).toEqual({ current: 'errors.wrong-current-password' });
      const withName = expectRefused(await t.call(token, 'auth.change-password', { current: TEMPORARY_PASSWORD, next: 'Juma#Mpya2025', confirm: 'Juma#Mpya2025' }), 'weak-password');
      expect(withName.fields).toEqual({ next: 'password.rule-username' });
      const same = expectRefused(await t.call(token, 'auth.change-password', { current: TEMPORARY_PASSWORD, next: TEMPORARY_PASSWORD, confirm: TEMPORARY_PASSWORD }), 'invalid-input');
      expect(same.fields).toEqual({ next: 'password.rule-new' });
      const differs = expectRefused(await t.call(token, 'auth.change-password', { current: TEMPORARY_PASSWORD, next: OWN_PASSWORD, confirm: `${OWN_PASSWORD}x` }), 'invalid-input');
      expect(differs.fields).toEqual({ confirm: 'validation.passwords-differ' });
      const weak = expectRefused(await t.call(token, 'auth.change-password', { current: TEMPORARY_PASSWORD, next: 'short', confirm: 'short' }), 'invalid-input');
      expect(weak.fields).toEqual({ next: 'password.rule-length' });
      expect(okValue(await t.call(token, 'auth.me'))).toMatchObject({ password_change: 'first' });
    });

    it('signs in with the new password only, once it is changed', async () => {
      await addUser(t, admin.token, 'juma', ['ict_officer']);
      expect(refusal((await signIn(t, 'juma', TEMPORARY_PASSWORD)).result).code).toBe('sign-in-failed');
      expect(okValue((await signIn(t, 'juma', OWN_PASSWORD)).result)).toMatchObject({ password_change: null });
    });
  });

  describe('signing in', () => {
    it('accepts the username in any case', async () => {
      const { token, result } = await signIn(t, '  ASHA ', ADMIN_PASSWORD);
      expect(token).toEqual(expect.any(String));
      expect(okValue(result)).toMatchObject({ user: { username: 'asha' } });
    });

    it('gives the same answer for an unknown username, and records nothing', async () => {
      const before = snapshotRows(t.core.services.store);
      const outcome = await t.core.call(null, 'auth.sign-in', { username: 'hakuna', password: WRONG });
      expectRefused(outcome.result, 'sign-in-failed');
      expect(outcome.session).toBeUndefined();
      expect(snapshotRows(t.core.services.store)).toEqual(before);
    });

    it('does not reveal whether a username exists by its answer to a wrong password', async () => {
      // The decoy hash in signIn exists so that timing does not tell which names exist; the answer must not either.
      await addUser(t, admin.token, 'juma', ['ict_officer']);
      const known = refusal((await signIn(t, 'juma', WRONG)).result);
      const unknown = refusal((await signIn(t, 'hakuna', WRONG)).result);
      expect(unknown.code).toBe(known.code);
      expect(unknown.message).toBe(known.message);
    });

    it('records the time of each successful sign-in', async () => {
      t.clock.advance(5 * MINUTE);
      await signIn(t, 'asha', ADMIN_PASSWORD);
      expect(user(t, admin.id).last_sign_in_at).toBe('2025-03-03T08:05:00.000Z');
    });

    it('locks the account for 15 minutes after 5 wrong passwords, even against the right password', async () => {
      const juma = await addUser(t, admin.token, 'juma', ['ict_officer']);
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        expectRefused((await signIn(t, 'juma', WRONG)).result, 'sign-in-failed');
        expect(user(t, juma.id).failed_attempts).toBe(attempt);
      }
      const locked = expectRefused((await signIn(t, 'juma', WRONG)).result, 'account-locked');
      expect(locked.params).toEqual({ minutes: 15 });
      const right = await signIn(t, 'juma', OWN_PASSWORD);
      expect(right.token).toBeNull();
      expect(expectRefused(right.result, 'account-locked').params).toEqual({ minutes: 15 });
      t.clock.advance(14 * MINUTE + 30_000);
      expect(expectRefused((await signIn(t, 'juma', OWN_PASSWORD)).result, 'account-locked').params).toEqual({ minutes: 1 });
      t.clock.advance(30_000);
      const after = await signIn(t, 'juma', OWN_PASSWORD);
      expect(after.token).toEqual(expect.any(String));
      expect(user(t, juma.id)).toMatchObject({ failed_attempts: 0, locked_until: null });
    });

    it('locks the account after 5 wrong passwords even when the attempts arrive all at once', async () => {
      // A hasher that answers on the next turn of the event loop, in the order asked: deterministic concurrency.
      const plain: PasswordHasher = {
        hash: async (password) => `plain$${password}`,
        verify: (password, stored) => new Promise((resolve) => setImmediate(() => resolve(stored === `plain$${password}`))),
      };
      const c = await openCore({ path: ':memory:', clock: manualClock(START), ids: seededIds(5), hasher: plain });
      try {
        const setup = await c.call(null, 'setup.initialize', { institution: INSTITUTION, admin: ADMIN });
        expect(setup.result.ok).toBe(true);
        okValue((await c.call(setup.session as string, 'auth.sign-out', {})).result);
        const attempts = [WRONG, WRONG, WRONG, WRONG, WRONG, ADMIN_PASSWORD].map((password) => c.call(null, 'auth.sign-in', { username: 'asha', password }));
        const outcomes = await Promise.all(attempts);
        expect(outcomes.slice(0, 5).map((o) => refusal(o.result).code)).toEqual([
          'sign-in-failed',
          'sign-in-failed',
          'sign-in-failed',
          'sign-in-failed',
          'account-locked',
        ]);
        // The sixth password was checked after five wrong ones had locked the account.
        expect(refusal((outcomes[5] as (typeof outcomes)[number]).result).code).toBe('account-locked');
      } finally {
        c.close();
      }
    });

    it('does not count wrong passwords against the lock once a sign-in succeeded', async () => {
      const juma = await addUser(t, admin.token, 'juma', ['ict_officer']);
      for (let i = 0; i < 4; i += 1) await signIn(t, 'juma', WRONG);
      okValue((await signIn(t, 'juma', OWN_PASSWORD)).result);
      expectRefused((await signIn(t, 'juma', WRONG)).result, 'sign-in-failed');
      expect(user(t, juma.id).failed_attempts).toBe(1);
    });

    it('unlocks a locked account when an administrator resets its password', async () => {
      const juma = await addUser(t, admin.token, 'juma', ['ict_officer']);
      for (let i = 0; i < 5; i += 1) await signIn(t, 'juma', WRONG);
      okValue(await t.call(admin.token, 'users.reset-password', { user_id: juma.id, temporary_password: 'Muda-Mpya-2025' }));
      expect(okValue((await signIn(t, 'juma', 'Muda-Mpya-2025')).result)).toMatchObject({ password_change: 'first' });
    });
  });

  describe('password age', () => {
    it('asks for a new password after the configured number of days', async () => {
      okValue(await t.call(admin.token, 'security.update', { password_max_age_days: 30 }));
      expect(okValue(await t.call(admin.token, 'security.get'))).toEqual({ id: 'security', password_max_age_days: 30 });
      await addUser(t, admin.token, 'juma', ['ict_officer']);
      t.clock.advance(30 * DAY - MINUTE);
      const before = await signIn(t, 'juma', OWN_PASSWORD);
      expect(okValue(before.result)).toMatchObject({ password_change: null });
      okValue(await t.call(before.token, 'people.list', {}));
      t.clock.advance(2 * MINUTE);
      // The age is checked on every call: an open session is stopped too.
      expectRefused(await t.call(before.token, 'people.list', {}), 'password-change-required');
      expect(okValue(await t.call(before.token, 'auth.me'))).toMatchObject({ password_change: 'expired' });
      const again = await signIn(t, 'juma', OWN_PASSWORD);
      expect(okValue(again.result)).toMatchObject({ password_change: 'expired' });
      okValue(await t.call(again.token, 'auth.change-password', { current: OWN_PASSWORD, next: 'Ngorongoro*Crater4', confirm: 'Ngorongoro*Crater4' }));
      okValue(await t.call(again.token, 'people.list', {}));
      okValue(await t.call(before.token, 'people.list', {}));
    });

    it('expires passwords after 90 days when nobody set an interval', async () => {
      expect(okValue(await t.call(admin.token, 'security.get'))).toEqual({ id: 'security', password_max_age_days: 90 });
      t.clock.advance(90 * DAY + MINUTE);
      const again = await signIn(t, 'asha', ADMIN_PASSWORD);
      expect(okValue(again.result)).toMatchObject({ password_change: 'expired' });
      expectRefused(await t.call(again.token, 'users.list'), 'password-change-required');
    });

    it('accepts an interval between 30 and 365 days only', async () => {
      expect(expectRefused(await t.call(admin.token, 'security.update', { password_max_age_days: 29 }), 'invalid-input').fields).toEqual({
        password_max_age_days: 'validation.max-age',
      });
      expect(expectRefused(await t.call(admin.token, 'security.update', { password_max_age_days: 366 }), 'invalid-input').fields).toEqual({
        password_max_age_days: 'validation.max-age',
      });
      expect(expectRefused(await t.call(admin.token, 'security.update', { password_max_age_days: 45.5 }), 'invalid-input').fields).toEqual({
        password_max_age_days: 'validation.whole-number',
      });
      expect(okValue(await t.call(admin.token, 'security.update', { password_max_age_days: '120' }))).toEqual({ password_max_age_days: 120 });
    });
  });

  describe('sessions', () => {
    it('ends a session left idle for 30 minutes', async () => {
      t.clock.advance(30 * MINUTE);
      okValue(await t.call(admin.token, 'users.list'));
      t.clock.advance(30 * MINUTE + 1);
      const outcome = await t.core.call(admin.token, 'users.list', {});
      expectRefused(outcome.result, 'session-ended');
      expect(outcome.session).toBeNull();
    });

    it('refuses a made-up token as an ended session', async () => {
      expectRefused(await t.call('made-up-token', 'users.list'), 'session-ended');
    });
  });

  describe('deactivation (3.1.2)', () => {
    it("ends the user's open session on its next call", async () => {
      const juma = await addUser(t, admin.token, 'juma', ['ict_officer']);
      okValue(await t.call(juma.token, 'people.list', {}));
      const view = okValue(await t.call(admin.token, 'users.deactivate', { user_id: juma.id, reason: 'transfer', note: 'Hazina' }));
      expect(view).toMatchObject({ active: false, deactivation_reason: 'transfer', deactivated_at: START });
      const next = await t.core.call(juma.token, 'people.list', {});
      expectRefused(next.result, 'session-ended');
      expect(next.session).toBeNull();
      expect(okValue(await t.call(juma.token, 'auth.me'))).toBeNull();
    });

    it('refuses sign-in to a deactivated account, and a reactivated one signs in again', async () => {
      const juma = await addUser(t, admin.token, 'juma', ['ict_officer']);
      okValue(await t.call(admin.token, 'users.deactivate', { user_id: juma.id, reason: 'resignation' }));
      expectRefused((await signIn(t, 'juma', OWN_PASSWORD)).result, 'account-deactivated');
      expectRefused(await t.call(admin.token, 'users.deactivate', { user_id: juma.id, reason: 'resignation' }), 'already-deactivated');
      okValue(await t.call(admin.token, 'users.reactivate', { user_id: juma.id }));
      expectRefused(await t.call(admin.token, 'users.reactivate', { user_id: juma.id }), 'already-active');
      expect((await signIn(t, 'juma', OWN_PASSWORD)).token).toEqual(expect.any(String));
    });

    it('refuses an administrator deactivating their own account', async () => {
      const before = snapshotRows(t.core.services.store);
      expectRefused(await t.call(admin.token, 'users.deactivate', { user_id: admin.id, reason: 'other' }), 'cannot-deactivate-self');
      expect(snapshotRows(t.core.services.store)).toEqual(before);
    });

    it('refuses an unknown account', async () => {
      expect(expectRefused(await t.call(admin.token, 'users.deactivate', { user_id: 'nobody', reason: 'other' }), 'user-not-found').fields).toEqual({
        user_id: 'errors.user-not-found',
      });
      expectRefused(await t.call(admin.token, 'users.get', { user_id: 'nobody' }), 'user-not-found');
    });
  });

  describe('the last administrator', () => {
    it('cannot lose the admin role', async () => {
      const error = expectRefused(await t.call(admin.token, 'users.update', { user_id: admin.id, display_name: 'Asha Mrisho', roles: ['ict_officer'] }), 'last-admin');
      expect(error.fields).toEqual({ roles: 'errors.last-admin' });
      expect(okValue(await t.call(admin.token, 'users.get', { user_id: admin.id }))).toMatchObject({ roles: ['admin'] });
    });

    it("applies a role taken away on the user's very next call", async () => {
      const second = await addUser(t, admin.token, 'juma', ['admin']);
      okValue(await t.call(second.token, 'users.list'));
      okValue(await t.call(admin.token, 'users.update', { user_id: second.id, display_name: 'Juma', roles: ['ict_officer'] }));
      expectRefused(await t.call(second.token, 'users.list'), 'forbidden');
      expect(okValue(await t.call(second.token, 'auth.me'))).toMatchObject({ user: { roles: ['ict_officer'], display_name: 'Juma' } });
    });

    it('can hand the role over once another active administrator exists', async () => {
      const second = await addUser(t, admin.token, 'juma', ['admin']);
      okValue(await t.call(second.token, 'users.update', { user_id: admin.id, display_name: 'Asha Mrisho', roles: ['auditor'] }));
      expectRefused(await t.call(second.token, 'users.update', { user_id: second.id, display_name: 'Juma', roles: ['auditor'] }), 'last-admin');
    });

    it('does not count a deactivated administrator', async () => {
      const second = await addUser(t, admin.token, 'juma', ['admin']);
      okValue(await t.call(admin.token, 'users.deactivate', { user_id: second.id, reason: 'transfer' }));
      expectRefused(await t.call(admin.token, 'users.update', { user_id: admin.id, display_name: 'Asha', roles: ['auditor'] }), 'last-admin');
    });
  });

  describe('password reset', () => {
    it('ends the user\'s sessions and makes them change the temporary password at next sign-in', async () => {
      const juma = await addUser(t, admin.token, 'juma', ['ict_officer']);
      const view = okValue(await t.call(admin.token, 'users.reset-password', { user_id: juma.id, temporary_password: 'Muda-Mpya-2025' }));
      expect(view).toMatchObject({ must_change_password: true });
      expectRefused(await t.call(juma.token, 'people.list', {}), 'session-ended');
      expectRefused((await signIn(t, 'juma', OWN_PASSWORD)).result, 'sign-in-failed');
      const { token, result } = await signIn(t, 'juma', 'Muda-Mpya-2025');
      expect(okValue(result)).toMatchObject({ password_change: 'first' });
      expectRefused(await t.call(token, 'people.list', {}), 'password-change-required');
    });

    it('refuses a temporary password containing the username', async () => {
      const juma = await createOnly(t, admin.token, 'juma');
      expect(expectRefused(await t.call(admin.token, 'users.reset-password', { user_id: juma, temporary_password: 'Juma#Mpya2025' }), 'weak-password').fields).toEqual({
        temporary_password: 'password.rule-username',
      });
    });
  });

  describe('the person of the register an account belongs to (3.1.2)', () => {
    let zuhura: string;
    let rehema: string;
    beforeEach(async () => {
      zuhura = (await t.ok(admin.token, 'people.register', { full_name: 'Zuhura Said', check_number: '100230', title: 'Afisa TEHAMA' })).id;
      rehema = (await t.ok(admin.token, 'people.register', { full_name: 'Rehema Mollel', check_number: '100232', title: 'Mhasibu' })).id;
    });
    const journalOf = (entity: string) =>
      (t.store.sqlite.prepare('SELECT type, payload FROM journal WHERE entity = ? ORDER BY seq').all(entity) as { type: string; payload: string }[]).map((e) => ({
        type: e.type,
        person_id: (JSON.parse(e.payload) as { person_id?: string | null }).person_id,
      }));

    it('opens an account for a person of the register and shows that person, whatever name the account shows', async () => {
      const created = await t.ok(admin.token, 'users.create', { username: 'zsaid', display_name: 'Zuhura A. Said', roles: ['ict_officer'], temporary_password: TEMPORARY_PASSWORD, person_id: zuhura });
      expect(created).toMatchObject({ person_id: zuhura, person_name: 'Zuhura Said' });
      expect(await t.ok(admin.token, 'users.get', { user_id: created.id })).toMatchObject({ person_id: zuhura, person_name: 'Zuhura Said' });
      expect((await t.ok(admin.token, 'users.list')).find((u) => u.id === created.id)).toMatchObject({ person_name: 'Zuhura Said' });
      expect(journalOf(created.id)).toEqual([{ type: 'users.created', person_id: zuhura }]);
      const nobody = await t.ok(admin.token, 'users.create', { username: 'mshauri', display_name: 'Mshauri wa Mfumo', roles: ['auditor'], temporary_password: TEMPORARY_PASSWORD });
      expect(nobody).toMatchObject({ person_id: null, person_name: null });
    });

    it('refuses a person who is not in the register, writing nothing', async () => {
      const before = snapshotRows(t.store);
      const error = expectRefused(
        await t.call(admin.token, 'users.create', { username: 'zsaid', display_name: 'Zuhura Said', roles: ['ict_officer'], temporary_password: TEMPORARY_PASSWORD, person_id: 'hakuna-mtu' }),
        'person-not-found',
      );
      expect(error.fields).toEqual({ person_id: 'errors.person-not-found' });
      expect(snapshotRows(t.store)).toEqual(before);
    });

    it('refuses a second account for one person, naming the person and the account they hold', async () => {
      await t.ok(admin.token, 'users.create', { username: 'zsaid', display_name: 'Zuhura Said', roles: ['ict_officer'], temporary_password: TEMPORARY_PASSWORD, person_id: zuhura });
      const other = await t.ok(admin.token, 'users.create', { username: 'rmollel', display_name: 'Rehema Mollel', roles: ['auditor'], temporary_password: TEMPORARY_PASSWORD, person_id: rehema });
      const before = snapshotRows(t.store);
      const second = expectRefused(
        await t.call(admin.token, 'users.create', { username: 'zuhura2', display_name: 'Zuhura Said', roles: ['auditor'], temporary_password: TEMPORARY_PASSWORD, person_id: zuhura }),
        'person-has-account',
      );
      expect(second.params).toEqual({ person: 'Zuhura Said', username: 'zsaid' });
      expect(second.fields).toEqual({ person_id: 'errors.person-has-account' });
      const moved = expectRefused(await t.call(admin.token, 'users.update', { user_id: other.id, display_name: 'Rehema Mollel', roles: ['auditor'], person_id: zuhura }), 'person-has-account');
      expect(moved.params).toEqual({ person: 'Zuhura Said', username: 'zsaid' });
      expect(snapshotRows(t.store)).toEqual(before);
    });

    it('lets the administrator set, keep and take away the person of an existing account', async () => {
      const juma = await t.ok(admin.token, 'users.create', { username: 'juma', display_name: 'Juma Ally', roles: ['ict_officer'], temporary_password: TEMPORARY_PASSWORD });
      expect(await t.ok(admin.token, 'users.update', { user_id: juma.id, display_name: 'Juma Ally', roles: ['ict_officer'], person_id: rehema })).toMatchObject({ person_name: 'Rehema Mollel' });
      // A change of roles that says nothing of the person keeps it.
      expect(await t.ok(admin.token, 'users.update', { user_id: juma.id, display_name: 'Juma Ally', roles: ['auditor', 'ict_officer'] })).toMatchObject({ person_id: rehema });
      expect(await t.ok(admin.token, 'users.update', { user_id: juma.id, display_name: 'Juma Ally', roles: ['ict_officer'], person_id: null })).toMatchObject({ person_id: null, person_name: null });
      expect(journalOf(juma.id)).toEqual([
        { type: 'users.created', person_id: null },
        { type: 'users.updated', person_id: rehema },
        { type: 'users.updated', person_id: rehema },
        { type: 'users.updated', person_id: null },
      ]);
    });

    it("says in the account's history whom it was linked to, in both languages", async () => {
      const juma = await t.ok(admin.token, 'users.create', { username: 'juma', display_name: 'Juma Ally', roles: ['ict_officer'], temporary_password: TEMPORARY_PASSWORD, person_id: rehema });
      await t.ok(admin.token, 'users.update', { user_id: juma.id, display_name: 'Juma Ally', roles: ['ict_officer'], person_id: null });
      const history = await t.ok(admin.token, 'history.entity', { entity: juma.id });
      const said = (type: string) => history.find((entry) => entry.type === type)?.sentence;
      expect(said('users.created')).toEqual({
        sw: expect.stringContaining('Mtumishi kwenye rejista: Rehema Mollel.'),
        en: expect.stringContaining('Person in the register: Rehema Mollel.'),
      });
      // Unlinked: the sentence names nobody.
      expect(said('users.updated')?.en).not.toContain('Person in the register');
    });

    it('tells the administrator, in the inbox, of an active account whose person the register marks as no longer serving', async () => {
      const account = await t.ok(admin.token, 'users.create', { username: 'zsaid', display_name: 'Zuhura Said', roles: ['ict_officer'], temporary_password: TEMPORARY_PASSWORD, person_id: zuhura });
      const waiting = async () => (await t.ok(admin.token, 'inbox.list', {})).items.find((item) => item.key === 'accounts-of-leavers');
      expect(await waiting()).toBeUndefined();
      await t.ok(admin.token, 'people.deactivate', { person_id: zuhura });
      expect(await waiting()).toEqual({ key: 'accounts-of-leavers', screen: 'users', urgency: 'act', count: 1 });
      await t.ok(admin.token, 'users.deactivate', { user_id: account.id, reason: 'transfer' });
      expect(await waiting()).toBeUndefined();
    });
  });

  it('never shows a password hash in any answer', async () => {
    const juma = await addUser(t, admin.token, 'juma', ['ict_officer']);
    const outputs: unknown[] = [];
    const keep = async (token: string | null, route: string, input: unknown = {}) => {
      const outcome = await t.core.call(token, route, input);
      outputs.push(outcome);
      return outcome;
    };
    await keep(admin.token, 'users.list');
    await keep(admin.token, 'users.get', { user_id: juma.id });
    await keep(admin.token, 'users.update', { user_id: juma.id, display_name: 'Juma Ally', roles: ['ict_officer', 'auditor'] });
    await keep(admin.token, 'users.reset-password', { user_id: juma.id, temporary_password: 'Muda-Mpya-2025' });
    await keep(null, 'auth.sign-in', { username: 'juma', password: 'Muda-Mpya-2025' });
    await keep(admin.token, 'users.create', { username: 'neema', display_name: 'Neema', roles: ['auditor'], temporary_password: TEMPORARY_PASSWORD });
    await keep(admin.token, 'users.deactivate', { user_id: juma.id, reason: 'other' });
    await keep(admin.token, 'users.reactivate', { user_id: juma.id });
    await keep(admin.token, 'history.entity', { entity: juma.id });
    await keep(admin.token, 'history.entity', { entity: admin.id });
    await keep(admin.token, 'auth.me');
    await keep(admin.token, 'journal.verify');
    const history = outputs[8] as { result: { ok: true; value: { type: string }[] } };
    expect(history.result.value.map((e) => e.type)).toContain('users.password-changed');
    const text = JSON.stringify(outputs);
    expect(text).not.toContain('scrypt$');
    expect(text).not.toContain('password_hash');
    // The hashes are in the file all the same: the check above looked at the right thing.
    expect(JSON.stringify(t.core.services.store.sqlite.prepare('SELECT payload FROM journal').all())).toContain('scrypt$');
  });

  it('lists accounts to administrators and auditors only', async () => {
    const officer = await addUser(t, admin.token, 'juma', ['ict_officer']);
    const auditor = await addUser(t, admin.token, 'neema', ['auditor']);
    expectRefused(await t.call(officer.token, 'users.list'), 'forbidden');
    const list = okValue(await t.call(auditor.token, 'users.list'));
    expect(list.map((u) => u.username).sort()).toEqual(['asha', 'juma', 'neema']);
    expectRefused(await t.call(auditor.token, 'users.create', { username: 'x1x', display_name: 'X', roles: ['auditor'], temporary_password: TEMPORARY_PASSWORD }), 'forbidden');
  });
});

describe('deactivation by another process on the same file', () => {
  it("ends the user's session in this process on its next call", async () => {
    const dir = tempDir();
    try {
      const path = `${dir.dir}/daftari.db`;
      const clock = manualClock(START);
      const here = await openTestCore({ path, clock, seed: 1 });
      const admin = await setUp(here);
      const juma = await addUser(here, admin.token, 'juma', ['ict_officer']);
      okValue(await here.call(juma.token, 'people.list', {}));

      const there = await openTestCore({ path, clock, seed: 2 });
      expect(there.core.services.identity).toEqual(here.core.services.identity);
      const elsewhere = await signIn(there, 'asha', ADMIN_PASSWORD);
      okValue(await there.call(elsewhere.token, 'users.deactivate', { user_id: juma.id, reason: 'termination' }));

      const next = await here.core.call(juma.token, 'people.list', {});
      expectRefused(next.result, 'session-ended');
      expect(next.session).toBeNull();
      // Both processes appended to the same two chains without a fork.
      const chains = here.core.services.store.sqlite
        .prepare('SELECT origin, count(*) AS n, max(origin_seq) AS top FROM journal GROUP BY origin')
        .all() as { n: number; top: number }[];
      for (const chain of chains) expect(chain.top).toBe(chain.n);
      there.core.close();
      here.core.close();
    } finally {
      dir.remove();
    }
  });
});
