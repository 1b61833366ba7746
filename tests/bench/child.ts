// One measured piece of work in a fresh Node process (started by run.ts through tasks.ts), so its
// peak memory is its own and no earlier run's heap, page cache of statements or JIT state flatters or
// burdens it. Everything a task needs but does not measure (opening, a new installation, the rows the
// raw import writes) is done before its clock starts. Its answer is the last line on stdout.
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { registry } from '../../db/areas.ts';
import { openCore, type Core } from '../../db/core.ts';
import { SYSTEM_ACTOR } from '../../db/journal/append.ts';
import { verifyStore } from '../../db/journal/verify.ts';
import { memoryKeyStore } from '../../db/sync/keys.ts';
import { apply, exportToFile, stageFromFile } from '../../db/sync/service.ts';
import { scryptHasher } from '../../db/users/passwords.ts';
import { BENCH_ADMIN, BOOK_FIRST_DAY } from './dataset.ts';
import { ROUTE_MEASURES, type Fixture } from './measures.ts';
import { prepareRawImport, rawImport } from './raw/import.ts';
import { rawExport } from './raw/export.ts';
import { rawRegisterLines } from './raw/report.ts';
import { exportRegisterToFile } from '../../db/registers/export.ts';
import { rawVerify } from './raw/verify.ts';
import { prepareRawOpen, prepareRawScans, rawOpen, rawScanner, scanPlan } from './raw/stocktake.ts';
import { startPeakRss } from './rss.ts';
import { CHUNK_ROWS } from '../../db/stocktake/events.ts';
import { RESULT_MARK, type BulkResult, type RouteResult, type ScansResult, type Task, type TaskResult } from './tasks.ts';

const MB = 1024 * 1024;
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

function open(path: string, at?: string): Promise<Core> {
  const clock = at ? { now: () => new Date(at) } : undefined;
  return openCore({ path, hasher: scryptHasher(10), keyStore: memoryKeyStore(), ...(clock ? { clock } : {}) });
}

/** The projections whose rows come from events that travel: what a bundle of everything rebuilds. */
function sharedProjections(): string[] {
  const { domain } = registry;
  return domain.projections.filter((p) => p.types.every((type) => domain.events.get(type)?.scope === 'shared')).map((p) => p.table);
}

/** Times `work` and samples the resident memory it takes above what the process held when it started. */
async function measured(work: (parts: Record<string, number>) => Promise<number> | number): Promise<BulkResult> {
  const rss = await startPeakRss();
  try {
    collect();
    const start = rss.reset();
    const started = performance.now();
    const parts: Record<string, number> = {};
    const events = await work(parts);
    const ms = performance.now() - started;
    return { ms, rss_start_mb: start / MB, rss_peak_mb: rss.peak() / MB, events, ...(Object.keys(parts).length > 0 ? { parts } : {}) };
  } finally {
    await rss.stop();
  }
}

/**
 * The bench's administrator signed in on a copy of the dataset. Her password was set on the build's
 * clock, long enough ago to be due for a change (3.1.6): changed first, as the window would ask.
 */
async function signInAsAdmin(core: Core): Promise<{ token: string; userId: string }> {
  const signIn = await core.call(null, 'auth.sign-in', { username: BENCH_ADMIN.username, password: BENCH_ADMIN.password });
  if (!signIn.result.ok || !signIn.session) throw new Error(`sign-in refused: ${JSON.stringify(signIn.result)}`);
  const token = signIn.session;
  const changed = await core.call(token, 'auth.change-password', { current: BENCH_ADMIN.password, next: `${BENCH_ADMIN.password}!`, confirm: `${BENCH_ADMIN.password}!` });
  if (!changed.result.ok) throw new Error(`password change refused: ${JSON.stringify(changed.result.error)}`);
  return { token, userId: (signIn.result.value as { user: { id: string } }).user.id };
}

/** A stocktake of the whole institution, chaired by the administrator. */
function wholeInstitution(chairId: string) {
  return {
    name: 'Uhakiki wa mwaka',
    scope: { kind: 'all' },
    committee: [{ name: BENCH_ADMIN.display_name, title: 'Afisa TEHAMA', user_id: chairId, chair: true }],
    starts_on: '2026-01-05',
    ends_on: '2026-01-09',
  };
}

