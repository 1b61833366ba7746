// Handovers of ICT equipment (makabidhiano, 3.6.6, and 3.6.14): the special permit, the receipt that
// moves custody, the printed form, the register, and each device's holders.
import { defineArea } from '../area.ts';
import { handoverConflicts } from './conflicts.ts';
import { handoverEvents } from './events.ts';
import { handoverHistory } from './history.ts';
import { handoversRegister } from './handovers-sheet.ts';
import * as migration from './migration.ts';
import { handoverSettingsProjection, handoversProjection } from './reducer.ts';
import { awaitingDecision } from './queries.ts';
import { handoverRoutes } from './routes.ts';
import { statement } from '../store/open.ts';

export const handoversArea = defineArea({
  name: 'handovers',
  routes: handoverRoutes,
  events: handoverEvents,
  projections: [handoverSettingsProjection, handoversProjection],
  history: handoverHistory,
  conflicts: handoverConflicts,
  registers: [handoversRegister],
  screens: [{ id: 'handovers', route: 'handovers.list' }],
  migrations: { '0110-handovers': migration },
  reminders: [
    // The permit waits for the officer the institution named (an Accounting Officer by default), never its preparer.
    { key: 'handovers-to-decide', screen: 'handovers', route: 'handovers.decide', urgency: 'act', count: (store, _today, user) => awaitingDecision(store, user).length },
    {
      key: 'handovers-awaiting-receipt',
      screen: 'handovers',
      route: 'handovers.receive',
      urgency: 'soon',
      count: (store) => (statement(store, "SELECT count(*) AS n FROM handovers WHERE state = 'approved'").get() as { n: number }).n,
    },
  ],
});
