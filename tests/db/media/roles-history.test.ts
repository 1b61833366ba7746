// Who may keep the removable media register, role by role; what waits for whom (lost media for the
// ICT officer and the Accounting Officer, wipes due for the ICT officer); and how every event reads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../db/users/contract.ts';
import { addUser } from '../../helpers/core.ts';
import { openOffice, type Device, type Office } from '../../helpers/office.ts';
import { issueOf, registerFlashDisk } from './fixtures.ts';

describe('who may do what with removable media, role by role', () => {
  let o: Office;
  let disk: Device;
  beforeEach(async () => {
    o = await openOffice();
    disk = await registerFlashDisk(o);
  });
  afterEach(() => o.core.close());

  const MAY_KEEP: Role[] = ['admin', 'ict_officer'];
  const MAY_READ: Role[] = ['admin', 'ict_officer', 'accounting_officer', 'head_of_institution', 'auditor'];
  const TOLD_OF_LOSSES: Role[] = ['admin', 'ict_officer', 'accounting_officer'];
  const outcome = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

  it.each(ROLES.map((role) => [role]))('%s', async (role) => {
    const user = await addUser(o, o.admin, `mtumishi.${role}`, [role]);
    const keep = MAY_KEEP.includes(role) ? 'ok' : 'forbidden';
    const read = MAY_READ.includes(role) ? 'ok' : 'forbidden';
    const issued = await o.call(user.token, 'media.issue', issueOf(disk.id, o.people.zuhura));
    expect(outcome(issued)).toBe(keep);
    if (!issued.ok) await o.ok(o.officer.token, 'media.issue', issueOf(disk.id, o.people.zuhura));
    const issueId = (await o.ok(o.officer.token, 'media.get', { asset_id: disk.id })).open_issue_id as string;
    expect(outcome(await o.call(user.token, 'media.wipe', { asset_id: disk.id, wiped_on: '2026-11-22', method: 'full_format', wiped_by: 'Hamisi Juma' }))).toBe(keep);
    expect(outcome(await o.call(user.token, 'media.void-issue', { issue_id: issueId, reason: 'x' }))).toBe(keep === 'ok' ? 'media-issue-not-doubled' : 'forbidden');
    const returned = await o.call(user.token, 'media.return', { issue_id: issueId, returned_on: '2026-11-22', condition: 'good' });
    expect(outcome(returned)).toBe(keep);
    if (!returned.ok) await o.ok(o.officer.token, 'media.return', { issue_id: issueId, returned_on: '2026-11-22', condition: 'good' });
    expect(outcome(await o.call(user.token, 'media.store', { asset_id: disk.id, location_id: o.locations.floor2 }))).toBe(keep);
    const reported = await o.call(user.token, 'media.report', { asset_id: disk.id, kind: 'lost', reported_on: '2026-11-22', note: 'Imepotea' });
    expect(outcome(reported)).toBe(keep);
    if (!reported.ok) await o.ok(o.officer.token, 'media.report', { asset_id: disk.id, kind: 'lost', reported_on: '2026-11-22', note: 'Imepotea' });
    const reportId = (await o.ok(o.officer.token, 'media.get', { asset_id: disk.id })).lost_report_id as string;
    expect(outcome(await o.call(user.token, 'media.found', { report_id: reportId, found_on: '2026-11-23' }))).toBe(keep);

    expect(outcome(await o.call(user.token, 'media.list', {}))).toBe(read);
    expect(outcome(await o.call(user.token, 'media.get', { asset_id: disk.id }))).toBe(read);
    expect(outcome(await o.call(user.token, 'media-incidents.list', {}))).toBe(read);
    expect(outcome(await o.call(user.token, 'media.inbox'))).toBe(TOLD_OF_LOSSES.includes(role) ? 'ok' : 'forbidden');
  });
});

