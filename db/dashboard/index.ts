// The compliance dashboard (issue 14): the home screen after sign-in. It only reads the other areas'
// rows: counts by status and category, repairs, preventive work, approvals, media, disposal, the
// compliance of each clause of directive 3.6 with the list behind it, and the charts.
import { defineArea } from '../area.ts';
import * as migration from './migration.ts';
import { complianceRegister } from './compliance-sheet.ts';
import { dashboardRoutes } from './routes.ts';

export const dashboardArea = defineArea({
  name: 'dashboard',
  routes: dashboardRoutes,
  screens: [{ id: 'dashboard', route: 'dashboard.summary' }],
  migrations: { '0180-dashboard': migration },
  registers: [complianceRegister],
});
