// 3.6.12: a device the department has disposed of is read-only history. Every route that would change it
// or its custody refuses it with a sentence naming its tag, in both languages; a device handed to another
// institution is refused where the custody rules say so. Disposed devices leave the working lists (the
// candidates, the preventive work due, the media still to wipe, the inbox) and stay findable in the
// register by their status and by search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, translator } from '../../../db/contract/catalogues/index.ts';
import type { RouteInput, RouteName } from '../../../db/contract/routes.ts';
import { present, refusedWithoutWriting } from '../../helpers/core.ts';
import { registerDevice, TODAY, type Device } from '../../helpers/office.ts';
import { openDisposalOffice, purge, type DisposalOffice } from './fixture.ts';

const ACKNOWLEDGED = { government_work_only: true, no_personal_data: true, wipe_after_transfer: true };

let o: DisposalOffice;
/** A second flash disk: issued and back, never wiped, then proposed for removal. */
let flash2: Device;
/** A desktop still in use, due for preventive work under the desktops' plan. */
let working: Device;
/** A projector handed to another institution. */
let projector: Device;

const mediumOf = (assetId: string) => (o.store.sqlite.prepare('SELECT id FROM storage_media WHERE asset_id = ?').get(assetId) as { id: string }).id;

beforeAll(async () => {
  o = await openDisposalOffice();
  const { officer, records, accountant } = o;
  flash2 = await registerDevice(o, officer.token, { tag: 'MAJI/ICT/2026/0005', category: 'flash_disk', make: 'SanDisk', model: 'Ultra Flair 64 GB', serial: 'SD-64-1120', purchase_date: '2024-02-01' });
  const issued = await o.ok(officer.token, 'media.issue', { asset_id: flash2.id, person_id: o.people.hamisi, purpose: 'Kuhamisha taarifa ya robo mwaka', issued_on: TODAY, acknowledged: ACKNOWLEDGED });
  await o.ok(officer.token, 'media.return', { issue_id: present(issued.issues[0], 'the issue').id, returned_on: TODAY, condition: 'damaged', location_id: null, note: 'Kiunganishi kimevunjika' });
  await o.ok(officer.token, 'disposal.propose', { asset_id: flash2.id, reason: 'removal', note: 'Kiunganishi kimevunjika' });
  // The desktop's hard disk is taken out and kept in the store before the batch: it still has its line.
  await o.ok(officer.token, 'drives.remove', { medium_id: mediumOf(o.desktop.id), removed_by: 'Hamisi Juma', witnessed_by: 'Juma Ally', kept_at: 'Kabati la stoo', removed_on: TODAY, entry_id: null });
  working = await registerDevice(o, officer.token, { tag: 'MAJI/ICT/2026/0007', category: 'desktop', make: 'HP', model: 'ProDesk 400', serial: 'HP400-777', purchase_date: '2019-03-01' });
  await o.ok(officer.token, 'plans.create', { procedure_id: null, category: null, asset_id: o.laptop.id, task: 'Kusafisha feni', interval_months: 6 });
  await o.ok(officer.token, 'plans.create', { procedure_id: null, category: 'desktop', asset_id: null, task: 'Kusafisha vumbi na kukagua waya', interval_months: 6 });

  let batch = await o.ok(records.token, 'disposal.create', { lines: [o.laptop.id, o.desktop.id, o.flash.id, flash2.id].map((asset_id) => ({ asset_id })) });
  for (const medium of batch.media) batch = await o.ok(records.token, 'disposal.sanitise', purge(batch, medium.line_id));
  await o.ok(records.token, 'disposal.send', { batch_id: batch.id });
  await o.ok(accountant.token, 'disposal.decide', { batch_id: batch.id, decision: 'approved', reason: '' });
  await o.ok(records.token, 'disposal.submit', { batch_id: batch.id, submitted_on: TODAY, letter_ref: 'WM/ICT/DSP/2026/03' });
  await o.ok(records.token, 'disposal.collected', { batch_id: batch.id, collected_on: TODAY, collected_by: 'Elia Mwakyusa (Idara)' });
  await o.ok(records.token, 'disposal.disposed', { batch_id: batch.id, disposed_on: TODAY, certificate_ref: 'IKNT/UT/2026/117', method: 'Kusagwa' });

  projector = await registerDevice(o, officer.token, { tag: 'MAJI/ICT/2026/0006', category: 'projector', make: 'Epson', model: 'EB-X51', serial: 'EPX51-330' });
  const handover = await o.ok(officer.token, 'handovers.prepare', {
    kind: 'handover',
    from: { type: 'store' },
    to: { type: 'institution', institution_name: 'Wizara ya Afya', officer_name: 'Peter Mushi' },
    lines: [{ asset_id: projector.id, condition: 'good', accessories: 'Rimoti' }],
    reason: 'Msaada kwa barua rasmi ya Katibu Mkuu',
  });
  await o.ok(accountant.token, 'handovers.decide', { handover_id: handover.id, decision: 'approved' });
  await o.ok(officer.token, 'handovers.receive', { handover_id: handover.id, received_on: TODAY, received_by: 'Peter Mushi' });
}, 60_000);
afterAll(() => o.core.close());

