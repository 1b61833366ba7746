// Benchmark of the equipment register at an institution's full size: 50,000 devices held by 5,000 people
// in 30 locations and 12 departments. Not a test: it measures and prints, and never asserts a timing.
// Run: npm run bench [-- --devices 50000 --people 5000 --runs 50 --verify-runs 1 --keep]
// The devices go through the real journal path (the command functions, the hash chain, the reducers,
// the search triggers), many to one outer transaction: better-sqlite3 runs each command's own
// transaction inside it as a savepoint, so a batch costs one commit instead of one per device.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { registerAsset } from '../../db/assets/commands.ts';
import { RegisterAssetInput } from '../../db/assets/contract.ts';
import { PersonInput } from '../../db/people/contract.ts';
import { DepartmentInput, LocationInput } from '../../db/places/contract.ts';
import { openCore, type Core } from '../../db/core.ts';
import { manualClock, seededIds, seededRandom } from '../../db/core/clock.ts';
import type { CallContext, SessionUser } from '../../db/core/context.ts';
import { foldAll, verifyStore } from '../../db/journal/verify.ts';
import { closeStore, openStore } from '../../db/store/open.ts';
import { registerPerson } from '../../db/people/commands.ts';
import { createDepartment, createLocation } from '../../db/places/commands.ts';
import { scryptHasher } from '../../db/users/passwords.ts';

const { values: args } = parseArgs({
  options: {
    devices: { type: 'string', default: '50000' },
    people: { type: 'string', default: '5000' },
    locations: { type: 'string', default: '30' },
    departments: { type: 'string', default: '12' },
    runs: { type: 'string', default: '50' },
    'verify-runs': { type: 'string', default: '1' },
    batch: { type: 'string', default: '1000' },
    /** SQLite page cache in MB for this run; 0 keeps the app's setting (SQLite's default, 2 MB). */
    'cache-mb': { type: 'string', default: '0' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: 'test-results/bench.json' },
  },
});
const DEVICES = Number(args.devices);
const PEOPLE = Number(args.people);
const LOCATIONS = Number(args.locations);
const DEPARTMENTS = Number(args.departments);
const RUNS = Number(args.runs);
const VERIFY_RUNS = Number(args['verify-runs']);
const BATCH = Number(args.batch);
const CACHE_MB = Number(args['cache-mb']);
const PAGE = 100;
const TARGET_PAGE = 200;

const PASSWORD = 'Kilimanjaro#2026';
const MB = 1024 * 1024;
const rssMb = () => Math.round((process.memoryUsage().rss / MB) * 10) / 10;
const round = (ms: number) => Math.round(ms * 1000) / 1000;

// ---- deterministic data -------------------------------------------------------------------------

const random = seededRandom(2026);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
function weighted<T>(entries: readonly (readonly [T, number])[]): T {
  let roll = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (entries[entries.length - 1] as readonly [T, number])[0];
}

const FIRST = ['Asha', 'Zuhura', 'Hamisi', 'Rehema', 'Juma', 'Neema', 'Baraka', 'Grace', 'Ally', 'Mwajuma', 'Peter', 'Halima', 'Said', 'Upendo', 'Joseph', 'Amina', 'Emmanuel', 'Saida', 'Frank', 'Tumaini'];
const LAST = ['Mrisho', 'Said', 'Juma', 'Mollel', 'Ally', 'Kweka', 'Mushi', 'Massawe', 'Hassan', 'Omari', 'Mwakyusa', 'Lyimo', 'Swai', 'Mbwambo', 'Kimaro', 'Nyerere', 'Mapunda', 'Shirima', 'Temba', 'Urio'];
const CATEGORIES = [
  ['desktop', 35],
  ['laptop', 30],
  ['printer', 10],
  ['ups', 8],
  ['network', 5],
  ['scanner', 4],
  ['projector', 3],
  ['tablet', 3],
  ['server', 2],
] as const;
const MODELS: Record<string, readonly (readonly [string, string, string])[]> = {
  desktop: [['HP', 'ProDesk 400 G7', 'CZC'], ['Dell', 'OptiPlex 7090', 'DOP'], ['Lenovo', 'ThinkCentre M70', 'MJ0']],
  laptop: [['HP', 'EliteBook 840 G8', '5CG'], ['Dell', 'Latitude 5440', 'DL5'], ['Lenovo', 'ThinkPad T14', 'PF3']],
  printer: [['HP', 'LaserJet Pro M404', 'PHB'], ['Canon', 'i-SENSYS LBP226', 'CNL'], ['Epson', 'L3150', 'X4B']],
  ups: [['APC', 'Back-UPS 1100', 'APC'], ['Mercury', 'Elite 1200', 'MRC']],
  network: [['Cisco', 'Catalyst 2960', 'FOC'], ['TP-Link', 'TL-SG1024', 'TPL']],
  scanner: [['Canon', 'DR-C225', 'CDR'], ['Fujitsu', 'fi-7160', 'FJS']],
  projector: [['Epson', 'EB-X06', 'EPX'], ['BenQ', 'MX560', 'BNQ']],
  tablet: [['Samsung', 'Galaxy Tab A8', 'R9T']],
  server: [['Dell', 'PowerEdge R750', 'SRV'], ['HP', 'ProLiant DL380', 'HPS']],
};
const CLASSIFICATIONS = [
  ['internal', 60],
  ['public', 15],
  ['confidential', 15],
  ['secret', 7],
  ['top_secret', 3],
] as const;

