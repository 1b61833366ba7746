import { describe, expect, it } from 'vitest';
import type { FoldEvent } from '../../../db/journal/types.ts';
import type { SecuritySettings, UserRow } from '../../../db/store/schema.ts';
import {
  LOCKOUT_MS,
  LOCKOUT_THRESHOLD,
  reduceSecuritySettings,
  reduceUser,
  SECURITY_SETTINGS_ID,
  usersProjection,
} from '../../../db/users/reducer.ts';

const USER = 'u-juma';

function at(iso: string, counter = 0): string {
  return `${iso}-${String(counter).padStart(5, '0')}`;
}

function event(type: string, hlc: string, payload: Record<string, unknown> = {}, entity = USER): FoldEvent {
  return { origin: 'local-origin', origin_seq: 1, hlc, actor: 'u-admin', type, entity, payload: { ...payload, actor_name: 'Asha Mrisho' } };
}

const created = event(
  'users.created',
  at('2025-03-03T08:00:00.000Z'),
  { username: 'juma', display_name: 'Juma Ally', roles: ['ict_officer'], password_hash: 'scrypt$10$8$1$c2FsdA==$a2V5', must_change_password: true },
);

function fold(events: FoldEvent[], start?: UserRow): UserRow | undefined {
  return events.reduce<UserRow | undefined>((row, e) => reduceUser(row, e), start);
}

function freshUser(): UserRow {
  return fold([created]) as UserRow;
}

