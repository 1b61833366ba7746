// Stocktake (issue 13): a committee checks the register against the devices. The inputs of every route,
// the outcomes a scan answers with, the findings of a closed stocktake, and the shapes the screen and
// the printed report read. Pure zod and pure types; messages are catalogue keys.
import { z } from 'zod';
import { CalendarDate, Cursor, Id, NullableId, optionalMultilineText, optionalText, text, multilineText } from '../contract/inputs.ts';

export const STOCKTAKE_STATES = ['open', 'closed'] as const;
export type StocktakeState = (typeof STOCKTAKE_STATES)[number];

/** What a counter sees in the device, as the committee's sheet asks it. */
export const OBSERVED_CONDITIONS = ['working', 'faulty', 'unserviceable'] as const;
export type ObservedCondition = (typeof OBSERVED_CONDITIONS)[number];

/**
 * What one scan answers, at once, for the counter to see without looking away twice:
 * - found-here: expected in this location, and nothing differs;
 * - found-elsewhere: expected in another location (the counted location is recorded);
 * - other-custodian: here, with another custodian than the register names;
 * - different-condition: here, in another condition than the register records;
 * - label-missing: here, its label gone (attach a new one);
 * - not-in-register: the code names no device at all;
 * - not-expected: a registered device outside the stocktake's scope;
 * - already-counted: counted before in this stocktake (where and by whom); nothing new is written;
 * - accounted-for: away for repair, off premises with an approval, or in a disposal batch; still recorded as seen.
 */
export const SCAN_OUTCOMES = [
  'found-here',
  'found-elsewhere',
  'other-custodian',
  'different-condition',
  'label-missing',
  'not-in-register',
  'not-expected',
  'already-counted',
  'accounted-for',
] as const;
export type ScanOutcome = (typeof SCAN_OUTCOMES)[number];

/** Why an expected device not found in its place still counts as accounted for. */
export const ACCOUNTED_REASONS = ['away-for-repair', 'off-premises', 'in-disposal'] as const;
export type AccountedReason = (typeof ACCOUNTED_REASONS)[number];

/** The kinds of finding an action may be taken on, from a closed stocktake's result. */
export const ACTION_KINDS = ['moved', 'custodian-corrected', 'registered', 'missing-reported'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

// ---- inputs ----------------------------------------------------------------------------------------

export const Scope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('locations'), location_ids: z.array(Id).min(1, 'validation.required').max(500, 'validation.too_big') }),
  z.strictObject({ kind: z.literal('departments'), department_ids: z.array(Id).min(1, 'validation.required').max(500, 'validation.too_big') }),
]);
export type Scope = z.output<typeof Scope>;

export const CommitteeMember = z.strictObject({
  name: text(120),
  title: text(120),
  /** The member's account, when they have one; the chair must, since closing needs the chair signed in. */
  user_id: NullableId,
  chair: z.boolean().default(false),
});
export type CommitteeMember = z.output<typeof CommitteeMember>;

export const OpenInput = z
  .strictObject({
    name: text(200),
    scope: Scope,
    committee: z.array(CommitteeMember).min(1, 'validation.required').max(30, 'validation.too_big'),
    starts_on: CalendarDate,
    ends_on: CalendarDate,
  })
  .superRefine((value, ctx) => {
    const chairs = value.committee.filter((member) => member.chair);
    if (chairs.length !== 1) ctx.addIssue({ code: 'custom', path: ['committee'], message: 'validation.stocktake-one-chair' });
    else if (!chairs[0]?.user_id) ctx.addIssue({ code: 'custom', path: ['committee'], message: 'validation.stocktake-chair-account' });
    if (value.ends_on < value.starts_on) ctx.addIssue({ code: 'custom', path: ['ends_on'], message: 'validation.stocktake-ends-before-start' });
  });
export type OpenInput = z.input<typeof OpenInput>;

export const StocktakeIdInput = z.strictObject({ stocktake_id: Id });
export const StocktakeListInput = z.strictObject({ state: z.enum([...STOCKTAKE_STATES, 'all']).default('all') });

