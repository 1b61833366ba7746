// Taking, checking, trying and restoring backups (3.4.1, 3.4.2). A backup is copied online, verified on
// the copy, and only then renamed into place; whatever goes wrong is recorded and said, and no file is
// left under a backup's name that did not verify. A restore keeps the current file aside, verifies the
// backup again, and only then puts it in the database's place.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { command, type Services } from '../core/context.ts';
import type { JobHandle } from '../core/jobs.ts';
import { Refusal, refuse } from '../core/refusal.ts';
import { emit } from '../journal/types.ts';
import Sqlite from 'better-sqlite3';
import { append, foldHeldEvents, readIdentity, SYSTEM_ACTOR, type Actor, type Identity } from '../journal/append.ts';
import type { BackupRow } from './schema.ts';
import { closeStore, openStore, statement, transaction, type Store } from '../store/open.ts';
import { BACKUPS_SETTINGS_ID, type BackupKind, type BackupProblem, type BackupSettingsInput } from './contract.ts';
import { backupFailed, backupRestored, backupSettingsSet, backupTaken, restoreTested } from './events.ts';
import { backupFileName, checkBackupFile, copyOnline, fileSha256, keptAsideName, summaryOf, swapIn, type BackupSummary } from './files.ts';
import { backupSettings, latestVerified } from './queries.ts';
import { witness, type Witnessed } from './witness.ts';
import { isCopyForSharing } from './share.ts';
import { verifyStore, type VerifyResult } from '../journal/verify.ts';

export function setBackupSettings(ctx: Services, actor: Actor, input: BackupSettingsInput) {
  return command(ctx, actor, () => ({ events: [emit(backupSettingsSet, BACKUPS_SETTINGS_ID, input)], result: backupSettings(ctx.store) })).result;
}

function checkOptions(ctx: Services, job?: JobHandle) {
  return { migrations: ctx.registry.migrations, domain: ctx.domain, checks: ctx.registry.checks, job };
}

function institutionCode(store: Store): string {
  const row = statement(store, 'SELECT code FROM institution LIMIT 1').get() as { code: string } | undefined;
  return row?.code ?? '';
}

/** A copy for sharing holds no account: restored, nobody could sign in. */
function forSharing(path: string): boolean {
  const sqlite = new Sqlite(path, { readonly: true, fileMustExist: true });
  try {
    return isCopyForSharing(sqlite);
  } finally {
    sqlite.close();
  }
}

function requireFile(store: Store): void {
  if (store.path === ':memory:') refuse('backup-in-memory');
}

export interface TakenBackup {
  id: string;
  file: string;
  folder: string;
  path: string;
  sha256: string;
  size: number;
  summary: BackupSummary;
  /** Older backups removed to keep the number the settings say. */
  removed: string[];
}

export interface TakeOptions {
  kind: BackupKind;
  job?: JobHandle;
  /** The command line's `--out`: this exact file, which must not exist yet; nothing is removed. */
  target?: string;
}

/** Records a backup that could not be made, then refuses with the problem: reported, never kept. */
function failed(ctx: Services, actor: Actor, file: string, folder: string, kind: BackupKind, problem: BackupProblem, detail: string): never {
  command(ctx, actor, () => ({ events: [emit(backupFailed, ctx.ids.next(), { file, folder, kind, problem, detail })], result: null }));
  refuse(`backup-${problem}`, { file, detail });
}

/**
 * An online backup of the database into the backups folder (or `target`): copied, verified on the copy
 * (integrity, foreign keys, the journal in full), then renamed into place and recorded. Runs under the
 * write turn, so the copy is of one moment; the copy itself pauses between steps for polls and a stop.
 */
