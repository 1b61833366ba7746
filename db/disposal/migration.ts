// 0150: disposal submissions (3.6.12–3.6.14). Two columns on the device (the batch holding it, the day
// it was disposed of), the proposals, the batches and the cover letter's settings. Projections of the
// journal: a file from before has no disposal events, so the columns and tables start empty.
import { sql, type Kysely } from 'kysely';
import { createTable, dropTables, ID, integer, STAMPS, text } from '../store/migrations/tables.ts';

const COLUMNS = ['disposal_batch_id', 'disposed_on'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of COLUMNS) await sql`ALTER TABLE assets ADD COLUMN ${sql.raw(column)} TEXT`.execute(db);
  await createTable(db, 'disposal_proposals', [
    ID,
    ...text('asset_id', 'tag', 'reason', 'route', 'note', 'state', 'proposed_by', 'proposed_by_name', 'proposed_at', 'withdraw_reason'),
    ...STAMPS,
  ]);
  await sql`CREATE INDEX disposal_proposals_asset ON disposal_proposals (asset_id, state)`.execute(db);
  await createTable(db, 'disposal_batches', [
    ID,
    ...text('number'),
    ...integer('year', 'seq'),
    ...text('state', 'note', 'lines', 'media', 'prepared_by', 'prepared_by_name', 'prepared_at', 'sent_at'),
    'decided_by TEXT',
    ...text('decided_by_name', 'decided_at', 'decision_note', 'submitted_on', 'letter_ref', 'submitted_by_name', 'submitted_at', 'snapshot', 'snapshot_sha256'),
    ...text('collected_on', 'collected_by', 'disposed_on', 'certificate_ref', 'disposal_method', 'returned_on', 'return_reason', 'cancel_reason', 'corrections'),
    ...STAMPS,
  ]);
  await sql`CREATE INDEX disposal_batches_state ON disposal_batches (state, created_at)`.execute(db);
  await sql`CREATE INDEX disposal_batches_year ON disposal_batches (year, seq)`.execute(db);
  await createTable(db, 'disposal_settings', [ID, ...text('addressee', 'address', 'subject_sw', 'body_sw', 'subject_en', 'body_en', 'signatory_title', 'updated_at')]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, ['disposal_settings', 'disposal_batches', 'disposal_proposals']);
  for (const column of COLUMNS) await sql`ALTER TABLE assets DROP COLUMN ${sql.raw(column)}`.execute(db);
}
