// The bench's command line. A wrong option is refused with a sentence and exit code 2, before any work.
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run bench [-- options]
  --json           print one JSON object on stdout (progress stays on stderr)
  --quick          a smoke run on a small register (10k events, 5k devices)
  --no-1m          skip the measures on 1M events
  --seed N         the dataset's seed (default 2026); each seed and size is built once and cached
  --runs N         timed calls per route measure (default 100; 20 with --quick),
                   and timed stocktake scans (default 500; 100 with --quick)
  --bulk-runs N    runs of each import, export, verify and stocktake opening and of their
                   raw baselines (default 3 at 100k events, 1 at 1M and with --quick)
  --only A,B       only the measures whose names contain one of these words
  --cache-dir DIR  where datasets are cached (default .cache/bench)
  --rebuild        build the datasets again even when cached
  --help           this text`;

export interface Options {
  json: boolean;
  quick: boolean;
  oneMillion: boolean;
  seed: number;
  runs: number | null;
  bulkRuns: number | null;
  only: string[] | null;
  cacheDir: string;
  rebuild: boolean;
  help: boolean;
}

export class BadArguments extends Error {}

function wholeNumber(name: string, text: string | undefined, min: number, max = 1_000_000): number | null {
  if (text === undefined) return null;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new BadArguments(`--${name} takes a whole number from ${min} to ${max}, not "${text}".`);
  }
  return Number(text);
}

export function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        json: { type: 'boolean', default: false },
        quick: { type: 'boolean', default: false },
        'no-1m': { type: 'boolean', default: false },
        seed: { type: 'string' },
        runs: { type: 'string' },
        'bulk-runs': { type: 'string' },
        only: { type: 'string' },
        'cache-dir': { type: 'string', default: '.cache/bench' },
        rebuild: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    // parseArgs names the option it refused; say it as one sentence and show what is understood.
    throw new BadArguments(`${(error as Error).message.split('\n')[0]?.replace(/\.?$/, '.')} See --help.`);
  }
  const only = values.only === undefined ? null : values.only.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
  if (only !== null && only.length === 0) throw new BadArguments('--only takes one or more words separated by commas.');
  if (values['cache-dir'].trim() === '') throw new BadArguments('--cache-dir takes a folder.');
  return {
    json: values.json,
    quick: values.quick,
    oneMillion: !values['no-1m'] && !values.quick,
    // The seeded generators take 32 bits (db/core/clock.ts).
    seed: wholeNumber('seed', values.seed, 0, 2 ** 32 - 2) ?? 2026,
    runs: wholeNumber('runs', values.runs, 1),
    bulkRuns: wholeNumber('bulk-runs', values['bulk-runs'], 1),
    only,
    cacheDir: values['cache-dir'],
    rebuild: values.rebuild,
    help: values.help,
  };
}
