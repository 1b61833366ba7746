// 0105: what custody does to a device, kept on its row so its status is read, never typed (issue 10):
// the off-premises request it is out on (3.6.11), the institution it was handed to (3.6.6), and an open
// report that it is lost (3.6.10). The custody areas fold these; `deriveStatus` reads them. Every
// existing device has none of them, so the columns start empty and the stored statuses stay true.
import { sql, type Kysely } from 'kysely';

const COLUMNS = ['off_premises_id', 'transferred_to', 'lost_report_id'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of COLUMNS) await sql`ALTER TABLE assets ADD COLUMN ${sql.raw(column)} TEXT`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of COLUMNS) await sql`ALTER TABLE assets DROP COLUMN ${sql.raw(column)}`.execute(db);
}
