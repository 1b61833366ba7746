// How far the demo has got, for the person waiting: a line when a stage starts, one every few seconds
// while it runs, one when it is done, each with its counts and percent, in the user's language.
import type { Translate } from '../contract/catalogues/index.ts';

/** The stages in the order they run: the custody records (handovers, permits, personal devices, media), then disposal. */
export const DEMO_STAGES = ['accounts', 'places', 'people', 'procedures', 'devices', 'log-book', 'custody', 'disposal'] as const;
export type DemoStage = (typeof DEMO_STAGES)[number];

export interface DemoProgress {
  stage: DemoStage;
  done: number;
  total: number;
  /** Since the build began, in milliseconds. */
  elapsed_ms: number;
}

/** A person watching a long build sees a line this often. */
export const PROGRESS_EVERY_MS = 3_000;

/** Reports each stage's start and end, and its count in between no more often than `everyMs`. */
export class Progress {
  readonly #report: (step: DemoProgress) => void;
  readonly #everyMs: number;
  readonly #now: () => number;
  readonly #began: number;
  #stage: DemoStage = 'accounts';
  #total = 0;
  #last = 0;

  constructor(report: (step: DemoProgress) => void, everyMs = PROGRESS_EVERY_MS, now: () => number = () => performance.now()) {
    this.#report = report;
    this.#everyMs = everyMs;
    this.#now = now;
    this.#began = now();
  }

  /** Milliseconds since the build began. */
  elapsed(): number {
    return this.#now() - this.#began;
  }

  start(stage: DemoStage, total: number): void {
    this.#stage = stage;
    this.#total = total;
    this.#say(0);
  }

  tick(done: number): void {
    if (this.#now() - this.#last >= this.#everyMs && done < this.#total) this.#say(done);
  }

  finish(): void {
    this.#say(this.#total);
  }

  #say(done: number): void {
    this.#last = this.#now();
    this.#report({ stage: this.#stage, done, total: this.#total, elapsed_ms: Math.round(this.#last - this.#began) });
  }
}

/** A count with its thousands grouped, as both languages write it: 500,000. */
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A duration as a clock shows it: 4:07, or 1:02:09 past the hour. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

export function progressLine(step: DemoProgress, t: Translate): string {
  const percent = step.total === 0 ? 100 : Math.floor((step.done * 100) / step.total);
  return t('demo.progress', {
    stage: t(`demo.stages.${step.stage}`),
    done: formatCount(step.done),
    total: formatCount(step.total),
    percent,
    elapsed: formatElapsed(step.elapsed_ms),
  });
}

/** The closing line: how long the build took and what it holds. */
export function builtLine(
  built: { build_seconds: number; people: number; register: { devices: number; entries: number; open_entries: number }; custody: { handovers: number; off_premises: number } },
  t: Translate,
): string {
  return t('demo.built', {
    elapsed: formatElapsed(built.build_seconds * 1000),
    devices: formatCount(built.register.devices),
    entries: formatCount(built.register.entries),
    open: formatCount(built.register.open_entries),
    handovers: formatCount(built.custody.handovers),
    permits: formatCount(built.custody.off_premises),
    people: formatCount(built.people),
  });
}
