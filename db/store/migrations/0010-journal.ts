// 0010: the journal (the log book itself) and the installation's identity.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE journal (
    seq INTEGER PRIMARY KEY,
    origin TEXT NOT NULL,
    origin_seq INTEGER NOT NULL CHECK (origin_seq >= 1),
    hlc TEXT NOT NULL,
    actor TEXT NOT NULL,
    type TEXT NOT NULL,
    entity TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash TEXT NOT NULL CHECK (length(hash) = 64),
    UNIQUE (origin, origin_seq)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX journal_entity ON journal (entity, hlc)`.execute(db);
  await sql`CREATE INDEX journal_order ON journal (hlc, origin, origin_seq)`.execute(db);
  // Events are never updated or deleted.
  await sql`CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal BEGIN SELECT RAISE(ABORT, 'journal rows are never updated'); END`.execute(db);
  await sql`CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN SELECT RAISE(ABORT, 'journal rows are never deleted'); END`.execute(db);
  // Every entity an event touches besides its main one, so the fold of any entity finds all its events.
  await sql`CREATE TABLE journal_refs (
    seq INTEGER NOT NULL REFERENCES journal (seq),
    entity TEXT NOT NULL,
    PRIMARY KEY (entity, seq)
  ) STRICT, WITHOUT ROWID`.execute(db);
  // Verify and sync look an event's refs up by its number.
  await sql`CREATE INDEX journal_refs_seq ON journal_refs (seq)`.execute(db);
  // Which origins this file holds, and whether their events may travel (accounts never do).
  await sql`CREATE TABLE origins (
    origin TEXT PRIMARY KEY,
    scope TEXT NOT NULL CHECK (scope IN ('shared', 'local')),
    is_self INTEGER NOT NULL CHECK (is_self IN (0, 1))
  ) STRICT`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE origins`.execute(db);
  await sql`DROP TABLE journal_refs`.execute(db);
  await sql`DROP TABLE journal`.execute(db);
}
