// Two installations of the Ministry of Water exchanging bundles (3.6.12): a device put in disposal batches on
// both, a device handed over on one while a batch on the other held it, and a device put in a batch on
// one while a handover not yet received held it on the other. Each installation kept the
// rules on its own; after the exchange both hold the same rows, and the Sync screen lists each conflict
// (conflicts.list, the route its panel calls) with a plain sentence naming the tag and the batch numbers,
// in Swahili and English. Taking the device out of one batch clears the first conflict on both.
import { afterEach, describe, expect, it } from 'vitest';
import { translator, type Language } from '../../../db/contract/catalogues/index.ts';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { areaConflictText, conflictDevices, conflictScreen, conflictTitle } from '../../../renderer/screens/sync/sync-helpers.ts';
import { addUser, expectRefused, present, rowsOf, type TestUser } from '../../helpers/core.ts';
import { carry, conflictsOf, openReplica, registerDevice, sharedDigest, type Replica } from '../../helpers/sync.ts';

interface Office {
  r: Replica;
  records: TestUser;
  accountant: TestUser;
}

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.core.close();
});

async function office(name: string, seed: number, start: string): Promise<Office> {
  const r = await openReplica(name, { seed, start });
  open.push(r);
  const records = await addUser(r.t, r.token, `rekodi.${seed}`, ['records_officer'], `Mwanaidi (${name})`);
  const accountant = await addUser(r.t, r.token, `masuuli.${seed}`, ['accounting_officer'], `Rehema (${name})`);
  return { r, records, accountant };
}

async function exchange(a: Replica, b: Replica): Promise<void> {
  await carry(a, b, { onlyUnacknowledged: true });
  await carry(b, a, { onlyUnacknowledged: true });
}

/** Every table the disposal conflicts read or change, row for row, and the shared digest. */
function expectConverged(a: Replica, b: Replica): void {
  for (const table of ['disposal_batches', 'disposal_proposals', 'assets', 'storage_media', 'handovers', 'conflict_resolutions']) {
    expect([table, rowsOf(a.store, table)]).toEqual([table, rowsOf(b.store, table)]);
  }
  expect(sharedDigest(a.store)).toEqual(sharedDigest(b.store));
}

type Listed = RouteOutput<'conflicts.list'>[number];

/** The panel's heading and sentence for a conflict, in both languages. */
function told(conflict: Listed): Record<Language, { title: string; text: string }> {
  const tell = (language: Language) => {
    const t = translator(language);
    return { title: conflictTitle(conflict.kind, t), text: areaConflictText(conflict, t) ?? '' };
  };
  return { sw: tell('sw'), en: tell('en') };
}

/** Two offices that share a person and a laptop with an SSD, held by Zuhura. */
async function setting(): Promise<{ a: Office; b: Office; device: string; zuhura: string; hamisi: string }> {
  const a = await office('A', 1, '2025-03-03T08:00:00.000Z');
  const b = await office('B', 2, '2025-03-03T08:00:30.000Z');
  const zuhura = (await a.r.ok('people.register', { full_name: 'Zuhura Said', check_number: '100230' })).id;
  const hamisi = (await a.r.ok('people.register', { full_name: 'Hamisi Juma', check_number: '100231' })).id;
  const device = (await registerDevice(a.r, { tag: 'MAJI/ICT/2025/0042', custodian_id: zuhura, media: [{ kind: 'ssd', capacity_gb: 256, serial: 'SSD-42' }] })).id;
  await exchange(a.r, b.r);
  return { a, b, device, zuhura, hamisi };
}

