// Disposal submissions to the Records and Archives Management Department (3.6.12–3.6.14, 4.3): the
// candidates, the batches with their storage media and sanitisation, the Accounting Officer's approval,
// the frozen submission and its pack, and what the department did with the devices.
import { defineArea } from '../area.ts';
import { disposalBatchesRegister } from './batches-sheet.ts';
import { snapshotsIntact } from './checks.ts';
import { disposalConflicts } from './conflicts.ts';
import { disposalEvents } from './events.ts';
import { disposalHistory } from './history.ts';
import * as migration from './migration.ts';
import * as deviceBatches from './migration-0155.ts';
import { awaitingDecision, unbatchedCandidates } from './queries.ts';
import { batchesProjection, disposalSettingsProjection, proposalsProjection } from './reducer.ts';
import { disposalRoutes } from './routes.ts';

export const disposalArea = defineArea({
  name: 'disposal',
  routes: disposalRoutes,
  events: disposalEvents,
  projections: [proposalsProjection, batchesProjection, disposalSettingsProjection],
  history: disposalHistory,
  conflicts: disposalConflicts,
  checks: [snapshotsIntact],
  registers: [disposalBatchesRegister],
  screens: [{ id: 'disposal', route: 'disposal.batches' }],
  reminders: [
    {
      key: 'disposal-awaiting-approval',
      screen: 'disposal',
      route: 'disposal.decide',
      urgency: 'act',
      // The preparer is never asked to decide their own batch (db/core/approvals.ts).
      count: (store, _today, user) => awaitingDecision(store, user.id),
    },
    { key: 'disposal-candidates', screen: 'disposal', route: 'disposal.create', urgency: 'soon', count: (store) => unbatchedCandidates(store) },
  ],
  migrations: { '0150-disposal': migration, '0155-device-batches': deviceBatches },
});
