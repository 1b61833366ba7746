// Issue 8, "role sets are spelled in five places": each set of roles is spelled once, in
// db/contract/roles.ts; every route's `access` is one of those sets, and the one rule that reads them
// (`mayCall`) is the one the dispatcher and the window's `may_call` answer share.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as roleSets from '../../../db/contract/roles.ts';
import { mayCall, type RouteDefinition } from '../../../db/contract/route.ts';
import { routes } from '../../../db/contract/routes.ts';
import { ROLES } from '../../../db/users/contract.ts';
import { roleLiterals } from '../../renderer/role-literals.ts';

const ROOT = join(import.meta.dirname, '../../..');
const table = Object.entries(routes as Record<string, RouteDefinition>);

describe('who may call a route', () => {
  it('lets anyone through an open door, signed in or not', () => {
    expect(mayCall('anyone', null)).toBe(true);
    expect(mayCall('anyone', ['auditor'])).toBe(true);
  });

  it('lets every signed-in role through a signed-in door, and nobody who is not signed in', () => {
    for (const role of ROLES) expect(mayCall('signed-in', [role])).toBe(true);
    expect(mayCall('signed-in', [])).toBe(true);
    expect(mayCall('signed-in', null)).toBe(false);
  });

  it('lets a caller through a door of roles when they hold any one of them', () => {
    expect(mayCall(roleSets.REGISTRARS, ['records_officer'])).toBe(true);
    expect(mayCall(roleSets.REGISTRARS, ['auditor', 'ict_officer'])).toBe(true);
    expect(mayCall(roleSets.REGISTRARS, ['auditor', 'accounting_officer'])).toBe(false);
    expect(mayCall(roleSets.ADMIN, [])).toBe(false);
    expect(mayCall(roleSets.ADMIN, null)).toBe(false);
  });
});

describe('each set of roles is spelled once', () => {
  const sets = new Set<unknown>(Object.values(roleSets));

  it('gives every route a door that is open, signed-in, or one of the named sets', () => {
    const odd = table.filter(([, r]) => r.access !== 'anyone' && r.access !== 'signed-in' && !sets.has(r.access)).map(([name]) => name);
    expect(odd).toEqual([]);
  });

  it('names only roles that exist, and every set holds at least one', () => {
    for (const set of sets) {
      expect(Array.isArray(set) && set.length > 0).toBe(true);
      for (const role of set as string[]) expect(ROLES).toContain(role);
    }
  });

  it('spells no role name in any route file of db/', () => {
    const files = readdirSync(join(ROOT, 'db'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(ROOT, 'db', entry.name, 'routes.ts'))
      .filter((path) => {
        try {
          readFileSync(path);
          return true;
        } catch {
          return false;
        }
      });
    expect(files.map((path) => relative(ROOT, path))).toContain('db/contract/routes.ts');
    expect(files.length).toBeGreaterThan(6);
    const offences = files.flatMap((path) => roleLiterals(path, readFileSync(path, 'utf8')).map((f) => `${relative(ROOT, path)}:${f.line} '${f.role}'`));
    expect(offences).toEqual([]);
  });
});
