// 0130: the register of personal devices approved for office work (3.6.5).
import { sql, type Kysely } from 'kysely';
import { createTable, dropTables, ID, integer, STAMPS, text } from '../store/migrations/tables.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'personal_devices', [
    ID,
    ...text('owner_id', 'owner_name', 'kind', 'make', 'model', 'serial', 'purpose', 'scope', 'notes', 'state', 'prepared_by', 'prepared_by_name'),
    ...text('expires_on', 'decided_by', 'decided_by_name', 'decided_at', 'reason', 'revoked_by_name', 'revoked_at', 'revoke_reason'),
    ...integer('renewals'),
    ...STAMPS,
  ]);
  await sql`CREATE INDEX personal_devices_state ON personal_devices (state, expires_on)`.execute(db);
  await sql`CREATE INDEX personal_devices_owner ON personal_devices (owner_id, serial)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, ['personal_devices']);
}
