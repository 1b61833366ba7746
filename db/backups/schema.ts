// The backups tables' row types, joined to the store's Database type from this folder.
import type { Selectable } from 'kysely';

export interface BackupTable {
  id: string;
  /** The file's name in `folder`; the folder as it was when the backup was taken. */
  file: string;
  folder: string;
  kind: string;
  /** verified | failed */
  state: string;
  problem: string;
  detail: string;
  sha256: string;
  size: number;
  events: number;
  last_hash: string;
  by_name: string;
  /** The last test restore of this backup: when, and whether it verified (null: never tried). */
  tested_at: string;
  test_ok: number | null;
  test_problem: string;
  created_at: string;
  updated_at: string;
}
export type BackupRow = Selectable<BackupTable>;

export interface BackupSettingsTable {
  id: string;
  every: string;
  keep: number;
  folder: string;
  created_at: string;
  updated_at: string;
}
export type BackupSettingsRow = Selectable<BackupSettingsTable>;

declare module '../store/schema.ts' {
  interface Database {
    backups: BackupTable;
    backup_settings: BackupSettingsTable;
  }
}