describe('the media lists and what waits for whom', () => {
  let o: Office;
  beforeEach(async () => {
    o = await openOffice();
  });
  afterEach(() => o.core.close());

  it('lists media by where they are, and counts lost media and wipes due for the roles that act on them', async () => {
    const inStore = await registerFlashDisk(o, { serial: 'S-1' });
    const out = await registerFlashDisk(o, { serial: 'S-2' });
    const lost = await registerFlashDisk(o, { serial: 'S-3', category: 'external_drive', make: 'Seagate', model: 'Expansion 2TB' });
    const back = await registerFlashDisk(o, { serial: 'S-4' });
    await o.ok(o.officer.token, 'media.issue', issueOf(out.id, o.people.zuhura));
    await o.ok(o.officer.token, 'media.report', { asset_id: lost.id, kind: 'lost', reported_on: '2026-11-22', note: 'Imepotea' });
    const issueId = (await o.ok(o.officer.token, 'media.issue', issueOf(back.id, o.people.hamisi))).open_issue_id as string;
    await o.ok(o.officer.token, 'media.return', { issue_id: issueId, returned_on: '2026-11-22', condition: 'good' });
    // A laptop is no medium: never listed.
    await o.ok(o.officer.token, 'assets.register', { category: 'laptop', make: 'Dell', model: 'Latitude' });

    const tags = async (list: 'all' | 'in_store' | 'issued' | 'lost' | 'wipe_due', search = '') =>
      (await o.ok(o.auditor.token, 'media.list', { list, search })).map((m) => m.id);
    expect(await tags('all')).toEqual([inStore.id, out.id, lost.id, back.id]);
    expect(await tags('in_store')).toEqual([inStore.id, back.id]);
    expect(await tags('issued')).toEqual([out.id]);
    expect(await tags('lost')).toEqual([lost.id]);
    expect(await tags('wipe_due')).toEqual([back.id]);
    expect(await tags('all', 'zuhura')).toEqual([out.id]);
    expect(await tags('all', 'seagate')).toEqual([lost.id]);

    expect(await o.ok(o.officer.token, 'media.inbox')).toEqual({ lost: 1, wipe_due: 1 });
    const accountant = await addUser(o, o.admin, 'masuuli', ['accounting_officer'], 'Baraka Mushi');
    expect(await o.ok(accountant.token, 'media.inbox')).toEqual({ lost: 1, wipe_due: 0 });
    expect((await o.call(o.head.token, 'media.inbox')).ok).toBe(false);
    expect(await o.ok(accountant.token, 'media-incidents.list', {})).toEqual([expect.objectContaining({ asset_id: lost.id, asset_tag: lost.tag, asset_label: 'Seagate Expansion 2TB', state: 'open' })]);

    const mine = async (token: string) => (await o.ok(token, 'inbox.list')).items.filter((item) => item.screen === 'media');
    expect(await mine(o.officer.token)).toEqual([
      { key: 'media-lost', screen: 'media', urgency: 'late', count: 1 },
      { key: 'media-wipe-due', screen: 'media', urgency: 'soon', count: 1 },
    ]);
    expect(await mine(accountant.token)).toEqual([{ key: 'media-lost', screen: 'media', urgency: 'late', count: 1 }]);
    expect(await mine(o.head.token)).toEqual([]);

    await o.ok(o.officer.token, 'media.wipe', { asset_id: back.id, wiped_on: '2026-11-22', method: 'secure_erase', wiped_by: 'Hamisi Juma' });
    expect(await o.ok(o.officer.token, 'media.inbox')).toEqual({ lost: 1, wipe_due: 0 });
  });

  it('refuses a medium it does not know', async () => {
    const result = await o.call(o.auditor.token, 'media.get', { asset_id: 'no-such-medium' });
    expect(result.ok ? null : result.error.code).toBe('media-not-found');
  });
});

describe('a medium’s history', () => {
  it('tells every event in both languages, and the journal verifies and rebuilds every row', async () => {
    const o = await openOffice();
    try {
      const disk = await registerFlashDisk(o);
      const issueId = (await o.ok(o.officer.token, 'media.issue', issueOf(disk.id, o.people.zuhura))).open_issue_id as string;
      await o.ok(o.officer.token, 'media.wipe', { asset_id: disk.id, wiped_on: '2026-11-21', method: 'delete_files', wiped_by: 'Zuhura Said' });
      await o.ok(o.officer.token, 'media.return', { issue_id: issueId, returned_on: '2026-11-22', condition: 'good' });
      await o.ok(o.officer.token, 'media.wipe', { asset_id: disk.id, wiped_on: '2026-11-22', method: 'full_format', wiped_by: 'Hamisi Juma', witness: 'Juma Ally' });
      await o.ok(o.officer.token, 'media.store', { asset_id: disk.id, location_id: o.locations.floor2 });
      await o.ok(o.officer.token, 'media.report', { asset_id: disk.id, kind: 'damaged', reported_on: '2026-11-22', note: 'Kifuniko kimevunjika' });
      const reportId = (await o.ok(o.officer.token, 'media.report', { asset_id: disk.id, kind: 'lost', reported_on: '2026-11-23', note: 'Haionekani stoo' })).lost_report_id as string;
      await o.ok(o.officer.token, 'media.found', { report_id: reportId, found_on: '2026-11-23' });

      const history = await o.ok(o.admin, 'history.entity', { entity: disk.id });
      const en = history.map((line) => line.sentence.en).reverse();
      expect(en.slice(1)).toEqual([
        'Juma Ally issued the removable medium to Zuhura Said on 20/11/2026 for government work: Kuhamisha taarifa za bajeti kwenda Hazina; the servant acknowledged the rules of use',
        'Juma Ally confirmed the medium was wiped on 21/11/2026 (files deleted) by Zuhura Said',
        'Juma Ally received the removable medium back on 22/11/2026 (good condition)',
        'Juma Ally confirmed the medium was wiped on 22/11/2026 (full format) by Hamisi Juma, witnessed by Juma Ally',
        'Juma Ally put the removable medium away: Ghorofa 2',
        'Juma Ally reported the removable medium damaged on 22/11/2026: Kifuniko kimevunjika',
        'Juma Ally reported the removable medium lost on 23/11/2026: Haionekani stoo',
        'Juma Ally recorded the removable medium found on 23/11/2026',
      ]);
      expect(history.at(-2)?.sentence.sw).toBe(
        'Juma Ally alimpa Zuhura Said kihamisha kumbukumbu tarehe 20/11/2026 kwa kazi ya Serikali: Kuhamisha taarifa za bajeti kwenda Hazina; mtumishi alikiri kanuni za matumizi',
      );
      expect(await o.ok(o.admin, 'journal.verify')).toMatchObject({ ok: true });
    } finally {
      o.core.close();
    }
  });
});
