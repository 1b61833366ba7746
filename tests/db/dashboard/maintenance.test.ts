// Issue 14, the dashboard's maintenance figures: devices under repair and away for repair, preventive
// work overdue and falling due, clause 3.6.3 (storage removed before an off-site repair) on both sides,
// and the charts of the log book: cost per month, downtime per category, the most-repaired models.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RouteInput } from '../../../db/contract/routes.ts';
import { present } from '../../helpers/core.ts';
import { openOffice, registerDevice, registerLaptop, reportAndAssignOutside, reportFault, type Device, type Office } from '../../helpers/office.ts';
import { brief, chart, figure, rowsBehind } from './fixture.ts';

let o: Office;
beforeEach(async () => {
  o = await openOffice();
});
afterEach(() => o.core.close());

const removal = (medium_id: string, entry_id: string, removed_on = '2026-11-21'): RouteInput<'drives.remove'> => ({
  medium_id,
  removed_by: 'Juma Ally',
  witnessed_by: 'Hamisi Juma',
  kept_at: 'Kabati la TEHAMA',
  removed_on,
  entry_id,
});

/** A fault on `device`, given to Techno Brain Ltd and sent off-site on the 22nd, its drive removed first when `remove`. */
async function sentOffsite(device: Device, remove: boolean): Promise<string> {
  const { entry } = await reportAndAssignOutside(o, device.id);
  if (remove) await o.ok(o.officer.token, 'drives.remove', removal(present(device.media[0], 'the drive').id, entry.id));
  await o.ok(o.officer.token, 'maintenance.send-offsite', { entry_id: entry.id, sent_on: '2026-11-22' });
  return entry.id;
}

describe('devices under repair and away for repair', () => {
  it('counts the devices repaired in the institution and those away, and lists them since when', async () => {
    const away = await registerLaptop(o, { tag: 'MAJI/ICT/2026/0001' });
    const here = await registerDevice(o, o.officer.token, { tag: 'MAJI/ICT/2026/0002', category: 'printer', make: 'HP', model: 'LaserJet M404' });
    await sentOffsite(away, true);
    await reportFault(o, o.officer.token, here.id, { reported_on: '2026-11-18' });
    expect(await figure(o, o.officer.token, 'repairs.in-house')).toMatchObject({ group: 'maintenance', value: 1, flag: 'ok' });
    expect(await figure(o, o.officer.token, 'repairs.off-site')).toMatchObject({ value: 1 });
    const inHouse = await rowsBehind(o, o.officer.token, 'repairs.in-house');
    expect(inHouse.map(brief)).toEqual([{ label: 'MAJI/ICT/2026/0002', why: 'in-house', flag: 'ok', lead: `assets/${here.id}` }]);
    expect(inHouse[0]?.why.params).toEqual({ since: '2026-11-18' });
    const offsite = await rowsBehind(o, o.officer.token, 'repairs.off-site');
    expect(offsite.map(brief)).toEqual([{ label: 'MAJI/ICT/2026/0001', why: 'off-site', flag: 'ok', lead: `assets/${away.id}` }]);
    expect(offsite[0]?.why.params).toEqual({ since: '2026-11-22' });
  });
});

