// The inbox: what waits for the signed-in user. It only reads, so it runs beside a long export.
import { route } from '../contract/route.ts';
import { signedIn } from '../core/context.ts';
import { readsOnly } from '../core/jobs.ts';
import { today } from '../assets/typed-dates.ts';
import { InboxInput } from './contract.ts';
import { inboxOf } from './queries.ts';

export const inboxRoutes = {
  'inbox.list': readsOnly(route({ access: 'signed-in', input: InboxInput, handler: (ctx) => ({ items: inboxOf(ctx.store, ctx.registry, signedIn(ctx), today(ctx)) }) })),
};
