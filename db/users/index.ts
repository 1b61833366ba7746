// Accounts, signing in and the security settings (3.1: access control). Their events are `local`.
import { defineArea } from '../area.ts';
import { userEvents } from './events.ts';
import { userHistory } from './history.ts';
import { securitySettingsProjection, usersProjection } from './reducer.ts';
import { userRoutes } from './routes.ts';

export const usersArea = defineArea({
  name: 'users', routes: userRoutes, events: userEvents, history: userHistory,
  projections: [securitySettingsProjection, usersProjection],
  screens: [{ id: 'users', route: 'users.list' }],
});
