// The one table of routes: name → input schema, roles allowed, handler. The IPC bridge, the CLI, the
// browser test host and the renderer's client type are all derived from it.
import type { z } from 'zod';
import { assetRoutes } from '../assets/routes.ts';
import { importRoutes } from '../import/routes.ts';
import { maintenanceRoutes } from '../maintenance/routes.ts';
import { registerRoutes } from '../registers/routes.ts';
import { syncRoutes } from '../sync/routes.ts';
import { jobRoutes } from '../jobs/routes.ts';
import { signedIn, type CallContext } from '../core/context.ts';
import { entityHistory } from '../history/queries.ts';
import { updateInstitution } from '../institution/commands.ts';
import { getInstitution } from '../institution/queries.ts';
import { initialize, isInitialized } from '../institution/setup.ts';
import { verifyStore } from '../journal/verify.ts';
import { registerPerson, setPersonActive, updatePerson } from '../people/commands.ts';
import { findPerson, listPeople } from '../people/queries.ts';
import { createDepartment, createLocation, updateDepartment, updateLocation } from '../places/commands.ts';
import { listDepartments, listLocations } from '../places/queries.ts';
import {
  changePassword,
  createUser,
  deactivateUser,
  reactivateUser,
  resetPassword,
  signIn,
  signOut,
  updateSecuritySettings,
  updateUser,
  type SignedInResult,
} from '../users/commands.ts';
import { findUserById, listUsers, passwordChangeDue, passwordMaxAgeDays, toUserView } from '../users/queries.ts';
import { SECURITY_SETTINGS_ID } from '../users/reducer.ts';
import { refuse } from '../core/refusal.ts';
import { ACCOUNT_MANAGERS, ACCOUNT_READERS, ADMIN, REGISTRARS } from './roles.ts';
import { mayCall, route, type Access, type RouteDefinition } from './route.ts';
import {
  ChangePasswordInput,
  CreateUserInput,
  DeactivateUserInput,
  DepartmentInput,
  EmptyInput,
  HistoryInput,
  InstitutionInput,
  ListInput,
  LocationInput,
  PersonIdInput,
  PersonInput,
  ResetPasswordInput,
  SecuritySettingsInput,
  SetupInput,
  SignInInput,
  UpdateDepartmentInput,
  UpdateLocationInput,
  UpdatePersonInput,
  UpdateUserInput,
  UserIdInput,
  type Role,
} from './schemas.ts';

const SIGNED_IN: Access = 'signed-in';

function canSeeAccounts(ctx: CallContext): boolean {
  return mayCall(ACCOUNT_READERS, signedIn(ctx).roles);
}

/**
 * The names of the routes these roles may call, by the dispatcher's own rule (`mayCall`). Every answer
 * that starts or restores a session carries it as `may_call`, so the window shows an action when the
 * table lets the user call it and never keeps its own list of roles (issue 8).
 */
export function callableBy(roles: readonly Role[]): string[] {
  return Object.entries(routes as Record<string, RouteDefinition>)
    .filter(([, definition]) => mayCall(definition.access, roles))
    .map(([name]) => name);
}

function withCallable<T extends SignedInResult>(result: T): T & { may_call: string[] } {
  return { ...result, may_call: callableBy(result.user.roles) };
}

