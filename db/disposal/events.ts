// Events of disposal (3.6.12–3.6.14). Every event about a batch or a proposal names its devices (refs),
// so each device's history tells its way out of the register, and the folds reach the device's row.
import { z } from 'zod';
import { CLASSIFICATIONS } from '../assets/contract.ts';
import { defineEvent } from '../journal/types.ts';
import { CANDIDATE_REASONS, CONDITIONS, DISPOSAL_ROUTES, PROPOSAL_REASONS, SANITISATION_CATEGORIES, SANITISATION_METHODS, VERIFICATION_METHODS } from './contract.ts';

export const DISPOSAL_SETTINGS_ID = 'disposal-settings';

/** One device of a batch, its particulars as they were when it was added: the schedule prints these. */
export const DeviceLine = z.object({
  asset_id: z.string(),
  tag: z.string(),
  category: z.string(),
  make: z.string(),
  model: z.string(),
  serial: z.string(),
  condition: z.enum(CONDITIONS),
  reason: z.enum(CANDIDATE_REASONS),
  route: z.enum(DISPOSAL_ROUTES),
  /** The proposal's words, or the log book's reason for closing it beyond repair. */
  note: z.string(),
});
export type DeviceLine = z.output<typeof DeviceLine>;

/**
 * One storage medium of a batch: a drive inside a device (`medium_id`), or the device itself when it is a
 * flash disk or an external drive (`medium_id` null; `line_id` is then the device's id).
 */
export const MediumLine = z.object({
  line_id: z.string(),
  asset_id: z.string(),
  medium_id: z.string().nullable(),
  kind: z.string(),
  capacity_gb: z.number().int().nullable(),
  serial: z.string(),
});
export type MediumLine = z.output<typeof MediumLine>;

export const Official = z.object({ name: z.string(), title: z.string(), date: z.string() });
export const FileRef = z.object({ sha256: z.string(), name: z.string(), mime: z.string(), size: z.number().int() });

/** NIST SP 800-88's record of one medium; the "to be destroyed by the department" choice leaves the work fields null. */
export const Sanitisation = z.object({
  category: z.enum(SANITISATION_CATEGORIES),
  method: z.enum(SANITISATION_METHODS).nullable(),
  tool: z.string(),
  tool_version: z.string(),
  verification: z.enum(VERIFICATION_METHODS).nullable(),
  performed_by: Official.nullable(),
  verified_by: Official.nullable(),
  confidentiality_before: z.enum(CLASSIFICATIONS),
  confidentiality_after: z.enum(CLASSIFICATIONS).nullable(),
  report: FileRef.nullable(),
  notes: z.string(),
  recorded_by_name: z.string(),
});
export type Sanitisation = z.output<typeof Sanitisation>;

/** What a submission freezes (3.6.12): everything the pack prints, and nothing read later. */
export const Snapshot = z.object({
  number: z.string(),
  institution: z.object({ name: z.string(), code: z.string(), postal_address: z.string() }),
  note: z.string(),
  prepared_by_name: z.string(),
  approval: z.object({ approver_name: z.string(), decided_at: z.string(), note: z.string() }),
  submitted_on: z.string(),
  submitted_at: z.string(),
  submitted_by_name: z.string(),
  letter_ref: z.string(),
  letter: z.object({
    addressee: z.object({ sw: z.string(), en: z.string() }),
    address: z.string(),
    subject: z.object({ sw: z.string(), en: z.string() }),
    body: z.object({ sw: z.string(), en: z.string() }),
    signatory_title: z.string(),
  }),
  /** Category names in both languages, as the register named them at submission. */
  categories: z.record(z.string(), z.object({ sw: z.string(), en: z.string() })),
  devices: z.array(DeviceLine),
  media: z.array(MediumLine.extend({ sanitisation: Sanitisation })),
});
export type Snapshot = z.output<typeof Snapshot>;

const refsAsset = (p: { asset_id: string }) => [p.asset_id];
const refsAssets = (p: { asset_ids: readonly string[] }) => [...p.asset_ids];

