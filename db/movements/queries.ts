// Reading off-premises requests (3.6.11): the list with its filters, what is overdue, what waits for
// whom, and which request a device is on.
import { sql } from 'kysely';
import type { z } from 'zod';
import { decodeCursor, encodeCursor, type Page } from '../core/paging.ts';
import type { SessionUser } from '../core/context.ts';
import { ACCOUNTING_OFFICERS, CUSTODY_CLERKS } from '../contract/roles.ts';
import { all, first, statement, type Store } from '../store/open.ts';
import { isOut, isOverdue, needsJustification, type MovementListInput } from './contract.ts';
import type { MovementDevice } from './events.ts';
import type { MovementRow } from './schema.ts';

export interface MovementView extends Omit<MovementRow, 'devices'> {
  devices: MovementDevice[];
  /** Checked out and not yet back. */
  out: boolean;
  overdue: boolean;
  /** 3.2.3: a device on it is secret or top secret. */
  needs_justification: boolean;
}

export function toMovementView(row: MovementRow, today: string): MovementView {
  return {
    ...row,
    devices: JSON.parse(row.devices) as MovementDevice[],
    out: isOut(row),
    overdue: isOverdue(row, today),
    needs_justification: needsJustification(row.classification),
  };
}

export function findMovementRow(store: Store, id: string): MovementRow | undefined {
  return first(store, store.q.selectFrom('movements').selectAll().where('id', '=', id));
}

export function findMovement(store: Store, id: string, today: string): MovementView | undefined {
  const row = findMovementRow(store, id);
  return row ? toMovementView(row, today) : undefined;
}

const onDevice = (assetId: string) =>
  sql<boolean>`EXISTS (SELECT 1 FROM json_each(movements.devices) WHERE json_extract(json_each.value, '$.asset_id') = ${assetId})`;

/** Requests newest first; "overdue" lists what is out past its due date, the longest overdue first. */
export function listMovements(store: Store, input: z.output<typeof MovementListInput>, today: string): Page<MovementView> {
  let query = store.q.selectFrom('movements').selectAll();
  if (input.asset_id) query = query.where(onDevice(input.asset_id));
  if (input.filter === 'overdue') {
    query = query.where('out_on', '!=', '').where('returned_on', '=', '').where('due_on', '<', today);
    const rows = all(store, query.orderBy('due_on').orderBy('id').limit(input.limit));
    return { items: rows.map((row) => toMovementView(row, today)), next: null };
  }
  if (input.filter === 'open') query = query.where('state', 'in', ['requested', 'approved', 'checked_out']);
  else if (input.filter !== 'all') query = query.where('state', '=', input.filter);
  if (input.after) {
    const [created, id] = decodeCursor(input.after);
    query = query.where(sql<boolean>`(movements.created_at, movements.id) < (${created}, ${id})`);
  }
  const rows = all(store, query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(input.limit + 1));
  const items = rows.slice(0, input.limit).map((row) => toMovementView(row, today));
  const last = items[items.length - 1];
  return { items, next: rows.length > input.limit && last ? encodeCursor(last.created_at, last.id) : null };
}

/** 3.6.11: every request whose devices are out past their due date, the longest overdue first. */
export function overdueMovements(store: Store, today: string): MovementView[] {
  return listMovements(store, { filter: 'overdue', asset_id: null, after: null, limit: 500 }, today).items;
}

/** The request still open on a device (prepared, approved or out), if any, besides `except`. */
/**
 * The requests that name a device, from its own refs (journal_refs, indexed by entity): every request's
 * events refer to its devices, so this does not read every request's devices at a ministry's scale.
 */
const REQUESTS_OF_DEVICE = `SELECT j.entity FROM journal_refs r JOIN journal j ON j.seq = r.seq WHERE r.entity = @asset AND j.type = 'movements.requested'`;

export function openRequestOf(store: Store, assetId: string, except: string | null = null): MovementRow | undefined {
  return statement(
    store,
    `SELECT * FROM movements WHERE id IN (${REQUESTS_OF_DEVICE})
       AND (state IN ('requested', 'approved', 'checked_out') OR (out_on != '' AND returned_on = ''))
       AND id != @except AND EXISTS (SELECT 1 FROM json_each(movements.devices) WHERE json_extract(json_each.value, '$.asset_id') = @asset)
     ORDER BY created_at DESC LIMIT 1`,
  ).get({ except: except ?? '', asset: assetId }) as MovementRow | undefined;
}

/** The approved permit a device is about to leave on (not yet checked out), if any. */
export function approvedPermitOf(store: Store, assetId: string): MovementRow | undefined {
  return statement(
    store,
    `SELECT * FROM movements WHERE id IN (${REQUESTS_OF_DEVICE}) AND state = 'approved' AND out_on = ''
       AND EXISTS (SELECT 1 FROM json_each(movements.devices) WHERE json_extract(json_each.value, '$.asset_id') = @asset)
     ORDER BY created_at DESC LIMIT 1`,
  ).get({ asset: assetId }) as MovementRow | undefined;
}

/** The next number of a year's permits. */
export function nextPermitSeq(store: Store, year: number): number {
  const row = statement(store, 'SELECT max(permit_seq) AS seq FROM movements WHERE permit_year = ?').get(year) as { seq: number | null };
  return (row.seq ?? 0) + 1;
}

export function movementsByPermitNo(store: Store, permitNo: string): MovementRow[] {
  return statement(store, 'SELECT * FROM movements WHERE permit_no = ? COLLATE NOCASE ORDER BY created_at, id').all(permitNo) as MovementRow[];
}

export interface MovementsInbox {
  /** Requests waiting for the Accounting Officer's decision (not counting the user's own). */
  to_decide: number;
  /** Devices out past their due date, for the ICT officer and the Accounting Officer. */
  overdue: number;
}

/** What waits for `user` in the off-premises area: counts the navigation shows. */
export function movementsInbox(store: Store, user: SessionUser, today: string): MovementsInbox {
  const holds = (set: readonly string[]) => user.roles.some((role) => set.includes(role));
  const toDecide = holds(ACCOUNTING_OFFICERS)
    ? (statement(store, "SELECT count(*) AS n FROM movements WHERE state = 'requested' AND prepared_by != ?").get(user.id) as { n: number }).n
    : 0;
  const overdue =
    holds(ACCOUNTING_OFFICERS) || holds(CUSTODY_CLERKS)
      ? (statement(store, "SELECT count(*) AS n FROM movements WHERE out_on != '' AND returned_on = '' AND due_on < ?").get(today) as { n: number }).n
      : 0;
  return { to_decide: toDecide, overdue };
}
