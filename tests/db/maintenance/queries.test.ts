// Reading the log book: what preventive maintenance is due (3.6.1), month arithmetic, and the list of entries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssetView } from '../../../db/assets/queries.ts';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { logBookRegister } from '../../../db/maintenance/log-book-sheet.ts';
import { addMonths } from '../../../db/contract/days.ts';
import { entriesReportedBetween, findEntry, listEntries } from '../../../db/maintenance/queries.ts';
import { okValue, present } from '../../helpers/core.ts';
import { NOW, openOffice, recordWorkDone, registerLaptop, TODAY, type Office } from '../../helpers/office.ts';

describe('adding months to a date', () => {
  it('keeps the day of the month when the target month has it', () => {
    expect(addMonths('2026-05-20', 6)).toBe('2026-11-20');
    expect(addMonths('2026-11-20', 6)).toBe('2027-05-20');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
  });

  it('ends at the last day of February from the 31st of January', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-29', 6)).toBe('2028-02-29');
  });

  it('crosses years in both directions', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-12-31', 14)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });
});

describe('preventive maintenance due', () => {
  let o: Office;
  let planId: string;
  beforeEach(async () => {
    o = await openOffice();
    planId = present(okValue(await o.call(o.officer.token, 'plans.create', { category: 'laptop', task: 'Kusafisha na kukagua betri', interval_months: 6 })), 'plans.create').id;
  });
  afterEach(() => o.core.close());

  const due = async (within_days?: number) => okValue(await o.call(o.auditor.token, 'plans.due', within_days === undefined ? {} : { within_days }));

  async function servicedOn(asset: AssetView, reported_on: string, closed_on: string, plan = planId): Promise<void> {
    const entry = okValue(
      await o.call(o.officer.token, 'maintenance.report', { asset_id: asset.id, kind: 'preventive', plan_id: plan, reported_on, reported_by: 'Juma Ally', symptoms: 'Matengenezo kinga' }),
    );
    okValue(await o.call(o.officer.token, 'maintenance.close', { entry_id: entry.id, closed_on, outcome: 'no_fault', reason: 'Mtumiaji alikuwa hajachomeka waya' }));
  }

  it('is due from the purchase date for a device never serviced, and overdue once that has passed', async () => {
    const laptop = await registerLaptop(o, { purchase_date: '2026-03-10' });
    expect(await due()).toEqual([
      {
        plan_id: planId,
        task: 'Kusafisha na kukagua betri',
        interval_months: 6,
        asset_id: laptop.id,
        asset_tag: 'MAJI/ICT/2026/00001',
        asset_label: 'Dell Latitude 5440',
        last_done_on: null,
        due_on: '2026-03-10',
        overdue: true,
      },
    ]);
  });

  it('is due from the day of registration when the purchase date is unknown, and not yet overdue', async () => {
    await registerLaptop(o, { purchase_date: '' });
    expect(await due()).toMatchObject([{ due_on: '2026-11-23', overdue: false, last_done_on: null }]);
  });

  it('is next due six months after the close of the last preventive entry under the plan', async () => {
    const laptop = await registerLaptop(o, { purchase_date: '2025-01-10' });
    await servicedOn(laptop, '2026-11-18', '2026-11-20');
    expect(await due()).toEqual([]);
    expect(await due(366)).toMatchObject([{ asset_id: laptop.id, last_done_on: '2026-11-20', due_on: '2027-05-20', overdue: false }]);
  });

  it('counts the latest of several services', async () => {
    const laptop = await registerLaptop(o, { purchase_date: '2025-01-10' });
    await servicedOn(laptop, '2025-06-01', '2025-06-02');
    await servicedOn(laptop, '2025-12-01', '2025-12-03');
    expect(await due()).toMatchObject([{ last_done_on: '2025-12-03', due_on: '2026-06-03', overdue: true }]);
  });

  it('falls due at the end of February after a service on the 31st of August', async () => {
    const laptop = await registerLaptop(o, { purchase_date: '2025-01-10' });
    await servicedOn(laptop, '2026-08-31', '2026-08-31');
    expect(await due(366)).toMatchObject([{ last_done_on: '2026-08-31', due_on: '2027-02-28' }]);
  });

  it('does not count a repair that was not under the plan, nor one still open', async () => {
    const laptop = await registerLaptop(o, { purchase_date: '2025-01-10' });
    const repair = okValue(
      await o.call(o.officer.token, 'maintenance.report', { asset_id: laptop.id, reported_on: '2026-11-01', reported_by: 'Zuhura Said', symptoms: 'Skrini' }),
    );
    okValue(await o.call(o.officer.token, 'maintenance.close', { entry_id: repair.id, closed_on: '2026-11-02', outcome: 'no_fault', reason: 'Mtumiaji alikuwa hajachomeka waya' }));
    okValue(
      await o.call(o.officer.token, 'maintenance.report', { asset_id: laptop.id, kind: 'preventive', plan_id: planId, reported_on: '2026-11-22', reported_by: 'Juma Ally', symptoms: 'Kinga' }),
    );
    expect(await due()).toMatchObject([{ last_done_on: null, due_on: '2025-01-10', overdue: true }]);
  });

  it('lists what falls due within the days asked, soonest first', async () => {
    // A purchase date is never typed ahead of today (issue 7): the devices bought "later" are registered
    // on a clock set after their purchase, then the list is asked for on the 23rd of November.
    o.clock.set('2027-01-11T08:00:00Z');
    const soon = await registerLaptop(o, { purchase_date: '2026-12-10', serial: 'A1', media: [] });
    const overdue = await registerLaptop(o, { purchase_date: '2026-01-05', serial: 'A2', media: [] });
    await registerLaptop(o, { purchase_date: '2027-01-10', serial: 'A3', media: [] });
    o.clock.set(NOW);
    expect((await due(30)).map((d) => [d.asset_id, d.due_on, d.overdue])).toEqual([
      [overdue.id, '2026-01-05', true],
      [soon.id, '2026-12-10', false],
    ]);
    expect(await due(0)).toHaveLength(1);
    expect(await due(60)).toHaveLength(3);
  });

  it('covers only devices of the plan\'s category, or the one device of a device plan', async () => {
    const laptop = await registerLaptop(o, { purchase_date: '2026-01-05' });
    const server = await registerLaptop(o, { category: 'server', make: 'Dell', model: 'PowerEdge R750', serial: 'SRV-1', purchase_date: '2025-06-01', media: [] });
    await registerLaptop(o, { category: 'printer', make: 'Canon', model: 'LBP', serial: 'PR-1', purchase_date: '2025-06-01', media: [] });
    const serverPlan = present(okValue(await o.call(o.officer.token, 'plans.create', { asset_id: server.id, task: 'Kusasisha firmware', interval_months: 3 })), 'plans.create').id;
    expect((await due()).map((d) => [d.plan_id, d.asset_id])).toEqual([
      [serverPlan, server.id],
      [planId, laptop.id],
    ]);
  });

  it('leaves out inactive plans and devices awaiting disposal', async () => {
    const laptop = await registerLaptop(o, { purchase_date: '2026-01-05' });
    const broken = await registerLaptop(o, { purchase_date: '2026-01-06', serial: 'B1', media: [] });
    const entry = okValue(
      await o.call(o.officer.token, 'maintenance.report', { asset_id: broken.id, reported_on: '2026-11-01', reported_by: 'Zuhura Said', symptoms: 'Imeungua' }),
    );
    await recordWorkDone(o, entry.id);
    okValue(await o.call(o.officer.token, 'maintenance.close', { entry_id: entry.id, closed_on: '2026-11-02', outcome: 'beyond_repair' }));
    expect((await due()).map((d) => d.asset_id)).toEqual([laptop.id]);
    okValue(await o.call(o.officer.token, 'plans.update', { plan_id: planId, task: 'Kusafisha', interval_months: 6, active: false }));
    expect(await due()).toEqual([]);
  });
});

