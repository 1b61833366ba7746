// 3.6.6, the special permit: decided by the officer the institution names (the Accounting Officer unless
// the Head of Institution), never by whoever prepared the request; one test per role of the product.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, refusedWithoutWriting } from '../../helpers/core.ts';
import { laptopToHamisi, openHandoverOffice, type Handover, type HandoverOffice } from './fixture.ts';

let o: HandoverOffice;
let pending: Handover;
beforeEach(async () => {
  o = await openHandoverOffice();
  pending = await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o));
});
afterEach(() => o.core.close());

const approve = () => ({ handover_id: pending.id, decision: 'approved' as const });

describe('who may decide a handover permit, by role, under the default setting', () => {
  it('the Accounting Officer approves it, named with their role as the approver', async () => {
    const approved = await o.ok(o.accountant.token, 'handovers.decide', { ...approve(), reason: 'Barua ya uhamisho imeonekana' });
    expect(approved).toMatchObject({ state: 'approved', decided_by: o.accountant.id, decided_by_name: 'Baraka Mushi', decided_role: 'accounting_officer', decision_note: 'Barua ya uhamisho imeonekana' });
  });

  it('the Head of Institution is refused while the Accounting Officer decides', async () => {
    const error = await refusedWithoutWriting(o, o.head.token, 'handovers.decide', approve(), 'handover-needs-accounting-officer');
    expect(error.params).toEqual({ number: 'MAJI/MK/2026/0001' });
  });

  it('the ICT officer who prepared it is refused', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'handovers.decide', approve(), 'forbidden');
  });

  it('the administrator is refused', async () => {
    await refusedWithoutWriting(o, o.admin, 'handovers.decide', approve(), 'forbidden');
  });

  it('the records officer is refused', async () => {
    const records = await addUser(o, o.admin, 'rekodi', ['records_officer'], 'Mwanaidi Kombo');
    await refusedWithoutWriting(o, records.token, 'handovers.decide', approve(), 'forbidden');
  });

  it('the auditor is refused, and may read it', async () => {
    await refusedWithoutWriting(o, o.auditor.token, 'handovers.decide', approve(), 'forbidden');
    expect((await o.ok(o.auditor.token, 'handovers.get', { handover_id: pending.id })).state).toBe('pending');
  });
});

describe('the institution names the Head of Institution', () => {
  beforeEach(async () => {
    expect(await o.ok(o.admin, 'handovers.set-approver', { approver_role: 'head_of_institution' })).toEqual({ approver_role: 'head_of_institution' });
  });

  it('the Head approves, and the Accounting Officer is refused', async () => {
    await refusedWithoutWriting(o, o.accountant.token, 'handovers.decide', approve(), 'handover-needs-head');
    expect(await o.ok(o.head.token, 'handovers.decide', approve())).toMatchObject({ state: 'approved', decided_role: 'head_of_institution', decided_by_name: 'Mhandisi Mwajuma Waziri' });
  });

  it('every reader sees the setting; only the administrator changes it', async () => {
    expect(await o.ok(o.auditor.token, 'handovers.settings')).toEqual({ approver_role: 'head_of_institution' });
    await refusedWithoutWriting(o, o.officer.token, 'handovers.set-approver', { approver_role: 'accounting_officer' }, 'forbidden');
    await refusedWithoutWriting(o, o.head.token, 'handovers.set-approver', { approver_role: 'accounting_officer' }, 'forbidden');
  });
});

describe('deciding', () => {
  it('nobody decides a request they prepared, whatever roles they hold', async () => {
    const both = await addUser(o, o.admin, 'mseto', ['ict_officer', 'accounting_officer'], 'Saidi Mseto');
    const own = await o.ok(both.token, 'handovers.prepare', laptopToHamisi(o, { from: { type: 'store' }, lines: [{ asset_id: o.desktop.id, condition: 'good', accessories: '' }] }));
    const error = await refusedWithoutWriting(o, both.token, 'handovers.decide', { handover_id: own.id, decision: 'approved' }, 'approval-own-request');
    expect(error.params).toEqual({ subject: own.number });
    // The same officer decides one prepared by another.
    expect((await o.ok(both.token, 'handovers.decide', approve())).state).toBe('approved');
  });

  it('a rejection needs its reason, and is recorded with the approver', async () => {
    const error = await refusedWithoutWriting(o, o.accountant.token, 'handovers.decide', { handover_id: pending.id, decision: 'rejected' }, 'handover-rejection-needs-reason');
    expect(error.fields).toEqual({ reason: 'errors.handover-rejection-needs-reason' });
    const rejected = await o.ok(o.accountant.token, 'handovers.decide', { handover_id: pending.id, decision: 'rejected', reason: 'Hakuna barua ya uhamisho' });
    expect(rejected).toMatchObject({ state: 'rejected', decided_by_name: 'Baraka Mushi', decision_note: 'Hakuna barua ya uhamisho' });
    // Rejected: the device is free for another handover.
    expect((await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o))).state).toBe('pending');
  });

  it('is made once', async () => {
    await o.ok(o.accountant.token, 'handovers.decide', approve());
    await refusedWithoutWriting(o, o.accountant.token, 'handovers.decide', { handover_id: pending.id, decision: 'rejected', reason: 'Nimebadili mawazo' }, 'handover-not-pending');
  });
});

describe('the approver’s inbox', () => {
  it('lists what waits for this user’s decision, with counts for the navigation', async () => {
    expect(await o.ok(o.accountant.token, 'handovers.inbox')).toEqual({ counts: { to_decide: 1, awaiting_receipt: 0 }, to_decide: [pending.id] });
    expect(await o.ok(o.head.token, 'handovers.inbox')).toEqual({ counts: { to_decide: 0, awaiting_receipt: 0 }, to_decide: [] });
    expect((await o.ok(o.officer.token, 'handovers.inbox')).counts).toEqual({ to_decide: 0, awaiting_receipt: 0 });
    await o.ok(o.accountant.token, 'handovers.decide', approve());
    expect((await o.ok(o.accountant.token, 'handovers.inbox')).counts).toEqual({ to_decide: 0, awaiting_receipt: 0 });
    expect((await o.ok(o.officer.token, 'handovers.inbox')).counts).toEqual({ to_decide: 0, awaiting_receipt: 1 });
  });

  it('follows the setting: the Head’s inbox once the Head decides', async () => {
    await o.ok(o.admin, 'handovers.set-approver', { approver_role: 'head_of_institution' });
    expect((await o.ok(o.head.token, 'handovers.inbox')).counts.to_decide).toBe(1);
    expect((await o.ok(o.accountant.token, 'handovers.inbox')).counts.to_decide).toBe(0);
  });
});
