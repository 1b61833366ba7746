// 0110: handovers (3.6.6) and the institution's choice of who approves them. Projections of the journal:
// a file from before has no handover events, so the tables start empty.
import { sql, type Kysely } from 'kysely';
import { createTable, dropTables, ID, integer, STAMPS, text } from '../store/migrations/tables.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'handovers', [
    ID,
    ...text('number'),
    ...integer('year', 'seq'),
    ...text('kind', 'state', 'from_type'),
    'from_person_id TEXT',
    ...text('from_name', 'to_type'),
    'to_person_id TEXT',
    ...text('to_name', 'to_institution', 'to_officer', 'reason', 'lines', 'prepared_by', 'prepared_by_name', 'prepared_at'),
    'decided_by TEXT',
    ...text('decided_by_name', 'decided_role', 'decided_at', 'decision_note', 'received_on', 'received_by', 'witness', 'received_at'),
    ...text('cancel_reason', 'cancelled_at', 'attachments'),
    ...STAMPS,
  ]);
  await sql`CREATE INDEX handovers_state ON handovers (state, created_at)`.execute(db);
  await sql`CREATE INDEX handovers_year ON handovers (year, seq)`.execute(db);
  await createTable(db, 'handover_settings', [ID, ...text('approver_role', 'updated_at')]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, ['handover_settings', 'handovers']);
}
