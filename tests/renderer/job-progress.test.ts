// What the window shows of a long job: the bar's share, and the line under it in words, in both
// languages, for every phase the core's jobs report.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, translator } from '../../db/contract/catalogues/index.ts';
import { EXPORT_FORMATS, REGISTER_KEYS } from '../../db/registers/contract.ts';
import { JOB_PHASES, jobLine, jobShare, phaseKey } from '../../renderer/components/job-progress-view.ts';

const DB = join(import.meta.dirname, '../../db');
const sw = translator('sw');
const en = translator('en');
const grouped = (language: string) => (value: number) => value.toLocaleString(language === 'sw' ? 'sw-TZ' : 'en-GB');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every phase a job of the core names where it reports or pauses (`stepper`, `report`, `checkpoint`). */
function reportedPhases(): Set<string> {
  const phases = new Set<string>();
  // Bundles are followed by the sync screen, which has words of its own for their phases.
  for (const file of sources(DB).filter((path) => !path.includes('/sync/'))) {
    for (const call of readFileSync(file, 'utf8').matchAll(/\b(?:stepper|report|[cC]heckpoint)\(([^()]*)\)/g)) {
      for (const quoted of (call[1] ?? '').matchAll(/'([a-z]+)'/g)) phases.add(quoted[1] as string);
    }
  }
  return phases;
}

describe('a long job’s progress in the window', () => {
  it('fills the bar by done of total, and moves it while the total is not known', () => {
    expect(jobShare({ phase: 'registering', done: 5_000, total: 20_000 })).toBe(25);
    expect(jobShare({ phase: 'writing', done: 1_500, total: 0 })).toBeNull();
    expect(jobShare({ phase: 'writing', done: 12, total: 10 })).toBe(100);
  });

  it('says the phase and how far, with numbers grouped as each language reads them', () => {
    const progress = { phase: 'registering', done: 4_200, total: 20_000 };
    expect(jobLine(progress, en, grouped('en'))).toBe('Devices registered: 4,200 of 20,000');
    expect(jobLine(progress, sw, grouped('sw'))).toBe(`Vifaa vilivyosajiliwa: ${grouped('sw')(4_200)} kati ya ${grouped('sw')(20_000)}`);
    expect(jobLine({ phase: 'writing', done: 1_500, total: 0 }, en, grouped('en'))).toBe('Rows written: 1,500 so far');
    expect(jobLine({ phase: 'reading', done: 0, total: 0 }, sw, grouped('sw'))).toBe('Inasoma faili…');
  });

  it('reads a phase it has no words for (a newer core’s) as working', () => {
    expect(phaseKey('reindexing')).toBe('jobsUi.phases.working');
    expect(jobLine({ phase: 'reindexing', done: 3, total: 9 }, en, grouped('en'))).toBe('Working: 3 of 9');
  });

  it('has words for every phase the core’s jobs report', () => {
    const reported = reportedPhases();
    // The scan itself finds the jobs.
    expect(reported).toContain('registering');
    expect(reported).toContain('finishing');
    expect([...reported].filter((phase) => !(JOB_PHASES as readonly string[]).includes(phase))).toEqual([]);
  });

  for (const language of LANGUAGES) {
    it(`has every phase, format, register and import job in words in ${language}`, () => {
      const t = translator(language);
      const keys = [
        ...JOB_PHASES.map(phaseKey),
        'jobsUi.phases.working',
        ...EXPORT_FORMATS.map((format) => `exportUi.formats.${format}`),
        ...REGISTER_KEYS.map((register) => `exportUi.registers.${register}`),
        ...['checking', 'importing', 'rejects'].map((task) => `importUi.jobs.${task}`),
      ];
      expect(keys.filter((key) => t(key) === key)).toEqual([]);
    });
  }
});
