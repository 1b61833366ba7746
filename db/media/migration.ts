// 0140: the removable media register (3.6.7–3.6.10): issues with the rules acknowledged, wipe
// confirmations, and lost or damaged reports. Where a medium is kept and who holds it are the device's own columns.
import { sql, type Kysely } from 'kysely';
import { createTable, dropTables, ID, STAMPS, text } from '../store/migrations/tables.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'media_issues', [
    ID,
    ...text('asset_id', 'person_id', 'person_name', 'purpose', 'issued_on', 'acknowledged', 'state', 'returned_on', 'return_condition'),
    ...text('return_note', 'void_reason', 'issued_by_name', 'closed_by_name'),
    ...STAMPS,
  ]);
  await sql`CREATE INDEX media_issues_asset ON media_issues (asset_id, state)`.execute(db);
  await createTable(db, 'media_wipes', [ID, ...text('asset_id', 'wiped_on', 'method', 'wiped_by', 'witness', 'note', 'recorded_by_name'), ...STAMPS]);
  await sql`CREATE INDEX media_wipes_asset ON media_wipes (asset_id, wiped_on)`.execute(db);
  await createTable(db, 'media_incidents', [
    ID,
    ...text('asset_id', 'kind', 'reported_on', 'note'),
    'holder_id TEXT',
    ...text('holder_name', 'state', 'found_on', 'found_note', 'reported_by_name'),
    ...STAMPS,
  ]);
  await sql`CREATE INDEX media_incidents_state ON media_incidents (state, reported_on)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, ['media_incidents', 'media_wipes', 'media_issues']);
}
