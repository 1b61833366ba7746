// Reading stocktakes: the list, one stocktake with its progress per location, the counts of a location,
// the expected rows beside the device as it is now, and the result with its findings. The scan's own
// lookups are here too, each one prepared statement (STYLE.md: the scan is the hot path).
import { decodeCursor, encodeCursor, type Page } from '../core/paging.ts';
import { statement, type Store } from '../store/open.ts';
import { binaryOrder } from '../journal/project.ts';
import type {
  AccountedReason,
  ActionKind,
  CountView,
  ExpectedView,
  Finding,
  LocationCounts,
  LocationProgress,
  ObservedCondition,
  ResultTotals,
  ScanOutcome,
  Scope,
  StocktakeResult,
  StocktakeState,
  StocktakeSummary,
  StocktakeView,
} from './contract.ts';
import { actionId } from './events.ts';
import type { StocktakeActionRow, StocktakeCountRow, StocktakeExpectedRow, StocktakeRow } from './schema.ts';

/** A device in one of these states is accounted for although not in its place (issue 13). */
export function accountedReason(status: string): AccountedReason | null {
  if (status === 'away_for_repair') return 'away-for-repair';
  if (status === 'off_premises') return 'off-premises';
  if (status === 'in_disposal' || status === 'awaiting_disposal') return 'in-disposal';
  return null;
}

/** The condition the register's status implies, which a counter's observation is compared with. */
export function registeredCondition(status: string): ObservedCondition {
  if (status === 'under_repair' || status === 'away_for_repair') return 'faulty';
  if (status === 'in_disposal' || status === 'awaiting_disposal') return 'unserviceable';
  return 'working';
}

export function findStocktakeRow(store: Store, id: string): StocktakeRow | undefined {
  return statement(store, 'SELECT * FROM stocktakes WHERE id = ?').get(id) as StocktakeRow | undefined;
}

export function expectedRowOf(store: Store, stocktakeId: string, assetId: string): StocktakeExpectedRow | undefined {
  return statement(store, 'SELECT * FROM stocktake_expected WHERE stocktake_id = ? AND asset_id = ? LIMIT 1').get(stocktakeId, assetId) as StocktakeExpectedRow | undefined;
}

/** The count standing for a device in a stocktake (not undone), the oldest first. */
export function activeCountOf(store: Store, stocktakeId: string, assetId: string): StocktakeCountRow | undefined {
  return statement(store, 'SELECT * FROM stocktake_counts WHERE stocktake_id = ? AND asset_id = ? AND undone = 0 ORDER BY counted_at, id LIMIT 1').get(stocktakeId, assetId) as
    | StocktakeCountRow
    | undefined;
}

export function findCountRow(store: Store, id: string): StocktakeCountRow | undefined {
  return statement(store, 'SELECT * FROM stocktake_counts WHERE id = ?').get(id) as StocktakeCountRow | undefined;
}

export function findActionRow(store: Store, stocktakeId: string, kind: ActionKind, subject: string): StocktakeActionRow | undefined {
  return statement(store, 'SELECT * FROM stocktake_actions WHERE id = ?').get(actionId(stocktakeId, kind, subject)) as StocktakeActionRow | undefined;
}

/** Incidents of missing devices the Accounting Officer has not acknowledged yet. */
export function unacknowledgedIncidents(store: Store): number {
  return (statement(store, "SELECT count(*) AS n FROM stocktake_actions WHERE kind = 'missing-reported' AND acknowledged = 0").get() as { n: number }).n;
}

/** The expected devices counted so far: a device found outside the scope is a finding, not progress. */
function countedCount(store: Store, id: string): number {
  return (
    statement(
      store,
      `SELECT count(DISTINCT c.asset_id) AS n FROM stocktake_counts c
         JOIN stocktake_expected e ON e.stocktake_id = c.stocktake_id AND e.asset_id = c.asset_id
        WHERE c.stocktake_id = ? AND c.undone = 0`,
    ).get(id) as { n: number }
  ).n;
}

function toSummary(store: Store, row: StocktakeRow): StocktakeSummary {
  return {
    id: row.id,
    name: row.name,
    state: row.state as StocktakeState,
    starts_on: row.starts_on,
    ends_on: row.ends_on,
    expected_count: row.expected_count,
    counted_count: countedCount(store, row.id),
    opened_by_name: row.opened_by_name,
    opened_at: row.opened_at,
    closed_at: row.closed_at,
  };
}