describe('the list of log-book entries', () => {
  let o: Office;
  let a: AssetView;
  let b: AssetView;
  const ids: Record<string, string> = {};
  beforeEach(async () => {
    o = await openOffice();
    a = await registerLaptop(o);
    b = await registerLaptop(o, { serial: 'OTHER', media: [] });
    const report = async (asset: AssetView, reported_on: string) =>
      okValue(await o.call(o.officer.token, 'maintenance.report', { asset_id: asset.id, reported_on, reported_by: 'Zuhura Said', symptoms: 'Tatizo' })).id;
    ids.a1 = await report(a, '2026-09-01');
    okValue(await o.call(o.officer.token, 'maintenance.close', { entry_id: ids.a1, closed_on: '2026-09-03', outcome: 'no_fault', reason: 'Mtumiaji alikuwa hajachomeka waya' }));
    ids.b1 = await report(b, '2026-10-15');
    ids.a2 = await report(a, '2026-11-20');
  });
  afterEach(() => o.core.close());

  const list = async (input: Record<string, unknown>) => okValue(await o.call(o.auditor.token, 'maintenance.list', input));

  it('lists entries newest first, by device, by period and by state', async () => {
    expect((await list({})).items.map((e) => e.id)).toEqual([ids.a2, ids.b1, ids.a1]);
    expect((await list({ asset_id: a.id })).items.map((e) => e.id)).toEqual([ids.a2, ids.a1]);
    expect((await list({ from: '2026-10-01', to: '2026-10-31' })).items.map((e) => e.id)).toEqual([ids.b1]);
    expect((await list({ state: 'open' })).items.map((e) => e.id)).toEqual([ids.a2, ids.b1]);
    expect((await list({ state: 'closed' })).items.map((e) => e.id)).toEqual([ids.a1]);
  });

  it('pages with a cursor', async () => {
    const first = await list({ limit: 2 });
    expect(first.items.map((e) => e.id)).toEqual([ids.a2, ids.b1]);
    const second = await list({ limit: 2, after: first.next });
    expect(second).toMatchObject({ next: null });
    expect(second.items.map((e) => e.id)).toEqual([ids.a1]);
  });

  it("counts a device's downtime to today for a repair still open", async () => {
    const book = okValue(await o.call(o.auditor.token, 'maintenance.log-book', { asset_id: a.id }));
    // 2 days for the closed repair, 3 days so far for the open one.
    expect(book.downtime_days).toBe(2 + 3);
  });
});

