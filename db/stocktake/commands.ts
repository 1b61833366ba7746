// Stocktake commands (issue 13): open with a frozen snapshot, count by scanning, record an unknown device,
// take back a wrong scan, close (the chair only), and the actions on the findings of a closed stocktake,
// each through the area that owns the change (the register, handovers). Each checks its rules against
// the current state, then records events.
import type { z } from 'zod';
import { registerAsset, updateAsset } from '../assets/commands.ts';
import { RegisterAssetInput, UpdateAssetInput } from '../assets/contract.ts';
import { findAssetRow } from '../assets/queries.ts';
import { translator } from '../contract/catalogues/index.ts';
import { STOCKTAKE_CHAIRS } from '../contract/roles.ts';
import { written } from '../core/assert.ts';
import { actorOf, command, signedIn, type CallContext } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { prepareHandover } from '../handovers/commands.ts';
import { emit, type NewEvent } from '../journal/types.ts';
import { statement, transaction } from '../store/open.ts';
import type { AssetRow } from '../store/schema.ts';
import type {
  AcknowledgeInput,
  CorrectCustodianInput,
  MoveFoundInput,
  OpenInput,
  RegisterUnknownInput,
  ReportMissingInput,
  ScanInput,
  ScanOutcome,
  ScanResult,
  StocktakeView,
  UndoInput,
  UnknownInput,
} from './contract.ts';
import {
  actionId,
  actionTaken,
  CHUNK_ROWS,
  countUndone,
  deviceCounted,
  incidentAcknowledged,
  missingReported,
  stocktakeClosed,
  stocktakeExpected,
  stocktakeOpened,
  unknownRecorded,
  type ExpectedRow,
} from './events.ts';
import {
  accountedReason,
  activeCountOf,
  expectedRowOf,
  findActionRow,
  findCountRow,
  findStocktake,
  findStocktakeRow,
  registeredCondition,
  resultOf,
} from './queries.ts';
import type { StocktakeCountRow, StocktakeRow } from './schema.ts';
import { inTagOrder, snapshotHash } from './snapshot.ts';

const done = (ctx: CallContext, id: string): StocktakeView => written(findStocktake(ctx.store, id), 'stocktake');

function existing(ctx: CallContext, id: string): StocktakeRow {
  return findStocktakeRow(ctx.store, id) ?? refuse('stocktake-not-found');
}

function refuseUnlessOpen(row: StocktakeRow): void {
  if (row.state !== 'open') refuse('stocktake-closed', { name: row.name });
}

function refuseUnlessClosed(row: StocktakeRow): void {
  if (row.state !== 'closed') refuse('stocktake-not-closed', { name: row.name });
}

function locationName(ctx: CallContext, id: string, field: string): string {
  const row = statement(ctx.store, 'SELECT name FROM locations WHERE id = ?').get(id) as { name: string } | undefined;
  return row?.name ?? refuse('location-not-found', undefined, { [field]: 'errors.location-not-found' });
}

function personName(ctx: CallContext, id: string, field: string): string {
  const row = statement(ctx.store, 'SELECT full_name FROM people WHERE id = ?').get(id) as { full_name: string } | undefined;
  return row?.full_name ?? refuse('person-not-found', undefined, { [field]: 'errors.person-not-found' });
}

// ---- opening -----------------------------------------------------------------------------------------

/** Devices that have left the institution are not expected anywhere. */
const LEFT = "a.status NOT IN ('disposed', 'transferred')";
const EXPECTED_SQL = `SELECT a.id AS asset_id, a.tag, a.make, a.model, a.category, a.serial, a.location_id, COALESCE(l.name, '') AS location_name,
    a.department_id, COALESCE(d.name, '') AS department_name, a.custodian_id, COALESCE(p.full_name, '') AS custodian_name, a.status
  FROM assets a LEFT JOIN locations l ON l.id = a.location_id LEFT JOIN departments d ON d.id = a.department_id LEFT JOIN people p ON p.id = a.custodian_id
  WHERE ${LEFT}`;

