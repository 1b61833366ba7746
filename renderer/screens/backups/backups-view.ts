// What the backups screen shows of a backup, apart from drawing it: its state's badge, its size, and
// whether it may be offered for a restore.
import type { RouteOutput } from '../../../db/contract/routes.ts';

export type BackupItem = RouteOutput<'backups.list'>['backups'][number];

/** The badge colour of a backup's state. */
export function stateColour(item: BackupItem): string {
  if (item.state === 'failed') return 'red';
  if (item.state === 'unrecorded') return 'gray';
  return item.present ? 'teal' : 'gray';
}

/** The state's catalogue key: a verified backup whose file was removed (beyond `keep`) says so. */
export function stateKey(item: BackupItem): string {
  if (item.state === 'verified' && !item.present) return 'backupsUi.states.removed';
  return `backupsUi.states.${item.state}`;
}

/** A file's size as people read it: megabytes with one decimal, kilobytes below one megabyte. */
export function sizeText(bytes: number, language: string): { key: string; value: string } {
  const locale = language === 'sw' ? 'sw-TZ' : 'en-GB';
  if (bytes < 1024 * 1024) return { key: 'backupsUi.size-kb', value: Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale) };
  return { key: 'backupsUi.size-mb', value: (bytes / (1024 * 1024)).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) };
}

/** Only a file that is in the folder and did not fail may be checked for a restore. */
export function mayRestore(item: BackupItem): boolean {
  return item.present && item.state !== 'failed';
}
