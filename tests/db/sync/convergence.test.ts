// The promise of sync (DESIGN.md, "Sync bundles"): installations that end up holding the same events
// hold the same rows and show the same conflicts, whatever each did on its own, and in whatever order,
// how often and by which route the bundles travelled.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { workingDay } from '../../../db/contract/days.ts';
import { domain } from '../../../db/domain.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { addUser, okValue, rowsOf } from '../../helpers/core.ts';
import {
  conflictsOf,
  deviceUpdate,
  eventsOf,
  exportBundle,
  importBundle,
  knowsPeer,
  openReplica,
  registerDevice,
  sharedDigest,
  TODAY,
  type Imported,
  type Replica,
} from '../../helpers/sync.ts';

const TAGS = ['MAJI/ICT/2025/00001', 'MAJI/ICT/2025/00002', 'KIBANDIKO-7'] as const;
const SERIALS = ['DL5440-77X', 'HP-840-G9'] as const;
const NAMES = ['Zuhura Said', 'Hamisi Juma', 'Rehema Mollel', 'Ally Hassan'] as const;
const PLACES = ['Uhasibu', 'TEHAMA', 'Utawala'] as const;
const TAG_FORMATS = ['{CODE}/ICT/{YYYY}/{SEQ}', 'MAJI-{CAT}-{SEQ}'] as const;
const PD_SERIALS = ['SM-A525F-01', 'MBP-C02XK', 'TAB-7731'] as const;
/** The custody areas' projections (handovers, off-premises permits, personal devices, removable media), compared besides the shared tables. */
const CUSTODY_TABLES = ['handovers', 'handover_settings', 'movements', 'personal_devices', 'media_issues', 'media_wipes', 'media_incidents'] as const;