export async function takeBackup(ctx: Services, actor: Actor, options: TakeOptions): Promise<TakenBackup> {
  requireFile(ctx.store);
  const settings = backupSettings(ctx.store);
  const folder = options.target ? dirname(options.target) : settings.resolved_folder;
  const taken = new Set<string>();
  if (options.target) {
    if (existsSync(options.target)) refuse('backup-target-exists', { file: options.target });
  }
  const file = options.target ? basename(options.target) : backupFileName(institutionCode(ctx.store), ctx.clock.now(), taken);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    failed(ctx, actor, file, folder, options.kind, 'write-failed', error instanceof Error ? error.message : String(error));
  }
  // A name already in the folder (two backups in one second) gets a suffix; an old file is never overwritten.
  let name = file;
  if (!options.target) {
    for (let n = 2; existsSync(join(folder, name)); n += 1) name = file.replace(/\.sqlite$/, `-${n}.sqlite`);
  }
  const path = join(folder, name);
  const partial = join(folder, `.${name}.partial`);
  try {
    try {
      await copyOnline(ctx.store.sqlite, partial, options.job);
    } catch (error) {
      if (error instanceof Refusal) throw error;
      failed(ctx, actor, name, folder, options.kind, 'write-failed', error instanceof Error ? error.message : String(error));
    }
    const check = await checkBackupFile(partial, checkOptions(ctx, options.job));
    if (!check.ok) failed(ctx, actor, name, folder, options.kind, check.problem, check.detail);
    options.job?.report(0, 0, 'recording');
    const sha256 = await fileSha256(partial);
    const size = statSync(partial).size;
    renameSync(partial, path);
    const id = ctx.ids.next();
    command(ctx, actor, () => ({
      events: [emit(backupTaken, id, { file: name, folder, kind: options.kind, sha256, size, events: check.summary.events, last_hash: check.summary.last_hash })],
      result: null,
    }));
    const removed = options.target ? [] : prune(ctx.store, folder, settings.keep);
    return { id, file: name, folder, path, sha256, size, summary: check.summary, removed };
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Keeps the newest `keep` verified backups this installation wrote in `folder` and removes the files of
 * older ones. Only files it recorded writing are ever removed; anything else in the folder stays.
 */
function prune(store: Store, folder: string, keep: number): string[] {
  const rows = statement(store, "SELECT file FROM backups WHERE state = 'verified' AND folder = ? ORDER BY created_at DESC, id DESC").all(folder) as { file: string }[];
  const removed: string[] = [];
  for (const { file } of rows.slice(keep)) {
    const path = join(folder, file);
    if (!existsSync(path)) continue;
    try {
      rmSync(path);
      removed.push(file);
    } catch {
      // A file the user holds open stays; the next backup tries again.
    }
  }
  return removed;
}

/** The path of a backup named by the window: always a file of the current backups folder. */
export function backupPath(store: Store, file: string): string {
  return join(backupSettings(store).resolved_folder, file);
}

export interface InspectedBackup {
  file: string;
  path: string;
  sha256: string;
  size: number;
  summary: BackupSummary;
}

/** What a backup holds, once verified in full: shown to the person before they confirm a restore. */
export async function inspectBackup(ctx: Services, path: string, job?: JobHandle): Promise<InspectedBackup> {
  const check = await checkBackupFile(path, checkOptions(ctx, job));
  if (!check.ok) refuse(`backup-${check.problem}`, { file: basename(path), detail: check.detail });
  return { file: basename(path), path, sha256: await fileSha256(path), size: statSync(path).size, summary: check.summary };
}

export interface TestRestoreResult {
  file: string;
  ok: boolean;
  problem: string;
  detail: string;
  summary: BackupSummary | null;
}

/**
 * 3.4.2: the newest backup restored into a scratch file, as a restore would, and verified there; the
 * result is recorded against the backup whichever way it went.
 */
export async function testRestore(ctx: Services, actor: Actor, job?: JobHandle): Promise<TestRestoreResult> {
  requireFile(ctx.store);
  const backup = latestVerified(ctx.store) ?? refuse('backup-none');
  const scratchDir = mkdtempSync(join(tmpdir(), 'daftari-test-restore-'));
  try {
    const scratch = join(scratchDir, 'restored.sqlite');
    job?.report(0, 0, 'copying');
    copyFileSync(backup.path, scratch);
    const sha256 = await fileSha256(scratch);
    let outcome: { ok: true; summary: BackupSummary } | { ok: false; problem: BackupProblem; detail: string };
    if (sha256 !== backup.sha256) outcome = { ok: false, problem: 'changed', detail: sha256 };
    else outcome = await checkBackupFile(scratch, checkOptions(ctx, job));
    const events = outcome.ok ? outcome.summary.events : 0;
    const problem = outcome.ok ? '' : outcome.problem;
    command(ctx, actor, () => ({ events: [emit(restoreTested, backup.id, { file: backup.file, sha256, ok: outcome.ok, problem, events })], result: null }));
    return outcome.ok
      ? { file: backup.file, ok: true, problem: '', detail: '', summary: outcome.summary }
      : { file: backup.file, ok: false, problem: outcome.problem, detail: outcome.detail, summary: null };
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

export interface RestoredDatabase {
  file: string;
  sha256: string;
  kept_aside: string;
  summary: BackupSummary;
}

/**
 * After a restore the installation writes under a new shared origin: its former origin's events past
 * the backup may already be with peers, and a second, different event under the same number would be a
 * rewritten history to them. The former origin's events stay, as any peer's do, and those past the
 * backup come back in the peers' next bundles.
 */
function newOrigin(store: Store, next: () => string): { identity: Identity; previous: string } {
  const before = readIdentity(store);
  if (!before) refuse('backup-not-daftari', { file: store.path, detail: 'origins' });
  const origin = next();
  store.sqlite.transaction(() => {
    statement(store, "UPDATE origins SET is_self = 0 WHERE origin = ? AND scope = 'shared'").run(before.shared);
    statement(store, "INSERT INTO origins (origin, scope, is_self) VALUES (?, 'shared', 1)").run(origin);
  })();
  return { identity: { shared: origin, local: before.local }, previous: before.shared };
}

/**
 * The restored file learns of the backups the replaced one had taken (the backup cannot hold its own
 * record, nor those taken after it): each is recorded again as it was, by whom it was taken, so the
 * list, the schedule and the pruning go on knowing them.
 */
function rememberBackups(store: Store, ctx: Services, identity: Identity, replaced: string): void {
  const old = new Sqlite(replaced, { readonly: true });
  let rows: BackupRow[];
  try {
    rows = old.prepare("SELECT * FROM backups WHERE state = 'verified' ORDER BY created_at, id").all() as BackupRow[];
  } finally {
    old.close();
  }
  const known = statement(store, 'SELECT 1 FROM backups WHERE id = ?');
  for (const row of rows) {
    if (known.get(row.id) !== undefined || !existsSync(join(row.folder, row.file))) continue;
    const payload = { file: row.file, folder: row.folder, kind: row.kind as BackupKind, sha256: row.sha256, size: row.size, events: row.events, last_hash: row.last_hash, taken_at: row.created_at };
    append({ store, domain: ctx.domain, clock: ctx.clock, identity, actor: { id: SYSTEM_ACTOR.id, name: row.by_name } }, [emit(backupTaken, row.id, payload)]);
  }
}

/**
 * Puts the backup at `from` in the place of the open database. The backup must still be the file the
 * person saw (`sha256`); it is copied beside the database and verified there; the current file is kept
 * aside (a consistent copy, WAL included); then the store is closed, the copy swapped in and opened again
 * (migrated if an older version wrote it). Every session ends: the accounts are the backup's now.
 */
export async function restoreBackup(ctx: Services, actor: Actor, from: string, sha256: string, job?: JobHandle): Promise<RestoredDatabase> {
  requireFile(ctx.store);
  if (!ctx.reopened) refuse('restore-unavailable');
  const database = ctx.store.path;
  const file = basename(from);
  if (!existsSync(from)) refuse('backup-missing', { file, detail: '' });
  const restoring = `${database}.restoring`;
  rmSync(restoring, { force: true });
  try {
    job?.report(0, 0, 'copying');
    copyFileSync(from, restoring);
    const copied = await fileSha256(restoring);
    if (copied !== sha256) refuse('backup-changed', { file, detail: '' });
    const check = await checkBackupFile(restoring, checkOptions(ctx, job));
    if (!check.ok) refuse(`backup-${check.problem}`, { file, detail: check.detail });
    if (forSharing(restoring)) refuse('backup-for-sharing', { file, detail: '' });
    job?.report(0, 0, 'restoring');
    const keptAside = keptAsideName(database, ctx.clock.now());
    ctx.store.sqlite.prepare('VACUUM INTO ?').run(keptAside);
    closeStore(ctx.store);
    let store: Store;
    try {
      swapIn(database, restoring);
      store = (await openStore(database, { migrations: ctx.registry.migrations, now: () => ctx.clock.now() })).store;
    } catch (error) {
      // The swap failed half way: the kept copy goes back, so the installation opens as it was.
      copyFileSync(keptAside, database);
      ctx.reopened((await openStore(database, { migrations: ctx.registry.migrations })).store, ctx.identity);
      throw error;
    }
    const { identity, previous } = newOrigin(store, () => ctx.ids.next());
    foldHeldEvents(store, ctx.domain);
    transaction(store, () => rememberBackups(store, ctx, identity, keptAside));
    transaction(store, () => append({ store, domain: ctx.domain, clock: ctx.clock, identity, actor }, [
      emit(backupRestored, ctx.ids.next(), {
        file,
        sha256,
        kept_aside: keptAside,
        events: check.summary.events,
        requested_by_name: actor.name,
        previous_origin: previous,
        origin: identity.shared,
      }),
    ]));
    ctx.reopened(store, identity);
    ctx.sessions.endAll();
    return { file, sha256, kept_aside: keptAside, summary: summaryOf(store.sqlite) };
  } finally {
    rmSync(restoring, { force: true });
  }
}

export type WitnessResult = (Witnessed & { file: string }) | { ok: false; problem: 'journal'; file: string; verdict: Exclude<VerifyResult, { ok: true }> };

/**
 * Whether the records extend the backup at `path`: the backup verified in full, the records verified,
 * then every chain of the backup found unchanged in the records (witness.ts).
 */
export async function witnessBackup(ctx: Services, path: string, job?: JobHandle): Promise<WitnessResult> {
  const file = basename(path);
  const check = await checkBackupFile(path, checkOptions(ctx, job));
  if (!check.ok) refuse(`backup-${check.problem}`, { file, detail: check.detail });
  const verdict = await verifyStore(ctx.store, ctx.domain, { migrations: ctx.registry.migrations, checks: ctx.registry.checks, job });
  if (!verdict.ok) return { ok: false, problem: 'journal', file, verdict };
  return { ...witness(ctx.store, path), file };
}
