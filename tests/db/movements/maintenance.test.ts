// 3.6.11 with the log book: a device out of the office on a permit is not reported for repair nor sent
// off-site, and one about to leave on an approved permit is not sent off-site; each refusal names it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, refusedWithoutWriting } from '../../helpers/core.ts';
import { providerId, reportFault } from '../../helpers/office.ts';
import { approvedRequest, openMovementsOffice, type MovementsOffice } from './fixture.ts';

let o: MovementsOffice;
beforeEach(async () => {
  o = await openMovementsOffice();
});
afterEach(() => o.core.close());

const report = (o: MovementsOffice) => ({ asset_id: o.laptop.id, reported_on: '2026-11-24', reported_by: 'Zuhura Said', symptoms: 'Betri haijazi' });

describe('repairs of a device on a permit', () => {
  it('refuses a fault report while the device is off premises, naming it and the permit, and takes it once it is back', async () => {
    const permit = await approvedRequest(o);
    await o.ok(o.officer.token, 'movements.check-out', { request_id: permit.id, out_on: '2026-11-24' });
    const error = await refusedWithoutWriting(o, o.officer.token, 'maintenance.report', report(o), 'device-off-premises');
    expect(error.params).toEqual({ tag: o.laptop.tag, permit: permit.permit_no });
    o.clock.advance(DAY);
    await o.ok(o.officer.token, 'movements.check-in', { request_id: permit.id, returned_on: '2026-11-24', condition: 'damaged' });
    expect((await o.ok(o.officer.token, 'maintenance.report', report(o))).state).toBe('reported');
  });

  it('refuses sending off-site a device approved to leave on a permit, until the permit is revoked', async () => {
    const permit = await approvedRequest(o, { asset_ids: [o.desktop.id] }, 'Ukaguzi wa hesabu za mwaka');
    // Approved, then broken before it left: the repair may start, but it does not leave for the workshop.
    const entry = await reportFault(o, o.officer.token, o.desktop.id);
    const provider = await providerId(o, o.officer.token);
    await o.ok(o.officer.token, 'maintenance.assign', { entry_id: entry.id, technician: { type: 'external', provider_id: provider, job_ref: 'JC-9', supervisor_name: 'Juma Ally' } });
    const error = await refusedWithoutWriting(o, o.officer.token, 'maintenance.send-offsite', { entry_id: entry.id, sent_on: '2026-11-23' }, 'device-on-permit');
    expect(error.params).toEqual({ tag: o.desktop.tag, permit: permit.permit_no });
    await o.ok(o.accountant.token, 'movements.revoke', { request_id: permit.id, reason: 'Kifaa kimeharibika' });
    expect((await o.ok(o.officer.token, 'maintenance.send-offsite', { entry_id: entry.id, sent_on: '2026-11-23' })).state).toBe('off_site');
  });
});
