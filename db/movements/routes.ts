// The off-premises routes (3.6.11); merged into the one table in db/contract/routes.ts.
import { ACCOUNTING_OFFICERS, CUSTODY_CLERKS, CUSTODY_READERS } from '../contract/roles.ts';
import { route } from '../contract/route.ts';
import { EmptyInput } from '../contract/inputs.ts';
import { signedIn } from '../core/context.ts';
import { readsOnly } from '../core/jobs.ts';
import { refuse } from '../core/refusal.ts';
import { today } from '../assets/typed-dates.ts';
import { CheckInInput, CheckOutInput, DecideInput, MovementListInput, PermitCheckInput, PermitPrintInput, RequestIdInput, RequestInput, RevokeInput } from './contract.ts';
import { checkIn, checkOut, decideMovement, requestMovement, revokeMovement } from './commands.ts';
import { checkPermit } from './permit-check.ts';
import { permitForm } from './permit-form.ts';
import { findMovement, listMovements, movementsInbox } from './queries.ts';

export const movementsRoutes = {
  'movements.list': route({ access: CUSTODY_READERS, input: MovementListInput, handler: (ctx, input) => listMovements(ctx.store, input, today(ctx)) }),
  'movements.get': route({
    access: CUSTODY_READERS,
    input: RequestIdInput,
    handler: (ctx, input) => findMovement(ctx.store, input.request_id, today(ctx)) ?? refuse('movement-not-found'),
  }),
  // What waits for the signed-in user here (0 for roles that decide or keep nothing of it).
  'movements.inbox': route({ access: 'signed-in', input: EmptyInput, handler: (ctx) => movementsInbox(ctx.store, signedIn(ctx), today(ctx)) }),
  'movements.request': route({ access: CUSTODY_CLERKS, input: RequestInput, handler: (ctx, input) => requestMovement(ctx, input) }),
  'movements.decide': route({ access: ACCOUNTING_OFFICERS, input: DecideInput, handler: (ctx, input) => decideMovement(ctx, input) }),
  'movements.check-out': route({ access: CUSTODY_CLERKS, input: CheckOutInput, handler: (ctx, input) => checkOut(ctx, input) }),
  'movements.check-in': route({ access: CUSTODY_CLERKS, input: CheckInInput, handler: (ctx, input) => checkIn(ctx, input) }),
  'movements.revoke': route({ access: ACCOUNTING_OFFICERS, input: RevokeInput, handler: (ctx, input) => revokeMovement(ctx, input) }),
  // The gate's check, from the records on this computer alone.
  // The gate's check of a permit against the records (3.6.11): it reads only, beside other reads.
  'permits.check': readsOnly(route({ access: CUSTODY_READERS, input: PermitCheckInput, handler: (ctx, input) => checkPermit(ctx.store, input.text, today(ctx)) })),
  // The permit the servant carries. Printing only reads, and is open to every signed-in user like the
  // other printed forms; the request's id comes from the custody readers' list.
  'documents.permit': readsOnly(route({ access: 'signed-in', input: PermitPrintInput, handler: (ctx, input) => permitForm(ctx, input) })),
};
