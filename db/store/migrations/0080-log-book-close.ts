// 0080: the log book keeps a blank "hours worked" blank — the column takes NULL — and a repair closed as "no fault found" or "cancelled" keeps its
// reason. SQLite cannot relax NOT NULL in place, so the projection table is rebuilt with its rows.
import { sql, type Kysely } from 'kysely';
import { createEntryIndexes, ENTRY_COLUMNS } from './0050-maintenance.ts';
import { createTable } from './tables.ts';

const COLUMNS = `id, asset_id, kind, plan_id, procedure_id, procedure_version, reported_on, reported_by, symptoms, diagnosis,
    actions, parts, parts_cost_tzs, labour_cost_tzs, hours, technician_type, technician_name, provider_id, provider_name,
    job_ref, supervisor_name, warranty, state, sent_on, returned_on, outcome, closed_on, downtime_days, attachments,
    created_at, updated_at`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // 0050's table with hours that may be blank and the close reason beside the outcome.
  const columns = ENTRY_COLUMNS.flatMap((line) => {
    if (line === 'hours REAL NOT NULL') return ['hours REAL'];
    if (line === 'closed_on TEXT NOT NULL') return ["close_reason TEXT NOT NULL DEFAULT ''", line];
    return [line];
  });
  await createTable(db, 'maintenance_entries_next', columns);
  await sql`INSERT INTO maintenance_entries_next (${sql.raw(COLUMNS)}) SELECT ${sql.raw(COLUMNS)} FROM maintenance_entries`.execute(db);
  // A repair with no work recorded was folded to 0 hours; the fold now says "blank", so those rows
  // become NULL here and a file written before this change still rebuilds to its stored rows.
  await sql`UPDATE maintenance_entries_next SET hours = NULL WHERE NOT EXISTS (
    SELECT 1 FROM journal WHERE journal.type = 'maintenance.work-recorded' AND journal.entity = maintenance_entries_next.id
  )`.execute(db);
  await sql`DROP TABLE maintenance_entries`.execute(db);
  await sql`ALTER TABLE maintenance_entries_next RENAME TO maintenance_entries`.execute(db);
  await createEntryIndexes(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE maintenance_entries SET hours = 0 WHERE hours IS NULL`.execute(db);
  await sql`ALTER TABLE maintenance_entries DROP COLUMN close_reason`.execute(db);
}
