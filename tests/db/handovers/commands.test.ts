// Handovers through their routes (3.6.6, 3.6.14): every rule that says no, and that saying no writes
// nothing; every state a handover passes through; custody moving only on the receiver's acknowledgement.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { okValue, refusedRawWithoutWriting, refusedWithoutWriting } from '../../helpers/core.ts';
import { reportAndAssignOutside, reportFault } from '../../helpers/office.ts';
import { approvedHandover, laptopToHamisi, openHandoverOffice, type HandoverOffice } from './fixture.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');

let o: HandoverOffice;
beforeEach(async () => {
  o = await openHandoverOffice();
});
afterEach(() => o.core.close());

const device = async (id: string) => o.ok(o.officer.token, 'assets.get', { asset_id: id });

describe('preparing a handover', () => {
  it('records a pending handover numbered {CODE}/MK/{YYYY}/{SEQ}, with each device as it is, and moves nothing yet', async () => {
    const first = await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o));
    expect(first).toMatchObject({
      number: 'MAJI/MK/2026/0001',
      state: 'pending',
      kind: 'handover',
      from_type: 'person',
      from_name: 'Zuhura Said',
      to_type: 'person',
      to_name: 'Hamisi Juma',
      prepared_by: o.officer.id,
      prepared_by_name: 'Juma Ally',
      lines: [{ asset_id: o.laptop.id, tag: 'MAJI/ICT/2026/0001', serial: 'DL5440-77X', condition: 'good', accessories: 'Chaja na begi', after: null }],
    });
    const second = await o.ok(o.officer.token, 'handovers.prepare', {
      kind: 'handover',
      from: { type: 'store' },
      to: { type: 'person', person_id: o.people.rehema },
      lines: [{ asset_id: o.desktop.id, condition: 'fair', accessories: '' }],
      reason: 'Rehema ameajiriwa; anahitaji kompyuta.',
    });
    expect(second).toMatchObject({ number: 'MAJI/MK/2026/0002', from_type: 'store', from_name: '' });
    expect(await device(o.laptop.id)).toMatchObject({ custodian_id: o.people.zuhura, status: 'in_service' });
    expect(await device(o.desktop.id)).toMatchObject({ custodian_id: null, status: 'in_store' });
  });

  it('takes many devices at once', async () => {
    const handover = await o.ok(
      o.officer.token,
      'handovers.prepare',
      laptopToHamisi(o, { lines: [{ asset_id: o.laptop.id, condition: 'good', accessories: '' }, { asset_id: o.flash.id, condition: 'good', accessories: '' }] }),
    );
    expect(handover.lines.map((line) => line.tag)).toEqual(['MAJI/ICT/2026/0001', 'MAJI/ICT/2026/0003']);
  });

  it('refuses a form without devices, naming the field', async () => {
    const error = await refusedRawWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o, { lines: [] }), 'invalid-input');
    expect(error.fields).toEqual({ lines: 'handovers_ui.validation.lines' });
  });

  it('refuses a return from the store', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o, { kind: 'return', from: { type: 'store' }, to: { type: 'person', person_id: o.people.hamisi } }), 'handover-return-from-store');
  });

  it('refuses a return to another institution', async () => {
    const to = { type: 'institution' as const, institution_name: 'Wizara ya Afya', officer_name: 'Dkt. Neema Kimaro' };
    await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o, { kind: 'return', to }), 'handover-return-outside');
  });

  it('refuses a handover to the store, which is a return', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o, { to: { type: 'store' } }), 'handover-to-store-is-return');
  });

  it('refuses a giver who would also receive', async () => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o, { to: { type: 'person', person_id: o.people.zuhura } }), 'handover-same-party');
    expect(error.params).toEqual({ name: 'Zuhura Said' });
  });

  it('refuses a receiver not in the register of people, or no longer present', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o, { to: { type: 'person', person_id: 'no-such-person' } }), 'person-not-found');
    await o.ok(o.officer.token, 'people.deactivate', { person_id: o.people.hamisi });
    const error = await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o), 'person-inactive');
    expect(error.params).toEqual({ name: 'Hamisi Juma' });
  });

  it('takes back a device from someone who has left', async () => {
    await o.ok(o.officer.token, 'people.deactivate', { person_id: o.people.zuhura });
    const handover = await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o, { kind: 'return', to: { type: 'store' } }));
    expect(handover).toMatchObject({ kind: 'return', to_type: 'store', from_name: 'Zuhura Said' });
  });

  it('refuses a device it does not know', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o, { lines: [{ asset_id: 'no-such-device', condition: 'good', accessories: '' }] }), 'asset-not-found');
  });

  it('refuses a device the giver does not hold, naming it and its holder', async () => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o, { from: { type: 'person', person_id: o.people.rehema } }), 'handover-device-not-held');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0001', giver: 'Rehema Mollel', holder: 'Zuhura Said' });
  });

  it('refuses a device in the store named as held by a person', async () => {
    const lines = [{ asset_id: o.desktop.id, condition: 'good' as const, accessories: '' }];
    const error = await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o, { lines }), 'handover-device-not-held-store');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0002', giver: 'Zuhura Said' });
  });

  it('refuses a device said to come from the store that someone holds', async () => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o, { from: { type: 'store' } }), 'handover-device-not-in-store');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0001', holder: 'Zuhura Said' });
  });

  it('refuses the same device twice on one form', async () => {
    const line = { asset_id: o.laptop.id, condition: 'good' as const, accessories: '' };
    const error = await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o, { lines: [line, line] }), 'handover-device-listed-twice');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0001' });
  });

  it('refuses a device already on another open handover, naming that handover', async () => {
    await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o));
    const error = await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o, { to: { type: 'person', person_id: o.people.rehema } }), 'handover-device-on-open-handover');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0001', number: 'MAJI/MK/2026/0001' });
  });

  it('refuses a device under repair, and one away for repair', async () => {
    const entry = await reportFault(o, o.officer.token, o.laptop.id);
    expect((await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o), 'handover-device-under-repair')).params).toEqual({ tag: 'MAJI/ICT/2026/0001' });
    await o.ok(o.officer.token, 'maintenance.close', { entry_id: entry.id, closed_on: '2026-11-21', outcome: 'cancelled', reason: 'Imeripotiwa kimakosa' });
    const { entry: away } = await reportAndAssignOutside(o, o.desktop.id);
    await o.ok(o.officer.token, 'maintenance.send-offsite', { entry_id: away.id, sent_on: '2026-11-21' });
    const fromStore = { from: { type: 'store' as const }, lines: [{ asset_id: o.desktop.id, condition: 'good' as const, accessories: '' }] };
    expect((await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o, fromStore), 'handover-device-away-for-repair')).params).toEqual({ tag: 'MAJI/ICT/2026/0002' });
  });

  it('refuses a device awaiting disposal', async () => {
    const entry = await reportFault(o, o.officer.token, o.laptop.id);
    await o.ok(o.officer.token, 'maintenance.assign', { entry_id: entry.id, technician: { type: 'internal', name: 'Hamisi Juma' } });
    await o.ok(o.officer.token, 'maintenance.record-work', { entry_id: entry.id, actions: 'Ubao mama umeungua', hours: 1 });
    await o.ok(o.officer.token, 'maintenance.close', { entry_id: entry.id, closed_on: '2026-11-22', outcome: 'beyond_repair' });
    await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o), 'handover-device-awaiting-disposal');
  });

  it('3.6.14: refuses a flash disk going to another institution, naming it, in both languages', async () => {
    const to = { type: 'institution' as const, institution_name: 'Wizara ya Afya', officer_name: 'Dkt. Neema Kimaro' };
    const lines = [
      { asset_id: o.laptop.id, condition: 'good' as const, accessories: '' },
      { asset_id: o.flash.id, condition: 'good' as const, accessories: '' },
    ];
    const error = await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o, { to, lines }), 'handover-storage-medium-outside');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0003' });
    const { translator } = await import('../../../db/contract/catalogues/index.ts');
    expect(translator('sw')(error.message, error.params)).toContain('Kifaa MAJI/ICT/2026/0003 ni kitunza au kihamisha kumbukumbu');
    expect(translator('en')(error.message, error.params)).toContain('Device MAJI/ICT/2026/0003 is a storage or transfer medium');
  });

  it('3.6.14: refuses an external drive going to another institution too, and lets a flash disk pass to a servant inside', async () => {
    const drive = await o.ok(o.officer.token, 'assets.register', { tag: 'MAJI/ICT/2026/0004', category: 'external_drive', make: 'Seagate', model: 'Expansion 2 TB', custodian_id: o.people.zuhura });
    const outside = { type: 'institution' as const, institution_name: 'Wizara ya Afya', officer_name: 'Dkt. Neema Kimaro' };
    const line = (asset_id: string) => [{ asset_id, condition: 'good' as const, accessories: '' }];
    await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o, { to: outside, lines: line(drive.id) }), 'handover-storage-medium-outside');
    expect((await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o, { lines: line(o.flash.id) }))).state).toBe('pending');
  });

  it('is refused to those who do not keep custody records', async () => {
    for (const token of [o.auditor.token, o.head.token, o.accountant.token]) expect(okValue(await o.call(token, 'handovers.list', {}))).toEqual([]);
    for (const token of [o.auditor.token, o.head.token, o.accountant.token]) {
      await refusedWithoutWriting(o, token, 'handovers.prepare', laptopToHamisi(o), 'forbidden');
    }
  });
});