export const routes = {
  'setup.status': route({
    access: 'anyone',
    input: EmptyInput,
    handler: (ctx) => ({ initialized: isInitialized(ctx), institution: getInstitution(ctx.store)?.name ?? null }),
  }),
  'setup.initialize': route({ access: 'anyone', input: SetupInput, handler: async (ctx, input) => withCallable(await initialize(ctx, input)) }),

  'auth.sign-in': route({ access: 'anyone', input: SignInInput, handler: async (ctx, input) => withCallable(await signIn(ctx, input)) }),
  'auth.sign-out': route({ access: SIGNED_IN, whilePasswordDue: true, input: EmptyInput, handler: (ctx) => signOut(ctx) }),
  'auth.me': route({
    access: 'anyone',
    input: EmptyInput,
    handler: (ctx) => {
      if (!ctx.user) return null;
      const row = findUserById(ctx.store, ctx.user.id);
      return row ? withCallable({ user: ctx.user, password_change: passwordChangeDue(row, passwordMaxAgeDays(ctx.store), ctx.clock.now()) }) : null;
    },
  }),
  'auth.change-password': route({
    access: SIGNED_IN,
    whilePasswordDue: true,
    input: ChangePasswordInput,
    handler: async (ctx, input) => withCallable(await changePassword(ctx, input)),
  }),

  'institution.get': route({
    access: SIGNED_IN,
    input: EmptyInput,
    handler: (ctx) => getInstitution(ctx.store) ?? refuse('not-initialized'),
  }),
  'institution.update': route({ access: ADMIN, input: InstitutionInput, handler: (ctx, input) => updateInstitution(ctx, input) }),
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
    handler: (ctx, input) => {
      const row = findUserById(ctx.store, input.user_id) ?? refuse('user-not-found');
      return toUserView(row);
    },
  }),
  'users.create': route({ access: ACCOUNT_MANAGERS, input: CreateUserInput, handler: (ctx, input) => createUser(ctx, input) }),
  'users.update': route({ access: ACCOUNT_MANAGERS, input: UpdateUserInput, handler: (ctx, input) => updateUser(ctx, input) }),
  'users.reset-password': route({ access: ACCOUNT_MANAGERS, input: ResetPasswordInput, handler: (ctx, input) => resetPassword(ctx, input) }),
  'users.deactivate': route({ access: ACCOUNT_MANAGERS, input: DeactivateUserInput, handler: (ctx, input) => deactivateUser(ctx, input) }),
  'users.reactivate': route({ access: ACCOUNT_MANAGERS, input: UserIdInput, handler: (ctx, input) => reactivateUser(ctx, input) }),

  'people.list': route({ access: SIGNED_IN, input: ListInput, handler: (ctx, input) => listPeople(ctx.store, input) }),
  'people.get': route({
    access: SIGNED_IN,
    input: PersonIdInput,
    handler: (ctx, input) => findPerson(ctx.store, input.person_id) ?? refuse('person-not-found'),
  }),
  'people.register': route({ access: REGISTRARS, input: PersonInput, handler: (ctx, input) => registerPerson(ctx, input) }),
  'people.update': route({ access: REGISTRARS, input: UpdatePersonInput, handler: (ctx, input) => updatePerson(ctx, input) }),
  'people.deactivate': route({ access: REGISTRARS, input: PersonIdInput, handler: (ctx, input) => setPersonActive(ctx, input, false) }),
  'people.reactivate': route({ access: REGISTRARS, input: PersonIdInput, handler: (ctx, input) => setPersonActive(ctx, input, true) }),

  'departments.list': route({ access: SIGNED_IN, input: ListInput, handler: (ctx, input) => listDepartments(ctx.store, input) }),
  'departments.create': route({ access: REGISTRARS, input: DepartmentInput, handler: (ctx, input) => createDepartment(ctx, input) }),
  'departments.update': route({ access: REGISTRARS, input: UpdateDepartmentInput, handler: (ctx, input) => updateDepartment(ctx, input) }),
  'locations.list': route({ access: SIGNED_IN, input: ListInput, handler: (ctx, input) => listLocations(ctx.store, input) }),
  'locations.create': route({ access: REGISTRARS, input: LocationInput, handler: (ctx, input) => createLocation(ctx, input) }),
  'locations.update': route({ access: REGISTRARS, input: UpdateLocationInput, handler: (ctx, input) => updateLocation(ctx, input) }),

  'history.entity': route({
    access: SIGNED_IN,
    input: HistoryInput,
    handler: (ctx, input) => entityHistory(ctx.store, ctx.domain, input.entity, { includeLocal: canSeeAccounts(ctx) }),
  }),
  'journal.verify': route({ access: ACCOUNT_READERS, input: EmptyInput, handler: (ctx) => verifyStore(ctx.store, ctx.domain) }),

  ...assetRoutes,
  ...maintenanceRoutes,
  ...importRoutes,
  ...registerRoutes,
  ...syncRoutes,
  ...jobRoutes,
};

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RouteInput<K extends RouteName> = z.input<Routes[K]['input']>;
export type RouteOutput<K extends RouteName> = Awaited<ReturnType<Routes[K]['handler']>>;
