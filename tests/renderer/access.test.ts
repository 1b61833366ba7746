// Issue 8, "the renderer derives nothing from the route table": the window shows an area or an action
// when the route table lets the signed-in roles call its route, and for that asks the core, never a
// list of roles of its own. Every case here is generated from the table and checked for every role.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../db/areas.ts';
import { mayCall, type RouteDefinition } from '../../db/contract/route.ts';
import { callableBy, routes, type RouteName } from '../../db/contract/routes.ts';
import { type Role, ROLES } from '../../db/users/contract.ts';
import { STEP_ROUTES, stepsAllowed } from '../../renderer/screens/logbook/next-steps.ts';
import { SYNC_TAB_ROUTES, syncTabsFor } from '../../renderer/screens/sync/sync-helpers.ts';
import { accountStatus } from '../../renderer/screens/users/account-status.ts';
import { areaFromHash, areasFor, canFrom, screensOf } from '../../renderer/shell/access.ts';
import { addUser, okValue, openTestCore, setUp, signIn, OWN_PASSWORD, type TestCore } from '../helpers/core.ts';

const table = routes as Record<string, RouteDefinition>;
const allowedBy = (route: RouteName, roles: readonly Role[]) => mayCall(table[route]!.access, roles);
/** What the window is told for these roles, and the question it asks of it. */
const canOf = (roles: readonly Role[]) => canFrom(callableBy(roles));

/** Every single role, every role at once, and the pairs the directive's offices hold together. */
const HOLDINGS: Role[][] = [
  ...ROLES.map((role) => [role]),
  [...ROLES],
  ...ROLES.flatMap((a, i) => ROLES.slice(i + 1).map((b) => [a, b])),
];
const named = (roles: readonly Role[]) => roles.join('+');

/** Every route a screen asks about with `can('…')`, read from the window's source. */
function routesAskedInSource(): Set<string> {
  const asked = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) for (const match of readFileSync(path, 'utf8').matchAll(/\bcan\(\s*'([a-z.-]+)'\s*\)/g)) asked.add(match[1]!);
    }
  };
  walk(join(import.meta.dirname, '../../renderer'));
  return asked;
}

