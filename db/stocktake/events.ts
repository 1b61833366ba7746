// Events of a stocktake (issue 13). The frozen snapshot travels in the journal, so every installation
// counting the stocktake expects the same devices: the opening names its hash and size, then the rows
// follow in chunks small enough for a bundle's line. Counts name their device, so the device's own
// history tells where the committee saw it.
import { z } from 'zod';
import { ACCOUNTED_REASONS, ACTION_KINDS, OBSERVED_CONDITIONS, SCAN_OUTCOMES } from './contract.ts';

import { defineEvent } from '../journal/types.ts';

/** The most expected rows one `stocktake.expected` event carries: about 300 kB, far below a bundle line. */
export const CHUNK_ROWS = 1000;

/** One device the register expected when the stocktake was opened, as it stood then. */
export const ExpectedRow = z.object({
  asset_id: z.string(),
  tag: z.string(),
  make: z.string(),
  model: z.string(),
  category: z.string(),
  serial: z.string(),
  location_id: z.string().nullable(),
  location_name: z.string(),
  department_id: z.string().nullable(),
  department_name: z.string(),
  custodian_id: z.string().nullable(),
  custodian_name: z.string(),
  status: z.string(),
});
export type ExpectedRow = z.output<typeof ExpectedRow>;
export const EXPECTED_FIELDS = ExpectedRow.keyof().options;

const ScopeRecord = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('locations'), location_ids: z.array(z.string()) }),
  z.object({ kind: z.literal('departments'), department_ids: z.array(z.string()) }),
]);
const Member = z.object({ name: z.string(), title: z.string(), user_id: z.string().nullable(), chair: z.boolean() });

/** The id of a chunk of expected rows: the stocktake's, and the chunk's number. */
export function chunkId(stocktakeId: string, chunk: number): string {
  return `${stocktakeId}/expected/${String(chunk).padStart(4, '0')}`;
}
/** The id of an action or an incident on a finding: the stocktake's, the kind's, and the device's or the count's. */
export function actionId(stocktakeId: string, kind: string, subject: string): string {
  return `${stocktakeId}/${kind}/${subject}`;
}

export const stocktakeOpened = defineEvent(
  'stocktake.opened',
  'shared',
  z.object({
    name: z.string(),
    scope: ScopeRecord,
    scope_names: z.array(z.string()),
    committee: z.array(Member),
    starts_on: z.string(),
    ends_on: z.string(),
    expected_count: z.number().int(),
    chunks: z.number().int(),
    /** SHA-256 of the canonical JSON of every expected row, in tag order. */
    snapshot_sha256: z.string(),
  }),
);

export const stocktakeExpected = defineEvent(
  'stocktake.expected',
  'shared',
  z.object({ stocktake_id: z.string(), chunk: z.number().int(), rows: z.array(ExpectedRow).max(CHUNK_ROWS) }),
  (p) => [chunkId(p.stocktake_id, p.chunk)],
);

const CountFields = {
  stocktake_id: z.string(),
  location_id: z.string(),
  location_name: z.string(),
  asset_id: z.string().nullable(),
  tag: z.string(),
  make: z.string(),
  model: z.string(),
  serial: z.string(),
  custodian_id: z.string().nullable(),
  custodian_name: z.string(),
  condition: z.enum(OBSERVED_CONDITIONS).nullable(),
  label_missing: z.boolean(),
  note: z.string(),
};

export const deviceCounted = defineEvent(
  'stocktake.counted',
  'shared',
  z.object({
    ...CountFields,
    outcome: z.enum(SCAN_OUTCOMES),
    reason: z.enum(ACCOUNTED_REASONS).nullable(),
  }),
  (p) => (p.asset_id ? [p.stocktake_id, p.asset_id] : [p.stocktake_id]),
);

export const unknownRecorded = defineEvent('stocktake.unknown-recorded', 'shared', z.object(CountFields), (p) => [p.stocktake_id]);

export const countUndone = defineEvent(
  'stocktake.count-undone',
  'shared',
  z.object({ stocktake_id: z.string(), asset_id: z.string().nullable(), tag: z.string(), location_name: z.string() }),
  (p) => (p.asset_id ? [p.stocktake_id, p.asset_id] : [p.stocktake_id]),
);

export const ResultTotals = z.object({
  expected: z.number().int(),
  found: z.number().int(),
  missing: z.number().int(),
  found_elsewhere: z.number().int(),
  custodian_mismatches: z.number().int(),
  condition_differences: z.number().int(),
  labels_missing: z.number().int(),
  unknown: z.number().int(),
  accounted_for: z.number().int(),
});

export const stocktakeClosed = defineEvent('stocktake.closed', 'shared', z.object({ name: z.string(), totals: ResultTotals }));

const ActionFields = {
  stocktake_id: z.string(),
  asset_id: z.string().nullable(),
  /** The count the finding rests on (an unknown device's), or null. */
  count_id: z.string().nullable(),
  tag: z.string(),
};

/** An action on a finding of the result, linking what it started: the device moved, the handover, the device registered. */
export const actionTaken = defineEvent(
  'stocktake.action-taken',
  'shared',
  z.object({ ...ActionFields, kind: z.enum(ACTION_KINDS), ref: z.string(), ref_label: z.string() }),
  (p) => (p.asset_id ? [p.stocktake_id, p.asset_id] : [p.stocktake_id]),
);

/** A missing device reported: an incident the Accounting Officer acknowledges. */
export const missingReported = defineEvent('stocktake.missing-reported', 'shared', z.object({ ...ActionFields, note: z.string() }), (p) =>
  p.asset_id ? [p.stocktake_id, p.asset_id] : [p.stocktake_id],
);

export const incidentAcknowledged = defineEvent('stocktake.incident-acknowledged', 'shared', z.object({ ...ActionFields, note: z.string() }), (p) =>
  p.asset_id ? [p.stocktake_id, p.asset_id] : [p.stocktake_id],
);

export const stocktakeEvents = [
  stocktakeOpened,
  stocktakeExpected,
  deviceCounted,
  unknownRecorded,
  countUndone,
  stocktakeClosed,
  actionTaken,
  missingReported,
  incidentAcknowledged,
];