describe('an entry read with its device', () => {
  let o: Office;
  beforeEach(async () => {
    o = await openOffice();
  });
  afterEach(() => o.core.close());

  it('names the same device (tag, make and model, category) in the list, the entry, the period book and the spreadsheet', async () => {
    const laptop = await registerLaptop(o);
    const reported = okValue(
      await o.call(o.officer.token, 'maintenance.report', { asset_id: laptop.id, kind: 'corrective', reported_on: '2026-11-20', reported_by: 'Juma Ally', symptoms: 'Haiwaki' }),
    );
    const device = { asset_tag: 'MAJI/ICT/2026/00001', asset_label: 'Dell Latitude 5440', asset_category: 'laptop' };
    expect(reported).toMatchObject(device);
    expect(findEntry(o.core.services.store, reported.id)).toMatchObject(device);
    expect(listEntries(o.core.services.store, { asset_id: null, from: '', to: '', state: 'all', after: null, limit: 10 }).items).toMatchObject([device]);
    expect(entriesReportedBetween(o.core.services.store, '2026-11-01', '2026-11-30')).toMatchObject([device]);
    const words = { t: translator('en'), language: 'en' as const };
    const [cells] = [...logBookRegister.cells({ store: o.core.services.store, today: TODAY }, { from: '', to: '' }, words)];
    const column = (key: string) => cells?.[logBookRegister.columns.findIndex((c) => c.key === key)];
    expect([column('tag'), column('device'), column('category')]).toEqual(['MAJI/ICT/2026/00001', 'Dell Latitude 5440', 'Laptop']);
  });
});
