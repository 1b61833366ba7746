// The removable media register through its routes (3.6.7–3.6.10): issuing with the rules acknowledged,
// returning, wiping, keeping in a place, reporting lost or damaged; every refusal writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { okValue, refusedRawWithoutWriting, refusedWithoutWriting } from '../../helpers/core.ts';
import { openOffice, registerLaptop, type Device, type Office } from '../../helpers/office.ts';
import { issueOf, registerFlashDisk } from './fixtures.ts';

describe('issuing a medium', () => {
  let o: Office;
  let disk: Device;
  beforeEach(async () => {
    o = await openOffice();
    disk = await registerFlashDisk(o);
  });
  afterEach(() => o.core.close());

  it('hands it to the servant with the purpose and the three rules acknowledged, and the device is in service with them', async () => {
    const medium = await o.ok(o.officer.token, 'media.issue', issueOf(disk.id, o.people.zuhura));
    expect(medium).toMatchObject({ tag: disk.tag, custodian_id: o.people.zuhura, holder_name: 'Zuhura Said', status: 'in_service', open_issues: 1 });
    expect(medium.open_issue_purpose).toBe('Kuhamisha taarifa za bajeti kwenda Hazina');
    expect(medium.issues[0]).toMatchObject({
      person_name: 'Zuhura Said',
      issued_on: '2026-11-20',
      state: 'issued',
      issued_by_name: 'Juma Ally',
      acknowledged: ['government_work_only', 'no_personal_data', 'wipe_after_transfer'],
    });
    expect((await o.ok(o.officer.token, 'assets.get', { asset_id: disk.id })).custodian_name).toBe('Zuhura Said');
  });

  it('refuses an issue until every rule is acknowledged, marking each missing one', async () => {
    const error = await refusedWithoutWriting(
      o,
      o.officer.token,
      'media.issue',
      issueOf(disk.id, o.people.zuhura, { acknowledged: { government_work_only: true, no_personal_data: false, wipe_after_transfer: false } }),
      'media-rules-not-acknowledged',
    );
    expect(error).toMatchObject({
      params: { tag: disk.tag },
      fields: { 'acknowledged.no_personal_data': 'media_ui.issue.rule-required', 'acknowledged.wipe_after_transfer': 'media_ui.issue.rule-required' },
    });
    await refusedRawWithoutWriting(o, o.officer.token, 'media.issue', { ...issueOf(disk.id, o.people.zuhura), acknowledged: {} }, 'media-rules-not-acknowledged');
  });

  it('refuses a medium already issued, naming the tag and the holder', async () => {
    await o.ok(o.officer.token, 'media.issue', issueOf(disk.id, o.people.zuhura));
    const error = await refusedWithoutWriting(o, o.officer.token, 'media.issue', issueOf(disk.id, o.people.hamisi), 'media-already-issued');
    expect(error.params).toEqual({ tag: disk.tag, holder: 'Zuhura Said' });
  });

  it('refuses a medium the register already shows with a custodian', async () => {
    const held = await registerFlashDisk(o, { serial: 'KT64-0092', custodian_id: o.people.rehema });
    const error = await refusedWithoutWriting(o, o.officer.token, 'media.issue', issueOf(held.id, o.people.hamisi), 'media-already-issued');
    expect(error.params).toEqual({ tag: held.tag, holder: 'Rehema Mollel' });
  });

  it('refuses a device that is not a storage medium, naming it', async () => {
    const laptop = await registerLaptop(o, { custodian_id: null });
    const error = await refusedWithoutWriting(o, o.officer.token, 'media.issue', issueOf(laptop.id, o.people.zuhura), 'media-not-storage');
    expect(error).toMatchObject({ params: { tag: laptop.tag }, fields: { asset_id: 'errors.media-not-storage' } });
  });

  it('refuses a medium reported lost', async () => {
    await o.ok(o.officer.token, 'media.report', { asset_id: disk.id, kind: 'lost', reported_on: '2026-11-21', note: 'Ilipotea safarini' });
    const error = await refusedWithoutWriting(o, o.officer.token, 'media.issue', issueOf(disk.id, o.people.zuhura), 'media-lost');
    expect(error.params).toEqual({ tag: disk.tag });
  });

  it('refuses a medium out of the store for repair', async () => {
    await o.ok(o.officer.token, 'maintenance.report', { asset_id: disk.id, reported_on: '2026-11-21', reported_by: 'Juma Ally', symptoms: 'Haisomeki' });
    const error = await refusedWithoutWriting(o, o.officer.token, 'media.issue', issueOf(disk.id, o.people.zuhura), 'media-unavailable');
    expect(error.params).toEqual({ tag: disk.tag });
  });

  it('refuses a medium handed to another institution', async () => {
    // The register row as the handovers area's fold leaves it once a transfer out is received.
    o.store.sqlite.prepare("UPDATE assets SET transferred_to = 'Wizara ya Afya', status = 'transferred' WHERE id = ?").run(disk.id);
    const error = await refusedWithoutWriting(o, o.officer.token, 'media.issue', issueOf(disk.id, o.people.zuhura), 'media-transferred');
    expect(error.params).toEqual({ tag: disk.tag });
  });

  it('refuses a device or a person it does not know, and a person no longer active', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'media.issue', issueOf('no-such-device', o.people.zuhura), 'asset-not-found');
    await refusedWithoutWriting(o, o.officer.token, 'media.issue', issueOf(disk.id, 'no-such-person'), 'person-not-found');
    await o.ok(o.officer.token, 'people.deactivate', { person_id: o.people.rehema });
    const error = await refusedWithoutWriting(o, o.officer.token, 'media.issue', issueOf(disk.id, o.people.rehema), 'person-inactive');
    expect(error.params).toEqual({ name: 'Rehema Mollel' });
  });

  it('refuses an issue dated in the future or before the medium was bought', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'media.issue', issueOf(disk.id, o.people.zuhura, { issued_on: '2026-11-30' }), 'date-in-future');
    const error = await refusedWithoutWriting(o, o.officer.token, 'media.issue', issueOf(disk.id, o.people.zuhura, { issued_on: '2025-07-01' }), 'date-before-purchase');
    expect(error.fields).toEqual({ issued_on: 'errors.date-before-purchase' });
  });

  it('refuses an issue without a purpose', async () => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'media.issue', issueOf(disk.id, o.people.zuhura, { purpose: ' ' }), 'invalid-input');
    expect(error.fields).toEqual({ purpose: 'validation.required' });
  });
});

