// 0030: the register of people who hold equipment, and of departments and locations, with search.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE departments (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    code TEXT NOT NULL,
    active INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE TABLE locations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    building TEXT NOT NULL,
    region TEXT NOT NULL,
    active INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE TABLE people (
    id TEXT PRIMARY KEY,
    full_name TEXT NOT NULL,
    check_number TEXT NOT NULL,
    title TEXT NOT NULL,
    department_id TEXT,
    institution TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    active INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
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
  await sql`DROP TABLE people_search`.execute(db);
  await sql`DROP TABLE people`.execute(db);
  await sql`DROP TABLE locations`.execute(db);
  await sql`DROP TABLE departments`.execute(db);
}
