// The route table walk: every route's access rule holds, whatever the route.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { catalogues, leafKeys } from '../../../db/contract/catalogues/index.ts';
import type { RouteDefinition } from '../../../db/contract/route.ts';
import { routes } from '../../../db/contract/routes.ts';
import { turnOf } from '../../../db/core/jobs.ts';
import { type Role, ROLES } from '../../../db/users/contract.ts';
import { addUser, expectRefused, okValue, openTestCore, refusal, setUp, type TestCore, type TestUser } from '../../helpers/core.ts';

const table = Object.entries(routes as Record<string, RouteDefinition>).sort(([a], [b]) => a.localeCompare(b));
const keysSw = new Set(leafKeys(catalogues.sw));
const keysEn = new Set(leafKeys(catalogues.en));

/** Field path → catalogue key problems of one refusal: a bad path, or a key missing from a catalogue. */
function fieldProblems(route: string, fields: Record<string, string> | undefined): string[] {
  if (!fields || Object.keys(fields).length === 0) return [`${route}: no fields`];
  return Object.entries(fields).flatMap(([path, key]) => [
    ...(/^(_|[a-z_][a-z_0-9]*(\.[a-z_0-9]+)*)$/.test(path) ? [] : [`${route}: odd path ${path}`]),
    ...(keysSw.has(key) ? [] : [`${route}: ${path} → ${key} missing in sw`]),
    ...(keysEn.has(key) ? [] : [`${route}: ${path} → ${key} missing in en`]),
  ]);
}

function expectCatalogueKeys(fields: Record<string, string> | undefined): void {
  expect(fieldProblems('input', fields)).toEqual([]);
}