const replicaIndex = fc.integer({ min: 0, max: 2 });
const pick = fc.nat({ max: 50 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
/** How far a custody step goes on at once on its installation (decided, received or out, back…), as an officer often does. */
const steps = fc.nat({ max: 3 });

type Op =
  | { kind: 'person'; r: number; name: number; department: number | null }
  | { kind: 'person-update'; r: number; pick: number; name: number }
  | { kind: 'person-active'; r: number; pick: number; active: boolean }
  | { kind: 'department'; r: number; name: number }
  | { kind: 'department-update'; r: number; pick: number; name: number; active: boolean }
  | { kind: 'location'; r: number; name: number }
  | { kind: 'location-update'; r: number; pick: number; name: number; active: boolean }
  | { kind: 'device'; r: number; tag: number | null; serial: number | null; custodian: number | null; location: number | null; media: number }
  | { kind: 'device-update'; r: number; pick: number; custodian: number | null; tag: number | null; location: number | null }
  | { kind: 'report'; r: number; pick: number }
  | { kind: 'diagnose'; r: number; pick: number }
  | { kind: 'send-away'; r: number; pick: number }
  | { kind: 'return'; r: number; pick: number }
  | { kind: 'close'; r: number; pick: number; outcome: number }
  | { kind: 'remove-storage'; r: number; pick: number }
  | { kind: 'reinstall-storage'; r: number; pick: number }
  | { kind: 'resolve'; r: number; pick: number }
  | { kind: 'tag-format'; r: number; format: number }
  | { kind: 'category'; r: number; name: number }
  | { kind: 'tick'; r: number; ms: number }
  | { kind: 'medium'; r: number }
  | { kind: 'handover-prepare'; r: number; device: number; to: number; receiver: number; steps: number }
  | { kind: 'handover-decide'; r: number; pick: number; approve: boolean }
  | { kind: 'handover-receive'; r: number; pick: number }
  | { kind: 'handover-cancel'; r: number; pick: number }
  | { kind: 'permit-request'; r: number; device: number; holder: number; steps: number }
  | { kind: 'permit-decide'; r: number; pick: number; approve: boolean }
  | { kind: 'permit-check-out'; r: number; pick: number }
  | { kind: 'permit-check-in'; r: number; pick: number }
  | { kind: 'permit-revoke'; r: number; pick: number }
  | { kind: 'pd-register'; r: number; owner: number; serial: number; steps: number }
  | { kind: 'pd-decide'; r: number; pick: number; approve: boolean }
  | { kind: 'pd-revoke'; r: number; pick: number }
  | { kind: 'media-issue'; r: number; medium: number; person: number; steps: number }
  | { kind: 'media-return'; r: number; pick: number }
  | { kind: 'media-void'; r: number; pick: number }
  | { kind: 'media-wipe'; r: number; medium: number }
  | { kind: 'media-report'; r: number; medium: number; lost: boolean }
  | { kind: 'media-found'; r: number; pick: number }
  | { kind: 'sync'; from: number; to: number; onlyUnacknowledged: boolean; twice: boolean }
  | { kind: 'misdeliver'; from: number; to: number; via: number }
  | { kind: 'late'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('person' as const), r: replicaIndex, name: fc.nat({ max: NAMES.length - 1 }), department: maybe(pick) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('person-update' as const), r: replicaIndex, pick, name: fc.nat({ max: NAMES.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('person-active' as const), r: replicaIndex, pick, active: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('department' as const), r: replicaIndex, name: fc.nat({ max: PLACES.length - 1 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('department-update' as const), r: replicaIndex, pick, name: fc.nat({ max: PLACES.length - 1 }), active: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('location' as const), r: replicaIndex, name: fc.nat({ max: PLACES.length - 1 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('location-update' as const), r: replicaIndex, pick, name: fc.nat({ max: PLACES.length - 1 }), active: fc.boolean() }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('device' as const),
      r: replicaIndex,
      tag: maybe(fc.nat({ max: TAGS.length - 1 })),
      serial: maybe(fc.nat({ max: SERIALS.length - 1 })),
      custodian: maybe(pick),
      location: maybe(pick),
      media: fc.nat({ max: 2 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('device-update' as const),
      r: replicaIndex,
      pick,
      custodian: maybe(pick),
      tag: maybe(fc.nat({ max: TAGS.length - 1 })),
      location: maybe(pick),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('report' as const), r: replicaIndex, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('diagnose' as const), r: replicaIndex, pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('send-away' as const), r: replicaIndex, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('return' as const), r: replicaIndex, pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('close' as const), r: replicaIndex, pick, outcome: fc.nat({ max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove-storage' as const), r: replicaIndex, pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reinstall-storage' as const), r: replicaIndex, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), r: replicaIndex, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tag-format' as const), r: replicaIndex, format: fc.nat({ max: TAG_FORMATS.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('category' as const), r: replicaIndex, name: fc.nat({ max: PLACES.length - 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), r: replicaIndex, ms: fc.integer({ min: 1, max: 3_600_000 }) }) },
  // The custody areas (issue 10): handovers, off-premises permits, personal devices, removable media.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('medium' as const), r: replicaIndex }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('handover-prepare' as const), r: replicaIndex, device: pick, to: fc.nat({ max: 3 }), receiver: pick, steps }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('handover-decide' as const), r: replicaIndex, pick, approve: fc.nat({ max: 3 }).map((n) => n > 0) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('handover-receive' as const), r: replicaIndex, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('handover-cancel' as const), r: replicaIndex, pick }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('permit-request' as const), r: replicaIndex, device: pick, holder: pick, steps }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('permit-decide' as const), r: replicaIndex, pick, approve: fc.nat({ max: 3 }).map((n) => n > 0) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('permit-check-out' as const), r: replicaIndex, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('permit-check-in' as const), r: replicaIndex, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('permit-revoke' as const), r: replicaIndex, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pd-register' as const), r: replicaIndex, owner: pick, serial: fc.nat({ max: PD_SERIALS.length - 1 }), steps }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pd-decide' as const), r: replicaIndex, pick, approve: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pd-revoke' as const), r: replicaIndex, pick }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('media-issue' as const), r: replicaIndex, medium: pick, person: pick, steps }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('media-return' as const), r: replicaIndex, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('media-void' as const), r: replicaIndex, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('media-wipe' as const), r: replicaIndex, medium: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('media-report' as const), r: replicaIndex, medium: pick, lost: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('media-found' as const), r: replicaIndex, pick }) },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('sync' as const), from: replicaIndex, to: fc.integer({ min: 1, max: 2 }), onlyUnacknowledged: fc.boolean(), twice: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('misdeliver' as const), from: replicaIndex, to: fc.integer({ min: 1, max: 2 }), via: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('late' as const), pick }) },
);

/** Refusals a command may rightly give for a random request; anything else is a failure of the test or the core. */
const FINE = new Set([
  'name-taken',
  'check-number-taken',
  'tag-taken',
  'serial-taken',
  'person-inactive',
  'already-active',
  'already-deactivated',
  'entry-already-open',
  'entry-closed',
  'entry-offsite',
  'entry-not-offsite',
  'storage-not-removed',
  'medium-not-installed',
  'medium-not-removed',
  'asset-offsite',
  'department-not-found',
  'location-not-found',
  'conflict-not-found',
  // The custody areas: a device or a request in a state the random step did not expect.
  'handover-same-party',
  'handover-device-not-held',
  'handover-device-not-held-store',
  'handover-device-not-in-store',
  'handover-device-on-open-handover',
  'handover-device-transferred',
  'handover-device-lost',
  'handover-device-under-repair',
  'handover-device-away-for-repair',
  'handover-device-off-premises',
  'handover-device-on-permit',
  'handover-storage-medium-outside',
  'handover-not-pending',
  'handover-not-open',
  'handover-not-approved',
  'handover-received-before-prepared',
  'movement-device-on-request',
  'movement-device-out',
  'movement-device-unavailable',
  'movement-device-under-repair',
  'movement-justification-required',
  'movement-not-requested',
  'movement-not-approved',
  'movement-not-out',
  'movement-not-revocable',
  'movement-out-before-approval',
  'movement-out-before-permitted',
  'movement-back-before-out',
  'device-off-premises',
  'device-on-permit',
  'personal-device-duplicate',
  'personal-device-decided',
  'personal-device-not-approved',
  'media-already-issued',
  'media-unavailable',
  'media-issue-closed',
  'media-issue-not-doubled',
  'media-lost',
  'media-transferred',
  'media-report-not-open',
  'media-date-before-issue',
  'media-date-before-loss',
  'date-before-registration',
]);

interface Mail {
  from: number;
  to: number;
  bytes: Buffer;
}

interface Tally {
  done: Record<string, number>;
  refused: Record<string, number>;
  /** Conflicts the runs ended with, by kind. */
  conflicts: Record<string, number>;
  newEvents: number;
}

const tally: Tally = { done: {}, refused: {}, conflicts: {}, newEvents: 0 };
/** Each installation's Accounting Officer and Head of Institution (the approvers of the custody areas), by origin. */
const approvers = new Map<string, { accountant: string; head: string }>();

/** 50 in the suite; set DAFTARI_SYNC_RUNS for a longer hunt. */
const RUNS = Number(process.env.DAFTARI_SYNC_RUNS ?? 50);

function ids(r: Replica, sql: string): string[] {
  return (r.store.sqlite.prepare(sql).all() as { id: string }[]).map((row) => row.id);
}
function choose(list: string[], n: number | null): string | null {
  return n === null || list.length === 0 ? null : (list[n % list.length] as string);
}

async function command(r: Replica, kind: string, route: string, input: unknown, token: string = r.token): Promise<unknown> {
  // Random commands, some deliberately malformed: the raw call.
  const result = await r.t.callRaw(token, route, input);
  if (result.ok) {
    tally.done[kind] = (tally.done[kind] ?? 0) + 1;
    return result.value;
  }
  if (!FINE.has(result.error.code)) throw new Error(`${r.name} ${route} ${JSON.stringify(input)}: ${JSON.stringify(result.error)}`);
  tally.refused[result.error.code] = (tally.refused[result.error.code] ?? 0) + 1;
  return null;
}

/** Carries a bundle; a first import from an installation is accepted by the administrator. */
async function deliver(to: Replica, from: Replica, bytes: Buffer): Promise<Imported> {
  for (const event of eventsOf(bytes)) {
    // Accounts and this installation's own business never travel.
    expect(domain.events.get(event.type)?.scope).toBe('shared');
  }
  const imported = okValue<Imported>(await importBundle(to, bytes, !knowsPeer(to, from.origin)));
  tally.newEvents += imported.new_events;
  return imported;
}

async function run(replicas: Replica[], op: Op, mail: Mail[]): Promise<void> {
  if (op.kind === 'sync' || op.kind === 'misdeliver') {
    const from = replicas[op.from] as Replica;
    const to = replicas[(op.from + op.to) % 3] as Replica;
    if (op.kind === 'misdeliver') {
      // A bundle made for `to` carried to the third installation: taken, or refused for a gap — never half-applied.
      if (!knowsPeer(from, to.origin)) return;
      const third = replicas[(op.from + op.to + op.via) % 3] as Replica;
      if (third === from) return;
      const bytes = await exportBundle(from, to.origin);
      const result = await importBundle(third, bytes, !knowsPeer(third, from.origin));
      if (!result.ok) expect(result.error.code).toBe('bundle-gap');
      return;
    }
    const bytes = await exportBundle(from, op.onlyUnacknowledged && knowsPeer(from, to.origin) ? to.origin : null);
    mail.push({ from: op.from, to: (op.from + op.to) % 3, bytes });
    await deliver(to, from, bytes);
    if (op.twice) expect((await deliver(to, from, bytes)).new_events).toBe(0);
    return;
  }
  if (op.kind === 'late') {
    // An old bundle found on a flash disk and imported again, after newer ones.
    const letter = mail[op.pick % Math.max(1, mail.length)];
    if (letter) await deliver(replicas[letter.to] as Replica, replicas[letter.from] as Replica, letter.bytes);
    return;
  }
  const r = replicas[op.r] as Replica;
  const people = () => ids(r, 'SELECT id FROM people ORDER BY id');
  const activePeople = () => ids(r, 'SELECT id FROM people WHERE active = 1 ORDER BY id');
  const departments = () => ids(r, 'SELECT id FROM departments ORDER BY id');
  const locations = () => ids(r, 'SELECT id FROM locations ORDER BY id');
  const devices = () => ids(r, 'SELECT id FROM assets ORDER BY id');
  const openEntries = () => ids(r, "SELECT id FROM maintenance_entries WHERE state != 'closed' ORDER BY id");
  const media = () => ids(r, "SELECT id FROM assets WHERE category = 'flash_disk' ORDER BY id");
  const { accountant, head } = approvers.get(r.origin) as { accountant: string; head: string };
  const day = workingDay(r.clock.now());
  switch (op.kind) {
    case 'tick':
      r.clock.advance(op.ms);
      return;
    case 'person':
      await command(r, op.kind, 'people.register', { full_name: NAMES[op.name], department_id: choose(departments(), op.department) });
      return;
    case 'person-update': {
      const person = choose(people(), op.pick);
      if (person) await command(r, op.kind, 'people.update', { person_id: person, full_name: `${NAMES[op.name]} (${r.name})` });
      return;
    }
    case 'person-active': {
      const person = choose(people(), op.pick);
      if (person) await command(r, op.kind, op.active ? 'people.reactivate' : 'people.deactivate', { person_id: person });
      return;
    }
    case 'department':
      await command(r, op.kind, 'departments.create', { name: PLACES[op.name], code: '' });
      return;
    case 'department-update': {
      const id = choose(departments(), op.pick);
      if (id) await command(r, op.kind, 'departments.update', { department_id: id, name: `${PLACES[op.name]} ${r.name}`, code: 'X', active: op.active });
      return;
    }
    case 'location':
      await command(r, op.kind, 'locations.create', { name: PLACES[op.name], building: 'Maji House', region: 'Dodoma' });
      return;
    case 'location-update': {
      const id = choose(locations(), op.pick);
      if (id) await command(r, op.kind, 'locations.update', { location_id: id, name: `${PLACES[op.name]} ${r.name}`, building: '', region: '', active: op.active });
      return;
    }
    case 'device':
      await command(r, op.kind, 'assets.register', {
        tag: op.tag === null ? '' : TAGS[op.tag],
        category: 'laptop',
        make: 'Dell',
        model: 'Latitude',
        serial: op.serial === null ? '' : SERIALS[op.serial],
        custodian_id: choose(activePeople(), op.custodian),
        location_id: choose(locations(), op.location),
        media: Array.from({ length: op.media }, (_, i) => ({ kind: i === 0 ? 'ssd' : 'hdd', capacity_gb: 256, serial: `M-${r.name}-${i}` })),
      });
      return;
    case 'device-update': {
      const id = choose(devices(), op.pick);
      if (!id) return;
      const changes: Record<string, unknown> = { custodian_id: choose(activePeople(), op.custodian), notes: `Imesasishwa na ${r.name}` };
      if (op.tag !== null) changes.tag = TAGS[op.tag];
      if (op.location !== null) changes.location_id = choose(locations(), op.location);
      await command(r, op.kind, 'assets.update', await deviceUpdate(r, id, changes));
      return;
    }
    case 'report': {
      const id = choose(devices(), op.pick);
      if (id) await command(r, op.kind, 'maintenance.report', { asset_id: id, reported_on: TODAY, reported_by: 'Zuhura Said', symptoms: `Hitilafu (${r.name})` });
      return;
    }
    case 'diagnose': {
      const id = choose(openEntries(), op.pick);
      if (id) await command(r, op.kind, 'maintenance.diagnose', { entry_id: id, diagnosis: `Betri imekufa (${r.name})` });
      return;
    }
    case 'send-away': {
      // 3.6.2–3.6.3 as an officer does it: an outside provider, every disk out, then the device leaves.
      const id = choose(openEntries(), op.pick);
      if (!id) return;
      const entry = r.store.sqlite.prepare('SELECT asset_id, state, technician_type FROM maintenance_entries WHERE id = ?').get(id) as {
        asset_id: string;
        state: string;
        technician_type: string | null;
      };
      if (entry.state === 'off_site') return;
      if (entry.technician_type !== 'external') {
        let provider = ids(r, 'SELECT id FROM providers WHERE active = 1 ORDER BY id')[0];
        provider ??= ((await command(r, 'provider', 'providers.register', { name: `Techno Brain (${r.name})` })) as { id: string }).id;
        await command(r, 'assign', 'maintenance.assign', { entry_id: id, technician: { type: 'external', provider_id: provider, job_ref: 'JC-1', supervisor_name: 'Juma Ally' } });
      }
      for (const medium of ids(r, `SELECT id FROM storage_media WHERE asset_id = '${entry.asset_id}' AND state = 'installed' ORDER BY id`)) {
        await command(r, 'remove-storage', 'drives.remove', { medium_id: medium, removed_by: 'Juma', witnessed_by: 'Neema', kept_at: 'Kabati', removed_on: TODAY, entry_id: id });
      }
      await command(r, op.kind, 'maintenance.send-offsite', { entry_id: id, sent_on: TODAY });
      return;
    }
    case 'return': {
      const id = choose(ids(r, "SELECT id FROM maintenance_entries WHERE state = 'off_site' ORDER BY id"), op.pick);
      if (id) await command(r, op.kind, 'maintenance.return', { entry_id: id, returned_on: TODAY });
      return;
    }
    case 'close': {
      const id = choose(openEntries(), op.pick);
      const outcome = ['repaired', 'part_replaced', 'beyond_repair', 'no_fault'][op.outcome];
      if (id) {
        // Issue 7: an outcome that says work was done needs who did it and what was done; "no fault
        // found" needs its reason.
        if (outcome !== 'no_fault') {
          await command(r, op.kind, 'maintenance.assign', { entry_id: id, technician: { type: 'internal', name: 'Juma' } });
          await command(r, op.kind, 'maintenance.record-work', { entry_id: id, actions: 'Kazi imefanyika' });
        }
        await command(r, op.kind, 'maintenance.close', { entry_id: id, closed_on: TODAY, outcome, reason: outcome === 'no_fault' ? 'Hakuna hitilafu' : '' });
      }
      return;
    }
    case 'remove-storage': {
      const id = choose(ids(r, "SELECT id FROM storage_media WHERE state = 'installed' ORDER BY id"), op.pick);
      if (id) await command(r, op.kind, 'drives.remove', { medium_id: id, removed_by: 'Juma', witnessed_by: 'Neema', kept_at: 'Kabati', removed_on: TODAY, entry_id: null });
      return;
    }
    case 'reinstall-storage': {
      const id = choose(ids(r, "SELECT id FROM storage_media WHERE state = 'removed' ORDER BY id"), op.pick);
      if (id) await command(r, op.kind, 'drives.reinstall', { medium_id: id, reinstalled_by: 'Juma', reinstalled_on: TODAY, entry_id: null });
      return;
    }
    case 'tag-format':
      await command(r, op.kind, 'assets.set-tag-format', { tag_format: TAG_FORMATS[op.format] });
      return;
    case 'category':
      await command(r, op.kind, 'categories.create', { name_sw: `Kifaa ${PLACES[op.name]}`, name_en: `Device ${op.name}`, can_hold_records: op.name % 2 === 0 });
      return;
    case 'medium':
      await command(r, op.kind, 'assets.register', { category: 'flash_disk', make: 'Kingston', model: 'DataTraveler 32 GB', media: [] });
      return;
    case 'handover-prepare': {
      // As an officer does it: from whoever holds the device now, to someone else, the store or another institution.
      const device = choose(ids(r, "SELECT id FROM assets WHERE status IN ('in_service', 'in_store') ORDER BY id"), op.device);
      if (!device) return;
      const holder = (r.store.sqlite.prepare('SELECT custodian_id FROM assets WHERE id = ?').get(device) as { custodian_id: string | null }).custodian_id;
      const receiver = choose(activePeople(), op.receiver);
      let kind = 'handover';
      let to: Record<string, string>;
      if (op.to === 0 && holder) {
        kind = 'return';
        to = { type: 'store' };
      } else if (op.to === 1) to = { type: 'institution', institution_name: 'Wizara ya Afya', officer_name: 'Dkt. Neema Kimaro' };
      else if (receiver) to = { type: 'person', person_id: receiver };
      else return;
      const from = holder ? { type: 'person', person_id: holder } : { type: 'store' };
      const lines = [{ asset_id: device, condition: 'good', accessories: '' }];
      const prepared = (await command(r, op.kind, 'handovers.prepare', { kind, from, to, lines, reason: `Kazi mpya (${r.name})` })) as { id: string } | null;
      if (!prepared || op.steps === 0) return;
      if (op.steps === 3) {
        await command(r, 'handover-cancel', 'handovers.cancel', { handover_id: prepared.id, reason: 'Imeahirishwa' });
        return;
      }
      await command(r, 'handover-decide', 'handovers.decide', { handover_id: prepared.id, decision: 'approved', reason: '' }, accountant);
      if (op.steps === 2) await command(r, 'handover-receive', 'handovers.receive', { handover_id: prepared.id, received_on: day, received_by: 'Mpokeaji' });
      return;
    }
    case 'handover-decide': {
      const id = choose(ids(r, "SELECT id FROM handovers WHERE state = 'pending' ORDER BY id"), op.pick);
      if (id) await command(r, op.kind, 'handovers.decide', { handover_id: id, decision: op.approve ? 'approved' : 'rejected', reason: 'Imeamuliwa' }, accountant);
      return;
    }
    case 'handover-receive': {
      const id = choose(ids(r, "SELECT id FROM handovers WHERE state = 'approved' ORDER BY id"), op.pick);
      if (id) await command(r, op.kind, 'handovers.receive', { handover_id: id, received_on: day, received_by: 'Mpokeaji' });
      return;
    }
    case 'handover-cancel': {
      const id = choose(ids(r, "SELECT id FROM handovers WHERE state IN ('pending', 'approved') ORDER BY id"), op.pick);
      if (id) await command(r, op.kind, 'handovers.cancel', { handover_id: id, reason: 'Imeahirishwa' });
      return;
    }
    case 'permit-request': {
      const device = choose(devices(), op.device);
      const holder = choose(activePeople(), op.holder);
      if (!device || !holder) return;
      const request = { holder_id: holder, asset_ids: [device], purpose: `Warsha (${r.name})`, destination: 'Arusha', date_out: day, due_on: day, data_held: 'Rasimu ya bajeti' };
      const requested = (await command(r, op.kind, 'movements.request', request)) as { id: string } | null;
      if (!requested || op.steps === 0) return;
      const decided = await command(r, 'permit-decide', 'movements.decide', { request_id: requested.id, decision: 'approved', reason: '', justification: 'Kazi ya Serikali' }, accountant);
      if (!decided || op.steps === 1) return;
      await command(r, 'permit-check-out', 'movements.check-out', { request_id: requested.id, out_on: day });
      if (op.steps === 3) await command(r, 'permit-check-in', 'movements.check-in', { request_id: requested.id, returned_on: day, condition: 'good', notes: '' });
      return;
    }
    case 'permit-decide': {
      const id = choose(ids(r, "SELECT id FROM movements WHERE state = 'requested' ORDER BY id"), op.pick);
      if (id) await command(r, op.kind, 'movements.decide', { request_id: id, decision: op.approve ? 'approved' : 'rejected', reason: op.approve ? '' : 'Haihitajiki' }, accountant);
      return;
    }
    case 'permit-check-out': {
      const id = choose(ids(r, "SELECT id FROM movements WHERE state = 'approved' ORDER BY id"), op.pick);
      if (id) await command(r, op.kind, 'movements.check-out', { request_id: id, out_on: day });
      return;
    }
    case 'permit-check-in': {
      const id = choose(ids(r, "SELECT id FROM movements WHERE out_on != '' AND returned_on = '' ORDER BY id"), op.pick);
      if (id) await command(r, op.kind, 'movements.check-in', { request_id: id, returned_on: day, condition: 'good', notes: '' });
      return;
    }
    case 'permit-revoke': {
      const id = choose(ids(r, "SELECT id FROM movements WHERE state IN ('approved', 'checked_out') ORDER BY id"), op.pick);
      if (id) await command(r, op.kind, 'movements.revoke', { request_id: id, reason: 'Kibali kimefutwa' }, accountant);
      return;
    }
    case 'pd-register': {
      const owner = choose(activePeople(), op.owner);
      if (!owner) return;
      const device = { owner_id: owner, kind: 'laptop', make: 'Lenovo', model: 'ThinkPad', serial: PD_SERIALS[op.serial], purpose: 'Kazi za ofisi', scope: 'Barua pepe ya Serikali' };
      const registered = (await command(r, op.kind, 'personal-devices.register', device)) as { id: string } | null;
      if (!registered || op.steps === 0) return;
      const decision = op.steps === 1 ? { decision: 'rejected', reason: 'Hakina kinga ya virusi' } : { decision: 'approved', expires_on: '2026-03-03' };
      await command(r, 'pd-decide', 'personal-devices.decide', { device_id: registered.id, ...decision }, head);
      if (op.steps === 3) await command(r, 'pd-revoke', 'personal-devices.revoke', { device_id: registered.id, reason: 'Mtumishi amehama' }, head);
      return;
    }
    case 'pd-decide': {
      const id = choose(ids(r, "SELECT id FROM personal_devices WHERE state = 'pending' ORDER BY id"), op.pick);
      if (!id) return;
      const decision = op.approve ? { decision: 'approved', expires_on: '2026-03-03' } : { decision: 'rejected', reason: 'Hakina kinga ya virusi' };
      await command(r, op.kind, 'personal-devices.decide', { device_id: id, ...decision }, head);
      return;
    }
    case 'pd-revoke': {
      const id = choose(ids(r, "SELECT id FROM personal_devices WHERE state = 'approved' ORDER BY id"), op.pick);
      if (id) await command(r, op.kind, 'personal-devices.revoke', { device_id: id, reason: 'Mtumishi amehama' }, head);
      return;
    }
    case 'media-issue': {
      const medium = choose(media(), op.medium);
      const person = choose(activePeople(), op.person);
      if (!medium || !person) return;
      const acknowledged = { government_work_only: true, no_personal_data: true, wipe_after_transfer: true };
      const issued = (await command(r, op.kind, 'media.issue', { asset_id: medium, person_id: person, purpose: 'Kuhamisha taarifa', issued_on: day, acknowledged })) as {
        open_issue_id: string | null;
      } | null;
      if (!issued?.open_issue_id || op.steps === 0) return;
      await command(r, 'media-return', 'media.return', { issue_id: issued.open_issue_id, returned_on: day, condition: op.steps === 3 ? 'damaged' : 'good', location_id: null, note: '' });
      if (op.steps >= 2) await command(r, 'media-wipe', 'media.wipe', { asset_id: medium, wiped_on: day, method: 'quick_format', wiped_by: 'Juma', witness: '', note: '' });
      return;
    }
    case 'media-return': {
      const id = choose(ids(r, "SELECT id FROM media_issues WHERE state = 'issued' ORDER BY id"), op.pick);
      if (id) await command(r, op.kind, 'media.return', { issue_id: id, returned_on: day, condition: 'good', location_id: null, note: '' });
      return;
    }
    case 'media-void': {
      const id = choose(ids(r, "SELECT id FROM media_issues WHERE state = 'issued' ORDER BY id"), op.pick);
      if (id) await command(r, op.kind, 'media.void-issue', { issue_id: id, reason: 'Utoaji ulirekodiwa mara mbili' });
      return;
    }
    case 'media-wipe': {
      const medium = choose(media(), op.medium);
      if (medium) await command(r, op.kind, 'media.wipe', { asset_id: medium, wiped_on: day, method: 'quick_format', wiped_by: 'Juma', witness: '', note: '' });
      return;
    }
    case 'media-report': {
      const medium = choose(media(), op.medium);
      if (medium) await command(r, op.kind, 'media.report', { asset_id: medium, kind: op.lost ? 'lost' : 'damaged', reported_on: day, note: `Imeripotiwa na ${r.name}` });
      return;
    }
    case 'media-found': {
      const id = choose(ids(r, "SELECT id FROM media_incidents WHERE kind = 'lost' AND state = 'open' ORDER BY id"), op.pick);
      if (id) await command(r, op.kind, 'media.found', { report_id: id, found_on: day, note: '' });
      return;
    }
    case 'resolve': {
      const id = choose((await conflictsOf(r)).map((c) => c.id), op.pick);
      if (id) await command(r, op.kind, 'conflicts.resolve', { conflict_id: id, note: `Imeshughulikiwa na ${r.name}` });
      return;
    }
  }
}

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.core.close();
});

describe('three installations converge', () => {
  it(
    'after any local work and any carrying of bundles, a final exchange leaves all three with the same shared rows and conflicts',
    async () => {
      const started = performance.now();
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30, size: 'max' }), fc.nat({ max: 2 }), fc.boolean(), async (ops, skew, shared) => {
          runs += 1;
          for (const r of open.splice(0)) r.core.close();
          // Each set up on its own, clocks a little apart (office PCs), the same institution.
          const replicas: Replica[] = [];
          for (const [i, name] of ['A', 'B', 'C'].entries()) {
            const start = new Date(Date.parse('2025-03-03T08:00:00.000Z') + ((i + skew) % 3) * 1_000).toISOString();
            const r = await openReplica(name, { seed: 100 + i, start, postalAddress: `S.L.P. ${456 + i}, Dodoma` });
            // Accounts are each installation's own: its approvers of handovers, permits and personal devices.
            const accountant = (await addUser(r.t, r.token, 'masuuli', ['accounting_officer'], `Bi. Rehema Kweka (${name})`)).token;
            const head = (await addUser(r.t, r.token, 'mkuu', ['head_of_institution'], `Dkt. Ally Hassan (${name})`)).token;
            approvers.set(r.origin, { accountant, head });
            replicas.push(r);
          }
          open.push(...replicas);
          const mail: Mail[] = [];
          // Half the runs start from records every installation knows, so the custody areas' steps find
          // servants, held and stored laptops and flash disks on each of them; the other half start empty.
          if (shared) {
            const first = replicas[0] as Replica;
            const people: string[] = [];
            for (const name of NAMES.slice(0, 3)) people.push((await first.ok('people.register', { full_name: name })).id);
            for (const [i, custodian] of [people[0], null, people[1]].entries()) await registerDevice(first, { model: `Latitude ${i}`, custodian_id: custodian ?? null });
            for (const i of [1, 2]) await registerDevice(first, { category: 'flash_disk', make: 'Kingston', model: `DataTraveler ${i}` });
            const bytes = await exportBundle(first);
            for (const r of replicas.slice(1)) await deliver(r, first, bytes);
          }
          for (const op of ops) await run(replicas, op, mail);

          // The final round: every installation's whole bundle to each of the others.
          const finals = await Promise.all(replicas.map((r) => exportBundle(r)));
          for (const [i, to] of replicas.entries()) {
            for (const [j, from] of replicas.entries()) if (i !== j) await deliver(to, from, finals[j] as Buffer);
          }

          const [a, ...others] = replicas as [Replica, Replica, Replica];
          for (const other of others) {
            expect(sharedDigest(other.store), `${other.name} vs A`).toEqual(sharedDigest(a.store));
            for (const table of CUSTODY_TABLES) expect(rowsOf(other.store, table), `${other.name} ${table} vs A`).toEqual(rowsOf(a.store, table));
            expect(await conflictsOf(other), `${other.name}'s conflicts vs A's`).toEqual(await conflictsOf(a));
          }
          // Verified against every area's migrations: an area may add columns to another's table (disposal to the devices).
          for (const r of replicas) expect(await verifyStore(r.store, domain, { migrations: registry.migrations }), `${r.name} verifies`).toMatchObject({ ok: true });
          for (const conflict of await conflictsOf(a)) tally.conflicts[conflict.kind] = (tally.conflicts[conflict.kind] ?? 0) + 1;
        }),
        // A fixed seed keeps CI reproducible; DAFTARI_SYNC_SEED explores others (with DAFTARI_SYNC_RUNS).
        { numRuns: RUNS, seed: Number(process.env.DAFTARI_SYNC_SEED ?? 20261123) },
      );
      console.info(
        `[sync] convergence: ${runs} runs in ${((performance.now() - started) / 1000).toFixed(1)} s; ${tally.newEvents} events carried; done ${JSON.stringify(tally.done)}; refused ${JSON.stringify(tally.refused)}; final conflicts ${JSON.stringify(tally.conflicts)}`,
      );
      // The runs exercised what they claim to: the conflict-prone operations really happened.
      for (const kind of ['device', 'device-update', 'report', 'close', 'remove-storage', 'person']) expect(tally.done[kind] ?? 0).toBeGreaterThan(0);
      const custody = ['handover-prepare', 'handover-decide', 'handover-receive', 'permit-request', 'permit-decide', 'permit-check-out', 'permit-check-in'];
      for (const kind of [...custody, 'pd-register', 'pd-decide', 'media-issue', 'media-return', 'media-wipe']) {
        expect(tally.done[kind] ?? 0, kind).toBeGreaterThan(0);
      }
    },
    240_000,
  );
});
