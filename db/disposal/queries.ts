// Reading disposal: the candidates, the proposals, the batches with their lines, and the cover
// letter's settings with the catalogue's defaults.
import type { z } from 'zod';
import { translator, type Language } from '../contract/catalogues/index.ts';
import { openHandoverOf } from '../handovers/queries.ts';
import { statement, type Store } from '../store/open.ts';
import type { AssetRow } from '../store/schema.ts';
import { HOLDING_STATES, type BatchListInput, type CandidateReason } from './contract.ts';
import { batchSubmitted, DISPOSAL_SETTINGS_ID, type Snapshot } from './events.ts';
import type { BatchDevice, BatchMedium } from './reducer.ts';
import type { DisposalBatchRow, DisposalProposalRow, DisposalSettingsRow } from './schema.ts';

const HOLDING = HOLDING_STATES.map((state) => `'${state}'`).join(', ');

export function findBatchRow(store: Store, id: string): DisposalBatchRow | undefined {
  return statement(store, 'SELECT * FROM disposal_batches WHERE id = ?').get(id) as DisposalBatchRow | undefined;
}

export interface BatchView extends Omit<DisposalBatchRow, 'lines' | 'media' | 'snapshot' | 'corrections'> {
  devices: BatchDevice[];
  media: BatchMedium[];
  /** Media still without a sanitisation record or the "to be destroyed by the department" choice. */
  unsanitised: number;
  snapshot: Snapshot | null;
  corrections: { note: string; by: string; at: string; snapshot_sha256: string }[];
}

export function toBatchView(row: DisposalBatchRow): BatchView {
  const media = JSON.parse(row.media) as BatchMedium[];
  return {
    ...row,
    devices: JSON.parse(row.lines) as BatchDevice[],
    media,
    unsanitised: media.filter((m) => m.sanitisation === null).length,
    snapshot: row.snapshot ? (JSON.parse(row.snapshot) as Snapshot) : null,
    corrections: JSON.parse(row.corrections) as BatchView['corrections'],
  };
}

export function findBatch(store: Store, id: string): BatchView | undefined {
  const row = findBatchRow(store, id);
  return row ? toBatchView(row) : undefined;
}

export function listBatches(store: Store, input: z.output<typeof BatchListInput>): BatchView[] {
  const where = input.state === 'all' ? '' : input.state === 'open' ? `WHERE state IN (${HOLDING})` : 'WHERE state = ?';
  const params = input.state === 'all' || input.state === 'open' ? [] : [input.state];
  const rows = statement(store, `SELECT * FROM disposal_batches ${where} ORDER BY year DESC, seq DESC, id`).all(...params) as DisposalBatchRow[];
  return rows.map(toBatchView);
}

/** The batch holding a device, other than `self`: one not cancelled, returned or disposed. */
export function holdingBatchOf(store: Store, assetId: string, self: string | null = null): DisposalBatchRow | undefined {
  return statement(
    store,
    `SELECT b.* FROM disposal_batches b, json_each(b.lines) j
      WHERE b.state IN (${HOLDING}) AND json_extract(j.value, '$.asset_id') = ? AND b.id IS NOT ? ORDER BY b.id LIMIT 1`,
  ).get(assetId, self) as DisposalBatchRow | undefined;
}

export function nextSeq(store: Store, year: number): number {
  const row = statement(store, 'SELECT max(seq) AS seq FROM disposal_batches WHERE year = ?').get(year) as { seq: number | null };
  return (row.seq ?? 0) + 1;
}

export function findProposal(store: Store, id: string): DisposalProposalRow | undefined {
  return statement(store, 'SELECT * FROM disposal_proposals WHERE id = ?').get(id) as DisposalProposalRow | undefined;
}

export function openProposalOf(store: Store, assetId: string): DisposalProposalRow | undefined {
  return statement(store, "SELECT * FROM disposal_proposals WHERE asset_id = ? AND state = 'open' ORDER BY created_at DESC, id LIMIT 1").get(assetId) as
    | DisposalProposalRow
    | undefined;
}

