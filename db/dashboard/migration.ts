// 0180: the dashboard's indexes on other areas' tables, so that each figure reads a range of an index
// instead of every row: repairs closed in a month (cost, downtime), repairs by the day they were
// reported (the most-repaired models), repairs sent off-site (3.6.3), devices by category and by
// purchase (both leaving out those gone), and devices out on a permit (3.6.11).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX dashboard_closed ON maintenance_entries (closed_on, asset_id, parts_cost_tzs, labour_cost_tzs, downtime_days)`.execute(db);
  await sql`CREATE INDEX dashboard_reported ON maintenance_entries (reported_on, kind, asset_id)`.execute(db);
  await sql`CREATE INDEX dashboard_offsite ON maintenance_entries (sent_on, asset_id) WHERE sent_on != ''`.execute(db);
  await sql`CREATE INDEX dashboard_category ON assets (category, status)`.execute(db);
  await sql`CREATE INDEX dashboard_purchase ON assets (purchase_date, status)`.execute(db);
  await sql`CREATE INDEX dashboard_out ON assets (off_premises_id) WHERE off_premises_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['dashboard_out', 'dashboard_purchase', 'dashboard_category', 'dashboard_offsite', 'dashboard_reported', 'dashboard_closed']) {
    await sql`DROP INDEX ${sql.id(index)}`.execute(db);
  }
}
