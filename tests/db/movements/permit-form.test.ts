// The permit (Kibali) the servant carries (3.6.11), read back from the PDF: the institution, the permit
// number and code, the holder, every device with its tag, serial and classification, the trip, the
// approver and the signature lines, in both languages; and the QR code holds the number and the code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { groupCode } from '../../../db/movements/contract.ts';
import { refusedWithoutWriting } from '../../helpers/core.ts';
import { registerDevice } from '../../helpers/office.ts';
import { readBack } from '../../helpers/printed-forms.ts';
import { approvedRequest, openMovementsOffice, requestFor, type Movement, type MovementsOffice } from './fixture.ts';

let o: MovementsOffice;
let permit: Movement;
beforeAll(async () => {
  o = await openMovementsOffice();
  await o.ok(o.admin, 'people.update', { person_id: o.people.zuhura, full_name: 'Zuhura Said', check_number: '100230', title: 'Mhasibu Mkuu' });
  permit = await approvedRequest(o, { asset_ids: [o.laptop.id, o.desktop.id] }, 'Kikao cha Kamati ya Bunge ya Bajeti; kifaa kitakaa na mtumishi muda wote');
});
afterAll(() => o.core.close());

describe('the printed permit', () => {
  it.each(['sw', 'en'] as const)('reads in %s with every particular the gate and the servant need', async (language) => {
    const t = translator(language);
    const w = (key: string, params?: Record<string, string | number>) => t(`movements_ui.permit.${key}`, params);
    const pdf = await o.ok(o.officer.token, 'documents.permit', { request_id: permit.id, language });
    expect(pdf.filename).toContain('MAJI');
    const { pages, flat, fonts } = readBack(pdf, `permit-${language}`);
    expect(pages).toHaveLength(1);
    for (const text of [
      t('documents.form.republic'),
      'WIZARA YA MAJI',
      w('title'),
      'MAJI/KBL/2026/0001',
      groupCode(permit.verification_code),
      'Zuhura Said',
      '100230',
      'Mhasibu Mkuu',
      o.laptop.tag,
      o.desktop.tag,
      'DL5440-77X',
      'HP800-5521',
      t('classifications.secret'),
      t('classifications.offline-warning'),
      'Kikao cha Kamati ya Bunge ya Bajeti',
      'AICC, Arusha',
      '24/11/2026',
      '28/11/2026',
      'Makadirio ya bajeti ya Wizara (rasimu)',
      'Bi. Rehema Kweka',
      'Juma Ally',
      w('sign-holder'),
      w('sign-approver'),
    ]) {
      expect(flat, text).toContain(text);
    }
    expect(fonts).toContain('NotoSans');
  });

  it('is printed only for an approved permit not yet revoked nor back', async () => {
    const printer = await registerDevice(o, o.officer.token, { category: 'printer', make: 'HP', model: 'LaserJet Pro M404dn' });
    const request = await o.ok(o.officer.token, 'movements.request', requestFor(o, { asset_ids: [printer.id], holder_id: o.people.hamisi }));
    const print = { request_id: request.id, language: 'sw' as const };
    const error = await refusedWithoutWriting(o, o.officer.token, 'documents.permit', print, 'movement-not-printable');
    expect(error.params).toEqual({ permit: request.permit_no });
    await o.ok(o.accountant.token, 'movements.decide', { request_id: request.id, decision: 'approved' });
    expect((await o.ok(o.auditor.token, 'documents.permit', print)).mime).toBe('application/pdf');
    await o.ok(o.accountant.token, 'movements.revoke', { request_id: request.id, reason: 'Safari imeahirishwa' });
    await refusedWithoutWriting(o, o.officer.token, 'documents.permit', print, 'movement-not-printable');
  });
});
