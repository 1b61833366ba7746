// Shared fixtures for the core's tests: a deterministic Core (manual clock, seeded ids, cheap scrypt),
// a configured institution, users holding given roles, and small assertions on call results.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Result } from '../../db/contract/route.ts';
import type { RouteInput, RouteName, RouteOutput } from '../../db/contract/routes.ts';
import type { Role } from '../../db/users/contract.ts';
import { openCore, type Core } from '../../db/core.ts';
import { manualClock, seededIds } from '../../db/core/clock.ts';
import type { ErrorValue } from '../../db/core/refusal.ts';
import type { Store } from '../../db/store/open.ts';
import type { KeyStore } from '../../db/sync/keys.ts';
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

/**
 * The input a route takes, as arguments: optional when every field of it is (an empty input, a list
 * with defaults), so `t.call(token, 'auth.me')` reads as the window's call does.
 */
export type InputArgs<K extends RouteName> = Record<never, never> extends RouteInput<K> ? [input?: RouteInput<K>] : [input: RouteInput<K>];

/** A route called as one signed-in user: what `TestCore.as(token)` gives. */
export interface Caller {
  token: string;
  call<K extends RouteName>(route: K, ...input: InputArgs<K>): Promise<Result<RouteOutput<K>>>;
  /** The route's value; a refusal fails the test with its code. */
  ok<K extends RouteName>(route: K, ...input: InputArgs<K>): Promise<RouteOutput<K>>;
  /** For a deliberately malformed input, as `TestCore.callRaw`. */
  callRaw(route: string, input?: unknown): Promise<Result<unknown>>;
}

/**
 * The core as the tests call it. `call` is typed by the route table (STYLE.md, "the client's send<K>
 * derives its types from that table"): a renamed route or field breaks the build of the tests too.
 * `callRaw` takes anything, for the tests that send a deliberately malformed input to see it refused.
 */
export interface TestCore {
  core: Core;
  clock: TestClock;
  store: Store;
  call<K extends RouteName>(token: string | null, route: K, ...input: InputArgs<K>): Promise<Result<RouteOutput<K>>>;
  ok<K extends RouteName>(token: string | null, route: K, ...input: InputArgs<K>): Promise<RouteOutput<K>>;
  callRaw(token: string | null, route: string, input?: unknown): Promise<Result<unknown>>;
  as(token: string): Caller;
}

/** A cheap hasher shared by every test Core: 2^10 instead of the production 2^17. */
export const testHasher = scryptHasher(10);

export interface TestCoreOptions {
  path?: string;
  /** The clock's first reading (default START); or a clock to share. */
  start?: string;
  clock?: TestClock;
  seed?: number;
  idleLimitMs?: number;
  keyStore?: KeyStore;
}

/** A year: for fixtures whose tests move the clock by days without being signed out. */
export const YEAR_OF_IDLE = 366 * DAY;

export async function openTestCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const clock = options.clock ?? manualClock(options.start ?? START);
  const core = await openCore({
    path: options.path ?? ':memory:',
    hasher: testHasher,
    clock,
    ids: seededIds(options.seed ?? 1),
    ...(options.idleLimitMs !== undefined ? { idleLimitMs: options.idleLimitMs } : {}),
    ...(options.keyStore ? { keyStore: options.keyStore } : {}),
  });
  return typedCore(core, clock);
}

