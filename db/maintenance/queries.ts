// Reading the log book: entries per device and per period, procedures and the one in force, plans
// with what is due or overdue, providers.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { EntryListInput } from '../contract/register-schemas.ts';
import { decodeCursor, encodeCursor, type Page } from '../core/paging.ts';
import { all, first, statement, type Store } from '../store/open.ts';
import type { MaintenanceEntryRow, MaintenancePlanRow, ProcedureRow, ProviderRow } from '../store/schema.ts';
import { daysBetween } from './reducer.ts';

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
}

type EntryJoined = MaintenanceEntryRow & { asset_tag: string | null; asset_make: string | null; asset_model: string | null };

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
  };
}

function entryBase(store: Store) {
  return store.q
    .selectFrom('maintenance_entries')
    .leftJoin('assets', 'assets.id', 'maintenance_entries.asset_id')
    .selectAll('maintenance_entries')
    .select(['assets.tag as asset_tag', 'assets.make as asset_make', 'assets.model as asset_model']);
}

export function findEntry(store: Store, id: string): EntryView | undefined {
  const row = first(store, entryBase(store).where('maintenance_entries.id', '=', id));
  return row ? toEntryView(row) : undefined;
}

/** Entries newest first; by device, by period (reported on or after `from`, on or before `to`), by state. */
export function listEntries(store: Store, input: z.output<typeof EntryListInput>): Page<EntryView> {
  let query = entryBase(store);
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
  return all(store, entryBase(store).where('maintenance_entries.asset_id', '=', assetId).orderBy('maintenance_entries.reported_on').orderBy('maintenance_entries.created_at')).map(
    toEntryView,
  );
}

export function openEntryOf(store: Store, assetId: string): MaintenanceEntryRow | undefined {
  return statement(store, "SELECT * FROM maintenance_entries WHERE asset_id = ? AND state != 'closed' ORDER BY reported_on DESC LIMIT 1").get(assetId) as
    | MaintenanceEntryRow
    | undefined;
}

export function downtimeDays(store: Store, assetId: string, today: string): number {
  return logBookOf(store, assetId).reduce((sum, entry) => sum + (entry.downtime_days ?? daysBetween(entry.reported_on, today)), 0);
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

export function addMonths(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
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

/** Preventive work due within `withinDays` of `today`, overdue first. A device never serviced under a
 * plan is due from the day it was registered (or bought). */
export function duePreventive(store: Store, today: string, withinDays: number): DueItem[] {
  const limit = new Date(Date.parse(`${today}T00:00:00Z`) + withinDays * 86_400_000).toISOString().slice(0, 10);
  const rows = statement(
    store,
    `SELECT p.id AS plan_id, p.task, p.interval_months, a.id AS asset_id, a.tag AS asset_tag, a.make, a.model,
            coalesce(nullif(a.purchase_date, ''), substr(datetime(a.created_at, '+3 hours'), 1, 10)) AS since,
            (SELECT max(e.closed_on) FROM maintenance_entries e
              WHERE e.plan_id = p.id AND e.asset_id = a.id AND e.state = 'closed') AS last_done_on
       FROM maintenance_plans p
       JOIN assets a ON (p.asset_id = a.id OR (p.asset_id IS NULL AND p.category = a.category))
      WHERE p.active = 1 AND a.status NOT IN ('awaiting_disposal', 'disposed')`,
  ).all() as { plan_id: string; task: string; interval_months: number; asset_id: string; asset_tag: string; make: string; model: string; since: string; last_done_on: string | null }[];
  return rows
    .map((row) => {
      const due = row.last_done_on ? addMonths(row.last_done_on, row.interval_months) : row.since;
      return {
        plan_id: row.plan_id,
        task: row.task,
        interval_months: row.interval_months,
        asset_id: row.asset_id,
        asset_tag: row.asset_tag,
        asset_label: `${row.make} ${row.model}`.trim(),
        last_done_on: row.last_done_on,
        due_on: due,
        overdue: due < today,
      };
    })
    .filter((item) => item.due_on <= limit)
    .sort((a, b) => a.due_on.localeCompare(b.due_on) || a.asset_tag.localeCompare(b.asset_tag));
}

export function readAttachment(store: Store, sha256: string): { name: string; mime: string; size: number; data: Buffer } | undefined {
  return statement(store, 'SELECT name, mime, size, data FROM attachments WHERE sha256 = ?').get(sha256) as
    | { name: string; mime: string; size: number; data: Buffer }
    | undefined;
}

export interface PeriodEntry extends EntryView {
  asset_category: string;
}

/** Every entry reported from `from` to `to` (both included), oldest first, whatever its device. */
export function entriesReportedBetween(store: Store, from: string, to: string): PeriodEntry[] {
  const rows = all(
    store,
    store.q
      .selectFrom('maintenance_entries')
      .leftJoin('assets', 'assets.id', 'maintenance_entries.asset_id')
      .selectAll('maintenance_entries')
      .select(['assets.tag as asset_tag', 'assets.make as asset_make', 'assets.model as asset_model', 'assets.category as asset_category'])
      .where('maintenance_entries.reported_on', '>=', from)
      .where('maintenance_entries.reported_on', '<=', to)
      .orderBy('maintenance_entries.reported_on')
      .orderBy('assets.tag')
      .orderBy('maintenance_entries.created_at'),
  );
  return rows.map(({ asset_category, ...row }) => ({ ...toEntryView(row), asset_category: asset_category ?? '' }));
}

