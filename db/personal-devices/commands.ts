// The personal-devices commands (3.6.5): the ICT officer registers a servant's device, the Head of
// Institution approves it with an expiry or rejects it, and may revoke or renew an approval.
import type { z } from 'zod';
import { formatDay } from '../contract/days.ts';
import { refuseOwnRequest } from '../core/approvals.ts';
import { actorOf, command, signedIn, type CallContext } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { emit } from '../journal/types.ts';
import { findPerson } from '../people/queries.ts';
import { today } from '../assets/typed-dates.ts';
import {
  describePersonalDevice,
  latestExpiry,
  type DecidePersonalDeviceInput,
  type RegisterPersonalDeviceInput,
  type RenewPersonalDeviceInput,
  type RevokePersonalDeviceInput,
} from './contract.ts';
import { personalDeviceApproved, personalDeviceRegistered, personalDeviceRejected, personalDeviceRenewed, personalDeviceRevoked } from './events.ts';
import { findPersonalDevice, findPersonalDeviceRow, standingDuplicate, type PersonalDeviceView } from './queries.ts';
import type { PersonalDeviceRow } from './schema.ts';

function done(ctx: CallContext, id: string): PersonalDeviceView {
  return findPersonalDevice(ctx.store, id, today(ctx)) as PersonalDeviceView;
}

function existing(ctx: CallContext, id: string): PersonalDeviceRow {
  return findPersonalDeviceRow(ctx.store, id) ?? refuse('personal-device-not-found');
}

const subjectOf = (row: PersonalDeviceRow) => `${describePersonalDevice(row)}, ${row.owner_name}`;

/** An expiry must lie after today and no further than the longest approval allows (contract: MAX_APPROVAL_MONTHS). */
function refuseExpiry(ctx: CallContext, expiresOn: string): void {
  const day = today(ctx);
  if (expiresOn <= day) refuse('personal-device-expiry-past', { date: formatDay(expiresOn) }, { expires_on: 'errors.personal-device-expiry-past' });
  const latest = latestExpiry(day);
  if (expiresOn > latest) refuse('personal-device-expiry-too-far', { latest: formatDay(latest) }, { expires_on: 'errors.personal-device-expiry-too-far' });
}

export function registerPersonalDevice(ctx: CallContext, input: z.output<typeof RegisterPersonalDeviceInput>): PersonalDeviceView {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    const owner = findPerson(ctx.store, input.owner_id) ?? refuse('person-not-found', undefined, { owner_id: 'errors.person-not-found' });
    if (!owner.active) refuse('person-inactive', { name: owner.full_name }, { owner_id: 'errors.person-inactive' });
    const twin = standingDuplicate(ctx.store, owner.id, input.serial);
    if (twin) {
      refuse('personal-device-duplicate', { serial: twin.serial, owner: owner.full_name, state: twin.state }, { serial: 'errors.personal-device-duplicate' });
    }
    return { events: [emit(personalDeviceRegistered, id, { ...input, owner_name: owner.full_name })], result: null };
  });
  return done(ctx, id);
}

export function decidePersonalDevice(ctx: CallContext, input: z.output<typeof DecidePersonalDeviceInput>): PersonalDeviceView {
  const user = signedIn(ctx);
  command(ctx, actorOf(user), () => {
    const row = existing(ctx, input.device_id);
    if (row.state !== 'pending') refuse('personal-device-decided', { subject: subjectOf(row) });
    // 3.6.5 with the rule every approval shares: the head decides, never on a registration they prepared.
    refuseOwnRequest(user, row, subjectOf(row));
    if (input.decision === 'approved') {
      refuseExpiry(ctx, input.expires_on ?? '');
      return { events: [emit(personalDeviceApproved, row.id, { expires_on: input.expires_on ?? '' })], result: null };
    }
    return { events: [emit(personalDeviceRejected, row.id, { reason: input.reason })], result: null };
  });
  return done(ctx, input.device_id);
}

export function revokePersonalDevice(ctx: CallContext, input: z.output<typeof RevokePersonalDeviceInput>): PersonalDeviceView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const row = existing(ctx, input.device_id);
    if (row.state !== 'approved') refuse('personal-device-not-approved', { subject: subjectOf(row) });
    return { events: [emit(personalDeviceRevoked, row.id, { reason: input.reason })], result: null };
  });
  return done(ctx, input.device_id);
}

/** A new approval of the same device with a later expiry, before or after the old one lapsed. */
export function renewPersonalDevice(ctx: CallContext, input: z.output<typeof RenewPersonalDeviceInput>): PersonalDeviceView {
  const user = signedIn(ctx);
  command(ctx, actorOf(user), () => {
    const row = existing(ctx, input.device_id);
    if (row.state !== 'approved') refuse('personal-device-not-approved', { subject: subjectOf(row) });
    refuseOwnRequest(user, row, subjectOf(row));
    if (input.expires_on <= row.expires_on) {
      refuse('personal-device-renew-not-later', { date: formatDay(row.expires_on) }, { expires_on: 'errors.personal-device-renew-not-later' });
    }
    refuseExpiry(ctx, input.expires_on);
    return { events: [emit(personalDeviceRenewed, row.id, { expires_on: input.expires_on, previous_expires_on: row.expires_on })], result: null };
  });
  return done(ctx, input.device_id);
}
