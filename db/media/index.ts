// The removable media register (3.6.7–3.6.10): the institution's flash disks and external drives,
// issued, returned, wiped, kept, lost or damaged.
import { defineArea } from '../area.ts';
import { statement } from '../store/open.ts';
import { mediaConflicts } from './conflicts.ts';
import { mediaEvents } from './events.ts';
import { mediaHistory } from './history.ts';
import * as migration from './migration.ts';
import { mediaRegister } from './media-sheet.ts';
import { listMedia } from './queries.ts';
import { mediaIncidentsProjection, mediaIssuesProjection, mediaWipesProjection } from './reducer.ts';
import { mediaRoutes } from './routes.ts';

export const mediaArea = defineArea({
  name: 'media',
  routes: mediaRoutes,
  events: mediaEvents,
  projections: [mediaIssuesProjection, mediaWipesProjection, mediaIncidentsProjection],
  history: mediaHistory,
  conflicts: mediaConflicts,
  screens: [{ id: 'media', route: 'media.list' }],
  registers: [mediaRegister],
  migrations: { '0140-media': migration },
  reminders: [
    // 3.6.10: a lost medium may hold government data; the ICT officer and the Accounting Officer see it first.
    {
      key: 'media-lost',
      screen: 'media',
      route: 'media.inbox',
      urgency: 'late',
      count: (store) => (statement(store, "SELECT count(*) AS n FROM media_incidents WHERE state = 'open'").get() as { n: number }).n,
    },
    { key: 'media-wipe-due', screen: 'media', route: 'media.wipe', urgency: 'soon', count: (store) => listMedia(store, { list: 'wipe_due', search: '' }).length },
  ],
});
