// Off-premises requests (3.6.11): prepared by the ICT officer for a public servant, decided by the
// Accounting Officer, checked out and back in, revoked. Each checks the rules, then records events.
import type { z } from 'zod';
import { written } from '../core/assert.ts';
import { refuseOwnRequest } from '../core/approvals.ts';
import { actorOf, command, signedIn, type CallContext } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { refuseDisposed } from '../disposal/read-only.ts';
import { workingDay } from '../contract/days.ts';
import { emit } from '../journal/types.ts';
import { findAssetRow } from '../assets/queries.ts';
import { refuseBefore, refuseFutureDate, today } from '../assets/typed-dates.ts';
import { getInstitution } from '../institution/queries.ts';
import { findPerson } from '../people/queries.ts';
import type { AssetRow } from '../store/schema.ts';
import { highestClassification, needsJustification, permitNumber, type CheckInInput, type CheckOutInput, type DecideInput, type RequestInput, type RevokeInput } from './contract.ts';
import { movementCheckedIn, movementCheckedOut, movementDecided, movementRequested, movementRevoked } from './events.ts';
import { findMovement, findMovementRow, nextPermitSeq, openRequestOf, type MovementView } from './queries.ts';
import type { MovementRow } from './schema.ts';
import { verificationCode } from './verification.ts';

/** Statuses a device cannot leave the office in: gone, going, or lost. */
const UNAVAILABLE = ['awaiting_disposal', 'in_disposal', 'disposed', 'transferred', 'lost'];

/** Refuses a device that may not go out now, naming it. */
function refuseUnavailable(ctx: CallContext, asset: AssetRow, request: string | null): void {
  refuseDisposed(asset, 'asset_ids');
  if (UNAVAILABLE.includes(asset.status)) refuse('movement-device-unavailable', { tag: asset.tag }, { asset_ids: 'errors.movement-device-unavailable' });
  if (asset.repair_state !== 'none') refuse('movement-device-under-repair', { tag: asset.tag }, { asset_ids: 'errors.movement-device-under-repair' });
  if (asset.off_premises_id && asset.off_premises_id !== request) {
    const out = findMovementRow(ctx.store, asset.off_premises_id);
    refuse('movement-device-out', { tag: asset.tag, permit: out?.permit_no ?? '' }, { asset_ids: 'errors.movement-device-out' });
  }
}

function requestOf(ctx: CallContext, id: string): MovementRow {
  return findMovementRow(ctx.store, id) ?? refuse('movement-not-found');
}

function devicesOf(row: MovementRow): string[] {
  return (JSON.parse(row.devices) as { asset_id: string }[]).map((d) => d.asset_id);
}

function done(ctx: CallContext, id: string): MovementView {
  return written(findMovement(ctx.store, id, today(ctx)), 'off-premises request');
}

export function requestMovement(ctx: CallContext, input: z.output<typeof RequestInput>): MovementView {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    const holder = findPerson(ctx.store, input.holder_id) ?? refuse('person-not-found', undefined, { holder_id: 'errors.person-not-found' });
    if (!holder.active) refuse('person-inactive', { name: holder.full_name }, { holder_id: 'errors.person-inactive' });
    if (input.due_on < input.date_out) refuse('movement-due-before-out', undefined, { due_on: 'errors.movement-due-before-out' });
    const ids = [...new Set(input.asset_ids)];
    const devices = ids.map((assetId) => {
      const asset = findAssetRow(ctx.store, assetId) ?? refuse('asset-not-found', undefined, { asset_ids: 'errors.asset-not-found' });
      refuseUnavailable(ctx, asset, null);
      // One device, one open request: a second would print a second permit for the same laptop.
      const open = openRequestOf(ctx.store, asset.id);
      if (open) refuse('movement-device-on-request', { tag: asset.tag, permit: open.permit_no }, { asset_ids: 'errors.movement-device-on-request' });
      return {
        asset_id: asset.id,
        tag: asset.tag,
        serial: asset.serial,
        category: asset.category,
        make: asset.make,
        model: asset.model,
        classification: asset.classification,
      };
    });
    const code = getInstitution(ctx.store)?.code ?? 'TAASISI';
    const year = Number(today(ctx).slice(0, 4));
    const seq = nextPermitSeq(ctx.store, year);
    return {
      events: [
        emit(movementRequested, id, {
          asset_ids: ids,
          permit_no: permitNumber(code, year, seq),
          permit_year: year,
          permit_seq: seq,
          holder_id: holder.id,
          holder_name: holder.full_name,
          holder_title: holder.title,
          holder_check_number: holder.check_number,
          devices,
          purpose: input.purpose,
          destination: input.destination,
          date_out: input.date_out,
          due_on: input.due_on,
          data_held: input.data_held,
          classification: highestClassification(devices.map((d) => d.classification)),
        }),
      ],
      result: null,
    };
  });
  return done(ctx, id);
}

