// Entry of the worker thread that holds the core, so that better-sqlite3's synchronous calls never
// block the main process (DESIGN.md, "Keeping the window responsive").
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { startBackupSchedule } from '../db/backups/schedule.ts';
import { openCore } from '../db/core.ts';
import { memoryKeyStore } from '../db/sync/keys.ts';
import { answer, isCoreWorkerData, postReply, settleOpen, type ToWorker } from './core-protocol.ts';

function serve(port: MessagePort, path: string, signingKey: string | undefined): void {
  const opened = settleOpen(openCore({ path, ...(signingKey ? { keyStore: memoryKeyStore(signingKey) } : {}) }));
  // 3.4.1: backups on the schedule the administrator set, for as long as the app is open.
  let stopSchedule = () => {};
  void opened.then((state) => {
    if ('core' in state) stopSchedule = startBackupSchedule(state.core);
  });
  const inFlight = new Set<Promise<void>>();
  port.on('message', (message: ToWorker) => {
    if ('close' in message) {
      // Calls already started finish and answer before the file is closed.
      stopSchedule();
      void Promise.all([opened, ...inFlight]).then(([state]) => {
        if ('core' in state) state.core.close();
        port.close();
      });
      return;
    }
    const reply = answer(opened, message).then((value) => postReply((r) => port.postMessage(r), value));
    inFlight.add(reply);
    void reply.finally(() => inFlight.delete(reply));
  });
}

// Only when started as the core's worker: importing this file elsewhere must do nothing.
if (parentPort && isCoreWorkerData(workerData)) serve(parentPort, workerData.daftariCore.path, workerData.daftariCore.signingKey);
