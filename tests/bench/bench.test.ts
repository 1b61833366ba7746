// The benchmark runs from a fresh clone and says what it measured in the shape issue 9 asks for. No
// timing is asserted here: the figures are the bench's to report, never a test's to judge.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBytesCheck, importRowsCheck, scanWritesCheck, snapshotRowsCheck } from './checks.ts';
import { buildDataset } from './dataset.ts';
import { BULK_MEASURES, DASHBOARD_MEASURE, registerPdfNames, ROUTE_MEASURES, STOCKTAKE_MEASURES, stocktakeNames } from './measures.ts';
import type { BenchReport } from './run.ts';

const run = promisify(execFile);
const RUN = join(import.meta.dirname, 'run.ts');
const scratch = mkdtempSync(join(tmpdir(), 'daftari-bench-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function bench(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [RUN, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('npm run bench', () => {
  const cacheDir = join(scratch, 'cache');
  let first: BenchReport;

  it('builds its dataset from nothing and prints one JSON object with every measure, its ratio to raw and its goal', { timeout: 600_000 }, async () => {
    const result = await bench(['--quick', '--json', '--runs', '3', '--cache-dir', cacheDir]);
    expect(result.stderr).toContain('building dataset');
    expect(result.code, result.stderr).toBe(0);
    first = JSON.parse(result.stdout) as BenchReport;

    expect(Object.keys(first.machine).sort()).toEqual(['cpu_model', 'cpus', 'mem_gb', 'node', 'platform', 'sqlite']);
    expect(first.machine.sqlite).toMatch(/^3\.\d+\.\d+$/);
    expect(first.seed).toBe(2026);
    expect(Number.isNaN(Date.parse(first.at))).toBe(false);
    expect(first.datasets).toEqual([expect.objectContaining({ size: '10k', cached: false, seed: 2026 })]);
    expect(first.datasets[0]?.events).toBeGreaterThanOrEqual(10_000);

    const names = first.measures.map((m) => m.name);
    const stocktake = stocktakeNames('5k');
    const expected = [
      // The dashboard's measure grows the full-size register's log book to 500,000 entries: not in --quick.
      ...ROUTE_MEASURES.filter((m) => m.name !== DASHBOARD_MEASURE.name).map((m) => m.name),
      ...BULK_MEASURES.flatMap((m) => [`${m.op} 10k`, `${m.op} 10k peak RSS`]),
      stocktake.open,
      stocktake.openRss,
      stocktake.scan,
      ...Object.values(registerPdfNames('5k')),
    ];
    expect([...names].sort()).toEqual([...expected].sort());
    for (const measure of first.measures) {
      expect(measure.error, measure.name).toBeUndefined();
      expect(['ms', 'MB'], measure.name).toContain(measure.unit);
      expect(typeof measure.median, measure.name).toBe('number');
      expect(typeof measure.p95, measure.name).toBe('number');
      expect(measure.p95 as number, measure.name).toBeGreaterThanOrEqual(measure.median as number);
      if (measure.goal !== undefined) expect(typeof measure.met, measure.name).toBe('boolean');
    }
    // Every bulk time has its raw baseline, the ratio between them and the goal for it.
    for (const { op, ratioGoal, rssGoal } of BULK_MEASURES) {
      const time = first.measures.find((m) => m.name === `${op} 10k`);
      expect(time).toMatchObject({ unit: 'ms', goal: ratioGoal.value, goal_of: 'ratio' });
      expect(time?.raw_median).toBeGreaterThan(0);
      expect(time?.ratio).toBeCloseTo((time?.median as number) / (time?.raw_median as number), 1);
      expect(time?.met).toBe((time?.ratio as number) <= ratioGoal.value);
      expect(first.measures.find((m) => m.name === `${op} 10k peak RSS`)).toMatchObject({ unit: 'MB', goal: rssGoal.value, goal_of: 'p95' });
    }
    expect(first.measures.find((m) => m.name === 'search assets "dell"')).toMatchObject({ goal: 15, goal_of: 'p95' });
    // The stocktake (issue 13): opening against its raw baseline and the limit in seconds; each scan's p95 against its limit, beside raw.
    const opening = first.measures.find((m) => m.name === stocktake.open);
    expect(opening).toMatchObject({ unit: 'ms', goal: STOCKTAKE_MEASURES.open.ratioGoal.value, goal_of: 'ratio', limit_ms: 2000 });
    expect(opening?.raw_median).toBeGreaterThan(0);
    expect(opening?.within_limit).toBe((opening?.p95 as number) <= 2000);
    const scan = first.measures.find((m) => m.name === stocktake.scan);
    expect(scan).toMatchObject({ unit: 'ms', goal: 50, goal_of: 'p95', runs: 3 });
    expect(scan?.raw_median).toBeGreaterThan(0);

    // The raw baselines did the product's work: the same bytes out of export, the same rows into import.
    expect(first.checks.map((c) => [c.name, c.ok])).toEqual([
      [`${stocktake.open}: raw snapshot rows are the product's`, true],
      [`${stocktake.scan}: raw counts are the product's`, true],
      [`${registerPdfNames('5k').time}: raw read the product's rows`, true],
      ["export 10k: raw lines are the product's bytes", true],
      ["import 10k: raw rows are the product's", true],
    ]);
  });

  it('reuses the cached dataset on a second run and never changes it', { timeout: 300_000 }, async () => {
    const cached = readdirSync(cacheDir).filter((name) => name.endsWith('.sqlite'));
    expect(cached).toHaveLength(1);
    const file = join(cacheDir, cached[0] as string);
    const before = { sha256: sha256(file), mtime: statSync(file).mtimeMs };
    // A route that writes, on the same dataset: it must land in the copy.
    const result = await bench(['--quick', '--json', '--runs', '1', '--only', 'user edit', '--cache-dir', cacheDir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('building dataset');
    const second = JSON.parse(result.stdout) as BenchReport;
    expect(second.datasets).toEqual([expect.objectContaining({ size: '10k', cached: true, events: first.datasets[0]?.events })]);
    expect(second.measures.map((m) => m.name)).toEqual(['user edit assets.update']);
    expect({ sha256: sha256(file), mtime: statSync(file).mtimeMs }).toEqual(before);
  });

  it('refuses wrong arguments with a sentence and exit code 2, before any work', async () => {
    for (const args of [['--sizes', '5'], ['--seed', 'abc'], ['--runs', '0'], ['--only', ',']]) {
      const result = await bench(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim(), args.join(' ')).toMatch(/^[^\n]+\.$/);
    }
  });

  it('is what the npm script runs', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'bench', '--', '--help'], { cwd: join(import.meta.dirname, '../..') });
    expect(stdout).toContain('--quick');
    expect(stdout).toContain('--no-1m');
  });
});