export function listStocktakes(store: Store, state: StocktakeState | 'all'): StocktakeSummary[] {
  const rows = (
    state === 'all'
      ? statement(store, 'SELECT * FROM stocktakes ORDER BY created_at DESC, id').all()
      : statement(store, 'SELECT * FROM stocktakes WHERE state = ? ORDER BY created_at DESC, id').all(state)
  ) as StocktakeRow[];
  return rows.map((row) => toSummary(store, row));
}

/** Expected and counted devices per location: the locations the snapshot expects, then those only counted in. */
function progressOf(store: Store, id: string): LocationProgress[] {
  // Grouped along the (stocktake, location) index, and the counted ones from the counts: a stocktake just opened has none to look up.
  const expected = (
    statement(
      store,
      `SELECT e.location_id, max(e.location_name) AS location_name, count(*) AS expected FROM stocktake_expected e WHERE e.stocktake_id = ? GROUP BY e.location_id`,
    ).all(id) as { location_id: string | null; location_name: string; expected: number }[]
  ).map((row) => ({ location_id: row.location_id ?? '', location_name: row.location_name, expected: row.expected, counted: 0 }));
  const found = statement(
    store,
    `SELECT e.location_id, count(DISTINCT c.asset_id) AS counted FROM stocktake_counts c
       JOIN stocktake_expected e ON e.stocktake_id = c.stocktake_id AND e.asset_id = c.asset_id
      WHERE c.stocktake_id = ? AND c.undone = 0 GROUP BY e.location_id`,
  ).all(id) as { location_id: string | null; counted: number }[];
  const byLocation = new Map(expected.map((row) => [row.location_id, row]));
  for (const row of found) {
    const progress = byLocation.get(row.location_id ?? '');
    if (progress) progress.counted = row.counted;
  }
  expected.sort((a, b) => binaryOrder(a.location_name, b.location_name) || binaryOrder(a.location_id, b.location_id));
  const countedHere = statement(
    store,
    `SELECT location_id, location_name, count(*) AS counted FROM stocktake_counts WHERE stocktake_id = ? AND undone = 0 GROUP BY location_id ORDER BY location_name, location_id`,
  ).all(id) as { location_id: string; location_name: string; counted: number }[];
  const known = new Set(expected.map((p) => p.location_id));
  return [...expected, ...countedHere.filter((c) => !known.has(c.location_id)).map((c) => ({ location_id: c.location_id, location_name: c.location_name, expected: 0, counted: c.counted }))];
}

export function findStocktake(store: Store, id: string): StocktakeView | undefined {
  const row = findStocktakeRow(store, id);
  if (!row) return undefined;
  return {
    ...toSummary(store, row),
    scope: JSON.parse(row.scope) as Scope,
    scope_names: JSON.parse(row.scope_names) as string[],
    committee: JSON.parse(row.committee) as StocktakeView['committee'],
    snapshot_sha256: row.snapshot_sha256,
    closed_by_name: row.closed_by_name,
    progress: progressOf(store, id),
    totals: row.totals ? (JSON.parse(row.totals) as ResultTotals) : null,
  };
}

function toCountView(row: StocktakeCountRow): CountView {
  return {
    id: row.id,
    stocktake_id: row.stocktake_id,
    location_id: row.location_id,
    location_name: row.location_name,
    outcome: row.outcome as ScanOutcome | 'unknown',
    asset_id: row.asset_id,
    tag: row.tag,
    make: row.make,
    model: row.model,
    serial: row.serial,
    custodian_id: row.custodian_id,
    custodian_name: row.custodian_name,
    condition: row.condition as ObservedCondition | null,
    label_missing: row.label_missing === 1,
    reason: row.reason as AccountedReason | null,
    note: row.note,
    counted_by_name: row.counted_by_name,
    counted_at: row.counted_at,
  };
}

/** The counts standing at one location, newest first. */
export function listCounts(store: Store, input: { stocktake_id: string; location_id: string; after: string | null; limit: number }): Page<CountView> {
  const [at, id] = input.after ? decodeCursor(input.after) : ['\uffff', ''];
  const rows = statement(
    store,
    `SELECT * FROM stocktake_counts WHERE stocktake_id = ? AND location_id = ? AND undone = 0 AND (counted_at < ? OR (counted_at = ? AND id > ?))
      ORDER BY counted_at DESC, id LIMIT ?`,
  ).all(input.stocktake_id, input.location_id, at, at, id, input.limit + 1) as StocktakeCountRow[];
  const items = rows.slice(0, input.limit).map(toCountView);
  const last = items.at(-1);
  return { items, next: rows.length > input.limit && last ? encodeCursor(last.counted_at, last.id) : null };
}