describe('returning a medium', () => {
  let o: Office;
  let disk: Device;
  let issueId: string;
  beforeEach(async () => {
    o = await openOffice();
    disk = await registerFlashDisk(o);
    issueId = okValue(await o.call(o.officer.token, 'media.issue', issueOf(disk.id, o.people.zuhura))).issues[0]?.id ?? '';
  });
  afterEach(() => o.core.close());

  it('closes the issue with the date and condition, and the medium is back in the store where it is put', async () => {
    const medium = await o.ok(o.officer.token, 'media.return', { issue_id: issueId, returned_on: '2026-11-22', condition: 'good', location_id: o.locations.floor2 });
    expect(medium).toMatchObject({ status: 'in_store', custodian_id: null, location_id: o.locations.floor2, location_name: 'Ghorofa 2', open_issues: 0, last_returned_on: '2026-11-22', wipe_due: true });
    expect(medium.issues[0]).toMatchObject({ state: 'returned', returned_on: '2026-11-22', return_condition: 'good', closed_by_name: 'Juma Ally' });
  });

  it('keeps the place it had when none is given, and records damage', async () => {
    const medium = await o.ok(o.officer.token, 'media.return', { issue_id: issueId, returned_on: '2026-11-22', condition: 'damaged', note: 'Kiunganishi kimevunjika' });
    expect(medium).toMatchObject({ location_id: o.locations.store, status: 'in_store' });
    expect(medium.issues[0]).toMatchObject({ return_condition: 'damaged', return_note: 'Kiunganishi kimevunjika' });
  });

  it('refuses returning twice, naming the medium and the holder', async () => {
    await o.ok(o.officer.token, 'media.return', { issue_id: issueId, returned_on: '2026-11-22', condition: 'good' });
    const error = await refusedWithoutWriting(o, o.officer.token, 'media.return', { issue_id: issueId, returned_on: '2026-11-23', condition: 'good' }, 'media-issue-closed');
    expect(error.params).toEqual({ tag: disk.tag, holder: 'Zuhura Said' });
  });

  it('refuses a return dated before the issue or in the future, and an issue it does not know', async () => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'media.return', { issue_id: issueId, returned_on: '2026-11-19', condition: 'good' }, 'media-date-before-issue');
    expect(error).toMatchObject({ params: { tag: disk.tag, date: '20/11/2026' }, fields: { returned_on: 'errors.media-date-before-issue' } });
    await refusedWithoutWriting(o, o.officer.token, 'media.return', { issue_id: issueId, returned_on: '2026-12-01', condition: 'good' }, 'date-in-future');
    await refusedWithoutWriting(o, o.officer.token, 'media.return', { issue_id: 'no-such-issue', returned_on: '2026-11-22', condition: 'good' }, 'media-issue-not-found');
  });

  it('refuses a place it does not know', async () => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'media.return', { issue_id: issueId, returned_on: '2026-11-22', condition: 'good', location_id: 'nowhere' }, 'location-not-found');
    expect(error.fields).toEqual({ location_id: 'errors.location-not-found' });
  });

  it('refuses returning a medium that was reported lost while out', async () => {
    await o.ok(o.officer.token, 'media.report', { asset_id: disk.id, kind: 'lost', reported_on: '2026-11-21', note: 'Imepotea' });
    await refusedWithoutWriting(o, o.officer.token, 'media.return', { issue_id: issueId, returned_on: '2026-11-22', condition: 'good' }, 'media-lost');
  });

  it('issues it again once returned', async () => {
    await o.ok(o.officer.token, 'media.return', { issue_id: issueId, returned_on: '2026-11-21', condition: 'good' });
    const medium = await o.ok(o.officer.token, 'media.issue', issueOf(disk.id, o.people.hamisi, { issued_on: '2026-11-22' }));
    expect(medium).toMatchObject({ holder_name: 'Hamisi Juma', status: 'in_service' });
    expect(medium.issues.map((issue) => issue.state)).toEqual(['issued', 'returned']);
  });

  it('refuses voiding an issue that is the only one open', async () => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'media.void-issue', { issue_id: issueId, reason: 'Imeandikwa mara mbili' }, 'media-issue-not-doubled');
    expect(error.params).toEqual({ tag: disk.tag, holder: 'Zuhura Said' });
  });
});

