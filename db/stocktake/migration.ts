// 0170: stocktakes (issue 13). The stocktakes, the chunks of their frozen snapshots, the counts and the
// actions on their findings: projections of the journal. The expected rows are spread out of each chunk
// by triggers into one table indexed for the scan, in the same statement that writes the chunk.
import { sql, type Kysely } from 'kysely';
import { createTable, dropTables, ID, integer, STAMPS, text } from '../store/migrations/tables.ts';
import { EXPECTED_FIELDS } from './events.ts';

/** The expected row's fields, in the order a chunk's `rows` column holds each row (events.ts, EXPECTED_FIELDS). */
const EXPECTED = EXPECTED_FIELDS;
const NULLABLE = new Set(['location_id', 'department_id', 'custodian_id']);

const spread = (row: 'new' | 'old') =>
  `INSERT INTO stocktake_expected (chunk_id, stocktake_id, ${EXPECTED.join(', ')})
      SELECT ${row}.id, ${row}.stocktake_id, ${EXPECTED.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(${row}.rows);`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'stocktakes', [
    ID,
    ...text('name', 'state', 'scope', 'scope_names', 'committee', 'chair_user_id', 'starts_on', 'ends_on'),
    ...integer('expected_count', 'chunks'),
    ...text('snapshot_sha256', 'opened_by', 'opened_by_name', 'opened_at', 'closed_by', 'closed_by_name', 'closed_at', 'totals'),
    ...STAMPS,
  ]);
  await sql`CREATE INDEX stocktakes_state ON stocktakes (state, created_at)`.execute(db);
  await createTable(db, 'stocktake_chunks', [ID, ...text('stocktake_id'), ...integer('chunk'), ...text('rows'), ...STAMPS]);
  await createTable(db, 'stocktake_expected', [
    ...text('chunk_id', 'stocktake_id'),
    ...EXPECTED.map((c) => (NULLABLE.has(c) ? `${c} TEXT` : `${c} TEXT NOT NULL`)),
  ]);
  await sql`CREATE INDEX stocktake_expected_tag ON stocktake_expected (stocktake_id, tag COLLATE NOCASE)`.execute(db);
  await sql`CREATE INDEX stocktake_expected_asset ON stocktake_expected (stocktake_id, asset_id)`.execute(db);
  await sql`CREATE INDEX stocktake_expected_location ON stocktake_expected (stocktake_id, location_id, tag)`.execute(db);
  await sql.raw(`CREATE TRIGGER stocktake_chunks_spread AFTER INSERT ON stocktake_chunks BEGIN ${spread('new')} END`).execute(db);
  await sql.raw(`CREATE TRIGGER stocktake_chunks_gather AFTER DELETE ON stocktake_chunks BEGIN DELETE FROM stocktake_expected WHERE stocktake_id = old.stocktake_id AND chunk_id = old.id; END`).execute(db);
  await sql
    .raw(`CREATE TRIGGER stocktake_chunks_respread AFTER UPDATE ON stocktake_chunks BEGIN DELETE FROM stocktake_expected WHERE stocktake_id = old.stocktake_id AND chunk_id = old.id; ${spread('new')} END`)
    .execute(db);
  await createTable(db, 'stocktake_counts', [
    ID,
    ...text('stocktake_id', 'location_id', 'location_name', 'outcome'),
    'asset_id TEXT',
    ...text('tag', 'make', 'model', 'serial'),
    'custodian_id TEXT',
    ...text('custodian_name'),
    'condition TEXT',
    ...integer('label_missing'),
    'reason TEXT',
    ...text('note', 'counted_by', 'counted_by_name', 'counted_at'),
    ...integer('undone'),
    ...text('undone_by_name', 'undone_at'),
    ...STAMPS,
  ]);
  await sql`CREATE INDEX stocktake_counts_asset ON stocktake_counts (stocktake_id, asset_id, undone)`.execute(db);
  await sql`CREATE INDEX stocktake_counts_location ON stocktake_counts (stocktake_id, location_id, counted_at, id)`.execute(db);
  await createTable(db, 'stocktake_actions', [
    ID,
    ...text('stocktake_id'),
    'asset_id TEXT',
    'count_id TEXT',
    ...text('tag', 'kind', 'ref', 'ref_label', 'note', 'by_name', 'at'),
    ...integer('acknowledged'),
    ...text('acknowledged_by_name', 'acknowledged_at', 'acknowledge_note'),
    ...STAMPS,
  ]);
  await sql`CREATE INDEX stocktake_actions_stocktake ON stocktake_actions (stocktake_id)`.execute(db);
  await sql`CREATE INDEX stocktake_actions_incidents ON stocktake_actions (kind, acknowledged)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, ['stocktake_actions', 'stocktake_counts', 'stocktake_expected', 'stocktake_chunks', 'stocktakes']);
}
