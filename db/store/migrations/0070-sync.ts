// 0070: sync between installations — trusted peers, resolutions of the conflicts a merge revealed, and
// the transfers awaiting a wipe (3.6.9). Conflicts themselves are computed, never stored.
import type { Kysely } from 'kysely';
import { createTable, dropTables, ID, integer, text } from './tables.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Trust on first use: an administrator accepts a peer's key once; afterwards only that key counts.
  await createTable(db, 'peers', [
    ID,
    ...text('name', 'institution_name', 'institution_code', 'public_key', 'fingerprint', 'status', 'acked'),
    'last_import_at TEXT',
    'last_export_at TEXT',
    ...text('accepted_at', 'updated_at'),
  ]);
  await createTable(db, 'conflict_resolutions', [ID, ...text('note', 'resolved_by', 'resolved_at')]);
  // Reminders of 3.6.9: bundles written to or read from a transfer medium, until their wipe is recorded.
  await createTable(db, 'bundle_transfers', [
    ID,
    ...text('direction', 'file_name', 'content_sha256'),
    ...integer('event_count'),
    'peer_id TEXT',
    ...text('at'),
    'wiped_at TEXT',
    'wiped_by TEXT',
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, ['bundle_transfers', 'conflict_resolutions', 'peers']);
}
