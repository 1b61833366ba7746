// Shared fixtures for the core's tests: a deterministic Core (manual clock, seeded ids, cheap scrypt),
// a configured institution, users holding given roles, and small assertions on call results.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Result } from '../../db/contract/route.ts';
import type { Role } from '../../db/contract/schemas.ts';
import { openCore, type Core } from '../../db/core.ts';
import { manualClock, seededIds } from '../../db/core/clock.ts';
import type { ErrorValue } from '../../db/core/refusal.ts';
import type { Store } from '../../db/store/open.ts';
import { scryptHasher } from '../../db/users/passwords.ts';

export const START = '2025-03-03T08:00:00.000Z';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Meets every strong-password rule and contains none of the usernames used in tests. */
export const ADMIN_PASSWORD = 'Kilimanjaro#2025';
export const TEMPORARY_PASSWORD = 'Muda-Wa-Kwanza7';
export const OWN_PASSWORD = 'Serengeti!Plains9';

export type TestClock = ReturnType<typeof manualClock>;

export interface TestCore {
  core: Core;
  clock: TestClock;
  call(token: string | null, route: string, input?: unknown): Promise<Result<unknown>>;
}

/** A cheap hasher shared by every test Core: 2^10 instead of the production 2^17. */
export const testHasher = scryptHasher(10);

export async function openTestCore(options: { path?: string; clock?: TestClock; seed?: number; idleLimitMs?: number } = {}): Promise<TestCore> {
  const clock = options.clock ?? manualClock(START);
  const core = await openCore({
    path: options.path ?? ':memory:',
    hasher: testHasher,
    clock,
    ids: seededIds(options.seed ?? 1),
    ...(options.idleLimitMs !== undefined ? { idleLimitMs: options.idleLimitMs } : {}),
  });
  return {
    core,
    clock,
    call: async (token, route, input) => (await core.call(token, route, input ?? {})).result,
  };
}

/** A temporary folder, removed by the returned function. */
export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'daftari-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const INSTITUTION = {
  name: 'Wizara ya Fedha',
  code: 'WF',
  postal_address: 'S.L.P. 2802, Dodoma',
  accounting_officer_title: 'Katibu Mkuu',
  head_title: 'Waziri',
};

export const ADMIN = { username: 'asha', display_name: 'Asha Mrisho', password: ADMIN_PASSWORD, confirm: ADMIN_PASSWORD };

/** Runs first-run setup; returns the administrator's session token and id. */
export async function setUp(t: TestCore): Promise<{ token: string; id: string }> {
  const outcome = await t.core.call(null, 'setup.initialize', { institution: INSTITUTION, admin: ADMIN });
  const value = okValue<{ user: { id: string } }>(outcome.result);
  if (typeof outcome.session !== 'string') throw new Error('setup did not start a session');
  return { token: outcome.session, id: value.user.id };
}

export async function signIn(t: TestCore, username: string, password: string): Promise<{ token: string | null; result: Result<unknown> }> {
  const outcome = await t.core.call(null, 'auth.sign-in', { username, password });
  return { token: typeof outcome.session === 'string' ? outcome.session : null, result: outcome.result };
}

export interface TestUser {
  id: string;
  username: string;
  token: string;
}

/**
 * Creates a user with `roles`, signs in with the temporary password and changes it to OWN_PASSWORD,
 * so the returned token can call any route the roles allow.
 */
export async function addUser(t: TestCore, adminToken: string, username: string, roles: Role[], display_name = `User ${username}`): Promise<TestUser> {
  const created = okValue<{ id: string }>(
    await t.call(adminToken, 'users.create', { username, display_name, roles, temporary_password: TEMPORARY_PASSWORD }),
  );
  const { token } = await signIn(t, username, TEMPORARY_PASSWORD);
  if (!token) throw new Error(`${username} could not sign in`);
  okValue(await t.call(token, 'auth.change-password', { current: TEMPORARY_PASSWORD, next: OWN_PASSWORD, confirm: OWN_PASSWORD }));
  return { id: created.id, username, token };
}

export function okValue<T = unknown>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

