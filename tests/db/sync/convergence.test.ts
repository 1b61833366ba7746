// The promise of sync (DESIGN.md, "Sync bundles"): installations that end up holding the same events
// hold the same rows and show the same conflicts, whatever each did on its own, and in whatever order,
// how often and by which route the bundles travelled.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { domain } from '../../../db/domain.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { okValue } from '../../helpers/core.ts';
import {
  conflictsOf,
  deviceUpdate,
  eventsOf,
  exportBundle,
  importBundle,
  knowsPeer,
  openReplica,
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

const replicaIndex = fc.integer({ min: 0, max: 2 });
const pick = fc.nat({ max: 50 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

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
/** 25 in the suite; set DAFTARI_SYNC_RUNS for a longer hunt. */
const RUNS = Number(process.env.DAFTARI_SYNC_RUNS ?? 50);

function ids(r: Replica, sql: string): string[] {
  return (r.store.sqlite.prepare(sql).all() as { id: string }[]).map((row) => row.id);
}
function choose(list: string[], n: number | null): string | null {
  return n === null || list.length === 0 ? null : (list[n % list.length] as string);
}

async function command(r: Replica, kind: string, route: string, input: unknown): Promise<unknown> {
  // Random commands, some deliberately malformed: the raw call.
  const result = await r.callRaw(route, input);
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
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30, size: 'max' }), fc.nat({ max: 2 }), async (ops, skew) => {
          runs += 1;
          for (const r of open.splice(0)) r.core.close();
          // Each set up on its own, clocks a little apart (office PCs), the same institution.
          const replicas: Replica[] = [];
          for (const [i, name] of ['A', 'B', 'C'].entries()) {
            const start = new Date(Date.parse('2025-03-03T08:00:00.000Z') + ((i + skew) % 3) * 1_000).toISOString();
            replicas.push(await openReplica(name, { seed: 100 + i, start, postalAddress: `S.L.P. ${456 + i}, Dodoma` }));
          }
          open.push(...replicas);
          const mail: Mail[] = [];
          for (const op of ops) await run(replicas, op, mail);

          // The final round: every installation's whole bundle to each of the others.
          const finals = await Promise.all(replicas.map((r) => exportBundle(r)));
          for (const [i, to] of replicas.entries()) {
            for (const [j, from] of replicas.entries()) if (i !== j) await deliver(to, from, finals[j] as Buffer);
          }

          const [a, ...others] = replicas as [Replica, Replica, Replica];
          for (const other of others) {
            expect(sharedDigest(other.store), `${other.name} vs A`).toEqual(sharedDigest(a.store));
            expect(await conflictsOf(other), `${other.name}'s conflicts vs A's`).toEqual(await conflictsOf(a));
          }
          for (const r of replicas) expect(await verifyStore(r.store, domain), `${r.name} verifies`).toMatchObject({ ok: true });
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
    },
    240_000,
  );
});
