// Raw baseline of a bundle import: read the same bundle file (gunzip, split lines, JSON.parse each)
// and bulk insert the same rows, in one transaction: every event into a table with the journal's
// schema and indexes, its refs, and each entity's final row into a table shaped like its projection.
// What the product must work out (checks, the fold, the search indexes) is exactly what this leaves
// out: the rows it writes are the ones the product ends with, read from the exporting file beforehand.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import Sqlite from 'better-sqlite3';
import { openRaw, sharedOrigins } from './sqlite.ts';

/** The journal as migration 0010 creates it (db/store/migrations/0010-journal.ts), triggers included. */
const JOURNAL_SCHEMA = `
CREATE TABLE journal (
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
) STRICT;
CREATE INDEX journal_entity ON journal (entity, hlc);
CREATE INDEX journal_order ON journal (hlc, origin, origin_seq);
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal BEGIN SELECT RAISE(ABORT, 'journal rows are never updated'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN SELECT RAISE(ABORT, 'journal rows are never deleted'); END;
CREATE TABLE journal_refs (
  seq INTEGER NOT NULL REFERENCES journal (seq),
  entity TEXT NOT NULL,
  PRIMARY KEY (entity, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX journal_refs_seq ON journal_refs (seq);
CREATE TABLE origins (
  origin TEXT PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('shared', 'local')),
  is_self INTEGER NOT NULL CHECK (is_self IN (0, 1))
) STRICT;
`;

type Ref = [origin: string, origin_seq: number, entity: string];

export interface RawImport {
  target: Sqlite.Database;
  /** Each projection's final rows, as the exporting installation holds them, and its insert. */
  tables: { table: string; insert: Sqlite.Statement; rows: unknown[][] }[];
  /** The refs of the shared events, in bundle order. */
  refs: Ref[];
}

/**
 * Everything but the measured work: the target file with its tables (each projection's table and
 * indexes copied from the exporting file, without its search triggers), and the rows to write.
 */
export function prepareRawImport(sourcePath: string, targetPath: string, projectionTables: readonly string[]): RawImport {
  const source = new Sqlite(sourcePath, { readonly: true });
  const target = openRaw(targetPath);
  try {
    target.exec(JOURNAL_SCHEMA);
    const tables: RawImport['tables'] = [];
    for (const table of projectionTables) {
      const schema = source.prepare("SELECT type, sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type DESC").all(table) as { type: string; sql: string }[];
      for (const { sql } of schema) target.exec(sql);
      const columns = (source.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      tables.push({
        table,
        insert: target.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`),
        rows: source.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).raw().all() as unknown[][],
      });
    }
    const shared = sharedOrigins(source);
    const refs = source
      .prepare(`SELECT j.origin, j.origin_seq, r.entity FROM journal_refs r JOIN journal j ON j.seq = r.seq WHERE j.origin IN (${shared.map(() => '?').join(', ')}) ORDER BY j.origin, j.origin_seq`)
      .raw()
      .all(...shared) as Ref[];
    return { target, tables, refs };
  } catch (error) {
    target.close();
    throw error;
  } finally {
    source.close();
  }
}

interface EventLine {
  origin: string;
  origin_seq: number;
  hlc: string;
  actor: string;
  type: string;
  entity: string;
  payload: unknown;
  prev_hash: string;
  hash: string;
}

/** The measured work. Closes the target. */
export async function rawImport(prepared: RawImport, bundlePath: string): Promise<{ events: number }> {
  const { target, tables, refs } = prepared;
  const insertEvent = target.prepare('INSERT INTO journal (origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertRef = target.prepare('INSERT INTO journal_refs (seq, entity) VALUES (?, ?)');
  const insertOrigin = target.prepare("INSERT OR IGNORE INTO origins (origin, scope, is_self) VALUES (?, 'shared', 0)");
  let events = 0;
  let ref = 0;
  let origin = '';
  const write = (event: EventLine) => {
    if (event.origin !== origin) {
      origin = event.origin;
      insertOrigin.run(origin);
    }
    // The payload is stored as its canonical text; the line holds it canonical already, and parsing
    // keeps its (sorted) key order.
    const { lastInsertRowid: seq } = insertEvent.run(event.origin, event.origin_seq, event.hlc, event.actor, event.type, event.entity, JSON.stringify(event.payload), event.prev_hash, event.hash);
    for (let next = refs[ref]; next && next[0] === event.origin && next[1] === event.origin_seq; next = refs[++ref]) insertRef.run(seq, next[2]);
    events += 1;
  };
  try {
    target.exec('BEGIN IMMEDIATE');
    const text = createReadStream(bundlePath).pipe(createGunzip());
    text.setEncoding('utf8');
    let header = true;
    let tail = '';
    for await (const chunk of text as AsyncIterable<string>) {
      const buffer = tail + chunk;
      let start = 0;
      for (let end = buffer.indexOf('\n'); end !== -1; end = buffer.indexOf('\n', start)) {
        const line = JSON.parse(buffer.slice(start, end)) as EventLine;
        start = end + 1;
        if (header) header = false;
        else write(line);
      }
      tail = buffer.slice(start);
    }
    for (const { insert, rows } of tables) for (const row of rows) insert.run(...row);
    target.exec('COMMIT');
  } finally {
    if (target.inTransaction) target.exec('ROLLBACK');
    target.close();
  }
  return { events };
}