/** One scan: what the scanner typed (a tag, or the text of the QR label, which holds exactly the tag) where the counter stands. */
export const ScanInput = z.strictObject({
  stocktake_id: Id,
  location_id: Id,
  code: text(200),
  /** What the counter sees, when it differs from the register: who holds it, its condition, a missing label. */
  custodian_id: NullableId,
  condition: z.enum(OBSERVED_CONDITIONS).nullable().default(null),
  label_missing: z.boolean().default(false),
  note: optionalMultilineText(500),
});
export type ScanInput = z.input<typeof ScanInput>;

/** A device found that the register does not know: described, to be registered later. */
export const UnknownInput = z
  .strictObject({
    stocktake_id: Id,
    location_id: Id,
    /**
     * The code the scanner read on it (a label from elsewhere, a tag the register lacks), blank when none
     * was read. Kept as data in the count's tag, so each reader sees it in their own language's words.
     */
    code: optionalText(200),
    make: optionalText(80),
    model: optionalText(80),
    serial: optionalText(80),
    note: optionalMultilineText(1000),
  })
  .superRefine((value, ctx) => {
    if (!value.code && !value.make && !value.model && !value.serial && !value.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'validation.required' });
  });
export type UnknownInput = z.input<typeof UnknownInput>;

/** A wrong scan taken back by its counter, while the stocktake is open. */
export const UndoInput = z.strictObject({ stocktake_id: Id, count_id: Id });

export const CountsInput = z.strictObject({
  stocktake_id: Id,
  location_id: Id,
  after: Cursor,
  limit: z.number().int().min(1).max(200).default(50),
});
export type CountsInput = z.input<typeof CountsInput>;

export const ExpectedInput = z.strictObject({
  stocktake_id: Id,
  location_id: NullableId,
  /** Only the rows whose device changed since the stocktake was opened. */
  changed_only: z.boolean().default(false),
  after: Cursor,
  limit: z.number().int().min(1).max(200).default(50),
});
export type ExpectedInput = z.input<typeof ExpectedInput>;

/** Move a device found elsewhere to where it was found (ICT). */
export const MoveFoundInput = z.strictObject({ stocktake_id: Id, asset_id: Id });
/** Correct the custodian of a device found with another: starts a handover to the custodian seen. */
export const CorrectCustodianInput = z.strictObject({ stocktake_id: Id, asset_id: Id, note: optionalMultilineText(1000) });
/** Register a device found that the register did not know, from its recorded description (ICT). */
export const RegisterUnknownInput = z.strictObject({
  stocktake_id: Id,
  count_id: Id,
  category: Id,
  /** Blank: generated, as any registration. */
  tag: optionalText(40),
  /** Blank: as the counter described it. */
  make: optionalText(80),
  model: optionalText(120),
});
/** Report an expected device not found: an incident the Accounting Officer acknowledges. */
export const ReportMissingInput = z.strictObject({ stocktake_id: Id, asset_id: Id, note: multilineText(1000) });
export const AcknowledgeInput = z.strictObject({ stocktake_id: Id, asset_id: Id, note: optionalMultilineText(1000) });

// ---- what the routes answer --------------------------------------------------------------------------

/** A device as a scan names it. */
export interface ScannedDevice {
  asset_id: string;
  tag: string;
  make: string;
  model: string;
  category: string;
  serial: string;
}

export interface ScanResult {
  outcome: ScanOutcome;
  /** The count written; null when nothing was written (already counted, a code that names nothing). */
  count_id: string | null;
  asset: ScannedDevice | null;
  /** Where the snapshot expects the device; '' when it expects it nowhere. */
  expected_location_name: string;
  /** accounted-for: why. */
  reason?: AccountedReason;
  /** already-counted: where and by whom it was counted before. */
  counted_before?: { location_name: string; counted_by_name: string; counted_at: string };
}

export interface CommitteeView {
  name: string;
  title: string;
  user_id: string | null;
  chair: boolean;
}

/** The per-location progress of a stocktake. */
export interface LocationProgress {
  location_id: string;
  location_name: string;
  expected: number;
  counted: number;
}

export interface StocktakeSummary {
  id: string;
  name: string;
  state: StocktakeState;
  starts_on: string;
  ends_on: string;
  expected_count: number;
  counted_count: number;
  opened_by_name: string;
  opened_at: string;
  closed_at: string;
}

