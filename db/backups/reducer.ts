// Folds of backups: one row per backup tried (verified or failed), its last test restore on it, and the
// one settings row.
import { onExisting, onOwn, pick, stamps } from '../journal/fold.ts';
import { ACTOR_NAME, defineProjection, type FoldEvent } from '../journal/types.ts';
import { backupFailed, backupSettingsSet, backupTaken, restoreTested } from './events.ts';
import type { BackupRow, BackupSettingsRow } from './schema.ts';

const actorName = (event: FoldEvent) => String(event.payload[ACTOR_NAME] ?? event.actor);

/** The test columns as they stand; a test restore folded before its backup (never, on one installation) keeps them. */
const untested = (row: BackupRow | undefined) => ({
  tested_at: row?.tested_at ?? '',
  test_ok: row?.test_ok ?? null,
  test_problem: row?.test_problem ?? '',
});

export const backupsProjection = defineProjection<BackupRow>({
  table: 'backups',
  columns: [
    'id', 'file', 'folder', 'kind', 'state', 'problem', 'detail', 'sha256', 'size', 'events', 'last_hash', 'by_name',
    'tested_at', 'test_ok', 'test_problem', 'created_at', 'updated_at',
  ],
  on: [
    onOwn(backupTaken, (row: BackupRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...(p.taken_at ? { created_at: p.taken_at } : {}),
      ...pick(p, ['file', 'folder', 'kind', 'sha256', 'size', 'events', 'last_hash']),
      state: 'verified',
      problem: '',
      detail: '',
      by_name: actorName(event),
      ...untested(row),
    })),
    onOwn(backupFailed, (row: BackupRow | undefined, p, event) => ({
      ...stamps(row, event),
      ...pick(p, ['file', 'folder', 'kind', 'problem', 'detail']),
      state: 'failed',
      sha256: '',
      size: 0,
      events: 0,
      last_hash: '',
      by_name: actorName(event),
      ...untested(row),
    })),
    onExisting(restoreTested, (row: BackupRow, p, at) => ({ ...row, tested_at: at, test_ok: p.ok ? 1 : 0, test_problem: p.problem, updated_at: at })),
  ],
});

export const backupSettingsProjection = defineProjection<BackupSettingsRow>({
  table: 'backup_settings',
  columns: ['id', 'every', 'keep', 'folder', 'created_at', 'updated_at'],
  on: [onOwn(backupSettingsSet, (row: BackupSettingsRow | undefined, p, event) => ({ ...stamps(row, event), ...pick(p, ['every', 'keep', 'folder']) }))],
});