describe('disposal on two installations', () => {
  it('a device put in batches on both: the same conflict on both, told with its tag and both batch numbers', async () => {
    const { a, b, device } = await setting();
    await a.r.ok('disposal.propose', { asset_id: device, reason: 'obsolete', note: 'Imechakaa' });
    await exchange(a.r, b.r);
    // A numbered a batch of another device first: its batch of the laptop is 0002, B's is 0001.
    const printer = (await registerDevice(a.r, { tag: 'MAJI/ICT/2025/0050', category: 'printer', make: 'HP', model: 'LaserJet M404' })).id;
    await a.r.ok('disposal.propose', { asset_id: printer, reason: 'sale', route: 'sale', note: 'Mnada' });
    await a.r.t.ok(a.records.token, 'disposal.create', { lines: [{ asset_id: printer }] });
    const onA = await a.r.t.ok(a.records.token, 'disposal.create', { lines: [{ asset_id: device }] });
    const onB = await b.r.t.ok(b.records.token, 'disposal.create', { lines: [{ asset_id: device }] });
    expect([onA.number, onB.number]).toEqual(['MAJI/UOND/2025/0002', 'MAJI/UOND/2025/0001']);
    expect(await conflictsOf(a.r)).toEqual([]);

    await exchange(a.r, b.r);
    expectConverged(a.r, b.r);
    const listed = await conflictsOf(a.r);
    expect(await conflictsOf(b.r)).toEqual(listed);
    const twice = present(listed.find((c) => c.kind === 'disposal-device-in-two-batches'), 'the conflict');
    const byId = [onA, onB].sort((x, y) => x.id.localeCompare(y.id));
    expect(twice.entities).toEqual([device, ...byId.map((batch) => batch.id)]);
    expect(twice.detail).toEqual({ asset_id: device, tag: 'MAJI/ICT/2025/0042', batches: byId.map((batch) => batch.id), numbers: byId.map((batch) => batch.number) });
    expect(conflictDevices(twice)).toEqual([device]);
    expect(conflictScreen(twice.kind)).toBe('disposal');

    const numbers = byId.map((batch) => batch.number).join(', ');
    expect(told(twice)).toEqual({
      sw: {
        title: 'Kifaa kimoja kwenye makundi mawili ya uondoaji',
        text: `Kifaa MAJI/ICT/2025/0042 kimewekwa kwenye makundi mawili ya uondoaji kwenye kompyuta tofauti: ${numbers}. Kiondoe kwenye kundi moja.`,
      },
      en: {
        title: 'One device in two disposal batches',
        text: `The device MAJI/ICT/2025/0042 was put in two disposal batches on different computers: ${numbers}. Take it out of one of them.`,
      },
    });
    // Both numbered a batch 0001 on their own: told too, by the number.
    const number = present(listed.find((c) => c.kind === 'disposal-number-twice'), 'the number given twice');
    expect(told(number).en.text).toBe('2 disposal batches were given the same number MAJI/UOND/2025/0001 on different computers.');
    expect(told(number).sw.text).toContain('MAJI/UOND/2025/0001');
    // The disposal screen tells the same sentences.
    const shown = await a.r.t.ok(a.records.token, 'disposal.conflicts');
    expect(shown.find((c) => c.kind === twice.kind)?.text).toEqual({ sw: told(twice).sw.text, en: told(twice).en.text });

    // Taken out of B's batch: no device is in two batches any more, on either installation.
    await b.r.t.ok(b.records.token, 'disposal.remove', { batch_id: onB.id, asset_id: device });
    await exchange(a.r, b.r);
    expectConverged(a.r, b.r);
    for (const r of [a.r, b.r]) expect((await conflictsOf(r)).map((c) => c.kind)).toEqual(['disposal-number-twice']);
    expect((await b.r.t.ok(b.records.token, 'disposal.get', { batch_id: onA.id })).devices.map((d) => d.asset_id)).toEqual([device]);
    // Still in A's batch on both: named by it, and held by it (nothing may move it meanwhile).
    for (const r of [a.r, b.r]) expect(await r.ok('assets.get', { asset_id: device })).toMatchObject({ status: 'in_disposal', disposal_batch_id: onA.id });
  });

  it('a device handed over on one while in a batch on the other: the same conflict on both, naming the tag, the batch and the handover', async () => {
    const { a, b, device, zuhura, hamisi } = await setting();
    await a.r.ok('disposal.propose', { asset_id: device, reason: 'obsolete', note: 'Imechakaa' });
    const batch = await a.r.t.ok(a.records.token, 'disposal.create', { lines: [{ asset_id: device }] });
    // B, not knowing, hands the laptop from Zuhura to Hamisi, a few minutes later.
    b.r.clock.advance(5 * 60_000);
    const handover = await b.r.ok('handovers.prepare', {
      kind: 'handover',
      from: { type: 'person', person_id: zuhura },
      to: { type: 'person', person_id: hamisi },
      lines: [{ asset_id: device, condition: 'good', accessories: 'Chaja' }],
      reason: 'Mgawanyo mpya wa kazi',
    });
    await b.r.t.ok(b.accountant.token, 'handovers.decide', { handover_id: handover.id, decision: 'approved' });
    await b.r.ok('handovers.receive', { handover_id: handover.id, received_on: '2025-03-03', received_by: 'Hamisi Juma' });

    await exchange(a.r, b.r);
    expectConverged(a.r, b.r);
    const listed = await conflictsOf(a.r);
    expect(await conflictsOf(b.r)).toEqual(listed);
    const handed = present(listed.find((c) => c.kind === 'disposal-handed-over-in-batch'), 'the conflict');
    expect(handed.entities).toEqual([device, batch.id, handover.id]);
    expect(handed.detail).toEqual({ tag: 'MAJI/ICT/2025/0042', number: batch.number, handover: handover.number });
    expect(told(handed)).toEqual({
      sw: {
        title: 'Kimekabidhiwa kikiwa kwenye kundi la uondoaji',
        text: `Kifaa MAJI/ICT/2025/0042 kilikabidhiwa (${handover.number}) kikiwa kwenye kundi la uondoaji ${batch.number}, kwenye kompyuta nyingine. Amua kama kinaondoshwa au kinabaki kwa aliyekipokea.`,
      },
      en: {
        title: 'Handed over while in a disposal batch',
        text: `The device MAJI/ICT/2025/0042 was handed over (${handover.number}) while disposal batch ${batch.number} held it, on another computer. Decide whether it is disposed of or stays with its receiver.`,
      },
    });
    // Both now hold the device in the batch, with the receiver as its custodian.
    for (const r of [a.r, b.r]) expect(await r.ok('assets.get', { asset_id: device })).toMatchObject({ status: 'in_disposal', custodian_id: hamisi, disposal_batch_id: batch.id });

    // Resolved on B once the records are set right: closed on both.
    await b.r.ok('conflicts.resolve', { conflict_id: handed.id, note: 'Kifaa kinabaki kwenye kundi; Hamisi amekirudisha stoo' });
    await exchange(a.r, b.r);
    expectConverged(a.r, b.r);
    for (const r of [a.r, b.r]) expect((await conflictsOf(r)).map((c) => c.kind)).not.toContain('disposal-handed-over-in-batch');
  });

  it('a device put in a batch on one while on a handover not yet received on the other: the same conflict on both, until the handover is cancelled', async () => {
    const { a, b, device, zuhura, hamisi } = await setting();
    // A prepares the laptop's handover from Zuhura to Hamisi and the Accounting Officer approves it.
    const prepared = await a.r.ok('handovers.prepare', {
      kind: 'handover',
      from: { type: 'person', person_id: zuhura },
      to: { type: 'person', person_id: hamisi },
      lines: [{ asset_id: device, condition: 'fair', accessories: 'Chaja' }],
      reason: 'Hamisi anahitaji kompyuta ya kazi',
    });
    const handover = await a.r.t.ok(a.accountant.token, 'handovers.decide', { handover_id: prepared.id, decision: 'approved' });
    // B, not knowing, proposes the laptop as obsolete and puts it in a batch.
    b.r.clock.advance(5 * 60_000);
    await b.r.ok('disposal.propose', { asset_id: device, reason: 'obsolete', note: 'Imechakaa' });
    const batch = await b.r.t.ok(b.records.token, 'disposal.create', { lines: [{ asset_id: device }] });
    expect(await conflictsOf(a.r)).toEqual([]);

    await exchange(a.r, b.r);
    expectConverged(a.r, b.r);
    const listed = await conflictsOf(a.r);
    expect(await conflictsOf(b.r)).toEqual(listed);
    const both = present(listed.find((c) => c.kind === 'disposal-batched-on-handover'), 'the conflict');
    expect(both.entities).toEqual([device, batch.id, handover.id]);
    expect(both.detail).toEqual({ tag: 'MAJI/ICT/2025/0042', number: batch.number, handover: handover.number });
    expect(conflictDevices(both)).toEqual([device]);
    expect(conflictScreen(both.kind)).toBe('disposal');
    expect(told(both)).toEqual({
      sw: {
        title: 'Kimewekwa kwenye kundi la uondoaji kikiwa kwenye makabidhiano',
        text: `Kifaa MAJI/ICT/2025/0042 kiliwekwa kwenye kundi la uondoaji ${batch.number} kikiwa kwenye makabidhiano ${handover.number} ambayo bado hayajakamilika, kwenye kompyuta nyingine. Sitisha makabidhiano hayo, au kiondoe kifaa kwenye kundi.`,
      },
      en: {
        title: 'Put in a disposal batch while on a handover',
        text: `The device MAJI/ICT/2025/0042 was put in disposal batch ${batch.number} while handover ${handover.number}, not yet complete, held it, on another computer. Cancel that handover, or take the device out of the batch.`,
      },
    });
    // Neither goes on meanwhile: the batch holds the device, so the receipt is refused, naming the batch.
    const refused = expectRefused(await a.r.call('handovers.receive', { handover_id: handover.id, received_on: '2025-03-03', received_by: 'Hamisi Juma' }), 'handover-device-in-disposal');
    expect(refused.params).toEqual({ tag: 'MAJI/ICT/2025/0042', number: batch.number });

    // A cancels the handover: nothing holds the device twice any more, on either installation.
    await a.r.ok('handovers.cancel', { handover_id: handover.id, reason: 'Kompyuta imewekwa kwenye kundi la uondoaji' });
    await exchange(a.r, b.r);
    expectConverged(a.r, b.r);
    for (const r of [a.r, b.r]) expect((await conflictsOf(r)).map((c) => c.kind)).not.toContain('disposal-batched-on-handover');
  });
});
