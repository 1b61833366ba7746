// Reading the log book: entries per device and per period, procedures and the one in force, plans
// with what is due or overdue, providers.
import { sql } from 'kysely';
import type { z } from 'zod';
import { entryDowntime, planAppliesTo, preventiveDueOn, type EntryListInput } from './contract.ts';
import { decodeCursor, encodeCursor, type Page } from '../core/paging.ts';
import { all, first, statement, type Store } from '../store/open.ts';
import type { AssetRow, MaintenanceEntryRow, MaintenancePlanRow, ProcedureRow, ProviderRow } from '../store/schema.ts';
import { deviceSince } from '../assets/contract.ts';
import { addDays } from '../contract/days.ts';

export interface Part {
  name: string;
  quantity: number;
  unit_cost_tzs: number;
}

export interface EntryView extends Omit<MaintenanceEntryRow, 'parts' | 'attachments' | 'warranty'> {
  parts: Part[];
  attachments: { sha256: string; name: string; mime: string; size: number }[];
  warranty: boolean;
  total_cost_tzs: number;
  asset_tag: string;
  asset_label: string;
  asset_category: string;
}

type EntryJoined = MaintenanceEntryRow & {
  asset_tag: string | null;
  asset_make: string | null;
  asset_model: string | null;
  asset_category: string | null;
};

export function toEntryView(row: EntryJoined): EntryView {
  const { asset_make, asset_model, ...rest } = row;
  return {
    ...rest,
    parts: JSON.parse(row.parts) as Part[],
    attachments: JSON.parse(row.attachments) as EntryView['attachments'],
    warranty: row.warranty === 1,
    total_cost_tzs: row.parts_cost_tzs + row.labour_cost_tzs,
    asset_tag: row.asset_tag ?? '',
    asset_label: [asset_make, asset_model].filter(Boolean).join(' '),
    asset_category: row.asset_category ?? '',
  };
}

/**
 * The one query that joins a log-book entry to its device: every list, the printed book and the
 * spreadsheet start from it, so an entry reads the same wherever it appears. Left join: after a merge
 * an entry may arrive before its device.
 */
export function entriesWithAsset(store: Store) {
  return store.q
    .selectFrom('maintenance_entries')
    .leftJoin('assets', 'assets.id', 'maintenance_entries.asset_id')
    .selectAll('maintenance_entries')
    .select(['assets.tag as asset_tag', 'assets.make as asset_make', 'assets.model as asset_model', 'assets.category as asset_category']);
}

export function findEntry(store: Store, id: string): EntryView | undefined {
  const row = first(store, entriesWithAsset(store).where('maintenance_entries.id', '=', id));
  return row ? toEntryView(row) : undefined;
}

/** Entries newest first; by device, by period (reported on or after `from`, on or before `to`), by state. */
export function listEntries(store: Store, input: z.output<typeof EntryListInput>): Page<EntryView> {
  let query = entriesWithAsset(store);
  if (input.asset_id) query = query.where('maintenance_entries.asset_id', '=', input.asset_id);
  if (input.from) query = query.where('maintenance_entries.reported_on', '>=', input.from);
  if (input.to) query = query.where('maintenance_entries.reported_on', '<=', input.to);
  if (input.state === 'open') query = query.where('maintenance_entries.state', '!=', 'closed');
  if (input.state === 'closed') query = query.where('maintenance_entries.state', '=', 'closed');
  if (input.after) {
    const [reported, id] = decodeCursor(input.after);
    query = query.where(sql<boolean>`(maintenance_entries.reported_on, maintenance_entries.id) < (${reported}, ${id})`);
  }
  const rows = all(store, query.orderBy('maintenance_entries.reported_on', 'desc').orderBy('maintenance_entries.id', 'desc').limit(input.limit + 1));
  const items = rows.slice(0, input.limit).map(toEntryView);
  const last = items[items.length - 1];
  return { items, next: rows.length > input.limit && last ? encodeCursor(last.reported_on, last.id) : null };
}

/** Entries of one device in the order of the paper book: oldest first. */
export function logBookOf(store: Store, assetId: string): EntryView[] {
  return all(store, entriesWithAsset(store).where('maintenance_entries.asset_id', '=', assetId).orderBy('maintenance_entries.reported_on').orderBy('maintenance_entries.created_at')).map(
    toEntryView,
  );
}

export function openEntryOf(store: Store, assetId: string): MaintenanceEntryRow | undefined {
  return statement(store, "SELECT * FROM maintenance_entries WHERE asset_id = ? AND state != 'closed' ORDER BY reported_on DESC LIMIT 1").get(assetId) as
    | MaintenanceEntryRow
    | undefined;
}

export function downtimeDays(store: Store, assetId: string, today: string): number {
  return logBookOf(store, assetId).reduce((sum, entry) => sum + entryDowntime(entry, today), 0);
}

export function listProcedures(store: Store): ProcedureRow[] {
  return all(store, store.q.selectFrom('procedures').selectAll().orderBy('effective_date', 'desc').orderBy('created_at', 'desc'));
}

