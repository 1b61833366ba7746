// A line of a handover added by scanning the label's QR code with a USB scanner, or typing the tag:
// each scan answers the device or says plainly why it cannot go on this handover.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normaliseTag } from '../../../db/handovers/contract.ts';
import { refuseLine } from '../../../db/handovers/checks.ts';
import { findAssetRow } from '../../../db/assets/queries.ts';
import { Refusal } from '../../../db/core/refusal.ts';
import { expectRefused } from '../../helpers/core.ts';
import { reportFault } from '../../helpers/office.ts';
import { laptopToHamisi, openHandoverOffice, type HandoverOffice } from './fixture.ts';

let o: HandoverOffice;
beforeEach(async () => {
  o = await openHandoverOffice();
});
afterEach(() => o.core.close());

const fromZuhura = { type: 'person' as const, person_id: '' };
const check = (code: string, fields: Record<string, unknown> = {}) =>
  o.callRaw(o.officer.token, 'handovers.check-device', { code, from: { ...fromZuhura, person_id: o.people.zuhura }, to_type: 'person', ...fields });

describe('checking a scanned or typed tag', () => {
  it('answers the device for its tag as the scanner typed it, whatever the case and spacing', async () => {
    for (const code of ['MAJI/ICT/2026/0001', 'maji/ict/2026/0001', '  MAJI/ICT/2026/0001 ', 'maji / ict / 2026 / 0001']) {
      const result = await check(code);
      expect(result).toEqual({ ok: true, value: { id: o.laptop.id, tag: 'MAJI/ICT/2026/0001', category: 'laptop', make: 'Dell', model: 'Latitude 5440', serial: 'DL5440-77X', status: 'in_service' } });
    }
    expect(normaliseTag(' wf / ict\t7 ')).toBe('WF/ICT7');
  });

  it('says plainly when no device carries the tag, or nothing was scanned', async () => {
    expect(expectRefused(await check('MAJI/ICT/2026/9999'), 'handover-unknown-tag').params).toEqual({ tag: 'MAJI/ICT/2026/9999' });
    expectRefused(await check('   '), 'handover-code-empty');
  });

  it('refuses a device already on the form', async () => {
    expectRefused(await check('MAJI/ICT/2026/0001', { listed: [o.laptop.id] }), 'handover-device-listed-twice');
  });

  it('refuses a device under repair', async () => {
    await reportFault(o, o.officer.token, o.laptop.id);
    expect(expectRefused(await check('MAJI/ICT/2026/0001'), 'handover-device-under-repair').params).toEqual({ tag: 'MAJI/ICT/2026/0001' });
  });

  it('refuses a device on another open handover', async () => {
    await o.ok(o.officer.token, 'handovers.prepare', laptopToHamisi(o));
    expect(expectRefused(await check('MAJI/ICT/2026/0001'), 'handover-device-on-open-handover').params).toEqual({ tag: 'MAJI/ICT/2026/0001', number: 'MAJI/MK/2026/0001' });
  });

  it('refuses a device the giver does not hold, and one the store does not', async () => {
    expectRefused(await check('MAJI/ICT/2026/0002'), 'handover-device-not-held-store');
    expectRefused(await check('MAJI/ICT/2026/0001', { from: { type: 'store' } }), 'handover-device-not-in-store');
  });

  it('3.6.14: refuses a flash disk for another institution, naming it, and takes it for a servant inside', async () => {
    expect(expectRefused(await check('maji/ict/2026/0003', { to_type: 'institution' }), 'handover-storage-medium-outside').params).toEqual({ tag: 'MAJI/ICT/2026/0003' });
    expect((await check('maji/ict/2026/0003')).ok).toBe(true);
  });

  it('refuses control characters in the code, and is closed to those who do not prepare handovers', async () => {
    expectRefused(await check('MAJI\u0000'), 'invalid-input');
    expectRefused(await o.callRaw(o.auditor.token, 'handovers.check-device', { code: 'MAJI/ICT/2026/0001', from: { type: 'store' }, to_type: 'person' }), 'forbidden');
  });
});

describe('the statuses only other areas set', () => {
  // Off premises (3.6.11) and lost (3.6.10) are folded by their own areas; the check reads the status.
  const refusalOf = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof Refusal) return error.value;
      throw error;
    }
    return null;
  };

  it('refuses a device off premises, or reported lost, naming it', () => {
    const row = findAssetRow(o.store, o.laptop.id);
    if (!row) throw new Error('laptop missing');
    const context = { from: { type: 'person' as const, person_id: o.people.zuhura }, to_type: 'person' as const, listed: [], self: null };
    expect(refusalOf(() => refuseLine(o.store, { ...row, status: 'off_premises', off_premises_id: 'm1' }, context))).toMatchObject({ code: 'handover-device-off-premises', params: { tag: 'MAJI/ICT/2026/0001' } });
    expect(refusalOf(() => refuseLine(o.store, { ...row, status: 'lost', lost_report_id: 'l1' }, context))).toMatchObject({ code: 'handover-device-lost', params: { tag: 'MAJI/ICT/2026/0001' } });
    expect(refusalOf(() => refuseLine(o.store, row, context))).toBeNull();
  });
});
