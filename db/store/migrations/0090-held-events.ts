// 0090: events kept but not folded. A newer peer's bundle may carry event types this version does not
// know; they are stored and verified with their chain, and listed here until a version that knows
// them folds them (docs/journal.md, "Event types this version does not know").
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE journal_held (
    seq INTEGER PRIMARY KEY REFERENCES journal (seq)
  ) STRICT`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE journal_held`.execute(db);
}
