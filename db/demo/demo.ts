// `daftari demo`: a realistic institution created through the real command path (same routes, same
// checks, the hash chain, the reducers), deterministic for a seed and a day. Each area of the product
// adds its own part here. At large scale it is a ministry: 50,000 devices, half a million log book
// entries and 100,000 handovers, the size the benchmark measures against.
import { createHash, createPrivateKey } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { manualClock, seededIds, seededRandom, systemClock } from '../core/clock.ts';
import { Refusal } from '../core/refusal.ts';
import { openCore, type Core } from '../core.ts';
import { registry } from '../areas.ts';
import { addDays, isCalendarDate, workingDay } from '../contract/days.ts';
import { ensureIdentity } from '../journal/append.ts';
import { closeStore, openStore } from '../store/open.ts';
import { memoryKeyStore } from '../sync/keys.ts';
import type { Role } from '../users/contract.ts';
import type { RouteInput, RouteName, RouteOutput } from '../contract/routes.ts';
import { Batches, STEP_MS } from './batch.ts';
import { custodyDemo, type CustodyDemoSummary, type CustodyDevice } from './custody.ts';
import { disposalDemo, disposalDevices, type DisposalDemoSummary } from './disposal.ts';
import { seededHasher } from './hasher.ts';
import { logBookDemo, type LogBookDemoSummary } from './log-book.ts';
import { BASIN_OFFICES, DEPARTMENTS, FIRST_NAMES, HEAD_OFFICE_ROOMS, OTHER_INSTITUTIONS, REGIONS, SURNAMES, TITLES } from './names.ts';
import { Progress, type DemoProgress } from './progress.ts';
import { devicesDemo, proceduresDemo, type DemoLocation } from './register.ts';
import { stocktakeDemo, type StocktakeDemoSummary } from './stocktake.ts';

export const DEMO_ADMIN = { username: 'admin', display_name: 'Asha Mrisho', password: 'Maji#Safi2026' };
/** Colleagues' first password; each is asked to change it at first sign-in (3.1.7). */
export const DEMO_TEMPORARY_PASSWORD = 'Karibu#Kazini2026';

const DEMO_USERS: { username: string; display_name: string; roles: Role[] }[] = [
  { username: 'juma.ally', display_name: 'Juma Ally', roles: ['ict_officer'] },
  { username: 'neema.kweka', display_name: 'Neema Kweka', roles: ['ict_officer', 'records_officer'] },
  { username: 'katibu.mkuu', display_name: 'Eng. Mwajuma Waziri', roles: ['accounting_officer', 'head_of_institution'] },
  { username: 'zawadi.mushi', display_name: 'Zawadi Mushi', roles: ['records_officer'] },
  { username: 'mkaguzi', display_name: 'Godfrey Massawe', roles: ['auditor'] },
  { username: 'hamisi.said', display_name: 'Hamisi Said', roles: ['admin', 'ict_officer'] },
];
/** The head office's ICT officers who have accounts; the regions' officers appear in the book by name. */
const HEAD_OFFICE_OFFICERS = ['Juma Ally', 'Neema Kweka', 'Hamisi Said'];

/** The Head of Institution's own password after the first sign-in, when the demo approves the procedure. */
export const DEMO_HEAD_PASSWORD = 'Utaratibu#2026Tz';
/** The records officer who prepares the disposal batches, and her own password after the first sign-in. */
export const DEMO_RECORDS_OFFICER = 'zawadi.mushi';
export const DEMO_RECORDS_PASSWORD = 'Kumbukumbu#2026Tz';

/** What a demo holds. A test or the benchmark gives its own; `daftari demo` takes a scale's. */
export interface DemoCounts {
  people: number;
  /** Regional offices besides the head office in Dodoma, at most one per region. */
  regional_offices: number;
  /** Basin water boards' offices, at most nine. */
  basin_offices: number;
  devices: number;
  /** Service Maintenance Log Book entries, preventive work included. */
  entries: number;
  /** How many years the log book reaches back. */
  years: number;
  /** Handovers under the special permit (3.6.6), returns to the store included. */
  handovers: number;
  /** Off-premises requests (3.6.11). */
  off_premises: number;
  /** Personal devices registered for office work (3.6.5). */
  personal_devices: number;
  /** Flash disks of the removable media register (3.6.7–3.6.10), besides the register's external drives. */
  flash_disks: number;
  /** Disposal batches disposed of besides the one batch in each state (3.6.12). */
  disposal_batches: number;
}

