// 0020: the institution's settings and local user accounts (3.1.1, 3.1.6–3.1.8).
import { sql, type Kysely } from 'kysely';
import { ACTIVE, createTable, dropTables, ID, integer, STAMPS, text } from './tables.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'institution', [
    ID,
    ...text('name', 'code', 'postal_address', 'accounting_officer_title', 'head_title', 'configured_at', 'updated_at'),
  ]);
  await createTable(db, 'security_settings', [ID, ...integer('password_max_age_days'), ...text('updated_at')]);
  await createTable(db, 'users', [
    ID,
    ...text('username', 'display_name', 'roles', 'password_hash'),
    ...integer('must_change_password'),
    ...text('password_changed_at'),
    ACTIVE,
    'deactivated_at TEXT',
    'deactivation_reason TEXT',
    ...integer('failed_attempts'),
    'locked_until TEXT',
    'last_sign_in_at TEXT',
    ...STAMPS,
  ]);
  await sql`CREATE UNIQUE INDEX users_username ON users (username COLLATE NOCASE)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, ['users', 'security_settings', 'institution']);
}
