// How the personal-devices register reads in a history (3.6.5).
import { sentence } from '../area.ts';
import { formatDay } from '../contract/days.ts';
import { describePersonalDevice } from './contract.ts';
import * as events from './events.ts';

export const personalDevicesHistory = [
  sentence(events.personalDeviceRegistered, (p, { actor, t }) =>
    t('history.personal-devices.registered', { actor, device: describePersonalDevice(p), owner: p.owner_name, purpose: p.purpose, scope: p.scope }),
  ),
  sentence(events.personalDeviceApproved, (p, { actor, t }) => t('history.personal-devices.approved', { actor, date: formatDay(p.expires_on) })),
  sentence(events.personalDeviceRejected, (p, { actor, t }) => t('history.personal-devices.rejected', { actor, reason: p.reason })),
  sentence(events.personalDeviceRevoked, (p, { actor, t }) => t('history.personal-devices.revoked', { actor, reason: p.reason })),
  sentence(events.personalDeviceRenewed, (p, { actor, t }) =>
    t('history.personal-devices.renewed', { actor, date: formatDay(p.expires_on), previous: formatDay(p.previous_expires_on) }),
  ),
];
