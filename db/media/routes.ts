// The removable media routes (3.6.7–3.6.10); merged into the one table in db/contract/routes.ts.
import { CUSTODY_CLERKS, CUSTODY_READERS, MEDIA_LOSS_WATCHERS } from '../contract/roles.ts';
import { route } from '../contract/route.ts';
import { EmptyInput } from '../contract/inputs.ts';
import { signedIn } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import {
  FoundMediumInput,
  IncidentListInput,
  IssueMediumInput,
  MediaListInput,
  MediumIdInput,
  ReportMediumInput,
  ReturnMediumInput,
  StoreMediumInput,
  VoidIssueInput,
  WipeMediumInput,
} from './contract.ts';
import { issueMedium, markFound, reportMedium, returnMedium, storeMedium, voidIssue, wipeMedium } from './commands.ts';
import { findMediumView, listIncidents, listMedia, mediaInbox } from './queries.ts';

export const mediaRoutes = {
  'media.list': route({ access: CUSTODY_READERS, input: MediaListInput, handler: (ctx, input) => listMedia(ctx.store, input) }),
  'media.get': route({
    access: CUSTODY_READERS,
    input: MediumIdInput,
    handler: (ctx, input) => findMediumView(ctx.store, input.asset_id) ?? refuse('media-not-found'),
  }),
  'media-incidents.list': route({ access: CUSTODY_READERS, input: IncidentListInput, handler: (ctx, input) => listIncidents(ctx.store, input) }),
  'media.inbox': route({ access: MEDIA_LOSS_WATCHERS, input: EmptyInput, handler: (ctx) => mediaInbox(ctx.store, signedIn(ctx)) }),
  'media.issue': route({ access: CUSTODY_CLERKS, input: IssueMediumInput, handler: (ctx, input) => issueMedium(ctx, input) }),
  'media.return': route({ access: CUSTODY_CLERKS, input: ReturnMediumInput, handler: (ctx, input) => returnMedium(ctx, input) }),
  'media.void-issue': route({ access: CUSTODY_CLERKS, input: VoidIssueInput, handler: (ctx, input) => voidIssue(ctx, input) }),
  'media.wipe': route({ access: CUSTODY_CLERKS, input: WipeMediumInput, handler: (ctx, input) => wipeMedium(ctx, input) }),
  'media.store': route({ access: CUSTODY_CLERKS, input: StoreMediumInput, handler: (ctx, input) => storeMedium(ctx, input) }),
  'media.report': route({ access: CUSTODY_CLERKS, input: ReportMediumInput, handler: (ctx, input) => reportMedium(ctx, input) }),
  'media.found': route({ access: CUSTODY_CLERKS, input: FoundMediumInput, handler: (ctx, input) => markFound(ctx, input) }),
};
