// What a merge can break between off-premises permits and handovers (3.6.11 with 3.6.6): a device
// approved or checked out on a permit on one installation while another, not knowing, recorded its
// handover as received. One installation refuses that handover; after a merge both list the same
// conflict (the tag, the permit and its holder, the handover and its receiver), closed by a resolution
// on either or cleared by checking the device in or revoking the permit.
import { afterEach, describe, expect, it } from 'vitest';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { describeMovementConflict } from '../../../db/movements/contract.ts';
import { addUser, type TestUser } from '../../helpers/core.ts';
import { carry, openReplica, registerDevice, TODAY, type Replica } from '../../helpers/sync.ts';

const KIND = 'handed-over-while-off-premises';

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
  const accountant = await addUser(r.t, r.token, `rehema.${seed}`, ['accounting_officer'], `Bi. Rehema Kweka (${name})`);
  return { r, officer, accountant };
}

async function exchange(a: Replica, b: Replica): Promise<void> {
  await carry(a, b, { onlyUnacknowledged: true });
  await carry(b, a, { onlyUnacknowledged: true });
}

const clashes = async (r: Replica) => (await r.ok('conflicts.list')).filter((c) => c.kind === KIND);

/** Two installations sharing two servants and a laptop Zuhura holds; A approves a permit for her to take it to Arusha. */
async function setting() {
  const a = await office('A', 1, '2025-03-03T08:00:00.000Z');
  const b = await office('B', 2, '2025-03-03T08:00:30.000Z');
  const zuhura = await a.r.ok('people.register', { full_name: 'Zuhura Said', check_number: '100230' });
  const hamisi = await a.r.ok('people.register', { full_name: 'Hamisi Juma', check_number: '100231' });
  const device = await registerDevice(a.r, { tag: 'MAJI/ICT/2025/0042', custodian_id: zuhura.id });
  await exchange(a.r, b.r);
  const permit = await a.r.t.ok(a.officer.token, 'movements.request', {
    holder_id: zuhura.id,
    asset_ids: [device.id],
    purpose: 'Warsha ya bajeti',
    destination: 'Arusha',
    date_out: TODAY,
    due_on: '2025-03-07',
    data_held: 'Rasimu ya bajeti',
  });
  await a.r.t.ok(a.accountant.token, 'movements.decide', { request_id: permit.id, decision: 'approved' });
  // B works an hour later, not knowing of the permit.
  b.r.clock.advance(3_600_000);
  return { a, b, zuhura, hamisi, device, permit };
}

/** Prepared, approved and received on one installation: Zuhura gives the laptop to Hamisi. */
async function handOver(o: Office, assetId: string, from: string, to: string): Promise<{ id: string; number: string }> {
  const h = await o.r.t.ok(o.officer.token, 'handovers.prepare', {
    kind: 'handover',
    from: { type: 'person', person_id: from },
    to: { type: 'person', person_id: to },
    lines: [{ asset_id: assetId, condition: 'good', accessories: '' }],
    reason: 'Mgawanyo mpya wa kazi',
  });
  await o.r.t.ok(o.accountant.token, 'handovers.decide', { handover_id: h.id, decision: 'approved' });
  await o.r.t.ok(o.officer.token, 'handovers.receive', { handover_id: h.id, received_on: TODAY, received_by: 'Hamisi Juma' });
  return { id: h.id, number: h.number };
}

