// What the backups screen, the schedule and the inbox read: the settings, the folder, the backups in it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, workingDay } from '../contract/days.ts';
import { statement, type Store } from '../store/open.ts';
import { BACKUPS_SETTINGS_ID, DEFAULT_KEEP, EVERY_HOURS, TEST_RESTORE_DAYS, type BackupEvery } from './contract.ts';
import { defaultFolder, filesIn } from './files.ts';
import type { BackupRow } from './schema.ts';

export interface BackupSettings {
  every: BackupEvery;
  keep: number;
  /** As set: '' means the default folder. */
  folder: string;
  /** The folder backups go to now. */
  resolved_folder: string;
}

export function backupSettings(store: Store): BackupSettings {
  const row = statement(store, 'SELECT every, keep, folder FROM backup_settings WHERE id = ?').get(BACKUPS_SETTINGS_ID) as
    | { every: BackupEvery; keep: number; folder: string }
    | undefined;
  const folder = row?.folder ?? '';
  return { every: row?.every ?? 'daily', keep: row?.keep ?? DEFAULT_KEEP, folder, resolved_folder: folder || defaultFolder(store.path) };
}

export function backupById(store: Store, id: string): BackupRow | undefined {
  return statement(store, 'SELECT * FROM backups WHERE id = ?').get(id) as BackupRow | undefined;
}

/** The newest verified backup whose file is still where it was written, if any. */
export function latestVerified(store: Store): (BackupRow & { path: string }) | undefined {
  const rows = statement(store, "SELECT * FROM backups WHERE state = 'verified' ORDER BY created_at DESC, id DESC").all() as BackupRow[];
  for (const row of rows) {
    const path = join(row.folder, row.file);
    if (existsSync(path)) return { ...row, path };
  }
  return undefined;
}

function latestAttempt(store: Store): BackupRow | undefined {
  return statement(store, 'SELECT * FROM backups ORDER BY created_at DESC, id DESC LIMIT 1').get() as BackupRow | undefined;
}

function latestVerifiedAt(store: Store): string | null {
  const row = statement(store, "SELECT max(created_at) AS at FROM backups WHERE state = 'verified'").get() as { at: string | null };
  return row.at;
}

/** A new installation with nothing recorded yet has nothing to back up. */
function hasRecords(store: Store): boolean {
  return statement(store, 'SELECT 1 FROM institution LIMIT 1').get() !== undefined;
}

/** A failed scheduled backup is tried again after this long, not at every check. */
const RETRY_AFTER_MS = 60 * 60 * 1000;

/** Whether the schedule should take a backup now. */
export function backupDue(store: Store, now: Date): boolean {
  const { every } = backupSettings(store);
  if (every === 'off' || !hasRecords(store)) return false;
  const attempt = latestAttempt(store);
  if (attempt?.state === 'failed' && now.getTime() - Date.parse(attempt.created_at) < RETRY_AFTER_MS) return false;
  const last = latestVerifiedAt(store);
  return last === null || now.getTime() - Date.parse(last) >= EVERY_HOURS[every] * 3600 * 1000;
}

/** Inbox: no verified backup within the schedule's interval and a day's grace (1 when overdue). */
export function overdueCount(store: Store, today: string): number {
  const { every } = backupSettings(store);
  if (!hasRecords(store)) return 0;
  const last = latestVerifiedAt(store);
  if (last === null) return 1;
  const allowed = every === 'weekly' ? 8 : 2;
  return workingDay(new Date(last)) <= addDays(today, -allowed) ? 1 : 0;
}

/** Inbox: the last backup attempted failed (1), until one succeeds. */
export function failedCount(store: Store): number {
  return latestAttempt(store)?.state === 'failed' ? 1 : 0;
}

/** Inbox (3.4.2): there are backups, and none has been restored on trial within `TEST_RESTORE_DAYS`. */
export function restoreTestDueCount(store: Store, today: string): number {
  if (latestVerifiedAt(store) === null) return 0;
  const row = statement(store, "SELECT max(tested_at) AS at FROM backups WHERE test_ok = 1 AND tested_at <> ''").get() as { at: string | null };
  if (row.at === null) return 1;
  return workingDay(new Date(row.at)) <= addDays(today, -TEST_RESTORE_DAYS) ? 1 : 0;
}

export interface BackupListItem {
  id: string | null;
  file: string;
  /** verified | failed | unrecorded (a file in the folder this installation did not write). */
  state: string;
  kind: string;
  problem: string;
  detail: string;
  sha256: string;
  size: number;
  events: number;
  by_name: string;
  taken_at: string;
  tested_at: string;
  test_ok: number | null;
  test_problem: string;
  /** Whether the file is in the folder now (kept backups beyond `keep` are removed). */
  present: boolean;
}

/**
 * The backups of the current folder, newest first: those recorded (verified or failed) and any other
 * `.sqlite` file there (brought from another PC, or an older folder's), which may be checked and restored.
 */
export function listBackups(store: Store): { settings: BackupSettings; backups: BackupListItem[] } {
  const settings = backupSettings(store);
  const folder = settings.resolved_folder;
  const files = new Map(filesIn(folder).map((entry) => [entry.file, entry]));
  const rows = statement(store, 'SELECT * FROM backups WHERE folder = ? ORDER BY created_at DESC, id DESC').all(folder) as BackupRow[];
  const items: BackupListItem[] = rows.map((row) => ({
    id: row.id,
    file: row.file,
    state: row.state,
    kind: row.kind,
    problem: row.problem,
    detail: row.detail,
    sha256: row.sha256,
    size: row.size,
    events: row.events,
    by_name: row.by_name,
    taken_at: row.created_at,
    tested_at: row.tested_at,
    test_ok: row.test_ok,
    test_problem: row.test_problem,
    present: row.state === 'verified' && files.has(row.file),
  }));
  const recorded = new Set(rows.filter((row) => row.state === 'verified').map((row) => row.file));
  for (const entry of files.values()) {
    if (recorded.has(entry.file)) continue;
    items.push({
      id: null,
      file: entry.file,
      state: 'unrecorded',
      kind: '',
      problem: '',
      detail: '',
      sha256: '',
      size: entry.size,
      events: 0,
      by_name: '',
      taken_at: entry.modified,
      tested_at: '',
      test_ok: null,
      test_problem: '',
      present: true,
    });
  }
  items.sort((a, b) => (a.taken_at < b.taken_at ? 1 : a.taken_at > b.taken_at ? -1 : 0));
  return { settings, backups: items };
}
