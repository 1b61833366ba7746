// 0050: the maintenance procedure and plans (3.6.1), providers (3.6.2), the Service Maintenance Log
// Book (3.6.4) and the attachments it cites (stored once, by SHA-256).
import { sql, type Kysely } from 'kysely';
import { ACTIVE, createTable, dropTables, ID, integer, STAMPS, text } from './tables.ts';

/** The log book's columns as this migration made them; 0080 rebuilds the table from them. */
export const ENTRY_COLUMNS = [
  ID,
  ...text('asset_id', 'kind'),
  'plan_id TEXT',
  'procedure_id TEXT',
  ...text('procedure_version', 'reported_on', 'reported_by', 'symptoms', 'diagnosis', 'actions', 'parts'),
  ...integer('parts_cost_tzs', 'labour_cost_tzs'),
  'hours REAL NOT NULL',
  'technician_type TEXT',
  ...text('technician_name'),
  'provider_id TEXT',
  ...text('provider_name', 'job_ref', 'supervisor_name'),
  ...integer('warranty'),
  ...text('state', 'sent_on', 'returned_on'),
  'outcome TEXT',
  ...text('closed_on'),
  'downtime_days INTEGER',
  ...text('attachments'),
  ...STAMPS,
];

export async function createEntryIndexes(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX maintenance_asset ON maintenance_entries (asset_id, reported_on)`.execute(db);
  await sql`CREATE INDEX maintenance_reported ON maintenance_entries (reported_on, id)`.execute(db);
  await sql`CREATE INDEX maintenance_plan ON maintenance_entries (plan_id, asset_id, closed_on)`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE attachments (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await createTable(db, 'procedures', [
    ID,
    ...text('title', 'version', 'approved_by', 'recorded_by', 'approval_date', 'effective_date', 'document_sha256', 'document_name'),
    ...integer('document_size'),
    ...text('created_at'),
  ]);
  await sql`CREATE INDEX procedures_effective ON procedures (effective_date, created_at)`.execute(db);
  await createTable(db, 'maintenance_plans', [
    ID,
    'procedure_id TEXT',
    'category TEXT',
    'asset_id TEXT',
    ...text('task'),
    ...integer('interval_months'),
    ACTIVE,
    ...STAMPS,
  ]);
  await createTable(db, 'providers', [ID, ...text('name', 'registration_number', 'contact_name', 'phone', 'email', 'address'), ACTIVE, ...STAMPS]);
  await createTable(db, 'maintenance_entries', ENTRY_COLUMNS);
  await createEntryIndexes(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, ['maintenance_entries', 'providers', 'maintenance_plans', 'procedures', 'attachments']);
}
