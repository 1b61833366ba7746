// What the screen shows of a medium, and the lists a change refreshes.
import type { RouteName, RouteOutput } from '../../../db/contract/routes.ts';

export type Medium = RouteOutput<'media.get'>;

export const MEDIA_REFRESH: readonly RouteName[] = ['media.list', 'media.get', 'media.inbox', 'media-incidents.list', 'assets.get', 'assets.list', 'history.entity', 'inbox.list', 'conflicts.list'];
