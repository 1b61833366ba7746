// 0100: the device search indexes the first letter of every word. Search-as-you-type asks for every word
// beginning with what was typed, and for one letter FTS5 merges the lists of every word so beginning: at
// 50,000 devices "h" is some 500 words (serials, names) and "0" some 10,000 tag numbers, merged on every
// keystroke (13 ms for "m"). A one-letter prefix index answers each with one list (issue 9). Indexing two
// and three letters too saved a few ms more on some prefixes ("ma", a serial's first letters) but nearly
// doubled what every change to the index costs (one letter: a fifth more at most), and a merge pays that
// for every device it folds.
// FTS5 takes its prefix indexes only when the table is made, so the index is made again and filled from
// the devices as 0040's triggers fill it; the triggers keep feeding it by name.
import { sql, type Kysely } from 'kysely';

async function remake(db: Kysely<unknown>, options: string): Promise<void> {
  await sql`DROP TABLE assets_search`.execute(db);
  await sql`CREATE VIRTUAL TABLE assets_search USING fts5 (
    tag, serial, make, model, custodian, location,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'${sql.raw(options)}
  )`.execute(db);
  await sql`INSERT INTO assets_search (rowid, tag, serial, make, model, custodian, location)
    SELECT a.rowid, a.tag, a.serial, a.make, a.model,
      coalesce((SELECT full_name FROM people WHERE id = a.custodian_id), ''),
      coalesce((SELECT name || ' ' || building FROM locations WHERE id = a.location_id), '')
    FROM assets a ORDER BY a.rowid`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await remake(db, `, prefix = '1'`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await remake(db, '');
}
