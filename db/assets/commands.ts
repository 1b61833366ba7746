// Registering and changing devices and their storage media. Each checks its rules, then records events.
import { written } from '../core/assert.ts';
import type { z } from 'zod';
import {
  formatTag,
  holdsRecords,
  type AddMediumInput,
  type CategoryInput,
  type RegisterAssetInput,
  type ReinstallMediumInput,
  type RemoveMediumInput,
  type TagFormatInput,
  type UpdateAssetInput,
} from './contract.ts';
import { actorOf, command, signedIn, type CallContext } from '../core/context.ts';
import { workingDay } from '../contract/days.ts';
import { refuse } from '../core/refusal.ts';
import { refuseDisposed } from '../disposal/read-only.ts';
import { getInstitution } from '../institution/queries.ts';
import { findPerson } from '../people/queries.ts';
import { emit } from '../journal/types.ts';
import { statement } from '../store/open.ts';
import { findDepartment, findLocation } from '../places/queries.ts';
import {
  ASSET_SETTINGS_ID,
  assetRegistered,
  assetUpdated,
  categoryCreated,
  mediumAdded,
  mediumReinstalled,
  mediumRemoved,
  tagFormatSet,
} from './events.ts';
import { refuseBefore, refuseBeforeDevice, refuseFutureDate } from './typed-dates.ts';
import {
  findAsset,
  findAssetBySerial,
  findAssetByTag,
  findAssetRow,
  findCategory,
  findMedium,
  nextTagSeq,
  tagFormat,
  type AssetView,
} from './queries.ts';

type Particulars = Omit<z.output<typeof UpdateAssetInput>, 'asset_id' | 'tag'>;

function checkParticulars(ctx: CallContext, input: Particulars, exceptId: string | null) {
  const category = findCategory(ctx.store, input.category);
  if (!category || !category.active) refuse('category-not-found', undefined, { category: 'errors.category-not-found' });
  if (input.location_id && !findLocation(ctx.store, input.location_id)) refuse('location-not-found', undefined, { location_id: 'errors.location-not-found' });
  if (input.department_id && !findDepartment(ctx.store, input.department_id)) {
    refuse('department-not-found', undefined, { department_id: 'errors.department-not-found' });
  }
  if (input.custodian_id) {
    const person = findPerson(ctx.store, input.custodian_id);
    if (!person) refuse('person-not-found', undefined, { custodian_id: 'errors.person-not-found' });
    if (!person.active) refuse('person-inactive', { name: person.full_name }, { custodian_id: 'errors.person-inactive' });
  }
  if (input.serial) {
    const clash = findAssetBySerial(ctx.store, input.serial);
    if (clash && clash.id !== exceptId) refuse('serial-taken', { serial: input.serial, tag: clash.tag }, { serial: 'errors.serial-taken' });
  }
  // Issue 7: a purchase is a fact already done; the warranty's end may lie years ahead.
  refuseFutureDate(ctx, input.purchase_date, 'purchase_date');
  if (input.warranty_end && input.purchase_date && input.warranty_end < input.purchase_date) {
    refuse('warranty-before-purchase', undefined, { warranty_end: 'errors.warranty-before-purchase' });
  }
  return {
    category: input.category,
    make: input.make,
    model: input.model,
    serial: input.serial,
    purchase_date: input.purchase_date,
    supplier: input.supplier,
    cost_tzs: input.cost_tzs,
    funding_source: input.funding_source,
    warranty_end: input.warranty_end,
    location_id: input.location_id,
    department_id: input.department_id,
    custodian_id: input.custodian_id,
    classification: input.classification,
    can_hold_records: holdsRecords(input.can_hold_records, category.can_hold_records),
    notes: input.notes,
  };
}

function refuseTakenTag(ctx: CallContext, tag: string, exceptId: string | null): void {
  const clash = findAssetByTag(ctx.store, tag);
  if (clash && clash.id !== exceptId) refuse('tag-taken', { tag }, { tag: 'errors.tag-taken' });
}

/** The tag the next registration would get, for the form to show. */
export function proposeTag(ctx: CallContext, category: string): { tag: string; seq: number } {
  const code = getInstitution(ctx.store)?.code ?? 'TAASISI';
  const year = Number(workingDay(ctx.clock.now()).slice(0, 4));
  const format = tagFormat(ctx.store);
  // A tag typed by hand may already hold the next number: skip past it rather than refuse.
  for (let seq = nextTagSeq(ctx.store); ; seq += 1) {
    const tag = formatTag(format, { code, category, year, seq });
    if (!findAssetByTag(ctx.store, tag)) return { tag, seq };
  }
}

export function registerAsset(ctx: CallContext, input: z.output<typeof RegisterAssetInput>): AssetView {
  const id = ctx.ids.next();
  const media = input.media.map((m) => ({ id: ctx.ids.next(), ...m }));
  command(ctx, actorOf(signedIn(ctx)), () => {
    const particulars = checkParticulars(ctx, input, null);
    let tag = input.tag;
    let tagSeq: number | null = null;
    if (!tag) {
      ({ tag, seq: tagSeq } = proposeTag(ctx, input.category));
    }
    refuseTakenTag(ctx, tag, null);
    return { events: [emit(assetRegistered, id, { tag, tag_seq: tagSeq, ...particulars, media })], result: null };
  });
  return findAsset(ctx.store, id) as AssetView;
}

