// The log book's pure rules (db/maintenance/contract.ts), which the core and the window share: how long
// a device was out of service, which preventive plans apply to it, when their work falls due, what parts
// cost. The last tests show the core's answers and the window's agree, because both call these rules.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  entryDowntime,
  LogBookFilters,
  partCost,
  partsCost,
  PlanInput,
  planAppliesTo,
  preventiveDueOn,
} from '../../../db/maintenance/contract.ts';
import { periodTotals, workTotal } from '../../../renderer/screens/logbook/totals.ts';
import { openOffice, registerDevice, registerLaptop, reportFault, TODAY, type Office } from '../../helpers/office.ts';

describe('the downtime of a log book entry', () => {
  it('counts an open repair from the day the fault was reported until today', () => {
    expect(entryDowntime({ reported_on: '2026-11-20', downtime_days: null }, '2026-11-23')).toBe(3);
  });

  it('keeps a closed repair at the days recorded when it closed, whatever today is', () => {
    expect(entryDowntime({ reported_on: '2026-11-01', downtime_days: 4 }, '2026-11-23')).toBe(4);
    expect(entryDowntime({ reported_on: '2026-11-01', downtime_days: 0 }, '2027-01-01')).toBe(0);
  });

  it('counts no days for a fault reported today, and none for a report dated ahead of this PC', () => {
    expect(entryDowntime({ reported_on: '2026-11-23', downtime_days: null }, '2026-11-23')).toBe(0);
    expect(entryDowntime({ reported_on: '2026-11-24', downtime_days: null }, '2026-11-23')).toBe(0);
  });
});

describe('which preventive plans apply to a device', () => {
  const laptopA = { id: 'laptop-a', category: 'laptop' };
  const laptopB = { id: 'laptop-b', category: 'laptop' };
  const printer = { id: 'printer', category: 'printer' };

  it('a plan for a category applies to every device of it and to no other', () => {
    const plan = { asset_id: null, category: 'laptop' };
    expect([laptopA, laptopB, printer].map((device) => planAppliesTo(plan, device))).toEqual([true, true, false]);
  });

  it('a plan for one device applies to that device only, not to others of its category', () => {
    const plan = { asset_id: 'laptop-a', category: null };
    expect([laptopA, laptopB, printer].map((device) => planAppliesTo(plan, device))).toEqual([true, false, false]);
  });

  it('a plan must name a device or a category, not both and not neither', () => {
    const base = { procedure_id: null, task: 'Kusafisha', interval_months: 6 };
    expect(PlanInput.safeParse({ ...base, category: 'laptop', asset_id: null }).success).toBe(true);
    expect(PlanInput.safeParse({ ...base, category: 'laptop', asset_id: 'laptop-a' }).error?.issues[0]?.message).toBe('validation.plan-scope');
    expect(PlanInput.safeParse({ ...base, category: null, asset_id: null }).error?.issues[0]?.message).toBe('validation.plan-scope');
  });
});

describe('when preventive work falls due', () => {
  it('is due from the day the device came into the register when never done', () => {
    expect(preventiveDueOn(null, 6, '2026-03-10')).toBe('2026-03-10');
  });

  it('is due an interval after it was last done, at the end of a shorter month', () => {
    expect(preventiveDueOn('2026-05-20', 6, '2020-01-01')).toBe('2026-11-20');
    expect(preventiveDueOn('2026-08-31', 6, '2020-01-01')).toBe('2027-02-28');
  });
});

describe('what a repair costs', () => {
  it('costs each line quantity × unit price and the parts their sum', () => {
    expect(partCost({ quantity: 2, unit_cost_tzs: 45_000 })).toBe(90_000);
    expect(partsCost([{ quantity: 2, unit_cost_tzs: 45_000 }, { quantity: 1, unit_cost_tzs: 120_000 }])).toBe(210_000);
    expect(partsCost([])).toBe(0);
  });

  it('the form being typed adds the same parts cost as the book, and labour, ignoring half-typed lines', () => {
    const parts = [{ quantity: 2, unit_cost_tzs: 45_000 }, { quantity: Number.NaN, unit_cost_tzs: 10_000 }, {}];
    expect(workTotal(parts, 30_000)).toBe(partsCost([{ quantity: 2, unit_cost_tzs: 45_000 }]) + 30_000);
    expect(workTotal(parts, null)).toBe(90_000);
  });
});

describe('a period of the log book register', () => {
  it('refuses a period that ends before it starts and leaves either end open', () => {
    expect(LogBookFilters.safeParse({ from: '2026-07-01', to: '2026-06-30' }).error?.issues[0]?.message).toBe('registers.validation.period');
    expect(LogBookFilters.parse({ from: '2026-07-01' })).toEqual({ from: '2026-07-01', to: '' });
  });
});

describe('the core and the window, on the same log book', () => {
  let o: Office;
  beforeEach(async () => {
    o = await openOffice();
  });
  afterEach(() => o.core.close());

  it('the device page and the log book screen count the same days out of service', async () => {
    const laptop = await registerLaptop(o);
    const closed = await reportFault(o, o.officer.token, laptop.id, { reported_on: '2026-11-01' });
    await o.ok(o.officer.token, 'maintenance.close', { entry_id: closed.id, closed_on: '2026-11-05', outcome: 'no_fault', reason: 'Waya ulikuwa umechomoka' });
    await reportFault(o, o.officer.token, laptop.id, { reported_on: '2026-11-20' });

    const book = await o.ok(o.auditor.token, 'maintenance.log-book', { asset_id: laptop.id });
    const listed = await o.ok(o.auditor.token, 'maintenance.list', { asset_id: laptop.id });
    // Four days to the close, three so far for the open repair (today is the 23rd).
    expect(book.downtime_days).toBe(7);
    expect(periodTotals(listed.items, TODAY).downtime).toBe(book.downtime_days);
  });

  it('the due list and the fault report offer each device the same plans', async () => {
    const laptopA = await registerLaptop(o, { serial: 'A1', purchase_date: '2026-01-10' });
    const laptopB = await registerLaptop(o, { serial: 'B1', purchase_date: '2026-02-10' });
    const printer = await registerDevice(o, o.officer.token, { category: 'printer', make: 'HP', model: 'LaserJet M404', purchase_date: '2026-03-10' });
    await o.ok(o.officer.token, 'plans.create', { category: 'laptop', asset_id: null, task: 'Kusafisha na kukagua betri', interval_months: 6 });
    await o.ok(o.officer.token, 'plans.create', { category: null, asset_id: laptopA.id, task: 'Kubadilisha betri ya UPS ndogo', interval_months: 12 });
    await o.ok(o.officer.token, 'plans.create', { category: 'printer', asset_id: null, task: 'Kusafisha roller', interval_months: 3 });

    const due = await o.ok(o.auditor.token, 'plans.due', { within_days: 366 });
    const plans = await o.ok(o.auditor.token, 'plans.list');
    for (const device of [laptopA, laptopB, printer]) {
      const offered = plans.filter((plan) => planAppliesTo(plan, device)).map((plan) => plan.id).sort();
      const listed = due.filter((item) => item.asset_id === device.id).map((item) => item.plan_id).sort();
      expect(listed).toEqual(offered);
    }
    expect(due.filter((item) => item.asset_id === laptopA.id)).toHaveLength(2);
    expect(due.filter((item) => item.asset_id === laptopB.id)).toHaveLength(1);
  });
});
