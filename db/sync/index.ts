// Keeping installations in step: trusted peers, signed bundles, transfers and the conflicts a merge
// can bring (the rules themselves belong to the areas whose data they are about).
import { defineArea } from '../area.ts';
import { syncEvents } from './events.ts';
import { syncHistory } from './history.ts';
import { peersProjection, resolutionsProjection, transfersProjection } from './reducer.ts';
import { syncRoutes } from './routes.ts';

export const syncArea = defineArea({
  name: 'sync', routes: syncRoutes, events: syncEvents, history: syncHistory,
  projections: [peersProjection, transfersProjection, resolutionsProjection],
  screens: [{ id: 'sync', route: 'peers.list' }],
});
