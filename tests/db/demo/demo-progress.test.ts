// Issue 9: a long demo build says how far it has got, stage by stage, in the user's language, and at the
// end how long it took.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { runDemo, type DemoSummary } from '../../../db/demo/demo.ts';
import { builtLine, DEMO_STAGES, formatCount, formatElapsed, Progress, progressLine, type DemoProgress } from '../../../db/demo/progress.ts';
import { tempDir } from '../../helpers/core.ts';

const en = translator('en');
const sw = translator('sw');

describe('the demo progress', () => {
  it('says a stage at its start and end, and in between no more often than every few seconds', () => {
    let now = 0;
    const steps: DemoProgress[] = [];
    const progress = new Progress((step) => steps.push(step), 3_000, () => now);
    progress.start('devices', 50_000);
    for (let done = 1; done <= 50_000; done += 1) {
      now += 1; // a device every millisecond: fifty seconds in all
      progress.tick(done);
    }
    progress.finish();
    expect(steps[0]).toEqual({ stage: 'devices', done: 0, total: 50_000, elapsed_ms: 0 });
    expect(steps.at(-1)).toEqual({ stage: 'devices', done: 50_000, total: 50_000, elapsed_ms: 50_000 });
    // One line every three seconds of the fifty, besides the first and the last.
    expect(steps).toHaveLength(2 + Math.floor(50_000 / 3_000));
    const between = steps.slice(1, -1);
    for (const [i, step] of between.entries()) expect(step.elapsed_ms - (steps[i] as DemoProgress).elapsed_ms).toBe(3_000);
  });

  it('reads as counts, percent and elapsed time, in Swahili and in English', () => {
    const step: DemoProgress = { stage: 'log-book', done: 123_456, total: 500_000, elapsed_ms: 754_000 };
    expect(progressLine(step, en)).toBe('Service Maintenance Log Book: 123,456 of 500,000 (24%), 12:34 elapsed');
    expect(progressLine(step, sw)).toBe('Daftari la Kumbukumbu za Matengenezo: 123,456 kati ya 500,000 (24%), muda 12:34');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
    expect(formatCount(7)).toBe('7');
  });

  describe('of a build', () => {
    const dir = tempDir();
    const steps: DemoProgress[] = [];
    let summary: DemoSummary;

    beforeAll(async () => {
      summary = await runDemo({
        path: join(dir.dir, 'demo.db'),
        counts: { devices: 24, entries: 40, people: 12, regional_offices: 2 },
        seed: 5,
        progressEveryMs: 0,
        progress: (step) => steps.push(step),
      });
    }, 240_000);
    afterAll(() => dir.remove());

    it('goes through every stage in order, each from 0% to 100%', () => {
      const stages = steps.map((s) => s.stage).filter((stage, i, all) => all[i - 1] !== stage);
      expect(stages).toEqual([...DEMO_STAGES]);
      for (const stage of DEMO_STAGES) {
        const own = steps.filter((s) => s.stage === stage);
        expect(own[0]?.done).toBe(0);
        expect(own.at(-1)?.done).toBe(own.at(-1)?.total);
        for (const [i, s] of own.entries()) if (i > 0) expect(s.done).toBeGreaterThanOrEqual((own[i - 1] as DemoProgress).done);
      }
      expect(steps.find((s) => s.stage === 'devices')?.total).toBe(24);
      expect(steps.find((s) => s.stage === 'log-book')?.total).toBe(40);
      // Counted as it goes, not only at the ends.
      expect(steps.filter((s) => s.stage === 'log-book' && s.done > 0 && s.done < 40).length).toBeGreaterThan(0);
      for (const [i, s] of steps.entries()) if (i > 0) expect(s.elapsed_ms).toBeGreaterThanOrEqual((steps[i - 1] as DemoProgress).elapsed_ms);
    });

    it('ends with how long it took and what it holds, in the summary and in words', () => {
      expect(summary.build_seconds).toBeGreaterThan(0);
      expect(summary.build_seconds * 1000).toBeGreaterThanOrEqual((steps.at(-1) as DemoProgress).elapsed_ms - 100);
      expect(summary.register.entries).toBe(40);
      const line = builtLine(summary, en);
      expect(line).toBe(
        en('demo.built', {
          elapsed: formatElapsed(summary.build_seconds * 1000),
          devices: '24',
          entries: '40',
          open: String(summary.register.open_entries),
          handovers: String(summary.custody.handovers),
          permits: String(summary.custody.off_premises),
          people: String(summary.people),
        }),
      );
      expect(builtLine(summary, sw)).toContain('Data ya mfano imejengwa');
    });
  });
});
