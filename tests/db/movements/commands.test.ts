// Off-premises requests (3.6.11) from preparation to check-in: every transition, every refusal (each
// leaving nothing written), the Accounting Officer's decision and who else may not make it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../db/users/contract.ts';
import { addUser, DAY, expectRefused, refusedWithoutWriting, rowsOf } from '../../helpers/core.ts';
import { recordWorkDone, reportFault } from '../../helpers/office.ts';
import { approvedRequest, device, openMovementsOffice, requestFor, type MovementsOffice } from './fixture.ts';

let o: MovementsOffice;
beforeEach(async () => {
  o = await openMovementsOffice();
});
afterEach(() => o.core.close());

describe('preparing a request', () => {
  it('records the servant, the devices as they stand, the trip and a permit number of the year', async () => {
    const request = await o.ok(o.officer.token, 'movements.request', requestFor(o));
    expect(request).toMatchObject({
      permit_no: 'MAJI/KBL/2026/0001',
      state: 'requested',
      holder_id: o.people.zuhura,
      holder_name: 'Zuhura Said',
      holder_check_number: '100230',
      destination: 'AICC, Arusha',
      date_out: '2026-11-24',
      due_on: '2026-11-28',
      classification: 'internal',
      prepared_by: o.officer.id,
      prepared_by_name: 'Juma Ally',
      verification_code: '',
      out: false,
      overdue: false,
      needs_justification: false,
    });
    expect(request.devices).toEqual([
      { asset_id: o.laptop.id, tag: o.laptop.tag, serial: 'DL5440-77X', category: 'laptop', make: 'Dell', model: 'Latitude 5440', classification: 'internal' },
    ]);
    const second = await o.ok(o.officer.token, 'movements.request', requestFor(o, { asset_ids: [o.desktop.id], holder_id: o.people.hamisi }));
    expect(second.permit_no).toBe('MAJI/KBL/2026/0002');
    // The highest classification of its devices is the request's (3.4.5).
    expect(second).toMatchObject({ classification: 'secret', needs_justification: true });
  });

  it('takes several devices on one permit, a device listed twice once', async () => {
    const request = await o.ok(o.officer.token, 'movements.request', requestFor(o, { asset_ids: [o.laptop.id, o.desktop.id, o.laptop.id] }));
    expect(request.devices.map((d) => d.tag)).toEqual([o.laptop.tag, o.desktop.tag]);
    expect(request.classification).toBe('secret');
  });

  it('refuses a servant who is not in the register or no longer active', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'movements.request', requestFor(o, { holder_id: 'nobody' }), 'person-not-found');
    await o.ok(o.officer.token, 'people.deactivate', { person_id: o.people.rehema });
    const error = await refusedWithoutWriting(o, o.officer.token, 'movements.request', requestFor(o, { holder_id: o.people.rehema }), 'person-inactive');
    expect(error.params).toEqual({ name: 'Rehema Mollel' });
  });

  it('refuses a device not in the register, and a due date before the date out', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'movements.request', requestFor(o, { asset_ids: [o.laptop.id, 'missing'] }), 'asset-not-found');
    const error = await refusedWithoutWriting(o, o.officer.token, 'movements.request', requestFor(o, { due_on: '2026-11-23' }), 'movement-due-before-out');
    expect(error.fields).toEqual({ due_on: 'errors.movement-due-before-out' });
  });

  it('refuses a device under repair, naming it', async () => {
    await reportFault(o, o.officer.token, o.laptop.id);
    const error = await refusedWithoutWriting(o, o.officer.token, 'movements.request', requestFor(o), 'movement-device-under-repair');
    expect(error.params).toEqual({ tag: o.laptop.tag });
  });

  it('refuses a device awaiting disposal, naming it', async () => {
    const entry = await reportFault(o, o.officer.token, o.laptop.id);
    await recordWorkDone(o, entry.id);
    await o.ok(o.officer.token, 'maintenance.close', { entry_id: entry.id, closed_on: '2026-11-22', outcome: 'beyond_repair' });
    expect((await device(o, o.laptop.id)).status).toBe('awaiting_disposal');
    const error = await refusedWithoutWriting(o, o.officer.token, 'movements.request', requestFor(o), 'movement-device-unavailable');
    expect(error.params).toEqual({ tag: o.laptop.tag });
  });

  it('refuses a second request for a device on an open request, and for one already out', async () => {
    const first = await o.ok(o.officer.token, 'movements.request', requestFor(o));
    let error = await refusedWithoutWriting(o, o.officer.token, 'movements.request', requestFor(o, { holder_id: o.people.hamisi }), 'movement-device-on-request');
    expect(error.params).toEqual({ tag: o.laptop.tag, permit: first.permit_no });
    await o.ok(o.accountant.token, 'movements.decide', { request_id: first.id, decision: 'approved' });
    await refusedWithoutWriting(o, o.officer.token, 'movements.request', requestFor(o), 'movement-device-on-request');
    await o.ok(o.officer.token, 'movements.check-out', { request_id: first.id, out_on: '2026-11-24' });
    error = await refusedWithoutWriting(o, o.officer.token, 'movements.request', requestFor(o), 'movement-device-out');
    expect(error.params).toEqual({ tag: o.laptop.tag, permit: first.permit_no });
  });

  it('takes a device again once the earlier request was rejected or the device came back', async () => {
    const first = await o.ok(o.officer.token, 'movements.request', requestFor(o));
    await o.ok(o.accountant.token, 'movements.decide', { request_id: first.id, decision: 'rejected', reason: 'Tumia nakala ya mtandaoni' });
    const second = await approvedRequest(o);
    await o.ok(o.officer.token, 'movements.check-out', { request_id: second.id, out_on: '2026-11-24' });
    o.clock.advance(2 * DAY);
    await o.ok(o.officer.token, 'movements.check-in', { request_id: second.id, returned_on: '2026-11-25', condition: 'good' });
    expect((await o.ok(o.officer.token, 'movements.request', requestFor(o, { date_out: '2026-12-01', due_on: '2026-12-02' }))).permit_no).toBe('MAJI/KBL/2026/0003');
  });
});

