// Backups (3.4.1, 3.4.2): what a person or a script may ask, pure zod, safe to bundle in the window.
import { z } from 'zod';
import { multilineText, safeString } from '../contract/inputs.ts';
import { JobKey } from '../jobs/contract.ts';

/** How often a backup is taken without anyone asking: daily unless the institution decides otherwise. */
export const BACKUP_EVERY = ['daily', 'weekly', 'off'] as const;
export type BackupEvery = (typeof BACKUP_EVERY)[number];
export const EVERY_HOURS: Record<Exclude<BackupEvery, 'off'>, number> = { daily: 24, weekly: 24 * 7 };

/** How many verified backups are kept in the folder; older ones are removed after each new one. */
export const DEFAULT_KEEP = 14;
export const KEEP_MAX = 365;

/** 3.4.2: restoring is tried on a copy at least this often, or the inbox says so. */
export const TEST_RESTORE_DAYS = 30;

export const BACKUPS_SETTINGS_ID = 'backup-settings';

/** A folder or file the user names: an absolute path of sensible length, no control characters. */
const Path = safeString()
  .trim()
  .min(1, 'validation.required')
  .max(1000, 'validation.too-long')
  .refine((value) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value), 'validation.absolute-path');

export const BackupSettingsInput = z.strictObject({
  every: z.enum(BACKUP_EVERY),
  keep: z.number('validation.keep').int('validation.keep').min(1, 'validation.keep').max(KEEP_MAX, 'validation.keep'),
  /** Blank: the `backups` folder beside the database. */
  folder: z.union([z.literal(''), Path]).default(''),
});
export type BackupSettingsInput = z.output<typeof BackupSettingsInput>;

export const TakeBackupInput = z.strictObject({ job: JobKey.optional() });
export const TestRestoreInput = z.strictObject({ job: JobKey.optional() });
/** A backup in the folder, by its file name (never a path: the window chooses among the folder's files). */
export const BackupFileName = safeString()
  .min(1, 'validation.required')
  .max(200, 'validation.too-long')
  .refine((value) => /^[^/\\:]+\.sqlite$/.test(value) && value !== '.sqlite', 'validation.backup-file-name');
export const InspectBackupInput = z.strictObject({ file: BackupFileName, job: JobKey.optional() });
/** An administrator's answer to the warning at opening: why it may end. */
export const AcknowledgeWarningInput = z.strictObject({ note: multilineText(1000) });
export const WitnessInput = z.strictObject({ file: BackupFileName, job: JobKey.optional() });
/** Restoring names the backup and the SHA-256 the person saw when they confirmed: a file changed since is refused. */
export const RestoreBackupInput = z.strictObject({
  file: BackupFileName,
  sha256: safeString().regex(/^[0-9a-f]{64}$/, 'validation.invalid_format'),
  job: JobKey.optional(),
});

/** Why a backup cannot be trusted; each has `errors.backup-<problem>` in the catalogues. */
export const BACKUP_PROBLEMS = ['unreadable', 'too-new', 'integrity', 'foreign-keys', 'journal', 'not-daftari', 'changed', 'missing', 'write-failed'] as const;
export type BackupProblem = (typeof BACKUP_PROBLEMS)[number];

export const BACKUP_KINDS = ['on-demand', 'scheduled', 'cli'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
