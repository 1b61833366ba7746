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

/** Every row of a table, in id order (or rowid order for tables without an id). */
export function rowsOf(store: Store, table: string): Record<string, unknown>[] {
  const hasId = (store.sqlite.prepare(`SELECT count(*) AS n FROM pragma_table_info(?) WHERE name = 'id'`).get(table) as { n: number }).n > 0;
  return store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${hasId ? 'id' : 'rowid'}`).all() as Record<string, unknown>[];
}

export function countRows(store: Store, table: string): number {
  return (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Row counts of the journal, its refs and every projection: a refused command must leave them all alone. */
export function snapshotCounts(store: Store): Record<string, number> {
  const tables = ['journal', 'journal_refs', 'origins', 'institution', 'security_settings', 'users', 'departments', 'locations', 'people'];
  return Object.fromEntries(tables.map((table) => [table, countRows(store, table)]));
}

/** Every row of every table that commands write, for before/after comparisons. */
export function snapshotRows(store: Store): Record<string, Record<string, unknown>[]> {
  const tables = ['journal', 'journal_refs', 'institution', 'security_settings', 'users', 'departments', 'locations', 'people'];
  return Object.fromEntries(tables.map((table) => [table, rowsOf(store, table)]));
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
