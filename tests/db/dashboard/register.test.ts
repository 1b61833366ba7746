// Issue 14, the dashboard's register figures: devices by status and by category, devices by age, who
// sees which figure, and the list behind a figure read page by page. Each history is built through the
// real routes in the office of tests/helpers/office.ts (the Ministry of Water, 23 November 2026).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIGURES } from '../../../db/dashboard/contract.ts';
import { addUser, expectRefused } from '../../helpers/core.ts';
import { openOffice, registerDevice, registerLaptop, reportFault, type Device, type Office } from '../../helpers/office.ts';
import { brief, chart, figure, rowsBehind } from './fixture.ts';

let o: Office;
let laptop: Device;
let desktop: Device;
let printer: Device;

beforeEach(async () => {
  o = await openOffice();
  // In service with Zuhura, bought in July 2025.
  laptop = await registerLaptop(o, { tag: 'MAJI/ICT/2026/0001' });
  // In the store, bought in March 2019.
  desktop = await registerDevice(o, o.officer.token, { tag: 'MAJI/ICT/2026/0002', category: 'desktop', make: 'HP', model: 'ProDesk 400', purchase_date: '2019-03-01' });
  // Under repair in the institution; its purchase was never recorded.
  printer = await registerDevice(o, o.officer.token, { tag: 'MAJI/ICT/2026/0003', category: 'printer', make: 'HP', model: 'LaserJet M404' });
  await reportFault(o, o.officer.token, printer.id);
});
afterEach(() => o.core.close());

describe('devices by status', () => {
  it('counts every device by its status and lists the devices of one status, each leading to its page', async () => {
    const status = await figure(o, o.auditor.token, 'devices.status');
    expect(status).toMatchObject({ group: 'register', value: 3, of: null, flag: 'ok' });
    expect(Object.fromEntries(status.buckets.map((b) => [b.key, b.value]))).toEqual({ in_service: 1, in_store: 1, under_repair: 1 });
    expect((await rowsBehind(o, o.auditor.token, 'devices.status', 'in_store')).map(brief)).toEqual([
      { label: 'MAJI/ICT/2026/0002', why: 'statuses.in_store', flag: 'ok', lead: `assets/${desktop.id}` },
    ]);
    expect((await rowsBehind(o, o.auditor.token, 'devices.status')).map((row) => row.label)).toEqual(['MAJI/ICT/2026/0001', 'MAJI/ICT/2026/0002', 'MAJI/ICT/2026/0003']);
  });
});

describe('devices by category', () => {
  it('counts the devices of each category and lists one category', async () => {
    await registerLaptop(o, { tag: 'MAJI/ICT/2026/0004', serial: 'DL-2' });
    const category = await figure(o, o.officer.token, 'devices.category');
    expect(category.value).toBe(4);
    expect(category.buckets).toEqual([
      { key: 'laptop', value: 2 },
      { key: 'desktop', value: 1 },
      { key: 'printer', value: 1 },
    ]);
    expect((await rowsBehind(o, o.officer.token, 'devices.category', 'laptop')).map((row) => row.label)).toEqual(['MAJI/ICT/2026/0001', 'MAJI/ICT/2026/0004']);
  });
});

describe('devices by age', () => {
  it('puts each device in a band of years since its purchase, unknown when none was recorded, and lists a band', async () => {
    const age = await chart(o, o.officer.token, 'chart.age');
    expect(age.unit).toBe('devices');
    expect(Object.fromEntries(age.bars.map((bar) => [bar.key, bar.value]))).toEqual({ '0-1': 0, '1-3': 1, '3-5': 0, '5-8': 1, '8+': 0, unknown: 1 });
    expect((await rowsBehind(o, o.officer.token, 'chart.age', '5-8')).map(brief)).toEqual([
      { label: 'MAJI/ICT/2026/0002', why: 'purchased', flag: 'ok', lead: `assets/${desktop.id}` },
    ]);
    expect((await rowsBehind(o, o.officer.token, 'chart.age', 'unknown')).map(brief)).toEqual([
      { label: 'MAJI/ICT/2026/0003', why: 'purchase-unknown', flag: 'ok', lead: `assets/${printer.id}` },
    ]);
    expect((await rowsBehind(o, o.officer.token, 'chart.age', '1-3'))[0]?.why.params).toEqual({ date: '2025-07-14' });
  });
});

describe('who sees what', () => {
  it('shows each user only the figures whose records their roles let them read on their own screens', async () => {
    const records = await addUser(o, o.admin, 'rekodi', ['records_officer'], 'Mwanaidi Kombo');
    const keys = async (token: string) => (await o.ok(token, 'dashboard.summary')).figures.map((f) => f.key);
    // The auditor reads everything, accounts included.
    expect(await keys(o.auditor.token)).toEqual([...FIGURES]);
    // The ICT officer reads custody records but not the accounts (3.1.2 is the administrator's and the auditor's).
    expect(await keys(o.officer.token)).not.toContain('clause.3.1.2');
    expect(await keys(o.officer.token)).toContain('clause.3.6.11');
    // The records officer reads the register, the log book and disposal, not permits, handovers, media or accounts.
    const theirs = await keys(records.token);
    expect(theirs).toEqual(expect.arrayContaining(['devices.status', 'clause.3.6.3', 'clause.3.6.12', 'disposal.batches']));
    for (const hidden of ['movements.overdue', 'media.lost', 'clause.3.6.6', 'clause.3.6.11', 'clause.3.6.5', 'clause.3.6.9', 'clause.3.1.2'] as const) expect(theirs).not.toContain(hidden);
  });

  it('refuses the list behind a figure to a user who may not read its records', async () => {
    const records = await addUser(o, o.admin, 'rekodi', ['records_officer'], 'Mwanaidi Kombo');
    expectRefused(await o.call(records.token, 'dashboard.list', { figure: 'media.lost' }), 'forbidden');
    expectRefused(await o.call(o.officer.token, 'dashboard.list', { figure: 'clause.3.1.2' }), 'forbidden');
    expectRefused(await o.call(null, 'dashboard.summary'), 'not-signed-in');
  });
});

describe('the list behind a figure', () => {
  it('is read a page at a time, in order, without a row repeated or skipped', async () => {
    for (let i = 4; i <= 8; i += 1) await registerLaptop(o, { tag: `MAJI/ICT/2026/000${i}`, serial: `DL-${i}` });
    const first = await o.ok(o.officer.token, 'dashboard.list', { figure: 'devices.category', bucket: 'laptop', limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.next).not.toBeNull();
    const all = await rowsBehind(o, o.officer.token, 'devices.category', 'laptop', 2);
    expect(all.map((row) => row.label)).toEqual(['MAJI/ICT/2026/0001', 'MAJI/ICT/2026/0004', 'MAJI/ICT/2026/0005', 'MAJI/ICT/2026/0006', 'MAJI/ICT/2026/0007', 'MAJI/ICT/2026/0008']);
    expect(laptop.tag).toBe('MAJI/ICT/2026/0001');
  });

  it('refuses a page cursor it did not give', async () => {
    expectRefused(await o.call(o.officer.token, 'dashboard.list', { figure: 'devices.status', after: 'not-a-cursor' }), 'bad-cursor');
  });
});
