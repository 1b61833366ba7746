// Reading the personal-devices register: one registration, the lists by standing on a day (pending,
// approved, expiring, expired, revoked, rejected), and what waits for whom.
import { sql } from 'kysely';
import type { z } from 'zod';
import { all, first, statement, type Store } from '../store/open.ts';
import type { SessionUser } from '../core/context.ts';
import { HEADS, ICT } from '../contract/roles.ts';
import { expiringUntil, standingOn, type PersonalDeviceList, type PersonalDeviceListInput } from './contract.ts';
import type { PersonalDeviceRow } from './schema.ts';

export interface PersonalDeviceView extends PersonalDeviceRow {
  /** Where it stands on the day asked about: its state, or expiring / expired. */
  standing: PersonalDeviceList;
  owner_check_number: string;
  owner_department: string;
  /** Days left before the permission lapses (0 on its last day); null unless approved and not yet expired. */
  days_left: number | null;
}

type Joined = PersonalDeviceRow & { owner_check_number: string | null; owner_department: string | null };

function joined(store: Store) {
  return store.q
    .selectFrom('personal_devices')
    .leftJoin('people', 'people.id', 'personal_devices.owner_id')
    .leftJoin('departments', 'departments.id', 'people.department_id')
    .selectAll('personal_devices')
    .select(['people.check_number as owner_check_number', 'departments.name as owner_department']);
}

function toView(row: Joined, today: string): PersonalDeviceView {
  const standing = standingOn(row, today);
  const daysLeft = standing === 'approved' || standing === 'expiring' ? Math.round((Date.parse(row.expires_on) - Date.parse(today)) / 86_400_000) : null;
  return { ...row, standing, owner_check_number: row.owner_check_number ?? '', owner_department: row.owner_department ?? '', days_left: daysLeft };
}

export function findPersonalDevice(store: Store, id: string, today: string): PersonalDeviceView | undefined {
  const row = first(store, joined(store).where('personal_devices.id', '=', id));
  return row ? toView(row, today) : undefined;
}

export function findPersonalDeviceRow(store: Store, id: string): PersonalDeviceRow | undefined {
  return first(store, store.q.selectFrom('personal_devices').selectAll().where('id', '=', id));
}

/** A registration of the same owner and serial still asking or allowed (pending, or approved even if lapsed: renew it instead). */
export function standingDuplicate(store: Store, ownerId: string, serial: string): PersonalDeviceRow | undefined {
  return statement(
    store,
    "SELECT * FROM personal_devices WHERE owner_id = ? AND upper(serial) = upper(?) AND state IN ('pending', 'approved') ORDER BY created_at LIMIT 1",
  ).get(ownerId, serial) as PersonalDeviceRow | undefined;
}

/**
 * A list as people ask for it on `today`: pending newest first; approvals by the day they lapse, the
 * nearest first; the rest newest first. A search matches the owner, make, model or serial.
 */
export function listPersonalDevices(store: Store, input: z.output<typeof PersonalDeviceListInput>, today: string): PersonalDeviceView[] {
  let query = joined(store);
  const until = expiringUntil(today);
  switch (input.list) {
    case 'pending':
    case 'revoked':
    case 'rejected':
      query = query.where('personal_devices.state', '=', input.list);
      break;
    case 'approved':
      query = query.where('personal_devices.state', '=', 'approved').where('personal_devices.expires_on', '>=', today);
      break;
    case 'expiring':
      query = query.where('personal_devices.state', '=', 'approved').where('personal_devices.expires_on', '>=', today).where('personal_devices.expires_on', '<=', until);
      break;
    case 'expired':
      query = query.where('personal_devices.state', '=', 'approved').where('personal_devices.expires_on', '<', today);
      break;
    case 'all':
      break;
  }
  if (input.search) {
    const needle = input.search.toLowerCase();
    query = query.where(
      sql<boolean>`instr(lower(personal_devices.owner_name || ' ' || personal_devices.make || ' ' || personal_devices.model || ' ' || personal_devices.serial), ${needle}) > 0`,
    );
  }
  const byExpiry = input.list === 'approved' || input.list === 'expiring' || input.list === 'expired';
  query = byExpiry
    ? query.orderBy('personal_devices.expires_on').orderBy('personal_devices.owner_name')
    : query.orderBy('personal_devices.created_at', 'desc').orderBy('personal_devices.id', 'desc');
  return all(store, query.limit(input.limit)).map((row) => toView(row, today));
}

export interface PersonalDevicesInbox {
  /** Registrations waiting for the Head of Institution's decision (heads only). */
  pending: number;
  /** Approvals lapsing within 30 days, for the ICT officer to see renewed (ICT only). */
  expiring: number;
  /** Approvals already lapsed but not revoked (ICT only): the device should no longer be used. */
  expired: number;
}

/** Registrations waiting for the Head of Institution's decision. */
export function pendingCount(store: Store): number {
  return (statement(store, "SELECT count(*) AS n FROM personal_devices WHERE state = 'pending'").get() as { n: number }).n;
}

/** Approvals ending within EXPIRING_WITHIN_DAYS of `today`, their last day included. */
export function expiringCount(store: Store, today: string): number {
  return (
    statement(store, "SELECT count(*) AS n FROM personal_devices WHERE state = 'approved' AND expires_on >= ? AND expires_on <= ?").get(today, expiringUntil(today)) as {
      n: number;
    }
  ).n;
}

/** Approvals whose expiry has passed and that nobody revoked or renewed. */
export function expiredCount(store: Store, today: string): number {
  return (statement(store, "SELECT count(*) AS n FROM personal_devices WHERE state = 'approved' AND expires_on < ?").get(today) as { n: number }).n;
}

/** What waits for `user` in this register on `today`; a count is 0 for a role it is not meant for. */
export function personalDevicesInbox(store: Store, user: Pick<SessionUser, 'roles'>, today: string): PersonalDevicesInbox {
  const holds = (set: readonly string[]) => user.roles.some((role) => set.includes(role));
  const ict = holds(ICT);
  return {
    pending: holds(HEADS) ? pendingCount(store) : 0,
    expiring: ict ? expiringCount(store, today) : 0,
    expired: ict ? expiredCount(store, today) : 0,
  };
}
