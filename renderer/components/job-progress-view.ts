// What the window shows of a long job's progress, without React: the bar's share, and the line under it
// in words. A phase this window has no words for (a newer core's) reads as "working".

export interface JobProgressValue {
  phase: string;
  done: number;
  /** 0 while not known. */
  total: number;
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The phases the core's jobs report (db/core/jobs.ts and the jobs that use it). */
export const JOB_PHASES = ['starting', 'reading', 'checking', 'registering', 'writing', 'finishing', 'finished', 'copying', 'integrity', 'rebuilding', 'comparing', 'recording', 'restoring', 'sharing'] as const;

/** The bar's share in percent, or null while the total is not known (the bar then moves). */
export function jobShare(progress: JobProgressValue): number | null {
  if (progress.total <= 0) return null;
  return Math.min(100, Math.max(0, (100 * progress.done) / progress.total));
}

/** The catalogue key of a phase's words. */
export function phaseKey(phase: string): string {
  return (JOB_PHASES as readonly string[]).includes(phase) ? `jobsUi.phases.${phase}` : 'jobsUi.phases.working';
}

/** "Registering devices: 4,200 of 20,000"; "Writing rows: 1,500 so far"; "Reading the file…". */
export function jobLine(progress: JobProgressValue, t: Translate, number: (value: number) => string): string {
  const phase = t(phaseKey(progress.phase));
  if (progress.total > 0) return t('jobsUi.line.of', { phase, done: number(progress.done), total: number(progress.total) });
  if (progress.done > 0) return t('jobsUi.line.so-far', { phase, done: number(progress.done) });
  return phase;
}
