import type { z } from 'zod';
import type { InstitutionInput } from './contract.ts';
import { actorOf, command, signedIn, type CallContext } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { emit } from '../journal/types.ts';
import type { Institution } from '../store/schema.ts';
import { institutionUpdated } from './events.ts';
import { getInstitution } from './queries.ts';
import { INSTITUTION_ID } from './reducer.ts';

export function updateInstitution(ctx: CallContext, input: z.output<typeof InstitutionInput>): Institution {
  command(ctx, actorOf(signedIn(ctx)), () => {
    if (!getInstitution(ctx.store)) refuse('not-initialized');
    return { events: [emit(institutionUpdated, INSTITUTION_ID, input)], result: null };
  });
  return getInstitution(ctx.store) as Institution;
}
