// Reading handovers: one with its lines, the list, the approver's inbox, the setting of who approves,
// and a device's holders from its registration through every receipt (3.6.6: custody history).
import type { Role } from '../users/contract.ts';
import type { SessionUser } from '../core/context.ts';
import { workingDay } from '../contract/days.ts';
import { hlcInstant } from '../journal/hlc.ts';
import { eventsOfEntity } from '../journal/refold.ts';
import { statement, type Store } from '../store/open.ts';
import { APPROVER_ROLES, DEFAULT_APPROVER_ROLE, OPEN_STATES, type ApproverRole, type HandoverState } from './contract.ts';
import { HANDOVER_SETTINGS_ID, type Line } from './events.ts';
import type { HandoverRow } from './reducer.ts';

export interface Attachment {
  sha256: string;
  name: string;
  mime: string;
  size: number;
}

export interface HandoverView extends Omit<HandoverRow, 'lines' | 'attachments'> {
  lines: Line[];
  attachments: Attachment[];
}

function view(row: HandoverRow): HandoverView {
  return { ...row, lines: JSON.parse(row.lines) as Line[], attachments: JSON.parse(row.attachments) as Attachment[] };
}

export function findHandoverRow(store: Store, id: string): HandoverRow | undefined {
  return statement(store, 'SELECT * FROM handovers WHERE id = ?').get(id) as HandoverRow | undefined;
}

export function findHandover(store: Store, id: string): HandoverView | undefined {
  const row = findHandoverRow(store, id);
  return row ? view(row) : undefined;
}

/** Who decides handover permits here (3.6.6): the Accounting Officer unless the administrator said the Head. */
export function approverRole(store: Store): ApproverRole {
  const row = statement(store, 'SELECT approver_role FROM handover_settings WHERE id = ?').get(HANDOVER_SETTINGS_ID) as { approver_role: string } | undefined;
  const role = row?.approver_role;
  return (APPROVER_ROLES as readonly string[]).includes(role ?? '') ? (role as ApproverRole) : DEFAULT_APPROVER_ROLE;
}

export interface HandoverListItem {
  id: string;
  number: string;
  kind: string;
  state: string;
  from_name: string;
  to_type: string;
  to_name: string;
  to_institution: string;
  prepared_by: string;
  prepared_by_name: string;
  prepared_at: string;
  received_on: string;
  devices: number;
  tags: string[];
}

const OPEN_LIST = OPEN_STATES.map((s) => `'${s}'`).join(', ');

export function listHandovers(store: Store, input: { state: HandoverState | 'open' | 'all'; search: string; limit: number }): HandoverListItem[] {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: input.limit };
  if (input.state === 'open') where.push(`state IN (${OPEN_LIST})`);
  else if (input.state !== 'all') {
    where.push('state = @state');
    params.state = input.state;
  }
  if (input.search) {
    // The number, a party, or a tag on one of its lines.
    where.push(`(number LIKE @like ESCAPE '\\' OR from_name LIKE @like ESCAPE '\\' OR to_name LIKE @like ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM json_each(handovers.lines) j WHERE json_extract(j.value, '$.tag') LIKE @like ESCAPE '\\'))`);
    params.like = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  const rows = statement(
    store,
    `SELECT * FROM handovers ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT @limit`,
  ).all(params) as HandoverRow[];
  return rows.map((row) => {
    const lines = JSON.parse(row.lines) as Line[];
    return {
      id: row.id,
      number: row.number,
      kind: row.kind,
      state: row.state,
      from_name: row.from_name,
      to_type: row.to_type,
      to_name: row.to_name,
      to_institution: row.to_institution,
      prepared_by: row.prepared_by,
      prepared_by_name: row.prepared_by_name,
      prepared_at: row.prepared_at,
      received_on: row.received_on,
      devices: lines.length,
      tags: lines.map((line) => line.tag),
    };
  });
}

/** The open handover (pending or approved) a device is on, other than `except`. */
/**
 * The handovers that name a device: every handover event refers to its devices (journal_refs, indexed
 * by entity), so a device's handovers are found from its own few refs, not by reading every handover's
 * lines — at a ministry's 100,000 handovers that scan cost more than the rest of preparing one.
 */
const HANDOVERS_OF_DEVICE = `SELECT j.entity FROM journal_refs r JOIN journal j ON j.seq = r.seq WHERE r.entity = @asset AND j.type = 'handovers.prepared'`;

export function openHandoverOf(store: Store, assetId: string, except: string | null = null): { id: string; number: string } | undefined {
  return statement(
    store,
    `SELECT h.id, h.number FROM handovers h
      WHERE h.id IN (${HANDOVERS_OF_DEVICE}) AND h.state IN (${OPEN_LIST}) AND h.id IS NOT @except
        AND EXISTS (SELECT 1 FROM json_each(h.lines) j WHERE json_extract(j.value, '$.asset_id') = @asset)
      ORDER BY h.created_at, h.id LIMIT 1`,
  ).get({ asset: assetId, except }) as { id: string; number: string } | undefined;
}