describe('wiping and keeping a medium', () => {
  let o: Office;
  let disk: Device;
  beforeEach(async () => {
    o = await openOffice();
    disk = await registerFlashDisk(o);
  });
  afterEach(() => o.core.close());

  const wipe = (fields: Record<string, unknown> = {}) => ({ asset_id: disk.id, wiped_on: '2026-11-22', method: 'full_format' as const, wiped_by: 'Hamisi Juma', ...fields });

  it('records every wipe, with its witness, newest first, and a returned medium is no longer due a wipe', async () => {
    const issueId = (await o.ok(o.officer.token, 'media.issue', issueOf(disk.id, o.people.zuhura))).issues[0]?.id ?? '';
    await o.ok(o.officer.token, 'media.wipe', wipe({ wiped_on: '2026-11-21', method: 'delete_files', wiped_by: 'Zuhura Said' }));
    expect((await o.ok(o.officer.token, 'media.return', { issue_id: issueId, returned_on: '2026-11-22', condition: 'good' })).wipe_due).toBe(true);
    const medium = await o.ok(o.officer.token, 'media.wipe', wipe({ witness: 'Juma Ally' }));
    expect(medium.wipes.map((w) => [w.wiped_on, w.method, w.wiped_by, w.witness])).toEqual([
      ['2026-11-22', 'full_format', 'Hamisi Juma', 'Juma Ally'],
      ['2026-11-21', 'delete_files', 'Zuhura Said', ''],
    ]);
    expect(medium).toMatchObject({ last_wiped_on: '2026-11-22', wipe_due: false });
  });

  it('refuses a wipe of what is not a storage medium, dated in the future, or without who wiped it', async () => {
    const laptop = await registerLaptop(o);
    await refusedWithoutWriting(o, o.officer.token, 'media.wipe', wipe({ asset_id: laptop.id }), 'media-not-storage');
    await refusedWithoutWriting(o, o.officer.token, 'media.wipe', wipe({ wiped_on: '2026-12-01' }), 'date-in-future');
    const error = await refusedWithoutWriting(o, o.officer.token, 'media.wipe', wipe({ wiped_by: '' }), 'invalid-input');
    expect(error.fields).toEqual({ wiped_by: 'validation.required' });
  });

  it('keeps a medium in the store in a place of the register', async () => {
    const medium = await o.ok(o.officer.token, 'media.store', { asset_id: disk.id, location_id: o.locations.floor2 });
    expect(medium).toMatchObject({ location_id: o.locations.floor2, location_name: 'Ghorofa 2', status: 'in_store' });
  });

  it('refuses a place for a medium someone holds, naming them, and a place it does not know', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'media.store', { asset_id: disk.id, location_id: 'nowhere' }, 'location-not-found');
    await o.ok(o.officer.token, 'media.issue', issueOf(disk.id, o.people.zuhura));
    const error = await refusedWithoutWriting(o, o.officer.token, 'media.store', { asset_id: disk.id, location_id: o.locations.floor2 }, 'media-not-in-store');
    expect(error.params).toEqual({ tag: disk.tag, holder: 'Zuhura Said' });
  });
});

