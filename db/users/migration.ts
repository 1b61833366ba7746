// 0190: an account names the person of the register it belongs to (3.1.2), so "no longer serving" in the
// register reaches the account by that link rather than by a display name that happens to match.
// Existing accounts are linked once, by the rule the dashboard used to apply on every reading: the one
// person of the register (serving or not) with the account's name, ignoring case, unless another
// account has that name too. A migration may not write the journal (db/journal/append.ts is its one
// writer), and a link left out of it would not survive a rebuild and would fail `verify`; so the links
// found here wait in `users_person_links` until the file is opened, when the users area records each
// as a `users.updated` by Daftari itself (db/users/startup.ts).
import { sql, type Kysely } from 'kysely';
import { createTable } from '../store/migrations/tables.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN person_id TEXT`.execute(db);
  await sql`CREATE INDEX users_person ON users (person_id)`.execute(db);
  await createTable(db, 'users_person_links', ['user_id TEXT PRIMARY KEY', 'person_id TEXT NOT NULL']);
  await sql`
    WITH named AS (
      SELECT u.id AS user_id, min(p.id) AS person_id, count(*) AS people,
             (SELECT count(*) FROM users o WHERE o.display_name = u.display_name COLLATE NOCASE) AS accounts
        FROM users u JOIN people p ON p.full_name = u.display_name COLLATE NOCASE
       GROUP BY u.id)
    INSERT INTO users_person_links (user_id, person_id)
    SELECT user_id, person_id FROM named WHERE people = 1 AND accounts = 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE users_person_links`.execute(db);
  await sql`DROP INDEX users_person`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN person_id`.execute(db);
}
