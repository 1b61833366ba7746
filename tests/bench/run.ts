// The benchmark (issue 9): each measure's median and p95 and, where a raw better-sqlite3 baseline
// does the same work on the same rows in the same run, the ratio to it; each goal met or not.
// Not a test: it measures and reports, and an unmet goal is a figure, not a failure.
// Run: npm run bench [-- --json --quick --no-1m --seed N ...]; see options.ts or --help.
// Exit codes: 0 the bench ran; 1 a measure failed or a raw baseline did not do the product's work
// (checks.ts); 2 the arguments were wrong.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { exportBytesCheck, importRowsCheck, scanWritesCheck, snapshotRowsCheck, type Check } from './checks.ts';
import type { DatasetFacts } from './dataset.ts';
import { BULK_MEASURES, DASHBOARD_MEASURE, REGISTER_PDF_MEASURE, registerPdfNames, ROUTE_MEASURES, STOCKTAKE_MEASURES, stocktakeNames, type Goal } from './measures.ts';
import { RAW_SNAPSHOT, SNAPSHOT_COLUMNS } from './raw/stocktake.ts';
import { BadArguments, parseOptions, USAGE, type Options } from './options.ts';
import { runChild, type BulkResult, type Task } from './tasks.ts';

export interface MeasureEntry {
  name: string;
  unit: 'ms' | 'MB';
  median: number | null;
  p95: number | null;
  raw_median?: number | null;
  /** median / raw_median. */
  ratio?: number | null;
  goal?: number;
  /** Which figure the goal is held against: the ratio, or the p95. */
  goal_of?: Goal['of'];
  met?: boolean;
  /** An absolute limit the issue sets beside the goal, held against the p95 (ms), and whether it held. */
  limit_ms?: number;
  within_limit?: boolean;
  runs: number;
  error?: string;
}

export interface BenchReport {
  machine: { cpus: number; cpu_model: string; mem_gb: number; node: string; sqlite: string; platform: string };
  at: string;
  /** The machine's one-minute load average when the bench started and ended: others' work skews figures. */
  load_average: { start: number; end: number };
  seed: number;
  quick: boolean;
  datasets: ({ size: string; cached: boolean } & DatasetFacts)[];
  checks: Check[];
  measures: MeasureEntry[];
}

const say = (line: string) => process.stderr.write(`${line}\n`);

/** Nearest rank: the smallest sample with at least q of the samples at or below it. */
export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

function machine(): BenchReport['machine'] {
  const memory = new Sqlite(':memory:');
  const sqlite = memory.prepare('SELECT sqlite_version()').pluck().get() as string;
  memory.close();
  return {
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model.trim() ?? 'unknown',
    mem_gb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    sqlite,
    platform: `${process.platform} ${release()} ${process.arch}`,
  };
}

function withGoal(entry: MeasureEntry, goal: Goal | undefined): MeasureEntry {
  if (!goal) return entry;
  const figure = goal.of === 'ratio' ? entry.ratio : entry.p95;
  return { ...entry, goal: goal.value, goal_of: goal.of, ...(figure === null || figure === undefined ? {} : { met: figure <= goal.value }) };
}

function timed(name: string, samples: number[] | null, raw: number[] | null | undefined, goal: Goal | undefined, error?: string): MeasureEntry {
  const median = samples?.length ? round(quantile(samples, 0.5), 3) : null;
  const entry: MeasureEntry = { name, unit: 'ms', median, p95: samples?.length ? round(quantile(samples, 0.95), 3) : null, runs: samples?.length ?? 0 };
  if (raw !== undefined) {
    entry.raw_median = raw?.length ? round(quantile(raw, 0.5), 3) : null;
    entry.ratio = median !== null && entry.raw_median ? round(median / entry.raw_median, 2) : null;
  }
  if (error) entry.error = error;
  return withGoal(entry, goal);
}

function selected(options: Options, name: string): boolean {
  return options.only === null || options.only.some((word) => name.toLowerCase().includes(word));
}

function copyOf(path: string, to: string): string {
  // Measures open a copy: the cached dataset never changes, whatever a measure writes.
  copyFileSync(path, to);
  return to;
}

