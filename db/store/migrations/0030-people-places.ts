// 0030: the register of people who hold equipment, and of departments and locations, with search.
import { sql, type Kysely } from 'kysely';
import { ACTIVE, createTable, dropTables, ID, STAMPS, text } from './tables.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'departments', [ID, ...text('name', 'code'), ACTIVE, ...STAMPS]);
  await createTable(db, 'locations', [ID, ...text('name', 'building', 'region'), ACTIVE, ...STAMPS]);
  await createTable(db, 'people', [
    ID,
    ...text('full_name', 'check_number', 'title'),
    'department_id TEXT',
    ...text('institution', 'phone', 'email'),
    ACTIVE,
    ...STAMPS,
  ]);
  await sql`CREATE INDEX people_name ON people (full_name COLLATE NOCASE, id)`.execute(db);
  await sql`CREATE INDEX people_department ON people (department_id)`.execute(db);
  await sql`CREATE INDEX departments_name ON departments (name COLLATE NOCASE, id)`.execute(db);
  await sql`CREATE INDEX locations_name ON locations (name COLLATE NOCASE, id)`.execute(db);
  // Search-as-you-type: an FTS5 index kept by triggers, so projections stay the only thing reducers write.
  await sql`CREATE VIRTUAL TABLE people_search USING fts5 (
    full_name, check_number, title, institution, phone, email,
    content = 'people', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
    INSERT INTO people_search (rowid, full_name, check_number, title, institution, phone, email)
    VALUES (new.rowid, new.full_name, new.check_number, new.title, new.institution, new.phone, new.email);
  END`.execute(db);
  await sql`CREATE TRIGGER people_search_delete AFTER DELETE ON people BEGIN
    INSERT INTO people_search (people_search, rowid, full_name, check_number, title, institution, phone, email)
    VALUES ('delete', old.rowid, old.full_name, old.check_number, old.title, old.institution, old.phone, old.email);
  END`.execute(db);
  await sql`CREATE TRIGGER people_search_update AFTER UPDATE ON people BEGIN
    INSERT INTO people_search (people_search, rowid, full_name, check_number, title, institution, phone, email)
    VALUES ('delete', old.rowid, old.full_name, old.check_number, old.title, old.institution, old.phone, old.email);
    INSERT INTO people_search (rowid, full_name, check_number, title, institution, phone, email)
    VALUES (new.rowid, new.full_name, new.check_number, new.title, new.institution, new.phone, new.email);
  END`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, ['people_search', 'people', 'locations', 'departments']);
}
