// First run: the institution's particulars and its first administrator, in one transaction.
import type { z } from 'zod';
import type { SetupInput } from './contract.ts';
import { command, type CallContext } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { emit } from '../journal/types.ts';
import { userCreated, userSignedIn } from '../users/events.ts';
import { sessionUserOf, type SignedInResult } from '../users/commands.ts';
import { countUsers, findUserById } from '../users/queries.ts';
import type { UserRow } from '../store/schema.ts';
import { institutionConfigured } from './events.ts';
import { getInstitution } from './queries.ts';
import { INSTITUTION_ID } from './reducer.ts';

export function isInitialized(ctx: Pick<CallContext, 'store'>): boolean {
  return getInstitution(ctx.store) !== undefined && countUsers(ctx.store) > 0;
}

export async function initialize(ctx: CallContext, input: z.output<typeof SetupInput>): Promise<SignedInResult> {
  if (isInitialized(ctx)) refuse('already-initialized');
  const hash = await ctx.hasher.hash(input.admin.password);
  const id = ctx.ids.next();
  command(ctx, { id, name: input.admin.display_name }, () => {
    if (isInitialized(ctx)) refuse('already-initialized');
    return {
      events: [
        emit(institutionConfigured, INSTITUTION_ID, input.institution),
        emit(userCreated, id, {
          username: input.admin.username,
          display_name: input.admin.display_name,
          roles: ['admin'],
          password_hash: hash,
          must_change_password: false,
        }),
        // Setup signs the administrator in: the account's history and the users list say so.
        emit(userSignedIn, id, {}),
      ],
      result: null,
    };
  });
  const session = ctx.sessions.start(id);
  ctx.setSession(session.token);
  return { user: sessionUserOf(findUserById(ctx.store, id) as UserRow), password_change: null };
}