describe('the Accounting Officer’s decision', () => {
  const ALL_ROLES: Role[] = ['admin', 'ict_officer', 'accounting_officer', 'head_of_institution', 'records_officer', 'auditor'];

  it.each(ALL_ROLES)('%s: only the Accounting Officer decides', async (role) => {
    const request = await o.ok(o.officer.token, 'movements.request', requestFor(o));
    const user = await addUser(o, o.admin, `mtu.${role.replace(/_/g, '')}`, [role]);
    const decision = { request_id: request.id, decision: 'approved' as const };
    if (role === 'accounting_officer') {
      const approved = await o.ok(user.token, 'movements.decide', decision);
      expect(approved).toMatchObject({ state: 'approved', decided_by: user.id });
      expect(approved.verification_code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    } else {
      await refusedWithoutWriting(o, user.token, 'movements.decide', decision, 'forbidden');
    }
  });

  it('refuses an Accounting Officer deciding a request they prepared themselves', async () => {
    const both = await addUser(o, o.admin, 'mbili', ['ict_officer', 'accounting_officer'], 'Ally Hassan');
    const request = await o.ok(both.token, 'movements.request', requestFor(o));
    const error = await refusedWithoutWriting(o, both.token, 'movements.decide', { request_id: request.id, decision: 'approved' }, 'approval-own-request');
    expect(error.params).toEqual({ subject: 'MAJI/KBL/2026/0001' });
    expect((await o.ok(o.accountant.token, 'movements.decide', { request_id: request.id, decision: 'approved' })).state).toBe('approved');
  });

  it('rejects only with a reason, and a decided request is not decided again', async () => {
    const request = await o.ok(o.officer.token, 'movements.request', requestFor(o));
    const error = await refusedWithoutWriting(o, o.accountant.token, 'movements.decide', { request_id: request.id, decision: 'rejected' }, 'movement-reason-required');
    expect(error.fields).toEqual({ reason: 'errors.movement-reason-required' });
    const rejected = await o.ok(o.accountant.token, 'movements.decide', { request_id: request.id, decision: 'rejected', reason: 'Nakala ipo kwenye mfumo' });
    expect(rejected).toMatchObject({ state: 'rejected', decision_reason: 'Nakala ipo kwenye mfumo', verification_code: '', decided_by_name: 'Bi. Rehema Kweka' });
    await refusedWithoutWriting(o, o.accountant.token, 'movements.decide', { request_id: request.id, decision: 'approved' }, 'movement-not-requested');
  });

  it('refuses a request that does not exist', async () => {
    await refusedWithoutWriting(o, o.accountant.token, 'movements.decide', { request_id: 'nothing', decision: 'approved' }, 'movement-not-found');
  });

  it('approves a secret device only with an explicit justification (3.2.3), naming the device', async () => {
    const request = await o.ok(o.officer.token, 'movements.request', requestFor(o, { asset_ids: [o.laptop.id, o.desktop.id] }));
    const error = await refusedWithoutWriting(o, o.accountant.token, 'movements.decide', { request_id: request.id, decision: 'approved' }, 'movement-justification-required');
    expect(error.params).toEqual({ tags: o.desktop.tag });
    // The sentence names the device; the field itself is simply required.
    expect(error.fields).toEqual({ justification: 'validation.required' });
    const approved = await o.ok(o.accountant.token, 'movements.decide', {
      request_id: request.id,
      decision: 'approved',
      justification: 'Kikao cha Baraza la Mawaziri; kifaa kitakaa na mtumishi muda wote',
    });
    expect(approved).toMatchObject({ state: 'approved', justification: 'Kikao cha Baraza la Mawaziri; kifaa kitakaa na mtumishi muda wote' });
  });

  it('reads the classification as it stands at the decision: a device made top secret since the request needs a justification', async () => {
    const request = await o.ok(o.officer.token, 'movements.request', requestFor(o));
    const laptop = await device(o, o.laptop.id);
    await o.ok(o.officer.token, 'assets.update', {
      asset_id: laptop.id,
      tag: laptop.tag,
      category: laptop.category,
      make: laptop.make,
      model: laptop.model,
      serial: laptop.serial,
      custodian_id: laptop.custodian_id,
      classification: 'top_secret',
    });
    await refusedWithoutWriting(o, o.accountant.token, 'movements.decide', { request_id: request.id, decision: 'approved' }, 'movement-justification-required');
  });

  it('refuses to approve a device that came under repair since the request, naming it; a rejection is still possible', async () => {
    const request = await o.ok(o.officer.token, 'movements.request', requestFor(o));
    await reportFault(o, o.officer.token, o.laptop.id);
    const error = await refusedWithoutWriting(o, o.accountant.token, 'movements.decide', { request_id: request.id, decision: 'approved' }, 'movement-device-under-repair');
    expect(error.params).toEqual({ tag: o.laptop.tag });
    expect((await o.ok(o.accountant.token, 'movements.decide', { request_id: request.id, decision: 'rejected', reason: 'Kifaa kiko kwa fundi' })).state).toBe('rejected');
  });

  it('keeps no justification for an ordinary device', async () => {
    const approved = await approvedRequest(o, {}, 'haihitajiki');
    expect(approved.justification).toBe('');
  });
});

describe('checking out and in', () => {
  it('moves the device off premises at check-out and back at check-in, with its condition', async () => {
    const permit = await approvedRequest(o);
    const out = await o.ok(o.officer.token, 'movements.check-out', { request_id: permit.id, out_on: '2026-11-24' });
    expect(out).toMatchObject({ state: 'checked_out', out_on: '2026-11-24', out: true, overdue: false });
    expect(await device(o, o.laptop.id)).toMatchObject({ status: 'off_premises' });
    expect(rowsOf(o.store, 'assets').find((a) => a.id === o.laptop.id)).toMatchObject({ off_premises_id: permit.id });

    o.clock.advance(3 * DAY);
    const back = await o.ok(o.officer.token, 'movements.check-in', { request_id: permit.id, returned_on: '2026-11-26', condition: 'damaged', notes: 'Skrini ina ufa' });
    expect(back).toMatchObject({ state: 'returned', returned_on: '2026-11-26', return_condition: 'damaged', return_notes: 'Skrini ina ufa', out: false });
    expect(await device(o, o.laptop.id)).toMatchObject({ status: 'in_service' });
    expect(rowsOf(o.store, 'assets').find((a) => a.id === o.laptop.id)).toMatchObject({ off_premises_id: null });
  });

  it('refuses a check-out before the approval, or of a request not approved', async () => {
    const request = await o.ok(o.officer.token, 'movements.request', requestFor(o));
    await refusedWithoutWriting(o, o.officer.token, 'movements.check-out', { request_id: request.id, out_on: '2026-11-24' }, 'movement-not-approved');
    await o.ok(o.accountant.token, 'movements.decide', { request_id: request.id, decision: 'rejected', reason: 'Hapana' });
    await refusedWithoutWriting(o, o.officer.token, 'movements.check-out', { request_id: request.id, out_on: '2026-11-24' }, 'movement-not-approved');
  });

  it('refuses a date out before the day of approval, before the permitted day, or in the future', async () => {
    const permit = await approvedRequest(o, { date_out: '2026-11-20', due_on: '2026-11-30' });
    let error = await refusedWithoutWriting(o, o.officer.token, 'movements.check-out', { request_id: permit.id, out_on: '2026-11-22' }, 'movement-out-before-approval');
    expect(error).toMatchObject({ params: { permit: permit.permit_no }, fields: { out_on: 'errors.movement-out-before-approval' } });
    await refusedWithoutWriting(o, o.officer.token, 'movements.check-out', { request_id: permit.id, out_on: '2026-11-26' }, 'date-in-future');
    const later = await approvedRequest(o, { asset_ids: [o.desktop.id], date_out: '2026-11-24' }, 'Ukaguzi wa CAG');
    error = await refusedWithoutWriting(o, o.officer.token, 'movements.check-out', { request_id: later.id, out_on: '2026-11-23' }, 'movement-out-before-permitted');
    expect(error.fields).toEqual({ out_on: 'errors.movement-out-before-permitted' });
  });

  it('refuses to check out a device that came under repair after the approval', async () => {
    const permit = await approvedRequest(o);
    await reportFault(o, o.officer.token, o.laptop.id);
    await refusedWithoutWriting(o, o.officer.token, 'movements.check-out', { request_id: permit.id, out_on: '2026-11-24' }, 'movement-device-under-repair');
  });

  it('refuses a check-in of devices that are not out, or dated before they left', async () => {
    const permit = await approvedRequest(o);
    await refusedWithoutWriting(o, o.officer.token, 'movements.check-in', { request_id: permit.id, returned_on: '2026-11-24', condition: 'good' }, 'movement-not-out');
    await o.ok(o.officer.token, 'movements.check-out', { request_id: permit.id, out_on: '2026-11-24' });
    const error = await refusedWithoutWriting(o, o.officer.token, 'movements.check-in', { request_id: permit.id, returned_on: '2026-11-23', condition: 'good' }, 'movement-back-before-out');
    expect(error.fields).toEqual({ returned_on: 'errors.movement-back-before-out' });
    o.clock.advance(DAY);
    await o.ok(o.officer.token, 'movements.check-in', { request_id: permit.id, returned_on: '2026-11-24', condition: 'good' });
    await refusedWithoutWriting(o, o.officer.token, 'movements.check-in', { request_id: permit.id, returned_on: '2026-11-24', condition: 'good' }, 'movement-not-out');
  });

  it('lets only the ICT unit check devices out and in', async () => {
    const permit = await approvedRequest(o);
    await refusedWithoutWriting(o, o.accountant.token, 'movements.check-out', { request_id: permit.id, out_on: '2026-11-24' }, 'forbidden');
    await refusedWithoutWriting(o, o.auditor.token, 'movements.check-out', { request_id: permit.id, out_on: '2026-11-24' }, 'forbidden');
    await refusedWithoutWriting(o, o.head.token, 'movements.request', requestFor(o, { asset_ids: [o.desktop.id] }), 'forbidden');
  });
});

describe('revoking a permit', () => {
  it('withdraws an approved permit before the devices leave', async () => {
    const permit = await approvedRequest(o);
    const revoked = await o.ok(o.accountant.token, 'movements.revoke', { request_id: permit.id, reason: 'Safari imeahirishwa' });
    expect(revoked).toMatchObject({ state: 'revoked', revoke_reason: 'Safari imeahirishwa', revoked_by_name: 'Bi. Rehema Kweka' });
    await refusedWithoutWriting(o, o.officer.token, 'movements.check-out', { request_id: permit.id, out_on: '2026-11-24' }, 'movement-not-approved');
    await refusedWithoutWriting(o, o.accountant.token, 'movements.revoke', { request_id: permit.id, reason: 'Tena' }, 'movement-not-revocable');
  });

  it('withdraws a permit whose devices are out: they stay off premises until checked in', async () => {
    const permit = await approvedRequest(o);
    await o.ok(o.officer.token, 'movements.check-out', { request_id: permit.id, out_on: '2026-11-24' });
    const revoked = await o.ok(o.accountant.token, 'movements.revoke', { request_id: permit.id, reason: 'Mtumishi amehamishwa' });
    expect(revoked).toMatchObject({ state: 'revoked', out: true });
    expect((await device(o, o.laptop.id)).status).toBe('off_premises');
    o.clock.advance(DAY);
    const back = await o.ok(o.officer.token, 'movements.check-in', { request_id: permit.id, returned_on: '2026-11-24', condition: 'good' });
    expect(back).toMatchObject({ state: 'revoked', out: false, returned_on: '2026-11-24' });
    expect((await device(o, o.laptop.id)).status).toBe('in_service');
  });

  it('refuses to revoke a request not approved or a permit whose devices are back, and lets only the Accounting Officer revoke', async () => {
    const request = await o.ok(o.officer.token, 'movements.request', requestFor(o));
    await refusedWithoutWriting(o, o.accountant.token, 'movements.revoke', { request_id: request.id, reason: 'Hapana' }, 'movement-not-revocable');
    await o.ok(o.accountant.token, 'movements.decide', { request_id: request.id, decision: 'approved' });
    await refusedWithoutWriting(o, o.officer.token, 'movements.revoke', { request_id: request.id, reason: 'Hapana' }, 'forbidden');
    await o.ok(o.officer.token, 'movements.check-out', { request_id: request.id, out_on: '2026-11-24' });
    o.clock.advance(DAY);
    await o.ok(o.officer.token, 'movements.check-in', { request_id: request.id, returned_on: '2026-11-24', condition: 'good' });
    await refusedWithoutWriting(o, o.accountant.token, 'movements.revoke', { request_id: request.id, reason: 'Hapana' }, 'movement-not-revocable');
  });
});

describe('overdue devices and what waits for whom', () => {
  it('lists a permit whose devices are out past the due date, with dates in the past', async () => {
    const permit = await approvedRequest(o, { date_out: '2026-11-10', due_on: '2026-11-20' });
    await o.ok(o.officer.token, 'movements.check-out', { request_id: permit.id, out_on: '2026-11-23' });
    const overdue = await o.ok(o.officer.token, 'movements.list', { filter: 'overdue' });
    expect(overdue.items.map((m) => [m.permit_no, m.overdue])).toEqual([[permit.permit_no, true]]);
    expect((await o.ok(o.officer.token, 'movements.get', { request_id: permit.id })).overdue).toBe(true);
  });

  it('turns overdue the day after the due date, and stops once the devices are back', async () => {
    const permit = await approvedRequest(o);
    await o.ok(o.officer.token, 'movements.check-out', { request_id: permit.id, out_on: '2026-11-24' });
    o.clock.advance(5 * DAY);
    expect((await o.ok(o.officer.token, 'movements.list', { filter: 'overdue' })).items).toEqual([]);
    o.clock.advance(DAY);
    expect((await o.ok(o.officer.token, 'movements.list', { filter: 'overdue' })).items.map((m) => m.id)).toEqual([permit.id]);
    await o.ok(o.officer.token, 'movements.check-in', { request_id: permit.id, returned_on: '2026-11-29', condition: 'good' });
    expect((await o.ok(o.officer.token, 'movements.list', { filter: 'overdue' })).items).toEqual([]);
  });

  it('counts requests to decide for the Accounting Officer and overdue permits for the ICT officer and the Accounting Officer', async () => {
    await o.ok(o.officer.token, 'movements.request', requestFor(o, { asset_ids: [o.desktop.id] }));
    const late = await approvedRequest(o, { date_out: '2026-11-10', due_on: '2026-11-20' });
    await o.ok(o.officer.token, 'movements.check-out', { request_id: late.id, out_on: '2026-11-23' });
    expect(await o.ok(o.accountant.token, 'movements.inbox')).toEqual({ to_decide: 1, overdue: 1 });
    expect(await o.ok(o.officer.token, 'movements.inbox')).toEqual({ to_decide: 0, overdue: 1 });
    expect(await o.ok(o.head.token, 'movements.inbox')).toEqual({ to_decide: 0, overdue: 0 });
    expect(await o.ok(o.auditor.token, 'movements.inbox')).toEqual({ to_decide: 0, overdue: 0 });
  });

  it('filters the list by state and by device, newest first, page by page', async () => {
    const first = await approvedRequest(o);
    o.clock.advance(1000);
    const second = await o.ok(o.officer.token, 'movements.request', requestFor(o, { asset_ids: [o.desktop.id] }));
    expect((await o.ok(o.auditor.token, 'movements.list')).items.map((m) => m.id)).toEqual([second.id, first.id]);
    expect((await o.ok(o.auditor.token, 'movements.list', { filter: 'approved' })).items.map((m) => m.id)).toEqual([first.id]);
    expect((await o.ok(o.auditor.token, 'movements.list', { filter: 'open' })).items).toHaveLength(2);
    expect((await o.ok(o.auditor.token, 'movements.list', { asset_id: o.desktop.id })).items.map((m) => m.id)).toEqual([second.id]);
    const page = await o.ok(o.auditor.token, 'movements.list', { limit: 1 });
    expect(page.items.map((m) => m.id)).toEqual([second.id]);
    const next = await o.ok(o.auditor.token, 'movements.list', { limit: 1, after: page.next });
    expect(next).toEqual({ items: [expect.objectContaining({ id: first.id })], next: null });
    const records = await addUser(o, o.admin, 'kumbukumbu', ['records_officer']);
    expectRefused(await o.call(records.token, 'movements.list'), 'forbidden');
  });
});
