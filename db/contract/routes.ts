// The one table of routes: name → input schema, roles allowed, handler. It is not written here: each
// area declares its routes in its manifest (db/<area>/index.ts) and the table is their union, in the
// order of the one list of areas (db/areas.ts). The IPC bridge, the CLI, the browser test host and the
// window's client type are all derived from it.
import type { z } from 'zod';
import { registry, type AREAS } from '../areas.ts';
import type { Role } from '../users/contract.ts';

type UnionToIntersection<U> = (U extends unknown ? (union: U) => void : never) extends (intersection: infer I) => void ? I : never;

export type Routes = UnionToIntersection<(typeof AREAS)[number]['routes']>;
export type RouteName = keyof Routes & string;
export type RouteInput<K extends RouteName> = z.input<Routes[K]['input']>;
export type RouteOutput<K extends RouteName> = Awaited<ReturnType<Routes[K]['handler']>>;

export const routes = registry.routes as Routes;

/**
 * The names of the routes these roles may call, by the dispatcher's own rule (`mayCall`). Every answer
 * that starts or restores a session carries it as `may_call`, so the window shows an action when the
 * table lets the user call it and never keeps its own list of roles (issue 8).
 */
export function callableBy(roles: readonly Role[]): string[] {
  return registry.callableBy(roles);
}