/** Refused with `code`, nothing written, and the sentence names the tag in Swahili and English. */
async function refusedNaming<K extends RouteName>(token: string, route: K, input: RouteInput<K>, code: string, tag: string): Promise<void> {
  const error = await refusedWithoutWriting(o, token, route, input, code);
  for (const language of LANGUAGES) {
    const sentence = translator(language)(error.message, error.params);
    expect([route, language, sentence]).toEqual([route, language, expect.stringContaining(tag)]);
    expect(sentence).not.toMatch(/\{\{|errors\./);
  }
}

describe('a disposed device is read-only history', () => {
  it('is disposed, with its media lines, its plans ended', async () => {
    for (const device of [o.laptop, o.desktop, o.flash, flash2]) expect(await o.ok(o.auditor.token, 'assets.get', { asset_id: device.id })).toMatchObject({ status: 'disposed' });
    expect((await o.ok(o.officer.token, 'plans.list')).filter((p) => p.asset_id === o.laptop.id).map((p) => p.active)).toEqual([0]);
  });

  it('refuses changing its particulars or its drives', async () => {
    const tag = o.laptop.tag;
    await refusedNaming(o.officer.token, 'assets.update', { asset_id: o.laptop.id, tag, category: 'laptop', make: 'Dell', model: 'Latitude 5440', notes: 'Imerekebishwa' }, 'device-disposed', tag);
    await refusedNaming(o.officer.token, 'drives.add', { asset_id: o.laptop.id, kind: 'ssd', capacity_gb: 256, serial: 'NEW-256' }, 'device-disposed', tag);
    await refusedNaming(o.officer.token, 'drives.remove', { medium_id: mediumOf(o.laptop.id), removed_by: 'Hamisi Juma', witnessed_by: 'Juma Ally', kept_at: 'Stoo', removed_on: TODAY, entry_id: null }, 'device-disposed', tag);
    await refusedNaming(o.officer.token, 'drives.reinstall', { medium_id: mediumOf(o.desktop.id), reinstalled_by: 'Hamisi Juma', reinstalled_on: TODAY, entry_id: null }, 'device-disposed', o.desktop.tag);
  });

  it('refuses a repair, a handover, a permit, a medium issue and a new proposal', async () => {
    const tag = o.laptop.tag;
    await refusedNaming(o.officer.token, 'maintenance.report', { asset_id: o.laptop.id, reported_on: TODAY, reported_by: 'Zuhura Said', symptoms: 'Haiwaki' }, 'device-disposed', tag);
    const handover = {
      kind: 'handover' as const,
      from: { type: 'person' as const, person_id: o.people.zuhura },
      to: { type: 'person' as const, person_id: o.people.hamisi },
      lines: [{ asset_id: o.laptop.id, condition: 'good' as const, accessories: '' }],
      reason: 'Mgawanyo mpya',
    };
    await refusedNaming(o.officer.token, 'handovers.prepare', handover, 'device-disposed', tag);
    await refusedNaming(o.officer.token, 'handovers.check-device', { code: tag, from: handover.from, to_type: 'person', listed: [] }, 'device-disposed', tag);
    const permit = { holder_id: o.people.zuhura, asset_ids: [o.laptop.id], purpose: 'Warsha', destination: 'Arusha', date_out: '2026-11-24', due_on: '2026-11-26', data_held: 'Rasimu ya bajeti' };
    await refusedNaming(o.officer.token, 'movements.request', permit, 'device-disposed', tag);
    await refusedNaming(o.officer.token, 'media.issue', { asset_id: o.flash.id, person_id: o.people.hamisi, purpose: 'Kuhamisha taarifa', issued_on: TODAY, acknowledged: ACKNOWLEDGED }, 'device-disposed', o.flash.tag);
    await refusedNaming(o.officer.token, 'disposal.propose', { asset_id: o.laptop.id, reason: 'obsolete', note: 'Tena' }, 'disposal-device-disposed', tag);
  });

  it('refuses a device handed to another institution where the custody rules say so', async () => {
    expect(await o.ok(o.auditor.token, 'assets.get', { asset_id: projector.id })).toMatchObject({ status: 'transferred' });
    const tag = projector.tag;
    const handover = {
      kind: 'handover' as const,
      from: { type: 'store' as const },
      to: { type: 'person' as const, person_id: o.people.hamisi },
      lines: [{ asset_id: projector.id, condition: 'good' as const, accessories: '' }],
      reason: 'Kurejeshwa',
    };
    await refusedNaming(o.officer.token, 'handovers.prepare', handover, 'handover-device-transferred', tag);
    const permit = { holder_id: o.people.hamisi, asset_ids: [projector.id], purpose: 'Mkutano', destination: 'Dodoma', date_out: '2026-11-24', due_on: '2026-11-25', data_held: 'Mawasilisho' };
    await refusedNaming(o.officer.token, 'movements.request', permit, 'movement-device-unavailable', tag);
    await refusedNaming(o.officer.token, 'disposal.propose', { asset_id: projector.id, reason: 'obsolete', note: 'Imechakaa' }, 'disposal-device-transferred', tag);
  });
});

describe('the working lists', () => {
  const disposedTags = () => [o.laptop.tag, o.desktop.tag, o.flash.tag, flash2.tag];

  it('leave disposed devices out: candidates, preventive work due, media to wipe or in the store', async () => {
    expect((await o.ok(o.auditor.token, 'disposal.candidates')).map((c) => c.tag)).toEqual([o.printer.tag]);
    const due = await o.ok(o.officer.token, 'plans.due', { within_days: 366 });
    expect(due.map((item) => item.asset_tag)).toEqual([working.tag]);
    for (const list of ['wipe_due', 'in_store', 'issued'] as const) {
      const tags = (await o.ok(o.officer.token, 'media.list', { list, search: '' })).map((m) => m.tag);
      expect([list, tags.filter((tag) => disposedTags().includes(tag))]).toEqual([list, []]);
    }
    const inStore = (await o.ok(o.officer.token, 'assets.list', { status: 'in_store', limit: 500 })).items.map((a) => a.tag);
    expect(inStore).toContain(working.tag);
    expect(inStore.filter((tag) => disposedTags().includes(tag))).toEqual([]);
  });

  it('leave them out of the inbox: one candidate for the records officer, no medium to wipe, preventive work for the working desktop only', async () => {
    const records = (await o.ok(o.records.token, 'inbox.list', {})).items;
    expect(records.find((item) => item.key === 'disposal-candidates')?.count).toBe(1);
    const officer = (await o.ok(o.officer.token, 'inbox.list', {})).items;
    expect(officer.find((item) => item.key === 'media-wipe-due')).toBeUndefined();
    const preventive = officer.filter((item) => item.key === 'preventive-due' || item.key === 'preventive-overdue').reduce((sum, item) => sum + item.count, 0);
    expect(preventive).toBe(1);
  });

  it('still find them in the register: by the status disposed, by search, and in the media register', async () => {
    const disposed = (await o.ok(o.auditor.token, 'assets.list', { status: 'disposed' })).items.map((a) => a.tag);
    expect(disposed).toEqual([...disposedTags()].sort());
    expect((await o.ok(o.auditor.token, 'assets.list', { search: 'SD-64-1120' })).items.map((a) => [a.tag, a.status])).toEqual([[flash2.tag, 'disposed']]);
    expect((await o.ok(o.officer.token, 'media.list', { list: 'all', search: 'SD-64-1120' })).map((m) => [m.tag, m.status])).toEqual([[flash2.tag, 'disposed']]);
    expect((await o.ok(o.auditor.token, 'disposal.of-device', { asset_id: o.laptop.id }))?.state).toBe('disposed');
  });
});