function expectedDevices(ctx: CallContext, scope: z.output<typeof OpenInput>['scope']): ExpectedRow[] {
  if (scope.kind === 'all') return statement(ctx.store, EXPECTED_SQL).all() as ExpectedRow[];
  if (scope.kind === 'locations') return statement(ctx.store, `${EXPECTED_SQL} AND a.location_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(scope.location_ids)) as ExpectedRow[];
  return statement(ctx.store, `${EXPECTED_SQL} AND a.department_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(scope.department_ids)) as ExpectedRow[];
}

function scopeNames(ctx: CallContext, scope: z.output<typeof OpenInput>['scope']): string[] {
  if (scope.kind === 'all') return [];
  if (scope.kind === 'locations') return [...new Set(scope.location_ids)].map((id) => locationName(ctx, id, 'scope.location_ids'));
  const lookup = statement(ctx.store, 'SELECT name FROM departments WHERE id = ?');
  return [...new Set(scope.department_ids)].map((id) => {
    const row = lookup.get(id) as { name: string } | undefined;
    return row?.name ?? refuse('department-not-found', undefined, { 'scope.department_ids': 'errors.department-not-found' });
  });
}

/**
 * Opens a stocktake: freezes what the register expects in the scope, in the journal, so that every
 * installation counting it expects the same devices. The header names the snapshot's size and SHA-256;
 * the rows follow in chunks, all in one transaction.
 */
export function openStocktake(ctx: CallContext, input: z.output<typeof OpenInput>): StocktakeView {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    const chair = input.committee.find((member) => member.chair);
    if (chair?.user_id) {
      const account = statement(ctx.store, 'SELECT roles FROM users WHERE id = ? AND active = 1').get(chair.user_id) as { roles: string } | undefined;
      const roles = account ? (JSON.parse(account.roles) as string[]) : [];
      if (!roles.some((role) => (STOCKTAKE_CHAIRS as readonly string[]).includes(role))) {
        refuse('stocktake-chair-unknown', { name: chair.name }, { committee: 'errors.stocktake-chair-unknown' });
      }
    }
    const names = scopeNames(ctx, input.scope);
    const rows = inTagOrder(expectedDevices(ctx, input.scope));
    const chunks: NewEvent[] = [];
    for (let start = 0, chunk = 1; start < rows.length; start += CHUNK_ROWS, chunk += 1) {
      chunks.push(emit(stocktakeExpected, id, { stocktake_id: id, chunk, rows: rows.slice(start, start + CHUNK_ROWS) }));
    }
    const header = emit(stocktakeOpened, id, {
      name: input.name,
      scope: input.scope,
      scope_names: names,
      committee: input.committee.map((m) => ({ name: m.name, title: m.title, user_id: m.user_id, chair: m.chair })),
      starts_on: input.starts_on,
      ends_on: input.ends_on,
      expected_count: rows.length,
      chunks: chunks.length,
      snapshot_sha256: snapshotHash(rows),
    });
    return { events: [header, ...chunks], result: null };
  });
  return done(ctx, id);
}

// ---- counting ------------------------------------------------------------------------------------------

interface ScannedAsset {
  id: string;
  tag: string;
  make: string;
  model: string;
  category: string;
  serial: string;
  status: string;
}

/** The scanner types the tag (the QR label holds exactly it); matched without regard to case. */
function assetByCode(ctx: CallContext, code: string): ScannedAsset | undefined {
  return statement(ctx.store, 'SELECT id, tag, make, model, category, serial, status FROM assets WHERE tag = ? COLLATE NOCASE ORDER BY id LIMIT 1').get(code.trim()) as
    | ScannedAsset
    | undefined;
}

const deviceOf = (a: ScannedAsset) => ({ asset_id: a.id, tag: a.tag, make: a.make, model: a.model, category: a.category, serial: a.serial });

