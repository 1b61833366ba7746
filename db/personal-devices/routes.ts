// The personal-devices routes (3.6.5); merged into the one table in db/contract/routes.ts.
import { CUSTODY_CLERKS, CUSTODY_READERS, HEADS } from '../contract/roles.ts';
import { route } from '../contract/route.ts';
import { EmptyInput } from '../contract/inputs.ts';
import { signedIn } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { today } from '../assets/typed-dates.ts';
import {
  DecidePersonalDeviceInput,
  PersonalDeviceIdInput,
  PersonalDeviceListInput,
  RegisterPersonalDeviceInput,
  RenewPersonalDeviceInput,
  RevokePersonalDeviceInput,
} from './contract.ts';
import { decidePersonalDevice, registerPersonalDevice, renewPersonalDevice, revokePersonalDevice } from './commands.ts';
import { findPersonalDevice, listPersonalDevices, personalDevicesInbox } from './queries.ts';

export const personalDevicesRoutes = {
  'personal-devices.list': route({ access: CUSTODY_READERS, input: PersonalDeviceListInput, handler: (ctx, input) => listPersonalDevices(ctx.store, input, today(ctx)) }),
  'personal-devices.get': route({
    access: CUSTODY_READERS,
    input: PersonalDeviceIdInput,
    handler: (ctx, input) => findPersonalDevice(ctx.store, input.device_id, today(ctx)) ?? refuse('personal-device-not-found'),
  }),
  'personal-devices.inbox': route({ access: 'signed-in', input: EmptyInput, handler: (ctx) => personalDevicesInbox(ctx.store, signedIn(ctx), today(ctx)) }),
  'personal-devices.register': route({ access: CUSTODY_CLERKS, input: RegisterPersonalDeviceInput, handler: (ctx, input) => registerPersonalDevice(ctx, input) }),
  'personal-devices.decide': route({ access: HEADS, input: DecidePersonalDeviceInput, handler: (ctx, input) => decidePersonalDevice(ctx, input) }),
  'personal-devices.revoke': route({ access: HEADS, input: RevokePersonalDeviceInput, handler: (ctx, input) => revokePersonalDevice(ctx, input) }),
  'personal-devices.renew': route({ access: HEADS, input: RenewPersonalDeviceInput, handler: (ctx, input) => renewPersonalDevice(ctx, input) }),
};