describe('recording the receipt', () => {
  it('moves custody to the receiver only on receipt, and keeps the handover and the scan', async () => {
    const approved = await approvedHandover(o);
    expect(approved.state).toBe('approved');
    expect(await device(o.laptop.id)).toMatchObject({ custodian_id: o.people.zuhura });
    const received = await o.ok(o.officer.token, 'handovers.receive', {
      handover_id: approved.id,
      received_on: '2026-11-23',
      received_by: 'Hamisi Juma',
      witness: 'Rehema Mollel',
      scan: { name: 'hati-iliyosainiwa.png', mime: 'image/png', base64: PNG },
    });
    expect(received).toMatchObject({ state: 'received', received_on: '2026-11-23', received_by: 'Hamisi Juma', witness: 'Rehema Mollel' });
    expect(received.attachments).toEqual([{ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), name: 'hati-iliyosainiwa.png', mime: 'image/png', size: 29 }]);
    expect(await device(o.laptop.id)).toMatchObject({ custodian_id: o.people.hamisi, custodian_name: 'Hamisi Juma', status: 'in_service' });
    const scan = await o.ok(o.auditor.token, 'attachments.get', { sha256: received.attachments[0]?.sha256 ?? '' });
    expect(scan.base64).toBe(PNG);
  });

  it('a return to the store leaves the device with nobody, in the store', async () => {
    const handover = await approvedHandover(o, laptopToHamisi(o, { kind: 'return', to: { type: 'store' } }));
    await o.ok(o.officer.token, 'handovers.receive', { handover_id: handover.id, received_on: '2026-11-23', received_by: 'Hamisi Juma' });
    expect(await device(o.laptop.id)).toMatchObject({ custodian_id: null, status: 'in_store' });
  });

  it('a handover to another institution marks the device transferred, after which it cannot be handed again', async () => {
    const to = { type: 'institution' as const, institution_name: 'Wizara ya Afya', officer_name: 'Dkt. Neema Kimaro' };
    const handover = await approvedHandover(o, laptopToHamisi(o, { to }));
    await o.ok(o.officer.token, 'handovers.receive', { handover_id: handover.id, received_on: '2026-11-23', received_by: 'Dkt. Neema Kimaro' });
    expect(await device(o.laptop.id)).toMatchObject({ custodian_id: null, transferred_to: 'Wizara ya Afya', status: 'transferred' });
    const error = await refusedWithoutWriting(o, o.officer.token, 'handovers.prepare', laptopToHamisi(o, { from: { type: 'store' } }), 'handover-device-transferred');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0001', institution: 'Wizara ya Afya' });
  });

  it('refuses a receipt before the permit', async () => {
    const pending = await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o));
    const error = await refusedWithoutWriting(o, o.officer.token, 'handovers.receive', { handover_id: pending.id, received_on: '2026-11-23', received_by: 'Hamisi Juma' }, 'handover-not-approved');
    expect(error.params).toEqual({ number: 'MAJI/MK/2026/0001' });
  });

  it('refuses a receipt twice, and after a rejection or a cancellation', async () => {
    const handover = await approvedHandover(o);
    const receipt = { handover_id: handover.id, received_on: '2026-11-23', received_by: 'Hamisi Juma' };
    await o.ok(o.officer.token, 'handovers.receive', receipt);
    await refusedWithoutWriting(o, o.officer.token, 'handovers.receive', receipt, 'handover-not-open');

    const rejected = await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o, { from: { type: 'person', person_id: o.people.hamisi }, to: { type: 'person', person_id: o.people.rehema } }));
    await o.ok(o.accountant.token, 'handovers.decide', { handover_id: rejected.id, decision: 'rejected', reason: 'Hakuna barua ya uhamisho' });
    await refusedWithoutWriting(o, o.officer.token, 'handovers.receive', { ...receipt, handover_id: rejected.id }, 'handover-not-open');
  });

  it('refuses a date in the future, and one before the handover was prepared', async () => {
    const handover = await approvedHandover(o);
    const receipt = { handover_id: handover.id, received_by: 'Hamisi Juma' };
    const future = await refusedWithoutWriting(o, o.officer.token, 'handovers.receive', { ...receipt, received_on: '2026-11-30' }, 'date-in-future');
    expect(future.fields).toEqual({ received_on: 'errors.date-in-future' });
    const before = await refusedWithoutWriting(o, o.officer.token, 'handovers.receive', { ...receipt, received_on: '2026-11-20' }, 'handover-received-before-prepared');
    expect(before.fields).toEqual({ received_on: 'errors.handover-received-before-prepared' });
  });

  it('checks every device again: one sent for repair since the permit is not received', async () => {
    const handover = await approvedHandover(o);
    await reportFault(o, o.officer.token, o.laptop.id, { reported_on: '2026-11-23' });
    await refusedWithoutWriting(o, o.officer.token, 'handovers.receive', { handover_id: handover.id, received_on: '2026-11-23', received_by: 'Hamisi Juma' }, 'handover-device-under-repair');
    expect(await device(o.laptop.id)).toMatchObject({ custodian_id: o.people.zuhura });
  });

  it('refuses a handover it does not know', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'handovers.receive', { handover_id: 'no-such-handover', received_on: '2026-11-23', received_by: 'Hamisi Juma' }, 'handover-not-found');
    await refusedWithoutWriting(o, o.officer.token, 'handovers.cancel', { handover_id: 'no-such-handover', reason: 'x' }, 'handover-not-found');
    await refusedWithoutWriting(o, o.accountant.token, 'handovers.decide', { handover_id: 'no-such-handover', decision: 'approved' }, 'handover-not-found');
    await refusedWithoutWriting(o, o.officer.token, 'handovers.attach', { handover_id: 'no-such-handover', file: { name: 'a.png', mime: 'image/png', base64: PNG } }, 'handover-not-found');
  });

  it('attaches the signed form scanned later, kept once', async () => {
    const handover = await approvedHandover(o);
    await o.ok(o.officer.token, 'handovers.receive', { handover_id: handover.id, received_on: '2026-11-23', received_by: 'Hamisi Juma' });
    const file = { name: 'hati.png', mime: 'image/png', base64: PNG };
    expect((await o.ok(o.officer.token, 'handovers.attach', { handover_id: handover.id, file })).attachments).toHaveLength(1);
    expect((await o.ok(o.officer.token, 'handovers.attach', { handover_id: handover.id, file })).attachments).toHaveLength(1);
    await refusedWithoutWriting(o, o.officer.token, 'handovers.attach', { handover_id: handover.id, file: { ...file, base64: '' } }, 'invalid-input');
  });
});

