// 3.6.6: every holder of a device with the days each held it, each handover told in plain words in the
// history of the handover and of its devices, and the projection rebuilt from the journal alike.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../helpers/core.ts';
import { approvedHandover, laptopToHamisi, openHandoverOffice, type HandoverOffice } from './fixture.ts';

let o: HandoverOffice;
beforeEach(async () => {
  o = await openHandoverOffice();
});
afterEach(() => o.core.close());

describe('a device’s holders', () => {
  it('lists the registration’s custodian, then each received handover, with the days each held it', async () => {
    const first = await approvedHandover(o);
    expect(await o.ok(o.auditor.token, 'handovers.holders', { asset_id: o.laptop.id })).toEqual([
      expect.objectContaining({ type: 'person', person_id: o.people.zuhura, name: 'Zuhura Said', from: '2026-11-23', to: null, via: 'registration' }),
    ]);
    await o.ok(o.officer.token, 'handovers.receive', { handover_id: first.id, received_on: '2026-11-23', received_by: 'Hamisi Juma' });
    o.clock.advance(3 * DAY);
    const back = await approvedHandover(o, laptopToHamisi(o, { kind: 'return', from: { type: 'person', person_id: o.people.hamisi }, to: { type: 'store' } }));
    expect(back.lines[0]?.after).toBe(first.id);
    await o.ok(o.officer.token, 'handovers.receive', { handover_id: back.id, received_on: '2026-11-26', received_by: 'Juma Ally' });
    o.clock.advance(DAY);
    const out = await approvedHandover(
      o,
      laptopToHamisi(o, { from: { type: 'store' }, to: { type: 'institution', institution_name: 'Wizara ya Afya', officer_name: 'Dkt. Neema Kimaro' } }),
    );
    await o.ok(o.officer.token, 'handovers.receive', { handover_id: out.id, received_on: '2026-11-27', received_by: 'Dkt. Neema Kimaro' });

    expect(await o.ok(o.auditor.token, 'handovers.holders', { asset_id: o.laptop.id })).toEqual([
      { type: 'person', person_id: o.people.zuhura, name: 'Zuhura Said', institution: '', from: '2026-11-23', to: '2026-11-23', via: 'registration', handover_id: null, handover_number: '' },
      { type: 'person', person_id: o.people.hamisi, name: 'Hamisi Juma', institution: '', from: '2026-11-23', to: '2026-11-26', via: 'handover', handover_id: first.id, handover_number: 'MAJI/MK/2026/0001' },
      { type: 'store', person_id: null, name: '', institution: '', from: '2026-11-26', to: '2026-11-27', via: 'handover', handover_id: back.id, handover_number: 'MAJI/MK/2026/0002' },
      { type: 'institution', person_id: null, name: 'Dkt. Neema Kimaro', institution: 'Wizara ya Afya', from: '2026-11-27', to: null, via: 'handover', handover_id: out.id, handover_number: 'MAJI/MK/2026/0003' },
    ]);
  });

  it('counts a custodian changed in the register as a holder too, and an edit that keeps the custodian as none', async () => {
    o.clock.advance(DAY);
    const edit = { asset_id: o.desktop.id, tag: o.desktop.tag, category: 'desktop', make: 'HP', model: 'ProDesk 400', serial: 'HP400-221' };
    await o.ok(o.officer.token, 'assets.update', { ...edit, notes: 'Imekaguliwa' });
    await o.ok(o.officer.token, 'assets.update', { ...edit, custodian_id: o.people.rehema });
    const holders = await o.ok(o.auditor.token, 'handovers.holders', { asset_id: o.desktop.id });
    expect(holders.map((h) => [h.type, h.name, h.from, h.to, h.via])).toEqual([
      ['store', '', '2026-11-23', '2026-11-24', 'registration'],
      ['person', 'Rehema Mollel', '2026-11-24', null, 'update'],
    ]);
  });

  it('refuses a device it does not know', async () => {
    const result = await o.call(o.auditor.token, 'handovers.holders', { asset_id: 'no-such-device' });
    expect(result.ok ? null : result.error.code).toBe('asset-not-found');
  });
});