describe('a lost or damaged medium', () => {
  let o: Office;
  let disk: Device;
  beforeEach(async () => {
    o = await openOffice();
    disk = await registerFlashDisk(o);
  });
  afterEach(() => o.core.close());

  it('marks a lost medium lost, with an open incident naming who held it, until it is found', async () => {
    await o.ok(o.officer.token, 'media.issue', issueOf(disk.id, o.people.zuhura));
    const lost = await o.ok(o.officer.token, 'media.report', { asset_id: disk.id, kind: 'lost', reported_on: '2026-11-21', note: 'Ilipotea kwenye basi' });
    expect(lost).toMatchObject({ status: 'lost', lost_report_id: lost.incidents[0]?.id });
    expect(lost.incidents[0]).toMatchObject({ kind: 'lost', state: 'open', holder_id: o.people.zuhura, holder_name: 'Zuhura Said', reported_by_name: 'Juma Ally' });
    const incidents = await o.ok(o.auditor.token, 'media-incidents.list', {});
    expect(incidents.map((i) => [i.asset_tag, i.kind, i.state])).toEqual([[disk.tag, 'lost', 'open']]);

    const found = await o.ok(o.officer.token, 'media.found', { report_id: lost.incidents[0]?.id ?? '', found_on: '2026-11-22', note: 'Imepatikana ofisini' });
    expect(found).toMatchObject({ status: 'in_service', lost_report_id: null });
    expect(found.incidents[0]).toMatchObject({ state: 'found', found_on: '2026-11-22', found_note: 'Imepatikana ofisini' });
    expect(await o.ok(o.auditor.token, 'media-incidents.list', {})).toEqual([]);
    expect(await o.ok(o.auditor.token, 'media-incidents.list', { state: 'all' })).toHaveLength(1);
  });

  it('records damage without changing the medium’s status', async () => {
    const medium = await o.ok(o.officer.token, 'media.report', { asset_id: disk.id, kind: 'damaged', reported_on: '2026-11-21', note: 'Kiunganishi kimevunjika' });
    expect(medium).toMatchObject({ status: 'in_store', lost_report_id: null });
    expect(medium.incidents[0]).toMatchObject({ kind: 'damaged', state: 'recorded', holder_id: null, holder_name: '' });
  });

  it('refuses reporting a lost medium again, and finding a report that is not an open loss', async () => {
    const lost = await o.ok(o.officer.token, 'media.report', { asset_id: disk.id, kind: 'lost', reported_on: '2026-11-21', note: 'Imepotea' });
    await refusedWithoutWriting(o, o.officer.token, 'media.report', { asset_id: disk.id, kind: 'damaged', reported_on: '2026-11-22', note: 'x' }, 'media-lost');
    const reportId = lost.incidents[0]?.id ?? '';
    await o.ok(o.officer.token, 'media.found', { report_id: reportId, found_on: '2026-11-22' });
    const again = await refusedWithoutWriting(o, o.officer.token, 'media.found', { report_id: reportId, found_on: '2026-11-23' }, 'media-report-not-open');
    expect(again.params).toEqual({ tag: disk.tag });
    const damaged = await o.ok(o.officer.token, 'media.report', { asset_id: disk.id, kind: 'damaged', reported_on: '2026-11-23', note: 'Imevunjika' });
    await refusedWithoutWriting(o, o.officer.token, 'media.found', { report_id: damaged.incidents[0]?.id ?? '', found_on: '2026-11-23' }, 'media-report-not-open');
    await refusedWithoutWriting(o, o.officer.token, 'media.found', { report_id: 'no-such-report', found_on: '2026-11-23' }, 'media-report-not-found');
  });

  it('refuses finding a medium before it was reported lost, or a report in the future', async () => {
    const lost = await o.ok(o.officer.token, 'media.report', { asset_id: disk.id, kind: 'lost', reported_on: '2026-11-21', note: 'Imepotea' });
    const error = await refusedWithoutWriting(o, o.officer.token, 'media.found', { report_id: lost.incidents[0]?.id ?? '', found_on: '2026-11-20' }, 'media-date-before-loss');
    expect(error).toMatchObject({ params: { tag: disk.tag, date: '21/11/2026' }, fields: { found_on: 'errors.media-date-before-loss' } });
    const other = await registerFlashDisk(o, { serial: 'KT64-0093' });
    await refusedWithoutWriting(o, o.officer.token, 'media.report', { asset_id: other.id, kind: 'lost', reported_on: '2026-12-01', note: 'x' }, 'date-in-future');
  });
});
