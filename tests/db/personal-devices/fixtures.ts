// A servant's laptop as the ICT officer registers it for office work; `fields` override any particular.
import type { RouteInput } from '../../../db/contract/routes.ts';

type Registration = RouteInput<'personal-devices.register'>;

export function laptopOf(ownerId: string, fields: Partial<Registration> = {}): Registration {
  return {
    owner_id: ownerId,
    kind: 'laptop',
    make: 'HP',
    model: 'EliteBook 840',
    serial: '5CG2231XYZ',
    purpose: 'Kuandaa taarifa za fedha akiwa safarini',
    scope: 'Barua pepe ya Serikali na mfumo wa MUSE',
    ...fields,
  };
}