describe('preventive maintenance', () => {
  it('counts the work past due and the work falling due within 30 days, and lists each with its device', async () => {
    // Never serviced since its purchase two years ago: overdue. The other, serviced on 1 June, falls due on 1 December.
    const never = await registerLaptop(o, { tag: 'MAJI/ICT/2026/0001', purchase_date: '2024-11-01' });
    const serviced = await registerLaptop(o, { tag: 'MAJI/ICT/2026/0002', purchase_date: '2024-11-01', serial: 'DL-2' });
    const plan = await o.ok(o.officer.token, 'plans.create', { procedure_id: null, category: 'laptop', asset_id: null, task: 'Kusafisha vumbi', interval_months: 6 });
    const entry = await o.ok(o.officer.token, 'maintenance.report', {
      asset_id: serviced.id,
      kind: 'preventive',
      plan_id: present(plan, 'the plan').id,
      reported_on: '2026-06-01',
      reported_by: 'Juma Ally',
      symptoms: 'Matengenezo kinga',
    });
    await o.ok(o.officer.token, 'maintenance.close', { entry_id: entry.id, closed_on: '2026-06-01', outcome: 'no_fault', reason: 'Kazi ya kawaida ya matengenezo kinga' });

    expect(await figure(o, o.auditor.token, 'preventive.overdue')).toMatchObject({ value: 1, flag: 'attention' });
    expect(await figure(o, o.auditor.token, 'preventive.due')).toMatchObject({ value: 1, flag: 'ok' });
    const overdue = await rowsBehind(o, o.auditor.token, 'preventive.overdue');
    expect(overdue.map(brief)).toEqual([{ label: 'MAJI/ICT/2026/0001', why: 'preventive-overdue', flag: 'attention', lead: `assets/${never.id}` }]);
    // Work never done falls due from the device's purchase.
    expect(overdue[0]?.why.params).toEqual({ task: 'Kusafisha vumbi', due: '2024-11-01' });
    const due = await rowsBehind(o, o.auditor.token, 'preventive.due');
    expect(due.map(brief)).toEqual([{ label: 'MAJI/ICT/2026/0002', why: 'preventive-due', flag: 'ok', lead: `assets/${serviced.id}` }]);
    expect(due[0]?.why.params).toEqual({ task: 'Kusafisha vumbi', due: '2026-12-01' });
  });

  it('is in order when no plan has work due', async () => {
    await registerLaptop(o);
    expect(await figure(o, o.officer.token, 'preventive.overdue')).toMatchObject({ value: 0, flag: 'ok' });
    expect(await rowsBehind(o, o.officer.token, 'preventive.overdue')).toEqual([]);
  });
});

describe('clause 3.6.3: storage removed before an off-site repair', () => {
  it('counts off-site repairs of devices with storage whose removal was recorded before they left, and lists both sides', async () => {
    const removed = await registerLaptop(o, { tag: 'MAJI/ICT/2026/0001' });
    // A laptop holds records by its category, but nobody recorded its drive: it left with whatever was inside.
    const unrecorded = await registerLaptop(o, { tag: 'MAJI/ICT/2026/0002', serial: 'DL-2', media: [] });
    // A printer holds no records: its repair is no business of 3.6.3.
    const printer = await registerDevice(o, o.officer.token, { tag: 'MAJI/ICT/2026/0003', category: 'printer', make: 'HP', model: 'LaserJet M404' });
    const good = await sentOffsite(removed, true);
    const bad = await sentOffsite(unrecorded, false);
    await sentOffsite(printer, false);

    expect(await figure(o, o.auditor.token, 'clause.3.6.3')).toMatchObject({ group: 'compliance', clause: '3.6.3', value: 1, of: 2, flag: 'attention' });
    const attention = await rowsBehind(o, o.auditor.token, 'clause.3.6.3', 'attention');
    expect(attention.map(brief)).toEqual([{ label: 'MAJI/ICT/2026/0002', why: 'storage-not-removed', flag: 'attention', lead: `assets/${unrecorded.id}` }]);
    expect(attention[0]?.id).toBe(bad);
    const ok = await rowsBehind(o, o.auditor.token, 'clause.3.6.3', 'ok');
    expect(ok.map(brief)).toEqual([{ label: 'MAJI/ICT/2026/0001', why: 'storage-removed', flag: 'ok', lead: `assets/${removed.id}` }]);
    expect(ok[0]?.id).toBe(good);
    expect(ok[0]?.why.params).toEqual({ date: '2026-11-22', provider: 'Techno Brain Ltd' });
    expect(await rowsBehind(o, o.auditor.token, 'clause.3.6.3')).toHaveLength(2);
  });

  it('stays in order after the drive is put back on the device’s return, and is 100 % with nothing sent', async () => {
    expect(await figure(o, o.officer.token, 'clause.3.6.3')).toMatchObject({ value: 0, of: 0, flag: 'ok' });
    const laptop = await registerLaptop(o);
    const entry = await sentOffsite(laptop, true);
    await o.ok(o.officer.token, 'maintenance.return', { entry_id: entry, returned_on: '2026-11-23' });
    await o.ok(o.officer.token, 'drives.reinstall', { medium_id: present(laptop.media[0], 'the drive').id, reinstalled_by: 'Juma Ally', reinstalled_on: '2026-11-23', entry_id: entry });
    expect(await figure(o, o.officer.token, 'clause.3.6.3')).toMatchObject({ value: 1, of: 1, flag: 'ok' });
  });
});

