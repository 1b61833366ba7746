// Personal devices for office work (3.6.5): registered by the ICT officer, approved with an expiry or
// rejected by the Head of Institution, revoked or renewed.
import { defineArea } from '../area.ts';
import { personalDeviceEvents } from './events.ts';
import { personalDevicesHistory } from './history.ts';
import * as migration from './migration.ts';
import { personalDevicesProjection } from './reducer.ts';
import { personalDevicesRegister } from './register-sheet.ts';
import { personalDevicesRoutes } from './routes.ts';
import { expiredCount, expiringCount, pendingCount } from './queries.ts';

export const personalDevicesArea = defineArea({
  name: 'personal-devices',
  routes: personalDevicesRoutes,
  events: personalDeviceEvents,
  projections: [personalDevicesProjection],
  history: personalDevicesHistory,
  registers: [personalDevicesRegister],
  screens: [{ id: 'personal-devices', route: 'personal-devices.list' }],
  migrations: { '0130-personal-devices': migration },
  // Each count is shown to whoever may call its route: decisions to the head, approvals ending or ended to the ICT officer.
  reminders: [
    {
      key: 'personal-devices-pending',
      screen: 'personal-devices',
      route: 'personal-devices.decide',
      urgency: 'act',
      count: (store) => pendingCount(store),
    },
    {
      key: 'personal-devices-expired',
      screen: 'personal-devices',
      route: 'personal-devices.register',
      urgency: 'late',
      count: (store, today) => expiredCount(store, today),
    },
    {
      key: 'personal-devices-expiring',
      screen: 'personal-devices',
      route: 'personal-devices.register',
      urgency: 'soon',
      count: (store, today) => expiringCount(store, today),
    },
  ],
});
