// The removable media commands (3.6.7–3.6.10): issue with the rules acknowledged, return, void an issue
// a merge doubled, wipe, keep in a place, report lost or damaged, found again. Each refusal names the medium.
import type { z } from 'zod';
import { isStorageMedium } from '../assets/contract.ts';
import { findAssetRow } from '../assets/queries.ts';
import { refuseBefore, refuseBeforeDevice, refuseFutureDate } from '../assets/typed-dates.ts';
import { formatDay } from '../contract/days.ts';
import { actorOf, command, signedIn, type CallContext } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { refuseDisposed } from '../disposal/read-only.ts';
import { emit } from '../journal/types.ts';
import { findPerson } from '../people/queries.ts';
import { findLocation } from '../places/queries.ts';
import type { AssetRow } from '../store/schema.ts';
import {
  missingRules,
  type FoundMediumInput,
  type IssueMediumInput,
  type ReportMediumInput,
  type ReturnMediumInput,
  type StoreMediumInput,
  type VoidIssueInput,
  type WipeMediumInput,
} from './contract.ts';
import { issueVoided, mediumFound, mediumIssued, mediumReported, mediumReturned, mediumStored, mediumWiped } from './events.ts';
import { findIncident, findIssue, findMediumView, openIssuesOf, type MediumView } from './queries.ts';
import type { MediaIssueRow } from './schema.ts';

function done(ctx: CallContext, assetId: string): MediumView {
  return findMediumView(ctx.store, assetId) as MediumView;
}

const nameOf = (ctx: CallContext, personId: string | null) => (personId ? (findPerson(ctx.store, personId)?.full_name ?? '') : '');

/** A device of the register that is a storage medium and still the institution's, not lost. */
function medium(ctx: CallContext, assetId: string, field = 'asset_id'): AssetRow {
  const asset = findAssetRow(ctx.store, assetId) ?? refuse('asset-not-found', undefined, { [field]: 'errors.asset-not-found' });
  if (!isStorageMedium(asset.category)) refuse('media-not-storage', { tag: asset.tag }, { [field]: 'errors.media-not-storage' });
  // 3.6.14: a medium handed to another institution has left the register's keeping.
  if (asset.status === 'transferred') refuse('media-transferred', { tag: asset.tag });
  refuseDisposed(asset);
  if (asset.lost_report_id) refuse('media-lost', { tag: asset.tag });
  return asset;
}

/** Who keeps the medium once `issue` ends: the holder of another issue still open (after a merge), or nobody. */
function holderAfter(ctx: CallContext, issue: MediaIssueRow): string | null {
  return openIssuesOf(ctx.store, issue.asset_id).find((other) => other.id !== issue.id)?.person_id ?? null;
}

function openIssue(ctx: CallContext, issueId: string): { issue: MediaIssueRow; asset: AssetRow } {
  const issue = findIssue(ctx.store, issueId) ?? refuse('media-issue-not-found');
  const asset = medium(ctx, issue.asset_id);
  if (issue.state !== 'issued') refuse('media-issue-closed', { tag: asset.tag, holder: issue.person_name });
  return { issue, asset };
}

export function issueMedium(ctx: CallContext, input: z.output<typeof IssueMediumInput>): MediumView {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    const asset = medium(ctx, input.asset_id);
    const open = openIssuesOf(ctx.store, asset.id)[0];
    if (open) refuse('media-already-issued', { tag: asset.tag, holder: open.person_name });
    // Given to someone through the register itself: still out of the store.
    if (asset.custodian_id) refuse('media-already-issued', { tag: asset.tag, holder: nameOf(ctx, asset.custodian_id) });
    if (asset.status !== 'in_store') refuse('media-unavailable', { tag: asset.tag });
    const person = findPerson(ctx.store, input.person_id) ?? refuse('person-not-found', undefined, { person_id: 'errors.person-not-found' });
    if (!person.active) refuse('person-inactive', { name: person.full_name }, { person_id: 'errors.person-inactive' });
    // 3.6.7–3.6.9: the servant acknowledges every rule, or the medium is not issued.
    const missing = missingRules(input.acknowledged);
    if (missing.length > 0) {
      refuse('media-rules-not-acknowledged', { tag: asset.tag }, Object.fromEntries(missing.map((rule) => [`acknowledged.${rule}`, 'media_ui.issue.rule-required'])));
    }
    refuseFutureDate(ctx, input.issued_on, 'issued_on');
    refuseBeforeDevice(asset, input.issued_on, 'issued_on');
    return {
      events: [
        emit(mediumIssued, id, {
          asset_id: asset.id,
          person_id: person.id,
          person_name: person.full_name,
          purpose: input.purpose,
          issued_on: input.issued_on,
          acknowledged: ['government_work_only', 'no_personal_data', 'wipe_after_transfer'],
        }),
      ],
      result: null,
    };
  });
  return done(ctx, input.asset_id);
}

