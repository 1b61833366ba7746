// What a merge can break in handovers: one device received by two different people through handovers
// prepared apart on two installations, and one number given twice. Shown in plain words on both,
// resolved with the shared event; handovers made one after the other are no conflict.
import { afterEach, describe, expect, it } from 'vitest';
import { addUser, present, rowsOf, type TestUser } from '../../helpers/core.ts';
import { carry, registerDevice, openReplica, sharedDigest, type Replica } from '../../helpers/sync.ts';

interface Office {
  r: Replica;
  officer: TestUser;
  accountant: TestUser;
}

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.core.close();
});

async function office(name: string, seed: number, start: string): Promise<Office> {
  const r = await openReplica(name, { seed, start });
  open.push(r);
  const officer = await addUser(r.t, r.token, `juma.${seed}`, ['ict_officer'], `Juma (${name})`);
  const accountant = await addUser(r.t, r.token, `baraka.${seed}`, ['accounting_officer'], `Baraka (${name})`);
  return { r, officer, accountant };
}

async function exchange(a: Replica, b: Replica): Promise<void> {
  await carry(a, b, { onlyUnacknowledged: true });
  await carry(b, a, { onlyUnacknowledged: true });
}

/** Prepared, approved and received on one installation, from `from` to `to`. */
async function handOver(o: Office, assetId: string, from: string, to: string): Promise<string> {
  const h = await o.r.t.ok(o.officer.token, 'handovers.prepare', {
    kind: 'handover',
    from: { type: 'person', person_id: from },
    to: { type: 'person', person_id: to },
    lines: [{ asset_id: assetId, condition: 'good', accessories: '' }],
    reason: 'Mgawanyo mpya wa kazi',
  });
  await o.r.t.ok(o.accountant.token, 'handovers.decide', { handover_id: h.id, decision: 'approved' });
  await o.r.t.ok(o.officer.token, 'handovers.receive', { handover_id: h.id, received_on: '2025-03-03', received_by: 'Mpokeaji' });
  return h.id;
}

async function setting(): Promise<{ a: Office; b: Office; people: string[]; device: string }> {
  const a = await office('A', 1, '2025-03-03T08:00:00.000Z');
  const b = await office('B', 2, '2025-03-03T08:00:30.000Z');
  const people: string[] = [];
  for (const full_name of ['Zuhura Said', 'Hamisi Juma', 'Rehema Mollel']) people.push((await a.r.ok('people.register', { full_name })).id);
  const device = (await registerDevice(a.r, { tag: 'MAJI/ICT/2025/0042', custodian_id: people[0] })).id;
  await exchange(a.r, b.r);
  return { a, b, people, device };
}

describe('handover conflicts after a merge', () => {
  it('one device received by two different people on two installations is shown on both, in plain words', async () => {
    const { a, b, people, device } = await setting();
    a.r.clock.advance(60_000);
    b.r.clock.advance(60_000);
    const onA = await handOver(a, device, present(people[0], 'Zuhura'), present(people[1], 'Hamisi'));
    const onB = await handOver(b, device, present(people[0], 'Zuhura'), present(people[2], 'Rehema'));
    await exchange(a.r, b.r);

    const listed = await a.r.ok('conflicts.list');
    const twice = listed.find((c) => c.kind === 'handover-received-twice');
    expect(twice).toEqual({
      id: expect.stringMatching(/^handover-received-twice:/),
      kind: 'handover-received-twice',
      entities: [device, ...[onA, onB].sort()],
      detail: expect.objectContaining({ tag: 'MAJI/ICT/2025/0042', handovers: [onA, onB].sort() }),
    });
    // Both numbered their first handover 0001 on their own.
    expect(listed.map((c) => c.kind).sort()).toEqual(['handover-number-twice', 'handover-received-twice']);
    expect(await b.r.ok('conflicts.list')).toEqual(listed);

    const shown = await a.r.t.ok(a.officer.token, 'handovers.conflicts');
    const received = shown.find((c) => c.kind === 'handover-received-twice');
    expect(received?.text.sw).toMatch(/^Kifaa MAJI\/ICT\/2025\/0042 kilipokelewa na watu tofauti /);
    expect(received?.text.sw).toContain('Hamisi Juma (MAJI/MK/2025/0001)');
    expect(received?.text.sw).toContain('Rehema Mollel (MAJI/MK/2025/0001)');
    expect(received?.text.en).toMatch(/^Device MAJI\/ICT\/2025\/0042 was received by different holders/);
    // Meanwhile both show the same holder: the later receipt by (HLC, origin).
    expect(sharedDigest(a.r.store).assets).toBe(sharedDigest(b.r.store).assets);
    expect(rowsOf(a.r.store, 'handovers')).toEqual(rowsOf(b.r.store, 'handovers'));
  });

  it('is resolved with the shared event, on every installation once it has travelled', async () => {
    const { a, b, people, device } = await setting();
    await handOver(a, device, present(people[0], 'Zuhura'), present(people[1], 'Hamisi'));
    await handOver(b, device, present(people[0], 'Zuhura'), present(people[2], 'Rehema'));
    await exchange(a.r, b.r);
    const conflict = present((await a.r.ok('conflicts.list')).find((c) => c.kind === 'handover-received-twice'), 'the conflict');
    await a.r.ok('conflicts.resolve', { conflict_id: conflict.id, note: 'Rehema ndiye anayekishikilia; Hamisi amepewa kingine.' });
    expect((await a.r.t.ok(a.officer.token, 'handovers.conflicts')).map((c) => c.kind)).toEqual(['handover-number-twice']);
    await exchange(a.r, b.r);
    expect((await b.r.ok('conflicts.list')).map((c) => c.kind)).toEqual(['handover-number-twice']);
  });

  it('handovers made one after the other, each knowing the last receipt, are no conflict', async () => {
    const { a, b, people, device } = await setting();
    await handOver(a, device, present(people[0], 'Zuhura'), present(people[1], 'Hamisi'));
    await exchange(a.r, b.r);
    b.r.clock.advance(60_000);
    await handOver(b, device, present(people[1], 'Hamisi'), present(people[2], 'Rehema'));
    await exchange(a.r, b.r);
    expect((await a.r.ok('conflicts.list')).filter((c) => c.kind === 'handover-received-twice')).toEqual([]);
    expect((await a.r.ok('assets.get', { asset_id: device })).custodian_id).toBe(people[2]);
  });
});
