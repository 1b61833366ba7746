// The bench's data: an institution's register and log book built through the real command path
// (the command functions, the hash chain, the reducers, the search triggers), deterministic by seed,
// and cached under .cache/bench/ so that a second run measures instead of building again.
// Commands run many to one outer transaction: better-sqlite3 runs each command's own transaction
// inside it as a savepoint, so a batch costs one commit instead of one per event.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { registerAsset } from '../../db/assets/commands.ts';
import { RegisterAssetInput } from '../../db/assets/contract.ts';
import { registry } from '../../db/areas.ts';
import { openCore } from '../../db/core.ts';
import { manualClock, seededIds, seededRandom } from '../../db/core/clock.ts';
import type { CallContext, SessionUser } from '../../db/core/context.ts';
import { assign, closeEntry, diagnose, recordWork, reportFault } from '../../db/maintenance/commands.ts';
import { AssignInput, CloseInput, DiagnoseInput, RecordWorkInput, ReportInput } from '../../db/maintenance/contract.ts';
import { registerPerson } from '../../db/people/commands.ts';
import { PersonInput } from '../../db/people/contract.ts';
import { createDepartment, createLocation } from '../../db/places/commands.ts';
import { DepartmentInput, LocationInput } from '../../db/places/contract.ts';
import { memoryKeyStore } from '../../db/sync/keys.ts';
import { scryptHasher } from '../../db/users/passwords.ts';

/** Raise when what the builder makes changes: every cached dataset is then built again. */
const BUILDER_VERSION = 1;

/** The administrator every dataset is built by and measured as. */
export const BENCH_ADMIN = { username: 'asha', display_name: 'Asha Mrisho', password: 'Kilimanjaro#2026' };

export interface Scale {
  devices: number;
  people: number;
  departments: number;
  locations: number;
}

/** A ministry's head office: 50,000 devices held by 5,000 people, the size the issue measures search at. */
export const FULL_SCALE: Scale = { devices: 50_000, people: 5_000, departments: 12, locations: 30 };
/** A smoke run's register. */
export const QUICK_SCALE: Scale = { devices: 5_000, people: 500, departments: 12, locations: 30 };

export interface DatasetSpec {
  seed: number;
  /** How many journal events the built file holds (at least; a repair's last events may pass it by a few). */
  events: number;
  scale: Scale;
}

export interface DatasetFacts {
  seed: number;
  events: number;
  /** Events of the chains that travel: what a bundle of everything carries. */
  shared_events: number;
  devices: number;
  people: number;
  log_book_entries: number;
  file_mb: number;
  built_ms: number;
}

export interface Dataset {
  /** The cached file: copy it before opening, never open it. */
  path: string;
  facts: DatasetFacts;
  cached: boolean;
}

/** The log book spans two calendar years, so "a year's log book report" has a whole year to print. */
export const BOOK_FIRST_DAY = '2024-01-01';
export const BOOK_DAYS = 731;
/** Events of one corrective repair: reported, diagnosed, assigned, work recorded, closed. */
const EVENTS_PER_REPAIR = 5;
/** Repairs still open when the book ends, so the "under repair" filters find devices. */
const OPEN_AT_END = 40;
const BATCH_EVENTS = 1000;

export function sizeLabel(events: number): string {
  if (events >= 1_000_000 && events % 1_000_000 === 0) return `${events / 1_000_000}m`;
  if (events >= 1000 && events % 1000 === 0) return `${events / 1000}k`;
  return String(events);
}

/**
 * The cache key: seed, size, scale, the builder's version and the schema (every migration's name), so a
 * file built by an older builder or for an older schema is never measured.
 */
export function datasetName(spec: DatasetSpec): string {
  const schema = createHash('sha256')
    .update(JSON.stringify([BUILDER_VERSION, spec.scale, Object.keys(registry.migrations).sort()]))
    .digest('hex')
    .slice(0, 10);
  return `register-seed${spec.seed}-${sizeLabel(spec.events)}-${schema}`;
}

export async function ensureDataset(spec: DatasetSpec, cacheDir: string, say: (line: string) => void, rebuild = false): Promise<Dataset> {
  mkdirSync(cacheDir, { recursive: true });
  const name = datasetName(spec);
  const path = join(cacheDir, `${name}.sqlite`);
  const factsPath = join(cacheDir, `${name}.json`);
  if (!rebuild && existsSync(path) && existsSync(factsPath)) {
    return { path, facts: JSON.parse(readFileSync(factsPath, 'utf8')) as DatasetFacts, cached: true };
  }
  // Built beside its final name and renamed only when complete: a stopped build leaves no dataset.
  const building = join(cacheDir, `.${name}.building-${process.pid}.sqlite`);
  const removeBuilding = () => {
    // `.seen` is the heads the core remembers on closing (db/backups/startup.ts): the building file's, never the dataset's.
    for (const suffix of ['', '-wal', '-shm', '-journal', '.seen']) rmSync(`${building}${suffix}`, { force: true });
  };
  removeBuilding();
  try {
    say(`building dataset ${name} (${spec.events.toLocaleString('en')} events, seed ${spec.seed}); cached for the next run`);
    const facts = await buildDataset(spec, building, say);
    renameSync(building, path);
    writeFileSync(factsPath, `${JSON.stringify(facts, null, 2)}\n`);
    return { path, facts, cached: false };
  } finally {
    removeBuilding();
  }
}

