// Which work areas and actions a user's roles reach. It mirrors the route table's `access` (db/contract/
// routes.ts), so nobody is shown a door the core would refuse; the core still checks every call.
import type { Role } from '../../db/contract/schemas.ts';

export const AREAS = ['equipment', 'logbook', 'maintenance', 'import', 'people', 'places', 'sync', 'users', 'settings'] as const;
export type Area = (typeof AREAS)[number];

const AREA_ROLES: Record<Area, readonly Role[] | 'signed-in'> = {
  equipment: 'signed-in',
  logbook: 'signed-in',
  maintenance: 'signed-in',
  import: ['admin', 'ict_officer'],
  people: 'signed-in',
  places: 'signed-in',
  sync: ['admin', 'ict_officer', 'auditor'],
  users: ['admin', 'auditor'],
  settings: ['admin'],
};

/** Who keeps the registers of people and places (routes.ts: REGISTRARS). */
const REGISTRARS: readonly Role[] = ['admin', 'ict_officer', 'records_officer'];

const holdsAny = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((role) => allowed.includes(role));

export function areasFor(roles: readonly Role[]): Area[] {
  return AREAS.filter((area) => {
    const allowed = AREA_ROLES[area];
    return allowed === 'signed-in' || holdsAny(roles, allowed);
  });
}

export function canKeepRegisters(roles: readonly Role[]): boolean {
  return holdsAny(roles, REGISTRARS);
}

/** Who keeps the equipment register and the log book (db/assets/routes.ts: ICT). */
const ICT: readonly Role[] = ['admin', 'ict_officer'];

export function canKeepEquipment(roles: readonly Role[]): boolean {
  return holdsAny(roles, ICT);
}

export function canApproveProcedure(roles: readonly Role[]): boolean {
  return roles.includes('head_of_institution');
}

/** Who carries bundles between installations (db/sync/routes.ts: SYNC). */
export function canCarryBundles(roles: readonly Role[]): boolean {
  return holdsAny(roles, ['admin', 'ict_officer']);
}

/** Accepting a new installation, renaming or revoking one, resolving a conflict: the administrator's. */
export function canDecideSync(roles: readonly Role[]): boolean {
  return roles.includes('admin');
}

export function canManageAccounts(roles: readonly Role[]): boolean {
  return roles.includes('admin');
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
