// Handover commands (3.6.6): prepare, decide the special permit, record the receipt (custody moves
// then and only then), cancel, attach the signed form, and the setting of who approves. Each checks
// its rules against the current state, then records events.
import type { z } from 'zod';
import { refuseBefore, refuseFutureDate, today } from '../assets/typed-dates.ts';
import { refuseOwnRequest } from '../core/approvals.ts';
import { written } from '../core/assert.ts';
import { actorOf, command, signedIn, type CallContext } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { workingDay } from '../contract/days.ts';
import { getInstitution } from '../institution/queries.ts';
import { emit } from '../journal/types.ts';
import { storeFile } from '../maintenance/commands.ts';
import { findPerson } from '../people/queries.ts';
import { checkedDevice } from './checks.ts';
import {
  handoverNumber,
  receiverAllowed,
  type ApproverSettingInput,
  type AttachScanInput,
  type CancelInput,
  type DecideInput,
  type Giver,
  type PrepareInput,
  type ReceiveInput,
} from './contract.ts';
import {
  approverSet,
  HANDOVER_SETTINGS_ID,
  handoverApproved,
  handoverCancelled,
  handoverPrepared,
  handoverReceived,
  handoverRejected,
  handoverScanAttached,
  type Line,
} from './events.ts';
import { approverRole, findHandover, findHandoverRow, lastReceiptOf, nextSeq, type HandoverView } from './queries.ts';
import type { HandoverRow } from './reducer.ts';

function done(ctx: CallContext, id: string): HandoverView {
  return written(findHandover(ctx.store, id), 'handover');
}

function personName(ctx: CallContext, id: string, field: string, mustBeActive: boolean): string {
  const person = findPerson(ctx.store, id) ?? refuse('person-not-found', undefined, { [field]: 'errors.person-not-found' });
  if (mustBeActive && !person.active) refuse('person-inactive', { name: person.full_name }, { [field]: 'errors.person-inactive' });
  return person.full_name;
}

export function prepareHandover(ctx: CallContext, input: z.output<typeof PrepareInput>): HandoverView {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    const institution = getInstitution(ctx.store) ?? refuse('not-initialized');
    const { kind, from, to } = input;
    // A return brings a device back from the person who holds it; a handover gives one out.
    if (kind === 'return' && from.type === 'store') refuse('handover-return-from-store', undefined, { 'from.type': 'errors.handover-return-from-store' });
    if (!receiverAllowed(kind, to.type)) {
      if (kind === 'return') refuse('handover-return-outside', undefined, { 'to.type': 'errors.handover-return-outside' });
      refuse('handover-to-store-is-return', undefined, { 'to.type': 'errors.handover-to-store-is-return' });
    }
    // Someone who has left may still hand back what they hold; only a receiver must be present.
    const fromName = from.type === 'person' ? personName(ctx, from.person_id, 'from.person_id', false) : '';
    const toName = to.type === 'person' ? personName(ctx, to.person_id, 'to.person_id', true) : to.type === 'institution' ? to.officer_name : '';
    if (from.type === 'person' && to.type === 'person' && from.person_id === to.person_id) refuse('handover-same-party', { name: fromName }, { 'to.person_id': 'errors.handover-same-party' });

    const listed: string[] = [];
    const lines: Line[] = input.lines.map((line) => {
      const asset = checkedDevice(ctx.store, line.asset_id, { from, to_type: to.type, listed, self: null });
      listed.push(asset.id);
      return {
        asset_id: asset.id,
        tag: asset.tag,
        category: asset.category,
        make: asset.make,
        model: asset.model,
        serial: asset.serial,
        condition: line.condition,
        accessories: line.accessories,
        after: lastReceiptOf(ctx.store, asset.id),
      };
    });
    const year = Number(today(ctx).slice(0, 4));
    const seq = nextSeq(ctx.store, year);
    return {
      events: [
        emit(handoverPrepared, id, {
          number: handoverNumber(institution.code, year, seq),
          year,
          seq,
          kind,
          from_type: from.type,
          from_person_id: from.type === 'person' ? from.person_id : null,
          from_name: fromName,
          to_type: to.type,
          to_person_id: to.type === 'person' ? to.person_id : null,
          to_name: toName,
          to_institution: to.type === 'institution' ? to.institution_name : '',
          to_officer: to.type === 'institution' ? to.officer_name : '',
          reason: input.reason,
          lines,
        }),
      ],
      result: null,
    };
  });
  return done(ctx, id);
}