// Issue 9: the ministry's size. The custody records come after the log book: 100,000 handovers and
// 20,000 off-premises requests at large scale, with personal devices and flash disks for a staff of 20,000.
export const DEMO_SCALES = {
  small: { people: 60, regional_offices: 3, basin_offices: 0, devices: 60, entries: 120, years: 2, handovers: 24, off_premises: 14, personal_devices: 8, flash_disks: 5, disposal_batches: 1 },
  large: {
    people: 20_000,
    regional_offices: REGIONS.length - 1,
    basin_offices: BASIN_OFFICES.length,
    devices: 50_000,
    entries: 500_000,
    years: 6,
    handovers: 100_000,
    off_premises: 20_000,
    personal_devices: 3_000,
    flash_disks: 1_500,
    disposal_batches: 40,
  },
} as const satisfies Record<string, DemoCounts>;
export type DemoScale = keyof typeof DEMO_SCALES;

export interface DemoOptions {
  path: string;
  scale?: DemoScale;
  /** Counts of one's own over the scale's (a quick test, a benchmark's dataset). */
  counts?: Partial<DemoCounts>;
  seed: number;
  /**
   * The working day the records are entered (YYYY-MM-DD); the book runs up to it. Yesterday by
   * default, so that nothing in the file lies ahead of the PC's clock. Same seed and day, same file.
   */
  date?: string;
  /** The first administrator's sign-in (`daftari demo --admin … --password …`); DEMO_ADMIN's by default. */
  admin?: { username: string; password: string };
  /** Told when each stage starts and ends, and every `progressEveryMs` in between. Throwing stops the demo. */
  progress?: (step: DemoProgress) => void;
  progressEveryMs?: number;
}

export interface RegisterDemoSummary extends LogBookDemoSummary {
  devices: number;
  procedures: number;
  providers: number;
  plans: number;
}

export interface DemoSummary {
  institution: string;
  seed: number;
  /** The day the records were entered: with the seed, what makes the file again. */
  date: string;
  admin: { username: string; password: string };
  users: ({ username: string; roles: Role[] } & ({ temporary_password: string } | { password: string }))[];
  departments: number;
  locations: number;
  regional_offices: number;
  people: number;
  inactive_people: number;
  register: RegisterDemoSummary;
  /** Handovers, off-premises requests, personal devices and removable media, by state. */
  custody: CustodyDemoSummary;
  /** Disposal candidates and batches, by state. */
  disposal: DisposalDemoSummary;
  /** A closed stocktake with every kind of finding and an action of each kind, and an open one half counted. */
  stocktake: StocktakeDemoSummary;
  /** How long the build took, in seconds (wall time; the only figure a seed does not fix). */
  build_seconds: number;
}

/** The counts a demo is built with: the scale's, with any given over them. */
export function demoCounts(options: Pick<DemoOptions, 'scale' | 'counts'>): DemoCounts {
  const counts: DemoCounts = { ...DEMO_SCALES[options.scale ?? 'small'], ...options.counts };
  return {
    ...counts,
    regional_offices: Math.min(counts.regional_offices, REGIONS.length - 1),
    basin_offices: Math.min(counts.basin_offices, BASIN_OFFICES.length),
  };
}

/**
 * Builds the demo into a temporary file beside the target and renames it into place only when every
 * step succeeded: a demo that fails or is stopped halfway leaves no half-built database behind, and
 * an existing file is never touched.
 */
export async function runDemo(options: DemoOptions): Promise<DemoSummary> {
  if (options.path === ':memory:') return buildDemo(options);
  if (existsSync(options.path)) throw new Refusal('demo-file-exists', { file: options.path });
  const building = join(dirname(options.path), `.${basename(options.path)}.building-${process.pid}`);
  const removeBuilding = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal', '.seen']) rmSync(`${building}${suffix}`, { force: true });
  };
  removeBuilding();
  try {
    const summary = await buildDemo({ ...options, path: building });
    renameSync(building, options.path);
    return summary;
  } finally {
    removeBuilding();
  }
}

