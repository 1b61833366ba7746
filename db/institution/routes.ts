// The routes of the first run and of the institution's particulars.
import { ADMIN } from '../contract/roles.ts';
import { route } from '../contract/route.ts';
import { EmptyInput } from '../contract/inputs.ts';
import { InstitutionInput, SetupInput } from './contract.ts';
import { refuse } from '../core/refusal.ts';
import { withCallable } from '../users/routes.ts';
import { updateInstitution } from './commands.ts';
import { getInstitution } from './queries.ts';
import { initialize, isInitialized } from './setup.ts';

export const institutionRoutes = {
  'setup.status': route({
    access: 'anyone',
    input: EmptyInput,
    handler: (ctx) => ({ initialized: isInitialized(ctx), institution: getInstitution(ctx.store)?.name ?? null }),
  }),
  'setup.initialize': route({ access: 'anyone', input: SetupInput, handler: async (ctx, input) => withCallable(ctx, await initialize(ctx, input)) }),
  'institution.get': route({
    access: 'signed-in',
    input: EmptyInput,
    handler: (ctx) => getInstitution(ctx.store) ?? refuse('not-initialized'),
  }),
  'institution.update': route({ access: ADMIN, input: InstitutionInput, handler: (ctx, input) => updateInstitution(ctx, input) }),
};