interface ExpectedWithNow extends StocktakeExpectedRow {
  now_location_id: string | null;
  now_location_name: string | null;
  now_custodian_id: string | null;
  now_custodian_name: string | null;
  now_status: string | null;
  counted: number;
}

const CHANGED = `(a.location_id IS NOT e.location_id OR a.custodian_id IS NOT e.custodian_id OR a.status IS NOT e.status)`;

/** The frozen rows, in tag order, each beside the device as it is now when it changed since the opening. */
export function listExpected(
  store: Store,
  input: { stocktake_id: string; location_id: string | null; changed_only: boolean; after: string | null; limit: number },
): Page<ExpectedView> {
  const [tag, assetId] = input.after ? decodeCursor(input.after) : ['', ''];
  const rows = statement(
    store,
    `SELECT e.*, a.location_id AS now_location_id, l.name AS now_location_name, a.custodian_id AS now_custodian_id, p.full_name AS now_custodian_name,
        a.status AS now_status,
        EXISTS (SELECT 1 FROM stocktake_counts c WHERE c.stocktake_id = e.stocktake_id AND c.asset_id = e.asset_id AND c.undone = 0) AS counted
      FROM stocktake_expected e
        LEFT JOIN assets a ON a.id = e.asset_id
        LEFT JOIN locations l ON l.id = a.location_id
        LEFT JOIN people p ON p.id = a.custodian_id
      WHERE e.stocktake_id = ? AND (? IS NULL OR e.location_id = ?) AND (? = 0 OR ${CHANGED})
        AND (e.tag > ? OR (e.tag = ? AND e.asset_id > ?))
      ORDER BY e.tag, e.asset_id LIMIT ?`,
  ).all(input.stocktake_id, input.location_id, input.location_id, input.changed_only ? 1 : 0, tag, tag, assetId, input.limit + 1) as ExpectedWithNow[];
  const items = rows.slice(0, input.limit).map((row): ExpectedView => {
    const changed = row.now_status !== null && (row.now_location_id !== row.location_id || row.now_custodian_id !== row.custodian_id || row.now_status !== row.status);
    return {
      asset_id: row.asset_id,
      tag: row.tag,
      make: row.make,
      model: row.model,
      category: row.category,
      serial: row.serial,
      location_id: row.location_id,
      location_name: row.location_name,
      department_id: row.department_id,
      department_name: row.department_name,
      custodian_id: row.custodian_id,
      custodian_name: row.custodian_name,
      status: row.status,
      counted: row.counted === 1,
      now: changed
        ? {
            location_id: row.now_location_id,
            location_name: row.now_location_name ?? '',
            custodian_id: row.now_custodian_id,
            custodian_name: row.now_custodian_name ?? '',
            status: row.now_status ?? '',
          }
        : null,
    };
  });
  const last = items.at(-1);
  return { items, next: rows.length > input.limit && last ? encodeCursor(last.tag, last.asset_id) : null };
}

// ---- the result ------------------------------------------------------------------------------------

function finding(
  expected: StocktakeExpectedRow | undefined,
  count: StocktakeCountRow | undefined,
  action: StocktakeActionRow | undefined,
  extra: { reason?: AccountedReason | null } = {},
): Finding {
  return {
    asset_id: expected?.asset_id ?? count?.asset_id ?? null,
    count_id: count?.id ?? null,
    tag: expected?.tag ?? count?.tag ?? '',
    make: expected?.make ?? count?.make ?? '',
    model: expected?.model ?? count?.model ?? '',
    serial: expected?.serial ?? count?.serial ?? '',
    expected_location_name: expected?.location_name ?? '',
    found_location_id: count?.location_id ?? null,
    found_location_name: count?.location_name ?? '',
    expected_custodian_name: expected?.custodian_name ?? '',
    found_custodian_id: count?.custodian_id ?? null,
    found_custodian_name: count?.custodian_name ?? '',
    expected_status: expected?.status ?? '',
    condition: (count?.condition as ObservedCondition | null | undefined) ?? null,
    reason: extra.reason ?? (count?.reason as AccountedReason | null | undefined) ?? null,
    note: count?.note ?? '',
    action: action
      ? { kind: action.kind as NonNullable<Finding['action']>['kind'], ref: action.ref, by_name: action.by_name, at: action.at, acknowledged: action.acknowledged === 1 }
      : null,
  };
}

