// Disposal commands (3.6.12–3.6.14): propose a device and withdraw a proposal, build a batch from the
// candidates with a line per storage medium, record each medium's sanitisation, the Accounting
// Officer's decision, the submission that freezes the batch, and what the department did with it. Each
// checks its rules against the current state, then records events.
import type { z } from 'zod';
import { describeMedium, isStorageMedium } from '../assets/contract.ts';
import { categoryNamer, findAssetRow, mediaOf } from '../assets/queries.ts';
import { refuseBefore, refuseFutureDate, today } from '../assets/typed-dates.ts';
import { translator } from '../contract/catalogues/index.ts';
import { workingDay } from '../contract/days.ts';
import { refuseOwnRequest } from '../core/approvals.ts';
import { written } from '../core/assert.ts';
import { actorOf, command, signedIn, type CallContext } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { getInstitution } from '../institution/queries.ts';
import { canonicalJson, sha256Hex } from '../journal/hash.ts';
import { emit, type NewEvent } from '../journal/types.ts';
import { storeFile } from '../maintenance/commands.ts';
import { planUpdated } from '../maintenance/events.ts';
import { statement } from '../store/open.ts';
import type { AssetRow, MaintenancePlanRow } from '../store/schema.ts';
import {
  batchNumber,
  isFrozen,
  methodsFor,
  routeAllowed,
  ROUTES_CLOSED_TO_MEDIA,
  TO_BE_DESTROYED,
  type AddLinesInput,
  type BatchIdInput,
  type CancelInput,
  type CollectedInput,
  type CorrectionInput,
  type CreateBatchInput,
  type DecideInput,
  type DisposedInput,
  type LineInput,
  type ProposeInput,
  type RemoveLineInput,
  type ReturnedInput,
  type SanitisationInput,
  type SettingsInput,
  type SubmitInput,
  type WithdrawInput,
} from './contract.ts';
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
  type MediumLine,
  type Sanitisation,
  type Snapshot,
} from './events.ts';
import { beyondRepairOf, blockOf, findBatch, findBatchRow, findProposal, holdingBatchOf, letterSettings, nextSeq, openProposalOf, toBatchView, type BatchView } from './queries.ts';
import type { BatchMedium } from './reducer.ts';
import type { DisposalBatchRow, DisposalProposalRow } from './schema.ts';

function done(ctx: CallContext, id: string): BatchView {
  return written(findBatch(ctx.store, id), 'disposal batch');
}

function device(ctx: CallContext, assetId: string): AssetRow {
  return findAssetRow(ctx.store, assetId) ?? refuse('asset-not-found', undefined, { asset_id: 'errors.asset-not-found' });
}

/** Refuses a device that has left the register or may not be dealt with now, naming it and why. */
function refuseBlocked(ctx: CallContext, asset: AssetRow, self: string | null): void {
  const block = blockOf(ctx.store, asset, self);
  if (block) refuse(block.code, block.params);
}

/** 3.6.14: a storage or transfer medium never leaves by sale or gift. */
function refuseClosedRoute(asset: AssetRow, route: z.output<typeof ProposeInput>['route']): void {
  if (!routeAllowed(asset.category, route)) refuse('disposal-medium-not-for-sale', { tag: asset.tag }, { route: 'errors.disposal-medium-not-for-sale' });
}

// ---- proposals ---------------------------------------------------------------------------------------

/** 3.6.12–3.6.13: any ICT officer proposes a device as obsolete, or for sale or removal, saying why. */
export function propose(ctx: CallContext, input: z.output<typeof ProposeInput>): DisposalProposalRow {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    const asset = device(ctx, input.asset_id);
    // A proposal is an intention: a device out of the office or at repair may be proposed, and waits
    // to go into a batch until it is back. One that has left the register, or is in a batch, may not.
    const block = blockOf(ctx.store, asset, null);
    if (block && ['disposal-device-disposed', 'disposal-device-transferred', 'disposal-device-lost', 'disposal-device-in-batch'].includes(block.code)) refuse(block.code, block.params);
    const open = openProposalOf(ctx.store, asset.id);
    if (open) refuse('disposal-already-proposed', { tag: asset.tag, name: open.proposed_by_name });
    refuseClosedRoute(asset, input.route);
    return { events: [emit(disposalProposed, id, { asset_id: asset.id, tag: asset.tag, reason: input.reason, route: input.route, note: input.note })], result: null };
  });
  return written(findProposal(ctx.store, id), 'disposal proposal');
}