/** The reason the log book gave for closing a device's repair as beyond repair, if it ever was. */
export function beyondRepairOf(store: Store, assetId: string): { closed_on: string; note: string } | undefined {
  return statement(
    store,
    `SELECT closed_on, CASE WHEN diagnosis != '' THEN diagnosis ELSE actions END AS note FROM maintenance_entries
      WHERE asset_id = ? AND outcome = 'beyond_repair' ORDER BY closed_on DESC, id LIMIT 1`,
  ).get(assetId) as { closed_on: string; note: string } | undefined;
}

export interface Candidate {
  id: string;
  tag: string;
  category: string;
  make: string;
  model: string;
  serial: string;
  status: string;
  reason: CandidateReason;
  route: string;
  note: string;
  proposal_id: string | null;
  proposed_by_name: string;
  batch_id: string | null;
  batch_number: string | null;
  /** The handover not yet received or cancelled that holds the device: no batch may take it meanwhile. */
  handover_id: string | null;
  handover_number: string | null;
}

/**
 * 3.6.12–3.6.13: the devices waiting to go: closed as beyond repair, or proposed as obsolete or for sale
 * or removal, not yet disposed of or handed to another institution; `batch_number` when a batch holds
 * them, `handover_number` when a handover not yet received or cancelled does.
 */
export function listCandidates(store: Store): Candidate[] {
  const rows = statement(
    store,
    `SELECT a.id, a.tag, a.category, a.make, a.model, a.serial, a.status, a.disposal_batch_id AS batch_id, b.number AS batch_number,
        p.id AS proposal_id, p.reason AS proposal_reason, p.route AS proposal_route, p.note AS proposal_note, p.proposed_by_name
      FROM assets a
      LEFT JOIN disposal_batches b ON b.id = a.disposal_batch_id
      LEFT JOIN disposal_proposals p ON p.id = (SELECT id FROM disposal_proposals WHERE asset_id = a.id AND state = 'open' ORDER BY created_at DESC, id LIMIT 1)
      WHERE a.disposal_candidate = 1 AND a.disposed_on IS NULL AND a.transferred_to IS NULL
      ORDER BY a.tag COLLATE NOCASE, a.id`,
  ).all() as (Omit<Candidate, 'reason' | 'route' | 'note' | 'proposed_by_name' | 'handover_id' | 'handover_number'> & {
    proposal_reason: CandidateReason | null;
    proposal_route: string | null;
    proposal_note: string | null;
    proposed_by_name: string | null;
  })[];
  return rows.map(({ proposal_reason, proposal_route, proposal_note, proposed_by_name, ...row }) => {
    const handover = openHandoverOf(store, row.id);
    return {
      ...row,
      reason: proposal_reason ?? 'beyond_repair',
      route: proposal_route ?? 'destruction',
      note: proposal_note ?? beyondRepairOf(store, row.id)?.note ?? '',
      proposed_by_name: proposed_by_name ?? '',
      handover_id: handover?.id ?? null,
      handover_number: handover?.number ?? null,
    };
  });
}

/** Candidates no batch holds yet: what the records officer still has to deal with. */
export function unbatchedCandidates(store: Store): number {
  return (
    statement(store, 'SELECT count(*) AS n FROM assets WHERE disposal_candidate = 1 AND disposed_on IS NULL AND transferred_to IS NULL AND disposal_batch_id IS NULL').get() as {
      n: number;
    }
  ).n;
}

/** Batches waiting for an Accounting Officer's decision that this user did not prepare. */
export function awaitingDecision(store: Store, userId: string): number {
  return (statement(store, "SELECT count(*) AS n FROM disposal_batches WHERE state = 'awaiting_approval' AND prepared_by != ?").get(userId) as { n: number }).n;
}

export function listProposals(store: Store, assetId: string | null): DisposalProposalRow[] {
  return (
    assetId
      ? statement(store, 'SELECT * FROM disposal_proposals WHERE asset_id = ? ORDER BY created_at DESC, id').all(assetId)
      : statement(store, "SELECT * FROM disposal_proposals WHERE state = 'open' ORDER BY created_at DESC, id").all()
  ) as DisposalProposalRow[];
}

/** What the cover letter's subject and body may name: filled from the frozen batch. */
export const LETTER_PLACEHOLDERS = ['number', 'institution', 'devices', 'media'] as const;

