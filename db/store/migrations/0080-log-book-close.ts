// 0080: the log book keeps a blank "hours worked" blank — the column takes NULL — and a repair closed as "no fault found" or "cancelled" keeps its
// reason. SQLite cannot relax NOT NULL in place, so the projection table is rebuilt with its rows.
import { sql, type Kysely } from 'kysely';

const COLUMNS = `id, asset_id, kind, plan_id, procedure_id, procedure_version, reported_on, reported_by, symptoms, diagnosis,
    actions, parts, parts_cost_tzs, labour_cost_tzs, hours, technician_type, technician_name, provider_id, provider_name,
    job_ref, supervisor_name, warranty, state, sent_on, returned_on, outcome, closed_on, downtime_days, attachments,
    created_at, updated_at`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE maintenance_entries_next (
    id TEXT PRIMARY KEY,
    asset_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    plan_id TEXT,
    procedure_id TEXT,
    procedure_version TEXT NOT NULL,
    reported_on TEXT NOT NULL,
    reported_by TEXT NOT NULL,
    symptoms TEXT NOT NULL,
    diagnosis TEXT NOT NULL,
    actions TEXT NOT NULL,
    parts TEXT NOT NULL,
    parts_cost_tzs INTEGER NOT NULL,
    labour_cost_tzs INTEGER NOT NULL,
    hours REAL,
    technician_type TEXT,
    technician_name TEXT NOT NULL,
    provider_id TEXT,
    provider_name TEXT NOT NULL,
    job_ref TEXT NOT NULL,
    supervisor_name TEXT NOT NULL,
    warranty INTEGER NOT NULL,
    state TEXT NOT NULL,
    sent_on TEXT NOT NULL,
    returned_on TEXT NOT NULL,
    outcome TEXT,
    close_reason TEXT NOT NULL DEFAULT '',
    closed_on TEXT NOT NULL,
    downtime_days INTEGER,
    attachments TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`INSERT INTO maintenance_entries_next (${sql.raw(COLUMNS)}) SELECT ${sql.raw(COLUMNS)} FROM maintenance_entries`.execute(db);
  // A repair with no work recorded was folded to 0 hours; the fold now says "blank", so those rows
  // become NULL here and a file written before this change still rebuilds to its stored rows.
  await sql`UPDATE maintenance_entries_next SET hours = NULL WHERE NOT EXISTS (
    SELECT 1 FROM journal WHERE journal.type = 'maintenance.work-recorded' AND journal.entity = maintenance_entries_next.id
  )`.execute(db);
  await sql`DROP TABLE maintenance_entries`.execute(db);
  await sql`ALTER TABLE maintenance_entries_next RENAME TO maintenance_entries`.execute(db);
  await sql`CREATE INDEX maintenance_asset ON maintenance_entries (asset_id, reported_on)`.execute(db);
  await sql`CREATE INDEX maintenance_reported ON maintenance_entries (reported_on, id)`.execute(db);
  await sql`CREATE INDEX maintenance_plan ON maintenance_entries (plan_id, asset_id, closed_on)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE maintenance_entries SET hours = 0 WHERE hours IS NULL`.execute(db);
  await sql`ALTER TABLE maintenance_entries DROP COLUMN close_reason`.execute(db);
}