/** Copies of the log book's entries under new ids, in one transaction, until it holds at least `entries`; the count it then holds. */
function growLogBook(path: string, entries: number): number {
  const sqlite = new Sqlite(path);
  try {
    const count = () => (sqlite.prepare('SELECT count(*) AS n FROM maintenance_entries').get() as { n: number }).n;
    const have = count();
    const copies = Math.max(0, Math.ceil(entries / Math.max(1, have)) - 1);
    const columns = (sqlite.prepare("SELECT name FROM pragma_table_info('maintenance_entries') WHERE name != 'id'").all() as { name: string }[]).map((c) => c.name).join(', ');
    sqlite.transaction(() => {
      sqlite
        .prepare(
          `WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ?)
           INSERT INTO maintenance_entries (id, ${columns}) SELECT id || '-copy-' || n, ${columns} FROM maintenance_entries, k`,
        )
        .run(copies);
    })();
    return count();
  } finally {
    sqlite.close();
  }
}

function removeDatabase(path: string): void {
  // `.seen`: the heads the core remembers when it closes a file (db/backups/startup.ts).
  for (const suffix of ['', '-wal', '-shm', '.seen']) rmSync(`${path}${suffix}`, { force: true });
}

const seconds = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`);

interface BulkRuns {
  product: BulkResult[];
  raw: BulkResult[];
  error?: string;
}

/** What runBulk and bulkEntries need of a measure: its name's first words and its goals. */
interface BulkLike {
  op: string;
  /** None where raw is only the floor under the work, not the same work (a printed report). */
  ratioGoal?: Goal;
  rssGoal: Goal;
}

async function runBulk(
  measure: BulkLike,
  label: string,
  runs: number,
  task: (side: 'product' | 'raw', run: number) => Task,
  after: (run: number) => Promise<void>,
): Promise<BulkRuns> {
  const result: BulkRuns = { product: [], raw: [] };
  // Product and raw take turns, so a machine busier for a while burdens both alike.
  for (let run = 0; run < runs; run += 1) {
    for (const side of ['product', 'raw'] as const) {
      say(`${measure.op} ${label}: ${side} run ${run + 1} of ${runs}…`);
      const answer = await runChild(task(side, run));
      if (!answer.ok || !answer.bulk) {
        result.error = `${side}: ${answer.ok ? 'no figures' : answer.error}`;
        say(`  failed: ${result.error}`);
        return result;
      }
      result[side].push(answer.bulk);
      const parts = Object.entries(answer.bulk.parts ?? {}).map(([part, ms]) => `${part.replace(/_ms$/, '')} ${seconds(ms)}`);
      say(`  ${seconds(answer.bulk.ms)}${parts.length ? ` (${parts.join(', ')})` : ''}, ${answer.bulk.events.toLocaleString('en')} events, peak RSS +${(answer.bulk.rss_peak_mb - answer.bulk.rss_start_mb).toFixed(0)} MB`);
    }
    await after(run);
  }
  return result;
}

function bulkEntries(measure: BulkLike, label: string, runs: BulkRuns): MeasureEntry[] {
  const ms = runs.error ? null : runs.product.map((r) => r.ms);
  const raw = runs.error ? null : runs.raw.map((r) => r.ms);
  const rss = runs.error ? null : runs.product.map((r) => r.rss_peak_mb - r.rss_start_mb);
  const memory: MeasureEntry = {
    name: `${measure.op} ${label} peak RSS`,
    unit: 'MB',
    median: rss ? round(quantile(rss, 0.5), 1) : null,
    p95: rss ? round(quantile(rss, 0.95), 1) : null,
    runs: rss?.length ?? 0,
    ...(runs.error ? { error: runs.error } : {}),
  };
  return [timed(`${measure.op} ${label}`, ms, raw, measure.ratioGoal, runs.error), withGoal(memory, measure.rssGoal)];
}

async function bench(options: Options): Promise<BenchReport> {
  // The builder loads the whole core; imported here, so that --help and a wrong argument answer at once.
  const { ensureDataset, FULL_SCALE, QUICK_SCALE, sizeLabel } = await import('./dataset.ts');
  const load = () => round(loadavg()[0] ?? 0, 2);
  const report: BenchReport = { machine: machine(), at: new Date().toISOString(), load_average: { start: load(), end: 0 }, seed: options.seed, quick: options.quick, datasets: [], checks: [], measures: [] };
  const scale = options.quick ? QUICK_SCALE : FULL_SCALE;
  const sizes = options.quick ? [10_000] : options.oneMillion ? [100_000, 1_000_000] : [100_000];
  const work = mkdtempSync(join(tmpdir(), 'daftari-bench-'));
  try {
    for (const [index, size] of sizes.entries()) {
      const label = sizeLabel(size);
      const bulk = BULK_MEASURES.filter((m) => selected(options, `${m.op} ${label}`) || selected(options, `${m.op} ${label} peak RSS`));
      // Route measures run on the first (the register's everyday) size only.
      const routes = index === 0 ? ROUTE_MEASURES.filter((m) => m.name !== DASHBOARD_MEASURE.name && selected(options, m.name)) : [];
      const dashboard = index === 0 && !options.quick && selected(options, DASHBOARD_MEASURE.name);
      // The stocktake's measures, like the routes', on the first size: the register's devices name them.
      const devices = `${sizeLabel(scale.devices)} devices`;
      const stocktake = stocktakeNames(sizeLabel(scale.devices));
      const stocktakeOpen = index === 0 && (selected(options, stocktake.open) || selected(options, stocktake.openRss));
      const stocktakeScan = index === 0 && selected(options, stocktake.scan);
      const printing = registerPdfNames(sizeLabel(scale.devices));
      const registerPdf = index === 0 && (selected(options, printing.time) || selected(options, printing.rss));
      if (bulk.length === 0 && routes.length === 0 && !dashboard && !stocktakeOpen && !stocktakeScan && !registerPdf) continue;
      const dataset = await ensureDataset({ seed: options.seed, events: size, scale }, options.cacheDir, say, options.rebuild);
      report.datasets.push({ size: label, cached: dataset.cached, ...dataset.facts });
      say(`dataset ${label}: ${dataset.facts.events.toLocaleString('en')} events, ${dataset.facts.devices.toLocaleString('en')} devices${dataset.cached ? ' (cached)' : ''}`);

      if (routes.length > 0) {
        const copy = copyOf(dataset.path, join(work, `routes-${label}.sqlite`));
        say(`route measures on ${label}…`);
        const answer = await runChild({
          kind: 'routes',
          source: copy,
          measures: routes.map((m) => m.name),
          runs: options.runs ?? (options.quick ? 20 : 100),
          reportRuns: options.quick ? 1 : 5,
        });
        for (const measure of routes) {
          const found = answer.ok ? answer.routes?.find((r) => r.name === measure.name) : undefined;
          const error = answer.ok ? found?.error : answer.error;
          report.measures.push(timed(measure.name, found?.samples ?? null, undefined, measure.goal, error ?? (found ? undefined : 'not measured')));
        }
        removeDatabase(copy);
      }

      if (dashboard) {
        const copy = copyOf(dataset.path, join(work, `dashboard-${label}.sqlite`));
        say(`${DASHBOARD_MEASURE.name}: growing the log book…`);
        const entries = growLogBook(copy, DASHBOARD_MEASURE.entries);
        say(`  ${entries.toLocaleString('en')} log book entries`);
        const measure = ROUTE_MEASURES.find((m) => m.name === DASHBOARD_MEASURE.name);
        const answer = await runChild({ kind: 'routes', source: copy, measures: [DASHBOARD_MEASURE.name], runs: options.runs ?? 50, reportRuns: 1, at: DASHBOARD_MEASURE.at });
        const found = answer.ok ? answer.routes?.find((r) => r.name === DASHBOARD_MEASURE.name) : undefined;
        const error = answer.ok ? found?.error : answer.error;
        report.measures.push(timed(DASHBOARD_MEASURE.name, found?.samples ?? null, undefined, measure?.goal, error ?? (found ? undefined : 'not measured')));
        removeDatabase(copy);
      }

      if (stocktakeOpen) {
        const measure = STOCKTAKE_MEASURES.open;
        // Opening writes: each run opens its own fresh copy, made before its process starts.
        const copyFor = (side: 'product' | 'raw', run: number) => join(work, `stocktake-open-${side}-${label}-${run}.sqlite`);
        const result = await runBulk(
          measure,
          devices,
          options.bulkRuns ?? (options.quick ? 1 : 3),
          (side, run) => ({ kind: `${side}-stocktake-open`, source: copyOf(dataset.path, copyFor(side, run)) }),
          async (run) => {
            if (run === 0) {
              const check = snapshotRowsCheck(`${stocktake.open}: raw snapshot rows are the product's`, copyFor('product', 0), copyFor('raw', 0), SNAPSHOT_COLUMNS, RAW_SNAPSHOT);
              report.checks.push(check);
              say(`  check: ${check.ok ? 'ok' : 'FAILED'}, ${check.detail}`);
            }
            removeDatabase(copyFor('product', run));
            removeDatabase(copyFor('raw', run));
          },
        );
        const [time, memory] = bulkEntries(measure, devices, result) as [MeasureEntry, MeasureEntry];
        const limited = time.p95 === null ? time : { ...time, limit_ms: measure.limitMs, within_limit: time.p95 <= measure.limitMs };
        report.measures.push(...[limited, memory].filter((e) => selected(options, e.name)));
      }

      if (stocktakeScan) {
        const measure = STOCKTAKE_MEASURES.scan;
        const scans = options.runs ?? (options.quick ? measure.quickScans : measure.scans);
        say(`${measure.op} ${devices}: ${scans} scans, product and raw taking turns…`);
        const copies = { product: join(work, `stocktake-scans-product-${label}.sqlite`), raw: join(work, `stocktake-scans-raw-${label}.sqlite`) };
        const answer = await runChild({
          kind: 'stocktake-scans',
          product: copyOf(dataset.path, copies.product),
          raw: copyOf(dataset.path, copies.raw),
          scans,
          warmUp: measure.warmUp,
          seed: options.seed,
        });
        removeDatabase(copies.product);
        removeDatabase(copies.raw);
        const error = answer.ok ? (answer.scans ? undefined : 'no figures') : answer.error;
        if (error) say(`  failed: ${error}`);
        const figures = answer.ok ? answer.scans : undefined;
        report.measures.push(timed(stocktake.scan, figures?.product.samples ?? null, figures?.raw.samples ?? null, measure.goal, error));
        if (figures) {
          const check = scanWritesCheck(`${stocktake.scan}: raw counts are the product's`, figures.product, figures.raw);
          report.checks.push(check);
          say(`  check: ${check.ok ? 'ok' : 'FAILED'}, ${check.detail}`);
        }
      }

      if (registerPdf) {
        // The product signs in, which changes the administrator's password: each run has its own copy.
        const copyFor = (side: 'product' | 'raw', run: number) => join(work, `register-pdf-${side}-${label}-${run}.sqlite`);
        const out = (side: 'product' | 'raw', run: number) => join(work, `register-${side}-${run}.${side === 'product' ? 'pdf' : 'txt'}`);
        const result = await runBulk(
          REGISTER_PDF_MEASURE,
          devices,
          options.bulkRuns ?? (options.quick ? 1 : 3),
          (side, run) => ({ kind: `${side}-register-pdf`, source: copyOf(dataset.path, copyFor(side, run)), out: out(side, run) }),
          async (run) => {
            for (const side of ['product', 'raw'] as const) {
              rmSync(out(side, run), { force: true });
              removeDatabase(copyFor(side, run));
            }
          },
        );
        if (!result.error) {
          const [product, raw] = [result.product[0]?.events ?? 0, result.raw[0]?.events ?? 0];
          const check = { name: `${printing.time}: raw read the product's rows`, ok: product === raw && product === dataset.facts.devices, detail: `product ${product}, raw ${raw}, devices ${dataset.facts.devices}` };
          report.checks.push(check);
          say(`  check: ${check.ok ? 'ok' : 'FAILED'}, ${check.detail}`);
        }
        report.measures.push(...bulkEntries(REGISTER_PDF_MEASURE, devices, result).filter((e) => selected(options, e.name)));
      }

      if (bulk.length === 0) continue;
      const source = copyOf(dataset.path, join(work, `source-${label}.sqlite`));
      const runs = options.bulkRuns ?? (options.quick || size >= 1_000_000 ? 1 : 3);
      // The bundle every import reads: the product's own export of the dataset.
      let bundle: string | null = null;
      const exportPath = (side: 'product' | 'raw', run: number) => join(work, `export-${side}-${label}-${run}.${side === 'product' ? 'daftari' : 'gz'}`);
      for (const measure of BULK_MEASURES) {
        if (measure.op === 'import' && !bundle && bulk.includes(measure)) {
          say(`export ${label}: the bundle to import (not measured)…`);
          const answer = await runChild({ kind: 'product-export', source, out: exportPath('product', 0) });
          if (answer.ok) bundle = exportPath('product', 0);
          else report.measures.push(...bulkEntries(measure, label, { product: [], raw: [], error: `the bundle to import could not be exported: ${answer.error}` }));
          if (!bundle) continue;
        }
        if (!bulk.includes(measure)) continue;
        let result: BulkRuns;
        switch (measure.op) {
          case 'export':
            result = await runBulk(measure, label, runs, (side, run) => ({ kind: `${side}-export`, source, out: exportPath(side, run) }), async (run) => {
              if (run === 0) {
                const check = await exportBytesCheck(`export ${label}: raw lines are the product's bytes`, exportPath('product', 0), exportPath('raw', 0));
                report.checks.push(check);
                say(`  check: ${check.ok ? 'ok' : 'FAILED'}, ${check.detail}`);
                bundle = exportPath('product', 0);
              } else rmSync(exportPath('product', run), { force: true });
              rmSync(exportPath('raw', run), { force: true });
            });
            break;
          case 'import': {
            const target = (side: 'product' | 'raw', run: number) => join(work, `import-${side}-${label}-${run}.sqlite`);
            result = await runBulk(
              measure,
              label,
              runs,
              (side, run) => (side === 'product' ? { kind: 'product-import', bundle: bundle as string, target: target(side, run) } : { kind: 'raw-import', bundle: bundle as string, source, target: target(side, run) }),
              async (run) => {
                if (run === 0) {
                  const check = importRowsCheck(`import ${label}: raw rows are the product's`, target('product', 0), target('raw', 0));
                  report.checks.push(check);
                  say(`  check: ${check.ok ? 'ok' : 'FAILED'}, ${check.detail}`);
                }
                removeDatabase(target('product', run));
                removeDatabase(target('raw', run));
              },
            );
            break;
          }
          case 'verify':
            result = await runBulk(measure, label, runs, (side) => ({ kind: `${side}-verify`, source }), async () => {});
            break;
        }
        report.measures.push(...bulkEntries(measure, label, result));
      }
      removeDatabase(source);
      if (bundle) rmSync(bundle, { force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  report.load_average.end = load();
  return report;
}

function printTable(report: BenchReport): void {
  const { machine: m } = report;
  const lines = [
    `Daftari benchmark, seed ${report.seed}${report.quick ? ' (quick)' : ''}, ${report.at}`,
    `machine: ${m.cpus} × ${m.cpu_model}, ${m.mem_gb} GB, Node ${m.node}, SQLite ${m.sqlite}, ${m.platform}; load average ${report.load_average.start} at the start, ${report.load_average.end} at the end`,
    ...report.datasets.map(
      (d) => `dataset ${d.size}: ${d.events.toLocaleString('en')} events, ${d.devices.toLocaleString('en')} devices, ${d.people.toLocaleString('en')} people, ${d.log_book_entries.toLocaleString('en')} log book entries, ${d.file_mb} MB${d.cached ? ', cached' : `, built in ${(d.built_ms / 1000).toFixed(0)} s`}`,
    ),
    '',
  ];
  const header = ['measure', 'median', 'p95', 'raw median', 'ratio', 'goal', 'met'];
  const figure = (value: number | null | undefined, unit: string) => (value === null || value === undefined ? '' : `${value.toLocaleString('en', { maximumFractionDigits: unit === 'MB' ? 1 : 3 })} ${unit}`);
  const rows = report.measures.map((e) => [
    e.name,
    e.error ? 'failed' : figure(e.median, e.unit),
    figure(e.p95, e.unit),
    figure(e.raw_median, e.unit),
    e.ratio === null || e.ratio === undefined ? '' : `${e.ratio}×`,
    e.goal === undefined ? '' : e.goal_of === 'ratio' ? `≤ ${e.goal}×` : `p95 ≤ ${e.goal} ${e.unit}`,
    e.met === undefined ? '' : e.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  lines.push(line(header), ...rows.map(line), '');
  for (const e of report.measures.filter((m) => m.error)) lines.push(`failed: ${e.name}: ${e.error}`);
  for (const e of report.measures.filter((m) => m.limit_ms !== undefined)) {
    lines.push(`limit: ${e.name}: p95 ${seconds(e.p95 as number)} against the issue's ${seconds(e.limit_ms as number)}: ${e.within_limit ? 'within' : 'OVER'}`);
  }
  for (const c of report.checks) lines.push(`check ${c.ok ? 'ok' : 'FAILED'}: ${c.name}: ${c.detail}`);
  const unmet = report.measures.filter((e) => e.met === false).map((e) => e.name);
  lines.push(unmet.length === 0 ? 'every goal measured is met' : `goals not met: ${unmet.join(', ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BadArguments)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const report = await bench(options);
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printTable(report);
  return report.measures.some((e) => e.error) || report.checks.some((c) => !c.ok) ? 1 : 0;
}

process.exitCode = await main();