/** 3.6.1: the approved version in force on a day — the latest to take effect on or before it. */
export function procedureInForce(store: Store, day: string): ProcedureRow | undefined {
  return first(
    store,
    store.q.selectFrom('procedures').selectAll().where('effective_date', '<=', day).orderBy('effective_date', 'desc').orderBy('created_at', 'desc').limit(1),
  );
}

export function findProcedure(store: Store, id: string): ProcedureRow | undefined {
  return first(store, store.q.selectFrom('procedures').selectAll().where('id', '=', id));
}

export function listProviders(store: Store, includeInactive: boolean): ProviderRow[] {
  let query = store.q.selectFrom('providers').selectAll();
  if (!includeInactive) query = query.where('active', '=', 1);
  return all(store, query.orderBy(sql`name COLLATE NOCASE`));
}

export function findProvider(store: Store, id: string): ProviderRow | undefined {
  return first(store, store.q.selectFrom('providers').selectAll().where('id', '=', id));
}

export function listPlans(store: Store): MaintenancePlanRow[] {
  return all(store, store.q.selectFrom('maintenance_plans').selectAll().orderBy('task'));
}

export function findPlan(store: Store, id: string): MaintenancePlanRow | undefined {
  return first(store, store.q.selectFrom('maintenance_plans').selectAll().where('id', '=', id));
}

export interface DueItem {
  plan_id: string;
  task: string;
  interval_months: number;
  asset_id: string;
  asset_tag: string;
  asset_label: string;
  last_done_on: string | null;
  due_on: string;
  overdue: boolean;
}

/**
 * Preventive work due within `withinDays` of `today`, overdue first. Which plans apply to a device and
 * when each falls due are the contract's rules (planAppliesTo, preventiveDueOn), shared with the window.
 */
export function duePreventive(store: Store, today: string, withinDays: number): DueItem[] {
  const limit = addDays(today, withinDays);
  const plans = statement(store, 'SELECT id, task, interval_months, asset_id, category FROM maintenance_plans WHERE active = 1').all() as Pick<
    MaintenancePlanRow,
    'id' | 'task' | 'interval_months' | 'asset_id' | 'category'
  >[];
  if (plans.length === 0) return [];
  // Only the devices some active plan could name are read; the rule itself is planAppliesTo below.
  const devices = statement(
    store,
    `SELECT id, tag, make, model, category, purchase_date, created_at FROM assets
      WHERE status NOT IN ('awaiting_disposal', 'in_disposal', 'disposed', 'transferred', 'lost')
        AND (id IN (SELECT asset_id FROM maintenance_plans WHERE active = 1)
             OR category IN (SELECT category FROM maintenance_plans WHERE active = 1 AND asset_id IS NULL))`,
  ).all() as Pick<AssetRow, 'id' | 'tag' | 'make' | 'model' | 'category' | 'purchase_date' | 'created_at'>[];
  const lastDone = new Map(
    (
      statement(
        store,
        "SELECT plan_id, asset_id, max(closed_on) AS last_done_on FROM maintenance_entries WHERE state = 'closed' AND plan_id IS NOT NULL GROUP BY plan_id, asset_id",
      ).all() as { plan_id: string; asset_id: string; last_done_on: string }[]
    ).map((row) => [`${row.plan_id} ${row.asset_id}`, row.last_done_on]),
  );
  const items: DueItem[] = [];
  for (const plan of plans) {
    for (const device of devices) {
      if (!planAppliesTo(plan, device)) continue;
      const lastDoneOn = lastDone.get(`${plan.id} ${device.id}`) ?? null;
      const due = preventiveDueOn(lastDoneOn, plan.interval_months, deviceSince(device));
      if (due > limit) continue;
      items.push({
        plan_id: plan.id,
        task: plan.task,
        interval_months: plan.interval_months,
        asset_id: device.id,
        asset_tag: device.tag,
        asset_label: `${device.make} ${device.model}`.trim(),
        last_done_on: lastDoneOn,
        due_on: due,
        overdue: due < today,
      });
    }
  }
  return items.sort((a, b) => a.due_on.localeCompare(b.due_on) || a.asset_tag.localeCompare(b.asset_tag));
}

export function readAttachment(store: Store, sha256: string): { name: string; mime: string; size: number; data: Buffer } | undefined {
  return statement(store, 'SELECT name, mime, size, data FROM attachments WHERE sha256 = ?').get(sha256) as
    | { name: string; mime: string; size: number; data: Buffer }
    | undefined;
}

/** Every entry reported from `from` to `to` (both included), oldest first, whatever its device. */
export function entriesReportedBetween(store: Store, from: string, to: string): EntryView[] {
  return all(
    store,
    entriesWithAsset(store)
      .where('maintenance_entries.reported_on', '>=', from)
      .where('maintenance_entries.reported_on', '<=', to)
      .orderBy('maintenance_entries.reported_on')
      .orderBy('assets.tag')
      .orderBy('maintenance_entries.created_at'),
  ).map(toEntryView);
}
