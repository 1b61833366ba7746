// Events of the removable media register (3.6.7–3.6.10). Each names its medium (a device of the
// register) and, when it has one, the servant; the device's and the person's histories find it.
import { z } from 'zod';
import { defineEvent } from '../journal/types.ts';
import { INCIDENT_KINDS, MEDIA_RULES, RETURN_CONDITIONS, WIPE_METHODS } from './contract.ts';

export const mediumIssued = defineEvent(
  'media.issued',
  'shared',
  z.object({
    asset_id: z.string(),
    person_id: z.string(),
    person_name: z.string(),
    purpose: z.string(),
    issued_on: z.string(),
    /** The rules the servant acknowledged (all of them, or it was refused). */
    acknowledged: z.array(z.enum(MEDIA_RULES)),
  }),
  (p) => [p.asset_id, p.person_id],
);
/** `holder_after`: who keeps the medium once this issue ends (another issue still open after a merge), or nobody. */
export const mediumReturned = defineEvent(
  'media.returned',
  'shared',
  z.object({
    asset_id: z.string(),
    person_id: z.string(),
    returned_on: z.string(),
    condition: z.enum(RETURN_CONDITIONS),
    location_id: z.string().nullable(),
    note: z.string(),
    holder_after: z.string().nullable(),
  }),
  (p) => [p.asset_id, p.person_id],
);
/** An issue set aside as never having happened: one of two recorded for the same medium on two installations. */
export const issueVoided = defineEvent(
  'media.issue-voided',
  'shared',
  z.object({ asset_id: z.string(), person_id: z.string(), reason: z.string(), holder_after: z.string().nullable() }),
  (p) => [p.asset_id, p.person_id],
);
export const mediumWiped = defineEvent(
  'media.wiped',
  'shared',
  z.object({ asset_id: z.string(), wiped_on: z.string(), method: z.enum(WIPE_METHODS), wiped_by: z.string(), witness: z.string(), note: z.string() }),
  (p) => [p.asset_id],
);
export const mediumStored = defineEvent('media.stored', 'shared', z.object({ asset_id: z.string(), location_id: z.string(), location_name: z.string() }), (p) => [
  p.asset_id,
]);
export const mediumReported = defineEvent(
  'media.reported',
  'shared',
  z.object({
    asset_id: z.string(),
    kind: z.enum(INCIDENT_KINDS),
    reported_on: z.string(),
    note: z.string(),
    holder_id: z.string().nullable(),
    holder_name: z.string(),
  }),
  (p) => [p.asset_id],
);
export const mediumFound = defineEvent('media.found', 'shared', z.object({ asset_id: z.string(), found_on: z.string(), note: z.string() }), (p) => [p.asset_id]);

export const mediaEvents = [mediumIssued, mediumReturned, issueVoided, mediumWiped, mediumStored, mediumReported, mediumFound];