// ---- deterministic data -------------------------------------------------------------------------

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
const FAULTS = [
  ['Kompyuta haiwaki; taa ya umeme haiwaki kabisa.', 'Power supply imeungua.', 'Power supply imebadilishwa na kupimwa.', 'Power supply 300W', 145_000],
  ['Skrini inaonyesha mistari na inazima yenyewe.', 'Waya wa skrini umelegea.', 'Waya umebadilishwa; skrini imepimwa saa 2.', 'LCD cable', 65_000],
  ['Betri haishiki chaji.', 'Betri imeharibika.', 'Betri mpya imewekwa.', 'Betri', 120_000],
  ['Printa inakwama karatasi kila ukurasa.', 'Roller zimechakaa.', 'Roller zimebadilishwa na printa imesafishwa.', 'Pickup roller kit', 95_000],
  ['Kompyuta ni nzito mno na inajizima.', 'Feni imejaa vumbi; joto kali.', 'Usafishaji wa ndani na thermal paste mpya.', null, 0],
  ['UPS inalia mfululizo.', 'Betri za UPS zimekwisha muda.', 'Betri mbili za 12V 9Ah zimebadilishwa.', 'Betri 12V 9Ah', 85_000],
] as const;
const TECHNICIANS = ['Juma Ally', 'Neema Kweka', 'Hamisi Said'];

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function buildDataset(spec: DatasetSpec, path: string, say: (line: string) => void): Promise<DatasetFacts> {
  const started = performance.now();
  const { scale } = spec;
  const random = seededRandom(spec.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    let roll = random() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  };
  // The register is taken over before the book starts; the clock moves with the work, so HLCs and
  // every recorded date are fixed by the seed, and lie in the past of any machine that runs the bench.
  const clock = manualClock('2023-11-01T05:00:00Z');
  const core = await openCore({ path, hasher: scryptHasher(10), clock, ids: seededIds(spec.seed + 1), keyStore: memoryKeyStore(), idleLimitMs: 10 * 365 * 86_400_000 });
  // Closed once: before the file's size is read when the build succeeds, or on the way out when it fails.
  let closed = false;
  const close = () => {
    if (!closed) core.close();
    closed = true;
  };
  try {
    const setup = await core.call(null, 'setup.initialize', {
      institution: { name: 'Wizara ya Maji', code: 'MAJI', postal_address: 'S.L.P. 456, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Katibu Mkuu' },
      admin: { username: BENCH_ADMIN.username, display_name: BENCH_ADMIN.display_name, password: BENCH_ADMIN.password, confirm: BENCH_ADMIN.password },
    });
    if (!setup.result.ok) throw new Error(`setup refused: ${JSON.stringify(setup.result.error)}`);
    const user = (setup.result.value as { user: SessionUser }).user;
    const ctx: CallContext = { ...core.services, user, token: null, setSession: () => {} };
    const { sqlite } = core.services.store;
    const batch = (work: () => void) => sqlite.transaction(work)();
    const count = () => (sqlite.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n;
    let progressAt = performance.now();
    const progress = (line: () => string) => {
      if (performance.now() - progressAt < 5000) return;
      progressAt = performance.now();
      say(`  ${line()}`);
    };

    const departments: string[] = [];
    const locations: string[] = [];
    batch(() => {
      for (let i = 1; i <= scale.departments; i += 1) departments.push(createDepartment(ctx, DepartmentInput.parse({ name: `Idara ${i}`, code: `ID${i}` })).id);
      for (let i = 1; i <= scale.locations; i += 1) {
        locations.push(createLocation(ctx, LocationInput.parse({ name: `Chumba ${100 + i}`, building: pick(['Maji House', 'Jengo B', 'Mtumba']), region: 'Dodoma' })).id);
      }
    });
    const people: string[] = [];
    for (let from = 0; from < scale.people; from += BATCH_EVENTS) {
      batch(() => {
        for (let i = from; i < Math.min(scale.people, from + BATCH_EVENTS); i += 1) {
          clock.advance(100);
          const full_name = `${pick(FIRST)} ${pick(FIRST)} ${pick(LAST)}`;
          people.push(registerPerson(ctx, PersonInput.parse({ full_name, check_number: String(100000 + i), department_id: pick(departments) })).id);
        }
      });
    }

    const devices: string[] = [];
    for (let from = 0; from < scale.devices; from += BATCH_EVENTS) {
      batch(() => {
        for (let i = from; i < Math.min(scale.devices, from + BATCH_EVENTS); i += 1) {
          clock.advance(100);
          const category = weighted(CATEGORIES);
          const [make, model, prefix] = pick(MODELS[category] as (readonly [string, string, string])[]);
          const letters = Array.from({ length: 3 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ'[Math.floor(random() * 24)]).join('');
          const serial = () => `S${Math.floor(random() * 1e10).toString(36).toUpperCase()}`;
          const media =
            category === 'desktop' || category === 'laptop'
              ? [{ kind: random() < 0.7 ? 'ssd' : 'hdd', capacity_gb: pick([256, 512, 1000]), serial: serial() }]
              : category === 'server'
                ? [{ kind: 'ssd', capacity_gb: 960, serial: serial() }, { kind: 'hdd', capacity_gb: 4000, serial: serial() }]
                : category === 'tablet'
                  ? [{ kind: 'emmc', capacity_gb: 64, serial: serial() }]
                  : [];
          const asset = registerAsset(
            ctx,
            RegisterAssetInput.parse({
              category,
              make,
              model,
              serial: `${prefix}${letters}${i.toString(36).toUpperCase().padStart(5, '0')}`,
              // Bought before the book starts, so any day of the book may carry its repair.
              purchase_date: addDays('2015-01-01', Math.floor(random() * 3200)),
              supplier: pick(['Computer Centre Ltd', 'Soft Tech', 'Techno Brain Ltd', 'GPSA']),
              cost_tzs: 100_000 + Math.floor(random() * 50) * 50_000,
              location_id: pick(locations),
              department_id: pick(departments),
              custodian_id: random() < 0.85 ? pick(people) : null,
              classification: weighted(CLASSIFICATIONS),
              media,
            }),
          );
          devices.push(asset.id);
        }
      });
      progress(() => `${Math.min(scale.devices, from + BATCH_EVENTS).toLocaleString('en')} of ${scale.devices.toLocaleString('en')} devices`);
    }

    // The log book: repairs spread evenly over its days, each reported, diagnosed, assigned, worked and
    // closed on its day, until the journal holds the events asked for. The last few stay open.
    // The journal is counted once; a full repair adds EVENTS_PER_REPAIR events, an open one three.
    const before = count();
    const stayOpen = Math.min(OPEN_AT_END, Math.floor(devices.length / 4));
    const repairs = stayOpen + Math.max(0, Math.ceil((spec.events - before - 3 * stayOpen) / EVENTS_PER_REPAIR));
    const open = new Set<string>();
    let entries = 0;
    let day = -1;
    while (entries < repairs) {
      batch(() => {
        for (let n = 0; n < BATCH_EVENTS / EVENTS_PER_REPAIR && entries < repairs; n += 1) {
          const today = Math.min(BOOK_DAYS - 1, Math.floor((entries * BOOK_DAYS) / repairs));
          const date = addDays(BOOK_FIRST_DAY, today);
          if (today !== day) {
            day = today;
            clock.set(`${date}T05:00:00Z`);
          }
          clock.advance(10_000);
          let device = pick(devices);
          while (open.has(device)) device = pick(devices);
          const [symptoms, diagnosis, actions, part, partCost] = pick(FAULTS);
          const entry = reportFault(ctx, ReportInput.parse({ asset_id: device, reported_on: date, reported_by: `${pick(FIRST)} ${pick(LAST)}`, symptoms, warranty: random() < 0.1 }));
          diagnose(ctx, DiagnoseInput.parse({ entry_id: entry.id, diagnosis }));
          assign(ctx, AssignInput.parse({ entry_id: entry.id, technician: { type: 'internal', name: pick(TECHNICIANS) } }));
          entries += 1;
          if (repairs - entries < stayOpen) {
            open.add(device);
            continue;
          }
          recordWork(ctx, RecordWorkInput.parse({ entry_id: entry.id, actions, parts: part ? [{ name: part, quantity: 1, unit_cost_tzs: partCost }] : [], hours: 1 + Math.floor(random() * 6) }));
          closeEntry(ctx, CloseInput.parse({ entry_id: entry.id, closed_on: date, outcome: part ? 'part_replaced' : 'repaired' }));
        }
      });
      progress(() => `${(before + entries * EVENTS_PER_REPAIR).toLocaleString('en')} of ${spec.events.toLocaleString('en')} events`);
    }
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const sharedEvents = (sqlite.prepare("SELECT count(*) AS n FROM journal WHERE origin IN (SELECT origin FROM origins WHERE scope = 'shared')").get() as { n: number }).n;
    const facts: DatasetFacts = {
      seed: spec.seed,
      events: count(),
      shared_events: sharedEvents,
      devices: devices.length,
      people: people.length,
      log_book_entries: entries,
      file_mb: 0,
      built_ms: 0,
    };
    close();
    facts.file_mb = Math.round((statSync(path).size / 1024 / 1024) * 10) / 10;
    facts.built_ms = Math.round(performance.now() - started);
    say(`  built: ${facts.events.toLocaleString('en')} events in ${(facts.built_ms / 1000).toFixed(1)} s, ${facts.file_mb} MB`);
    return facts;
  } finally {
    close();
  }
}