export const disposalProposed = defineEvent(
  'disposal.proposed',
  'shared',
  z.object({ asset_id: z.string(), tag: z.string(), reason: z.enum(PROPOSAL_REASONS), route: z.enum(DISPOSAL_ROUTES), note: z.string() }),
  refsAsset,
);
/** `keep_candidate`: the device stays a candidate for another reason (its log book entry closed beyond repair). */
export const proposalWithdrawn = defineEvent(
  'disposal.proposal-withdrawn',
  'shared',
  z.object({ asset_id: z.string(), tag: z.string(), reason: z.string(), keep_candidate: z.boolean() }),
  refsAsset,
);

export const batchCreated = defineEvent('disposal.batch-created', 'shared', z.object({ number: z.string(), year: z.number().int(), seq: z.number().int(), note: z.string() }));
export const deviceAdded = defineEvent('disposal.device-added', 'shared', DeviceLine.extend({ media: z.array(MediumLine) }), refsAsset);
export const deviceRemoved = defineEvent('disposal.device-removed', 'shared', z.object({ asset_id: z.string(), tag: z.string() }), refsAsset);
export const sanitisationRecorded = defineEvent(
  'disposal.sanitisation-recorded',
  'shared',
  Sanitisation.extend({ line_id: z.string(), asset_id: z.string(), tag: z.string(), medium: z.string() }),
  refsAsset,
);
export const sentForApproval = defineEvent('disposal.sent-for-approval', 'shared', z.object({ asset_ids: z.array(z.string()) }), refsAssets);
const Decision = { asset_ids: z.array(z.string()), approver_name: z.string() };
export const batchApproved = defineEvent('disposal.approved', 'shared', z.object({ ...Decision, note: z.string() }), refsAssets);
export const batchRejected = defineEvent('disposal.rejected', 'shared', z.object({ ...Decision, reason: z.string() }), refsAssets);
/** The freeze: the snapshot and its SHA-256 (canonical JSON), re-checked by `daftari verify`. */
export const batchSubmitted = defineEvent(
  'disposal.submitted',
  'shared',
  z.object({ asset_ids: z.array(z.string()), submitted_on: z.string(), letter_ref: z.string(), snapshot: Snapshot, snapshot_sha256: z.string() }),
  refsAssets,
);
export const batchCollected = defineEvent(
  'disposal.collected',
  'shared',
  z.object({ asset_ids: z.array(z.string()), collected_on: z.string(), collected_by: z.string() }),
  refsAssets,
);
/** `plans_ended`: the preventive plans naming these devices, ended by `plans.updated` events of the same command. */
export const batchDisposed = defineEvent(
  'disposal.disposed',
  'shared',
  z.object({ asset_ids: z.array(z.string()), disposed_on: z.string(), certificate_ref: z.string(), method: z.string(), plans_ended: z.array(z.string()) }),
  refsAssets,
);
export const batchReturned = defineEvent(
  'disposal.returned',
  'shared',
  z.object({ asset_ids: z.array(z.string()), returned_on: z.string(), reason: z.string() }),
  refsAssets,
);
export const batchCancelled = defineEvent('disposal.cancelled', 'shared', z.object({ asset_ids: z.array(z.string()), reason: z.string() }), refsAssets);
/** A correction of a frozen batch: it cites the snapshot it corrects, which stays as it was. */
export const batchCorrected = defineEvent('disposal.corrected', 'shared', z.object({ snapshot_sha256: z.string(), note: z.string() }));
export const settingsSet = defineEvent(
  'disposal.settings-set',
  'shared',
  z.object({
    addressee: z.string(),
    address: z.string(),
    subject_sw: z.string(),
    body_sw: z.string(),
    subject_en: z.string(),
    body_en: z.string(),
    signatory_title: z.string(),
  }),
);

export const disposalEvents = [
  disposalProposed,
  proposalWithdrawn,
  batchCreated,
  deviceAdded,
  deviceRemoved,
  sanitisationRecorded,
  sentForApproval,
  batchApproved,
  batchRejected,
  batchSubmitted,
  batchCollected,
  batchDisposed,
  batchReturned,
  batchCancelled,
  batchCorrected,
  settingsSet,
];