export function refusal(result: Result<unknown>): ErrorValue {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

export function expectRefused(result: Result<unknown>, code: string): ErrorValue {
  const error = refusal(result);
  expect(error.code).toBe(code);
  expect(error.message).toBe(`errors.${code}`);
  return error;
}

/** Every row of a table, in id order (or ordered by all its columns, for tables without an id). */
export function rowsOf(store: Store, table: string): Record<string, unknown>[] {
  const columns = (store.sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);
  const order = columns.includes('id') ? 'id' : columns.join(', ');
  return store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as Record<string, unknown>[];
}

export function countRows(store: Store, table: string): number {
  return (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Every table of the file that holds data (not SQLite's own, not the migration bookkeeping). */
export function dataTables(store: Store): string[] {
  return (
    store.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((r) => r.name);
}

/** Every row of every table, for before/after comparisons: a refused command must leave them all alone. */
export function snapshotRows(store: Store): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(dataTables(store).map((table) => [table, rowsOf(store, table)]));
}

/**
 * RFC 8785 canonical JSON, written here independently of the core's `canonicalize` dependency: keys
 * sorted by UTF-16 code units, no whitespace, ECMAScript number and string forms (JSON.stringify's).
 */
export function jcs(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${jcs(v)}`).join(',')}}`;
}

export interface Workday {
  admin: { token: string; id: string };
  officer: TestUser;
  registrar: TestUser;
  accountant: TestUser;
  departments: string[];
  locations: string[];
  people: string[];
}

/**
 * A realistic run of commands touching every event type the core knows: setup, accounts with first
 * sign-in, a lock-out and its expiry, deactivation, a reset, settings, departments, locations, people.
 */
export async function recordWorkday(t: TestCore): Promise<Workday> {
  const admin = await setUp(t);
  const officer = await addUser(t, admin.token, 'juma', ['ict_officer'], 'Juma Ally');
  const registrar = await addUser(t, admin.token, 'neema', ['records_officer', 'auditor'], 'Neema Kweka');
  const accountant = await addUser(t, admin.token, 'baraka', ['accounting_officer'], 'Baraka Mushi');
  t.clock.advance(MINUTE);
  okValue(await t.call(admin.token, 'security.update', { password_max_age_days: 60 }));
  okValue(await t.call(admin.token, 'institution.update', { ...INSTITUTION, postal_address: 'S.L.P. 2802, 40468 Dodoma' }));

  const departments: string[] = [];
  for (const [name, code] of [['Uhasibu', 'UH'], ['Utawala', 'UT'], ['TEHAMA', 'IT']] as const) {
    departments.push(okValue<{ id: string }>(await t.call(officer.token, 'departments.create', { name, code })).id);
  }
  okValue(await t.call(registrar.token, 'departments.update', { department_id: departments[1], name: 'Utawala na Rasilimali Watu', code: 'UT', active: false }));
  const locations: string[] = [];
  for (const [name, building] of [['Ghorofa 2', 'Treasury Square'], ['Stoo ya TEHAMA', 'Jengo B']] as const) {
    locations.push(okValue<{ id: string }>(await t.call(officer.token, 'locations.create', { name, building, region: 'Dodoma' })).id);
  }
  okValue(await t.call(officer.token, 'locations.update', { location_id: locations[1], name: 'Stoo Kuu', building: 'Jengo B', region: 'Dodoma', active: true }));

  const people: string[] = [];
  const names = ['Zuhura Said', 'Hamisi Juma', 'Rehema Mollel', 'Ally Hassan', 'Grace Massawe'];
  for (const [i, full_name] of names.entries()) {
    t.clock.advance(1000);
    const person = okValue<{ id: string }>(
      await t.call(i % 2 === 0 ? officer.token : registrar.token, 'people.register', {
        full_name,
        check_number: String(100230 + i),
        title: 'Afisa',
        department_id: departments[i % departments.length],
        phone: '+255 754 123 45' + String(i),
        email: `${full_name.split(' ')[0]?.toLowerCase()}@wf.go.tz`,
      }),
    );
    people.push(person.id);
  }
  okValue(await t.call(officer.token, 'people.update', { person_id: people[0], full_name: 'Zuhura Said Omari', check_number: '100230', department_id: departments[2] }));
  okValue(await t.call(officer.token, 'people.deactivate', { person_id: people[1] }));
  okValue(await t.call(officer.token, 'people.deactivate', { person_id: people[2] }));
  okValue(await t.call(registrar.token, 'people.reactivate', { person_id: people[2] }));

  // Five wrong passwords lock Baraka out; after fifteen minutes he signs in again.
  for (let i = 0; i < 5; i += 1) await signIn(t, 'baraka', 'Wrong-Password-1');
  t.clock.advance(16 * MINUTE);
  const again = await signIn(t, 'baraka', OWN_PASSWORD);
  okValue(again.result);

  okValue(await t.call(admin.token, 'users.update', { user_id: registrar.id, display_name: 'Neema J. Kweka', roles: ['records_officer'] }));
  okValue(await t.call(admin.token, 'users.reset-password', { user_id: officer.id, temporary_password: 'Muda-Mpya-2025' }));
  okValue(await t.call(admin.token, 'users.deactivate', { user_id: accountant.id, reason: 'transfer', note: 'Kwenda Hazina' }));
  okValue(await t.call(admin.token, 'users.deactivate', { user_id: registrar.id, reason: 'retirement' }));
  okValue(await t.call(admin.token, 'users.reactivate', { user_id: registrar.id }));
  return { admin, officer, registrar, accountant, departments, locations, people };
}
