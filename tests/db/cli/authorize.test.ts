// The command line's file-based work (a bundle to or from a path, a register to a file) runs after
// `authorize`: the same session, deactivation, password-due and role checks as a call to the route.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, openTestCore, setUp, type TestCore } from '../../helpers/core.ts';

describe('authorize, the checks of a call without its handler', () => {
  let t: TestCore;
  let admin: { token: string; id: string };
  beforeEach(async () => {
    t = await openTestCore();
    admin = await setUp(t);
  });
  afterEach(() => t.core.close());

  it('gives the signed-in user’s context when the route allows their roles', async () => {
    const officer = await addUser(t, admin.token, 'juma', ['ict_officer']);
    const verdict = t.core.authorize(officer.token, 'sync.export');
    expect(verdict.ok && verdict.ctx.user?.id).toBe(officer.id);
  });

  it('refuses a role the route does not allow, as a call to it is refused', async () => {
    const clerk = await addUser(t, admin.token, 'rehema', ['records_officer']);
    expect(t.core.authorize(clerk.token, 'sync.export')).toEqual({ ok: false, error: { code: 'forbidden', message: 'errors.forbidden' } });
    expect((await t.call(clerk.token, 'sync.export', { peer_id: null })).ok).toBe(false);
  });

  it('refuses a session whose account was deactivated since it signed in (3.1.2)', async () => {
    const officer = await addUser(t, admin.token, 'juma', ['ict_officer']);
    expect((await t.call(admin.token, 'users.deactivate', { user_id: officer.id, reason: 'transfer' })).ok).toBe(true);
    const verdict = t.core.authorize(officer.token, 'sync.export');
    expect(verdict.ok ? null : verdict.error.code).toBe('session-ended');
  });

  it('refuses a user whose password change is due (3.1.7)', async () => {
    expect((await t.call(admin.token, 'users.create', { username: 'baraka', display_name: 'Baraka', roles: ['ict_officer'], temporary_password: 'Mvua$Kubwa77' })).ok).toBe(true);
    const signedIn = await t.core.call(null, 'auth.sign-in', { username: 'baraka', password: 'Mvua$Kubwa77' });
    const verdict = t.core.authorize(signedIn.session ?? null, 'registers.export');
    expect(verdict.ok ? null : verdict.error.code).toBe('password-change-required');
  });

  it('refuses no session and an unknown route', () => {
    expect(t.core.authorize(null, 'sync.export')).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect(t.core.authorize(admin.token, 'sync.nothing')).toMatchObject({ ok: false, error: { code: 'unknown-route' } });
  });
});
