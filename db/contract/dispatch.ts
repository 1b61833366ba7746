// The one entry point every transport uses: find the route, resolve the session against the database,
// check the roles, parse the input, run the handler, and turn any refusal into a value.
import type { z } from 'zod';
import type { CallContext, Services, SessionUser } from '../core/context.ts';
import { Refusal, type ErrorValue } from '../core/refusal.ts';
import { sessionUserOf } from '../users/commands.ts';
import { findUserById, passwordChangeDue, passwordMaxAgeDays } from '../users/queries.ts';
import type { Result, RouteDefinition } from './route.ts';
import { routes } from './routes.ts';

export interface CallOutcome {
  result: Result<unknown>;
  /** Present when the call signed in (a token) or out (null): the transport keeps it, never the page. */
  session?: string | null;
}

function failure(code: string, fields?: Record<string, string>): Result<never> {
  return { ok: false, error: { code, message: `errors.${code}`, ...(fields ? { fields } : {}) } };
}

/** zod issues → one catalogue key per field path (the first issue wins). */
export function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const prefix = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      // Issue 7: a mistyped field is named, never dropped silently (every input schema is strict).
      for (const key of issue.keys) fields[[...prefix, key].join('.')] ??= 'validation.unknown-field';
      continue;
    }
    const path = prefix.join('.') || '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

interface Resolved {
  user: SessionUser | null;
  /** A token was presented but no longer counts (deactivated, idle, unknown). */
  ended: boolean;
  passwordDue: boolean;
}

function resolveSession(services: Services, token: string | null): Resolved {
  const session = services.sessions.find(token);
  if (!session) return { user: null, ended: token !== null, passwordDue: false };
  const row = findUserById(services.store, session.userId);
  if (!row || row.active !== 1) {
    // 3.1.2: a deactivated account's session stops on its next call, whichever process deactivated it.
    services.sessions.end(token);
    return { user: null, ended: true, passwordDue: false };
  }
  const due = passwordChangeDue(row, passwordMaxAgeDays(services.store), services.clock.now()) !== null;
  return { user: sessionUserOf(row), ended: false, passwordDue: due };
}

export function isRouteName(name: string): name is keyof typeof routes {
  return Object.hasOwn(routes, name);
}

export async function dispatch(services: Services, token: string | null, name: string, input: unknown): Promise<CallOutcome> {
  if (!isRouteName(name)) return { result: failure('unknown-route') };
  const definition = routes[name] as RouteDefinition;
  const resolved = resolveSession(services, token);
  let session: string | null | undefined;
  if (resolved.ended) session = null;

  if (definition.access !== 'anyone') {
    if (!resolved.user) return { result: failure(resolved.ended ? 'session-ended' : 'not-signed-in'), session: null };
    if (resolved.passwordDue && !definition.whilePasswordDue) return { result: failure('password-change-required') };
    if (definition.access !== 'signed-in' && !resolved.user.roles.some((role) => definition.access.includes(role))) {
      return { result: failure('forbidden') };
    }
  }

  const parsed = definition.input.safeParse(input ?? {});
  if (!parsed.success) return { result: failure('invalid-input', fieldsOf(parsed.error)), ...(session !== undefined ? { session } : {}) };

  const ctx: CallContext = {
    ...services,
    user: resolved.user,
    token: resolved.ended ? null : token,
    setSession: (next) => {
      session = next;
    },
  };
  try {
    const value = await definition.handler(ctx, parsed.data);
    return { result: { ok: true, value }, ...(session !== undefined ? { session } : {}) };
  } catch (error) {
    if (error instanceof Refusal) return { result: { ok: false, error: error.value }, ...(session !== undefined ? { session } : {}) };
    // Never a stack trace to the user; the operator's log has it.
    console.error(`[daftari] ${name} failed:`, error);
    return { result: failure('internal-error') };
  }
}

export type { ErrorValue };
