// Row types of the stocktake tables (migration 0170), joined to the store's Database type from this folder.
import type { Selectable } from 'kysely';

export interface StocktakeTable {
  id: string;
  name: string;
  /** open | closed */
  state: string;
  /** JSON: contract.ts `Scope`. */
  scope: string;
  /** JSON array of the scope's location or department names, as at opening. */
  scope_names: string;
  /** JSON array of committee members. */
  committee: string;
  chair_user_id: string;
  starts_on: string;
  ends_on: string;
  expected_count: number;
  chunks: number;
  snapshot_sha256: string;
  opened_by: string;
  opened_by_name: string;
  opened_at: string;
  closed_by: string;
  closed_by_name: string;
  closed_at: string;
  /** JSON of the totals recorded when closing; '' while open. */
  totals: string;
  created_at: string;
  updated_at: string;
}
export type StocktakeRow = Selectable<StocktakeTable>;

export interface StocktakeChunkTable {
  id: string;
  stocktake_id: string;
  chunk: number;
  /** Canonical JSON array of expected rows (events.ts `ExpectedRow`). */
  rows: string;
  created_at: string;
  updated_at: string;
}
export type StocktakeChunkRow = Selectable<StocktakeChunkTable>;

/** One expected device, spread from its chunk by the table's triggers. */
export interface StocktakeExpectedTable {
  chunk_id: string;
  stocktake_id: string;
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
}
export type StocktakeExpectedRow = Selectable<StocktakeExpectedTable>;

export interface StocktakeCountTable {
  id: string;
  stocktake_id: string;
  location_id: string;
  location_name: string;
  /** contract.ts SCAN_OUTCOMES, or `unknown` for a device the register does not know. */
  outcome: string;
  asset_id: string | null;
  tag: string;
  make: string;
  model: string;
  serial: string;
  custodian_id: string | null;
  custodian_name: string;
  condition: string | null;
  label_missing: number;
  reason: string | null;
  note: string;
  counted_by: string;
  counted_by_name: string;
  counted_at: string;
  undone: number;
  undone_by_name: string;
  undone_at: string;
  created_at: string;
  updated_at: string;
}
export type StocktakeCountRow = Selectable<StocktakeCountTable>;

export interface StocktakeActionTable {
  id: string;
  stocktake_id: string;
  asset_id: string | null;
  count_id: string | null;
  tag: string;
  /** contract.ts ACTION_KINDS */
  kind: string;
  /** What the action started: the device's id, the handover's. */
  ref: string;
  ref_label: string;
  note: string;
  by_name: string;
  at: string;
  acknowledged: number;
  acknowledged_by_name: string;
  acknowledged_at: string;
  acknowledge_note: string;
  created_at: string;
  updated_at: string;
}
export type StocktakeActionRow = Selectable<StocktakeActionTable>;

declare module '../store/schema.ts' {
  interface Database {
    stocktakes: StocktakeTable;
    stocktake_chunks: StocktakeChunkTable;
    stocktake_expected: StocktakeExpectedTable;
    stocktake_counts: StocktakeCountTable;
    stocktake_actions: StocktakeActionTable;
  }
}
