// The routes of the register of people: everyone signed in reads it, registrars keep it.
import { REGISTRARS } from '../contract/roles.ts';
import { route } from '../contract/route.ts';
import { ListInput } from '../contract/inputs.ts';
import { PersonIdInput, PersonInput, UpdatePersonInput } from './contract.ts';
import { refuse } from '../core/refusal.ts';
import { registerPerson, setPersonActive, updatePerson } from './commands.ts';
import { findPerson, listPeople } from './queries.ts';

export const peopleRoutes = {
  'people.list': route({ access: 'signed-in', input: ListInput, handler: (ctx, input) => listPeople(ctx.store, input) }),
  'people.get': route({
    access: 'signed-in',
    input: PersonIdInput,
    handler: (ctx, input) => findPerson(ctx.store, input.person_id) ?? refuse('person-not-found'),
  }),
  'people.register': route({ access: REGISTRARS, input: PersonInput, handler: (ctx, input) => registerPerson(ctx, input) }),
  'people.update': route({ access: REGISTRARS, input: UpdatePersonInput, handler: (ctx, input) => updatePerson(ctx, input) }),
  'people.deactivate': route({ access: REGISTRARS, input: PersonIdInput, handler: (ctx, input) => setPersonActive(ctx, input, false) }),
  'people.reactivate': route({ access: REGISTRARS, input: PersonIdInput, handler: (ctx, input) => setPersonActive(ctx, input, true) }),
};
