// Accounts, signing in and the security settings (3.1: access control). Their events are `local`.
import { defineArea } from '../area.ts';
import { userEvents } from './events.ts';
import { userHistory } from './history.ts';
import * as accountPerson from './migration.ts';
import { countAccountsOfLeavers } from './queries.ts';
import { securitySettingsProjection, usersProjection } from './reducer.ts';
import { userRoutes } from './routes.ts';
import { recordLinksByName } from './startup.ts';

export const usersArea = defineArea({
  name: 'users', routes: userRoutes, events: userEvents, history: userHistory,
  projections: [securitySettingsProjection, usersProjection],
  screens: [{ id: 'users', route: 'users.list' }],
  migrations: { '0190-account-person': accountPerson },
  startup: recordLinksByName,
  reminders: [
    // 3.1.2: the register marks a person as no longer serving; their account is closed at once, by whoever may close it.
    { key: 'accounts-of-leavers', screen: 'users', route: 'users.deactivate', urgency: 'act', count: (store) => countAccountsOfLeavers(store) },
  ],
});
