// What the screen shows of a batch, and the lists a change refreshes.
import type { RouteName, RouteOutput } from '../../../db/contract/routes.ts';

export type BatchView = RouteOutput<'disposal.get'>;
export type CandidateView = RouteOutput<'disposal.candidates'>[number];

export const DISPOSAL_REFRESH: readonly RouteName[] = ['disposal.batches', 'disposal.get', 'disposal.candidates', 'assets.get', 'assets.list', 'conflicts.list'];

/** A state's badge colour: drafts grey, waiting yellow, approved blue, with the department violet, done green. */
export const STATE_COLORS: Record<string, string> = {
  draft: 'gray',
  awaiting_approval: 'yellow',
  approved: 'blue',
  submitted: 'violet',
  collected: 'indigo',
  disposed: 'green',
  returned: 'orange',
  cancelled: 'red',
};
