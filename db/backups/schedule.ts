// The backup schedule (3.4.1): whichever transport holds the core (the desktop app's worker, the host)
// asks every few minutes whether a backup is due, and takes it in its turn of the store like any call.
import type { Services } from '../core/context.ts';
import type { StoreTurns } from '../core/jobs.ts';
import { Refusal } from '../core/refusal.ts';
import { SYSTEM_ACTOR } from '../journal/append.ts';
import { takeBackup, type TakenBackup } from './commands.ts';
import { backupDue } from './queries.ts';

/** How often the schedule looks: a daily backup is then at most this late. */
export const SCHEDULE_CHECK_MS = 10 * 60 * 1000;

/**
 * Takes the backup the settings call for, if one is due now. A failure is recorded by `takeBackup`
 * (the inbox then says so) and is not thrown: nobody is waiting on a scheduled backup's answer.
 */
export async function scheduledBackup(services: Services, turns: StoreTurns): Promise<TakenBackup | null> {
  if (services.store.path === ':memory:') return null;
  const done = await turns.take('write');
  try {
    if (!backupDue(services.store, services.clock.now())) return null;
    return await takeBackup(services, SYSTEM_ACTOR, { kind: 'scheduled' });
  } catch (error) {
    if (error instanceof Refusal) return null;
    console.error('[daftari] scheduled backup failed:', error);
    return null;
  } finally {
    done();
  }
}

/** Starts looking; the returned function stops. The timer never keeps the process alive on its own. */
export function startBackupSchedule(core: { backupIfDue(): Promise<unknown> }, everyMs = SCHEDULE_CHECK_MS): () => void {
  let running = false;
  const look = () => {
    if (running) return;
    running = true;
    void core.backupIfDue().finally(() => {
      running = false;
    });
  };
  const first = setTimeout(look, Math.min(everyMs, 60_000));
  const timer = setInterval(look, everyMs);
  first.unref?.();
  timer.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