/** One scan, answered at once: the outcome the counter sees, and the count it records (none for a repeat or a code that names nothing). */
export function scan(ctx: CallContext, input: z.output<typeof ScanInput>): ScanResult {
  const countId = ctx.ids.next();
  return command(ctx, actorOf(signedIn(ctx)), (): { events: NewEvent[]; result: ScanResult } => {
    const row = existing(ctx, input.stocktake_id);
    refuseUnlessOpen(row);
    const here = locationName(ctx, input.location_id, 'location_id');
    const asset = assetByCode(ctx, input.code);
    if (!asset) return { events: [], result: { outcome: 'not-in-register', count_id: null, asset: null, expected_location_name: '' } };
    const expected = expectedRowOf(ctx.store, row.id, asset.id);
    const before = activeCountOf(ctx.store, row.id, asset.id);
    if (before) {
      return {
        events: [],
        result: {
          outcome: 'already-counted',
          count_id: null,
          asset: deviceOf(asset),
          expected_location_name: expected?.location_name ?? '',
          counted_before: { location_name: before.location_name, counted_by_name: before.counted_by_name, counted_at: before.counted_at },
        },
      };
    }
    const custodianName = input.custodian_id ? personName(ctx, input.custodian_id, 'custodian_id') : '';
    const reason = accountedReason(asset.status);
    let outcome: ScanOutcome;
    if (!expected) outcome = 'not-expected';
    else if (reason) outcome = 'accounted-for';
    else if (expected.location_id !== input.location_id) outcome = 'found-elsewhere';
    else if (input.custodian_id !== null && input.custodian_id !== expected.custodian_id) outcome = 'other-custodian';
    else if (input.condition !== null && input.condition !== registeredCondition(expected.status)) outcome = 'different-condition';
    else if (input.label_missing) outcome = 'label-missing';
    else outcome = 'found-here';
    const event = emit(deviceCounted, countId, {
      stocktake_id: row.id,
      location_id: input.location_id,
      location_name: here,
      asset_id: asset.id,
      tag: asset.tag,
      make: asset.make,
      model: asset.model,
      serial: asset.serial,
      custodian_id: input.custodian_id,
      custodian_name: custodianName,
      condition: input.condition,
      label_missing: input.label_missing,
      note: input.note,
      outcome,
      reason: outcome === 'accounted-for' ? reason : null,
    });
    return {
      events: [event],
      result: {
        outcome,
        count_id: countId,
        asset: deviceOf(asset),
        expected_location_name: expected?.location_name ?? '',
        ...(outcome === 'accounted-for' && reason ? { reason } : {}),
      },
    };
  }).result;
}

/** A device the register does not know, described where it was found, to be registered later. */
export function recordUnknown(ctx: CallContext, input: z.output<typeof UnknownInput>): StocktakeCountRow {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    const row = existing(ctx, input.stocktake_id);
    refuseUnlessOpen(row);
    const here = locationName(ctx, input.location_id, 'location_id');
    return {
      events: [
        emit(unknownRecorded, id, {
          stocktake_id: row.id,
          location_id: input.location_id,
          location_name: here,
          asset_id: null,
          tag: input.code,
          make: input.make,
          model: input.model,
          serial: input.serial,
          custodian_id: null,
          custodian_name: '',
          condition: null,
          label_missing: true,
          note: input.note,
        }),
      ],
      result: null,
    };
  });
  return written(findCountRow(ctx.store, id), 'stocktake count');
}

/** A wrong scan taken back, by the one who counted it, while the stocktake is open. */
export function undoCount(ctx: CallContext, input: z.output<typeof UndoInput>): StocktakeCountRow {
  const user = signedIn(ctx);
  command(ctx, actorOf(user), () => {
    const row = existing(ctx, input.stocktake_id);
    refuseUnlessOpen(row);
    const count = findCountRow(ctx.store, input.count_id);
    if (!count || count.stocktake_id !== row.id) refuse('stocktake-count-not-found');
    if (count.undone === 1) refuse('stocktake-count-undone', { tag: count.tag || count.make });
    if (count.counted_by !== user.id) refuse('stocktake-undo-not-yours', { name: count.counted_by_name });
    return { events: [emit(countUndone, count.id, { stocktake_id: row.id, asset_id: count.asset_id, tag: count.tag, location_name: count.location_name })], result: null };
  });
  return written(findCountRow(ctx.store, input.count_id), 'stocktake count');
}

// ---- closing ----------------------------------------------------------------------------------------------

