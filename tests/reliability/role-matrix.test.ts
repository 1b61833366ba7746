// Issue 12, "Access": the role matrix, generated from the route table. Every route is called by every
// role on its own, by every pair of roles, by a caller who is not signed in, by a deactivated user's old
// session and by a user whose temporary password must be changed first; each cell is let through the
// door or refused exactly as the route's `access` (and `whilePasswordDue`) declares, and the window is
// told the same answer (`auth.me`'s `may_call`). tests/db/contract/roles.test.ts holds the rule itself
// (`mayCall`); tests/db/contract/routes.test.ts the first walk of the table; this file the whole grid.
//
// Each call carries a field no route knows, so a caller let through is stopped by the input check
// (`invalid-input`) and nothing is ever written: the door is all that is tested.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayCall, type RouteDefinition } from '../../db/contract/route.ts';
import { routes } from '../../db/contract/routes.ts';
import { ROLES, type Role } from '../../db/users/contract.ts';
import { addUser, expectRefused, okValue, openTestCore, refusal, setUp, signIn, snapshotRows, TEMPORARY_PASSWORD, type TestCore, type TestUser } from '../helpers/core.ts';

const ROOT = join(import.meta.dirname, '../..');
const table = Object.entries(routes as Record<string, RouteDefinition>).sort(([a], [b]) => a.localeCompare(b));
const PROBE = { role_matrix_probe: true };
const DOOR_REFUSALS = new Set(['forbidden', 'not-signed-in', 'session-ended', 'password-change-required']);

/** What the door answers: `through` (the input check spoke), or the refusal code of the door. */
async function door(t: TestCore, token: string | null, name: string): Promise<string> {
  const result = await t.callRaw(token, name, PROBE);
  const code = refusal(result).code;
  if (code === 'invalid-input') return 'through';
  expect(DOOR_REFUSALS.has(code), `${name}: ${code}`).toBe(true);
  return code;
}

const PAIRS: [Role, Role][] = ROLES.flatMap((a, i) => ROLES.slice(i + 1).map((b) => [a, b] as [Role, Role]));

