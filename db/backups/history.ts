// How backups read in a history (3.4.1, 3.4.2).
import { sentence } from '../area.ts';
import * as events from './events.ts';
import type { StartupProblem } from './startup.ts';
import { describeStartupProblem } from './warning.ts';

export const backupsHistory = [
  sentence(events.backupSettingsSet, (p, { actor, t }) =>
    t('history.backups.settings-set', { actor, every: t(`history.backups.every.${p.every}`), keep: p.keep, folder: p.folder || t('history.backups.default-folder') }),
  ),
  sentence(events.backupTaken, (p, { actor, t }) => t('history.backups.taken', { actor, file: p.file, events: p.events })),
  sentence(events.backupFailed, (p, { t }) => t(`errors.backup-${p.problem}`, { file: p.file, detail: p.detail })),
  sentence(events.restoreTested, (p, { actor, t }) =>
    p.ok
      ? t('history.backups.restore-tested-ok', { actor, file: p.file, events: p.events })
      : t('history.backups.restore-tested-failed', { actor, file: p.file, problem: t(`errors.backup-${p.problem}`, { file: p.file, detail: '' }) }),
  ),
  sentence(events.startupWarningAcknowledged, (p, { actor, t }) => t('history.backups.warning-acknowledged', { actor, text: p.problems.map((problem) => describeStartupProblem(problem as StartupProblem, t)).join(' '), note: p.note })),
  sentence(events.copyForSharingMade, (p, { actor, t }) => t('history.backups.copy-for-sharing-made', { actor, file: p.file, events: p.events })),
  sentence(events.backupRestored, (p, { actor, t }) => t('history.backups.restored', { actor, file: p.file, events: p.events, kept: p.kept_aside })),
];
