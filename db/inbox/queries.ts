// The inbox: of every area's reminders, those this user may act on, with how many wait (only those
// where something does), the ones waiting for a decision first, then what is late, then what is soon.
import type { Registry } from '../area.ts';
import { mayCall } from '../contract/route.ts';
import type { SessionUser } from '../core/context.ts';
import type { Store } from '../store/open.ts';
import { URGENCIES, type InboxItem } from './contract.ts';

export function inboxOf(store: Store, registry: Registry, user: SessionUser, today: string): InboxItem[] {
  const items: InboxItem[] = [];
  for (const reminder of registry.reminders) {
    const route = registry.routes[reminder.route];
    if (!route || !mayCall(route.access, user.roles)) continue;
    const count = reminder.count(store, today, user);
    if (count > 0) items.push({ key: reminder.key, screen: reminder.screen, urgency: reminder.urgency, count });
  }
  return items.sort((a, b) => URGENCIES.indexOf(a.urgency) - URGENCIES.indexOf(b.urgency));
}
