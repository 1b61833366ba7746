// The handover form (Hati ya Makabidhiano, 3.6.6) read back from the PDF: the institution's head, the
// parties, every device with tag, serial, condition and accessories, the permit and its approver, and
// the blocks for the giver, the receiver and the witness, in both languages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBack } from '../../helpers/printed-forms.ts';
import { approvedHandover, laptopToHamisi, openHandoverOffice, type HandoverOffice } from './fixture.ts';

let o: HandoverOffice;
beforeEach(async () => {
  o = await openHandoverOffice();
});
afterEach(() => o.core.close());

const twoDevices = (o: HandoverOffice) =>
  laptopToHamisi(o, {
    lines: [
      { asset_id: o.laptop.id, condition: 'good', accessories: 'Chaja na begi' },
      { asset_id: o.flash.id, condition: 'fair', accessories: 'Kifuniko' },
    ],
  });

describe('the handover form', () => {
  it('prints a received handover in Swahili with everything the record holds', async () => {
    const handover = await approvedHandover(o, twoDevices(o));
    await o.ok(o.officer.token, 'handovers.receive', { handover_id: handover.id, received_on: '2026-11-23', received_by: 'Hamisi Juma', witness: 'Rehema Mollel' });
    const pdf = await o.ok(o.auditor.token, 'documents.handover-form', { handover_id: handover.id });
    expect(pdf).toMatchObject({ mime: 'application/pdf', filename: 'Hati-ya-Makabidhiano-MAJI-MK-2026-0001.pdf' });
    const { flat, pages, fonts } = readBack(pdf, 'handover-form-sw');
    expect(pages).toHaveLength(1);
    for (const text of [
      'JAMHURI YA MUUNGANO WA TANZANIA',
      'WIZARA YA MAJI',
      'HATI YA MAKABIDHIANO YA VIFAA VYA TEHAMA',
      'Makabidhiano na. MAJI/MK/2026/0001 kwa kibali maalumu',
      'Anayekabidhi Zuhura Said',
      'Anayepokea Hamisi Juma',
      'MAJI/ICT/2026/0001',
      'DL5440-77X',
      'Chaja na begi',
      'MAJI/ICT/2026/0003',
      'KT-32-9981',
      'Kifuniko',
      'Nzuri',
      'Wastani',
      'Kibali maalumu cha makabidhiano MAJI/MK/2026/0001 kimetolewa.',
      'Kimetolewa na: Baraka Mushi, Afisa Masuuli (Katibu Mkuu), tarehe 23/11/2026',
      'Vifaa vilipokelewa tarehe 23/11/2026 na Hamisi Juma.',
      'Shahidi: Rehema Mollel',
      'Aliyekabidhi',
      'Aliyepokea',
      'Sahihi:',
      'Ukurasa 1 kati ya 1',
    ]) {
      expect(flat).toContain(text);
    }
    expect(fonts).toContain('NotoSans');
  });

  it('prints in English, and says plainly when the permit is still awaited', async () => {
    const pending = await o.ok(o.officer.token, 'handovers.prepare', twoDevices(o));
    const { flat } = readBack(await o.ok(o.officer.token, 'documents.handover-form', { handover_id: pending.id, language: 'en' }), 'handover-form-en-pending');
    for (const text of [
      'HANDOVER FORM FOR ICT EQUIPMENT',
      'Giver Zuhura Said',
      'Receiver Hamisi Juma',
      'DEVICES HANDED OVER (2)',
      'The special permit for handover MAJI/MK/2026/0001 is not yet granted',
      'Handed over by',
      'Received by',
      'Witness',
    ]) {
      expect(flat).toContain(text);
    }
    expect(flat).not.toContain('Decided by');
  });

  it('names the other institution and its officer as the receiver, and a rejection with its reason', async () => {
    const outside = await o.ok(
      o.officer.token,
      'handovers.prepare',
      laptopToHamisi(o, { to: { type: 'institution', institution_name: 'Wizara ya Afya', officer_name: 'Dkt. Neema Kimaro' } }),
    );
    await o.ok(o.accountant.token, 'handovers.decide', { handover_id: outside.id, decision: 'rejected', reason: 'Barua ya Wizara ya Afya haijapokelewa' });
    const { flat } = readBack(await o.ok(o.officer.token, 'documents.handover-form', { handover_id: outside.id, language: 'en' }), 'handover-form-en-rejected');
    expect(flat).toContain('Receiver Dkt. Neema Kimaro On behalf of Wizara ya Afya');
    expect(flat).toContain('The permit for handover MAJI/MK/2026/0001 was refused');
    expect(flat).toContain('Barua ya Wizara ya Afya haijapokelewa');
  });

  it('refuses a handover it does not know', async () => {
    const result = await o.call(o.officer.token, 'documents.handover-form', { handover_id: 'no-such-handover' });
    expect(result.ok ? null : result.error.code).toBe('handover-not-found');
  });
});