export function withdraw(ctx: CallContext, input: z.output<typeof WithdrawInput>): DisposalProposalRow {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const proposal = findProposal(ctx.store, input.proposal_id) ?? refuse('disposal-proposal-not-found');
    if (proposal.state !== 'open') refuse('disposal-proposal-not-open', { tag: proposal.tag });
    const batch = holdingBatchOf(ctx.store, proposal.asset_id);
    if (batch) refuse('disposal-device-in-batch', { tag: proposal.tag, number: batch.number });
    const keep = beyondRepairOf(ctx.store, proposal.asset_id) !== undefined;
    return {
      events: [emit(proposalWithdrawn, proposal.id, { asset_id: proposal.asset_id, tag: proposal.tag, reason: input.reason, keep_candidate: keep })],
      result: null,
    };
  });
  return written(findProposal(ctx.store, input.proposal_id), 'disposal proposal');
}

// ---- building a batch ------------------------------------------------------------------------------

/** Every storage medium of a device, each its own line: the drives it holds or held, and itself when it is one. */
export function mediumLines(ctx: CallContext, asset: AssetRow): MediumLine[] {
  const lines: MediumLine[] = mediaOf(ctx.store, asset.id).map((m) => ({
    line_id: m.id,
    asset_id: asset.id,
    medium_id: m.id,
    kind: m.kind,
    capacity_gb: m.capacity_gb,
    serial: m.serial,
  }));
  if (isStorageMedium(asset.category)) lines.unshift({ line_id: asset.id, asset_id: asset.id, medium_id: null, kind: asset.category, capacity_gb: null, serial: asset.serial });
  return lines;
}

/**
 * One device for a batch, checked: a candidate, not listed twice, not held by another batch nor promised
 * on an open handover, in the office and out of repair, with its storage media known; then its route
 * (3.6.14) and its media lines.
 */
function deviceLine(ctx: CallContext, line: z.output<typeof LineInput>, listed: readonly string[], self: string | null): z.input<typeof deviceAdded.payload> {
  const asset = device(ctx, line.asset_id);
  if (listed.includes(asset.id)) refuse('disposal-device-listed', { tag: asset.tag });
  refuseBlocked(ctx, asset, self);
  if (asset.disposal_candidate !== 1) refuse('disposal-not-candidate', { tag: asset.tag });
  const proposal = openProposalOf(ctx.store, asset.id);
  const route = line.route ?? (proposal?.route as z.output<typeof LineInput>['route']) ?? 'destruction';
  refuseClosedRoute(asset, route);
  const drives = mediaOf(ctx.store, asset.id);
  // 3.6.14: a device sold or given away goes without its drives, which stay to be destroyed.
  const inside = drives.filter((m) => m.state === 'installed');
  if (ROUTES_CLOSED_TO_MEDIA.includes(route) && inside.length > 0) {
    refuse('disposal-sale-media-inside', { tag: asset.tag, media: inside.map(describeMedium).join(', ') });
  }
  const media = mediumLines(ctx, asset);
  // 3.6.12: a device that can hold records goes with every medium named, or not at all.
  if (asset.can_hold_records === 1 && media.length === 0) refuse('disposal-media-unknown', { tag: asset.tag });
  return {
    asset_id: asset.id,
    tag: asset.tag,
    category: asset.category,
    make: asset.make,
    model: asset.model,
    serial: asset.serial,
    condition: line.condition,
    reason: proposal ? (proposal.reason as 'obsolete' | 'sale' | 'removal') : 'beyond_repair',
    route,
    note: proposal?.note ?? beyondRepairOf(ctx.store, asset.id)?.note ?? '',
    media,
  };
}

function existing(ctx: CallContext, id: string): DisposalBatchRow {
  return findBatchRow(ctx.store, id) ?? refuse('disposal-batch-not-found');
}

/** The batch's contents may change only while it is a draft: never once frozen (3.6.12). */
function refuseUnlessDraft(row: DisposalBatchRow): void {
  if (isFrozen(row.state)) refuse('disposal-batch-frozen', { number: row.number });
  if (row.state === 'cancelled') refuse('disposal-batch-cancelled', { number: row.number });
  if (row.state !== 'draft') refuse('disposal-batch-under-approval', { number: row.number });
}

function addEvents(ctx: CallContext, batchId: string, lines: readonly z.output<typeof LineInput>[], already: readonly string[]): NewEvent[] {
  const listed = [...already];
  return lines.map((line) => {
    const payload = deviceLine(ctx, line, listed, batchId);
    listed.push(payload.asset_id);
    return emit(deviceAdded, batchId, payload);
  });
}

