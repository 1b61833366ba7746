// Which work areas and actions the signed-in user reaches. The window keeps no list of roles: the core
// answers which routes the session may call (`may_call`, computed from the route table by the
// dispatcher's own rule), and an area or an action shows when its route is among them (issue 8). The
// core still checks every call; separation of duties (nobody approves their own request) is shown by
// the data the core returns, not decided here.
import type { RouteName } from '../../db/contract/routes.ts';

export const AREAS = ['equipment', 'logbook', 'maintenance', 'import', 'people', 'places', 'sync', 'users', 'settings'] as const;
export type Area = (typeof AREAS)[number];

/** Each area's main route: the area shows when the user may call it. Declared once, here. */
export const AREA_ROUTES: Record<Area, RouteName> = {
  equipment: 'assets.list',
  logbook: 'maintenance.list',
  maintenance: 'plans.list',
  import: 'import.preview',
  people: 'people.list',
  places: 'departments.list',
  sync: 'peers.list',
  users: 'users.list',
  settings: 'institution.update',
};

/** Whether the session may call a route, typed by the route table. */
export type Can = (route: RouteName) => boolean;

/** The session's answer (`may_call`) as a question the screens ask: `can('assets.register')`. */
export function canFrom(mayCall: readonly string[]): Can {
  const allowed = new Set(mayCall);
  return (route) => allowed.has(route);
}

export function areasFor(can: Can): Area[] {
  return AREAS.filter((area) => can(AREA_ROUTES[area]));
}

/** `#/users` → 'users' when the user may open it; otherwise their first area. */
export function areaFromHash(hash: string, allowed: readonly Area[]): Area {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  const found = allowed.find((area) => area === name);
  return found ?? allowed[0] ?? 'equipment';
}

export function hashOf(area: Area): string {
  return `#/${area}`;
}