/** The window's screen folders as the shell finds them (renderer/screens/<id>/index.tsx), not imported. */
const FOLDERS = Object.keys(import.meta.glob('../../renderer/screens/*/index.tsx')).map((path) => /screens\/([^/]+)\//.exec(path)![1]!);
const DRAWN = screensOf(Object.fromEntries(FOLDERS.map((id) => [`/screens/${id}/index.tsx`, { screen: { icon: null, Screen: () => null } }])));
/** What the core tells these roles they may open (`screens`), as the window then shows it. */
const screensFor = (roles: readonly Role[]) => {
  const callable = new Set(callableBy(roles));
  return registry.screens.filter((screen) => callable.has(screen.route)).map((screen) => screen.id);
};
const shown = (roles: readonly Role[]) => areasFor(screensFor(roles), DRAWN);

describe('the navigation follows the one list of areas and the route table', () => {
  it.each(HOLDINGS.map((roles) => [named(roles), roles] as const))('shows %s exactly the areas whose main route they may call', (_, roles) => {
    const expected = registry.screens.filter((screen) => allowedBy(screen.route as RouteName, roles)).map((screen) => screen.id);
    expect(shown(roles)).toEqual(expected);
  });

  it('has a screen folder for every area the core declares, and no folder no area declares', () => {
    expect(FOLDERS.sort()).toEqual(registry.screens.map((screen) => screen.id).sort());
    for (const screen of registry.screens) expect(Object.hasOwn(routes, screen.route)).toBe(true);
  });

  // The same answers in the user's words, so a change to the table that moves a door is seen here.
  it('shows an ICT officer the registers, the log book, import and sync, but not the accounts or settings', () => {
    expect(shown(['ict_officer'])).toEqual(['dashboard', 'assets', 'inbox', 'logbook', 'maintenance', 'movements', 'handovers', 'personal-devices', 'media', 'disposal', 'stocktake', 'import', 'people', 'places', 'sync', 'backups', 'check-page']);
  });

  it('shows an auditor the accounts and the installations to read, but no import and no settings', () => {
    expect(shown(['auditor'])).toEqual(['dashboard', 'assets', 'inbox', 'logbook', 'maintenance', 'movements', 'handovers', 'personal-devices', 'media', 'disposal', 'stocktake', 'people', 'places', 'sync', 'backups', 'users', 'check-page']);
  });

  it('shows the administrator every area', () => {
    expect(shown(['admin'])).toEqual(registry.screens.map((screen) => screen.id));
  });

  it('lets the Accounting Officer read the registers without import, sync or accounts', () => {
    expect(shown(['accounting_officer'])).toEqual(['dashboard', 'assets', 'inbox', 'logbook', 'maintenance', 'movements', 'handovers', 'personal-devices', 'media', 'disposal', 'stocktake', 'people', 'places', 'check-page']);
  });

  it('opens the area named in the address only when the table lets the user reach it', () => {
    const officer = shown(['ict_officer']);
    expect(areaFromHash('#/places', officer)).toBe('places');
    // Elsewhere, the home screen: the compliance dashboard (issue 14).
    expect(areaFromHash('#/users', officer)).toBe('dashboard');
    expect(areaFromHash('', officer)).toBe('dashboard');
    expect(areaFromHash('#/assets/0192-device', officer)).toBe('assets');
    expect(areaFromHash('#/import', shown(['auditor']))).toBe('dashboard');
    expect(areaFromHash('#/settings', shown(['admin']))).toBe('settings');
  });
});

describe('each action follows the route table', () => {
  const asked = [...routesAskedInSource()].sort();

  it('asks only about routes the table has, and asks about some', () => {
    expect(asked.length).toBeGreaterThan(20);
    expect(asked.filter((name) => !Object.hasOwn(routes, name))).toEqual([]);
  });

  it.each(HOLDINGS.map((roles) => [named(roles), roles] as const))('offers %s an action exactly when the table lets them call its route', (_, roles) => {
    const can = canOf(roles);
    const routesOfActions = [...asked, ...Object.values(STEP_ROUTES), ...Object.values(SYNC_TAB_ROUTES)] as RouteName[];
    for (const route of routesOfActions) expect([route, can(route)]).toEqual([route, allowedBy(route, roles)]);
  });

  it.each(HOLDINGS.map((roles) => [named(roles), roles] as const))('offers %s the log book steps and sync tabs the table opens to them', (_, roles) => {
    const can = canOf(roles);
    const all = { suggested: 'diagnose' as const, available: Object.keys(STEP_ROUTES) as (keyof typeof STEP_ROUTES)[] };
    const steps = stepsAllowed(all, can);
    expect(steps.available).toEqual(all.available.filter((step) => allowedBy(STEP_ROUTES[step], roles)));
    expect(steps.suggested).toBe(allowedBy('maintenance.diagnose', roles) ? 'diagnose' : null);
    expect(syncTabsFor(can)).toEqual(Object.keys(SYNC_TAB_ROUTES).filter((tab) => allowedBy(SYNC_TAB_ROUTES[tab as keyof typeof SYNC_TAB_ROUTES], roles)));
  });
});

/** A field no route takes: the door is checked before the input, and the input never reaches a handler. */
const PROBE = { mistyped_field: 'x' };
/** A discriminated union is read only once its discriminator is known (tests/db/contract/route-inputs). */
const BASE: Record<string, Record<string, unknown>> = { 'registers.export': { register: 'devices' } };

describe('what the core tells the window is what the dispatcher lets through', () => {
  let t: TestCore;
  const tokens = new Map<string, string>();
  const signedInAnswers = new Map<string, string[]>();

  beforeAll(async () => {
    t = await openTestCore();
    const admin = await setUp(t);
    tokens.set('admin', admin.token);
    for (const [i, roles] of HOLDINGS.entries()) {
      if (named(roles) === 'admin') continue;
      const user = await addUser(t, admin.token, `mtumiaji-${i}`, roles);
      tokens.set(named(roles), user.token);
      const again = await signIn(t, user.username, OWN_PASSWORD);
      signedInAnswers.set(named(roles), okValue<{ may_call: string[] }>(again.result).may_call);
    }
  });
  afterAll(() => t.core.close());

  it.each(HOLDINGS.map((roles) => [named(roles), roles] as const))('tells %s the routes the dispatcher opens to them, and no other', async (name, roles) => {
    const token = tokens.get(name)!;
    const me = okValue(await t.call(token, 'auth.me', {}))!;
    expect(new Set(me.may_call)).toEqual(new Set(callableBy(roles)));
    expect(me.screens).toEqual(screensFor(roles));
    if (signedInAnswers.has(name)) expect(signedInAnswers.get(name)).toEqual(me.may_call);
    const can = canFrom(me.may_call);
    for (const route of Object.keys(routes) as RouteName[]) {
      const result = await t.callRaw(token, route, { ...BASE[route], ...PROBE });
      expect(result.ok).toBe(false);
      const code = result.ok ? null : result.error.code;
      expect([route, code === 'forbidden']).toEqual([route, !can(route)]);
    }
  });

  it.each(HOLDINGS.filter((roles) => allowedBy('sync.import', roles)).map((roles) => [named(roles), roles] as const))(
    'lets %s accept a new installation exactly when the window offers it (peers.trust-again)',
    async (name) => {
      const token = tokens.get(name)!;
      const can = canFrom(okValue(await t.call(token, 'auth.me', {}))!.may_call);
      // Not a bundle: whoever passes the door is stopped by the file, never by `forbidden`.
      const result = await t.call(token, 'sync.import', { file: { name: 'si-bundle.daftari', base64: 'AAAA' }, accept_new_peer: true });
      expect(result.ok).toBe(false);
      expect(result.ok ? null : result.error.code === 'forbidden').toBe(!can('peers.trust-again'));
    },
  );

  it('tells a caller who is not signed in nothing', async () => {
    expect(okValue(await t.call(null, 'auth.me', {}))).toBeNull();
  });
});

describe('an account as the list shows it', () => {
  const now = new Date('2025-06-01T08:00:00Z');
  it('is locked while the lock lasts, then active again', () => {
    expect(accountStatus({ active: true, locked_until: '2025-06-01T08:10:00Z' }, now)).toBe('locked');
    expect(accountStatus({ active: true, locked_until: '2025-06-01T07:59:00Z' }, now)).toBe('active');
  });

  it('is deactivated whatever its lock says (3.1.2)', () => {
    expect(accountStatus({ active: false, locked_until: '2025-06-01T08:10:00Z' }, now)).toBe('deactivated');
  });
});
