// 0050: the maintenance procedure and plans (3.6.1), providers (3.6.2), the Service Maintenance Log
// Book (3.6.4) and the attachments it cites (stored once, by SHA-256).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE attachments (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE TABLE procedures (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    version TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    approval_date TEXT NOT NULL,
    effective_date TEXT NOT NULL,
    document_sha256 TEXT NOT NULL,
    document_name TEXT NOT NULL,
    document_size INTEGER NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX procedures_effective ON procedures (effective_date, created_at)`.execute(db);
  await sql`CREATE TABLE maintenance_plans (
    id TEXT PRIMARY KEY,
    procedure_id TEXT,
    category TEXT,
    asset_id TEXT,
    task TEXT NOT NULL,
    interval_months INTEGER NOT NULL,
    active INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE TABLE providers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    registration_number TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    address TEXT NOT NULL,
    active INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE TABLE maintenance_entries (
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
    hours REAL NOT NULL,
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
    closed_on TEXT NOT NULL,
    downtime_days INTEGER,
    attachments TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX maintenance_asset ON maintenance_entries (asset_id, reported_on)`.execute(db);
  await sql`CREATE INDEX maintenance_reported ON maintenance_entries (reported_on, id)`.execute(db);
  await sql`CREATE INDEX maintenance_plan ON maintenance_entries (plan_id, asset_id, closed_on)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['maintenance_entries', 'providers', 'maintenance_plans', 'procedures', 'attachments']) {
    await sql`DROP TABLE ${sql.raw(name)}`.execute(db);
  }
}
