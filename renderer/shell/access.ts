// Which work areas and actions the signed-in user reaches. The window keeps no list of roles and no
// list of areas: the core answers which routes the session may call (`may_call`) and which areas it
// may open (`screens`), both computed from the one list of areas (db/areas.ts) by the dispatcher's own
// rule, and each area's screen is found in its folder (`renderer/screens/<id>/index.tsx`). The core
// still checks every call; separation of duties (nobody approves their own request) is shown by the
// data the core returns, not decided here.
import type { ComponentType, ReactNode } from 'react';
import type { RouteName } from '../../db/contract/routes.ts';

/** What a screen folder's index.tsx exports: the icon of its navigation entry and the screen. */
export interface ScreenModule {
  icon: ReactNode;
  Screen: ComponentType;
}

/** Whether the session may call a route, typed by the route table. */
export type Can = (route: RouteName) => boolean;

/** The session's answer (`may_call`) as a question the screens ask: `can('assets.register')`. */
export function canFrom(mayCall: readonly string[]): Can {
  const allowed = new Set(mayCall);
  return (route) => allowed.has(route);
}

/** The areas to show: those the core opened to this session, in its order, that this window can draw. */
export function areasFor(screens: readonly string[], drawn: Readonly<Record<string, ScreenModule>>): string[] {
  return screens.filter((id) => Object.hasOwn(drawn, id));
}

/**
 * The screen folders found at build time: `renderer/screens/<id>/index.tsx` → id. A folder without an
 * index.tsx (sign-in, setup) is no work area.
 */
export function screensOf(modules: Readonly<Record<string, { screen?: ScreenModule }>>): Record<string, ScreenModule> {
  const found: Record<string, ScreenModule> = {};
  for (const [path, module] of Object.entries(modules)) {
    const id = /\/screens\/([^/]+)\/index\.tsx$/.exec(path)?.[1];
    if (id && module.screen) found[id] = module.screen;
  }
  return found;
}

/** `#/users` → 'users' when the user may open it; otherwise their first area. */
export function areaFromHash(hash: string, allowed: readonly string[]): string {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  const found = allowed.find((area) => area === name);
  return found ?? allowed[0] ?? 'assets';
}

export function hashOf(area: string): string {
  return `#/${area}`;
}
