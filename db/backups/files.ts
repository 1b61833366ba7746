// Backups as files: the online copy, the check of a copy before anyone relies on it, what a backup holds,
// and the swap of the database for a verified backup. No route, session or window here: the routes
// (commands.ts) and the command line both come through these.
import { createHash } from 'node:crypto';
import { copyFileSync, createReadStream, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Sqlite from 'better-sqlite3';
import type { Migration } from 'kysely/migration';
import type { JobHandle } from '../core/jobs.ts';
import { refuse } from '../core/refusal.ts';
import type { Domain } from '../journal/domain.ts';
import { hlcInstant } from '../journal/hlc.ts';
import { verifyStore, type StoreCheck, type VerifyResult } from '../journal/verify.ts';
import { compileOnly, openStore, type Store } from '../store/open.ts';
import type { BackupProblem } from './contract.ts';

/** What a backup holds, shown before anyone restores it and recorded when it is taken. */
export interface BackupSummary {
  institution_name: string;
  institution_code: string;
  events: number;
  /** The hash of the newest event in arrival order: '' for an empty journal. */
  last_hash: string;
  /** When the newest event was written (ISO UTC), null for an empty journal. */
  last_event_at: string | null;
  devices: number;
  log_entries: number;
  people: number;
  users: number;
}

export type BackupCheck = { ok: true; summary: BackupSummary } | { ok: false; problem: BackupProblem; detail: string };

export interface CheckOptions {
  migrations: Readonly<Record<string, Migration>>;
  domain: Domain;
  checks?: readonly StoreCheck[];
  job?: JobHandle;
}

/** Pages copied between two pauses of the online backup: about 1 MB at SQLite's 4 KB pages. */
const PAGES_PER_STEP = 256;

/**
 * SQLite's online backup of the open database into `target` (a new file): it copies a step of pages,
 * then lets the event loop answer calls (a poll of progress, a stop) before the next. A stop throws
 * `cancelled` and the half-copied file is the caller's to remove. The copy is then made a plain
 * single file (rollback journal, not WAL), so it can be carried on a flash disk as it is.
 */
export async function copyOnline(sqlite: Sqlite.Database, target: string, job?: JobHandle): Promise<void> {
  await sqlite.backup(target, {
    progress: ({ totalPages, remainingPages }) => {
      job?.report(totalPages - remainingPages, totalPages, 'copying');
      if (job?.cancelled()) refuse('cancelled');
      return PAGES_PER_STEP;
    },
  });
  const copy = new Sqlite(target);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** The SHA-256 of a file, read in chunks so a large backup never stalls the event loop. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function tableExists(sqlite: Sqlite.Database, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function count(sqlite: Sqlite.Database, table: string): number {
  return tableExists(sqlite, table) ? (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0;
}

/** What the file holds, read from its tables (the file has already been verified). */
export function summaryOf(sqlite: Sqlite.Database): BackupSummary {
  const institution = tableExists(sqlite, 'institution')
    ? (sqlite.prepare('SELECT name, code FROM institution LIMIT 1').get() as { name: string; code: string } | undefined)
    : undefined;
  const last = sqlite.prepare('SELECT hash, hlc FROM journal ORDER BY seq DESC LIMIT 1').get() as { hash: string; hlc: string } | undefined;
  return {
    institution_name: institution?.name ?? '',
    institution_code: institution?.code ?? '',
    events: count(sqlite, 'journal'),
    last_hash: last?.hash ?? '',
    last_event_at: last ? hlcInstant(last.hlc) : null,
    devices: count(sqlite, 'assets'),
    log_entries: count(sqlite, 'maintenance_entries'),
    people: count(sqlite, 'people'),
    users: count(sqlite, 'users'),
  };
}

/** One line naming what `verify` found, for the record and the message (the row or event it names). */
export function verifyDetail(result: Exclude<VerifyResult, { ok: true }>): string {
  return result.kind === 'event' ? `${result.problem}: ${result.origin} #${result.origin_seq}` : `${result.problem}: ${result.table} ${result.id}`;
}

function appliedMigrations(sqlite: Sqlite.Database): string[] {
  if (!tableExists(sqlite, 'kysely_migration')) return [];
  return (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((row) => row.name);
}

/**
 * Whether a backup can be relied on: SQLite's integrity check, the foreign keys, and the journal
 * verified in full (chain, rows rebuilt and compared, the areas' own checks). The file is only read.
 * A backup written by an older Daftari is verified on a migrated scratch copy, as restoring it would
 * migrate it; one written by a newer Daftari is refused, as this version could not open it.
 */
export async function checkBackupFile(path: string, options: CheckOptions): Promise<BackupCheck> {
  const fail = (problem: BackupProblem, detail = ''): BackupCheck => ({ ok: false, problem, detail });
  if (!existsSync(path)) return fail('missing');
  let sqlite: Sqlite.Database;
  try {
    sqlite = new Sqlite(path, { readonly: true, fileMustExist: true });
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    return fail('unreadable');
  }
  let scratchDir: string | null = null;
  let scratch: Store | null = null;
  try {
    options.job?.report(0, 0, 'integrity');
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    if (integrity.length !== 1 || integrity[0] !== 'ok') return fail('integrity', integrity.slice(0, 3).join('; '));
    const orphans = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    if (orphans[0]) return fail('foreign-keys', `${orphans[0].table} ${orphans[0].rowid} → ${orphans[0].parent}`);
    if (!tableExists(sqlite, 'journal') || !tableExists(sqlite, 'origins')) return fail('not-daftari');
    const known = Object.keys(options.migrations);
    const done = appliedMigrations(sqlite);
    const newer = done.filter((name) => !known.includes(name));
    if (newer.length > 0) return fail('too-new', newer[newer.length - 1]);
    let store: Store = { sqlite, q: compileOnly(), path, statements: new Map(), migrations: options.migrations };
    if (known.some((name) => !done.includes(name))) {
      scratchDir = mkdtempSync(join(tmpdir(), 'daftari-backup-'));
      const copy = join(scratchDir, 'older.sqlite');
      copyFileSync(path, copy);
      scratch = (await openStore(copy, { migrations: options.migrations })).store;
      store = scratch;
    }
    const verified = await verifyStore(store, options.domain, { migrations: options.migrations, checks: options.checks, job: options.job });
    if (!verified.ok) return fail('journal', verifyDetail(verified));
    return { ok: true, summary: summaryOf(store.sqlite) };
  } catch (error) {
    // A stop is the caller's; anything else the file did to SQLite means the backup cannot be relied on.
    if ((error as { value?: { code?: string } }).value?.code === 'cancelled') throw error;
    return fail('unreadable', error instanceof Error ? error.message.slice(0, 200) : '');
  } finally {
    if (scratch?.sqlite.open) scratch.sqlite.close();
    sqlite.close();
    if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
  }
}

/** A backup's name: the institution's code and the instant, so the folder sorts oldest first. */
export function backupFileName(code: string, at: Date, taken: ReadonlySet<string>): string {
  const safe = code.replace(/[^A-Za-z0-9-]/g, '') || 'daftari';
  const stamp = at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  let name = `daftari-${safe}-${stamp}.sqlite`;
  for (let n = 2; taken.has(name); n += 1) name = `daftari-${safe}-${stamp}-${n}.sqlite`;
  return name;
}

/** Where backups go unless the settings name a folder: `backups` beside the database. */
export function defaultFolder(databasePath: string): string {
  return join(dirname(databasePath), 'backups');
}

/** The `.sqlite` files in a folder (a backup brought from elsewhere counts too), with their sizes. */
export function filesIn(folder: string): { file: string; size: number; modified: string }[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.sqlite'))
    .flatMap((file) => {
      try {
        const stat = statSync(join(folder, file));
        return stat.isFile() ? [{ file, size: stat.size, modified: stat.mtime.toISOString() }] : [];
      } catch {
        return [];
      }
    });
}

/**
 * Puts a verified copy in the database's place. The database must be closed. The file it replaces was
 * kept aside before (`keptAside`); WAL and shared-memory files of the replaced database are removed so
 * SQLite cannot replay the old file's pages onto the restored one.
 */
export function swapIn(databasePath: string, verifiedCopy: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${databasePath}${suffix}`, { force: true });
  renameSync(verifiedCopy, databasePath);
}

/** The name the replaced database is kept under, beside it. */
export function keptAsideName(databasePath: string, at: Date): string {
  return join(dirname(databasePath), `${basename(databasePath)}.before-restore.${at.toISOString().replace(/[:.]/g, '-')}.sqlite`);
}
