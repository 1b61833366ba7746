// 0020: the institution's settings and local user accounts (3.1.1, 3.1.6–3.1.8).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE institution (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    code TEXT NOT NULL,
    postal_address TEXT NOT NULL,
    accounting_officer_title TEXT NOT NULL,
    head_title TEXT NOT NULL,
    configured_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE TABLE security_settings (
    id TEXT PRIMARY KEY,
    password_max_age_days INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    display_name TEXT NOT NULL,
    roles TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    must_change_password INTEGER NOT NULL,
    password_changed_at TEXT NOT NULL,
    active INTEGER NOT NULL,
    deactivated_at TEXT,
    deactivation_reason TEXT,
    failed_attempts INTEGER NOT NULL,
    locked_until TEXT,
    last_sign_in_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX users_username ON users (username COLLATE NOCASE)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE users`.execute(db);
  await sql`DROP TABLE security_settings`.execute(db);
  await sql`DROP TABLE institution`.execute(db);
}
