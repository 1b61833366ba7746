// The stocktake screen's pure parts: the colour each scan's answer shows in, who may close, the lists of
// a result with the action each offers, and "changed since opening" in words.
import type { RouteName, RouteOutput } from '../../../db/contract/routes.ts';
import type { CommitteeView, ExpectedView, Finding, ScanOutcome, StocktakeResult } from '../../../db/stocktake/contract.ts';

export type StocktakeView = RouteOutput<'stocktake.get'>;
export type StocktakeSummary = RouteOutput<'stocktake.list'>[number];

export const STOCKTAKE_REFRESH: readonly RouteName[] = [
  'stocktake.list',
  'stocktake.get',
  'stocktake.counts',
  'stocktake.expected',
  'stocktake.result',
  'stocktake.conflicts',
  'assets.list',
  'assets.get',
  'handovers.list',
  'conflicts.list',
  'inbox.list',
];

/**
 * A scan's answer as a colour the counter reads at arm's length, with no sound: green when all is as the
 * register says, amber when the device is here but something differs (or it is accounted for elsewhere),
 * blue for a registered device outside the scope, red for a code the register does not know, grey for a
 * repeat.
 */
export type Tone = 'green' | 'amber' | 'blue' | 'red' | 'grey';

export const OUTCOME_TONES: Record<ScanOutcome, Tone> = {
  'found-here': 'green',
  'found-elsewhere': 'amber',
  'other-custodian': 'amber',
  'different-condition': 'amber',
  'label-missing': 'amber',
  'accounted-for': 'amber',
  'not-expected': 'blue',
  'not-in-register': 'red',
  'already-counted': 'grey',
};

/** Mantine's colour for a tone. */
export const TONE_COLORS: Record<Tone, string> = { green: 'green', amber: 'yellow', blue: 'blue', red: 'red', grey: 'gray' };

export function chairOf(committee: readonly CommitteeView[]): CommitteeView | null {
  return committee.find((member) => member.chair) ?? null;
}

/** The chair closes, signed in as themself (the core checks it too): anyone else sees who may. */
export function isChair(committee: readonly CommitteeView[], userId: string): boolean {
  const chair = chairOf(committee);
  return chair !== null && chair.user_id === userId;
}

/** Expected devices counted so far: the per-location progress of the snapshot's own rows (a device outside the scope is no progress). */
export function expectedCounted(view: Pick<StocktakeView, 'progress'>): number {
  return view.progress.filter((p) => p.expected > 0).reduce((sum, p) => sum + p.counted, 0);
}

/** The result's lists, in the order the committee reads them, with the action each finding offers. */
export const RESULT_LISTS = ['missing', 'found_elsewhere', 'custodian_mismatches', 'condition_differences', 'labels_missing', 'unknown', 'accounted_for', 'not_expected'] as const;
export type ResultList = (typeof RESULT_LISTS)[number];

export type FindingAction = 'move' | 'correct' | 'register' | 'report';

/** The route behind each action, for `can(...)`. */
export const ACTION_ROUTES = {
  move: 'stocktake.move-found',
  correct: 'stocktake.correct-custodian',
  register: 'stocktake.register-unknown',
  report: 'stocktake.report-missing',
} as const satisfies Record<FindingAction, RouteName>;

export const LIST_ACTIONS: Partial<Record<ResultList, FindingAction>> = {
  missing: 'report',
  found_elsewhere: 'move',
  custodian_mismatches: 'correct',
  unknown: 'register',
};

export function findingsOf(result: StocktakeResult, list: ResultList): Finding[] {
  return result[list];
}

/** A finding's key in its list: its device, or for a device not in the register its count. */
export function findingKey(finding: Finding): string {
  return finding.asset_id ?? finding.count_id ?? finding.tag;
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** What changed about an expected device since the stocktake was opened, in words; '' when nothing did. */
export function changedSince(row: ExpectedView, t: Translate): string {
  const now = row.now;
  if (!now) return '';
  const parts: string[] = [];
  if (now.location_id !== row.location_id) parts.push(now.location_id ? t('stocktake_ui.count.expected.moved-to', { place: now.location_name }) : t('stocktake_ui.count.expected.moved-nowhere'));
  if (now.custodian_id !== row.custodian_id) parts.push(now.custodian_id ? t('stocktake_ui.count.expected.custodian-now', { name: now.custodian_name }) : t('stocktake_ui.count.expected.custodian-none'));
  if (now.status !== row.status) parts.push(t('stocktake_ui.count.expected.status-now', { status: t(`statuses.${now.status}`) }));
  return parts.length === 0 ? '' : t('stocktake_ui.count.expected.changed', { what: parts.join('; ') });
}

/** The device as the panel names it: make and model, then the tag. */
export function deviceName(device: { make: string; model: string }): string {
  return [device.make, device.model].filter(Boolean).join(' ');
}
