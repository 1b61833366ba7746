// Issue 11: while in a disposal batch a device cannot be handed over, taken off premises or sent for
// repair; each refusal names it. Its preventive work no longer falls due.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { refusedWithoutWriting } from '../../helpers/core.ts';
import { device, openDisposalOffice, threeDevices, type DisposalOffice } from './fixture.ts';

describe('a device in a disposal batch', () => {
  let o: DisposalOffice;
  beforeEach(async () => {
    o = await openDisposalOffice();
    expect((await o.ok(o.records.token, 'disposal.create', threeDevices(o))).number).toBe('MAJI/UOND/2026/0001');
    expect((await device(o, o.desktop.id)).status).toBe('in_disposal');
  });
  afterEach(() => o.core.close());

  it('cannot be handed over: the refusal names the device and its batch', async () => {
    const error = await refusedWithoutWriting(
      o,
      o.officer.token,
      'handovers.prepare',
      {
        kind: 'handover',
        from: { type: 'store' },
        to: { type: 'person', person_id: o.people.hamisi },
        lines: [{ asset_id: o.desktop.id, condition: 'fair', accessories: '' }],
        reason: 'Mtumishi mpya wa Idara ya Uhasibu',
      },
      'handover-device-in-disposal',
    );
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0002', number: 'MAJI/UOND/2026/0001' });
    expect(translator('sw')(error.message, error.params)).toBe(
      'Kifaa MAJI/ICT/2026/0002 kiko kwenye kundi la uondoaji MAJI/UOND/2026/0001; hakiwezi kukabidhiwa hadi kitolewe kwenye kundi hilo.',
    );
    expect(translator('en')(error.message, error.params)).toBe('Device MAJI/ICT/2026/0002 is in disposal batch MAJI/UOND/2026/0001; it cannot be handed over unless it leaves the batch.');
  });

  it('cannot be scanned onto a handover form either', async () => {
    const error = await refusedWithoutWriting(
      o,
      o.officer.token,
      'handovers.check-device',
      { code: 'MAJI/ICT/2026/0002', from: { type: 'store' }, to_type: 'person', listed: [] },
      'handover-device-in-disposal',
    );
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0002', number: 'MAJI/UOND/2026/0001' });
  });

  it('cannot be taken out of the office', async () => {
    const error = await refusedWithoutWriting(
      o,
      o.officer.token,
      'movements.request',
      {
        holder_id: o.people.zuhura,
        asset_ids: [o.desktop.id],
        purpose: 'Warsha ya bajeti',
        destination: 'AICC, Arusha',
        date_out: '2026-11-24',
        due_on: '2026-11-28',
        data_held: 'Rasimu ya bajeti',
      },
      'movement-device-unavailable',
    );
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0002' });
  });

  it('cannot be sent for repair', async () => {
    await refusedWithoutWriting(
      o,
      o.officer.token,
      'maintenance.report',
      { asset_id: o.desktop.id, kind: 'corrective', plan_id: null, reported_on: '2026-11-22', reported_by: 'Juma Ally', symptoms: 'Haiwaki' },
      'device-in-disposal',
    );
  });

  it('falls out of the preventive work due', async () => {
    await o.ok(o.officer.token, 'plans.create', { procedure_id: null, category: null, asset_id: o.desktop.id, task: 'Kusafisha vumbi', interval_months: 6 });
    expect(await o.ok(o.officer.token, 'plans.due', { within_days: 366 })).toEqual([]);
  });
});
