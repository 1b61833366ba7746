// The promise of sync for the personal-devices register: installations that end up holding the same
// events hold the same registrations, decisions, expiries and revocations, whatever each registered,
// decided, renewed or revoked on its own and in whatever order the bundles travelled.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { addDays } from '../../../db/contract/days.ts';
import { domain } from '../../../db/domain.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { addUser, okValue, rowsOf } from '../../helpers/core.ts';
import { exportBundle, importBundle, knowsPeer, openReplica, TODAY, type Replica } from '../../helpers/sync.ts';

const replicaIndex = fc.integer({ min: 0, max: 2 });
const pick = fc.nat({ max: 50 });

type Op =
  | { kind: 'register'; r: number; owner: number; serial: number }
  | { kind: 'decide'; r: number; pick: number; approve: boolean; days: number }
  | { kind: 'renew'; r: number; pick: number; days: number }
  | { kind: 'revoke'; r: number; pick: number }
  | { kind: 'tick'; r: number; ms: number }
  | { kind: 'sync'; from: number; to: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('register' as const), r: replicaIndex, owner: pick, serial: fc.nat({ max: 3 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('decide' as const), r: replicaIndex, pick, approve: fc.nat({ max: 3 }).map((n) => n > 0), days: fc.integer({ min: 1, max: 700 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('renew' as const), r: replicaIndex, pick, days: fc.integer({ min: 1, max: 700 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('revoke' as const), r: replicaIndex, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), r: replicaIndex, ms: fc.integer({ min: 1, max: 3_600_000 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: replicaIndex, to: fc.integer({ min: 1, max: 2 }) }) },
);

/** Refusals a random step may rightly get; anything else fails the test. */
const FINE = new Set(['personal-device-duplicate', 'personal-device-decided', 'personal-device-not-approved', 'personal-device-renew-not-later']);

interface Office {
  r: Replica;
  head: string;
}

const done: Record<string, number> = {};
const RUNS = Number(process.env.DAFTARI_PERSONAL_DEVICE_RUNS ?? 15);

function ids(r: Replica, sql: string): string[] {
  return (r.store.sqlite.prepare(sql).all() as { id: string }[]).map((row) => row.id);
}
function choose(list: string[], n: number): string | null {
  return list.length === 0 ? null : (list[n % list.length] as string);
}

async function command(r: Replica, token: string, kind: string, route: string, input: unknown): Promise<void> {
  const result = await r.t.callRaw(token, route, input);
  if (result.ok) {
    done[kind] = (done[kind] ?? 0) + 1;
    return;
  }
  if (!FINE.has(result.error.code)) throw new Error(`${r.name} ${route} ${JSON.stringify(input)}: ${JSON.stringify(result.error)}`);
}

async function deliver(to: Replica, from: Replica, bytes: Buffer): Promise<void> {
  okValue(await importBundle(to, bytes, !knowsPeer(to, from.origin)));
}

async function run(offices: Office[], op: Op): Promise<void> {
  if (op.kind === 'sync') {
    const from = (offices[op.from] as Office).r;
    const to = (offices[(op.from + op.to) % 3] as Office).r;
    await deliver(to, from, await exportBundle(from, knowsPeer(from, to.origin) ? to.origin : null));
    return;
  }
  const { r, head } = offices[op.r] as Office;
  switch (op.kind) {
    case 'tick':
      r.clock.advance(op.ms);
      return;
    case 'register': {
      const owner = choose(ids(r, 'SELECT id FROM people ORDER BY id'), op.owner);
      if (owner) {
        await command(r, r.token, op.kind, 'personal-devices.register', {
          owner_id: owner,
          kind: 'laptop',
          make: 'HP',
          serial: `SN-${op.serial}`,
          purpose: `Kazi za ofisi (${r.name})`,
          scope: 'Barua pepe ya Serikali',
        });
      }
      return;
    }
    case 'decide': {
      const id = choose(ids(r, "SELECT id FROM personal_devices WHERE state = 'pending' ORDER BY id"), op.pick);
      const decision = op.approve ? { decision: 'approved', expires_on: addDays(TODAY, op.days) } : { decision: 'rejected', reason: `Imekataliwa (${r.name})` };
      if (id) await command(r, head, op.kind, 'personal-devices.decide', { device_id: id, ...decision });
      return;
    }
    case 'renew': {
      const id = choose(ids(r, "SELECT id FROM personal_devices WHERE state = 'approved' ORDER BY id"), op.pick);
      if (id) await command(r, head, op.kind, 'personal-devices.renew', { device_id: id, expires_on: addDays(TODAY, op.days) });
      return;
    }
    case 'revoke': {
      const id = choose(ids(r, "SELECT id FROM personal_devices WHERE state = 'approved' ORDER BY id"), op.pick);
      if (id) await command(r, head, op.kind, 'personal-devices.revoke', { device_id: id, reason: `Amehamishwa (${r.name})` });
      return;
    }
  }
}

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.core.close();
});

describe('three installations converge on the personal-devices register', () => {
  it(
    'after any registrations and decisions and any carrying of bundles, a final exchange leaves the same rows everywhere',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30, size: 'max' }), async (ops) => {
          for (const r of open.splice(0)) r.core.close();
          const offices: Office[] = [];
          for (const [i, name] of ['A', 'B', 'C'].entries()) {
            const r = await openReplica(name, { seed: 700 + i, start: new Date(Date.parse('2025-03-03T08:00:00.000Z') + i * 1_000).toISOString() });
            open.push(r);
            // Accounts stay on their installation: each has its own Head of Institution.
            offices.push({ r, head: (await addUser(r.t, r.token, `mkuu.${i}`, ['head_of_institution'], `Mkuu (${name})`)).token });
          }
          const [a, ...others] = offices.map((o) => o.r) as [Replica, Replica, Replica];
          for (const name of ['Zuhura Said', 'Hamisi Juma']) await a.ok('people.register', { full_name: name });
          for (const other of others) await deliver(other, a, await exportBundle(a));
          for (const op of ops) await run(offices, op);

          const replicas = [a, ...others];
          const finals = await Promise.all(replicas.map((r) => exportBundle(r)));
          for (const [i, to] of replicas.entries()) {
            for (const [j, from] of replicas.entries()) if (i !== j) await deliver(to, from, finals[j] as Buffer);
          }
          for (const other of others) expect(rowsOf(other.store, 'personal_devices'), `${other.name} vs A`).toEqual(rowsOf(a.store, 'personal_devices'));
          for (const r of replicas) expect(await verifyStore(r.store, domain, { migrations: registry.migrations }), `${r.name} verifies`).toMatchObject({ ok: true });
        }),
        { numRuns: RUNS, seed: Number(process.env.DAFTARI_PERSONAL_DEVICE_SEED ?? 20261205) },
      );
      for (const kind of ['register', 'decide', 'renew', 'revoke']) expect(done[kind] ?? 0).toBeGreaterThan(0);
    },
    240_000,
  );
});