describe('the role matrix', () => {
  let t: TestCore;
  let admin: { token: string; id: string };
  const single = new Map<Role, TestUser>();
  const pairs = new Map<string, TestUser>();
  let deactivated: TestUser;
  let due: string;

  beforeAll(async () => {
    t = await openTestCore({ seed: 1212 });
    admin = await setUp(t);
    single.set('admin', { id: admin.id, username: 'asha', token: admin.token });
    for (const role of ROLES.filter((r) => r !== 'admin')) single.set(role, await addUser(t, admin.token, `mmoja-${role.replace(/_/g, '-')}`, [role]));
    for (const [i, [a, b]] of PAIRS.entries()) pairs.set(`${a}+${b}`, await addUser(t, admin.token, `wawili-${i}`, [a, b]));
    // Holds every role, then is deactivated: its session must open no door at all.
    deactivated = await addUser(t, admin.token, 'aliyeondoka', [...ROLES]);
    okValue(await t.call(admin.token, 'users.deactivate', { user_id: deactivated.id, reason: 'transfer' }));
    // Holds every role, signed in with the temporary password it has not changed yet.
    await t.ok(admin.token, 'users.create', { username: 'mgeni', display_name: 'Mgeni', roles: [...ROLES], temporary_password: TEMPORARY_PASSWORD });
    const signedIn = await signIn(t, 'mgeni', TEMPORARY_PASSWORD);
    due = signedIn.token as string;
  }, 120_000);
  afterAll(() => t.core.close());

  it('walks a table of routes that each declare a door', () => {
    expect(table.length).toBeGreaterThan(100);
    expect(ROLES).toHaveLength(6);
  });

  it.each([...ROLES])('one role, %s: every route opens exactly as declared, and auth.me tells the window the same', async (role) => {
    const user = single.get(role) as TestUser;
    const wrong: string[] = [];
    const through: string[] = [];
    for (const [name, definition] of table) {
      const expected = mayCall(definition.access, [role]) ? 'through' : 'forbidden';
      const actual = await door(t, user.token, name);
      if (actual === 'through') through.push(name);
      if (actual !== expected) wrong.push(`${name}: ${actual}, declared ${expected}`);
    }
    expect(wrong).toEqual([]);
    const me = okValue(await t.call(user.token, 'auth.me')) as { may_call: string[] };
    expect([...me.may_call].sort()).toEqual([...through].sort());
  });

  it.each(PAIRS.map(([a, b]) => [`${a} + ${b}`, a, b] as const))('two roles, %s: a route opens when either role opens it', async (_label, a, b) => {
    const user = pairs.get(`${a}+${b}`) as TestUser;
    const wrong: string[] = [];
    for (const [name, definition] of table) {
      const expected = mayCall(definition.access, [a]) || mayCall(definition.access, [b]) ? 'through' : 'forbidden';
      const actual = await door(t, user.token, name);
      if (actual !== expected) wrong.push(`${name}: ${actual}, declared ${expected}`);
    }
    expect(wrong).toEqual([]);
  });

  it('not signed in: only the open routes, every other refused not-signed-in', async () => {
    const wrong: string[] = [];
    for (const [name, definition] of table) {
      const expected = definition.access === 'anyone' ? 'through' : 'not-signed-in';
      const actual = await door(t, null, name);
      if (actual !== expected) wrong.push(`${name}: ${actual}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a deactivated user’s old session, every role held: no door opens but the open routes, and nothing is written', async () => {
    const before = snapshotRows(t.store);
    const wrong: string[] = [];
    for (const [name, definition] of table) {
      const expected = definition.access === 'anyone' ? 'through' : 'session-ended';
      const actual = await door(t, deactivated.token, name);
      if (actual !== expected) wrong.push(`${name}: ${actual}`);
    }
    expect(wrong).toEqual([]);
    expect(snapshotRows(t.store)).toEqual(before);
    // Nor does its password open a new one.
    expectRefused((await signIn(t, deactivated.username, 'Serengeti!Plains9')).result, 'account-deactivated');
  });

  it('a temporary password not yet changed, every role held: only what it takes to change it', async () => {
    const wrong: string[] = [];
    for (const [name, definition] of table) {
      const expected = definition.access === 'anyone' || definition.whilePasswordDue === true ? 'through' : 'password-change-required';
      const actual = await door(t, due, name);
      if (actual !== expected) wrong.push(`${name}: ${actual}`);
    }
    expect(wrong).toEqual([]);
    expect(table.filter(([, d]) => d.whilePasswordDue).map(([name]) => name)).toEqual(['auth.change-password', 'auth.sign-out']);
  });
});

describe('nobody raises their own roles', () => {
  let t: TestCore;
  let admin: { token: string; id: string };
  beforeAll(async () => {
    t = await openTestCore({ seed: 1213 });
    admin = await setUp(t);
  });
  afterAll(() => t.core.close());

  it.each(ROLES.filter((r) => r !== 'admin'))('an administrator cannot give themselves %s, and nothing is written', async (role) => {
    const before = snapshotRows(t.store);
    const error = expectRefused(await t.callRaw(admin.token, 'users.update', { user_id: admin.id, display_name: 'Asha Mrisho', roles: ['admin', role] }), 'cannot-grant-self');
    expect(error.fields).toEqual({ roles: 'errors.cannot-grant-self' });
    expect(snapshotRows(t.store)).toEqual(before);
  });

  it.each(ROLES.filter((r) => r !== 'admin'))('a user holding %s cannot change roles at all, their own included', async (role) => {
    const user = await addUser(t, admin.token, `binafsi-${role.replace(/_/g, '-')}`, [role]);
    const before = snapshotRows(t.store);
    expectRefused(await t.callRaw(user.token, 'users.update', { user_id: user.id, display_name: 'Mimi', roles: ['admin'] }), 'forbidden');
    expectRefused(await t.callRaw(user.token, 'users.create', { username: `pili-${role.replace(/_/g, '-')}`, display_name: 'Pili', roles: ['admin'], temporary_password: TEMPORARY_PASSWORD }), 'forbidden');
    expect(snapshotRows(t.store)).toEqual(before);
    const me = okValue(await t.call(user.token, 'auth.me')) as { user: { roles: string[] } };
    expect(me.user.roles).toEqual([role]);
  });

  it('an administrator still renames themselves, and another administrator grants the role', async () => {
    okValue(await t.call(admin.token, 'users.update', { user_id: admin.id, display_name: 'Asha J. Mrisho', roles: ['admin'] }));
    const second = await addUser(t, admin.token, 'msimamizi-pili', ['admin']);
    okValue(await t.call(second.token, 'users.update', { user_id: admin.id, display_name: 'Asha J. Mrisho', roles: ['admin', 'accounting_officer'] }));
    const me = okValue(await t.call(admin.token, 'auth.me')) as { user: { roles: string[] } };
    expect(me.user.roles).toEqual(['accounting_officer', 'admin']);
    // Giving a role up is no escalation.
    okValue(await t.call(admin.token, 'users.update', { user_id: admin.id, display_name: 'Asha J. Mrisho', roles: ['admin'] }));
  });
});

/**
 * Separation of duties (DESIGN.md: nobody approves a request they made). Each decision that calls the
 * shared rule `refuseOwnRequest` (db/core/approvals.ts) is proven, with a preparer who also holds every
 * role that may decide, in its area's tests; this walk finds every call of the rule in db/ and holds
 * each to such a test, so an approval added later without one fails here.
 */
const APPROVALS: { file: string; calls: number; routes: Record<string, string> }[] = [
  { file: 'db/handovers/commands.ts', calls: 1, routes: { 'handovers.decide': 'tests/db/handovers/approvals.test.ts' } },
  { file: 'db/movements/commands.ts', calls: 1, routes: { 'movements.decide': 'tests/db/movements/commands.test.ts' } },
  { file: 'db/disposal/commands.ts', calls: 1, routes: { 'disposal.decide': 'tests/db/disposal/approvals.test.ts' } },
  {
    file: 'db/personal-devices/commands.ts',
    calls: 2,
    routes: { 'personal-devices.decide': 'tests/db/personal-devices/commands.test.ts', 'personal-devices.renew': 'tests/db/personal-devices/commands.test.ts' },
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('separation of duties holds for every approval', () => {
  it('knows every decision that calls refuseOwnRequest', () => {
    const found = sourceFiles(join(ROOT, 'db'))
      .filter((path) => !path.endsWith('approvals.ts'))
      .map((path) => ({ file: relative(ROOT, path), calls: (readFileSync(path, 'utf8').match(/\brefuseOwnRequest\(/g) ?? []).length }))
      .filter((entry) => entry.calls > 0)
      .sort((x, y) => x.file.localeCompare(y.file));
    expect(found).toEqual(APPROVALS.map(({ file, calls }) => ({ file, calls })).sort((x, y) => x.file.localeCompare(y.file)));
  });

  it.each(APPROVALS.flatMap(({ routes: r }) => Object.entries(r)))('%s: refuses the preparer, in %s, with nothing written', (name, testFile) => {
    expect(Object.hasOwn(routes, name)).toBe(true);
    const source = readFileSync(join(ROOT, testFile), 'utf8');
    const proof = new RegExp(`refusedWithoutWriting\\([^;]*'${name.replace('.', '\\.')}'[^;]*'approval-own-request'\\)`);
    expect(source).toMatch(proof);
  });

  it('is refused as approval-own-request, a sentence in both languages naming the request', async () => {
    const { translator } = await import('../../db/contract/catalogues/index.ts');
    for (const language of ['sw', 'en'] as const) {
      const said = translator(language)('errors.approval-own-request', { subject: 'HK/2026/0004' });
      expect(said).toContain('HK/2026/0004');
      expect(said).not.toBe('errors.approval-own-request');
    }
  });
});

describe('lockout and the forced password change', () => {
  // Proven in tests/db/users/commands.test.ts ("locks the account for 15 minutes after 5 wrong
  // passwords…", "…even when the attempts arrive all at once", "tells a new user to change the
  // password…", "asks for a new password after the configured number of days"); here, that a locked
  // account opens no door of the table until the lock ends.
  it('a locked account gets no session, whatever route it would call', async () => {
    const t = await openTestCore({ seed: 1214 });
    try {
      const admin = await setUp(t);
      const user = await addUser(t, admin.token, 'juma', [...ROLES]);
      okValue(await t.call(user.token, 'auth.sign-out'));
      for (let i = 0; i < 5; i += 1) refusal((await signIn(t, 'juma', 'Wrong-Password-1')).result);
      const locked = await signIn(t, 'juma', 'Serengeti!Plains9');
      expect(locked.token).toBeNull();
      expect(refusal(locked.result).code).toBe('account-locked');
      for (const [name, definition] of table) {
        expect([name, await door(t, user.token, name)]).toEqual([name, definition.access === 'anyone' ? 'through' : 'session-ended']);
      }
    } finally {
      t.core.close();
    }
  });
});
