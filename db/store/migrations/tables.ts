// What the migrations share. A shipped migration never changes what it runs: these helpers write the
// very text the migrations once spelled out by hand, and tests/db/store/migrations/sql.test.ts holds
// every statement each migration runs, byte for byte, against a record taken before they existed.
import { sql, type Kysely } from 'kysely';

export const ID = 'id TEXT PRIMARY KEY';
export const ACTIVE = 'active INTEGER NOT NULL';
/** When the row was first folded and when it last changed (DESIGN.md: projections carry both). */
export const STAMPS = ['created_at TEXT NOT NULL', 'updated_at TEXT NOT NULL'] as const;

/** Required text columns, one line each. */
export function text(...names: string[]): string[] {
  return names.map((name) => `${name} TEXT NOT NULL`);
}

/** Required whole-number columns, one line each. */
export function integer(...names: string[]): string[] {
  return names.map((name) => `${name} INTEGER NOT NULL`);
}

/** `CREATE TABLE name (…) STRICT`, one column or constraint a line, laid out as every migration has. */
export async function createTable(db: Kysely<unknown>, name: string, lines: readonly string[], options = 'STRICT'): Promise<void> {
  await sql.raw(`CREATE TABLE ${name} (\n    ${lines.join(',\n    ')}\n  ) ${options}`).execute(db);
}

/** Drops tables in the order given (dependents first). */
export async function dropTables(db: Kysely<unknown>, names: readonly string[]): Promise<void> {
  for (const name of names) await sql`DROP TABLE ${sql.raw(name)}`.execute(db);
}
