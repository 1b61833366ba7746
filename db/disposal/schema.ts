// Row types of the disposal tables, and the two columns disposal keeps on a device's row (migration
// 0150), joined to the store's Database type from this folder.
import type { Selectable } from 'kysely';

export interface DisposalProposalTable {
  id: string;
  asset_id: string;
  tag: string;
  /** obsolete | sale | removal */
  reason: string;
  route: string;
  note: string;
  /** open | withdrawn */
  state: string;
  proposed_by: string;
  proposed_by_name: string;
  proposed_at: string;
  withdraw_reason: string;
  created_at: string;
  updated_at: string;
}
export type DisposalProposalRow = Selectable<DisposalProposalTable>;

export interface DisposalBatchTable {
  id: string;
  number: string;
  year: number;
  seq: number;
  /** contract.ts BATCH_STATES */
  state: string;
  note: string;
  /** JSON array of device lines (events.ts `DeviceLine`, with `added_at`). */
  lines: string;
  /** JSON array of storage medium lines (events.ts `MediumLine`, with `sanitisation` or null). */
  media: string;
  prepared_by: string;
  prepared_by_name: string;
  prepared_at: string;
  sent_at: string;
  decided_by: string | null;
  decided_by_name: string;
  decided_at: string;
  decision_note: string;
  submitted_on: string;
  letter_ref: string;
  submitted_by_name: string;
  submitted_at: string;
  /** The frozen snapshot's canonical JSON, and its SHA-256; '' until submitted. */
  snapshot: string;
  snapshot_sha256: string;
  collected_on: string;
  collected_by: string;
  disposed_on: string;
  certificate_ref: string;
  disposal_method: string;
  returned_on: string;
  return_reason: string;
  cancel_reason: string;
  /** JSON array of { note, by, at }: corrections recorded after the freeze. */
  corrections: string;
  created_at: string;
  updated_at: string;
}
export type DisposalBatchRow = Selectable<DisposalBatchTable>;

export interface DisposalSettingsTable {
  id: string;
  addressee: string;
  address: string;
  subject_sw: string;
  body_sw: string;
  subject_en: string;
  body_en: string;
  signatory_title: string;
  updated_at: string;
}
export type DisposalSettingsRow = Selectable<DisposalSettingsTable>;

declare module '../store/schema.ts' {
  interface Database {
    disposal_proposals: DisposalProposalTable;
    disposal_batches: DisposalBatchTable;
    disposal_settings: DisposalSettingsTable;
  }
  interface AssetTable {
    /** The disposal batch holding the device (3.6.12), from its addition until removed, returned or cancelled. */
    disposal_batch_id: string | null;
    /** Every batch holding it, oldest first, as a JSON array (two only after a merge); null when none. */
    disposal_batches: string | null;
    /** The day the department disposed of it: the device has left the register for good. */
    disposed_on: string | null;
  }
}
