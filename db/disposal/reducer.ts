// Folds of disposal proposals, batches and the cover letter's settings. Pure: no clock, never refuses.
// After a merge an event may meet a row in any state: each fold keeps what is true, and a frozen batch
// (submitted and after) takes no change to its contents from anywhere. JSON columns are written as
// canonical JSON: a row folded from a command and one rebuilt from the stored payload read alike.
import { onExisting, onOwn, pick, stamps } from '../journal/fold.ts';
import { hlcInstant } from '../journal/hlc.ts';
import { ACTOR_NAME, defineProjection, on, type FoldEvent } from '../journal/types.ts';
import {
  batchApproved,
  batchCancelled,
  batchCollected,
  batchCorrected,
  batchCreated,
  batchDisposed,
  batchRejected,
  batchReturned,
  batchSubmitted,
  deviceAdded,
  deviceRemoved,
  DISPOSAL_SETTINGS_ID,
  disposalProposed,
  proposalWithdrawn,
  sanitisationRecorded,
  sentForApproval,
  settingsSet,
  DeviceLine,
  MediumLine,
  type Sanitisation,
} from './events.ts';
import { canonicalJson } from '../journal/hash.ts';
import { isFrozen } from './contract.ts';
import type { DisposalBatchRow, DisposalProposalRow, DisposalSettingsRow } from './schema.ts';

const actorName = (event: FoldEvent) => String(event.payload[ACTOR_NAME] ?? event.actor);

export const proposalsProjection = defineProjection<DisposalProposalRow>({
  table: 'disposal_proposals',
  columns: ['id', 'asset_id', 'tag', 'reason', 'route', 'note', 'state', 'proposed_by', 'proposed_by_name', 'proposed_at', 'withdraw_reason', 'created_at', 'updated_at'],
  on: [
    onOwn(disposalProposed, (row: DisposalProposalRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...pick(p, ['asset_id', 'tag', 'reason', 'route', 'note']),
      proposed_by: event.actor,
      proposed_by_name: actorName(event),
      proposed_at: hlcInstant(event.hlc),
      // A withdrawal folded first (after a merge) stands.
      state: row?.state ?? 'open',
      withdraw_reason: row?.withdraw_reason ?? '',
    })),
    onExisting(proposalWithdrawn, (row: DisposalProposalRow, p, at) => ({ ...row, state: 'withdrawn', withdraw_reason: p.reason, updated_at: at })),
  ],
});

/** A device line as the batch row keeps it: with the instant it was added (conflicts read it). */
export type BatchDevice = DeviceLine & { added_at: string };
/** A medium line as the batch row keeps it: with its sanitisation once recorded. */
export type BatchMedium = MediumLine & { sanitisation: Sanitisation | null };

const DEVICE_FIELDS = DeviceLine.keyof().options;
const MEDIUM_FIELDS = MediumLine.keyof().options;

const devicesOf = (row: DisposalBatchRow) => JSON.parse(row.lines) as BatchDevice[];
const mediaOf = (row: DisposalBatchRow) => JSON.parse(row.media) as BatchMedium[];

/** What follows the batch's creation, kept when a merge folds the creation after it. */
const UNDECIDED = {
  state: 'draft',
  lines: '[]',
  media: '[]',
  sent_at: '',
  decided_by: null,
  decided_by_name: '',
  decided_at: '',
  decision_note: '',
  submitted_on: '',
  letter_ref: '',
  submitted_by_name: '',
  submitted_at: '',
  snapshot: '',
  snapshot_sha256: '',
  collected_on: '',
  collected_by: '',
  disposed_on: '',
  certificate_ref: '',
  disposal_method: '',
  returned_on: '',
  return_reason: '',
  cancel_reason: '',
  corrections: '[]',
} as const;
const AFTER_CREATION = Object.keys(UNDECIDED) as (keyof typeof UNDECIDED)[];

/** A change to the batch's contents; a frozen batch keeps its own. */
function editable(change: (row: DisposalBatchRow, at: string) => DisposalBatchRow) {
  return (row: DisposalBatchRow, at: string) => (isFrozen(row.state) || row.state === 'cancelled' ? row : change(row, at));
}

