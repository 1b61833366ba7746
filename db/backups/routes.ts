// The backups routes (3.4.1, 3.4.2); merged into the one table in db/contract/routes.ts.
import { ADMIN, BACKUP_READERS, BACKUP_TAKERS, RESTORERS } from '../contract/roles.ts';
import { route } from '../contract/route.ts';
import { EmptyInput } from '../contract/inputs.ts';
import { actorOf, signedIn } from '../core/context.ts';
import { readsOnly, runJob } from '../core/jobs.ts';
import { AcknowledgeWarningInput, BackupSettingsInput, InspectBackupInput, RestoreBackupInput, TakeBackupInput, TestRestoreInput, WitnessInput } from './contract.ts';
import { backupPath, inspectBackup, restoreBackup, setBackupSettings, takeBackup, testRestore, witnessBackup } from './commands.ts';
import { listBackups } from './queries.ts';
import { acknowledgeWarning, startupWarning } from './warning.ts';
import { copyForSharing } from './share.ts';

export const backupsRoutes = {
  // The warning at opening: everyone signed in sees it.
  'backups.startup-warning': readsOnly(route({ access: 'signed-in', input: EmptyInput, handler: (ctx) => startupWarning(ctx) })),
  'backups.acknowledge-warning': route({ access: ADMIN, input: AcknowledgeWarningInput, handler: (ctx, input) => acknowledgeWarning(ctx, actorOf(signedIn(ctx)), input.note) }),
  'backups.list': readsOnly(route({ access: BACKUP_READERS, input: EmptyInput, handler: (ctx) => listBackups(ctx.store) })),
  'backups.set-settings': route({ access: RESTORERS, input: BackupSettingsInput, handler: (ctx, input) => setBackupSettings(ctx, actorOf(signedIn(ctx)), input) }),
  // Takes the write turn: the copy is of one moment, and what it holds is recorded as it was.
  'backups.take': route({
    access: BACKUP_TAKERS,
    input: TakeBackupInput,
    handler: (ctx, input) => runJob(ctx.jobs, 'backups.take', signedIn(ctx).id, input.job, (job) => takeBackup(ctx, actorOf(signedIn(ctx)), { kind: 'on-demand', job })),
  }),
  // A copy to give away: the shared records, no accounts (share.ts). Takes the write turn, as a backup does.
  'backups.copy-for-sharing': route({
    access: BACKUP_TAKERS,
    input: TakeBackupInput,
    handler: (ctx, input) => runJob(ctx.jobs, 'backups.copy-for-sharing', signedIn(ctx).id, input.job, (job) => copyForSharing(ctx, actorOf(signedIn(ctx)), { job })),
  }),
  'backups.test-restore': route({
    access: BACKUP_TAKERS,
    input: TestRestoreInput,
    handler: (ctx, input) => runJob(ctx.jobs, 'backups.test-restore', signedIn(ctx).id, input.job, (job) => testRestore(ctx, actorOf(signedIn(ctx)), job)),
  }),
  // Reads the backup only: the records go on being read meanwhile.
  'backups.inspect': readsOnly(
    route({
      access: RESTORERS,
      input: InspectBackupInput,
      handler: (ctx, input) => runJob(ctx.jobs, 'backups.inspect', signedIn(ctx).id, input.job, (job) => inspectBackup(ctx, backupPath(ctx.store, input.file), job)),
    }),
  ),
  // The backup as a witness: do the records extend its history, or has something been rewritten since?
  'backups.witness': readsOnly(
    route({
      access: BACKUP_READERS,
      input: WitnessInput,
      handler: (ctx, input) => runJob(ctx.jobs, 'backups.witness', signedIn(ctx).id, input.job, (job) => witnessBackup(ctx, backupPath(ctx.store, input.file), job)),
    }),
  ),
  'backups.restore': route({
    access: RESTORERS,
    input: RestoreBackupInput,
    handler: async (ctx, input) => {
      const restored = await runJob(ctx.jobs, 'backups.restore', signedIn(ctx).id, input.job, (job) =>
        restoreBackup(ctx, actorOf(signedIn(ctx)), backupPath(ctx.store, input.file), input.sha256, job),
      );
      // The accounts are the backup's now: the window signs in again.
      ctx.setSession(null);
      return restored;
    },
  }),
};

