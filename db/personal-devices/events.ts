// Events of the personal-devices register (3.6.5). The owner is a person of the people register; each
// event names them, so the person's history finds it too (journal_refs).
import { z } from 'zod';
import { defineEvent } from '../journal/types.ts';
import { PERSONAL_DEVICE_KINDS } from './contract.ts';

export const personalDeviceRegistered = defineEvent(
  'personal-devices.registered',
  'shared',
  z.object({
    owner_id: z.string(),
    owner_name: z.string(),
    kind: z.enum(PERSONAL_DEVICE_KINDS),
    make: z.string(),
    model: z.string(),
    serial: z.string(),
    purpose: z.string(),
    scope: z.string(),
    notes: z.string(),
  }),
  (p) => [p.owner_id],
);
export const personalDeviceApproved = defineEvent('personal-devices.approved', 'shared', z.object({ expires_on: z.string() }));
export const personalDeviceRejected = defineEvent('personal-devices.rejected', 'shared', z.object({ reason: z.string() }));
export const personalDeviceRevoked = defineEvent('personal-devices.revoked', 'shared', z.object({ reason: z.string() }));
export const personalDeviceRenewed = defineEvent('personal-devices.renewed', 'shared', z.object({ expires_on: z.string(), previous_expires_on: z.string() }));

export const personalDeviceEvents = [personalDeviceRegistered, personalDeviceApproved, personalDeviceRejected, personalDeviceRevoked, personalDeviceRenewed];