export function createBatch(ctx: CallContext, input: z.output<typeof CreateBatchInput>): BatchView {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    const institution = getInstitution(ctx.store) ?? refuse('not-initialized');
    const year = Number(today(ctx).slice(0, 4));
    const seq = nextSeq(ctx.store, year);
    return {
      events: [emit(batchCreated, id, { number: batchNumber(institution.code, year, seq), year, seq, note: input.note }), ...addEvents(ctx, id, input.lines, [])],
      result: null,
    };
  });
  return done(ctx, id);
}

export function addLines(ctx: CallContext, input: z.output<typeof AddLinesInput>): BatchView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const row = existing(ctx, input.batch_id);
    refuseUnlessDraft(row);
    return { events: addEvents(ctx, row.id, input.lines, toBatchView(row).devices.map((d) => d.asset_id)), result: null };
  });
  return done(ctx, input.batch_id);
}

export function removeLine(ctx: CallContext, input: z.output<typeof RemoveLineInput>): BatchView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const row = existing(ctx, input.batch_id);
    refuseUnlessDraft(row);
    const line = toBatchView(row).devices.find((d) => d.asset_id === input.asset_id) ?? refuse('disposal-line-not-found', { number: row.number });
    return { events: [emit(deviceRemoved, row.id, { asset_id: line.asset_id, tag: line.tag })], result: null };
  });
  return done(ctx, input.batch_id);
}

/** A medium line in words, for a sentence: "SSD 512 GB (S/N S4EVNX0R123) of MAJI/ICT/2026/0001". */
function mediumWords(medium: BatchMedium, tag: string): string {
  return `${describeMedium(medium)} · ${tag}`;
}

/**
 * NIST SP 800-88, per medium: the category and the method that fits it, the tool, who did it and who
 * verified it, the confidentiality before and after, the tool's own report; or the explicit choice to
 * leave the medium to the department to destroy.
 */
export function recordSanitisation(ctx: CallContext, input: z.output<typeof SanitisationInput>): BatchView {
  const user = signedIn(ctx);
  command(ctx, actorOf(user), () => {
    const row = existing(ctx, input.batch_id);
    refuseUnlessDraft(row);
    const view = toBatchView(row);
    const medium = view.media.find((m) => m.line_id === input.line_id) ?? refuse('disposal-line-not-found', { number: row.number });
    const tag = view.devices.find((d) => d.asset_id === medium.asset_id)?.tag ?? '';
    let record: Sanitisation;
    if (input.category === TO_BE_DESTROYED) {
      record = {
        category: input.category,
        method: null,
        tool: '',
        tool_version: '',
        verification: null,
        performed_by: null,
        verified_by: null,
        confidentiality_before: input.confidentiality_before,
        confidentiality_after: null,
        report: null,
        notes: input.notes,
        recorded_by_name: user.display_name,
      };
    } else {
      // The schema has required these for every category but the department's (contract.ts).
      const method = input.method ?? refuse('invalid-input');
      const performed = input.performed_by ?? refuse('invalid-input');
      const verified = input.verified_by ?? refuse('invalid-input');
      if (!methodsFor(input.category).includes(method)) {
        refuse('disposal-method-not-for-category', { method: translator('sw')(`disposal_ui.methods.${method}`), tag }, { method: 'errors.disposal-method-not-for-category' });
      }
      refuseFutureDate(ctx, performed.date, 'performed_by.date');
      refuseFutureDate(ctx, verified.date, 'verified_by.date');
      refuseBefore(verified.date, performed.date, 'disposal-verified-before-performed', 'verified_by.date', { tag });
      const report = input.report ? storeFile(ctx.store, input.report, ctx.clock.now().toISOString()) : null;
      record = {
        category: input.category,
        method,
        tool: input.tool,
        tool_version: input.tool_version,
        verification: input.verification,
        performed_by: performed,
        verified_by: verified,
        confidentiality_before: input.confidentiality_before,
        confidentiality_after: input.confidentiality_after,
        report,
        notes: input.notes,
        recorded_by_name: user.display_name,
      };
    }
    return {
      events: [emit(sanitisationRecorded, row.id, { ...record, line_id: medium.line_id, asset_id: medium.asset_id, tag, medium: mediumWords(medium, tag) })],
      result: null,
    };
  });
  return done(ctx, input.batch_id);
}

