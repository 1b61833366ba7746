// Issue 14, the dashboard's removable media: media issued, returned and not wiped, lost, and clause
// 3.6.9 (a medium issued again with no wipe confirmed since its last transfer) on both sides.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RouteInput } from '../../../db/contract/routes.ts';
import { openOffice, type Device, type Office } from '../../helpers/office.ts';
import { issueOf, registerFlashDisk } from '../media/fixtures.ts';
import { brief, figure, rowsBehind } from './fixture.ts';

let o: Office;
let reused: Device;
let wiped: Device;
beforeEach(async () => {
  o = await openOffice();
  reused = await registerFlashDisk(o, { tag: 'MAJI/ICT/2026/0001', serial: 'KT-1' });
  wiped = await registerFlashDisk(o, { tag: 'MAJI/ICT/2026/0002', serial: 'KT-2' });
});
afterEach(() => o.core.close());

const wipe = (asset_id: string, wiped_on: string): RouteInput<'media.wipe'> => ({ asset_id, wiped_on, method: 'full_format', wiped_by: 'Juma Ally' });

/** Issued to `person` on `issued_on` and returned on `returned_on`. */
async function issuedAndReturned(medium: Device, person: string, issued_on: string, returned_on: string): Promise<void> {
  const issue = await o.ok(o.officer.token, 'media.issue', issueOf(medium.id, person, { issued_on }));
  const open = issue.issues.find((line) => line.state === 'issued');
  await o.ok(o.officer.token, 'media.return', { issue_id: open?.id ?? '', returned_on, condition: 'good', location_id: null });
}

describe('removable media', () => {
  it('counts the media issued, and lists who holds each', async () => {
    await o.ok(o.officer.token, 'media.issue', issueOf(reused.id, o.people.zuhura, { issued_on: '2026-11-20' }));
    expect(await figure(o, o.officer.token, 'media.issued')).toMatchObject({ group: 'media', value: 1, flag: 'ok' });
    const rows = await rowsBehind(o, o.officer.token, 'media.issued');
    expect(rows.map(brief)).toEqual([{ label: 'MAJI/ICT/2026/0001', why: 'media-issued', flag: 'ok', lead: `assets/${reused.id}` }]);
    expect(rows[0]?.why.params).toEqual({ holder: 'Zuhura Said', date: '2026-11-20' });
  });

  it('counts the media returned and not wiped since, until a wipe is confirmed', async () => {
    await issuedAndReturned(reused, o.people.zuhura, '2026-11-18', '2026-11-20');
    expect(await figure(o, o.officer.token, 'media.not-wiped')).toMatchObject({ value: 1, flag: 'attention' });
    const rows = await rowsBehind(o, o.officer.token, 'media.not-wiped');
    expect(rows.map(brief)).toEqual([{ label: 'MAJI/ICT/2026/0001', why: 'media-not-wiped', flag: 'attention', lead: `assets/${reused.id}` }]);
    expect(rows[0]?.why.params).toEqual({ date: '2026-11-20' });
    await o.ok(o.officer.token, 'media.wipe', wipe(reused.id, '2026-11-20'));
    expect(await figure(o, o.officer.token, 'media.not-wiped')).toMatchObject({ value: 0, flag: 'ok' });
  });

  it('counts the media reported lost and not found, until found', async () => {
    const report = await o.ok(o.officer.token, 'media.report', { asset_id: wiped.id, kind: 'lost', reported_on: '2026-11-22', note: 'Kilipotea safarini Arusha' });
    expect(await figure(o, o.auditor.token, 'media.lost')).toMatchObject({ value: 1, flag: 'attention' });
    const rows = await rowsBehind(o, o.auditor.token, 'media.lost');
    expect(rows.map(brief)).toEqual([{ label: 'MAJI/ICT/2026/0002', why: 'media-lost', flag: 'attention', lead: `assets/${wiped.id}` }]);
    expect(rows[0]?.why.params).toMatchObject({ date: '2026-11-22' });
    const open = report.incidents.find((incident) => incident.state === 'open');
    await o.ok(o.officer.token, 'media.found', { report_id: open?.id ?? '', found_on: '2026-11-23' });
    expect(await figure(o, o.auditor.token, 'media.lost')).toMatchObject({ value: 0, flag: 'ok' });
  });
});

describe('clause 3.6.9: media wiped after each transfer', () => {
  it('counts a medium issued again with no wipe since its last return, and not one wiped in between', async () => {
    // Issued for the first time: nothing to wipe yet.
    await o.ok(o.officer.token, 'media.issue', issueOf(wiped.id, o.people.hamisi, { issued_on: '2026-11-18' }));
    expect(await figure(o, o.officer.token, 'clause.3.6.9')).toMatchObject({ clause: '3.6.9', value: 0, flag: 'ok' });
    const first = await o.ok(o.officer.token, 'media.get', { asset_id: wiped.id });
    await o.ok(o.officer.token, 'media.return', { issue_id: first.issues.find((line) => line.state === 'issued')?.id ?? '', returned_on: '2026-11-19', condition: 'good', location_id: null });
    await o.ok(o.officer.token, 'media.wipe', wipe(wiped.id, '2026-11-19'));
    await o.ok(o.officer.token, 'media.issue', issueOf(wiped.id, o.people.rehema, { issued_on: '2026-11-21' }));
    // Returned by Zuhura on the 20th and handed to Hamisi on the 22nd with nothing wiped between.
    await issuedAndReturned(reused, o.people.zuhura, '2026-11-18', '2026-11-20');
    await o.ok(o.officer.token, 'media.issue', issueOf(reused.id, o.people.hamisi, { issued_on: '2026-11-22' }));

    expect(await figure(o, o.officer.token, 'clause.3.6.9')).toMatchObject({ value: 1, flag: 'attention' });
    const rows = await rowsBehind(o, o.officer.token, 'clause.3.6.9');
    expect(rows.map(brief)).toEqual([{ label: 'MAJI/ICT/2026/0001', why: 'issued-unwiped', flag: 'attention', lead: `assets/${reused.id}` }]);
    expect(rows[0]?.why.params).toEqual({ holder: 'Hamisi Juma', date: '2026-11-22', returned: '2026-11-20' });
    // Issued media are not counted as waiting for a wipe in the store.
    expect(await figure(o, o.officer.token, 'media.issued')).toMatchObject({ value: 2 });
  });
});
