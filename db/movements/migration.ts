// 0120: the off-premises requests (3.6.11), one row a request, folded from its events.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { createTable, ID, integer, STAMPS, text } from '../store/migrations/tables.ts';

export const MOVEMENT_COLUMNS = [
  ID,
  ...text('permit_no'),
  ...integer('permit_year', 'permit_seq'),
  ...text('holder_id', 'holder_name', 'holder_title', 'holder_check_number', 'devices', 'purpose', 'destination', 'date_out', 'due_on', 'data_held'),
  ...text('classification', 'state', 'prepared_by', 'prepared_by_name', 'decided_by', 'decided_by_name', 'decided_at', 'decision_reason'),
  ...text('justification', 'verification_code', 'out_on', 'returned_on', 'return_condition', 'return_notes', 'revoked_by_name', 'revoked_at', 'revoke_reason'),
  ...STAMPS,
] as const;

export const movementsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createTable(db, 'movements', MOVEMENT_COLUMNS);
    await sql`CREATE INDEX movements_state ON movements (state, due_on, id)`.execute(db);
    await sql`CREATE INDEX movements_permit ON movements (permit_no)`.execute(db);
    await sql`CREATE INDEX movements_created ON movements (created_at, id)`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`DROP TABLE movements`.execute(db);
  },
};