describe('the history', () => {
  it('tells every step in both languages, in the handover’s history and its device’s', async () => {
    const handover = await approvedHandover(o);
    await o.ok(o.officer.token, 'handovers.receive', {
      handover_id: handover.id,
      received_on: '2026-11-23',
      received_by: 'Hamisi Juma',
      witness: 'Rehema Mollel',
      scan: { name: 'hati.pdf', mime: 'application/pdf', base64: Buffer.from('%PDF-1.7 hati').toString('base64') },
    });
    const sentences = (await o.ok(o.admin, 'history.entity', { entity: handover.id })).map((entry) => entry.sentence).reverse();
    expect(sentences).toEqual([
      {
        sw: 'Juma Ally aliandaa makabidhiano MAJI/MK/2026/0001 ya vifaa MAJI/ICT/2026/0001. Anayekabidhi: Zuhura Said; anayepokea: Hamisi Juma. Sababu: Zuhura amehamishiwa Idara ya Utawala; Hamisi anachukua kazi zake.',
        en: 'Juma Ally prepared handover MAJI/MK/2026/0001 of MAJI/ICT/2026/0001. Giver: Zuhura Said; receiver: Hamisi Juma. Reason: Zuhura amehamishiwa Idara ya Utawala; Hamisi anachukua kazi zake.',
      },
      { sw: 'Baraka Mushi (Afisa Masuuli) alitoa kibali maalumu cha makabidhiano haya.', en: 'Baraka Mushi (Accounting Officer) granted the special permit for this handover.' },
      {
        sw: 'Juma Ally alirekodi kwamba vifaa vilipokelewa na Hamisi Juma tarehe 23/11/2026, mbele ya shahidi Rehema Mollel.',
        en: 'Juma Ally recorded that Hamisi Juma received the devices on 23/11/2026, witnessed by Rehema Mollel.',
      },
      { sw: 'Juma Ally aliambatisha nakala iliyochanganuliwa ya hati iliyosainiwa (hati.pdf).', en: 'Juma Ally attached the scan of the signed form (hati.pdf).' },
    ]);
    const device = (await o.ok(o.admin, 'history.entity', { entity: o.laptop.id })).map((entry) => entry.type);
    expect(device.slice(0, 3)).toEqual(['handovers.received', 'handovers.approved', 'handovers.prepared']);
  });

  it('tells a return, a rejection, a cancellation, another institution and the setting', async () => {
    const rejected = await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o, { kind: 'return', to: { type: 'store' } }));
    await o.ok(o.accountant.token, 'handovers.decide', { handover_id: rejected.id, decision: 'rejected', reason: 'Bado anakihitaji' });
    const outside = await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o, { to: { type: 'institution', institution_name: 'Wizara ya Afya', officer_name: 'Dkt. Neema Kimaro' } }));
    await o.ok(o.officer.token, 'handovers.cancel', { handover_id: outside.id, reason: 'Imeahirishwa' });
    await o.ok(o.admin, 'handovers.set-approver', { approver_role: 'head_of_institution' });
    const say = async (entity: string) => (await o.ok(o.admin, 'history.entity', { entity })).map((entry) => entry.sentence.sw).reverse();
    expect(await say(rejected.id)).toEqual([
      'Juma Ally aliandaa urejeshaji MAJI/MK/2026/0001 wa vifaa MAJI/ICT/2026/0001. Anayerejesha: Zuhura Said; anayepokea: Stoo ya TEHAMA. Sababu: Zuhura amehamishiwa Idara ya Utawala; Hamisi anachukua kazi zake.',
      'Baraka Mushi (Afisa Masuuli) alikataa kutoa kibali cha makabidhiano haya: Bado anakihitaji',
    ]);
    expect(await say(outside.id)).toEqual([
      'Juma Ally aliandaa makabidhiano MAJI/MK/2026/0002 ya vifaa MAJI/ICT/2026/0001. Anayekabidhi: Zuhura Said; anayepokea: Dkt. Neema Kimaro wa Wizara ya Afya. Sababu: Zuhura amehamishiwa Idara ya Utawala; Hamisi anachukua kazi zake.',
      'Juma Ally alisitisha makabidhiano haya: Imeahirishwa',
    ]);
    expect(await say('handover-settings')).toEqual(['Asha Mrisho aliweka kwamba kibali cha makabidhiano hutolewa na Mkuu wa Taasisi.']);
  });

  it('rebuilds every handover row and every device from the journal exactly as stored', async () => {
    const handover = await approvedHandover(o);
    await o.ok(o.officer.token, 'handovers.receive', { handover_id: handover.id, received_on: '2026-11-23', received_by: 'Hamisi Juma' });
    await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o, { from: { type: 'person', person_id: o.people.hamisi }, to: { type: 'person', person_id: o.people.rehema } }));
    expect(await o.ok(o.admin, 'journal.verify')).toMatchObject({ ok: true });
  });
});