export interface LetterSettings {
  addressee: Record<Language, string>;
  address: string;
  subject: Record<Language, string>;
  body: Record<Language, string>;
  signatory_title: string;
}

/** The cover letter's words: the institution's own where it set them, else the catalogue's defaults. */
export function letterSettings(store: Store, institution: { accounting_officer_title: string }): LetterSettings {
  const row = statement(store, 'SELECT * FROM disposal_settings WHERE id = ?').get(DISPOSAL_SETTINGS_ID) as DisposalSettingsRow | undefined;
  // The defaults keep their placeholders: the letter fills them from the frozen batch when it is drawn.
  const kept = Object.fromEntries(LETTER_PLACEHOLDERS.map((name) => [name, `{{${name}}}`]));
  const sw = (key: string) => translator('sw')(key, kept);
  const en = (key: string) => translator('en')(key, kept);
  return {
    addressee: { sw: row?.addressee || sw('disposal_ui.letter.default-addressee'), en: row?.addressee || en('disposal_ui.letter.default-addressee') },
    address: row?.address || sw('disposal_ui.letter.default-address'),
    subject: { sw: row?.subject_sw || sw('disposal_ui.letter.default-subject'), en: row?.subject_en || en('disposal_ui.letter.default-subject') },
    body: { sw: row?.body_sw || sw('disposal_ui.letter.default-body'), en: row?.body_en || en('disposal_ui.letter.default-body') },
    signatory_title: row?.signatory_title || institution.accounting_officer_title || sw('roles.accounting_officer'),
  };
}

/** The settings as stored, blank where the defaults apply: what the settings form edits. */
export function storedSettings(store: Store): Omit<DisposalSettingsRow, 'id' | 'updated_at'> {
  const row = statement(store, 'SELECT * FROM disposal_settings WHERE id = ?').get(DISPOSAL_SETTINGS_ID) as DisposalSettingsRow | undefined;
  return {
    addressee: row?.addressee ?? '',
    address: row?.address ?? '',
    subject_sw: row?.subject_sw ?? '',
    body_sw: row?.body_sw ?? '',
    subject_en: row?.subject_en ?? '',
    body_en: row?.body_en ?? '',
    signatory_title: row?.signatory_title ?? '',
  };
}

/** Why a device cannot go into a batch, as a refusal code with its parameters; null when it can. */
export function blockOf(store: Store, asset: AssetRow, self: string | null): { code: string; params: Record<string, string> } | null {
  const tag = asset.tag;
  if (asset.disposed_on) return { code: 'disposal-device-disposed', params: { tag } };
  if (asset.transferred_to) return { code: 'disposal-device-transferred', params: { tag, institution: asset.transferred_to } };
  if (asset.lost_report_id) return { code: 'disposal-device-lost', params: { tag } };
  const other = holdingBatchOf(store, asset.id, self);
  if (other) return { code: 'disposal-device-in-batch', params: { tag, number: other.number } };
  // 3.6.6: a handover not yet received or cancelled promises the device to its receiver; it ends first.
  const handover = openHandoverOf(store, asset.id);
  if (handover) return { code: 'disposal-device-on-handover', params: { tag, number: handover.number } };
  if (asset.off_premises_id) return { code: 'disposal-device-off-premises', params: { tag } };
  if (asset.repair_state === 'off_site') return { code: 'disposal-device-away-for-repair', params: { tag } };
  if (asset.repair_state === 'in_house') return { code: 'disposal-device-under-repair', params: { tag } };
  return null;
}

/**
 * The event that froze the batch as its snapshot now stands (a batch returned and submitted again has
 * more than one): the head its printed pack witnesses, so the pack is the same bytes whenever printed.
 */
export function submissionHead(store: Store, batchId: string, sha256: string): { seq: number; hash: string } | undefined {
  const rows = statement(store, 'SELECT seq, hash, payload FROM journal WHERE entity = ? AND type = ? ORDER BY seq DESC').all(batchId, batchSubmitted.type) as {
    seq: number;
    hash: string;
    payload: string;
  }[];
  const row = rows.find((r) => (JSON.parse(r.payload) as { snapshot_sha256?: unknown }).snapshot_sha256 === sha256);
  return row ? { seq: row.seq, hash: row.hash } : undefined;
}
