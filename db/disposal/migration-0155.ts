// 0155: every disposal batch a device is in, not only the last one it was added to. On one installation
// a device is in one batch at a time; after a merge it may be in two (a conflict, shown as such), and
// taking it out of one must leave it in the other. Filled from the one batch the row knows today.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE assets ADD COLUMN disposal_batches TEXT`.execute(db);
  await sql`UPDATE assets SET disposal_batches = json_array(disposal_batch_id) WHERE disposal_batch_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE assets DROP COLUMN disposal_batches`.execute(db);
}
