// The promise of sync for the removable media register: installations that end up holding the same
// events hold the same issues, wipes, incidents, the same holder, place and status of every medium, and
// the same conflicts, whatever each issued, returned, wiped, reported or voided on its own and in
// whatever order the bundles travelled.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { domain } from '../../../db/domain.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { okValue, rowsOf } from '../../helpers/core.ts';
import { conflictsOf, exportBundle, importBundle, knowsPeer, openReplica, TODAY, type Replica } from '../../helpers/sync.ts';
import { ALL_RULES } from './fixtures.ts';

const NAMES = ['Zuhura Said', 'Hamisi Juma', 'Rehema Mollel'] as const;

const replicaIndex = fc.integer({ min: 0, max: 2 });
const pick = fc.nat({ max: 50 });

type Op =
  | { kind: 'issue'; r: number; medium: number; person: number }
  | { kind: 'return'; r: number; pick: number; store: boolean }
  | { kind: 'void'; r: number; pick: number }
  | { kind: 'wipe'; r: number; medium: number }
  | { kind: 'store'; r: number; medium: number; place: number }
  | { kind: 'report'; r: number; medium: number; lost: boolean }
  | { kind: 'found'; r: number; pick: number }
  | { kind: 'resolve'; r: number; pick: number }
  | { kind: 'tick'; r: number; ms: number }
  | { kind: 'sync'; from: number; to: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('issue' as const), r: replicaIndex, medium: pick, person: pick }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('return' as const), r: replicaIndex, pick, store: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('void' as const), r: replicaIndex, pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wipe' as const), r: replicaIndex, medium: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('store' as const), r: replicaIndex, medium: pick, place: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('report' as const), r: replicaIndex, medium: pick, lost: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('found' as const), r: replicaIndex, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), r: replicaIndex, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), r: replicaIndex, ms: fc.integer({ min: 1, max: 3_600_000 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: replicaIndex, to: fc.integer({ min: 1, max: 2 }) }) },
);

/** Refusals a random step may rightly get; anything else fails the test. */
const FINE = new Set([
  'media-already-issued',
  'media-unavailable',
  'media-lost',
  'media-issue-closed',
  'media-issue-not-doubled',
  'media-not-in-store',
  'media-report-not-open',
  'conflict-not-found',
]);

const tally: { done: Record<string, number>; conflicts: Record<string, number> } = { done: {}, conflicts: {} };
const RUNS = Number(process.env.DAFTARI_MEDIA_RUNS ?? 15);

function ids(r: Replica, sql: string): string[] {
  return (r.store.sqlite.prepare(sql).all() as { id: string }[]).map((row) => row.id);
}
function choose(list: string[], n: number): string | null {
  return list.length === 0 ? null : (list[n % list.length] as string);
}

async function command(r: Replica, kind: string, route: string, input: unknown): Promise<void> {
  const result = await r.callRaw(route, input);
  if (result.ok) {
    tally.done[kind] = (tally.done[kind] ?? 0) + 1;
    return;
  }
  if (!FINE.has(result.error.code)) throw new Error(`${r.name} ${route} ${JSON.stringify(input)}: ${JSON.stringify(result.error)}`);
}

async function deliver(to: Replica, from: Replica, bytes: Buffer): Promise<void> {
  okValue(await importBundle(to, bytes, !knowsPeer(to, from.origin)));
}