/** 3.6.11: the Accounting Officer approves or rejects; nobody decides a request they prepared. */
export function decideMovement(ctx: CallContext, input: z.output<typeof DecideInput>): MovementView {
  const user = signedIn(ctx);
  command(ctx, actorOf(user), () => {
    const request = requestOf(ctx, input.request_id);
    if (request.state !== 'requested') refuse('movement-not-requested', { permit: request.permit_no });
    refuseOwnRequest(user, request, request.permit_no);
    const assetIds = devicesOf(request);
    if (input.decision === 'rejected') {
      if (!input.reason) refuse('movement-reason-required', { permit: request.permit_no }, { reason: 'errors.movement-reason-required' });
      return {
        events: [emit(movementDecided, request.id, { permit_no: request.permit_no, asset_ids: assetIds, decision: 'rejected', reason: input.reason, justification: '', verification_code: '' })],
        result: null,
      };
    }
    // 3.2.3: the classification as it stands now, in case a device was reclassified since the request.
    const assets = assetIds.map((assetId) => findAssetRow(ctx.store, assetId) ?? refuse('asset-not-found'));
    for (const asset of assets) refuseUnavailable(ctx, asset, null);
    const classification = highestClassification([request.classification, ...assets.map((a) => a.classification)]);
    if (needsJustification(classification) && !input.justification) {
      const tags = assets.filter((a) => needsJustification(a.classification)).map((a) => a.tag);
      refuse('movement-justification-required', { tags: tags.join(', ') || request.permit_no }, { justification: 'validation.required' });
    }
    const code = verificationCode(ctx.signingKey(), { permit_no: request.permit_no, holder_id: request.holder_id, asset_ids: assetIds, due_on: request.due_on });
    return {
      events: [
        emit(movementDecided, request.id, {
          permit_no: request.permit_no,
          asset_ids: assetIds,
          decision: 'approved',
          reason: input.reason,
          justification: needsJustification(classification) ? input.justification : '',
          verification_code: code,
        }),
      ],
      result: null,
    };
  });
  return done(ctx, input.request_id);
}

export function checkOut(ctx: CallContext, input: z.output<typeof CheckOutInput>): MovementView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const request = requestOf(ctx, input.request_id);
    if (request.state !== 'approved') refuse('movement-not-approved', { permit: request.permit_no });
    refuseFutureDate(ctx, input.out_on, 'out_on');
    refuseBefore(input.out_on, workingDay(new Date(request.decided_at)), 'movement-out-before-approval', 'out_on', { permit: request.permit_no });
    refuseBefore(input.out_on, request.date_out, 'movement-out-before-permitted', 'out_on', { permit: request.permit_no });
    const assetIds = devicesOf(request);
    for (const assetId of assetIds) refuseUnavailable(ctx, findAssetRow(ctx.store, assetId) ?? refuse('asset-not-found'), request.id);
    return { events: [emit(movementCheckedOut, request.id, { permit_no: request.permit_no, asset_ids: assetIds, out_on: input.out_on })], result: null };
  });
  return done(ctx, input.request_id);
}

export function checkIn(ctx: CallContext, input: z.output<typeof CheckInInput>): MovementView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const request = requestOf(ctx, input.request_id);
    if (request.out_on === '' || request.returned_on !== '') refuse('movement-not-out', { permit: request.permit_no });
    refuseFutureDate(ctx, input.returned_on, 'returned_on');
    refuseBefore(input.returned_on, request.out_on, 'movement-back-before-out', 'returned_on', { permit: request.permit_no });
    const { request_id: _, returned_on, condition, notes } = input;
    return { events: [emit(movementCheckedIn, request.id, { permit_no: request.permit_no, asset_ids: devicesOf(request), returned_on, condition, notes })], result: null };
  });
  return done(ctx, input.request_id);
}

/** An approved permit withdrawn, before the devices leave or while they are out (they must come back). */
export function revokeMovement(ctx: CallContext, input: z.output<typeof RevokeInput>): MovementView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const request = requestOf(ctx, input.request_id);
    if (request.state !== 'approved' && request.state !== 'checked_out') refuse('movement-not-revocable', { permit: request.permit_no });
    return { events: [emit(movementRevoked, request.id, { permit_no: request.permit_no, asset_ids: devicesOf(request), reason: input.reason })], result: null };
  });
  return done(ctx, input.request_id);
}