describe('a permit on one installation, a handover on the other', () => {
  it('one installation refuses to hand over a device with an approved permit, naming it and the permit', async () => {
    const { a, zuhura, hamisi, device, permit } = await setting();
    const refused = await a.r.t.call(a.officer.token, 'handovers.prepare', {
      kind: 'handover',
      from: { type: 'person', person_id: zuhura.id },
      to: { type: 'person', person_id: hamisi.id },
      lines: [{ asset_id: device.id, condition: 'good', accessories: '' }],
      reason: 'Mgawanyo mpya wa kazi',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'handover-device-on-permit', params: { tag: device.tag, permit: permit.permit_no } } });
    expect(await clashes(a.r)).toEqual([]);
  });

  it('approved on one and received on the other: the same conflict on both, closed by a resolution on one', async () => {
    const { a, b, zuhura, hamisi, device, permit } = await setting();
    const handover = await handOver(b, device.id, zuhura.id, hamisi.id);
    expect(await clashes(b.r)).toEqual([]);
    await exchange(a.r, b.r);

    const seen = await clashes(a.r);
    expect(seen).toEqual([
      {
        id: expect.stringMatching(/^handed-over-while-off-premises:/),
        kind: KIND,
        entities: [device.id, permit.id, handover.id],
        detail: { tag: device.tag, permit: permit.permit_no, holder: 'Zuhura Said', state: 'approved', handover: handover.number, receiver: 'Hamisi Juma' },
      },
    ]);
    expect(await clashes(b.r)).toEqual(seen);
    // As the permits screen and the Sync screen tell it.
    expect(describeMovementConflict(seen[0] as (typeof seen)[number], translator('sw'))).toMatch(
      /^Kifaa MAJI\/ICT\/2025\/0042 kiliidhinishwa kutolewa nje ya ofisi na Zuhura Said kwa kibali .+ kimepokelewa na Hamisi Juma kwa makabidhiano /,
    );
    expect(describeMovementConflict(seen[0] as (typeof seen)[number], translator('en'))).toContain(`received by Hamisi Juma through handover ${handover.number}`);

    await b.r.ok('conflicts.resolve', { conflict_id: seen[0]?.id ?? '', note: 'Kibali kitaandaliwa upya kwa jina la Hamisi' });
    await exchange(a.r, b.r);
    expect(await clashes(a.r)).toEqual([]);
    expect(await clashes(b.r)).toEqual([]);
  });

  it('checked out on one while received on the other is a conflict, cleared once the device is checked in', async () => {
    const { a, b, zuhura, hamisi, device, permit } = await setting();
    await a.r.t.ok(a.officer.token, 'movements.check-out', { request_id: permit.id, out_on: TODAY });
    await handOver(b, device.id, zuhura.id, hamisi.id);
    await exchange(a.r, b.r);
    expect(await clashes(a.r)).toEqual([expect.objectContaining({ detail: expect.objectContaining({ tag: device.tag, state: 'out', holder: 'Zuhura Said' }) })]);
    expect(await clashes(b.r)).toEqual(await clashes(a.r));

    await a.r.t.ok(a.officer.token, 'movements.check-in', { request_id: permit.id, returned_on: TODAY, condition: 'good', notes: '' });
    await exchange(a.r, b.r);
    expect(await clashes(a.r)).toEqual([]);
    expect(await clashes(b.r)).toEqual([]);
  });

  it('revoking the permit clears it', async () => {
    const { a, b, zuhura, hamisi, device, permit } = await setting();
    await handOver(b, device.id, zuhura.id, hamisi.id);
    await exchange(a.r, b.r);
    expect(await clashes(b.r)).toHaveLength(1);
    await b.r.t.ok(b.accountant.token, 'movements.revoke', { request_id: permit.id, reason: 'Kifaa kimekabidhiwa kwa Hamisi' });
    await exchange(a.r, b.r);
    expect(await clashes(a.r)).toEqual([]);
    expect(await clashes(b.r)).toEqual([]);
  });

  it('a handover received before the permit was approved is no conflict', async () => {
    const a = await office('A', 1, '2025-03-03T08:00:00.000Z');
    const zuhura = await a.r.ok('people.register', { full_name: 'Zuhura Said', check_number: '100230' });
    const hamisi = await a.r.ok('people.register', { full_name: 'Hamisi Juma', check_number: '100231' });
    const device = await registerDevice(a.r, { custodian_id: zuhura.id });
    await handOver(a, device.id, zuhura.id, hamisi.id);
    const permit = await a.r.t.ok(a.officer.token, 'movements.request', {
      holder_id: hamisi.id,
      asset_ids: [device.id],
      purpose: 'Warsha ya bajeti',
      destination: 'Arusha',
      date_out: TODAY,
      due_on: '2025-03-07',
      data_held: 'Rasimu ya bajeti',
    });
    await a.r.t.ok(a.accountant.token, 'movements.decide', { request_id: permit.id, decision: 'approved' });
    await a.r.t.ok(a.officer.token, 'movements.check-out', { request_id: permit.id, out_on: TODAY });
    expect(await clashes(a.r)).toEqual([]);
  });
});
