// 0160: backups taken and tried (3.4.1, 3.4.2), and how often and where they are taken.
import { sql, type Kysely } from 'kysely';
import { createTable, dropTables, ID, integer, STAMPS, text } from '../store/migrations/tables.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'backups', [
    ID,
    ...text('file', 'folder', 'kind', 'state', 'problem', 'detail', 'sha256'),
    ...integer('size', 'events'),
    ...text('last_hash', 'by_name', 'tested_at'),
    'test_ok INTEGER',
    ...text('test_problem'),
    ...STAMPS,
  ]);
  await sql`CREATE INDEX backups_taken ON backups (state, created_at)`.execute(db);
  await createTable(db, 'backup_settings', [ID, ...text('every'), ...integer('keep'), ...text('folder'), ...STAMPS]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, ['backups', 'backup_settings']);
}