describe('cancelling', () => {
  it('cancels a pending handover and an approved one before receipt, freeing their devices', async () => {
    const pending = await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o));
    expect(await o.ok(o.officer.token, 'handovers.cancel', { handover_id: pending.id, reason: 'Uhamisho umeahirishwa' })).toMatchObject({ state: 'cancelled', cancel_reason: 'Uhamisho umeahirishwa' });
    const approved = await approvedHandover(o);
    expect((await o.ok(o.officer.token, 'handovers.cancel', { handover_id: approved.id, reason: 'Hamisi amepewa kompyuta nyingine' })).state).toBe('cancelled');
    expect(await device(o.laptop.id)).toMatchObject({ custodian_id: o.people.zuhura });
    expect((await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o))).state).toBe('pending');
  });

  it('refuses to cancel a handover already received, rejected or cancelled', async () => {
    const handover = await approvedHandover(o);
    await o.ok(o.officer.token, 'handovers.receive', { handover_id: handover.id, received_on: '2026-11-23', received_by: 'Hamisi Juma' });
    const error = await refusedWithoutWriting(o, o.officer.token, 'handovers.cancel', { handover_id: handover.id, reason: 'Kosa' }, 'handover-not-open');
    expect(error.params).toEqual({ number: 'MAJI/MK/2026/0001' });
    const again = await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o, { from: { type: 'person', person_id: o.people.hamisi }, to: { type: 'person', person_id: o.people.rehema } }));
    await o.ok(o.officer.token, 'handovers.cancel', { handover_id: again.id, reason: 'Kosa la kuandika' });
    await refusedWithoutWriting(o, o.officer.token, 'handovers.cancel', { handover_id: again.id, reason: 'Tena' }, 'handover-not-open');
  });

  it('needs a reason', async () => {
    const pending = await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o));
    const error = await refusedWithoutWriting(o, o.officer.token, 'handovers.cancel', { handover_id: pending.id, reason: '  ' }, 'invalid-input');
    expect(error.fields).toEqual({ reason: 'validation.required' });
  });
});

