// A large bundle is written and read as a stream (docs/bundle.md): an installation with many events
// exports and another imports it without holding the bundle in memory. The figures are printed for
// the benchmark to watch; the test asserts only what was carried, never a time or a size.
// 30,000 events keeps the suite quick (100,000 took ~85 s here, most of it building the store);
// DAFTARI_SYNC_EVENTS=100000 runs the full size.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import type { CallContext } from '../../../db/core/context.ts';
import { domain } from '../../../db/domain.ts';
import { SYSTEM_ACTOR } from '../../../db/journal/append.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { registerPerson } from '../../../db/people/commands.ts';
import { apply, exportToFile, stageFromFile } from '../../../db/sync/service.ts';
import { countRows, tempDir } from '../../helpers/core.ts';
import { openReplica, sharedDigest, sharedJournalCount } from '../../helpers/sync.ts';

const EVENTS = Number(process.env.DAFTARI_SYNC_EVENTS ?? 30_000);
const folder = tempDir();
afterAll(() => folder.remove());

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** Samples rss while async work runs (synchronous stretches show in the figure taken after them). */
function watchMemory(): { peak(): number; stop(): void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  return {
    peak: () => Math.max(peak, process.memoryUsage().rss),
    stop: () => clearInterval(timer),
  };
}

describe('a large bundle is streamed', () => {
  it(
    `exports and imports ${EVENTS.toLocaleString('en')} events with modest memory growth`,
    async () => {
      const a = await openReplica('A', { path: join(folder.dir, 'a.sqlite'), seed: 1 });
      const b = await openReplica('B', { path: join(folder.dir, 'b.sqlite'), seed: 2 });
      const admin = a.store.sqlite.prepare("SELECT id FROM users WHERE username = 'asha'").get() as { id: string };
      const ctx: CallContext = {
        ...a.core.services,
        user: { id: admin.id, username: 'asha', display_name: 'Asha (A)', roles: ['admin'] },
        token: null,
        setSession: () => undefined,
      };
      let started = performance.now();
      // One outer transaction: each command's own becomes a savepoint, and the file is written once.
      a.store.sqlite.transaction(() => {
        const held = sharedJournalCount(a.store);
        for (let i = held; i < EVENTS; i += 1) {
          registerPerson(ctx, { full_name: `Mtumishi Na. ${i}`, check_number: '', title: 'Afisa', department_id: null, institution: '', phone: '', email: '' });
        }
      })();
      const built = performance.now() - started;
      expect(sharedJournalCount(a.store)).toBe(EVENTS);

      const path = join(folder.dir, 'a.daftari');
      const base = process.memoryUsage();
      let watch = watchMemory();
      started = performance.now();
      const exported = await exportToFile(a.core.services, SYSTEM_ACTOR, null, path);
      const exportMs = performance.now() - started;
      const afterExport = process.memoryUsage().rss;
      const exportPeak = watch.peak();
      watch.stop();
      expect(exported.event_count).toBe(EVENTS);

      watch = watchMemory();
      started = performance.now();
      const staged = await stageFromFile(b.core.services, path);
      const stageMs = performance.now() - started;
      const afterStage = process.memoryUsage().rss;
      const stagePeak = watch.peak();
      watch.stop();
      started = performance.now();
      const imported = await apply(b.core.services, staged, SYSTEM_ACTOR, true, 'a.daftari');
      const applyMs = performance.now() - started;
      const afterApply = process.memoryUsage();

      console.info(
        [
          `[sync] streaming ${EVENTS} events: built in ${(built / 1000).toFixed(1)} s; bundle ${mb(statSync(path).size)}`,
          `  rss at start ${mb(base.rss)} (heap ${mb(base.heapUsed)})`,
          `  export ${(exportMs / 1000).toFixed(1)} s: rss after ${mb(afterExport)} (+${mb(afterExport - base.rss)}), peak seen ${mb(exportPeak)} (+${mb(exportPeak - base.rss)})`,
          `  stage  ${(stageMs / 1000).toFixed(1)} s: rss after ${mb(afterStage)} (+${mb(afterStage - base.rss)}), peak seen ${mb(stagePeak)} (+${mb(stagePeak - base.rss)})`,
          `  apply  ${(applyMs / 1000).toFixed(1)} s: rss after ${mb(afterApply.rss)} (+${mb(afterApply.rss - base.rss)}), heap ${mb(afterApply.heapUsed)}`,
        ].join('\n'),
      );

      expect(imported.new_events).toBe(EVENTS);
      expect(countRows(b.store, 'people')).toBe(countRows(a.store, 'people'));
      expect(sharedDigest(b.store)).toEqual(sharedDigest(a.store));
      expect(await verifyStore(b.store, domain, { migrations: registry.migrations })).toMatchObject({ ok: true });
      a.core.close();
      b.core.close();
    },
    600_000,
  );
});