export interface StocktakeView extends StocktakeSummary {
  scope: Scope;
  /** The names of the scope's locations or departments, as at opening. */
  scope_names: string[];
  committee: CommitteeView[];
  snapshot_sha256: string;
  closed_by_name: string;
  progress: LocationProgress[];
  /** The totals recorded when closing; null while open. */
  totals: ResultTotals | null;
}

export interface CountView {
  id: string;
  stocktake_id: string;
  location_id: string;
  location_name: string;
  outcome: ScanOutcome | 'unknown';
  asset_id: string | null;
  tag: string;
  make: string;
  model: string;
  serial: string;
  custodian_id: string | null;
  custodian_name: string;
  condition: ObservedCondition | null;
  label_missing: boolean;
  reason: AccountedReason | null;
  note: string;
  counted_by_name: string;
  counted_at: string;
}

/** An expected row as frozen at opening; `now` shows the device as it is today when it changed since. */
export interface ExpectedView {
  asset_id: string;
  tag: string;
  make: string;
  model: string;
  category: string;
  serial: string;
  location_id: string | null;
  location_name: string;
  department_id: string | null;
  department_name: string;
  custodian_id: string | null;
  custodian_name: string;
  status: string;
  /** Whether a count in this stocktake saw it. */
  counted: boolean;
  now: { location_id: string | null; location_name: string; custodian_id: string | null; custodian_name: string; status: string } | null;
}

export interface ResultTotals {
  expected: number;
  found: number;
  missing: number;
  found_elsewhere: number;
  custodian_mismatches: number;
  condition_differences: number;
  labels_missing: number;
  unknown: number;
  accounted_for: number;
}

/** One finding about a device, with the action taken on it, if any. */
export interface Finding {
  asset_id: string | null;
  count_id: string | null;
  tag: string;
  make: string;
  model: string;
  serial: string;
  expected_location_name: string;
  found_location_id: string | null;
  found_location_name: string;
  expected_custodian_name: string;
  found_custodian_id: string | null;
  found_custodian_name: string;
  expected_status: string;
  condition: ObservedCondition | null;
  reason: AccountedReason | null;
  note: string;
  action: { kind: ActionKind; ref: string; by_name: string; at: string; acknowledged: boolean } | null;
}

export interface LocationCounts {
  location_id: string;
  location_name: string;
  expected: number;
  found: number;
  missing: number;
}

export interface StocktakeResult {
  stocktake: StocktakeView;
  totals: ResultTotals;
  missing: Finding[];
  found_elsewhere: Finding[];
  custodian_mismatches: Finding[];
  condition_differences: Finding[];
  labels_missing: Finding[];
  unknown: Finding[];
  accounted_for: Finding[];
  /** Registered devices counted that the snapshot did not expect (outside the scope). */
  not_expected: Finding[];
  by_location: LocationCounts[];
}

// ---- conflicts a merge can reveal -------------------------------------------------------------------

/** One device counted in two different locations of one stocktake (by two installations, or two counters). */
export const COUNTED_IN_TWO_PLACES = 'stocktake-counted-in-two-places';
export const STOCKTAKE_CONFLICT_KINDS = [COUNTED_IN_TWO_PLACES] as const;

/** A catalogue lookup with `{{name}}` parameters: the core's translator or the window's i18next `t`. */
type Translate = (key: string, params?: Record<string, string | number>) => string;

const words = (value: unknown): string => (typeof value === 'string' ? value : '');
const wordList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * A stocktake conflict in plain words, in the language of `t`: the device by its tag, the places and who
 * counted it there. While the stocktake is open the wrong count can still be taken back; once closed it
 * cannot, so the sentence says which count the findings kept and what is left to do in the register.
 */
export function describeStocktakeConflict(conflict: { kind: string; detail: Record<string, unknown> }, t: Translate): string {
  const { detail } = conflict;
  const places = wordList(detail.places);
  const counters = wordList(detail.counters);
  const closed = words(detail.state) === 'closed';
  return t(closed ? 'stocktake.conflicts.counted-in-two-places-closed' : 'stocktake.conflicts.counted-in-two-places', {
    tag: words(detail.tag),
    stocktake: words(detail.stocktake),
    places: places.map((place, i) => (counters[i] ? `${place} (${counters[i]})` : place)).join(', '),
    kept: words(detail.kept),
  });
}
