// Issue 7, "The register and the log book": a repair can no longer be closed as repaired straight after
// the fault report. An outcome that says work was done needs who did it and what was done; "no fault
// found" and "cancelled" need a reason; no outcome is assumed; a blank "hours worked" stays blank.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssetView } from '../../../db/assets/queries.ts';
import { reduceEntry } from '../../../db/maintenance/reducer.ts';
import type { EntryView } from '../../../db/maintenance/queries.ts';
import type { RouteInput } from '../../../db/contract/routes.ts';
import type { FoldEvent } from '../../../db/journal/types.ts';
import { okValue, refusedWithoutWriting } from '../../helpers/core.ts';
import { openOffice, recordWorkDone, registerLaptop, type Office } from '../../helpers/office.ts';

describe('closing a repair', () => {
  let o: Office;
  let laptop: AssetView;
  let entry: EntryView;
  beforeEach(async () => {
    o = await openOffice();
    laptop = await registerLaptop(o, { media: [] });
    entry = okValue(
      await o.call(o.officer.token, 'maintenance.report', { asset_id: laptop.id, reported_on: '2026-11-20', reported_by: 'Zuhura Said', symptoms: 'Haiwaki' }),
    );
  });
  afterEach(() => o.core.close());

  type Close = RouteInput<'maintenance.close'>;
  const close = (outcome: Close['outcome'], extra: Partial<Close> = {}): Close => ({ entry_id: entry.id, closed_on: '2026-11-22', outcome, ...extra });

  it.each(['repaired', 'part_replaced', 'beyond_repair'] as const)('refuses "%s" straight after the fault report: nobody did any work', async (outcome) => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'maintenance.close', close(outcome), 'close-needs-technician');
    expect(error.fields).toEqual({ outcome: 'errors.close-needs-technician' });
  });

  it('refuses "repaired" when a technician is assigned but no work is recorded', async () => {
    okValue(await o.call(o.officer.token, 'maintenance.assign', { entry_id: entry.id, technician: { type: 'internal', name: 'Hamisi Juma' } }));
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.close', close('repaired'), 'close-needs-work');
  });

  it('closes as repaired once who did it and what was done are recorded, and the book names the technician', async () => {
    await recordWorkDone(o, entry.id);
    const closed = okValue(await o.call(o.officer.token, 'maintenance.close', close('repaired')));
    expect(closed).toMatchObject({ state: 'closed', outcome: 'repaired', technician_name: 'Hamisi Juma', actions: 'Betri mpya imewekwa na kupimwa', close_reason: '' });
  });

  it.each(['no_fault', 'cancelled'] as const)('refuses "%s" without a reason, naming the reason field', async (outcome) => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'maintenance.close', close(outcome), 'close-needs-reason');
    expect(error.fields).toEqual({ reason: 'errors.close-needs-reason' });
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.close', close(outcome, { reason: '   ' }), 'close-needs-reason');
  });

  it.each(['no_fault', 'cancelled'] as const)('closes as "%s" with its reason, which the book keeps', async (outcome) => {
    const closed = okValue(await o.call(o.officer.token, 'maintenance.close', close(outcome, { reason: 'Waya wa umeme ulikuwa umechomolewa.\nMtumiaji ameelekezwa.' })));
    expect(closed).toMatchObject({ state: 'closed', outcome, close_reason: 'Waya wa umeme ulikuwa umechomolewa.\nMtumiaji ameelekezwa.' });
    expect(okValue(await o.call(o.officer.token, 'assets.get', { asset_id: laptop.id })).status).toBe('in_service');
  });

  it('assumes no outcome: closing without one is refused, naming the field', async () => {
    const result = await o.callRaw(o.officer.token, 'maintenance.close', { entry_id: entry.id, closed_on: '2026-11-22' });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'invalid-input', fields: { outcome: 'validation.required' } });
  });
});

describe('a blank "hours worked"', () => {
  let o: Office;
  let entry: EntryView;
  beforeEach(async () => {
    o = await openOffice();
    const laptop = await registerLaptop(o, { media: [] });
    entry = okValue(
      await o.call(o.officer.token, 'maintenance.report', { asset_id: laptop.id, reported_on: '2026-11-20', reported_by: 'Zuhura Said', symptoms: 'Haiwaki' }),
    );
  });
  afterEach(() => o.core.close());

  it('is null on a fresh entry, not 0', () => {
    expect(entry.hours).toBeNull();
  });

  it('stays blank when work is recorded without hours, and 0 only when 0 is typed', async () => {
    expect((await recordWorkDone(o, entry.id, null)).hours).toBeNull();
    const omitted = okValue(await o.call(o.officer.token, 'maintenance.record-work', { entry_id: entry.id, actions: 'Kebo imebadilishwa' }));
    expect(omitted.hours).toBeNull();
    const zero = okValue(await o.call(o.officer.token, 'maintenance.record-work', { entry_id: entry.id, actions: 'Kebo imebadilishwa', hours: 0 }));
    expect(zero.hours).toBe(0);
  });

  it('folds to null in the projection, for work recorded with hours: null', () => {
    const event = (n: number, type: string, payload: Record<string, unknown>): FoldEvent => ({
      origin: 'origin-a',
      origin_seq: n,
      hlc: `${new Date(Date.UTC(2026, 10, 23, 8, n)).toISOString()}-00000`,
      actor: 'user-juma',
      type,
      entity: 'e1',
      payload,
    });
    let row = reduceEntry(
      undefined,
      event(1, 'maintenance.reported', { asset_id: 'a1', kind: 'corrective', plan_id: null, procedure_id: null, procedure_version: '', reported_on: '2026-11-20', reported_by: 'Z', symptoms: 'S', warranty: false }),
      'e1',
    );
    expect(row?.hours).toBeNull();
    row = reduceEntry(row, event(2, 'maintenance.work-recorded', { asset_id: 'a1', actions: 'A', parts: [], labour_cost_tzs: 0, hours: null }), 'e1');
    expect(row?.hours).toBeNull();
    row = reduceEntry(row, event(3, 'maintenance.closed', { asset_id: 'a1', closed_on: '2026-11-21', outcome: 'cancelled', reason: 'Imeripotiwa mara mbili' }), 'e1');
    expect(row).toMatchObject({ hours: null, outcome: 'cancelled', close_reason: 'Imeripotiwa mara mbili' });
  });
});