async function openStocktake(core: Core, token: string, chairId: string): Promise<{ id: string; expected_count: number }> {
  const { result } = await core.call(token, 'stocktake.open', wholeInstitution(chairId));
  if (!result.ok) throw new Error(`stocktake.open refused: ${result.error.code} ${JSON.stringify(result.error.fields ?? result.error.params ?? {})}`);
  return result.value as { id: string; expected_count: number };
}

/** Each scan through the dispatcher, timed alone; the stocktake opened first, untimed. */
type ScansTask = Extract<Task, { kind: 'stocktake-scans' }>;

/**
 * Each scan timed alone, the product's through the dispatcher and the raw one on its own copy, taking
 * turns scan by scan so that a machine busier for a moment burdens both alike. The stocktake is opened
 * first, untimed; the first `warmUp` scans of each side prepare statements and warm pages, untimed.
 */
async function scans(task: ScansTask): Promise<{ product: ScansResult; raw: ScansResult }> {
  const core = await open(task.product);
  const sqlite = prepareRawScans(task.raw);
  try {
    const { token, userId } = await signInAsAdmin(core);
    const stocktake = await openStocktake(core, token, userId);
    const plan = scanPlan(core.services.store.sqlite, task.warmUp + task.scans, task.seed);
    const rawScan = rawScanner(sqlite);
    const product: ScansResult = { samples: [], written: 0, outcomes: {} };
    const raw: ScansResult = { samples: [], written: 0 };
    for (const [index, scan] of plan.entries()) {
      let started = performance.now();
      const { result } = await core.call(token, 'stocktake.scan', { stocktake_id: stocktake.id, location_id: scan.location_id, code: scan.code });
      const productMs = performance.now() - started;
      if (!result.ok) throw new Error(`stocktake.scan refused: ${result.error.code} ${JSON.stringify(result.error.fields ?? result.error.params ?? {})}`);
      const { outcome } = result.value as { outcome: string };
      (product.outcomes as Record<string, number>)[outcome] = ((product.outcomes as Record<string, number>)[outcome] ?? 0) + 1;
      started = performance.now();
      if (rawScan(scan)) raw.written += 1;
      const rawMs = performance.now() - started;
      if (index >= task.warmUp) {
        product.samples.push(productMs);
        raw.samples.push(rawMs);
      }
    }
    product.written = core.services.store.sqlite.prepare('SELECT count(*) FROM stocktake_counts WHERE stocktake_id = ?').pluck().get(stocktake.id) as number;
    return { product, raw };
  } finally {
    sqlite.close();
    core.close();
  }
}

