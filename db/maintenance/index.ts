// The Service Maintenance Log Book (3.6.5): entries, procedures, preventive plans and providers, with
// the printed log book and its spreadsheet register.
import { defineArea } from '../area.ts';
import { maintenanceCostRegister } from './cost-sheet.ts';
import { logBookRegister } from './log-book-sheet.ts';
import { maintenanceConflicts } from './conflicts.ts';
import { maintenanceEvents } from './events.ts';
import { maintenanceHistory } from './history.ts';
import { entriesProjection, plansProjection, proceduresProjection, providersProjection } from './reducer.ts';
import { duePreventive } from './queries.ts';
import { maintenanceRoutes } from './routes.ts';

/** How far ahead the inbox looks for preventive work, as the plans screen does by default. */
export const DUE_SOON_DAYS = 30;

export const maintenanceArea = defineArea({
  name: 'maintenance', routes: maintenanceRoutes, events: maintenanceEvents, history: maintenanceHistory, conflicts: maintenanceConflicts,
  registers: [logBookRegister, maintenanceCostRegister],
  projections: [proceduresProjection, plansProjection, providersProjection, entriesProjection],
  screens: [{ id: 'logbook', route: 'maintenance.list' }, { id: 'maintenance', route: 'plans.list' }],
  reminders: [
    {
      key: 'preventive-overdue',
      screen: 'maintenance',
      route: 'maintenance.report',
      urgency: 'late',
      count: (store, today) => duePreventive(store, today, 0).filter((item) => item.overdue).length,
    },
    {
      key: 'preventive-due',
      screen: 'maintenance',
      route: 'maintenance.report',
      urgency: 'soon',
      count: (store, today) => duePreventive(store, today, DUE_SOON_DAYS).filter((item) => !item.overdue).length,
    },
  ],
});