export const batchesProjection = defineProjection<DisposalBatchRow>({
  table: 'disposal_batches',
  columns: [
    'id', 'number', 'year', 'seq', 'state', 'note', 'lines', 'media', 'prepared_by', 'prepared_by_name', 'prepared_at', 'sent_at', 'decided_by',
    'decided_by_name', 'decided_at', 'decision_note', 'submitted_on', 'letter_ref', 'submitted_by_name', 'submitted_at', 'snapshot', 'snapshot_sha256',
    'collected_on', 'collected_by', 'disposed_on', 'certificate_ref', 'disposal_method', 'returned_on', 'return_reason', 'cancel_reason', 'corrections',
    'created_at', 'updated_at',
  ],
  on: [
    onOwn(batchCreated, (row: DisposalBatchRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...pick(p, ['number', 'year', 'seq', 'note']),
      prepared_by: event.actor,
      prepared_by_name: actorName(event),
      prepared_at: hlcInstant(event.hlc),
      ...(row ? pick(row, AFTER_CREATION) : UNDECIDED),
    })),
    onExisting(deviceAdded, (row: DisposalBatchRow, p, at) =>
      editable((r) => {
        // The line's fields one by one: the payload also carries the actor's name, and a peer's build may add more.
        const line = pick(p, DEVICE_FIELDS);
        const media = p.media.map((m) => pick(m, MEDIUM_FIELDS));
        const devices = devicesOf(r).filter((d) => d.asset_id !== p.asset_id);
        const kept = mediaOf(r).filter((m) => m.asset_id !== p.asset_id);
        return {
          ...r,
          lines: canonicalJson([...devices, { ...line, added_at: at }]),
          media: canonicalJson([...kept, ...media.map((m) => ({ ...m, sanitisation: null }))]),
          updated_at: at,
        };
      })(row, at),
    ),
    onExisting(deviceRemoved, (row: DisposalBatchRow, p, at) =>
      editable((r) => ({
        ...r,
        lines: canonicalJson(devicesOf(r).filter((d) => d.asset_id !== p.asset_id)),
        media: canonicalJson(mediaOf(r).filter((m) => m.asset_id !== p.asset_id)),
        updated_at: at,
      }))(row, at),
    ),
    onExisting(sanitisationRecorded, (row: DisposalBatchRow, p, at) =>
      editable((r) => {
        const { line_id, asset_id: _asset, tag: _tag, medium: _medium, ...record } = p;
        // The fields of the record one by one: a peer's build adds none of its own.
        const sanitisation: Sanitisation = pick(record, [
          'category', 'method', 'tool', 'tool_version', 'verification', 'performed_by', 'verified_by', 'confidentiality_before', 'confidentiality_after',
          'report', 'notes', 'recorded_by_name',
        ]);
        return { ...r, media: canonicalJson(mediaOf(r).map((m) => (m.line_id === line_id ? { ...m, sanitisation } : m))), updated_at: at };
      })(row, at),
    ),
    onExisting(sentForApproval, (row: DisposalBatchRow, _p, at) =>
      row.state === 'draft' ? { ...row, state: 'awaiting_approval', sent_at: at, decided_by: null, decided_by_name: '', decided_at: '', decision_note: '', updated_at: at } : row,
    ),
    onExisting(batchApproved, (row: DisposalBatchRow, p, at, event) =>
      row.state === 'awaiting_approval'
        ? { ...row, state: 'approved', decided_by: event.actor, decided_by_name: p.approver_name, decided_at: at, decision_note: p.note, updated_at: at }
        : row,
    ),
    // Rejected: back to the records officer, with the reason, to put right and send again.
    onExisting(batchRejected, (row: DisposalBatchRow, p, at, event) =>
      row.state === 'awaiting_approval'
        ? { ...row, state: 'draft', decided_by: event.actor, decided_by_name: p.approver_name, decided_at: at, decision_note: p.reason, updated_at: at }
        : row,
    ),
    // The freeze stands whatever else was recorded elsewhere meanwhile: the department has the letter.
    onExisting(batchSubmitted, (row: DisposalBatchRow, p, at, event) =>
      row.snapshot_sha256
        ? row
        : {
            ...row,
            state: isFrozen(row.state) ? row.state : 'submitted',
            submitted_on: p.submitted_on,
            letter_ref: p.letter_ref,
            submitted_by_name: actorName(event),
            submitted_at: at,
            snapshot: canonicalJson(p.snapshot),
            snapshot_sha256: p.snapshot_sha256,
            updated_at: at,
          },
    ),
    onExisting(batchCollected, (row: DisposalBatchRow, p, at) => ({
      ...row,
      state: row.state === 'submitted' ? 'collected' : row.state,
      ...pick(p, ['collected_on', 'collected_by']),
      updated_at: at,
    })),
    onExisting(batchDisposed, (row: DisposalBatchRow, p, at) => ({
      ...row,
      state: 'disposed',
      disposed_on: p.disposed_on,
      certificate_ref: p.certificate_ref,
      disposal_method: p.method,
      updated_at: at,
    })),
    onExisting(batchReturned, (row: DisposalBatchRow, p, at) => ({
      ...row,
      state: row.state === 'disposed' ? 'disposed' : 'returned',
      returned_on: p.returned_on,
      return_reason: p.reason,
      updated_at: at,
    })),
    onExisting(batchCancelled, (row: DisposalBatchRow, p, at) => ({
      ...row,
      state: isFrozen(row.state) ? row.state : 'cancelled',
      cancel_reason: p.reason,
      updated_at: at,
    })),
    onExisting(batchCorrected, (row: DisposalBatchRow, p, at, event) => ({
      ...row,
      corrections: canonicalJson([...(JSON.parse(row.corrections) as unknown[]), { note: p.note, by: actorName(event), at, snapshot_sha256: p.snapshot_sha256 }]),
      updated_at: at,
    })),
  ],
});

export const reduceBatch = batchesProjection.reduce;

export const disposalSettingsProjection = defineProjection<DisposalSettingsRow>({
  table: 'disposal_settings',
  columns: ['id', 'addressee', 'address', 'subject_sw', 'body_sw', 'subject_en', 'body_en', 'signatory_title', 'updated_at'],
  on: [
    on(settingsSet, (_row, p, event) => ({
      id: DISPOSAL_SETTINGS_ID,
      ...pick(p, ['addressee', 'address', 'subject_sw', 'body_sw', 'subject_en', 'body_en', 'signatory_title']),
      updated_at: hlcInstant(event.hlc),
    })),
  ],
});
