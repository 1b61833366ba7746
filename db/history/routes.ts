// Reading the journal: an entity's history in plain words, and the check of the whole log book.
import { mayCall, route } from '../contract/route.ts';
import { ACCOUNT_READERS } from '../contract/roles.ts';
import { CheckPageInput, HistoryInput } from './contract.ts';
import { refuse } from '../core/refusal.ts';
import { checkPage, parseWitness } from '../documents/witness.ts';
import { signedIn, type CallContext } from '../core/context.ts';
import { readsOnly, runJob } from '../core/jobs.ts';
import { OptionalJobInput } from '../jobs/contract.ts';
import { verifyStore } from '../journal/verify.ts';
import { entityHistory } from './queries.ts';

/** Accounts' events are shown only to those who may see accounts (3.1.2). */
function canSeeAccounts(ctx: CallContext): boolean {
  return mayCall(ACCOUNT_READERS, signedIn(ctx).roles);
}

export const historyRoutes = {
  // Each line carries its sentence in both languages, made from the areas' own sentences, so the
  // window switches language without asking again and never keeps a copy of the wording.
  'history.entity': readsOnly(
    route({
      access: 'signed-in',
      input: HistoryInput,
      handler: (ctx, input) =>
        entityHistory(ctx.store, ctx.domain, input.entity, { includeLocal: canSeeAccounts(ctx) }).map((entry) => ({
          ...entry,
          sentence: ctx.registry.describeAll(entry),
        })),
    }),
  ),
  // A long job the window follows under its own key and may stop. It takes the store to itself (the
  // default turn): the check reads the whole journal and every projection, and may keep a transaction
  // of its own open across its pauses, which no other call may join.
  'journal.verify': route({
    access: ACCOUNT_READERS,
    input: OptionalJobInput,
    handler: (ctx, input) =>
      runJob(ctx.jobs, 'journal.verify', signedIn(ctx).id, input.job, (job) => {
        const options = { migrations: ctx.registry.migrations, checks: ctx.registry.checks, job };
        return verifyStore(ctx.store, ctx.domain, options);
      }),
  }),
  // Anyone holding a printed page may ask whether the records still stand as printed (issue 12).
  'documents.check': readsOnly(
    route({
      access: 'signed-in',
      input: CheckPageInput,
      handler: (ctx, input) => checkPage(ctx.store, parseWitness(input.page_code) ?? refuse('witness-code-invalid')),
    }),
  ),
};
