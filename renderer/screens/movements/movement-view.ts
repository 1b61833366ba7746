// What the screen shows of a request, and the lists a change refreshes.
import type { RouteName, RouteOutput } from '../../../db/contract/routes.ts';

export type MovementView = RouteOutput<'movements.get'>;
export type PermitCheck = RouteOutput<'permits.check'>;

export const MOVEMENT_REFRESH: readonly RouteName[] = ['movements.list', 'movements.get', 'movements.inbox', 'assets.get', 'assets.list', 'conflicts.list'];

/** A state's badge colour: waiting yellow, approved blue, out violet, back green, refused or withdrawn grey and red. */
export const STATE_COLORS: Record<string, string> = {
  requested: 'yellow',
  approved: 'blue',
  rejected: 'gray',
  checked_out: 'violet',
  returned: 'green',
  revoked: 'red',
};

/** The answers of a gate check, coloured as a traffic light. */
export const ANSWER_COLORS: Record<string, string> = { valid: 'green', expired: 'orange', revoked: 'red', unknown: 'gray' };