/** The typed calls over a Core opened elsewhere (a test that needs its own hasher or ids). */
export function typedCore(core: Core, clock: TestClock): TestCore {
  const callRaw = async (token: string | null, route: string, input?: unknown) => (await core.call(token, route, input ?? {})).result;
  // The one place the route table's output type is asserted: the dispatcher returns what the
  // route's handler returned, and the handler is typed by the same table.
  const call = async <K extends RouteName>(token: string | null, route: K, ...input: InputArgs<K>) =>
    (await callRaw(token, route, input[0])) as Result<RouteOutput<K>>;
  const ok = <K extends RouteName>(token: string | null, route: K, ...input: InputArgs<K>): Promise<RouteOutput<K>> =>
    call(token, route, ...input).then((result) => {
      if (!result.ok) throw new Error(`${route} refused: ${JSON.stringify(result.error)}`);
      return result.value;
    });
  return {
    core,
    clock,
    store: core.services.store,
    call,
    ok,
    callRaw,
    as: (token) => ({
      token,
      call: (route, ...input) => call(token, route, ...input),
      ok: (route, ...input) => ok(token, route, ...input),
      callRaw: (route, input) => callRaw(token, route, input),
    }),
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

/** The Ministry of Water: the office of the register, log book and sync tests. */
export const MINISTRY_OF_WATER = {
  name: 'Wizara ya Maji',
  code: 'MAJI',
  postal_address: 'S.L.P. 456, Dodoma',
  accounting_officer_title: 'Katibu Mkuu',
  head_title: 'Waziri',
};

export const ADMIN = { username: 'asha', display_name: 'Asha Mrisho', password: ADMIN_PASSWORD, confirm: ADMIN_PASSWORD };

type SetupInput = RouteInput<'setup.initialize'>;

/** The session a call started (sign-in, first-run setup), or null. */
function sessionOf(outcome: { session?: string | null | undefined }): string | null {
  return typeof outcome.session === 'string' ? outcome.session : null;
}

/** Runs first-run setup (the Ministry of Finance unless told); returns the administrator's session token and id. */
export async function setUp(
  t: TestCore,
  options: { institution?: SetupInput['institution']; admin?: Partial<SetupInput['admin']> } = {},
): Promise<{ token: string; id: string }> {
  const input: SetupInput = { institution: options.institution ?? INSTITUTION, admin: { ...ADMIN, ...options.admin } };
  const outcome = await t.core.call(null, 'setup.initialize', input);
  const value = okValue(outcome.result as Result<RouteOutput<'setup.initialize'>>);
  const token = sessionOf(outcome);
  if (token === null) throw new Error('setup did not start a session');
  return { token, id: value.user.id };
}

export async function signIn(t: TestCore, username: string, password: string): Promise<{ token: string | null; result: Result<RouteOutput<'auth.sign-in'>> }> {
  const input: RouteInput<'auth.sign-in'> = { username, password };
  const outcome = await t.core.call(null, 'auth.sign-in', input);
  return { token: sessionOf(outcome), result: outcome.result as Result<RouteOutput<'auth.sign-in'>> };
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
  const created = await t.ok(adminToken, 'users.create', { username, display_name, roles, temporary_password: TEMPORARY_PASSWORD });
  const { token } = await signIn(t, username, TEMPORARY_PASSWORD);
  if (!token) throw new Error(`${username} could not sign in`);
  await t.ok(token, 'auth.change-password', { current: TEMPORARY_PASSWORD, next: OWN_PASSWORD, confirm: OWN_PASSWORD });
  return { id: created.id, username, token };
}

/** The value of a call that must succeed; a refusal fails the test with its code. */
export function okValue<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export function refusal(result: Result<unknown>): ErrorValue {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** The refusal of a call that must say no with `code`, its message the catalogue key of that code. */
export function expectRefused(result: Result<unknown>, code: string): ErrorValue {
  const error = refusal(result);
  expect(error.code).toBe(code);
  expect(error.message).toBe(`errors.${code}`);
  return error;
}

/**
 * Calls a route that must say no with `code`, and proves that nothing at all was written: every row
 * of every table, journal and search index included, is as it was.
 */
export async function refusedWithoutWriting<K extends RouteName>(t: TestCore, token: string | null, route: K, input: RouteInput<K>, code: string): Promise<ErrorValue> {
  return refusedRawWithoutWriting(t, token, route, input, code);
}

/** The same for an input the route table's type would not let through: the malformed input a refusal test sends on purpose. */
export async function refusedRawWithoutWriting(t: TestCore, token: string | null, route: string, input: unknown, code: string): Promise<ErrorValue> {
  const before = snapshotRows(t.store);
  const error = expectRefused(await t.callRaw(token, route, input), code);
  expect(snapshotRows(t.store)).toEqual(before);
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
/** A value a route may answer without (a record looked up after writing it): here it must be there. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}

/** The i-th of a list the test built itself: a missing one is the test's own mistake. */
export function nth<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i} in a list of ${list.length}`);
  return item;
}

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
    departments.push((await t.ok(officer.token, 'departments.create', { name, code })).id);
  }
  okValue(await t.call(registrar.token, 'departments.update', { department_id: nth(departments, 1), name: 'Utawala na Rasilimali Watu', code: 'UT', active: false }));
  const locations: string[] = [];
  for (const [name, building] of [['Ghorofa 2', 'Treasury Square'], ['Stoo ya TEHAMA', 'Jengo B']] as const) {
    locations.push((await t.ok(officer.token, 'locations.create', { name, building, region: 'Dodoma' })).id);
  }
  okValue(await t.call(officer.token, 'locations.update', { location_id: nth(locations, 1), name: 'Stoo Kuu', building: 'Jengo B', region: 'Dodoma', active: true }));

  const people: string[] = [];
  const names = ['Zuhura Said', 'Hamisi Juma', 'Rehema Mollel', 'Ally Hassan', 'Grace Massawe'];
  for (const [i, full_name] of names.entries()) {
    t.clock.advance(1000);
    const person = await t.ok(
      i % 2 === 0 ? officer.token : registrar.token, 'people.register', {
        full_name,
        check_number: String(100230 + i),
        title: 'Afisa',
        department_id: departments[i % departments.length],
        phone: '+255 754 123 45' + String(i),
        email: `${full_name.split(' ')[0]?.toLowerCase()}@wf.go.tz`,
      },
    );
    people.push(person.id);
  }
  okValue(await t.call(officer.token, 'people.update', { person_id: nth(people, 0), full_name: 'Zuhura Said Omari', check_number: '100230', department_id: nth(departments, 2) }));
  okValue(await t.call(officer.token, 'people.deactivate', { person_id: nth(people, 1) }));
  okValue(await t.call(officer.token, 'people.deactivate', { person_id: nth(people, 2) }));
  okValue(await t.call(registrar.token, 'people.reactivate', { person_id: nth(people, 2) }));

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