function serialOf(prefix: string, n: number): string {
  // Unique by construction (the number), varied in its letters like real serials.
  const letters = Array.from({ length: 3 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ'[Math.floor(random() * 24)]).join('');
  return `${prefix}${letters}${n.toString(36).toUpperCase().padStart(5, '0')}`;
}

function mediaFor(category: string): { kind: string; capacity_gb: number; serial: string }[] {
  const serial = () => `S${Math.floor(random() * 1e10).toString(36).toUpperCase()}`;
  if (category === 'desktop' || category === 'laptop') {
    const media = [{ kind: random() < 0.7 ? 'ssd' : 'hdd', capacity_gb: pick([256, 512, 1000]), serial: serial() }];
    if (category === 'desktop' && random() < 0.2) media.push({ kind: 'hdd', capacity_gb: 1000, serial: serial() });
    return media;
  }
  if (category === 'server') return [{ kind: 'ssd', capacity_gb: 960, serial: serial() }, { kind: 'hdd', capacity_gb: 4000, serial: serial() }];
  if (category === 'tablet') return [{ kind: 'emmc', capacity_gb: 64, serial: serial() }];
  return [];
}

// ---- measuring ----------------------------------------------------------------------------------

interface Measured {
  name: string;
  median_ms: number;
  p95_ms: number;
  min_ms: number;
  max_ms: number;
  runs: number;
  rows: number;
  total: number | null;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

async function measure(name: string, runs: number, work: () => Promise<{ rows: number; total?: number | null }>): Promise<Measured> {
  let last = await work(); // warm-up: statements prepared, pages cached
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    last = await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    name,
    median_ms: round(quantile(times, 0.5)),
    p95_ms: round(quantile(times, 0.95)),
    min_ms: round(times[0] as number),
    max_ms: round(times[times.length - 1] as number),
    runs,
    rows: last.rows,
    total: last.total ?? null,
  };
}

async function value<T>(core: Core, token: string, route: string, input: unknown): Promise<T> {
  const { result } = await core.call(token, route, input);
  if (!result.ok) throw new Error(`${route} refused: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

function fileSize(path: string): number {
  let size = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      size += statSync(path + suffix).size;
    } catch {
      // absent
    }
  }
  return size;
}

// ---- the run ------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const rssStart = rssMb();
  const dir = mkdtempSync(join(tmpdir(), 'daftari-bench-'));
  const path = join(dir, 'daftari.sqlite');
  const clock = manualClock('2026-01-05T05:00:00Z');
  const core = await openCore({ path, hasher: scryptHasher(10), clock, ids: seededIds(7), idleLimitMs: 365 * 24 * 3_600_000 });
  const store = core.services.store;
  if (CACHE_MB > 0) store.sqlite.pragma(`cache_size = -${CACHE_MB * 1024}`);
  try {
    const setup = await core.call(null, 'setup.initialize', {
      institution: { name: 'Wizara ya Maji', code: 'MAJI', postal_address: 'S.L.P. 456, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Waziri' },
      admin: { username: 'asha', display_name: 'Asha Mrisho', password: PASSWORD, confirm: PASSWORD },
    });
    if (!setup.result.ok || typeof setup.session !== 'string') throw new Error(`setup failed: ${JSON.stringify(setup.result)}`);
    const token = setup.session;
    const user = (setup.result.value as { user: SessionUser }).user;
    const ctx: CallContext = { ...core.services, user, token: null, setSession: () => {} };
    const batch = (work: () => void) => store.sqlite.transaction(work)();

    // Places and people.
    let started = performance.now();
    const departments: string[] = [];
    const locations: string[] = [];
    batch(() => {
      for (let i = 1; i <= DEPARTMENTS; i += 1) departments.push(createDepartment(ctx, DepartmentInput.parse({ name: `Idara ${i}`, code: `ID${i}` })).id);
      for (let i = 1; i <= LOCATIONS; i += 1) {
        locations.push(createLocation(ctx, LocationInput.parse({ name: `Chumba ${100 + i}`, building: pick(['Maji House', 'Jengo B', 'Mtumba']), region: 'Dodoma' })).id);
      }
    });
    const people: string[] = [];
    for (let from = 0; from < PEOPLE; from += BATCH) {
      batch(() => {
        for (let i = from; i < Math.min(PEOPLE, from + BATCH); i += 1) {
          const full_name = `${pick(FIRST)} ${pick(FIRST)} ${pick(LAST)}`;
          people.push(registerPerson(ctx, PersonInput.parse({ full_name, check_number: String(100000 + i), department_id: pick(departments) })).id);
        }
      });
    }
    const peopleMs = performance.now() - started;
    const rssAfterPeople = rssMb();

    // Devices.
    const journalBefore = (store.sqlite.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n;
    const probe = { serial: '', id: '' };
    const probeAt = Math.floor(DEVICES * 0.6173);
    started = performance.now();
    let progress = performance.now();
    for (let from = 0; from < DEVICES; from += BATCH) {
      batch(() => {
        for (let i = from; i < Math.min(DEVICES, from + BATCH); i += 1) {
          if (i % 10 === 0) clock.advance(1000);
          const category = weighted(CATEGORIES);
          const [make, model, prefix] = pick(MODELS[category] as (readonly [string, string, string])[]);
          const serial = serialOf(prefix, i);
          const year = 2015 + Math.floor(random() * 11);
          const input = RegisterAssetInput.parse({
            category,
            make,
            model,
            serial,
            purchase_date: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
            supplier: pick(['Computer Centre Ltd', 'Soft Tech', 'Techno Brain Ltd', 'GPSA']),
            cost_tzs: 100_000 + Math.floor(random() * 50) * 50_000,
            location_id: pick(locations),
            department_id: pick(departments),
            custodian_id: random() < 0.85 ? pick(people) : null,
            classification: weighted(CLASSIFICATIONS),
            media: mediaFor(category),
          });
          const asset = registerAsset(ctx, input);
          if (i === probeAt) Object.assign(probe, { serial, id: asset.id });
        }
      });
      if (performance.now() - progress > 5000) {
        progress = performance.now();
        process.stderr.write(`  ${Math.min(DEVICES, from + BATCH)} devices…\n`);
      }
    }
    const devicesMs = performance.now() - started;
    const journalAfter = (store.sqlite.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n;
    const events = journalAfter - journalBefore;
    const rssAfterBuild = rssMb();

    // A repair on the probe device, so its history has more than its registration.
    clock.advance(60_000);
    const entry = await value<{ id: string }>(core, token, 'maintenance.report', { asset_id: probe.id, reported_on: '2026-01-05', reported_by: 'Zuhura Said', symptoms: 'Haiwaki' });
    await value(core, token, 'maintenance.diagnose', { entry_id: entry.id, diagnosis: 'Betri' });
    await value(core, token, 'maintenance.assign', { entry_id: entry.id, technician: { type: 'internal', name: 'Juma Ally' } });
    await value(core, token, 'maintenance.record-work', { entry_id: entry.id, actions: 'Betri mpya', parts: [{ name: 'Betri', quantity: 1, unit_cost_tzs: 120_000 }] });
    await value(core, token, 'maintenance.close', { entry_id: entry.id, closed_on: '2026-01-05', outcome: 'part_replaced' });
    // And one repair still open somewhere, so the rare status filter finds a device.
    const other = store.sqlite.prepare('SELECT id FROM assets WHERE id != ? LIMIT 1').get(probe.id) as { id: string };
    await value(core, token, 'maintenance.report', { asset_id: other.id, reported_on: '2026-01-05', reported_by: 'Hamisi Juma', symptoms: 'Skrini' });

    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fileSize(path);

    // Queries, each through the route as the window calls it.
    type ListPage = { items: { id: string }[]; next: string | null; total: number };
    const list = (input: Record<string, unknown>) => async () => {
      const page = await value<ListPage>(core, token, 'assets.list', input);
      return { rows: page.items.length, total: page.total };
    };
    const someone = store.sqlite.prepare('SELECT custodian_id AS id FROM assets WHERE custodian_id IS NOT NULL LIMIT 1').get() as { id: string };
    const custodianName = (store.sqlite.prepare('SELECT full_name FROM people WHERE id = ?').get(someone.id) as { full_name: string }).full_name;

    // Walk the cursors to the target page once (timed as a whole), then time that page alone.
    const pages = Math.max(1, Math.min(TARGET_PAGE, Math.ceil(DEVICES / PAGE)));
    started = performance.now();
    let cursor: string | null = null;
    for (let p = 1; p < pages; p += 1) cursor = (await value<ListPage>(core, token, 'assets.list', { after: cursor })).next;
    const walkMs = performance.now() - started;

    const rssBeforeQueries = rssMb();
    const measured: Measured[] = [];
    const run = async (name: string, work: () => Promise<{ rows: number; total?: number | null }>) => {
      const m = await measure(name, RUNS, work);
      measured.push(m);
      process.stderr.write(`  ${name}: ${m.median_ms} ms\n`);
    };
    await run('assets.list first page (tag_asc)', list({}));
    await run('assets.list search common prefix "dell"', list({ search: 'dell' }));
    await run('assets.list search common prefix "h"', list({ search: 'h' }));
    await run(`assets.list search rare serial "${probe.serial}"`, list({ search: probe.serial }));
    await run(`assets.list search custodian "${custodianName.split(' ')[0]}"`, list({ search: custodianName.split(' ')[0] }));
    await run('assets.list filter category=printer', list({ category: 'printer' }));
    await run('assets.list filter status=in_store', list({ status: 'in_store' }));
    await run('assets.list filter status=under_repair (rare)', list({ status: 'under_repair' }));
    await run('assets.list filter department', list({ department_id: departments[0] }));
    await run('assets.list filter location', list({ location_id: locations[0] }));
    await run('assets.list filter classification=top_secret', list({ classification: 'top_secret' }));
    await run('assets.list filter custodian', list({ custodian_id: someone.id }));
    await run('assets.list filter category+department+search', list({ category: 'laptop', department_id: departments[1], search: 'lat' }));
    await run(`assets.list page ${pages} via keyset cursor`, list({ after: cursor }));
    await run('assets.list first page (tag_desc)', list({ sort: 'tag_desc' }));
    await run('assets.list first page (updated_desc)', list({ sort: 'updated_desc' }));
    await run('assets.get', async () => {
      const device = await value<{ media: unknown[] }>(core, token, 'assets.get', { asset_id: probe.id });
      return { rows: 1 + device.media.length };
    });
    await run('history.entity of a device', async () => ({ rows: (await value<unknown[]>(core, token, 'history.entity', { entity: probe.id })).length }));
    const rssAfterQueries = rssMb();

    const verifyTimes: number[] = [];
    let verified: unknown = null;
    for (let i = 0; i < VERIFY_RUNS; i += 1) {
      started = performance.now();
      verified = await verifyStore(store, core.services.domain);
      verifyTimes.push(performance.now() - started);
    }
    verifyTimes.sort((a, b) => a - b);
    // The rebuild alone (what verify does after checking the chain), to show where verify's time goes.
    let rebuildMs: number | null = null;
    if (VERIFY_RUNS > 0) {
      const { store: scratch } = await openStore(':memory:');
      started = performance.now();
      foldAll(store, scratch, core.services.domain);
      rebuildMs = performance.now() - started;
      closeStore(scratch);
    }
    const rssEnd = rssMb();

    const report = {
      at: new Date().toISOString(),
      node: process.version,
      sqlite: (store.sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
      config: {
        devices: DEVICES,
        people: PEOPLE,
        locations: LOCATIONS,
        departments: DEPARTMENTS,
        runs: RUNS,
        batch: BATCH,
        page: PAGE,
        cache_size: store.sqlite.pragma('cache_size', { simple: true }),
      },
      build: {
        people_ms: round(peopleMs),
        devices_ms: round(devicesMs),
        devices_per_s: Math.round(DEVICES / (devicesMs / 1000)),
        device_events: events,
        events_per_s: Math.round(events / (devicesMs / 1000)),
        journal_events_total: (store.sqlite.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n,
        storage_media: (store.sqlite.prepare('SELECT count(*) AS n FROM storage_media').get() as { n: number }).n,
        file_bytes: bytes,
        file_mb: Math.round((bytes / MB) * 10) / 10,
      },
      keyset_walk: { pages, ms: round(walkMs) },
      queries: measured,
      verify:
        VERIFY_RUNS > 0
          ? {
              runs: VERIFY_RUNS,
              median_ms: round(quantile(verifyTimes, 0.5)),
              max_ms: round(verifyTimes[verifyTimes.length - 1] as number),
              rebuild_only_ms: round(rebuildMs as number),
              result: verified,
            }
          : { runs: 0, median_ms: null, max_ms: null, rebuild_only_ms: null, result: null },
      rss_mb: { start: rssStart, after_people: rssAfterPeople, after_devices: rssAfterBuild, before_queries: rssBeforeQueries, after_queries: rssAfterQueries, after_verify: rssEnd },
    };
    print(report);
    mkdirSync(join(args.out, '..'), { recursive: true });
    writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwritten: ${args.out}${args.keep ? `\ndatabase kept: ${path}` : ''}`);
  } finally {
    core.close();
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
  }
}

function print(report: {
  config: { devices: number; people: number; locations: number; departments: number };
  build: { people_ms: number; devices_ms: number; devices_per_s: number; device_events: number; events_per_s: number; file_mb: number; storage_media: number };
  keyset_walk: { pages: number; ms: number };
  queries: Measured[];
  verify: { median_ms: number | null; rebuild_only_ms: number | null; result: unknown };
  rss_mb: Record<string, number>;
}): void {
  const { config, build } = report;
  console.log(`\nDaftari register benchmark: ${config.devices} devices, ${config.people} people, ${config.locations} locations, ${config.departments} departments`);
  console.log(`  people registered in        ${(build.people_ms / 1000).toFixed(2)} s`);
  console.log(`  devices registered in       ${(build.devices_ms / 1000).toFixed(2)} s  (${build.devices_per_s} devices/s, ${build.device_events} events, ${build.events_per_s} events/s, ${build.storage_media} storage media)`);
  console.log(`  database file               ${build.file_mb} MB`);
  console.log(`  walk to page ${report.keyset_walk.pages} by cursors    ${report.keyset_walk.ms.toFixed(1)} ms`);
  const width = Math.max(...report.queries.map((q) => q.name.length));
  console.log(`\n  ${'query'.padEnd(width)}  ${'median ms'.padStart(10)}  ${'p95 ms'.padStart(10)}  ${'rows'.padStart(5)}  ${'total'.padStart(7)}`);
  for (const q of report.queries) {
    console.log(`  ${q.name.padEnd(width)}  ${q.median_ms.toFixed(3).padStart(10)}  ${q.p95_ms.toFixed(3).padStart(10)}  ${String(q.rows).padStart(5)}  ${String(q.total ?? '').padStart(7)}`);
  }
  if (report.verify.median_ms !== null) {
    console.log(`\n  verifyStore (hashes + full rebuild)  ${(report.verify.median_ms / 1000).toFixed(2)} s  → ${JSON.stringify(report.verify.result)}`);
    console.log(`  of which the rebuild alone (foldAll) ${((report.verify.rebuild_only_ms ?? 0) / 1000).toFixed(2)} s`);
  }
  console.log(`  RSS MB  ${Object.entries(report.rss_mb).map(([k, v]) => `${k} ${v}`).join(' · ')}`);
}

await main();
