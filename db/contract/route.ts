// What a route is. Kept apart from the table so area files and tests can name the shape.
import type { z } from 'zod';
import type { CallContext } from '../core/context.ts';
import type { ErrorValue } from '../core/refusal.ts';
import type { Role } from './schemas.ts';

/** `anyone`: no session needed (sign-in, first-run). `signed-in`: every role. Else: one of these roles. */
export type Access = 'anyone' | 'signed-in' | readonly Role[];

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