/** The findings of a stocktake, open or closed: what it has found so far, and what closing records. */
export function resultOf(store: Store, row: StocktakeRow): Omit<StocktakeResult, 'stocktake'> {
  const expected = statement(store, 'SELECT * FROM stocktake_expected WHERE stocktake_id = ? ORDER BY tag, asset_id').all(row.id) as StocktakeExpectedRow[];
  const counts = statement(store, 'SELECT * FROM stocktake_counts WHERE stocktake_id = ? AND undone = 0 ORDER BY counted_at, id').all(row.id) as StocktakeCountRow[];
  const taken = new Map((statement(store, 'SELECT * FROM stocktake_actions WHERE stocktake_id = ?').all(row.id) as StocktakeActionRow[]).map((a) => [a.id, a]));
  const action = (kind: ActionKind, subject: string) => taken.get(actionId(row.id, kind, subject));
  const statusNow = new Map(
    (
      statement(store, 'SELECT a.id, a.status FROM stocktake_expected e JOIN assets a ON a.id = e.asset_id WHERE e.stocktake_id = ?').all(row.id) as {
        id: string;
        status: string;
      }[]
    ).map((a) => [a.id, a.status]),
  );
  const countOf = new Map<string, StocktakeCountRow>();
  for (const count of counts) if (count.asset_id && !countOf.has(count.asset_id)) countOf.set(count.asset_id, count);
  const expectedIds = new Set(expected.map((e) => e.asset_id));

  const result: Omit<StocktakeResult, 'stocktake' | 'totals' | 'by_location'> = {
    missing: [],
    found_elsewhere: [],
    custodian_mismatches: [],
    condition_differences: [],
    labels_missing: [],
    unknown: [],
    accounted_for: [],
    not_expected: [],
  };
  const places = new Map<string, LocationCounts>();
  const place = (id: string | null, name: string) => {
    const key = id ?? '';
    let counts = places.get(key);
    if (!counts) {
      counts = { location_id: key, location_name: name, expected: 0, found: 0, missing: 0 };
      places.set(key, counts);
    }
    return counts;
  };
  let found = 0;
  for (const e of expected) {
    const count = countOf.get(e.asset_id);
    const here = place(e.location_id, e.location_name);
    here.expected += 1;
    if (!count) {
      const reason = accountedReason(statusNow.get(e.asset_id) ?? e.status);
      if (reason) result.accounted_for.push(finding(e, undefined, undefined, { reason }));
      else {
        result.missing.push(finding(e, undefined, action('missing-reported', e.asset_id)));
        here.missing += 1;
      }
      continue;
    }
    found += 1;
    here.found += 1;
    if (count.outcome === 'accounted-for') result.accounted_for.push(finding(e, count, undefined));
    else if (count.location_id !== e.location_id) result.found_elsewhere.push(finding(e, count, action('moved', e.asset_id)));
    if (count.custodian_id !== null && count.custodian_id !== e.custodian_id) result.custodian_mismatches.push(finding(e, count, action('custodian-corrected', e.asset_id)));
    if (count.condition !== null && count.condition !== registeredCondition(e.status)) result.condition_differences.push(finding(e, count, undefined));
    if (count.label_missing === 1) result.labels_missing.push(finding(e, count, undefined));
  }
  for (const count of counts) {
    if (count.outcome === 'unknown') result.unknown.push(finding(undefined, count, action('registered', count.id)));
    else if (count.asset_id && !expectedIds.has(count.asset_id) && countOf.get(count.asset_id) === count) result.not_expected.push(finding(undefined, count, undefined));
  }
  for (const count of counts) if (count.outcome === 'unknown' || (count.asset_id && !expectedIds.has(count.asset_id))) place(count.location_id, count.location_name);
  const totals: ResultTotals = {
    expected: expected.length,
    found,
    missing: result.missing.length,
    found_elsewhere: result.found_elsewhere.length,
    custodian_mismatches: result.custodian_mismatches.length,
    condition_differences: result.condition_differences.length,
    labels_missing: result.labels_missing.length,
    unknown: result.unknown.length,
    accounted_for: result.accounted_for.length,
  };
  const byLocation = [...places.values()].sort((a, b) => (a.location_name < b.location_name ? -1 : a.location_name > b.location_name ? 1 : 0));
  return { ...result, totals, by_location: byLocation };
}