async function run(replicas: Replica[], op: Op): Promise<void> {
  if (op.kind === 'sync') {
    const from = replicas[op.from] as Replica;
    const to = replicas[(op.from + op.to) % 3] as Replica;
    await deliver(to, from, await exportBundle(from, knowsPeer(from, to.origin) ? to.origin : null));
    return;
  }
  const r = replicas[op.r] as Replica;
  const media = () => ids(r, "SELECT id FROM assets WHERE category IN ('flash_disk', 'external_drive') ORDER BY id");
  const openIssue = () => choose(ids(r, "SELECT id FROM media_issues WHERE state = 'issued' ORDER BY id"), 'pick' in op ? op.pick : 0);
  switch (op.kind) {
    case 'tick':
      r.clock.advance(op.ms);
      return;
    case 'issue': {
      const medium = choose(media(), op.medium);
      const person = choose(ids(r, 'SELECT id FROM people WHERE active = 1 ORDER BY id'), op.person);
      if (medium && person) {
        await command(r, op.kind, 'media.issue', { asset_id: medium, person_id: person, purpose: `Uhamisho (${r.name})`, issued_on: TODAY, acknowledged: ALL_RULES });
      }
      return;
    }
    case 'return': {
      const issue = openIssue();
      const place = ids(r, 'SELECT id FROM locations ORDER BY id')[0] ?? null;
      if (issue) await command(r, op.kind, 'media.return', { issue_id: issue, returned_on: TODAY, condition: 'good', location_id: op.store ? place : null });
      return;
    }
    case 'void': {
      const issue = openIssue();
      if (issue) await command(r, op.kind, 'media.void-issue', { issue_id: issue, reason: `Imeandikwa mara mbili (${r.name})` });
      return;
    }
    case 'wipe': {
      const medium = choose(media(), op.medium);
      if (medium) await command(r, op.kind, 'media.wipe', { asset_id: medium, wiped_on: TODAY, method: 'full_format', wiped_by: 'Juma Ally' });
      return;
    }
    case 'store': {
      const medium = choose(media(), op.medium);
      const place = choose(ids(r, 'SELECT id FROM locations ORDER BY id'), op.place);
      if (medium && place) await command(r, op.kind, 'media.store', { asset_id: medium, location_id: place });
      return;
    }
    case 'report': {
      const medium = choose(media(), op.medium);
      if (medium) await command(r, op.kind, 'media.report', { asset_id: medium, kind: op.lost ? 'lost' : 'damaged', reported_on: TODAY, note: `Taarifa (${r.name})` });
      return;
    }
    case 'found': {
      const report = choose(ids(r, "SELECT id FROM media_incidents WHERE state = 'open' ORDER BY id"), op.pick);
      if (report) await command(r, op.kind, 'media.found', { report_id: report, found_on: TODAY });
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

describe('three installations converge on the removable media register', () => {
  it(
    'after any media work and any carrying of bundles, a final exchange leaves the same rows and conflicts everywhere',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 40, size: 'max' }), async (ops) => {
          for (const r of open.splice(0)) r.core.close();
          const replicas: Replica[] = [];
          for (const [i, name] of ['A', 'B', 'C'].entries()) {
            const r = await openReplica(name, { seed: 500 + i, start: new Date(Date.parse('2025-03-03T08:00:00.000Z') + i * 1_000).toISOString() });
            open.push(r);
            replicas.push(r);
          }
          // A shared start: people, places and media every installation knows, all in the store.
          const [a, ...others] = replicas as [Replica, Replica, Replica];
          for (const name of NAMES) await a.ok('people.register', { full_name: name });
          for (const name of ['Stoo ya TEHAMA', 'Kabati la chuma']) await a.ok('locations.create', { name });
          for (const [i, category] of ['flash_disk', 'flash_disk', 'external_drive'].entries()) {
            await a.ok('assets.register', { category, make: 'Kingston', model: `DataTraveler ${i}`, serial: `KT-${i}` });
          }
          for (const other of others) await deliver(other, a, await exportBundle(a));
          for (const op of ops) await run(replicas, op);

          const finals = await Promise.all(replicas.map((r) => exportBundle(r)));
          for (const [i, to] of replicas.entries()) {
            for (const [j, from] of replicas.entries()) if (i !== j) await deliver(to, from, finals[j] as Buffer);
          }
          for (const other of others) {
            for (const table of ['media_issues', 'media_wipes', 'media_incidents', 'assets']) expect(rowsOf(other.store, table), `${other.name} ${table} vs A`).toEqual(rowsOf(a.store, table));
            expect(await conflictsOf(other), `${other.name}'s conflicts vs A's`).toEqual(await conflictsOf(a));
          }
          for (const r of replicas) expect(await verifyStore(r.store, domain, { migrations: registry.migrations }), `${r.name} verifies`).toMatchObject({ ok: true });
          for (const conflict of await conflictsOf(a)) tally.conflicts[conflict.kind] = (tally.conflicts[conflict.kind] ?? 0) + 1;
        }),
        { numRuns: RUNS, seed: Number(process.env.DAFTARI_MEDIA_SEED ?? 20261205) },
      );
      console.info(`[media] convergence: done ${JSON.stringify(tally.done)}; final conflicts ${JSON.stringify(tally.conflicts)}`);
      // The runs exercised what they claim to: media were issued, returned and wiped.
      for (const kind of ['issue', 'return', 'wipe']) expect(tally.done[kind] ?? 0).toBeGreaterThan(0);
    },
    240_000,
  );
});