export function returnMedium(ctx: CallContext, input: z.output<typeof ReturnMediumInput>): MediumView {
  const assetId = findIssue(ctx.store, input.issue_id)?.asset_id ?? '';
  command(ctx, actorOf(signedIn(ctx)), () => {
    const { issue, asset } = openIssue(ctx, input.issue_id);
    refuseBefore(input.returned_on, issue.issued_on, 'media-date-before-issue', 'returned_on', { tag: asset.tag, date: formatDay(issue.issued_on) });
    refuseFutureDate(ctx, input.returned_on, 'returned_on');
    if (input.location_id && !findLocation(ctx.store, input.location_id)?.active) refuse('location-not-found', undefined, { location_id: 'errors.location-not-found' });
    return {
      events: [
        emit(mediumReturned, issue.id, {
          asset_id: asset.id,
          person_id: issue.person_id,
          returned_on: input.returned_on,
          condition: input.condition,
          location_id: input.location_id,
          note: input.note,
          holder_after: holderAfter(ctx, issue),
        }),
      ],
      result: null,
    };
  });
  return done(ctx, assetId);
}

/** After a merge left one medium issued to two people: the issue that never happened is set aside, with a reason. */
export function voidIssue(ctx: CallContext, input: z.output<typeof VoidIssueInput>): MediumView {
  const assetId = findIssue(ctx.store, input.issue_id)?.asset_id ?? '';
  command(ctx, actorOf(signedIn(ctx)), () => {
    const { issue, asset } = openIssue(ctx, input.issue_id);
    const after = holderAfter(ctx, issue);
    if (after === null) refuse('media-issue-not-doubled', { tag: asset.tag, holder: issue.person_name });
    return { events: [emit(issueVoided, issue.id, { asset_id: asset.id, person_id: issue.person_id, reason: input.reason, holder_after: after })], result: null };
  });
  return done(ctx, assetId);
}

// 3.6.9: each wipe of government documents from the medium is confirmed, by whom and how; many per medium.
export function wipeMedium(ctx: CallContext, input: z.output<typeof WipeMediumInput>): MediumView {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    const asset = medium(ctx, input.asset_id);
    refuseFutureDate(ctx, input.wiped_on, 'wiped_on');
    refuseBeforeDevice(asset, input.wiped_on, 'wiped_on');
    const { asset_id: _asset, ...wipe } = input;
    return { events: [emit(mediumWiped, id, { asset_id: asset.id, ...wipe })], result: null };
  });
  return done(ctx, input.asset_id);
}

// 3.6.10: a medium in the store is kept in a known place of the places register.
export function storeMedium(ctx: CallContext, input: z.output<typeof StoreMediumInput>): MediumView {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    const asset = medium(ctx, input.asset_id);
    const open = openIssuesOf(ctx.store, asset.id)[0];
    if (open || asset.custodian_id) refuse('media-not-in-store', { tag: asset.tag, holder: open?.person_name ?? nameOf(ctx, asset.custodian_id) });
    const location = findLocation(ctx.store, input.location_id);
    if (!location?.active) refuse('location-not-found', undefined, { location_id: 'errors.location-not-found' });
    return { events: [emit(mediumStored, id, { asset_id: asset.id, location_id: location.id, location_name: location.name })], result: null };
  });
  return done(ctx, input.asset_id);
}

/** A loss opens an incident for the ICT officer and the Accounting Officer (3.6.10); damage is recorded. */
export function reportMedium(ctx: CallContext, input: z.output<typeof ReportMediumInput>): MediumView {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    const asset = medium(ctx, input.asset_id);
    refuseFutureDate(ctx, input.reported_on, 'reported_on');
    refuseBeforeDevice(asset, input.reported_on, 'reported_on');
    const holder = openIssuesOf(ctx.store, asset.id)[0]?.person_id ?? asset.custodian_id;
    return {
      events: [
        emit(mediumReported, id, {
          asset_id: asset.id,
          kind: input.kind,
          reported_on: input.reported_on,
          note: input.note,
          holder_id: holder,
          holder_name: nameOf(ctx, holder),
        }),
      ],
      result: null,
    };
  });
  return done(ctx, input.asset_id);
}

export function markFound(ctx: CallContext, input: z.output<typeof FoundMediumInput>): MediumView {
  const report = findIncident(ctx.store, input.report_id) ?? refuse('media-report-not-found');
  command(ctx, actorOf(signedIn(ctx)), () => {
    const asset = findAssetRow(ctx.store, report.asset_id) ?? refuse('asset-not-found');
    if (report.kind !== 'lost' || report.state !== 'open') refuse('media-report-not-open', { tag: asset.tag });
    refuseBefore(input.found_on, report.reported_on, 'media-date-before-loss', 'found_on', { tag: asset.tag, date: formatDay(report.reported_on) });
    refuseFutureDate(ctx, input.found_on, 'found_on');
    return { events: [emit(mediumFound, report.id, { asset_id: asset.id, found_on: input.found_on, note: input.note })], result: null };
  });
  return done(ctx, report.asset_id);
}
