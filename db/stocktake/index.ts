// Stocktake (issue 13): a committee checks the register against the devices, from a frozen snapshot of
// what the register expects, counted by scanning labels on one installation or several, and closed by
// its chair with the findings and an action for each.
import { defineArea } from '../area.ts';
import { snapshotsIntact } from './checks.ts';
import { stocktakeConflicts } from './conflicts.ts';
import { stocktakeEvents } from './events.ts';
import { stocktakeHistory } from './history.ts';
import * as migration from './migration.ts';
import { unacknowledgedIncidents } from './queries.ts';
import { actionsProjection, chunksProjection, countsProjection, stocktakesProjection } from './reducer.ts';
import { stocktakeRoutes } from './routes.ts';

export const stocktakeArea = defineArea({
  name: 'stocktake',
  routes: stocktakeRoutes,
  events: stocktakeEvents,
  projections: [stocktakesProjection, chunksProjection, countsProjection, actionsProjection],
  history: stocktakeHistory,
  conflicts: stocktakeConflicts,
  checks: [snapshotsIntact],
  screens: [{ id: 'stocktake', route: 'stocktake.list' }],
  reminders: [
    {
      key: 'stocktake-missing-reported',
      screen: 'stocktake',
      route: 'stocktake.acknowledge-incident',
      urgency: 'act',
      count: (store) => unacknowledgedIncidents(store),
    },
  ],
  migrations: { '0170-stocktake': migration },
});
