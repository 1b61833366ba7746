// Opening the one SQLite file: pragmas, the newer-version guard, a copy before migrating, migrations.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
} from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { Refusal } from '../core/refusal.ts';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

export interface Store {
  readonly sqlite: Sqlite.Database;
  /** Builds queries only; they run synchronously through `all`/`first`/`exec` below. */
  readonly q: Kysely<Database>;
  readonly path: string;
  readonly statements: Map<string, Sqlite.Statement>;
  /** The migrations the file was opened with (the store's and the areas'): a scratch copy is made alike. */
  readonly migrations?: Readonly<Record<string, Migration>>;
}

export interface OpenOptions {
  /** Run migrations only up to and including this one (migration tests). */
  migrateTo?: string;
  /** Where to put the copy taken before migrating an existing file; defaults beside the database. */
  backupPath?: (from: string, to: string) => string;
  now?: () => Date;
  /** Every migration, by name; the product's (the store's own and each area's, db/areas.ts) unless told. */
  migrations?: Readonly<Record<string, Migration>>;
}

export interface OpenResult {
  store: Store;
  /** Path of the copy taken before migrating, if one was taken. */
  backup: string | null;
  applied: string[];
}


export function compileOnly(): Kysely<Database> {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

/**
 * Pragmas, chosen deliberately:
 * - WAL: readers never block the writer, and a crash never leaves a half-written page.
 * - synchronous=FULL: an office PC loses power without warning; FULL makes every committed log-book
 *   entry survive that, at a cost of one fsync per transaction that a person's typing never notices.
 * - foreign_keys=ON, busy_timeout=5000: the CLI and the app may meet on the same file.
 */
function applyPragmas(sqlite: Sqlite.Database, memory: boolean): void {
  if (!memory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('trusted_schema = OFF');
}

function appliedMigrations(sqlite: Sqlite.Database): string[] {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
  if (!table) return [];
  return (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
}

export async function openStore(path: string, options: OpenOptions = {}): Promise<OpenResult> {
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const existed = !memory && existsSync(path);
  let sqlite: Sqlite.Database | undefined;
  try {
    sqlite = new Sqlite(path);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    sqlite?.close();
    throw new Refusal('database-unreadable', { path });
  }
  try {
    // Read before any pragma: `journal_mode = WAL` rewrites the header, and a newer file is left untouched.
    const known = options.migrations ?? migrations;
    const migrationNames = Object.keys(known).sort();
    const done = appliedMigrations(sqlite);
    const unknown = done.filter((name) => !migrationNames.includes(name));
    if (unknown.length > 0) {
      // A newer Daftari wrote this file: refuse rather than damage it.
      throw new Refusal('database-too-new', { path, migration: unknown[unknown.length - 1] as string });
    }
    applyPragmas(sqlite, memory);
    const target = options.migrateTo ?? (migrationNames[migrationNames.length - 1] as string);
    const pending = migrationNames.filter((name) => !done.includes(name) && name <= target);
    let backup: string | null = null;
    if (existed && done.length > 0 && pending.length > 0) {
      const from = done[done.length - 1] as string;
      const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
      backup = options.backupPath?.(from, target) ?? `${path}.before-${target}.${stamp}.bak`;
      sqlite.prepare('VACUUM INTO ?').run(backup);
    }
    const migrator = new Migrator({
      db: new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) }),
      provider: { getMigrations: async () => ({ ...known }) } satisfies MigrationProvider,
    });
    const { error, results } = await migrator.migrateTo(target);
    if (error) throw error;
    const store: Store = { sqlite, q: compileOnly(), path, statements: new Map(), migrations: known };
    return { store, backup, applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

export function closeStore(store: Store): void {
  store.statements.clear();
  if (store.sqlite.open) store.sqlite.close();
}

function prepared(store: Store, sql: string): Sqlite.Statement {
  let statement = store.statements.get(sql);
  if (!statement) {
    statement = store.sqlite.prepare(sql);
    store.statements.set(sql, statement);
  }
  return statement;
}

/** Runs a Kysely-built query synchronously; the statement is prepared once and reused. */
export function all<R>(store: Store, query: Compilable<R>): R[] {
  const compiled = query.compile();
  return prepared(store, compiled.sql).all(...(compiled.parameters as unknown[])) as R[];
}

export function first<R>(store: Store, query: Compilable<R>): R | undefined {
  const compiled = query.compile();
  return prepared(store, compiled.sql).get(...(compiled.parameters as unknown[])) as R | undefined;
}

export function exec(store: Store, query: Compilable<unknown>): number {
  const compiled = query.compile();
  return prepared(store, compiled.sql).run(...(compiled.parameters as unknown[])).changes;
}

/** Raw SQL, for the few places a builder adds nothing (journal hot path, FTS). */
export function statement(store: Store, sql: string): Sqlite.Statement {
  return prepared(store, sql);
}

/** One write transaction; BEGIN IMMEDIATE so two processes on one file never interleave a command. */
export function transaction<T>(store: Store, work: () => T): T {
  return store.sqlite.transaction(work).immediate();
}

class DryRunOver extends Error {
  constructor() {
    super('dry run rolled back');
  }
}

/**
 * Runs `work` in a write transaction and always rolls it back: a preview (of a register import, of a
 * bundle) runs the very code that would keep it, sees what it would do, and writes nothing.
 */
export function dryRun<T>(store: Store, work: () => T): T {
  let outcome: { value: T } | undefined;
  try {
    transaction(store, () => {
      outcome = { value: work() };
      throw new DryRunOver();
    });
  } catch (error) {
    if (!(error instanceof DryRunOver)) throw error;
  }
  return (outcome as { value: T }).value;
}