function existing(ctx: CallContext, id: string): HandoverRow {
  return findHandoverRow(ctx.store, id) ?? refuse('handover-not-found');
}

const assetIds = (row: HandoverRow) => (JSON.parse(row.lines) as Line[]).map((line) => line.asset_id);

/**
 * 3.6.6: the special permit. Decided by an officer holding the role the institution named (the
 * Accounting Officer unless the Head), never by the one who prepared it; a rejection says why.
 */
export function decideHandover(ctx: CallContext, input: z.output<typeof DecideInput>): HandoverView {
  const user = signedIn(ctx);
  command(ctx, actorOf(user), () => {
    const row = existing(ctx, input.handover_id);
    if (row.state !== 'pending') refuse('handover-not-pending', { number: row.number });
    const role = approverRole(ctx.store);
    if (!user.roles.includes(role)) refuse(role === 'accounting_officer' ? 'handover-needs-accounting-officer' : 'handover-needs-head', { number: row.number });
    refuseOwnRequest(user, row, row.number);
    const decision = { asset_ids: assetIds(row), approver_name: user.display_name, approver_role: role };
    if (input.decision === 'approved') return { events: [emit(handoverApproved, row.id, { ...decision, note: input.reason })], result: null };
    if (!input.reason) refuse('handover-rejection-needs-reason', { number: row.number }, { reason: 'errors.handover-rejection-needs-reason' });
    return { events: [emit(handoverRejected, row.id, { ...decision, reason: input.reason })], result: null };
  });
  return done(ctx, input.handover_id);
}

function giverOf(row: HandoverRow): Giver {
  return row.from_type === 'person' && row.from_person_id ? { type: 'person', person_id: row.from_person_id } : { type: 'store' };
}

/**
 * The receiver's acknowledgement: only an approved handover is received, and every device is checked
 * again (it may have gone for repair since). Custody moves with this event, and with nothing before it.
 */
export function receiveHandover(ctx: CallContext, input: z.output<typeof ReceiveInput>): HandoverView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const row = existing(ctx, input.handover_id);
    if (row.state === 'pending') refuse('handover-not-approved', { number: row.number });
    if (row.state !== 'approved') refuse('handover-not-open', { number: row.number });
    refuseFutureDate(ctx, input.received_on, 'received_on');
    refuseBefore(input.received_on, workingDay(new Date(row.prepared_at)), 'handover-received-before-prepared', 'received_on', { number: row.number });
    const listed: string[] = [];
    for (const assetId of assetIds(row)) {
      checkedDevice(ctx.store, assetId, { from: giverOf(row), to_type: row.to_type as 'person' | 'store' | 'institution', listed, self: row.id });
      listed.push(assetId);
    }
    const events = [
      emit(handoverReceived, row.id, {
        asset_ids: listed,
        received_on: input.received_on,
        received_by: input.received_by,
        witness: input.witness,
        to_type: row.to_type as 'person' | 'store' | 'institution',
        to_person_id: row.to_person_id,
        to_institution: row.to_institution,
      }),
    ];
    if (input.scan) events.push(emit(handoverScanAttached, row.id, storeFile(ctx.store, input.scan, ctx.clock.now().toISOString())));
    return { events, result: null };
  });
  return done(ctx, input.handover_id);
}

export function cancelHandover(ctx: CallContext, input: z.output<typeof CancelInput>): HandoverView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const row = existing(ctx, input.handover_id);
    if (row.state !== 'pending' && row.state !== 'approved') refuse('handover-not-open', { number: row.number });
    return { events: [emit(handoverCancelled, row.id, { asset_ids: assetIds(row), reason: input.reason })], result: null };
  });
  return done(ctx, input.handover_id);
}

/** The signed form, scanned, kept once by its SHA-256 like every attachment. */
export function attachScan(ctx: CallContext, input: z.output<typeof AttachScanInput>): HandoverView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const row = existing(ctx, input.handover_id);
    return { events: [emit(handoverScanAttached, row.id, storeFile(ctx.store, input.file, ctx.clock.now().toISOString()))], result: null };
  });
  return done(ctx, input.handover_id);
}

export function setApproverRole(ctx: CallContext, input: z.output<typeof ApproverSettingInput>): { approver_role: string } {
  command(ctx, actorOf(signedIn(ctx)), () => ({ events: [emit(approverSet, HANDOVER_SETTINGS_ID, input)], result: null }));
  return { approver_role: approverRole(ctx.store) };
}