describe('the list', () => {
  it('filters by state and finds a handover by number, party or tag', async () => {
    const received = await approvedHandover(o);
    await o.ok(o.officer.token, 'handovers.receive', { handover_id: received.id, received_on: '2026-11-23', received_by: 'Hamisi Juma' });
    o.clock.advance(60_000);
    const pending = await o.ok(o.officer.token, 'handovers.prepare', {
      kind: 'handover',
      from: { type: 'store' },
      to: { type: 'person', person_id: o.people.rehema },
      lines: [{ asset_id: o.desktop.id, condition: 'good', accessories: '' }],
      reason: 'Ajira mpya',
    });
    const numbers = async (input: Parameters<typeof o.ok<'handovers.list'>>[2]) => (await o.ok(o.auditor.token, 'handovers.list', input)).map((h) => h.number);
    expect(await numbers({})).toEqual([pending.number, received.number]);
    expect(await numbers({ state: 'open' })).toEqual([pending.number]);
    expect(await numbers({ state: 'received' })).toEqual([received.number]);
    expect(await numbers({ search: 'ict/2026/0002' })).toEqual([pending.number]);
    expect(await numbers({ search: 'Hamisi' })).toEqual([received.number]);
    expect(await numbers({ search: '100%' })).toEqual([]);
    expect((await o.ok(o.auditor.token, 'handovers.list', { state: 'pending' }))[0]).toMatchObject({ devices: 1, tags: ['MAJI/ICT/2026/0002'], to_name: 'Rehema Mollel' });
  });
});
