// Events of off-premises requests (3.6.11). Every event names the request's devices, so each device's
// history finds it (journal_refs) and the register folds check-out and check-in into its row.
import { z } from 'zod';
import { DECISIONS } from '../core/approvals.ts';
import { defineEvent } from '../journal/types.ts';
import { RETURN_CONDITIONS } from './contract.ts';

/** Every event names the permit and its devices, so a device's history reads which permit it was. */
const onDevices = <S extends z.ZodRawShape>(shape: S) => z.object({ permit_no: z.string(), asset_ids: z.array(z.string()), ...shape });
const refsDevices = (p: { asset_ids: string[] }) => p.asset_ids;

/** A device as it stood when the request was prepared: what the permit prints. */
export const MovementDevice = z.object({
  asset_id: z.string(),
  tag: z.string(),
  serial: z.string(),
  category: z.string(),
  make: z.string(),
  model: z.string(),
  classification: z.string(),
});
export type MovementDevice = z.output<typeof MovementDevice>;

export const movementRequested = defineEvent(
  'movements.requested',
  'shared',
  onDevices({
    permit_year: z.number().int(),
    permit_seq: z.number().int(),
    holder_id: z.string(),
    holder_name: z.string(),
    holder_title: z.string(),
    holder_check_number: z.string(),
    devices: z.array(MovementDevice),
    purpose: z.string(),
    destination: z.string(),
    date_out: z.string(),
    due_on: z.string(),
    data_held: z.string(),
    classification: z.string(),
  }),
  refsDevices,
);
export const movementDecided = defineEvent(
  'movements.decided',
  'shared',
  onDevices({
    decision: z.enum(DECISIONS),
    reason: z.string(),
    /** 3.2.3: why a secret or top-secret device may leave; '' otherwise. */
    justification: z.string(),
    /** Approved only: the code printed on the permit, derived from this installation's signing key. */
    verification_code: z.string(),
  }),
  refsDevices,
);
export const movementCheckedOut = defineEvent('movements.checked-out', 'shared', onDevices({ out_on: z.string() }), refsDevices);
export const movementCheckedIn = defineEvent(
  'movements.checked-in',
  'shared',
  onDevices({ returned_on: z.string(), condition: z.enum(RETURN_CONDITIONS), notes: z.string() }),
  refsDevices,
);
export const movementRevoked = defineEvent('movements.revoked', 'shared', onDevices({ reason: z.string() }), refsDevices);

export const movementsEvents = [movementRequested, movementDecided, movementCheckedOut, movementCheckedIn, movementRevoked];