/**
 * The installation's two origins, from the seed: every event's hash covers its origin, so a random
 * one would make each build's journal differ. Two files of one seed share them, as copies of one file do.
 */
async function seedIdentity(path: string, seed: number): Promise<void> {
  let n = 0;
  const next = () => {
    n += 1;
    const hex = createHash('sha256').update(`daftari-demo-origin ${seed} ${n}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  const { store } = await openStore(path, { migrations: registry.migrations });
  try {
    ensureIdentity(store, next);
  } finally {
    closeStore(store);
  }
}

/**
 * The key the build signs with, from the seed: an approved permit carries a code made with it, so the
 * same seed gives the same journal. It is kept in memory only; the file's own key is made at first use.
 */
function seededKeyPem(seed: number): string {
  const secret = createHash('sha256').update(`daftari-demo-signing-key ${seed}`).digest();
  // PKCS#8 for an Ed25519 private key: a fixed header, then the key's 32 bytes.
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), secret]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString();
}

async function call<K extends RouteName>(core: Core, token: string | null, route: K, input: RouteInput<K>): Promise<RouteOutput<K>> {
  const { result } = await core.call(token, route, input);
  if (!result.ok) throw new Refusal(result.error.code, result.error.params, result.error.fields);
  return result.value as RouteOutput<K>;
}

async function buildDemo(options: DemoOptions): Promise<DemoSummary> {
  const counts = demoCounts(options);
  const date = options.date ?? addDays(workingDay(systemClock.now()), -1);
  if (!isCalendarDate(date)) throw new Error(`not a day: ${date}`);
  const progress = new Progress(options.progress ?? (() => {}), options.progressEveryMs);
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const admin = { ...DEMO_ADMIN, ...options.admin };
  // The records are entered from 08:00 in Dar es Salaam on `date`, each command a step later.
  const clock = manualClock(`${date}T05:00:00.000Z`);
  if (options.path !== ':memory:') await seedIdentity(options.path, options.seed);
  const core = await openCore({
    path: options.path,
    clock,
    ids: seededIds(options.seed),
    hasher: seededHasher(options.seed),
    keyStore: memoryKeyStore(seededKeyPem(options.seed)),
    idleLimitMs: 24 * 3_600_000,
  });
  const batches = new Batches(core, clock);
  try {
    progress.start('accounts', 1 + DEMO_USERS.length);
    const institutionName = 'Wizara ya Maji';
    const setup = await core.call(null, 'setup.initialize', {
      institution: {
        name: institutionName,
        code: 'MAJI',
        postal_address: 'S.L.P. 456, Mji wa Serikali Mtumba, 40473 Dodoma',
        accounting_officer_title: 'Katibu Mkuu',
        head_title: 'Katibu Mkuu',
      },
      admin: { ...admin, confirm: admin.password },
    });
    if (!setup.result.ok) throw new Refusal(setup.result.error.code, setup.result.error.params);
    const token = setup.session as string;
    const asAdmin = batches.as(token);
    for (const user of DEMO_USERS) await asAdmin('users.create', { ...user, temporary_password: DEMO_TEMPORARY_PASSWORD });
    progress.finish();

    const bookEnd = date;
    const bookStart = addDays(bookEnd, -Math.round(365.25 * counts.years));
    const regions = REGIONS.filter((r) => r !== 'Dodoma').slice(0, counts.regional_offices);
    const basins = BASIN_OFFICES.slice(0, counts.basin_offices);
    progress.start('places', DEPARTMENTS.length + HEAD_OFFICE_ROOMS.length + regions.length + basins.length);
    const departmentIds: string[] = [];
    for (const [name, code] of DEPARTMENTS) departmentIds.push((await asAdmin('departments.create', { name, code })).id);
    const locations: DemoLocation[] = [];
    for (const [name, building] of HEAD_OFFICE_ROOMS) {
      const { id } = await asAdmin('locations.create', { name, building, region: 'Dodoma' });
      locations.push({ id, region: 'Dodoma', headOffice: true, serverRoom: name === 'Chumba cha Seva' });
    }
    for (const region of regions) {
      const { id } = await asAdmin('locations.create', { name: `Ofisi ya Maji Mkoa wa ${region}`, building: `Ofisi ya Mkuu wa Mkoa, ${region}`, region });
      locations.push({ id, region, headOffice: false, serverRoom: false });
    }
    for (const [name, town, region] of basins) {
      const { id } = await asAdmin('locations.create', { name, building: `Ofisi za Bodi, ${town}`, region });
      locations.push({ id, region, headOffice: false, serverRoom: false });
    }
    progress.finish();
    // Each office's ICT officers: the head office's own, and two or three in every other.
    const officers = new Map<string, string[]>([['Dodoma', [...HEAD_OFFICE_OFFICERS, `${pick(FIRST_NAMES)} ${pick(SURNAMES)}`]]]);
    for (const { region } of locations) {
      if (!officers.has(region)) officers.set(region, Array.from({ length: 2 + Math.floor(random() * 2) }, () => `${pick(FIRST_NAMES)} ${pick(SURNAMES)}`));
    }

    // The ICT officers are staff too: registered first, in the ICT unit, they hold their offices' servers,
    // switches and UPSes and sign the log book's work.
    const officerCount = [...officers.values()].reduce((sum, names) => sum + names.length, 0);
    progress.start('people', officerCount + counts.people);
    const checkNumbers = new Set<string>();
    const checkNumber = () => {
      let check = '';
      do check = String(10_000_000 + Math.floor(random() * 89_999_999));
      while (checkNumbers.has(check));
      checkNumbers.add(check);
      return check;
    };
    const phoneNumber = () =>
      `+255 7${pick(['1', '5', '6', '8'])}${Math.floor(random() * 10)} ${String(Math.floor(random() * 1000)).padStart(3, '0')} ${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
    const ictUnit = departmentIds[DEPARTMENTS.findIndex(([, code]) => code === 'ICT')] ?? null;
    const officerPeople = new Map<string, { id: string; name: string }[]>();
    let registered = 0;
    for (const [region, names] of officers) {
      const held: { id: string; name: string }[] = [];
      for (const name of names) {
        const [first, ...rest] = name.split(' ');
        const person = await asAdmin('people.register', {
          full_name: name,
          check_number: checkNumber(),
          title: 'Afisa TEHAMA',
          department_id: ictUnit,
          institution: '',
          phone: phoneNumber(),
          email: `${first}.${rest.join('.')}${registered}@maji.go.tz`.toLowerCase(),
        });
        held.push({ id: person.id, name });
        registered += 1;
        progress.tick(registered);
      }
      officerPeople.set(region, held);
    }
    let deactivated = 0;
    const activePeople: { id: string; name: string }[] = [];
    for (let i = 0; i < counts.people; i += 1) {
      const first = pick(FIRST_NAMES);
      const last = pick(SURNAMES);
      // Most sign with their father's name between their own and the family's.
      const fullName = random() < 0.6 ? `${first} ${pick(FIRST_NAMES)} ${last}` : `${first} ${last}`;
      const outside = random() < 0.05;
      const person = await asAdmin('people.register', {
        full_name: fullName,
        check_number: checkNumber(),
        title: pick(TITLES),
        department_id: outside ? null : pick(departmentIds),
        institution: outside ? pick(OTHER_INSTITUTIONS) : '',
        phone: phoneNumber(),
        email: outside ? '' : `${first}.${last}${i}@maji.go.tz`.toLowerCase(),
      });
      // A few have transferred or retired since: kept in the register, marked inactive.
      if (random() < 0.04) {
        await asAdmin('people.deactivate', { person_id: person.id });
        deactivated += 1;
      } else if (!outside) {
        activePeople.push({ id: person.id, name: fullName });
      }
      registered += 1;
      progress.tick(registered);
    }
    progress.finish();

    // 3.6.1: the procedure is the Head of Institution's to approve; a first sign-in changes the password.
    batches.commit();
    const head = await core.call(null, 'auth.sign-in', { username: 'katibu.mkuu', password: DEMO_TEMPORARY_PASSWORD });
    if (!head.result.ok) throw new Refusal(head.result.error.code, head.result.error.params);
    const headToken = head.session as string;
    await call(core, headToken, 'auth.change-password', { current: DEMO_TEMPORARY_PASSWORD, next: DEMO_HEAD_PASSWORD, confirm: DEMO_HEAD_PASSWORD });
    clock.advance(STEP_MS);
    const book = { start: bookStart, end: bookEnd };
    const { providers, plans } = await proceduresDemo(asAdmin, batches.as(headToken), book, progress);
    const devices = await devicesDemo(asAdmin, {
      devices: counts.devices,
      random,
      today: date,
      years: counts.years,
      people: activePeople,
      officers: officerPeople,
      locations,
      departmentIds,
      providers,
      progress,
    });
    const logBook = await logBookDemo(asAdmin, { entries: counts.entries, random, book, devices, plans, providers, officers, progress });
    // Custody as the log book left it: a device at or away for repair is neither handed over nor taken out.
    const custodyDevices = core.services.store.sqlite
      .prepare('SELECT id, category, status, custodian_id, classification FROM assets ORDER BY created_at, id')
      .all() as CustodyDevice[];
    const room = (name: string) => locations[HEAD_OFFICE_ROOMS.findIndex(([n]) => n === name)]?.id;
    const headOfficers = officerPeople.get('Dodoma') ?? [];
    const custody = await custodyDemo(asAdmin, batches.as(headToken), {
      handovers: counts.handovers,
      off_premises: counts.off_premises,
      personal_devices: counts.personal_devices,
      flash_disks: counts.flash_disks,
      random,
      today: date,
      devices: custodyDevices,
      people: [...headOfficers, ...activePeople],
      officers: headOfficers,
      stores: [room('Stoo ya Vifaa'), room('Ofisi ya TEHAMA'), ...locations.filter((l) => !l.headOffice).map((l) => l.id)].filter((id): id is string => id !== undefined),
      progress,
    });
    // 3.6.12: the records officer prepares the batches; the Accounting Officer approves them.
    batches.commit();
    const records = await core.call(null, 'auth.sign-in', { username: DEMO_RECORDS_OFFICER, password: DEMO_TEMPORARY_PASSWORD });
    if (!records.result.ok) throw new Refusal(records.result.error.code, records.result.error.params);
    const recordsToken = records.session as string;
    await call(core, recordsToken, 'auth.change-password', { current: DEMO_TEMPORARY_PASSWORD, next: DEMO_RECORDS_PASSWORD, confirm: DEMO_RECORDS_PASSWORD });
    clock.advance(STEP_MS);
    const disposal = await disposalDemo(asAdmin, batches.as(recordsToken), batches.as(headToken), {
      batches: counts.disposal_batches,
      random,
      today: date,
      devices: disposalDevices(core.services.store, 40 + counts.disposal_batches * 4),
      officers: headOfficers,
      progress,
    });
    // Issue 13: the records officer chairs the committee; the ICT side moves, corrects and registers.
    const stocktake = await stocktakeDemo(batches.as(recordsToken), asAdmin, core.services.store, {
      random,
      today: date,
      people: activePeople,
      headOffice: locations.filter((l) => l.headOffice).map((l) => l.id),
    });
    batches.commit();
    await call(core, recordsToken, 'auth.sign-out', {});
    await call(core, headToken, 'auth.sign-out', {});
    await call(core, token, 'auth.sign-out', {});
    return {
      institution: institutionName,
      seed: options.seed,
      date,
      admin: { username: admin.username, password: admin.password },
      users: DEMO_USERS.map((u) =>
        u.username === 'katibu.mkuu'
          ? { username: u.username, roles: u.roles, password: DEMO_HEAD_PASSWORD }
          : u.username === DEMO_RECORDS_OFFICER
            ? { username: u.username, roles: u.roles, password: DEMO_RECORDS_PASSWORD }
            : { username: u.username, roles: u.roles, temporary_password: DEMO_TEMPORARY_PASSWORD },
      ),
      departments: departmentIds.length,
      locations: locations.length,
      regional_offices: regions.length + basins.length,
      people: registered,
      inactive_people: deactivated,
      register: { devices: devices.length, procedures: 2, providers: providers.length, plans: plans.size, ...logBook },
      custody,
      disposal,
      stocktake,
      build_seconds: Math.round(progress.elapsed() / 100) / 10,
    };
  } catch (error) {
    batches.rollback();
    throw error;
  } finally {
    core.close();
  }
}