/** Refuses while a medium has neither a sanitisation record nor the "to be destroyed by the department" choice. */
function refuseUnsanitised(view: BatchView): void {
  const open = view.media.filter((m) => m.sanitisation === null);
  if (open.length === 0) return;
  const tags = new Map(view.devices.map((d) => [d.asset_id, d.tag]));
  refuse('disposal-media-unsanitised', { number: view.number, count: open.length, media: open.map((m) => mediumWords(m, tags.get(m.asset_id) ?? '')).join('; ') });
}

export function sendForApproval(ctx: CallContext, input: z.output<typeof BatchIdInput>): BatchView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const row = existing(ctx, input.batch_id);
    refuseUnlessDraft(row);
    const view = toBatchView(row);
    if (view.devices.length === 0) refuse('disposal-batch-empty', { number: row.number });
    refuseUnsanitised(view);
    // The devices are checked again: one may have gone for repair or out of the office since it was added.
    for (const line of view.devices) refuseBlocked(ctx, device(ctx, line.asset_id), row.id);
    return { events: [emit(sentForApproval, row.id, { asset_ids: view.devices.map((d) => d.asset_id) })], result: null };
  });
  return done(ctx, input.batch_id);
}

/** 3.6.12: decided by the Accounting Officer (the route allows no other role), never by whoever prepared it. */
export function decide(ctx: CallContext, input: z.output<typeof DecideInput>): BatchView {
  const user = signedIn(ctx);
  command(ctx, actorOf(user), () => {
    const row = existing(ctx, input.batch_id);
    if (isFrozen(row.state)) refuse('disposal-batch-frozen', { number: row.number });
    if (row.state !== 'awaiting_approval') refuse('disposal-batch-not-awaiting', { number: row.number });
    refuseOwnRequest(user, row, row.number);
    const decision = { asset_ids: toBatchView(row).devices.map((d) => d.asset_id), approver_name: user.display_name };
    if (input.decision === 'approved') return { events: [emit(batchApproved, row.id, { ...decision, note: input.reason })], result: null };
    if (!input.reason) refuse('disposal-rejection-needs-reason', { number: row.number }, { reason: 'errors.disposal-rejection-needs-reason' });
    return { events: [emit(batchRejected, row.id, { ...decision, reason: input.reason })], result: null };
  });
  return done(ctx, input.batch_id);
}

/** What the submission freezes: the batch as approved, the letter's words, the names of its categories. */
function snapshotOf(ctx: CallContext, view: BatchView, input: z.output<typeof SubmitInput>, submittedAt: string): Snapshot {
  const institution = getInstitution(ctx.store) ?? refuse('not-initialized');
  const sw = categoryNamer(ctx.store, translator('sw'), 'sw');
  const en = categoryNamer(ctx.store, translator('en'), 'en');
  const letter = letterSettings(ctx.store, institution);
  return {
    number: view.number,
    institution: { name: institution.name, code: institution.code, postal_address: institution.postal_address },
    note: view.note,
    prepared_by_name: view.prepared_by_name,
    approval: { approver_name: view.decided_by_name, decided_at: view.decided_at, note: view.decision_note },
    submitted_on: input.submitted_on,
    submitted_at: submittedAt,
    submitted_by_name: signedIn(ctx).display_name,
    letter_ref: input.letter_ref,
    letter: { addressee: letter.addressee, address: letter.address, subject: letter.subject, body: letter.body, signatory_title: letter.signatory_title },
    categories: Object.fromEntries([...new Set(view.devices.map((d) => d.category))].sort().map((id) => [id, { sw: sw(id), en: en(id) }])),
    devices: view.devices.map(({ added_at: _added, ...line }) => line),
    media: view.media.map((m) => ({ ...m, sanitisation: m.sanitisation as Sanitisation })),
  };
}

/**
 * Sends the approved batch to the department: the batch is frozen, its snapshot and the snapshot's
 * SHA-256 recorded in the event; nothing in it changes afterwards.
 */
export function submit(ctx: CallContext, input: z.output<typeof SubmitInput>): BatchView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const row = existing(ctx, input.batch_id);
    if (isFrozen(row.state)) refuse('disposal-batch-frozen', { number: row.number });
    if (row.state !== 'approved') refuse('disposal-batch-not-approved', { number: row.number });
    const view = toBatchView(row);
    refuseUnsanitised(view);
    refuseFutureDate(ctx, input.submitted_on, 'submitted_on');
    refuseBefore(input.submitted_on, workingDay(new Date(row.decided_at)), 'disposal-submitted-before-approval', 'submitted_on', { number: row.number });
    const snapshot = snapshotOf(ctx, view, input, ctx.clock.now().toISOString());
    const payload = {
      asset_ids: view.devices.map((d) => d.asset_id),
      submitted_on: input.submitted_on,
      letter_ref: input.letter_ref,
      snapshot,
      snapshot_sha256: sha256Hex(canonicalJson(snapshot)),
    };
    return { events: [emit(batchSubmitted, row.id, payload)], result: null };
  });
  return done(ctx, input.batch_id);
}

