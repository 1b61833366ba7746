// The gate's check of a permit (3.6.11): the QR text or the number and code typed from the paper,
// answered valid / expired / revoked / unknown from the records alone, with the holder and devices.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupCode, parsePermitText, permitText } from '../../../db/movements/contract.ts';
import { addUser, DAY, expectRefused } from '../../helpers/core.ts';
import { approvedRequest, openMovementsOffice, requestFor, type Movement, type MovementsOffice } from './fixture.ts';

let o: MovementsOffice;
let permit: Movement;
beforeEach(async () => {
  o = await openMovementsOffice();
  permit = await approvedRequest(o);
});
afterEach(() => o.core.close());

const check = (text: string, token = o.officer.token) => o.ok(token, 'permits.check', { text });

/** The code with one character changed to another of the alphabet. */
function tampered(code: string, at: number): string {
  const c = code[at] === 'A' ? 'B' : 'A';
  return code.slice(0, at) + c + code.slice(at + 1);
}

describe('checking a permit at the gate', () => {
  it('says valid, with the holder and the devices, for the QR text of an approved permit', async () => {
    const answer = await check(permitText(permit.permit_no, permit.verification_code));
    expect(answer).toMatchObject({
      answer: 'valid',
      permit_no: 'MAJI/KBL/2026/0001',
      holder_name: 'Zuhura Said',
      holder_check_number: '100230',
      destination: 'AICC, Arusha',
      due_on: '2026-11-28',
      decided_by_name: 'Bi. Rehema Kweka',
    });
    expect(answer.devices).toEqual([{ tag: o.laptop.tag, serial: 'DL5440-77X', make: 'Dell', model: 'Latitude 5440', category: 'laptop', classification: 'internal' }]);
  });

  it('reads the number and code as typed: lower case, without the dash, O for 0 and I or L for 1', async () => {
    const code = permit.verification_code;
    expect((await check(`${permit.permit_no.toLowerCase()}   ${code.toLowerCase()}`)).answer).toBe('valid');
    const misread = code.replace(/0/g, 'O').replace(/1/g, 'I');
    expect((await check(`${permit.permit_no} ${groupCode(misread)}`)).answer).toBe('valid');
    expect(parsePermitText(`${permit.permit_no} ${code.slice(0, 5)} ${code.slice(5)}`)).toEqual({ permit_no: permit.permit_no, code });
  });

  it('stays valid while the devices are out, and says expired once past the due date', async () => {
    await o.ok(o.officer.token, 'movements.check-out', { request_id: permit.id, out_on: '2026-11-24' });
    const text = permitText(permit.permit_no, permit.verification_code);
    expect(await check(text)).toMatchObject({ answer: 'valid', out_on: '2026-11-24' });
    o.clock.advance(5 * DAY);
    expect((await check(text)).answer).toBe('valid');
    o.clock.advance(DAY);
    expect((await check(text)).answer).toBe('expired');
  });

  it('says expired once the devices are back', async () => {
    await o.ok(o.officer.token, 'movements.check-out', { request_id: permit.id, out_on: '2026-11-24' });
    o.clock.advance(DAY);
    await o.ok(o.officer.token, 'movements.check-in', { request_id: permit.id, returned_on: '2026-11-24', condition: 'good' });
    expect(await check(permitText(permit.permit_no, permit.verification_code))).toMatchObject({ answer: 'expired', returned_on: '2026-11-24' });
  });

  it('says revoked for a withdrawn permit, with the reason', async () => {
    await o.ok(o.accountant.token, 'movements.revoke', { request_id: permit.id, reason: 'Safari imeahirishwa' });
    expect(await check(permitText(permit.permit_no, permit.verification_code))).toMatchObject({ answer: 'revoked', revoke_reason: 'Safari imeahirishwa' });
  });

  it('says unknown, telling nothing, for a tampered code, another permit’s code, a number nobody issued, or text that is no permit', async () => {
    const unknown = { answer: 'unknown', permit_no: '', holder_name: '', devices: [] };
    for (let at = 0; at < 10; at += 3) expect(await check(permitText(permit.permit_no, tampered(permit.verification_code, at)))).toMatchObject(unknown);
    const other = await approvedRequest(o, { asset_ids: [o.desktop.id], holder_id: o.people.hamisi }, 'Kikao cha kamati');
    expect(other.verification_code).not.toBe(permit.verification_code);
    expect(await check(permitText(permit.permit_no, other.verification_code))).toMatchObject(unknown);
    expect(await check(permitText('MAJI/KBL/2026/0099', permit.verification_code))).toMatchObject(unknown);
    expect(await check('habari za asubuhi')).toMatchObject(unknown);
    expect(await check(permit.permit_no)).toMatchObject(unknown);
  });

  it('says unknown for a request not approved: prepared, or rejected', async () => {
    const request = await o.ok(o.officer.token, 'movements.request', requestFor(o, { asset_ids: [o.desktop.id] }));
    expect(request.verification_code).toBe('');
    await o.ok(o.accountant.token, 'movements.decide', { request_id: request.id, decision: 'rejected', reason: 'Hapana' });
    expect((await check(`${request.permit_no} 00000-00000`)).answer).toBe('unknown');
  });

  it('derives the code from the installation’s signing key: another installation issues another code for the same grant', async () => {
    const elsewhere = await openMovementsOffice({ seed: 1 });
    try {
      const same = await approvedRequest(elsewhere);
      expect(same.permit_no).toBe(permit.permit_no);
      expect(same.verification_code).not.toBe(permit.verification_code);
      expect((await elsewhere.ok(elsewhere.officer.token, 'permits.check', { text: permitText(permit.permit_no, permit.verification_code) })).answer).toBe('unknown');
    } finally {
      elsewhere.core.close();
    }
  });

  it('is open to whoever reads custody records, and to nobody else', async () => {
    const text = permitText(permit.permit_no, permit.verification_code);
    for (const token of [o.admin, o.officer.token, o.accountant.token, o.head.token, o.auditor.token]) expect((await check(text, token)).answer).toBe('valid');
    const records = await addUser(o, o.admin, 'kumbukumbu', ['records_officer']);
    expectRefused(await o.call(records.token, 'permits.check', { text }), 'forbidden');
  });
});