/** Only the committee's chair, signed in as themself, closes; closing records the totals of the result. */
export function closeStocktake(ctx: CallContext, input: { stocktake_id: string }): StocktakeView {
  const user = signedIn(ctx);
  command(ctx, actorOf(user), () => {
    const row = existing(ctx, input.stocktake_id);
    refuseUnlessOpen(row);
    if (row.chair_user_id !== user.id) {
      const chair = (JSON.parse(row.committee) as { name: string; chair: boolean }[]).find((m) => m.chair);
      refuse('stocktake-chair-only', { name: chair?.name ?? '' });
    }
    const { totals } = resultOf(ctx.store, row);
    return { events: [emit(stocktakeClosed, row.id, { name: row.name, totals })], result: null };
  });
  return done(ctx, input.stocktake_id);
}

// ---- actions on the findings ------------------------------------------------------------------------------

/** The finding an action rests on: a closed stocktake, a device it expected and counted, no action yet. */
function countedFinding(ctx: CallContext, kind: 'moved' | 'custodian-corrected', stocktakeId: string, assetId: string) {
  const row = existing(ctx, stocktakeId);
  refuseUnlessClosed(row);
  const expected = expectedRowOf(ctx.store, row.id, assetId);
  const count = activeCountOf(ctx.store, row.id, assetId);
  const asset = findAssetRow(ctx.store, assetId);
  if (!expected || !count || !asset) refuse('stocktake-finding-not-found');
  if (findActionRow(ctx.store, row.id, kind, assetId)) refuse('stocktake-action-already-taken', { tag: expected.tag });
  return { row, expected, count, asset };
}

/** The register's particulars of a device, as the update form would send them unchanged. */
function particulars(asset: AssetRow) {
  return {
    asset_id: asset.id,
    tag: asset.tag,
    category: asset.category,
    make: asset.make,
    model: asset.model,
    serial: asset.serial,
    purchase_date: asset.purchase_date,
    supplier: asset.supplier,
    cost_tzs: asset.cost_tzs,
    funding_source: asset.funding_source,
    warranty_end: asset.warranty_end,
    location_id: asset.location_id,
    department_id: asset.department_id,
    custodian_id: asset.custodian_id,
    classification: asset.classification,
    can_hold_records: asset.can_hold_records === 1,
    notes: asset.notes,
  };
}

function linked(ctx: CallContext, row: StocktakeRow, subject: { asset_id: string | null; count_id: string | null; tag: string }, kind: 'moved' | 'custodian-corrected' | 'registered', ref: string, label: string): void {
  command(ctx, actorOf(signedIn(ctx)), () => ({
    events: [emit(actionTaken, actionId(row.id, kind, kind === 'registered' ? (subject.count_id ?? '') : (subject.asset_id ?? '')), { stocktake_id: row.id, ...subject, kind, ref, ref_label: label })],
    result: null,
  }));
}

/** Moves a device found elsewhere to where it was found, through the register's own update, and links it. */
export function moveFound(ctx: CallContext, input: z.output<typeof MoveFoundInput>): StocktakeView {
  transaction(ctx.store, () => {
    const { row, expected, count, asset } = countedFinding(ctx, 'moved', input.stocktake_id, input.asset_id);
    if (count.location_id === expected.location_id) refuse('stocktake-not-found-elsewhere', { tag: expected.tag });
    updateAsset(ctx, UpdateAssetInput.parse({ ...particulars(asset), location_id: count.location_id }));
    linked(ctx, row, { asset_id: asset.id, count_id: count.id, tag: asset.tag }, 'moved', asset.id, count.location_name);
  });
  return done(ctx, input.stocktake_id);
}

