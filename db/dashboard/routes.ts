// The dashboard's two routes: every figure at once, and the rows behind one. Both only read, so they
// run beside a long export; every signed-in user may call them, and each figure is shown only to
// whoever may read its rows on their own screen (queries.ts).
import { route } from '../contract/route.ts';
import { signedIn } from '../core/context.ts';
import { readsOnly } from '../core/jobs.ts';
import { today } from '../assets/typed-dates.ts';
import { DashboardListInput, SummaryInput } from './contract.ts';
import { dashboardList, dashboardSummary } from './queries.ts';

export const dashboardRoutes = {
  'dashboard.summary': readsOnly(route({ access: 'signed-in', input: SummaryInput, handler: (ctx) => dashboardSummary(ctx.store, ctx.registry, signedIn(ctx), today(ctx)) })),
  'dashboard.list': readsOnly(
    route({ access: 'signed-in', input: DashboardListInput, handler: (ctx, input) => dashboardList(ctx.store, ctx.registry, signedIn(ctx), today(ctx), input) }),
  ),
};
