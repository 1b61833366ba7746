// 0070: sync between installations — trusted peers, resolutions of the conflicts a merge revealed, and
// the transfers awaiting a wipe (3.6.9). Conflicts themselves are computed, never stored.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Trust on first use: an administrator accepts a peer's key once; afterwards only that key counts.
  await sql`CREATE TABLE peers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    institution_name TEXT NOT NULL,
    institution_code TEXT NOT NULL,
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status TEXT NOT NULL,
    acked TEXT NOT NULL,
    last_import_at TEXT,
    last_export_at TEXT,
    accepted_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE TABLE conflict_resolutions (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    resolved_by TEXT NOT NULL,
    resolved_at TEXT NOT NULL
  ) STRICT`.execute(db);
  // Reminders of 3.6.9: bundles written to or read from a transfer medium, until their wipe is recorded.
  await sql`CREATE TABLE bundle_transfers (
    id TEXT PRIMARY KEY,
    direction TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    event_count INTEGER NOT NULL,
    peer_id TEXT,
    at TEXT NOT NULL,
    wiped_at TEXT,
    wiped_by TEXT
  ) STRICT`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['bundle_transfers', 'conflict_resolutions', 'peers']) {
    await sql`DROP TABLE ${sql.raw(name)}`.execute(db);
  }
}
