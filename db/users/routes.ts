// The routes of accounts, signing in and security settings.
import type { CallContext } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { ACCOUNT_MANAGERS, ACCOUNT_READERS, ADMIN } from '../contract/roles.ts';
import { route, type Access } from '../contract/route.ts';
import { EmptyInput } from '../contract/inputs.ts';
import { ChangePasswordInput, CreateUserInput, DeactivateUserInput, ResetPasswordInput, SecuritySettingsInput, SignInInput, UpdateUserInput, UserIdInput } from './contract.ts';
import { changePassword, createUser, deactivateUser, reactivateUser, resetPassword, signIn, signOut, updateSecuritySettings, updateUser, type SignedInResult } from './commands.ts';
import { findUserById, findUserView, listUsers, passwordChangeDue, passwordMaxAgeDays } from './queries.ts';
import { SECURITY_SETTINGS_ID } from './reducer.ts';

const SIGNED_IN: Access = 'signed-in';

/**
 * Every answer that starts or restores a session carries the names of the routes it may call
 * (`may_call`, by the dispatcher's own rule) and the work areas it may open (`screens`, in the order of
 * the list of areas), so the window shows an action or an area when the table lets the user call its
 * route and never keeps its own list of roles or of areas (issue 8).
 */
export function withCallable<T extends SignedInResult>(ctx: CallContext, result: T): T & { may_call: string[]; screens: string[] } {
  const mayCall = ctx.registry.callableBy(result.user.roles);
  const callable = new Set(mayCall);
  const screens = ctx.registry.screens.filter((screen) => callable.has(screen.route)).map((screen) => screen.id);
  return { ...result, may_call: mayCall, screens };
}

export const userRoutes = {
  'auth.sign-in': route({ access: 'anyone', input: SignInInput, handler: async (ctx, input) => withCallable(ctx, await signIn(ctx, input)) }),
  'auth.sign-out': route({ access: SIGNED_IN, whilePasswordDue: true, input: EmptyInput, handler: (ctx) => signOut(ctx) }),
  'auth.me': route({
    access: 'anyone',
    input: EmptyInput,
    handler: (ctx) => {
      if (!ctx.user) return null;
      const row = findUserById(ctx.store, ctx.user.id);
      return row ? withCallable(ctx, { user: ctx.user, password_change: passwordChangeDue(row, passwordMaxAgeDays(ctx.store), ctx.clock.now()) }) : null;
    },
  }),
  'auth.change-password': route({
    access: SIGNED_IN,
    whilePasswordDue: true,
    input: ChangePasswordInput,
    handler: async (ctx, input) => withCallable(ctx, await changePassword(ctx, input)),
  }),

  'security.get': route({
    access: ADMIN,
    input: EmptyInput,
    handler: (ctx) => ({ id: SECURITY_SETTINGS_ID, password_max_age_days: passwordMaxAgeDays(ctx.store) }),
  }),
  'security.update': route({ access: ADMIN, input: SecuritySettingsInput, handler: (ctx, input) => updateSecuritySettings(ctx, input) }),

  'users.list': route({ access: ACCOUNT_READERS, input: EmptyInput, handler: (ctx) => listUsers(ctx.store) }),
  'users.get': route({
    access: ACCOUNT_READERS,
    input: UserIdInput,
    handler: (ctx, input) => findUserView(ctx.store, input.user_id) ?? refuse('user-not-found'),
  }),
  'users.create': route({ access: ACCOUNT_MANAGERS, input: CreateUserInput, handler: (ctx, input) => createUser(ctx, input) }),
  'users.update': route({ access: ACCOUNT_MANAGERS, input: UpdateUserInput, handler: (ctx, input) => updateUser(ctx, input) }),
  'users.reset-password': route({ access: ACCOUNT_MANAGERS, input: ResetPasswordInput, handler: (ctx, input) => resetPassword(ctx, input) }),
  'users.deactivate': route({ access: ACCOUNT_MANAGERS, input: DeactivateUserInput, handler: (ctx, input) => deactivateUser(ctx, input) }),
  'users.reactivate': route({ access: ACCOUNT_MANAGERS, input: UserIdInput, handler: (ctx, input) => reactivateUser(ctx, input) }),
};
