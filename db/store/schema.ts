// Row types of every table, next to one another so Kysely can type queries. Areas re-export their own.
import type { Insertable, Selectable } from 'kysely';

export interface JournalTable {
  seq: number;
  origin: string;
  origin_seq: number;
  hlc: string;
  actor: string;
  type: string;
  entity: string;
  payload: string;
  prev_hash: string;
  hash: string;
}
export type JournalRow = Selectable<JournalTable>;
export type NewJournalRow = Insertable<JournalTable>;

export interface JournalRefTable {
  seq: number;
  entity: string;
}

export interface OriginTable {
  origin: string;
  scope: 'shared' | 'local';
  is_self: number;
}

export interface InstitutionTable {
  id: string;
  name: string;
  code: string;
  postal_address: string;
  accounting_officer_title: string;
  head_title: string;
  configured_at: string;
  updated_at: string;
}
export type Institution = Selectable<InstitutionTable>;

export interface SecuritySettingsTable {
  id: string;
  password_max_age_days: number;
  updated_at: string;
}
export type SecuritySettings = Selectable<SecuritySettingsTable>;

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  /** JSON array of roles. */
  roles: string;
  password_hash: string;
  must_change_password: number;
  password_changed_at: string;
  active: number;
  deactivated_at: string | null;
  deactivation_reason: string | null;
  failed_attempts: number;
  locked_until: string | null;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
}
export type UserRow = Selectable<UserTable>;

export interface DepartmentTable {
  id: string;
  name: string;
  code: string;
  active: number;
  created_at: string;
  updated_at: string;
}
export type DepartmentRow = Selectable<DepartmentTable>;

export interface LocationTable {
  id: string;
  name: string;
  building: string;
  region: string;
  active: number;
  created_at: string;
  updated_at: string;
}
export type LocationRow = Selectable<LocationTable>;

export interface PersonTable {
  id: string;
  full_name: string;
  check_number: string;
  title: string;
  department_id: string | null;
  institution: string;
  phone: string;
  email: string;
  active: number;
  created_at: string;
  updated_at: string;
}
export type PersonRow = Selectable<PersonTable>;

export interface Database {
  journal: JournalTable;
  journal_refs: JournalRefTable;
  origins: OriginTable;
  institution: InstitutionTable;
  security_settings: SecuritySettingsTable;
  users: UserTable;
  departments: DepartmentTable;
  locations: LocationTable;
  people: PersonTable;
}
