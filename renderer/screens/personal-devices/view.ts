// What the screen shows of a registration, the lists a change refreshes, and each standing's colour.
import type { RouteName, RouteOutput } from '../../../db/contract/routes.ts';

export type PersonalDevice = RouteOutput<'personal-devices.get'>;

export const PERSONAL_DEVICE_REFRESH: readonly RouteName[] = ['personal-devices.list', 'personal-devices.get', 'personal-devices.inbox', 'history.entity', 'inbox.list'];

/** Waiting yellow, approved green, expiring orange, expired and revoked red, rejected grey. */
export const STANDING_COLORS: Record<string, string> = {
  pending: 'yellow',
  approved: 'green',
  expiring: 'orange',
  expired: 'red',
  revoked: 'red',
  rejected: 'gray',
};