describe('the charts of the log book', () => {
  /** A repair of `device` reported on `reported`, done by Hamisi for `labour` and parts, closed on `closed`. */
  async function repair(device: Device, reported: string, closed: string, labour: number, parts: { name: string; quantity: number; unit_cost_tzs: number }[] = []): Promise<string> {
    const entry = await reportFault(o, o.officer.token, device.id, { reported_on: reported });
    await o.ok(o.officer.token, 'maintenance.assign', { entry_id: entry.id, technician: { type: 'internal', name: 'Hamisi Juma' } });
    await o.ok(o.officer.token, 'maintenance.record-work', { entry_id: entry.id, actions: 'Kifaa kimetengenezwa na kupimwa', parts, labour_cost_tzs: labour, hours: 2 });
    await o.ok(o.officer.token, 'maintenance.close', { entry_id: entry.id, closed_on: closed, outcome: 'repaired' });
    return entry.id;
  }

  let laptop: Device;
  let desktop: Device;
  let september: string;
  beforeEach(async () => {
    laptop = await registerLaptop(o, { tag: 'MAJI/ICT/2026/0001' });
    desktop = await registerDevice(o, o.officer.token, { tag: 'MAJI/ICT/2026/0002', category: 'desktop', make: 'HP', model: 'ProDesk 400', purchase_date: '2022-01-10' });
    september = await repair(laptop, '2026-09-10', '2026-09-12', 150_000, [{ name: 'Betri', quantity: 1, unit_cost_tzs: 120_000 }]);
    await repair(laptop, '2026-11-02', '2026-11-05', 40_000);
    await repair(desktop, '2026-11-10', '2026-11-13', 10_000);
    // Closed before the twelve months the charts look back on.
    await repair(desktop, '2025-10-01', '2025-10-20', 999_000);
  });

  it('sums maintenance cost by the month repairs closed, for the last 12 months, and lists a month’s repairs', async () => {
    const cost = await chart(o, o.officer.token, 'chart.cost');
    expect(cost.unit).toBe('tzs');
    expect(cost.bars.map((bar) => bar.key)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(Object.fromEntries(cost.bars.filter((bar) => bar.value > 0).map((bar) => [bar.key, bar.value]))).toEqual({ '2026-09': 270_000, '2026-11': 50_000 });
    const rows = await rowsBehind(o, o.officer.token, 'chart.cost', '2026-09');
    expect(rows.map(brief)).toEqual([{ label: 'MAJI/ICT/2026/0001', why: 'cost', flag: 'ok', lead: `assets/${laptop.id}` }]);
    expect(rows[0]?.id).toBe(september);
    expect(rows[0]?.why.params).toEqual({ amount: 270_000, date: '2026-09-12' });
    expect(await rowsBehind(o, o.officer.token, 'chart.cost', '2026-11')).toHaveLength(2);
  });

  it('sums the days out of service by category, and lists a category’s repairs', async () => {
    const downtime = await chart(o, o.auditor.token, 'chart.downtime');
    expect(downtime.unit).toBe('days');
    expect(downtime.bars).toEqual([
      { key: 'laptop', value: 5 },
      { key: 'desktop', value: 3 },
    ]);
    const rows = await rowsBehind(o, o.auditor.token, 'chart.downtime', 'desktop');
    expect(rows.map(brief)).toEqual([{ label: 'MAJI/ICT/2026/0002', why: 'downtime', flag: 'ok', lead: `assets/${desktop.id}` }]);
    expect(rows[0]?.why.params).toEqual({ days: 3, date: '2026-11-13' });
  });

  it('names the most-repaired models, most first, and lists a model’s repairs', async () => {
    const models = await chart(o, o.auditor.token, 'chart.models');
    expect(models.bars).toEqual([
      { key: 'Dell Latitude 5440', value: 2 },
      { key: 'HP ProDesk 400', value: 1 },
    ]);
    const rows = await rowsBehind(o, o.auditor.token, 'chart.models', 'Dell Latitude 5440');
    expect(rows.map((row) => [row.label, row.why.params.date])).toEqual([
      ['MAJI/ICT/2026/0001', '2026-09-10'],
      ['MAJI/ICT/2026/0001', '2026-11-02'],
    ]);
  });
});