describe('the users reducer', () => {
  // `created` is written as before accounts named their person: it still folds, to an account of nobody.
  it('makes a new active account that must change its password', () => {
    expect(freshUser()).toEqual({
      id: USER,
      username: 'juma',
      display_name: 'Juma Ally',
      roles: '["ict_officer"]',
      password_hash: 'scrypt$10$8$1$c2FsdA==$a2V5',
      must_change_password: 1,
      password_changed_at: '2025-03-03T08:00:00.000Z',
      active: 1,
      deactivated_at: null,
      deactivation_reason: null,
      failed_attempts: 0,
      locked_until: null,
      last_sign_in_at: null,
      created_at: '2025-03-03T08:00:00.000Z',
      updated_at: '2025-03-03T08:00:00.000Z',
      person_id: null,
    });
  });

  it('keeps the person of the register an account was opened for, and the person an update names (3.1.2)', () => {
    const opened = reduceUser(undefined, { ...created, payload: { ...created.payload, person_id: 'p-zuhura' } });
    expect(opened?.person_id).toBe('p-zuhura');
    const moved = reduceUser(opened, event('users.updated', at('2025-03-04T09:00:00.000Z'), { display_name: 'Zuhura A. Said', roles: ['ict_officer'], person_id: 'p-zuhura-2' }));
    expect(moved).toMatchObject({ person_id: 'p-zuhura-2', display_name: 'Zuhura A. Said', updated_at: '2025-03-04T09:00:00.000Z' });
    const unlinked = reduceUser(moved, event('users.updated', at('2025-03-05T09:00:00.000Z'), { display_name: 'Zuhura A. Said', roles: ['ict_officer'], person_id: null }));
    expect(unlinked?.person_id).toBeNull();
  });

  it('changes the display name and roles', () => {
    const row = reduceUser(freshUser(), event('users.updated', at('2025-03-04T09:00:00.000Z'), { display_name: 'Juma A. Ally', roles: ['auditor', 'ict_officer'] }));
    expect(row).toMatchObject({ display_name: 'Juma A. Ally', roles: '["auditor","ict_officer"]', username: 'juma', updated_at: '2025-03-04T09:00:00.000Z' });
    expect(row?.created_at).toBe('2025-03-03T08:00:00.000Z');
  });

  it('records a password change, and a change clears the lock and the failed attempts', () => {
    const locked = fold(Array.from({ length: LOCKOUT_THRESHOLD }, (_, i) => event('users.sign-in-failed', at('2025-03-03T09:00:00.000Z', i))), freshUser());
    expect(locked?.locked_until).not.toBeNull();
    const withFailures = fold([event('users.sign-in-failed', at('2025-03-03T10:00:00.000Z'))], freshUser());
    expect(withFailures?.failed_attempts).toBe(1);
    for (const start of [locked, withFailures]) {
      const row = reduceUser(
        start,
        event('users.password-changed', at('2025-03-05T07:30:00.000Z'), { password_hash: 'scrypt$10$8$1$bmV3$bmV3', must_change_password: false, by: 'self' }),
      );
      expect(row).toMatchObject({
        password_hash: 'scrypt$10$8$1$bmV3$bmV3',
        must_change_password: 0,
        password_changed_at: '2025-03-05T07:30:00.000Z',
        failed_attempts: 0,
        locked_until: null,
      });
    }
  });

  it('marks a reset password as one to change at next sign-in', () => {
    const changed = reduceUser(freshUser(), event('users.password-changed', at('2025-03-05T07:30:00.000Z'), { password_hash: 'h', must_change_password: false, by: 'self' }));
    const reset = reduceUser(changed, event('users.password-changed', at('2025-03-06T07:30:00.000Z'), { password_hash: 'h2', must_change_password: true, by: 'admin' }));
    expect(reset?.must_change_password).toBe(1);
  });

  it('deactivates with the reason and reactivates clearing it', () => {
    const off = reduceUser(freshUser(), event('users.deactivated', at('2025-06-30T12:00:00.000Z'), { reason: 'retirement', note: '' }));
    expect(off).toMatchObject({ active: 0, deactivated_at: '2025-06-30T12:00:00.000Z', deactivation_reason: 'retirement' });
    const on = reduceUser(off, event('users.reactivated', at('2025-07-01T12:00:00.000Z')));
    expect(on).toMatchObject({ active: 1, deactivated_at: null, deactivation_reason: null, failed_attempts: 0, locked_until: null });
  });

  it(`counts wrong passwords and locks the account for 15 minutes at the ${LOCKOUT_THRESHOLD}th`, () => {
    expect(LOCKOUT_THRESHOLD).toBe(5);
    expect(LOCKOUT_MS).toBe(15 * 60 * 1000);
    let row: UserRow | undefined = freshUser();
    for (let i = 1; i <= 4; i += 1) {
      row = reduceUser(row, event('users.sign-in-failed', at(`2025-03-03T09:00:0${i}.000Z`)));
      expect(row).toMatchObject({ failed_attempts: i, locked_until: null });
    }
    row = reduceUser(row, event('users.sign-in-failed', at('2025-03-03T09:00:05.000Z')));
    expect(row).toMatchObject({ failed_attempts: 0, locked_until: '2025-03-03T09:15:05.000Z' });
  });

  it('starts counting again once the lock has run out', () => {
    const locked = fold(Array.from({ length: 5 }, (_, i) => event('users.sign-in-failed', at('2025-03-03T09:00:00.000Z', i))), freshUser());
    expect(locked?.locked_until).toBe('2025-03-03T09:15:00.000Z');
    const during = reduceUser(locked, event('users.sign-in-failed', at('2025-03-03T09:10:00.000Z')));
    expect(during).toMatchObject({ locked_until: '2025-03-03T09:15:00.000Z', failed_attempts: 1 });
    const after = reduceUser(locked, event('users.sign-in-failed', at('2025-03-03T09:15:00.001Z')));
    expect(after).toMatchObject({ locked_until: null, failed_attempts: 1 });
  });

  it('clears failed attempts and records the time of a successful sign-in', () => {
    const failed = fold([event('users.sign-in-failed', at('2025-03-03T09:00:00.000Z')), event('users.sign-in-failed', at('2025-03-03T09:00:01.000Z'))], freshUser());
    expect(failed?.failed_attempts).toBe(2);
    const row = reduceUser(failed, event('users.signed-in', at('2025-03-03T09:01:00.000Z')));
    expect(row).toMatchObject({ failed_attempts: 0, locked_until: null, last_sign_in_at: '2025-03-03T09:01:00.000Z' });
  });

  it('yields no row for events about an account it never saw created', () => {
    const types: [string, Record<string, unknown>][] = [
      ['users.updated', { display_name: 'X', roles: ['admin'] }],
      ['users.password-changed', { password_hash: 'h', must_change_password: true, by: 'admin' }],
      ['users.deactivated', { reason: 'other', note: '' }],
      ['users.reactivated', {}],
      ['users.sign-in-failed', {}],
      ['users.signed-in', {}],
    ];
    for (const [type, payload] of types) expect(reduceUser(undefined, event(type, at('2025-03-03T08:00:00.000Z'), payload)), type).toBeUndefined();
  });

  it('is pure: the same row and event give the same result and the input row is left as it was', () => {
    const row = Object.freeze(freshUser());
    const e = Object.freeze(event('users.sign-in-failed', at('2025-03-03T09:00:00.000Z')));
    const a = reduceUser(row, e);
    const b = reduceUser(row, e);
    expect(a).toEqual(b);
    expect(a).not.toBe(row);
    expect(row.failed_attempts).toBe(0);
  });

  it('folds every users.* event type the projection declares', () => {
    expect([...usersProjection.types].sort()).toEqual(
      ['users.created', 'users.deactivated', 'users.password-changed', 'users.reactivated', 'users.sign-in-failed', 'users.signed-in', 'users.updated'],
    );
    // A type the projection does not fold (a newer peer's, say) leaves the row as it is.
    const row = freshUser();
    expect(reduceUser(row, event('users.exploded', at('2025-03-03T08:00:00.000Z')))).toBe(row);
  });
});

describe('the security settings reducer', () => {
  const changed = (days: number, hlc: string): FoldEvent => ({
    origin: 'local-origin',
    origin_seq: 1,
    hlc,
    actor: 'u-admin',
    type: 'security.settings-changed',
    entity: SECURITY_SETTINGS_ID,
    payload: { password_max_age_days: days, actor_name: 'Asha Mrisho' },
  });

  it('records the password change interval and when it was set', () => {
    const first: SecuritySettings | undefined = reduceSecuritySettings(undefined, changed(60, at('2025-03-03T08:00:00.000Z')));
    expect(first).toEqual({ id: 'security', password_max_age_days: 60, updated_at: '2025-03-03T08:00:00.000Z' });
    expect(reduceSecuritySettings(first, changed(120, at('2025-04-01T08:00:00.000Z')))).toEqual({
      id: 'security',
      password_max_age_days: 120,
      updated_at: '2025-04-01T08:00:00.000Z',
    });
  });
});