describe('the route table', () => {
  let t: TestCore;
  let admin: { token: string; id: string };
  const byRole = new Map<Role, TestUser>();
  let everyRole: TestUser;

  beforeAll(async () => {
    t = await openTestCore();
    admin = await setUp(t);
    byRole.set('admin', { id: admin.id, username: 'asha', token: admin.token });
    for (const role of ROLES.filter((r) => r !== 'admin')) byRole.set(role, await addUser(t, admin.token, role.replace(/_/g, '-'), [role]));
    everyRole = await addUser(t, admin.token, 'kila-kitu', [...ROLES]);
  });
  afterAll(() => t.core.close());

  it('is open to anyone for exactly setup.status, setup.initialize, auth.sign-in and auth.me', () => {
    expect(table.filter(([, r]) => r.access === 'anyone').map(([name]) => name)).toEqual(['auth.me', 'auth.sign-in', 'setup.initialize', 'setup.status']);
  });

  it('names every route area.verb', () => {
    for (const [name] of table) expect(name).toMatch(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/);
  });

  it('refuses an anonymous caller on every route that is not open to anyone', async () => {
    for (const [name, definition] of table) {
      const outcome = await t.core.call(null, name, 42);
      if (definition.access === 'anyone') {
        // Past the door: the input is what stops it.
        expect([name, refusal(outcome.result).code]).toEqual([name, 'invalid-input']);
      } else {
        expect([name, refusal(outcome.result).code]).toEqual([name, 'not-signed-in']);
        expect(outcome.session).toBeNull();
      }
    }
  });

  it('refuses a signed-in user holding none of the roles a route needs, on every route', async () => {
    let checked = 0;
    for (const [name, definition] of table) {
      if (definition.access === 'anyone' || definition.access === 'signed-in') continue;
      const allowed = definition.access;
      expect(allowed.length, name).toBeGreaterThan(0);
      const outsiders = [...byRole.entries()].filter(([role]) => !allowed.includes(role));
      expect(outsiders.length, `${name} is open to every role: make it 'signed-in'`).toBeGreaterThan(0);
      for (const [role, user] of outsiders) {
        expect([name, role, refusal(await t.callRaw(user.token, name, {})).code]).toEqual([name, role, 'forbidden']);
        checked += 1;
      }
      for (const role of allowed) {
        // Holding one of the roles gets past the door: only the (deliberately wrong) input stops it.
        const insider = byRole.get(role) as TestUser;
        expect([name, role, refusal(await t.callRaw(insider.token, name, 42)).code]).toEqual([name, role, 'invalid-input']);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('lets every role through a route open to any signed-in user', async () => {
    for (const [name, definition] of table) {
      if (definition.access !== 'signed-in') continue;
      for (const [role, user] of byRole) expect([name, role, refusal(await t.callRaw(user.token, name, 42)).code]).toEqual([name, role, 'invalid-input']);
    }
  });

  it('answers invalid input with fields keyed by path, each a sentence in both catalogues', async () => {
    let checked = 0;
    const problems: string[] = [];
    for (const [name, definition] of table) {
      const wrongType = expectRefused(await t.callRaw(everyRole.token, name, 42), 'invalid-input');
      expect([name, wrongType.fields]).toEqual([name, { _: 'validation.invalid_type' }]);
      if (definition.input.safeParse({}).success) continue;
      const empty = expectRefused(await t.callRaw(everyRole.token, name, {}), 'invalid-input');
      problems.push(...fieldProblems(name, empty.fields));
      checked += 1;
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  it('names each malformed field of a form with its own sentence', async () => {
    const person = expectRefused(
      await t.callRaw(everyRole.token, 'people.register', {
        full_name: 'x'.repeat(161),
        check_number: 'AB 12',
        email: 'not-an-email',
        phone: '12',
        department_id: 7,
      }),
      'invalid-input',
    );
    expect(person.fields).toEqual({
      full_name: 'validation.too-long',
      check_number: 'validation.check-number',
      email: 'validation.email',
      phone: 'validation.phone',
      department_id: 'validation.invalid_type',
    });
    expectCatalogueKeys(person.fields);
    const list = expectRefused(await t.callRaw(everyRole.token, 'people.list', { limit: 0, status: 'gone', search: 'x'.repeat(101) }), 'invalid-input');
    expect(list.fields).toEqual({ limit: 'validation.too_small', status: 'validation.invalid_value', search: 'validation.too-long' });
    expectCatalogueKeys(list.fields);
    const user = expectRefused(
      await t.callRaw(everyRole.token, 'users.create', { username: 'A b', display_name: '', roles: 'admin', temporary_password: 'Kilimanjaro#2025' }),
      'invalid-input',
    );
    expect(user.fields).toEqual({ username: 'validation.username', display_name: 'validation.required', roles: 'validation.invalid_type' });
    expectCatalogueKeys(user.fields);
  });

  it('refuses a route that does not exist', async () => {
    expectRefused(await t.callRaw(everyRole.token, 'users.drop-table', {}), 'unknown-route');
    expectRefused(await t.callRaw(null, 'toString', {}), 'unknown-route');
    expectRefused(await t.callRaw(null, '__proto__', {}), 'unknown-route');
  });

  it('answers an unexpected failure with a plain refusal, never a stack trace', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const broken = await openTestCore();
      broken.core.services.store.sqlite.close();
      const outcome = await broken.core.call(null, 'setup.status', {});
      expect(outcome.result).toEqual({ ok: false, error: { code: 'internal-error', message: 'errors.internal-error' } });
      expect(quiet).toHaveBeenCalled();
    } finally {
      quiet.mockRestore();
    }
  });

  it('lets an auditor read accounts and verify, but change nothing', async () => {
    const auditor = byRole.get('auditor') as TestUser;
    okValue(await t.call(auditor.token, 'users.list'));
    expect(okValue(await t.call(auditor.token, 'journal.verify'))).toMatchObject({ ok: true });
    for (const [name, definition] of table) {
      if (definition.access === 'anyone' || definition.access === 'signed-in') continue;
      // A route that only reads (its turn says so: permits.check, backups.witness) changes nothing.
      if (turnOf(definition) === 'write' && !name.endsWith('.list') && !name.endsWith('.get') && name !== 'journal.verify') {
        expect([name, definition.access.includes('auditor')]).toEqual([name, false]);
      }
    }
  });
});
