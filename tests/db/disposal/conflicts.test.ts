// What a merge can break in disposal: one device put in batches on two installations, and one batch
// number given twice. Shown in plain words on both; both installations hold the same rows.
import { afterEach, describe, expect, it } from 'vitest';
import { addUser, present, rowsOf, type TestUser } from '../../helpers/core.ts';
import { carry, openReplica, registerDevice, type Replica } from '../../helpers/sync.ts';

interface Office {
  r: Replica;
  records: TestUser;
}

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.core.close();
});

async function office(name: string, seed: number, start: string): Promise<Office> {
  const r = await openReplica(name, { seed, start });
  open.push(r);
  return { r, records: await addUser(r.t, r.token, `rekodi.${seed}`, ['records_officer'], `Mwanaidi (${name})`) };
}

async function exchange(a: Replica, b: Replica): Promise<void> {
  await carry(a, b, { onlyUnacknowledged: true });
  await carry(b, a, { onlyUnacknowledged: true });
}

async function setting(): Promise<{ a: Office; b: Office; device: string }> {
  const a = await office('A', 1, '2025-03-03T08:00:00.000Z');
  const b = await office('B', 2, '2025-03-03T08:00:30.000Z');
  const device = (await registerDevice(a.r, { tag: 'MAJI/ICT/2025/0042', media: [{ kind: 'ssd', capacity_gb: 256, serial: 'SSD-42' }] })).id;
  await a.r.ok('disposal.propose', { asset_id: device, reason: 'obsolete', note: 'Imechakaa' });
  await exchange(a.r, b.r);
  return { a, b, device };
}

describe('disposal conflicts after a merge', () => {
  it('one device put in batches on two installations is shown on both, in plain words', async () => {
    const { a, b, device } = await setting();
    const onA = await a.r.t.ok(a.records.token, 'disposal.create', { lines: [{ asset_id: device }] });
    const onB = await b.r.t.ok(b.records.token, 'disposal.create', { lines: [{ asset_id: device }] });
    await exchange(a.r, b.r);

    const listed = await a.r.ok('conflicts.list');
    const twice = present(
      listed.find((c) => c.kind === 'disposal-device-in-two-batches'),
      'the conflict',
    );
    expect(twice.entities).toEqual([device, ...[onA.id, onB.id].sort()]);
    // Both numbered their first batch 0001 on their own.
    expect(listed.map((c) => c.kind).filter((k) => k.startsWith('disposal-')).sort()).toEqual(['disposal-device-in-two-batches', 'disposal-number-twice']);
    expect(await b.r.ok('conflicts.list')).toEqual(listed);

    const shown = await a.r.t.ok(a.records.token, 'disposal.conflicts');
    const text = present(shown.find((c) => c.kind === 'disposal-device-in-two-batches'), 'its words').text;
    expect(text.sw).toBe('Kifaa MAJI/ICT/2025/0042 kimewekwa kwenye makundi mawili ya uondoaji kwenye kompyuta tofauti: MAJI/UOND/2025/0001, MAJI/UOND/2025/0001. Kiondoe kwenye kundi moja.');
    expect(text.en).toMatch(/^The device MAJI\/ICT\/2025\/0042 was put in two disposal batches/);
    expect(rowsOf(a.r.store, 'disposal_batches')).toEqual(rowsOf(b.r.store, 'disposal_batches'));
    expect(rowsOf(a.r.store, 'assets')).toEqual(rowsOf(b.r.store, 'assets'));
  });

  it('is cleared once the device is taken out of one batch', async () => {
    const { a, b, device } = await setting();
    await a.r.t.ok(a.records.token, 'disposal.create', { lines: [{ asset_id: device }] });
    const onB = await b.r.t.ok(b.records.token, 'disposal.create', { lines: [{ asset_id: device }] });
    await exchange(a.r, b.r);
    await b.r.t.ok(b.records.token, 'disposal.cancel', { batch_id: onB.id, reason: 'Kundi la A ndilo linalotumika' });
    await exchange(a.r, b.r);
    expect((await a.r.ok('conflicts.list')).map((c) => c.kind).filter((k) => k === 'disposal-device-in-two-batches')).toEqual([]);
  });

  it('batches made one after the other, each knowing the other, are no conflict', async () => {
    const { a, b, device } = await setting();
    const first = await a.r.t.ok(a.records.token, 'disposal.create', { lines: [{ asset_id: device }] });
    await a.r.t.ok(a.records.token, 'disposal.cancel', { batch_id: first.id, reason: 'Kimakosa' });
    await exchange(a.r, b.r);
    await b.r.t.ok(b.records.token, 'disposal.create', { lines: [{ asset_id: device }] });
    await exchange(a.r, b.r);
    expect((await a.r.ok('conflicts.list')).map((c) => c.kind).filter((k) => k.startsWith('disposal-'))).toEqual([]);
  });
});
