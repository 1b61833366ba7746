import type { Role } from './contract.ts';
import { all, first, statement, type Store } from '../store/open.ts';
import type { UserRow } from '../store/schema.ts';
import { DEFAULT_PASSWORD_MAX_AGE_DAYS, SECURITY_SETTINGS_ID } from './reducer.ts';

/** What screens see of an account: never the hash. */
export interface UserView {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  active: boolean;
  must_change_password: boolean;
  locked_until: string | null;
  last_sign_in_at: string | null;
  deactivated_at: string | null;
  deactivation_reason: string | null;
  created_at: string;
  /** The person of the register the account belongs to (3.1.2), and that person's name as the register has it now. */
  person_id: string | null;
  person_name: string | null;
}

/** An account's row with the name of its person, read from the register. */
export type UserWithPerson = UserRow & { person_name: string | null };

export function toUserView(row: UserWithPerson): UserView {
  return {
    id: row.id,
    username: row.username,
    display_name: row.display_name,
    roles: JSON.parse(row.roles) as Role[],
    active: row.active === 1,
    must_change_password: row.must_change_password === 1,
    locked_until: row.locked_until,
    last_sign_in_at: row.last_sign_in_at,
    deactivated_at: row.deactivated_at,
    deactivation_reason: row.deactivation_reason,
    created_at: row.created_at,
    person_id: row.person_id,
    person_name: row.person_name,
  };
}

function withPerson(store: Store) {
  return store.q.selectFrom('users').leftJoin('people', 'people.id', 'users.person_id').selectAll('users').select('people.full_name as person_name');
}

/** What a screen sees of one account, with its person's name. */
export function findUserView(store: Store, id: string): UserView | undefined {
  const row = first(store, withPerson(store).where('users.id', '=', id));
  return row ? toUserView(row) : undefined;
}

/** The account that belongs to a person of the register, if any (3.1.2: at most one). */
export function findAccountOfPerson(store: Store, personId: string): UserRow | undefined {
  return first(store, store.q.selectFrom('users').selectAll().where('person_id', '=', personId).orderBy('id').limit(1));
}

/**
 * 3.1.2: active accounts whose person the register marks as no longer serving, by the link of the
 * account to its person (never by name). The inbox counts these for the administrator.
 */
export const ACCOUNTS_OF_LEAVERS = 'FROM users u JOIN people p ON p.id = u.person_id WHERE u.active = 1 AND p.active = 0';

export function countAccountsOfLeavers(store: Store): number {
  return (statement(store, `SELECT count(*) AS n ${ACCOUNTS_OF_LEAVERS}`).get() as { n: number }).n;
}

export function findUserById(store: Store, id: string): UserRow | undefined {
  return first(store, store.q.selectFrom('users').selectAll().where('id', '=', id));
}

export function findUserByUsername(store: Store, username: string): UserRow | undefined {
  // The unique index is NOCASE; usernames are stored lower-case.
  return first(store, store.q.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()));
}

export function listUsers(store: Store): UserView[] {
  return all(store, withPerson(store).orderBy('users.display_name').orderBy('users.id')).map(toUserView);
}

export function countActiveAdmins(store: Store, exceptId?: string): number {
  return listUsers(store).filter((u) => u.active && u.roles.includes('admin') && u.id !== exceptId).length;
}

export function countUsers(store: Store): number {
  const row = first(store, store.q.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')));
  return row?.n ?? 0;
}

export function passwordMaxAgeDays(store: Store): number {
  const row = first(store, store.q.selectFrom('security_settings').selectAll().where('id', '=', SECURITY_SETTINGS_ID));
  return row?.password_max_age_days ?? DEFAULT_PASSWORD_MAX_AGE_DAYS;
}

export type PasswordChangeDue = 'first' | 'expired' | null;

/** 3.1.7: a new or reset password is changed at first sign-in; every password after a set age. */
export function passwordChangeDue(row: UserRow, maxAgeDays: number, now: Date): PasswordChangeDue {
  if (row.must_change_password === 1) return 'first';
  const ageMs = now.getTime() - Date.parse(row.password_changed_at);
  return ageMs > maxAgeDays * 24 * 60 * 60 * 1000 ? 'expired' : null;
}
