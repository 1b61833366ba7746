// The Service Maintenance Log Book (3.6.5): entries, procedures, preventive plans and providers, with
// the printed log book and its spreadsheet register.
import { defineArea } from '../area.ts';
import { logBookRegister } from './log-book-sheet.ts';
import { maintenanceConflicts } from './conflicts.ts';
import { maintenanceEvents } from './events.ts';
import { maintenanceHistory } from './history.ts';
import { entriesProjection, plansProjection, proceduresProjection, providersProjection } from './reducer.ts';
import { maintenanceRoutes } from './routes.ts';

export const maintenanceArea = defineArea({
  name: 'maintenance', routes: maintenanceRoutes, events: maintenanceEvents, history: maintenanceHistory, conflicts: maintenanceConflicts,
  registers: [logBookRegister],
  projections: [proceduresProjection, plansProjection, providersProjection, entriesProjection],
  screens: [{ id: 'logbook', route: 'maintenance.list' }, { id: 'maintenance', route: 'plans.list' }],
});
