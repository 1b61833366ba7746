// Peak resident memory while synchronous work runs: a worker thread samples the process's RSS every
// 20 ms, since the measured thread's own timers cannot fire while an import or a verify holds it.
import { Worker } from 'node:worker_threads';

const SAMPLER = `
const { workerData, parentPort } = require('node:worker_threads');
const peak = new Int32Array(workerData.buffer);
function sample() {
  const kb = Math.round(process.memoryUsage.rss() / 1024);
  let seen = Atomics.load(peak, 0);
  while (kb > seen) {
    const was = Atomics.compareExchange(peak, 0, seen, kb);
    if (was === seen) break;
    seen = was;
  }
}
setInterval(sample, workerData.interval);
sample();
parentPort.postMessage('ready');
`;

export interface PeakRss {
  /** Forgets the peak so far; returns the RSS now, in bytes (the start a peak is measured over). */
  reset(): number;
  /** The highest RSS seen since the last reset, in bytes. */
  peak(): number;
  stop(): Promise<void>;
}

export async function startPeakRss(intervalMs = 20): Promise<PeakRss> {
  const buffer = new SharedArrayBuffer(4);
  const peak = new Int32Array(buffer);
  const worker = new Worker(SAMPLER, { eval: true, workerData: { buffer, interval: intervalMs } });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  const now = () => process.memoryUsage.rss();
  return {
    reset() {
      const rss = now();
      Atomics.store(peak, 0, Math.round(rss / 1024));
      return rss;
    },
    peak: () => Math.max(Atomics.load(peak, 0) * 1024, now()),
    stop: async () => {
      await worker.terminate();
    },
  };
}