async function bulk(task: Exclude<Task, ScansTask | { kind: 'routes' }>): Promise<BulkResult> {
  switch (task.kind) {
    case 'product-export': {
      const core = await open(task.source);
      try {
        return await measured(async () => (await exportToFile(core.services, SYSTEM_ACTOR, null, task.out)).event_count);
      } finally {
        core.close();
      }
    }
    case 'raw-export':
      return measured(async () => (await rawExport(task.source, task.out)).events);
    case 'product-import': {
      // A new installation receiving a ministry's whole register.
      const core = await open(task.target);
      try {
        const setup = await core.call(null, 'setup.initialize', {
          institution: { name: 'Wizara ya Maji', code: 'MAJI', postal_address: 'S.L.P. 456, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Katibu Mkuu' },
          admin: { username: 'zuhura', display_name: 'Zuhura Said', password: BENCH_ADMIN.password, confirm: BENCH_ADMIN.password },
        });
        if (!setup.result.ok) throw new Error(`setup refused: ${setup.result.error.code}`);
        return await measured(async (parts) => {
          const started = performance.now();
          const staged = await stageFromFile(core.services, task.bundle);
          parts.stage_ms = performance.now() - started;
          const applied = (await apply(core.services, staged, SYSTEM_ACTOR, true, basename(task.bundle))).new_events;
          parts.apply_ms = performance.now() - started - parts.stage_ms;
          return applied;
        });
      } finally {
        core.close();
      }
    }
    case 'raw-import': {
      const prepared = prepareRawImport(task.source, task.target, sharedProjections());
      return measured(async () => (await rawImport(prepared, task.bundle)).events);
    }
    case 'product-verify': {
      const core = await open(task.source);
      try {
        return await measured(async () => {
          const result = await verifyStore(core.services.store, core.services.domain);
          if (!result.ok) throw new Error(`verify found a problem in a sound file: ${JSON.stringify(result)}`);
          return result.events;
        });
      } finally {
        core.close();
      }
    }
    case 'raw-verify':
      return measured(() => {
        const { events, mismatches } = rawVerify(task.source);
        if (mismatches > 0) throw new Error(`${mismatches} events do not match their hash`);
        return events;
      });
    case 'product-stocktake-open': {
      // The whole institution's register frozen through the dispatcher, as the window asks for it.
      const core = await open(task.source);
      try {
        const { token, userId } = await signInAsAdmin(core);
        return await measured(async () => {
          const { expected_count } = await openStocktake(core, token, userId);
          // The opening, then the snapshot's chunks.
          return 1 + Math.ceil(expected_count / CHUNK_ROWS);
        });
      } finally {
        core.close();
      }
    }
    case 'product-register-pdf': {
      // The whole equipment register printed, as the window's export or `daftari report devices --format pdf` writes it.
      const core = await open(task.source);
      try {
        const { token } = await signInAsAdmin(core);
        const verdict = core.authorize(token, 'registers.export');
        if (!verdict.ok) throw new Error(`registers.export refused: ${verdict.error.code}`);
        const ctx = verdict.ctx;
        return await measured(async () => (await exportRegisterToFile(ctx, { register: 'devices', format: 'pdf', language: 'sw' }, task.out)).rows);
      } finally {
        core.close();
      }
    }
    case 'raw-register-pdf':
      return measured(async () => (await rawRegisterLines(task.source, task.out)).rows);
    case 'raw-stocktake-open': {
      const sqlite = prepareRawOpen(task.source);
      try {
        return await measured(() => rawOpen(sqlite));
      } finally {
        sqlite.close();
      }
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Each route measure: calls to warm up (statements prepared, pages cached), then the timed calls. */
async function routes(task: Extract<Task, { kind: 'routes' }>): Promise<RouteResult[]> {
  const core = await open(task.source, task.at);
  try {
    const { token } = await signInAsAdmin(core);
    const { sqlite } = core.services.store;
    // A device someone holds, whose custodian is active: the form saves it as it is.
    const asset = sqlite.prepare('SELECT a.* FROM assets a JOIN people p ON p.id = a.custodian_id WHERE p.active = 1 ORDER BY a.id LIMIT 1').get() as Fixture['asset'];
    const custodian = sqlite.prepare('SELECT full_name FROM people WHERE id = ?').pluck().get(asset.custodian_id) as string;
    const fixture: Fixture = {
      person: sqlite.prepare('SELECT * FROM people WHERE active = 1 ORDER BY id LIMIT 1').get() as Fixture['person'],
      asset,
      custodianFirstName: custodian.split(' ')[0] as string,
      bookYear: String(Number(BOOK_FIRST_DAY.slice(0, 4)) + 1),
    };
    const results: RouteResult[] = [];
    for (const measure of ROUTE_MEASURES.filter((m) => task.measures.includes(m.name))) {
      const runs = measure.kind === 'report' ? task.reportRuns : task.runs;
      // Reports take seconds and warm up in one call.
      const warmUp = measure.kind === 'report' ? 1 : 2;
      const samples: number[] = [];
      try {
        for (let run = -warmUp; run < runs; run += 1) {
          const input = measure.input(fixture, run + warmUp);
          const started = performance.now();
          const { result } = await core.call(token, measure.route, input);
          const ms = performance.now() - started;
          if (!result.ok) throw new Error(`${measure.route} refused: ${result.error.code} ${JSON.stringify(result.error.fields ?? result.error.params ?? {})}`);
          if (run >= 0) samples.push(ms);
        }
        results.push({ name: measure.name, samples });
      } catch (error) {
        results.push({ name: measure.name, samples: null, error: message(error) });
      }
      process.stderr.write(`  ${measure.name}: done\n`);
    }
    return results;
  } finally {
    core.close();
  }
}

async function main(): Promise<TaskResult> {
  try {
    const task = JSON.parse(process.argv[2] ?? '') as Task;
    if (task.kind === 'routes') return { ok: true, routes: await routes(task) };
    if (task.kind === 'stocktake-scans') return { ok: true, scans: await scans(task) };
    return { ok: true, bulk: await bulk(task) };
  } catch (error) {
    return { ok: false, error: message(error) };
  }
}

const result = await main();
process.stdout.write(`\n${RESULT_MARK}${JSON.stringify(result)}\n`);
