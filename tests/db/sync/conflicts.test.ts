// Rules a merge can break although each installation kept them: after an exchange every installation
// shows the same conflicts, a resolution made on one travels to all, and changes made one after the
// other are not mistaken for a conflict.
import { afterEach, describe, expect, it } from 'vitest';
import { present } from '../../helpers/core.ts';
import { carry, conflictsOf, deviceUpdate, openReplica, registerDevice, sharedDigest, type Replica } from '../../helpers/sync.ts';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.core.close();
});
async function pair(): Promise<[Replica, Replica]> {
  const a = await openReplica('A', { seed: 1, start: '2025-03-03T08:00:00.000Z' });
  const b = await openReplica('B', { seed: 2, start: '2025-03-03T08:00:30.000Z' });
  open.push(a, b);
  return [a, b];
}

async function exchange(a: Replica, b: Replica): Promise<void> {
  await carry(a, b, { onlyUnacknowledged: true });
  await carry(b, a, { onlyUnacknowledged: true });
}

const conflicts = (r: Replica) => r.ok('conflicts.list');

describe('conflicts after a merge', () => {
  it('two installations register the same tag: after the exchange both list the same duplicate-tag conflict', async () => {
    const [a, b] = await pair();
    // Both number from 1: each proposes MAJI/ICT/2025/00001 on its own.
    const onA = await registerDevice(a);
    const onB = await registerDevice(b, { make: 'HP' });
    expect(onA.tag).toBe(onB.tag);
    await exchange(a, b);

    const seenByA = await conflicts(a);
    expect(seenByA).toEqual([{ id: expect.any(String), kind: 'duplicate-tag', entities: [onA.id, onB.id].sort(), detail: { tag: onA.tag } }]);
    expect(await conflicts(b)).toEqual(seenByA);
    expect(await conflictsOf(a)).toEqual(await conflictsOf(b));
  });

  it('resolving it on one installation resolves it everywhere once the resolution has travelled', async () => {
    const [a, b] = await pair();
    await registerDevice(a);
    await registerDevice(b);
    await exchange(a, b);
    const [conflict] = await conflicts(a);
    await a.ok('conflicts.resolve', { conflict_id: present(conflict, 'the conflict').id, note: 'Kibandiko kipya kitawekwa kwenye kifaa cha B' });
    expect(await conflicts(a)).toEqual([]);
    expect(await conflicts(b)).toHaveLength(1);

    await exchange(a, b);
    expect(await conflicts(b)).toEqual([]);
    expect(sharedDigest(b.store).conflict_resolutions).toBe(sharedDigest(a.store).conflict_resolutions);
  });

  it('a third device given the resolved tag later is flagged again', async () => {
    // The resolution accepted two particular devices sharing a tag, not every device that will ever carry it.
    const [a, b] = await pair();
    await registerDevice(a);
    const second = await registerDevice(b);
    await exchange(a, b);
    const [conflict] = await conflicts(a);
    await a.ok('conflicts.resolve', { conflict_id: present(conflict, 'the conflict').id, note: 'Imekubaliwa' });
    await exchange(a, b);
    const c = await openReplica('C', { seed: 3, start: '2025-03-03T08:01:00.000Z' });
    open.push(c);
    const third = await registerDevice(c, { make: 'Lenovo' });
    expect(third.tag).toBe(second.tag);
    await carry(c, a);
    expect((await conflicts(a)).map((x) => x.kind)).toEqual(['duplicate-tag']);
  });

  it('retagging one of two devices that shared a tag clears the conflict on that installation at once', async () => {
    const [a, b] = await pair();
    const onA = await registerDevice(a);
    await registerDevice(b);
    await exchange(a, b);
    expect(await conflicts(a)).toHaveLength(1);
    await a.ok('assets.update', await deviceUpdate(a, onA.id, { tag: 'MAJI/ICT/2025/00099' }));
    expect(await conflicts(a)).toEqual([]);
    await exchange(a, b);
    expect(await conflicts(b)).toEqual([]);
  });

  it('concurrent custodian changes of one device on two installations are a custodian-diverged conflict on both', async () => {
    const [a, b] = await pair();
    const people = [];
    for (const full_name of ['Zuhura Said', 'Hamisi Juma', 'Rehema Mollel']) people.push((await a.ok('people.register', { full_name })).id);
    const device = await registerDevice(a, { custodian_id: people[0] });
    await exchange(a, b);

    // Neither has seen the other's change.
    a.clock.advance(60_000);
    b.clock.advance(60_000);
    await a.ok('assets.update', await deviceUpdate(a, device.id, { custodian_id: people[1] }));
    await b.ok('assets.update', await deviceUpdate(b, device.id, { custodian_id: people[2] }));
    await exchange(a, b);

    const seen = await conflicts(a);
    expect(seen).toEqual([
      expect.objectContaining({ kind: 'custodian-diverged', entities: [device.id], detail: expect.objectContaining({ custodians: [people[1], people[2]].sort() }) }),
    ]);
    expect(await conflicts(b)).toEqual(seen);
    // Both show the same custodian meanwhile: the later change by (HLC, origin) wins on both.
    expect(sharedDigest(a.store).assets).toBe(sharedDigest(b.store).assets);
  });

  it('changes made one after the other, each having seen the last, are no conflict', async () => {
    const [a, b] = await pair();
    const people = [];
    for (const full_name of ['Zuhura Said', 'Hamisi Juma', 'Rehema Mollel']) people.push((await a.ok('people.register', { full_name })).id);
    const device = await registerDevice(a, { custodian_id: people[0] });
    await exchange(a, b);
    await a.ok('assets.update', await deviceUpdate(a, device.id, { custodian_id: people[1] }));
    await exchange(a, b);
    await b.ok('assets.update', await deviceUpdate(b, device.id, { custodian_id: people[2] }));
    await exchange(a, b);
    await a.ok('assets.update', await deviceUpdate(a, device.id, { custodian_id: people[0] }));
    await exchange(a, b);

    expect(await conflicts(a)).toEqual([]);
    expect(await conflicts(b)).toEqual([]);
    const row = b.store.sqlite.prepare('SELECT custodian_id FROM assets WHERE id = ?').get(device.id) as { custodian_id: string };
    expect(row.custodian_id).toBe(people[0]);
  });

  it('concurrent changes that agree on the custodian, or leave it alone, are no conflict', async () => {
    const [a, b] = await pair();
    const zuhura = (await a.ok('people.register', { full_name: 'Zuhura Said' })).id;
    const hamisi = (await a.ok('people.register', { full_name: 'Hamisi Juma' })).id;
    const one = await registerDevice(a, { custodian_id: zuhura });
    const two = await registerDevice(a, { custodian_id: zuhura });
    await exchange(a, b);
    await a.ok('assets.update', await deviceUpdate(a, one.id, { custodian_id: hamisi }));
    await b.ok('assets.update', await deviceUpdate(b, one.id, { custodian_id: hamisi, notes: 'Imehamishwa' }));
    await a.ok('assets.update', await deviceUpdate(a, two.id, { custodian_id: hamisi }));
    await b.ok('assets.update', await deviceUpdate(b, two.id, { notes: 'Skrini imepasuka' }));
    await exchange(a, b);
    expect(await conflicts(a)).toEqual([]);
    expect(await conflicts(b)).toEqual([]);
  });

  it('a fault reported on the same device on two installations is two open repairs on both', async () => {
    const [a, b] = await pair();
    const device = await registerDevice(a);
    await exchange(a, b);
    const report = { asset_id: device.id, reported_on: '2025-03-03', reported_by: 'Zuhura Said', symptoms: 'Haiwaki' };
    const onA = await a.ok('maintenance.report', report);
    const onB = await b.ok('maintenance.report', { ...report, symptoms: 'Skrini nyeusi' });
    await exchange(a, b);
    const seen = await conflicts(a);
    expect(seen).toEqual([expect.objectContaining({ kind: 'two-open-repairs', entities: [device.id, ...[onA.id, onB.id].sort()] })]);
    expect(await conflicts(b)).toEqual(seen);
  });

  it('a disk put back on one installation while the device left for repair on the other is flagged on both (3.6.3)', async () => {
    const [a, b] = await pair();
    const device = await registerDevice(a, { media: [{ kind: 'ssd', capacity_gb: 256, serial: 'S4EV' }] });
    const [medium] = a.store.sqlite.prepare('SELECT id FROM storage_media WHERE asset_id = ?').all(device.id) as { id: string }[];
    await a.ok('drives.remove', { medium_id: present(medium, 'the disk').id, removed_by: 'Juma Ally', witnessed_by: 'Neema Kweka', kept_at: 'Kabati la TEHAMA', removed_on: '2025-03-03', entry_id: null });
    const provider = present(await a.ok('providers.register', { name: 'Techno Brain Ltd' }), 'the provider');
    await exchange(a, b);

    const entry = await a.ok('maintenance.report', { asset_id: device.id, reported_on: '2025-03-03', reported_by: 'Zuhura Said', symptoms: 'Haiwaki' });
    await a.ok('maintenance.assign', { entry_id: entry.id, technician: { type: 'external', provider_id: provider.id, job_ref: 'JC-1', supervisor_name: 'Juma Ally' } });
    await a.ok('maintenance.send-offsite', { entry_id: entry.id, sent_on: '2025-03-03' });
    await b.ok('drives.reinstall', { medium_id: present(medium, 'the disk').id, reinstalled_by: 'Juma Ally', reinstalled_on: '2025-03-03', entry_id: null });
    await exchange(a, b);

    const seen = await conflicts(a);
    expect(seen).toEqual([expect.objectContaining({ kind: 'storage-inside-away', entities: [device.id, medium?.id] })]);
    expect(await conflicts(b)).toEqual(seen);
  });
});
