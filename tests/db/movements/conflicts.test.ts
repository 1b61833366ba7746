// What a merge can break in off-premises permits (3.6.11): a device checked out or approved to leave on
// one installation while it was reported for repair or sent off-site on another. Both installations
// list the same conflict in plain terms (the tag and the permit); a resolution on one closes it on both,
// and checking the device in clears it.
import { afterEach, describe, expect, it } from 'vitest';
import { addUser } from '../../helpers/core.ts';
import { carry, openReplica, registerDevice, type Replica } from '../../helpers/sync.ts';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.core.close();
});

async function exchange(a: Replica, b: Replica): Promise<void> {
  await carry(a, b, { onlyUnacknowledged: true });
  await carry(b, a, { onlyUnacknowledged: true });
}

const movementConflicts = async (r: Replica) => (await r.ok('conflicts.list')).filter((c) => c.kind === 'off-premises-while-repair');

/** Two installations sharing a servant and a laptop; A has an Accounting Officer. */
async function pair() {
  const a = await openReplica('A', { seed: 1, start: '2025-03-03T08:00:00.000Z' });
  const b = await openReplica('B', { seed: 2, start: '2025-03-03T08:00:30.000Z' });
  open.push(a, b);
  const person = await a.ok('people.register', { full_name: 'Zuhura Said', check_number: '100230' });
  const device = await registerDevice(a, { custodian_id: person.id });
  await exchange(a, b);
  const accountant = await addUser(a.t, a.token, 'masuuli', ['accounting_officer'], 'Bi. Rehema Kweka');
  const permit = await a.ok('movements.request', {
    holder_id: person.id,
    asset_ids: [device.id],
    purpose: 'Warsha',
    destination: 'Arusha',
    date_out: '2025-03-03',
    due_on: '2025-03-07',
    data_held: 'Rasimu ya bajeti',
  });
  await a.t.ok(accountant.token, 'movements.decide', { request_id: permit.id, decision: 'approved' });
  return { a, b, device, permit };
}

describe('a permit and a repair on two installations', () => {
  it('checked out on one while reported for repair on the other: the same conflict on both, closed by a resolution on one', async () => {
    const { a, b, device, permit } = await pair();
    await a.ok('movements.check-out', { request_id: permit.id, out_on: '2025-03-03' });
    const entry = await b.ok('maintenance.report', { asset_id: device.id, reported_on: '2025-03-03', reported_by: 'Zuhura Said', symptoms: 'Haiwaki' });
    expect(await movementConflicts(a)).toEqual([]);
    await exchange(a, b);
    const seen = await movementConflicts(a);
    expect(seen).toEqual([
      expect.objectContaining({ entities: [device.id, permit.id, entry.id], detail: { tag: device.tag, permits: [permit.permit_no], repair: 'in_house', entries: [entry.id] } }),
    ]);
    expect(await movementConflicts(b)).toEqual(seen);
    await b.ok('conflicts.resolve', { conflict_id: seen[0]?.id ?? '', note: 'Kifaa kilikuwa Arusha; hitilafu itaangaliwa kikirudi' });
    await exchange(a, b);
    expect(await movementConflicts(a)).toEqual([]);
    expect(await movementConflicts(b)).toEqual([]);
  });

  it('approved on one while sent off-site on the other is a conflict, cleared once the permit is revoked', async () => {
    const { a, b, device, permit } = await pair();
    const provider = await b.ok('providers.register', { name: 'Techno Brain Ltd' });
    const entry = await b.ok('maintenance.report', { asset_id: device.id, reported_on: '2025-03-03', reported_by: 'Zuhura Said', symptoms: 'Haiwaki' });
    await b.ok('maintenance.assign', { entry_id: entry.id, technician: { type: 'external', provider_id: provider.id, job_ref: '', supervisor_name: 'Asha' } });
    await b.ok('maintenance.send-offsite', { entry_id: entry.id, sent_on: '2025-03-03' });
    await exchange(a, b);
    expect(await movementConflicts(a)).toEqual([expect.objectContaining({ detail: expect.objectContaining({ tag: device.tag, repair: 'off_site' }) })]);
    expect(await movementConflicts(b)).toHaveLength(1);
    // The permit withdrawn: nothing left to clash.
    const accountant = await addUser(b.t, b.token, 'masuuli', ['accounting_officer'], 'Bi. Rehema Kweka');
    await b.t.ok(accountant.token, 'movements.revoke', { request_id: permit.id, reason: 'Kifaa kiko kwa fundi' });
    await exchange(a, b);
    expect(await movementConflicts(a)).toEqual([]);
    expect(await movementConflicts(b)).toEqual([]);
  });
});
