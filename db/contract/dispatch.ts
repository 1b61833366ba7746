// The one entry point every transport uses: find the route, wait for its turn of the store, resolve the
// session against the database, check the roles, parse the input, run the handler, and turn any
// refusal into a value.
import type { z } from 'zod';
import type { CallContext, Services, SessionUser } from '../core/context.ts';
import { turnOf, type StoreTurns } from '../core/jobs.ts';
import { Refusal, type ErrorValue } from '../core/refusal.ts';
import { sessionUserOf } from '../users/commands.ts';
import { findUserById, passwordChangeDue, passwordMaxAgeDays } from '../users/queries.ts';
import { mayCall, type Result, type RouteDefinition } from './route.ts';

export interface CallOutcome {
  result: Result<unknown>;
  /** Present when the call signed in (a token) or out (null): the transport keeps it, never the page. */
  session?: string | null;
}

function refusal(code: string, fields?: Record<string, string>): ErrorValue {
  return { code, message: `errors.${code}`, ...(fields ? { fields } : {}) };
}

function failure(code: string, fields?: Record<string, string>): Result<never> {
  return { ok: false, error: refusal(code, fields) };
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

/** The route of that name in this core's table, if there is one. */
function routeNamed(services: Services, name: string): RouteDefinition | undefined {
  return Object.hasOwn(services.registry.routes, name) ? services.registry.routes[name] : undefined;
}

/** What the checks before a handler decided: the context to run it with, or the refusal. */
type Admission =
  | { ok: true; ctx: CallContext; session: () => string | null | undefined }
  | { ok: false; error: ErrorValue; endsSession: boolean };

/**
 * The checks every call passes before its handler: the session re-read from the database (3.1.2), a
 * password change that is due (3.1.7), and the route's roles. One function, so that `dispatch` and
 * `authorize` cannot drift apart.
 */
function admit(services: Services, token: string | null, definition: RouteDefinition): Admission {
  const resolved = resolveSession(services, token);
  let session: string | null | undefined;
  if (resolved.ended) session = null;

  if (definition.access !== 'anyone') {
    if (!resolved.user) return { ok: false, error: refusal(resolved.ended ? 'session-ended' : 'not-signed-in'), endsSession: true };
    if (resolved.passwordDue && !definition.whilePasswordDue) return { ok: false, error: refusal('password-change-required'), endsSession: false };
    if (!mayCall(definition.access, resolved.user.roles)) {
      return { ok: false, error: refusal('forbidden'), endsSession: false };
    }
  }

  const ctx: CallContext = {
    ...services,
    user: resolved.user,
    token: resolved.ended ? null : token,
    setSession: (next) => {
      session = next;
    },
  };
  return { ok: true, ctx, session: () => session };
}

/**
 * Answers one call. Calls arrive while others are still running (a long job pauses between its chunks
 * so that the window's polls are answered): each waits for its turn of the store (`Turn`, in
 * core/jobs.ts) before anything of it runs, the session check included, so that calls reach the store in
 * the order they came and a job's open transaction is never joined by another call.
 */
export async function dispatch(services: Services, turns: StoreTurns, token: string | null, name: string, input: unknown): Promise<CallOutcome> {
  const definition = routeNamed(services, name);
  if (!definition) return { result: failure('unknown-route') };
  const done = await turns.take(turnOf(definition));
  try {
    return await answer(services, definition, token, name, input);
  } finally {
    done();
  }
}

async function answer(services: Services, definition: RouteDefinition, token: string | null, name: string, input: unknown): Promise<CallOutcome> {
  const admission = admit(services, token, definition);
  if (!admission.ok) return { result: { ok: false, error: admission.error }, ...(admission.endsSession ? { session: null } : {}) };
  const { ctx, session } = admission;
  const withSession = (outcome: CallOutcome): CallOutcome => {
    const current = session();
    return current !== undefined ? { ...outcome, session: current } : outcome;
  };

  const parsed = definition.input.safeParse(input ?? {});
  if (!parsed.success) return withSession({ result: failure('invalid-input', fieldsOf(parsed.error)) });

  try {
    const value = await definition.handler(ctx, parsed.data);
    return withSession({ result: { ok: true, value } });
  } catch (error) {
    if (error instanceof Refusal) return withSession({ result: { ok: false, error: error.value } });
    // Never a stack trace to the user; the operator's log has it.
    console.error(`[daftari] ${name} failed:`, error);
    return { result: failure('internal-error') };
  }
}

export type Authorization = { ok: true; ctx: CallContext } | { ok: false; error: ErrorValue };

/**
 * The context a route's handler would get, without running the handler. For work a transport does
 * outside the route table because no window may ever ask for it, such as the command line streaming
 * a bundle to or from a path it names: the session, deactivation, password-due and role checks are
 * exactly those of a call to `name`, and whatever the work writes is the signed-in user's.
 */
export function authorize(services: Services, token: string | null, name: string): Authorization {
  const definition = routeNamed(services, name);
  if (!definition) return { ok: false, error: refusal('unknown-route') };
  const admission = admit(services, token, definition);
  return admission.ok ? { ok: true, ctx: admission.ctx } : { ok: false, error: admission.error };
}

export type { ErrorValue };
