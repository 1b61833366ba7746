// Migrations share helpers (migrations/tables.ts), yet a shipped migration must never change what it
// does: every statement each one runs, up and down, and the schema they leave are compared with a
// record taken from the migrations as they were before they shared any code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationNames, migrations } from '../../../../db/store/migrations/index.ts';

/** The last migration the record knows; a later one is checked by its own test. */
const LAST_RECORDED = '0090-held-events';
const RECORD = join(import.meta.dirname, '../../../fixtures/migrations/sql-before-shared-helpers.json');

interface Recorded {
  migrations: Record<string, { up: string[]; down: string[] }>;
  sqliteMaster: unknown[];
}

async function record(): Promise<Recorded> {
  const sqlite = new Sqlite(':memory:');
  let statements: string[] = [];
  const db = new Kysely<unknown>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      statements.push(event.query.sql);
    },
  });
  const out: Recorded['migrations'] = {};
  let sqliteMaster: unknown[] = [];
  for (const name of migrationNames) {
    statements = [];
    await migrations[name]?.up(db);
    out[name] = { up: statements, down: [] };
    if (name === LAST_RECORDED) sqliteMaster = sqlite.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();
  }
  for (const name of [...migrationNames].reverse()) {
    statements = [];
    await migrations[name]?.down?.(db);
    (out[name] as { down: string[] }).down = statements;
  }
  await db.destroy();
  return { migrations: out, sqliteMaster };
}

describe('the migrations, byte for byte', () => {
  it('run exactly the statements they ran before they shared helpers, up and down, and leave the same schema', async () => {
    const before = JSON.parse(readFileSync(RECORD, 'utf8')) as Recorded;
    const now = await record();
    expect(Object.keys(before.migrations).at(-1)).toBe(LAST_RECORDED);
    for (const name of Object.keys(before.migrations)) expect(now.migrations[name], name).toEqual(before.migrations[name]);
    expect(now.sqliteMaster).toEqual(before.sqliteMaster);
  });
});
