// Events of handovers (3.6.6). Every event about a handover names its devices (refs), so each device's
// history tells its handovers, and the receipt reaches the device's row (db/assets/reducer.ts).
import { z } from 'zod';
import { defineEvent } from '../journal/types.ts';
import { APPROVER_ROLES, CONDITIONS, HANDOVER_KINDS, RECEIVER_TYPES } from './contract.ts';

export const HANDOVER_SETTINGS_ID = 'handover-settings';

/** One device as it was handed over; the particulars are kept as they were, for the form and the record. */
export const Line = z.object({
  asset_id: z.string(),
  tag: z.string(),
  category: z.string(),
  make: z.string(),
  model: z.string(),
  serial: z.string(),
  condition: z.enum(CONDITIONS),
  accessories: z.string(),
  /**
   * The last receipt of this device the preparing installation knew of (null: none since registration).
   * Two receipts from the same one were made apart, on two installations: a conflict (conflicts.ts).
   */
  after: z.string().nullable(),
});
export type Line = z.output<typeof Line>;
/** A line's fields in one order, so a row written at once and one rebuilt from the stored payload read alike. */
export const LINE_FIELDS = Line.keyof().options;

const refsLines = (p: { lines: readonly { asset_id: string }[] }) => p.lines.map((line) => line.asset_id);
const refsAssets = (p: { asset_ids: readonly string[] }) => [...p.asset_ids];

export const handoverPrepared = defineEvent(
  'handovers.prepared',
  'shared',
  z.object({
    number: z.string(),
    year: z.number().int(),
    seq: z.number().int(),
    kind: z.enum(HANDOVER_KINDS),
    from_type: z.enum(['person', 'store']),
    from_person_id: z.string().nullable(),
    from_name: z.string(),
    to_type: z.enum(RECEIVER_TYPES),
    to_person_id: z.string().nullable(),
    to_name: z.string(),
    to_institution: z.string(),
    to_officer: z.string(),
    reason: z.string(),
    lines: z.array(Line).min(1),
  }),
  refsLines,
);

const Decision = {
  asset_ids: z.array(z.string()),
  approver_name: z.string(),
  approver_role: z.enum(APPROVER_ROLES),
};
export const handoverApproved = defineEvent('handovers.approved', 'shared', z.object({ ...Decision, note: z.string() }), refsAssets);
export const handoverRejected = defineEvent('handovers.rejected', 'shared', z.object({ ...Decision, reason: z.string() }), refsAssets);

/** The receiver's acknowledgement: custody moves with it, to whom the payload says (a fold reads nothing else). */
export const handoverReceived = defineEvent(
  'handovers.received',
  'shared',
  z.object({
    asset_ids: z.array(z.string()),
    received_on: z.string(),
    received_by: z.string(),
    witness: z.string(),
    to_type: z.enum(RECEIVER_TYPES),
    to_person_id: z.string().nullable(),
    to_institution: z.string(),
  }),
  refsAssets,
);
export const handoverCancelled = defineEvent('handovers.cancelled', 'shared', z.object({ asset_ids: z.array(z.string()), reason: z.string() }), refsAssets);
export const handoverScanAttached = defineEvent(
  'handovers.scan-attached',
  'shared',
  z.object({ sha256: z.string(), name: z.string(), mime: z.string(), size: z.number().int() }),
);
export const approverSet = defineEvent('handovers.approver-set', 'shared', z.object({ approver_role: z.enum(APPROVER_ROLES) }));

export const handoverEvents = [handoverPrepared, handoverApproved, handoverRejected, handoverReceived, handoverCancelled, handoverScanAttached, approverSet];
