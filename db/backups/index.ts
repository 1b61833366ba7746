// Backups (3.1.14, 3.4.1, 3.4.2): taken on demand and on a schedule, each verified before it is kept,
// tried by restoring into a scratch file, and restored over the records by the administrator.
import { defineArea } from '../area.ts';
import { backupEvents } from './events.ts';
import { backupsHistory } from './history.ts';
import * as migration from './migration.ts';
import { failedCount, overdueCount, restoreTestDueCount } from './queries.ts';
import { backupSettingsProjection, backupsProjection } from './reducer.ts';
import { backupsRoutes } from './routes.ts';

export const backupsArea = defineArea({
  name: 'backups',
  routes: backupsRoutes,
  events: backupEvents,
  projections: [backupsProjection, backupSettingsProjection],
  history: backupsHistory,
  screens: [{ id: 'backups', route: 'backups.list' }],
  migrations: { '0160-backups': migration },
  reminders: [
    { key: 'backup-failed', screen: 'backups', route: 'backups.take', urgency: 'act', count: (store) => failedCount(store) },
    { key: 'backup-overdue', screen: 'backups', route: 'backups.take', urgency: 'late', count: (store, today) => overdueCount(store, today) },
    { key: 'restore-test-due', screen: 'backups', route: 'backups.test-restore', urgency: 'soon', count: (store, today) => restoreTestDueCount(store, today) },
  ],
});
