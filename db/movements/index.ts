// Off-premises requests (3.6.11): a servant taking devices holding government data out of the office,
// the Accounting Officer's decision, check-out and check-in, the permit and its check at the gate.
import { defineArea } from '../area.ts';
import { movementsConflicts } from './conflicts.ts';
import { movementsEvents } from './events.ts';
import { movementsHistory } from './history.ts';
import { movementsMigration } from './migration.ts';
import { movementsRegister } from './movements-sheet.ts';
import { movementsProjection } from './reducer.ts';
import { movementsRoutes } from './routes.ts';
import { statement } from '../store/open.ts';
import { ACCOUNTING_OFFICERS, CUSTODY_CLERKS } from '../contract/roles.ts';

const OVERDUE_WATCHERS = [...ACCOUNTING_OFFICERS, ...CUSTODY_CLERKS];

export const movementsArea = defineArea({
  name: 'movements',
  routes: movementsRoutes,
  events: movementsEvents,
  projections: [movementsProjection],
  history: movementsHistory,
  conflicts: movementsConflicts,
  registers: [movementsRegister],
  screens: [{ id: 'movements', route: 'movements.list' }],
  migrations: { '0120-movements': movementsMigration },
  reminders: [
    {
      key: 'movements-to-decide',
      screen: 'movements',
      route: 'movements.decide',
      urgency: 'act',
      count: (store, _today, user) => (statement(store, "SELECT count(*) AS n FROM movements WHERE state = 'requested' AND prepared_by != ?").get(user.id) as { n: number }).n,
    },
    // 3.6.11: overdue devices are shown to the ICT officer, who checks them in, and to the Accounting Officer, who approved them.
    {
      key: 'movements-overdue',
      screen: 'movements',
      route: 'movements.list',
      urgency: 'late',
      count: (store, today, user) =>
        user.roles.some((role) => OVERDUE_WATCHERS.includes(role))
          ? (statement(store, "SELECT count(*) AS n FROM movements WHERE out_on != '' AND returned_on = '' AND due_on < ?").get(today) as { n: number }).n
          : 0,
    },
  ],
});
