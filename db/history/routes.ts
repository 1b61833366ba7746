// Reading the journal: an entity's history in plain words, and the check of the whole log book.
import { mayCall, route } from '../contract/route.ts';
import { ACCOUNT_READERS } from '../contract/roles.ts';
import { EmptyInput } from '../contract/inputs.ts';
import { HistoryInput } from './contract.ts';
import { signedIn, type CallContext } from '../core/context.ts';
import { verifyStore } from '../journal/verify.ts';
import { entityHistory } from './queries.ts';

/** Accounts' events are shown only to those who may see accounts (3.1.2). */
function canSeeAccounts(ctx: CallContext): boolean {
  return mayCall(ACCOUNT_READERS, signedIn(ctx).roles);
}

export const historyRoutes = {
  // Each line carries its sentence in both languages, made from the areas' own sentences, so the
  // window switches language without asking again and never keeps a copy of the wording.
  'history.entity': route({
    access: 'signed-in',
    input: HistoryInput,
    handler: (ctx, input) =>
      entityHistory(ctx.store, ctx.domain, input.entity, { includeLocal: canSeeAccounts(ctx) }).map((entry) => ({
        ...entry,
        sentence: ctx.registry.describeAll(entry),
      })),
  }),
  'journal.verify': route({ access: ACCOUNT_READERS, input: EmptyInput, handler: (ctx) => verifyStore(ctx.store, ctx.domain, { migrations: ctx.registry.migrations }) }),
};
