// `daftari demo`: a realistic institution created through the real command path (same routes, same
// checks), deterministic for a seed. Each area of the product adds its own part here.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { seededIds, seededRandom } from '../core/clock.ts';
import { Refusal } from '../core/refusal.ts';
import { openCore, type Core } from '../core.ts';
import type { Role } from '../users/contract.ts';
import type { RouteInput, RouteName, RouteOutput } from '../contract/routes.ts';
import { caller, registerDemo, type RegisterDemoSummary } from './register.ts';
import { DEPARTMENTS, FIRST_NAMES, HEAD_OFFICE_ROOMS, OTHER_INSTITUTIONS, REGIONS, SURNAMES, TITLES } from './names.ts';

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

const SCALES = {
  small: { people: 60, regionalOffices: 3, devices: 60 },
  large: { people: 3000, regionalOffices: REGIONS.length - 1, devices: 8000 },
} as const;
/** The Head of Institution's own password after the first sign-in, when the demo approves the procedure. */
export const DEMO_HEAD_PASSWORD = 'Utaratibu#2026Tz';

export interface DemoOptions {
  path: string;
  scale: keyof typeof SCALES;
  seed: number;
  /** The first administrator's sign-in (`daftari demo --admin … --password …`); DEMO_ADMIN's by default. */
  admin?: { username: string; password: string };
  progress?: (line: string) => void;
}

export interface DemoSummary {
  institution: string;
  admin: { username: string; password: string };
  users: ({ username: string; roles: Role[] } & ({ temporary_password: string } | { password: string }))[];
  departments: number;
  locations: number;
  people: number;
  inactive_people: number;
  register: RegisterDemoSummary;
}

async function call<K extends RouteName>(core: Core, token: string | null, route: K, input: RouteInput<K>): Promise<RouteOutput<K>> {
  const { result } = await core.call(token, route, input);
  if (!result.ok) throw new Refusal(result.error.code, result.error.params, result.error.fields);
  return result.value as RouteOutput<K>;
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
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${building}${suffix}`, { force: true });
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

async function buildDemo(options: DemoOptions): Promise<DemoSummary> {
  const scale = SCALES[options.scale];
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const say = options.progress ?? (() => {});
  const admin = { ...DEMO_ADMIN, ...options.admin };
  const core = await openCore({ path: options.path, ids: seededIds(options.seed) });
  try {
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
    const token = setup.session ?? null;

    say('users');
    for (const user of DEMO_USERS) {
      await call(core, token, 'users.create', { ...user, temporary_password: DEMO_TEMPORARY_PASSWORD });
    }

    say('departments and locations');
    const departmentIds: string[] = [];
    for (const [name, code] of DEPARTMENTS) departmentIds.push((await call(core, token, 'departments.create', { name, code })).id);
    const locationIds: string[] = [];
    for (const [name, building] of HEAD_OFFICE_ROOMS) locationIds.push((await call(core, token, 'locations.create', { name, building, region: 'Dodoma' })).id);
    for (const region of REGIONS.filter((r) => r !== 'Dodoma').slice(0, scale.regionalOffices)) {
      locationIds.push(
        (await call(core, token, 'locations.create', { name: `Ofisi ya Maji Mkoa wa ${region}`, building: `Ofisi ya Mkuu wa Mkoa, ${region}`, region })).id,
      );
    }

    say(`people (${scale.people})`);
    const checkNumbers = new Set<string>();
    let deactivated = 0;
    const activePeople: string[] = [];
    for (let i = 0; i < scale.people; i += 1) {
      const first = pick(FIRST_NAMES);
      const last = pick(SURNAMES);
      let check = '';
      do check = String(10_000_000 + Math.floor(random() * 89_999_999));
      while (checkNumbers.has(check));
      checkNumbers.add(check);
      const outside = random() < 0.05;
      const phone = `+255 7${pick(['1', '5', '6', '8'])}${Math.floor(random() * 10)} ${String(Math.floor(random() * 1000)).padStart(3, '0')} ${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
      const person = await call(core, token, 'people.register', {
        full_name: `${first} ${last}`,
        check_number: check,
        title: pick(TITLES),
        department_id: outside ? null : pick(departmentIds),
        institution: outside ? pick(OTHER_INSTITUTIONS) : '',
        phone,
        email: outside ? '' : `${first}.${last}${i}@maji.go.tz`.toLowerCase(),
      });
      // A few have transferred or retired since: kept in the register, marked inactive.
      if (random() < 0.04) {
        await call(core, token, 'people.deactivate', { person_id: person.id });
        deactivated += 1;
      } else if (!outside) {
        activePeople.push(person.id);
      }
      if ((i + 1) % 500 === 0) say(`  ${i + 1}`);
    }
    // 3.6.1: the procedure is the Head of Institution's to approve; a first sign-in changes the password.
    const head = await core.call(null, 'auth.sign-in', { username: 'katibu.mkuu', password: DEMO_TEMPORARY_PASSWORD });
    const headToken = head.session ?? null;
    await call(core, headToken, 'auth.change-password', { current: DEMO_TEMPORARY_PASSWORD, next: DEMO_HEAD_PASSWORD, confirm: DEMO_HEAD_PASSWORD });
    const register = await registerDemo(caller(core, token), {
      devices: scale.devices,
      random,
      peopleIds: activePeople,
      locationIds,
      departmentIds,
      head: caller(core, headToken),
      say,
    });
    await call(core, headToken, 'auth.sign-out', {});
    await call(core, token, 'auth.sign-out', {});
    return {
      institution: institutionName,
      admin: { username: admin.username, password: admin.password },
      users: DEMO_USERS.map((u) =>
        u.username === 'katibu.mkuu'
          ? { username: u.username, roles: u.roles, password: DEMO_HEAD_PASSWORD }
          : { username: u.username, roles: u.roles, temporary_password: DEMO_TEMPORARY_PASSWORD },
      ),
      departments: DEPARTMENTS.length,
      locations: HEAD_OFFICE_ROOMS.length + Math.min(scale.regionalOffices, REGIONS.length - 1),
      people: scale.people,
      inactive_people: deactivated,
      register,
    };
  } finally {
    core.close();
  }
}