/** Starts a handover of a device found with another custodian, to the custodian seen, and links it. */
export function correctCustodian(ctx: CallContext, input: z.output<typeof CorrectCustodianInput>): StocktakeView {
  transaction(ctx.store, () => {
    const { row, expected, count, asset } = countedFinding(ctx, 'custodian-corrected', input.stocktake_id, input.asset_id);
    if (count.custodian_id === null || count.custodian_id === expected.custodian_id) refuse('stocktake-no-custodian-mismatch', { tag: expected.tag });
    const reason = input.note || translator('sw')('stocktake.handover-reason', { name: row.name });
    const handover = prepareHandover(ctx, {
      kind: 'handover',
      from: asset.custodian_id ? { type: 'person', person_id: asset.custodian_id } : { type: 'store' },
      to: { type: 'person', person_id: count.custodian_id },
      lines: [{ asset_id: asset.id, condition: 'good', accessories: '' }],
      reason,
    });
    linked(ctx, row, { asset_id: asset.id, count_id: count.id, tag: asset.tag }, 'custodian-corrected', handover.id, handover.number);
  });
  return done(ctx, input.stocktake_id);
}

/** Registers a device found that the register did not know, from its description, where it was found. */
export function registerUnknown(ctx: CallContext, input: z.output<typeof RegisterUnknownInput>): StocktakeView {
  transaction(ctx.store, () => {
    const row = existing(ctx, input.stocktake_id);
    refuseUnlessClosed(row);
    const count = findCountRow(ctx.store, input.count_id);
    if (!count || count.stocktake_id !== row.id || count.outcome !== 'unknown' || count.undone === 1) refuse('stocktake-finding-not-found');
    if (findActionRow(ctx.store, row.id, 'registered', count.id)) refuse('stocktake-action-already-taken', { tag: count.make || count.serial });
    const make = input.make || count.make;
    const model = input.model || count.model;
    if (!make || !model) refuse('stocktake-description-incomplete', undefined, make ? { model: 'validation.required' } : { make: 'validation.required' });
    const asset = registerAsset(
      ctx,
      RegisterAssetInput.parse({ category: input.category, make, model, serial: count.serial, tag: input.tag, location_id: count.location_id, notes: count.note }),
    );
    linked(ctx, row, { asset_id: asset.id, count_id: count.id, tag: asset.tag }, 'registered', asset.id, asset.tag);
  });
  return done(ctx, input.stocktake_id);
}

/**
 * Reports an expected device not found as missing: an incident the Accounting Officer sees in the
 * inbox until acknowledged. The device's status stays the register's: the register derives "lost" only
 * from a loss report of the removable-media register (3.6.10), which this incident is not.
 */
export function reportMissing(ctx: CallContext, input: z.output<typeof ReportMissingInput>): StocktakeView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const row = existing(ctx, input.stocktake_id);
    refuseUnlessClosed(row);
    const expected = expectedRowOf(ctx.store, row.id, input.asset_id);
    if (!expected) refuse('stocktake-finding-not-found');
    const missing = resultOf(ctx.store, row).missing.some((f) => f.asset_id === expected.asset_id);
    if (!missing) refuse('stocktake-not-missing', { tag: expected.tag });
    if (findActionRow(ctx.store, row.id, 'missing-reported', expected.asset_id)) refuse('stocktake-action-already-taken', { tag: expected.tag });
    return {
      events: [emit(missingReported, actionId(row.id, 'missing-reported', expected.asset_id), { stocktake_id: row.id, asset_id: expected.asset_id, count_id: null, tag: expected.tag, note: input.note })],
      result: null,
    };
  });
  return done(ctx, input.stocktake_id);
}

/** The Accounting Officer acknowledges a missing-device incident; the inbox stops asking. */
export function acknowledgeIncident(ctx: CallContext, input: z.output<typeof AcknowledgeInput>): StocktakeView {
  command(ctx, actorOf(signedIn(ctx)), () => {
    const row = existing(ctx, input.stocktake_id);
    const incident = findActionRow(ctx.store, row.id, 'missing-reported', input.asset_id);
    if (!incident || incident.kind !== 'missing-reported') refuse('stocktake-incident-not-found');
    if (incident.acknowledged === 1) refuse('stocktake-incident-acknowledged', { tag: incident.tag, name: incident.acknowledged_by_name });
    return {
      events: [emit(incidentAcknowledged, incident.id, { stocktake_id: row.id, asset_id: incident.asset_id, count_id: null, tag: incident.tag, note: input.note })],
      result: null,
    };
  });
  return done(ctx, input.stocktake_id);
}
