// A copy of the records to give away (issue 12): to the auditor, to the Records and Archives Management
// Department, to a consultant. It holds every shared event — what a peer would hold — and verifies as a
// backup does, but none of this installation's own: no accounts and so no password hash, no peers, no
// backup records, no import mappings. It is written like a backup (online copy, a temporary name,
// verified, then renamed), and the freed pages are rebuilt away so nothing removed can be read back.
// It is not a backup: with no accounts, nobody could sign in to it, so a restore refuses it.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { command, type Services } from '../core/context.ts';
import type { JobHandle } from '../core/jobs.ts';
import { refuse } from '../core/refusal.ts';
import type { Actor } from '../journal/append.ts';
import { emit } from '../journal/types.ts';
import { statement } from '../store/open.ts';
import { copyForSharingMade } from './events.ts';
import { backupFileName, checkBackupFile, copyOnline, fileSha256, type BackupSummary } from './files.ts';
import { backupSettings } from './queries.ts';

export interface SharedCopy {
  file: string;
  path: string;
  sha256: string;
  size: number;
  summary: BackupSummary;
}

/** Where the window puts copies for sharing: a folder of their own beside the backups, never pruned with them, never offered for a restore. */
export const SHARING_FOLDER = 'for-sharing';

/** The tables folded only from this installation's own (local) events: emptied in a copy for sharing. */
export function localTables(ctx: Pick<Services, 'domain'>): string[] {
  const tables = new Map<string, boolean>();
  for (const projection of ctx.domain.projections) {
    for (const type of projection.types) {
      const local = ctx.domain.events.get(type)?.scope === 'local';
      tables.set(projection.table, (tables.get(projection.table) ?? true) && local);
    }
  }
  return [...tables].filter(([, onlyLocal]) => onlyLocal).map(([table]) => table);
}

/** Takes this installation's own events, origins and rows out of the file at `path`, then rebuilds it so the freed pages are gone. */
export function stripForSharing(path: string, tables: readonly string[]): void {
  const sqlite = new Sqlite(path);
  try {
    sqlite.pragma('secure_delete = ON');
    const guards = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'journal' AND name = 'journal_no_delete'").all() as { name: string; sql: string }[];
    sqlite.transaction(() => {
      for (const guard of guards) sqlite.exec(`DROP TRIGGER ${guard.name}`);
      sqlite.exec("DELETE FROM journal WHERE origin IN (SELECT origin FROM origins WHERE scope = 'local')");
      sqlite.exec("DELETE FROM origins WHERE scope = 'local'");
      // Which chain the file calls its own is read from the journal (journal/verify.ts): with the restores
      // gone (local events), it is the chain of its first event.
      sqlite.exec('UPDATE origins SET is_self = (origin IS (SELECT origin FROM journal ORDER BY seq LIMIT 1))');
      for (const table of tables) sqlite.exec(`DELETE FROM "${table.replace(/"/g, '""')}"`);
      for (const guard of guards) sqlite.exec(guard.sql);
    })();
    sqlite.exec('VACUUM');
  } finally {
    sqlite.close();
  }
}

/**
 * Writes a copy for sharing: to `target` when the command line names one (it must not exist), else into
 * the backup folder's `for-sharing` folder. Recorded in the log book: who gave a copy, and of what.
 */
export async function copyForSharing(ctx: Services, actor: Actor, options: { target?: string; job?: JobHandle }): Promise<SharedCopy> {
  if (ctx.store.path === ':memory:') refuse('backup-in-memory');
  if (options.target && existsSync(options.target)) refuse('backup-target-exists', { file: options.target });
  const folder = options.target ? dirname(options.target) : join(backupSettings(ctx.store).resolved_folder, SHARING_FOLDER);
  const code = (statement(ctx.store, 'SELECT code FROM institution LIMIT 1').get() as { code: string } | undefined)?.code ?? '';
  // A name already in the folder (two copies in one second) gets a suffix; a file is never overwritten.
  const taken = new Set<string>();
  let name = options.target ? basename(options.target) : backupFileName(code, ctx.clock.now(), taken);
  while (!options.target && existsSync(join(folder, name))) {
    taken.add(name);
    name = backupFileName(code, ctx.clock.now(), taken);
  }
  const path = join(folder, name);
  const partial = join(folder, `.${name}.partial`);
  try {
    try {
      mkdirSync(folder, { recursive: true });
      await copyOnline(ctx.store.sqlite, partial, options.job);
      options.job?.report(0, 0, 'sharing');
      stripForSharing(partial, localTables(ctx));
    } catch (error) {
      if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('E')) refuse('backup-write-failed', { file: name, detail: error.message });
      throw error;
    }
    const check = await checkBackupFile(partial, { migrations: ctx.registry.migrations, domain: ctx.domain, checks: ctx.registry.checks, job: options.job });
    if (!check.ok) refuse(`backup-${check.problem}`, { file: name, detail: check.detail });
    const sha256 = await fileSha256(partial);
    const size = statSync(partial).size;
    renameSync(partial, path);
    command(ctx, actor, () => ({ events: [emit(copyForSharingMade, ctx.ids.next(), { file: name, folder, sha256, size, events: check.summary.events })], result: null }));
    return { file: name, path, sha256, size, summary: check.summary };
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Whether the database at `path` is a copy for sharing: it holds records but no account at all. */
export function isCopyForSharing(sqlite: Sqlite.Database): boolean {
  const users = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'users'").get() as { n: number };
  if (users.n === 0) return false;
  const accounts = sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
  const institution = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'institution'").get() as { n: number };
  const recorded = institution.n > 0 && (sqlite.prepare('SELECT count(*) AS n FROM institution').get() as { n: number }).n > 0;
  return recorded && accounts.n === 0;
}
