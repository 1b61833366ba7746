// The inbox (issue 10): what waits for each user across the areas — requests to decide, devices overdue,
// approvals about to expire, preventive maintenance due — with counts beside the navigation. Each area
// declares its own reminders; this area only gathers them for the user.
import { defineArea } from '../area.ts';
import { inboxRoutes } from './routes.ts';

export const inboxArea = defineArea({ name: 'inbox', routes: inboxRoutes, screens: [{ id: 'inbox', route: 'inbox.list' }] });