/** The latest receipt of a device this installation holds: the state a new handover of it starts from. */
export function lastReceiptOf(store: Store, assetId: string): string | null {
  const row = statement(
    store,
    `SELECT h.id FROM handovers h
      WHERE h.id IN (${HANDOVERS_OF_DEVICE}) AND h.state = 'received'
        AND EXISTS (SELECT 1 FROM json_each(h.lines) j WHERE json_extract(j.value, '$.asset_id') = @asset)
      ORDER BY h.received_at DESC, h.id DESC LIMIT 1`,
  ).get({ asset: assetId }) as { id: string } | undefined;
  return row?.id ?? null;
}

/** The next number of the year: one past the highest this installation holds. */
export function nextSeq(store: Store, year: number): number {
  const row = statement(store, 'SELECT max(seq) AS seq FROM handovers WHERE year = ?').get(year) as { seq: number | null };
  return (row.seq ?? 0) + 1;
}

export interface HandoverInbox {
  /** Permits waiting for this user's decision. */
  to_decide: number;
  /** Approved handovers waiting for the receiver's acknowledgement (for those who record it). */
  awaiting_receipt: number;
}

/** Whether this user is the kind of officer who decides handover permits here. */
export function decidesHandovers(store: Store, roles: readonly Role[]): boolean {
  return roles.includes(approverRole(store));
}

/** The permits waiting for this user's decision: pending, the user holds the deciding role, and did not prepare them. */
export function awaitingDecision(store: Store, user: { id: string; roles: readonly Role[] }): HandoverRow[] {
  if (!decidesHandovers(store, user.roles)) return [];
  return statement(store, "SELECT * FROM handovers WHERE state = 'pending' AND prepared_by != ? ORDER BY created_at, id").all(user.id) as HandoverRow[];
}

/** What waits for this user in handovers, as counts for the navigation. */
export function handoverInbox(store: Store, user: Pick<SessionUser, 'id' | 'roles'>): HandoverInbox {
  const recordsReceipts = user.roles.includes('ict_officer') || user.roles.includes('admin');
  const awaiting = recordsReceipts ? (statement(store, "SELECT count(*) AS n FROM handovers WHERE state = 'approved'").get() as { n: number }).n : 0;
  return { to_decide: awaitingDecision(store, user).length, awaiting_receipt: awaiting };
}

export interface Holder {
  /** person | store | institution */
  type: string;
  person_id: string | null;
  name: string;
  institution: string;
  /** The day the holder took the device, and the day the next one did (null: holds it still). */
  from: string;
  to: string | null;
  /** registration | update | handover */
  via: string;
  handover_id: string | null;
  handover_number: string;
}

/**
 * Every holder of a device, oldest first: the custodian it was registered with, then each custodian
 * set in the register and each handover received, with the days each held it. Read from the journal
 * in fold order, so every installation holding the same events tells the same history.
 */
export function holdersOf(store: Store, assetId: string): Holder[] {
  const names = statement(store, 'SELECT full_name FROM people WHERE id = ?');
  const personName = (id: string | null) => (id ? ((names.get(id) as { full_name: string } | undefined)?.full_name ?? '') : '');
  const numbers = statement(store, 'SELECT number FROM handovers WHERE id = ?');
  const holders: Holder[] = [];
  const take = (holder: Omit<Holder, 'to'>) => {
    const last = holders[holders.length - 1];
    if (last && last.type === holder.type && last.person_id === holder.person_id && last.institution === holder.institution) return;
    if (last) last.to = holder.from;
    holders.push({ ...holder, to: null });
  };
  for (const event of eventsOfEntity(store, assetId)) {
    const p = event.payload;
    if ((event.type === 'assets.registered' || event.type === 'assets.updated') && event.entity === assetId) {
      const person = typeof p.custodian_id === 'string' ? p.custodian_id : null;
      const day = workingDay(new Date(hlcInstant(event.hlc)));
      const via = event.type === 'assets.registered' ? 'registration' : 'update';
      // A later edit that leaves the custodian as it was is no change of holder.
      take({ type: person ? 'person' : 'store', person_id: person, name: personName(person), institution: '', from: day, via, handover_id: null, handover_number: '' });
    } else if (event.type === 'handovers.received' && Array.isArray(p.asset_ids) && p.asset_ids.includes(assetId)) {
      const type = String(p.to_type);
      const person = typeof p.to_person_id === 'string' ? p.to_person_id : null;
      const number = (numbers.get(event.entity) as { number: string } | undefined)?.number ?? '';
      take({
        type,
        person_id: person,
        name: type === 'person' ? personName(person) || String(p.received_by) : type === 'institution' ? String(p.received_by) : '',
        institution: type === 'institution' ? String(p.to_institution) : '',
        from: String(p.received_on),
        via: 'handover',
        handover_id: event.entity,
        handover_number: number,
      });
    }
  }
  return holders;
}