describe('the honesty checks', () => {
  it('tell an export whose event lines differ by one byte from the raw lines', async () => {
    const lines = '{"a":1}\n{"b":2}\n';
    writeFileSync(join(scratch, 'product.daftari'), gzipSync(`{"header":true}\n${lines}`));
    writeFileSync(join(scratch, 'same.gz'), gzipSync(lines));
    writeFileSync(join(scratch, 'other.gz'), gzipSync(lines.replace('2', '3')));
    expect((await exportBytesCheck('same', join(scratch, 'product.daftari'), join(scratch, 'same.gz'))).ok).toBe(true);
    expect((await exportBytesCheck('other', join(scratch, 'product.daftari'), join(scratch, 'other.gz'))).ok).toBe(false);
  });

  it('tell a raw import whose projection row differs from the product’s', () => {
    const make = (name: string, fullName: string) => {
      const path = join(scratch, name);
      const db = new Sqlite(path);
      db.exec(`CREATE TABLE journal (seq INTEGER PRIMARY KEY, origin TEXT, origin_seq INTEGER, hlc TEXT, actor TEXT, type TEXT, entity TEXT, payload TEXT, prev_hash TEXT, hash TEXT);
        CREATE TABLE journal_refs (seq INTEGER, entity TEXT);
        CREATE TABLE origins (origin TEXT, scope TEXT, is_self INTEGER);
        CREATE TABLE people (id TEXT PRIMARY KEY, full_name TEXT);
        INSERT INTO origins VALUES ('o1', 'shared', 0);
        INSERT INTO journal VALUES (1, 'o1', 1, 'h', 'a', 'people.registered', 'p1', '{}', 'x', 'y');`);
      db.prepare('INSERT INTO people VALUES (?, ?)').run('p1', fullName);
      db.close();
      return path;
    };
    const product = make('product.sqlite', 'Asha Mrisho');
    expect(importRowsCheck('same', product, make('raw-same.sqlite', 'Asha Mrisho')).ok).toBe(true);
    expect(importRowsCheck('other', product, make('raw-other.sqlite', 'Asha Said')).ok).toBe(false);
  });

  it('tell a raw stocktake snapshot whose expected row differs from the product’s, and raw scans that wrote other counts', () => {
    const make = (name: string, table: string, location: string) => {
      const path = join(scratch, name);
      const db = new Sqlite(path);
      db.exec(`CREATE TABLE ${table} (asset_id TEXT, tag TEXT, location_name TEXT)`);
      const insert = db.prepare(`INSERT INTO ${table} VALUES (?, ?, ?)`);
      insert.run('a1', 'MAJI/ICT/2026/0001', 'Ghorofa 2');
      insert.run('a2', 'MAJI/ICT/2026/0002', location);
      db.close();
      return path;
    };
    const columns = ['asset_id', 'tag', 'location_name'];
    const product = make('stocktake-product.sqlite', 'stocktake_expected', 'Stoo ya TEHAMA');
    expect(snapshotRowsCheck('same', product, make('stocktake-raw-same.sqlite', 'raw_snapshot', 'Stoo ya TEHAMA'), columns, 'raw_snapshot').ok).toBe(true);
    expect(snapshotRowsCheck('other', product, make('stocktake-raw-other.sqlite', 'raw_snapshot', 'Ghorofa 2'), columns, 'raw_snapshot').ok).toBe(false);
    expect(scanWritesCheck('same', { written: 40 }, { written: 40 }).ok).toBe(true);
    expect(scanWritesCheck('other', { written: 40 }, { written: 41 }).ok).toBe(false);
  });
});

describe('the dataset', () => {
  const tiny = { devices: 40, people: 10, departments: 2, locations: 3 };
  /** The chain that travels, as the events say it: the same seed must give the same history. */
  async function history(seed: number, name: string): Promise<string[]> {
    const path = join(scratch, name);
    await buildDataset({ seed, events: 300, scale: tiny }, path, () => {});
    const db = new Sqlite(path, { readonly: true });
    try {
      return db
        .prepare("SELECT hlc || ' ' || type || ' ' || entity || ' ' || payload AS e FROM journal WHERE origin IN (SELECT origin FROM origins WHERE scope = 'shared') ORDER BY origin_seq")
        .pluck()
        .all() as string[];
    } finally {
      db.close();
    }
  }

  it('is the same history for the same seed, and another for another seed', { timeout: 120_000 }, async () => {
    const a = await history(7, 'a.sqlite');
    expect(a.length).toBeGreaterThanOrEqual(300);
    expect(await history(7, 'b.sqlite')).toEqual(a);
    expect(await history(8, 'c.sqlite')).not.toEqual(a);
  });
});