const assetIdsOf = (row: DisposalBatchRow) => toBatchView(row).devices.map((d) => d.asset_id);

export function recordCollected(ctx: CallContext, input: z.output<typeof CollectedInput>): BatchView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const row = existing(ctx, input.batch_id);
    if (row.state !== 'submitted') refuse('disposal-batch-not-submitted', { number: row.number });
    refuseFutureDate(ctx, input.collected_on, 'collected_on');
    refuseBefore(input.collected_on, row.submitted_on, 'disposal-date-before-submission', 'collected_on', { number: row.number });
    return { events: [emit(batchCollected, row.id, { asset_ids: assetIdsOf(row), collected_on: input.collected_on, collected_by: input.collected_by })], result: null };
  });
  return done(ctx, input.batch_id);
}

/**
 * The department's certificate: the devices are disposed of, and the preventive plans that name one of
 * them end, each with the maintenance area's own `plans.updated` event in the same transaction.
 */
export function recordDisposed(ctx: CallContext, input: z.output<typeof DisposedInput>): BatchView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const row = existing(ctx, input.batch_id);
    if (row.state !== 'collected') refuse('disposal-batch-not-collected', { number: row.number });
    refuseFutureDate(ctx, input.disposed_on, 'disposed_on');
    refuseBefore(input.disposed_on, row.collected_on, 'disposal-date-before-collection', 'disposed_on', { number: row.number });
    const assetIds = assetIdsOf(row);
    const marks = assetIds.map(() => '?').join(', ');
    const plans = statement(ctx.store, `SELECT * FROM maintenance_plans WHERE active = 1 AND asset_id IN (${marks}) ORDER BY id`).all(...assetIds) as MaintenancePlanRow[];
    return {
      events: [
        emit(batchDisposed, row.id, {
          asset_ids: assetIds,
          disposed_on: input.disposed_on,
          certificate_ref: input.certificate_ref,
          method: input.method,
          plans_ended: plans.map((plan) => plan.id),
        }),
        ...plans.map((plan) => emit(planUpdated, plan.id, { task: plan.task, interval_months: plan.interval_months, active: false })),
      ],
      result: null,
    };
  });
  return done(ctx, input.batch_id);
}

/** The department sends the devices back: they leave the batch and are candidates again. */
export function recordReturned(ctx: CallContext, input: z.output<typeof ReturnedInput>): BatchView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const row = existing(ctx, input.batch_id);
    if (row.state !== 'submitted' && row.state !== 'collected') refuse('disposal-batch-not-out', { number: row.number });
    refuseFutureDate(ctx, input.returned_on, 'returned_on');
    refuseBefore(input.returned_on, row.submitted_on, 'disposal-date-before-submission', 'returned_on', { number: row.number });
    return { events: [emit(batchReturned, row.id, { asset_ids: assetIdsOf(row), returned_on: input.returned_on, reason: input.reason })], result: null };
  });
  return done(ctx, input.batch_id);
}

export function cancelBatch(ctx: CallContext, input: z.output<typeof CancelInput>): BatchView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const row = existing(ctx, input.batch_id);
    if (isFrozen(row.state)) refuse('disposal-batch-frozen', { number: row.number });
    if (row.state === 'cancelled') refuse('disposal-batch-cancelled', { number: row.number });
    return { events: [emit(batchCancelled, row.id, { asset_ids: assetIdsOf(row), reason: input.reason })], result: null };
  });
  return done(ctx, input.batch_id);
}

/** A correction of a frozen batch: a new event naming its snapshot, which stays exactly as it was. */
export function correct(ctx: CallContext, input: z.output<typeof CorrectionInput>): BatchView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const row = existing(ctx, input.batch_id);
    if (!row.snapshot_sha256) refuse('disposal-batch-not-frozen', { number: row.number });
    return { events: [emit(batchCorrected, row.id, { snapshot_sha256: row.snapshot_sha256, note: input.note })], result: null };
  });
  return done(ctx, input.batch_id);
}

export function setSettings(ctx: CallContext, input: z.output<typeof SettingsInput>): void {
  command(ctx, actorOf(signedIn(ctx)), () => ({ events: [emit(settingsSet, DISPOSAL_SETTINGS_ID, input)], result: null }));
}