export function updateAsset(ctx: CallContext, input: z.output<typeof UpdateAssetInput>): AssetView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    refuseDisposed(findAssetRow(ctx.store, input.asset_id) ?? refuse('asset-not-found'));
    const particulars = checkParticulars(ctx, input, input.asset_id);
    refuseTakenTag(ctx, input.tag, input.asset_id);
    const base = statement(
      ctx.store,
      "SELECT hash FROM journal WHERE entity = ? AND type IN ('assets.registered', 'assets.updated') ORDER BY hlc DESC, origin DESC, origin_seq DESC LIMIT 1",
    ).get(input.asset_id) as { hash: string } | undefined;
    return {
      events: [emit(assetUpdated, input.asset_id, { tag: input.tag, ...particulars, base: base?.hash ?? null })],
      result: null,
    };
  });
  return findAsset(ctx.store, input.asset_id) as AssetView;
}

export function setTagFormat(ctx: CallContext, input: z.output<typeof TagFormatInput>): { tag_format: string } {
  command(ctx, actorOf(signedIn(ctx)), () => ({
    events: [emit(tagFormatSet, ASSET_SETTINGS_ID, input)],
    result: null,
  }));
  return { tag_format: tagFormat(ctx.store) };
}

export function createCategory(ctx: CallContext, input: z.output<typeof CategoryInput>) {
  const id = `custom-${ctx.ids.next()}`;
  command(ctx, actorOf(signedIn(ctx)), () => ({ events: [emit(categoryCreated, id, input)], result: null }));
  return written(findCategory(ctx.store, id), 'category');
}

export function addMedium(ctx: CallContext, input: z.output<typeof AddMediumInput>): AssetView {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    const asset = findAssetRow(ctx.store, input.asset_id) ?? refuse('asset-not-found');
    refuseDisposed(asset, 'asset_id');
    // 3.6.3, issue 7: storage goes into a device that is here. Adding it while the device is away for
    // repair would record a medium inside a device at the provider's, as refused for the send itself.
    if (asset.repair_state === 'off_site') refuse('storage-device-away', { tag: asset.tag }, { asset_id: 'errors.storage-device-away' });
    return { events: [emit(mediumAdded, id, input)], result: null };
  });
  return findAsset(ctx.store, input.asset_id) as AssetView;
}

// 3.6.3: the medium is taken out, by whom, witnessed by whom, and where it is kept meanwhile.
export function removeMedium(ctx: CallContext, input: z.output<typeof RemoveMediumInput>): AssetView {
  const { medium_id, ...details } = input;
  const medium = findMedium(ctx.store, medium_id) ?? refuse('medium-not-found');
  command(ctx, actorOf(signedIn(ctx)), () => {
    const current = findMedium(ctx.store, medium_id) ?? refuse('medium-not-found');
    if (current.state !== 'installed' || !current.asset_id) refuse('medium-not-installed');
    const asset = findAssetRow(ctx.store, current.asset_id) ?? refuse('asset-not-found');
    refuseDisposed(asset);
    refuseFutureDate(ctx, details.removed_on, 'removed_on');
    refuseBeforeDevice(asset, details.removed_on, 'removed_on');
    if (details.entry_id) {
      // Taken out for a repair: not before that repair's fault was reported.
      const entry = findEntryDates(ctx, details.entry_id);
      if (!entry || entry.asset_id !== current.asset_id) refuse('entry-not-found', undefined, { entry_id: 'errors.entry-not-found' });
      refuseBefore(details.removed_on, entry.reported_on, 'date-before-report', 'removed_on');
    }
    return { events: [emit(mediumRemoved, medium_id, { asset_id: current.asset_id, ...details })], result: null };
  });
  return findAsset(ctx.store, medium.asset_id as string) as AssetView;
}

export function reinstallMedium(ctx: CallContext, input: z.output<typeof ReinstallMediumInput>): AssetView {
  const { medium_id, ...details } = input;
  const medium = findMedium(ctx.store, medium_id) ?? refuse('medium-not-found');
  command(ctx, actorOf(signedIn(ctx)), () => {
    const current = findMedium(ctx.store, medium_id) ?? refuse('medium-not-found');
    if (current.state !== 'removed' || !current.asset_id) refuse('medium-not-removed');
    const asset = findAssetRow(ctx.store, current.asset_id) ?? refuse('asset-not-found');
    refuseDisposed(asset);
    // A device away for repair has nowhere to put the medium back.
    if (asset.repair_state === 'off_site') refuse('asset-offsite');
    refuseFutureDate(ctx, details.reinstalled_on, 'reinstalled_on');
    refuseBefore(details.reinstalled_on, current.removed_on, 'date-before-removal', 'reinstalled_on');
    return { events: [emit(mediumReinstalled, medium_id, { asset_id: current.asset_id, ...details })], result: null };
  });
  return findAsset(ctx.store, medium.asset_id as string) as AssetView;
}

function findEntryDates(ctx: CallContext, entryId: string): { asset_id: string; reported_on: string } | undefined {
  return statement(ctx.store, 'SELECT asset_id, reported_on FROM maintenance_entries WHERE id = ?').get(entryId) as
    | { asset_id: string; reported_on: string }
    | undefined;
}
