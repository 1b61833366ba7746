// What a route is. Kept apart from the table so area files and tests can name the shape.
import type { z } from 'zod';
import type { CallContext } from '../core/context.ts';
import type { ErrorValue } from '../core/refusal.ts';
import type { Role } from '../users/contract.ts';

/** `anyone`: no session needed (sign-in, first-run). `signed-in`: every role. Else: one of these roles. */
export type Access = 'anyone' | 'signed-in' | readonly Role[];

/**
 * Whether a caller holding `roles` passes a route's `access`: the one rule the dispatcher applies and
 * the window is told the answer of (`auth.me`'s `may_call`), so nobody is shown a door the core would
 * refuse. `roles` is null for a caller who is not signed in. Whether a password change is due is the
 * dispatcher's separate question.
 */
export function mayCall(access: Access, roles: readonly Role[] | null): boolean {
  if (access === 'anyone') return true;
  if (roles === null) return false;
  if (access === 'signed-in') return true;
  return roles.some((role) => access.includes(role));
}

export interface RouteDefinition<S extends z.ZodType = z.ZodType, R = unknown> {
  readonly access: Access;
  /** Callable while the user's password change is due (3.1.7): only what it takes to change it. */
  readonly whilePasswordDue?: boolean;
  readonly input: S;
  readonly handler: (ctx: CallContext, input: z.output<S>) => R | Promise<R>;
}

export function route<S extends z.ZodType, R>(definition: RouteDefinition<S, R>): RouteDefinition<S, R> {
  return definition;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorValue };
