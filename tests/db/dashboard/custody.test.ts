// Issue 14, the dashboard's movements and approvals: decisions waiting for the signed-in user, permits
// overdue, clause 3.6.11 (devices off premises without an approval, and not back on time), personal-device
// approvals ending and ended (3.6.5), and clause 3.6.6 (handovers with a permit and a receipt) on both sides.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../helpers/core.ts';
import { approvedRequest, openMovementsOffice, requestFor, type MovementsOffice } from '../movements/fixture.ts';
import { laptopOf } from '../personal-devices/fixtures.ts';
import { approvedHandover, laptopToHamisi, openHandoverOffice, type HandoverOffice } from '../handovers/fixture.ts';
import { brief, figure, rowsBehind } from './fixture.ts';

describe('off-premises permits', () => {
  let o: MovementsOffice;
  beforeEach(async () => {
    o = await openMovementsOffice();
  });
  afterEach(() => o.core.close());

  it('counts the decisions waiting for the signed-in user, and leads to the screen that takes them', async () => {
    await o.ok(o.officer.token, 'movements.request', requestFor(o));
    expect(await figure(o, o.accountant.token, 'approvals.pending')).toMatchObject({ group: 'movements', value: 1, flag: 'attention' });
    expect((await rowsBehind(o, o.accountant.token, 'approvals.pending')).map((row) => ({ why: row.why, lead: row.lead }))).toEqual([
      { why: { key: 'inbox.items.movements-to-decide', params: { count: 1 } }, lead: { screen: 'movements', id: null } },
    ]);
    // The officer who prepared the request has nothing to decide.
    expect(await figure(o, o.officer.token, 'approvals.pending')).toMatchObject({ value: 0, flag: 'ok' });
    expect(await rowsBehind(o, o.officer.token, 'approvals.pending')).toEqual([]);
  });

  it('counts permits and devices not back by their due day, and lists the permit and the device', async () => {
    const permit = await approvedRequest(o);
    await o.ok(o.officer.token, 'movements.check-out', { request_id: permit.id, out_on: '2026-11-24' });
    o.clock.advance(DAY);
    // Due on the 28th: on the 24th it is out, not late.
    expect(await figure(o, o.accountant.token, 'movements.overdue')).toMatchObject({ value: 0, flag: 'ok' });
    expect(await figure(o, o.accountant.token, 'clause.3.6.11-overdue')).toMatchObject({ value: 0, flag: 'ok' });
    o.clock.advance(6 * DAY);
    expect(await figure(o, o.accountant.token, 'movements.overdue')).toMatchObject({ value: 1, flag: 'attention' });
    const permits = await rowsBehind(o, o.accountant.token, 'movements.overdue');
    expect(permits.map(brief)).toEqual([{ label: permit.permit_no, why: 'movement-overdue', flag: 'attention', lead: `movements/${permit.id}` }]);
    expect(permits[0]?.why.params).toEqual({ due: '2026-11-28' });
    expect(await figure(o, o.accountant.token, 'clause.3.6.11-overdue')).toMatchObject({ clause: '3.6.11', value: 1, flag: 'attention' });
    const devices = await rowsBehind(o, o.accountant.token, 'clause.3.6.11-overdue');
    expect(devices.map(brief)).toEqual([{ label: o.laptop.tag, why: 'out-overdue', flag: 'attention', lead: `assets/${o.laptop.id}` }]);
    expect(devices[0]?.why.params).toEqual({ permit: permit.permit_no, due: '2026-11-28', holder: 'Zuhura Said' });
    // Checked in: nothing is late any more.
    await o.ok(o.officer.token, 'movements.check-in', { request_id: permit.id, returned_on: '2026-11-30', condition: 'good' });
    expect(await figure(o, o.accountant.token, 'movements.overdue')).toMatchObject({ value: 0 });
    expect(await figure(o, o.accountant.token, 'clause.3.6.11-overdue')).toMatchObject({ value: 0 });
  });

  it('counts devices off premises on a permit no longer approved (3.6.11), and not those out on an approved one', async () => {
    const first = await approvedRequest(o);
    o.clock.advance(DAY);
    await o.ok(o.officer.token, 'movements.check-out', { request_id: first.id, out_on: '2026-11-24' });
    expect(await figure(o, o.accountant.token, 'clause.3.6.11')).toMatchObject({ value: 0, flag: 'ok' });
    // Revoked while the laptop is out: it must come back, and until then it is out without an approval.
    await o.ok(o.accountant.token, 'movements.revoke', { request_id: first.id, reason: 'Safari imeahirishwa' });
    expect(await figure(o, o.accountant.token, 'clause.3.6.11')).toMatchObject({ clause: '3.6.11', value: 1, flag: 'attention' });
    const rows = await rowsBehind(o, o.officer.token, 'clause.3.6.11');
    expect(rows.map(brief)).toEqual([{ label: o.laptop.tag, why: 'out-without-approval', flag: 'attention', lead: `assets/${o.laptop.id}` }]);
    expect(rows[0]?.why.params).toMatchObject({ permit: first.permit_no });
    await o.ok(o.officer.token, 'movements.check-in', { request_id: first.id, returned_on: '2026-11-24', condition: 'good' });
    expect(await figure(o, o.accountant.token, 'clause.3.6.11')).toMatchObject({ value: 0, flag: 'ok' });
  });
});

describe('personal devices (3.6.5)', () => {
  let o: MovementsOffice;
  beforeEach(async () => {
    o = await openMovementsOffice();
  });
  afterEach(() => o.core.close());

  it('counts approvals ending within 30 days, then those ended while the device is still recorded as approved', async () => {
    const soon = await o.ok(o.officer.token, 'personal-devices.register', laptopOf(o.people.zuhura));
    const later = await o.ok(o.officer.token, 'personal-devices.register', laptopOf(o.people.hamisi, { serial: 'OTHER-1' }));
    await o.ok(o.head.token, 'personal-devices.decide', { device_id: soon.id, decision: 'approved', expires_on: '2026-12-10' });
    await o.ok(o.head.token, 'personal-devices.decide', { device_id: later.id, decision: 'approved', expires_on: '2027-06-30' });

    expect(await figure(o, o.officer.token, 'personal-devices.expiring')).toMatchObject({ value: 1, flag: 'ok' });
    const expiring = await rowsBehind(o, o.officer.token, 'personal-devices.expiring');
    expect(expiring.map(brief)).toEqual([{ label: 'Zuhura Said', why: 'approval-expires', flag: 'ok', lead: `personal-devices/${soon.id}` }]);
    expect(expiring[0]?.why.params).toEqual({ date: '2026-12-10' });
    expect(await figure(o, o.officer.token, 'clause.3.6.5')).toMatchObject({ value: 0, flag: 'ok' });

    o.clock.advance(20 * DAY);
    expect(await figure(o, o.head.token, 'clause.3.6.5')).toMatchObject({ clause: '3.6.5', value: 1, flag: 'attention' });
    expect((await rowsBehind(o, o.head.token, 'clause.3.6.5')).map(brief)).toEqual([
      { label: 'Zuhura Said', why: 'approval-expired', flag: 'attention', lead: `personal-devices/${soon.id}` },
    ]);
    expect(await figure(o, o.officer.token, 'personal-devices.expiring')).toMatchObject({ value: 0 });
    // Renewed by the head: in order again.
    await o.ok(o.head.token, 'personal-devices.renew', { device_id: soon.id, expires_on: '2027-06-30' });
    expect(await figure(o, o.head.token, 'clause.3.6.5')).toMatchObject({ value: 0, flag: 'ok' });
  });
});

describe('handovers (3.6.6)', () => {
  let o: HandoverOffice;
  beforeEach(async () => {
    o = await openHandoverOffice();
  });
  afterEach(() => o.core.close());

  it('counts approved handovers whose receipt is recorded against all approved ones, and lists both sides', async () => {
    const received = await approvedHandover(o);
    await o.ok(o.officer.token, 'handovers.receive', { handover_id: received.id, received_on: '2026-11-23', received_by: 'Hamisi Juma' });
    const waiting = await approvedHandover(
      o,
      laptopToHamisi(o, { from: { type: 'store' }, lines: [{ asset_id: o.desktop.id, condition: 'good', accessories: '' }] }),
    );
    // A handover still waiting for its permit is not yet counted either way.
    await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o, { lines: [{ asset_id: o.flash.id, condition: 'good', accessories: '' }], to: { type: 'person', person_id: o.people.rehema } }));

    expect(await figure(o, o.auditor.token, 'clause.3.6.6')).toMatchObject({ clause: '3.6.6', value: 1, of: 2, flag: 'attention' });
    expect((await rowsBehind(o, o.auditor.token, 'clause.3.6.6', 'ok')).map(brief)).toEqual([
      { label: received.number, why: 'handover-received', flag: 'ok', lead: `handovers/${received.id}` },
    ]);
    const attention = await rowsBehind(o, o.auditor.token, 'clause.3.6.6', 'attention');
    expect(attention.map(brief)).toEqual([{ label: waiting.number, why: 'handover-not-received', flag: 'attention', lead: `handovers/${waiting.id}` }]);
    expect(attention[0]?.why.params).toMatchObject({ approver: 'Baraka Mushi' });

    await o.ok(o.officer.token, 'handovers.receive', { handover_id: waiting.id, received_on: '2026-11-23', received_by: 'Hamisi Juma' });
    expect(await figure(o, o.auditor.token, 'clause.3.6.6')).toMatchObject({ value: 2, of: 2, flag: 'ok' });
  });
});
