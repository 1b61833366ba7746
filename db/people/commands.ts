import type { z } from 'zod';
import type { PersonIdInput, PersonInput, UpdatePersonInput } from './contract.ts';
import { actorOf, command, signedIn, type CallContext } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { getInstitution } from '../institution/queries.ts';
import { findDepartment } from '../places/queries.ts';
import { emit } from '../journal/types.ts';
import { first } from '../store/open.ts';
import { personDeactivated, personReactivated, personRegistered, personUpdated } from './events.ts';
import { findPerson, type PersonView } from './queries.ts';

type Particulars = z.output<typeof PersonInput>;

function checkParticulars(ctx: CallContext, input: Particulars, exceptId: string | null): Particulars {
  if (input.department_id && !findDepartment(ctx.store, input.department_id)) {
    refuse('department-not-found', undefined, { department_id: 'errors.department-not-found' });
  }
  if (input.check_number) {
    const clash = first(
      ctx.store,
      ctx.store.q.selectFrom('people').select(['id', 'full_name']).where('check_number', '=', input.check_number).where('id', '!=', exceptId ?? ''),
    );
    if (clash) refuse('check-number-taken', { name: clash.full_name }, { check_number: 'errors.check-number-taken' });
  }
  // A person with no institution named works here.
  return { ...input, institution: input.institution || (getInstitution(ctx.store)?.name ?? '') };
}

export function registerPerson(ctx: CallContext, input: Particulars): PersonView {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => ({
    events: [emit(personRegistered, id, checkParticulars(ctx, input, null))],
    result: null,
  }));
  return findPerson(ctx.store, id) as PersonView;
}

export function updatePerson(ctx: CallContext, input: z.output<typeof UpdatePersonInput>): PersonView {
  const { person_id, ...particulars } = input;
  command(ctx, actorOf(signedIn(ctx)), () => {
    if (!findPerson(ctx.store, person_id)) refuse('person-not-found');
    return { events: [emit(personUpdated, person_id, checkParticulars(ctx, particulars, person_id))], result: null };
  });
  return findPerson(ctx.store, person_id) as PersonView;
}

export function setPersonActive(ctx: CallContext, input: z.output<typeof PersonIdInput>, active: boolean): PersonView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const person = findPerson(ctx.store, input.person_id) ?? refuse('person-not-found');
    if (person.active === active) refuse(active ? 'already-active' : 'already-deactivated');
    return { events: [emit(active ? personReactivated : personDeactivated, person.id, {})], result: null };
  });
  return findPerson(ctx.store, input.person_id) as PersonView;
}
