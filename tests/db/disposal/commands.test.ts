// Disposal (3.6.12–3.6.14): candidates and proposals, building a batch with a line per storage medium,
// sanitisation per NIST SP 800-88, the way through approval and submission to the department, and
// every refusal on the way.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, refusedRawWithoutWriting, refusedWithoutWriting } from '../../helpers/core.ts';
import { registerDevice, registerLaptop, reportFault } from '../../helpers/office.ts';
import { approvedBatch, closeBeyondRepair, device, openDisposalOffice, purge, sanitiseAll, submittedBatch, threeDevices, type Batch, type DisposalOffice } from './fixture.ts';

let o: DisposalOffice;
beforeEach(async () => {
  o = await openDisposalOffice();
});
afterEach(() => o.core.close());

describe('disposal candidates', () => {
  it('lists the laptop closed as beyond repair and the devices proposed, with their reasons', async () => {
    const candidates = await o.ok(o.auditor.token, 'disposal.candidates');
    expect(candidates.map((c) => [c.tag, c.reason, c.route, c.status])).toEqual([
      ['MAJI/ICT/2026/0001', 'beyond_repair', 'destruction', 'awaiting_disposal'],
      ['MAJI/ICT/2026/0002', 'obsolete', 'destruction', 'awaiting_disposal'],
      ['MAJI/ICT/2026/0003', 'removal', 'destruction', 'awaiting_disposal'],
      ['MAJI/ICT/2026/0004', 'sale', 'sale', 'awaiting_disposal'],
    ]);
    expect(candidates[0]?.note).toBe('Ubao mama umeungua; gharama ya kutengeneza inazidi thamani yake');
    expect(candidates[1]).toMatchObject({ proposed_by_name: 'Juma Ally', batch_number: null });
  });

  it('refuses a second proposal of the same device, naming who proposed it', async () => {
    const error = await refusedWithoutWriting(o, o.admin, 'disposal.propose', { asset_id: o.desktop.id, reason: 'sale', note: 'Mnada' }, 'disposal-already-proposed');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0002', name: 'Juma Ally' });
  });

  it('3.6.14: refuses proposing a storage medium for sale or as a gift', async () => {
    const disk = await registerDevice(o, o.officer.token, { tag: 'MAJI/ICT/2026/0009', category: 'external_drive', make: 'WD', model: 'Elements 2 TB' });
    for (const route of ['sale', 'gift'] as const) {
      const error = await refusedWithoutWriting(o, o.officer.token, 'disposal.propose', { asset_id: disk.id, reason: 'sale', route, note: 'Mnada' }, 'disposal-medium-not-for-sale');
      expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0009' });
    }
  });

  it('lets only the ICT officers propose and withdraw', async () => {
    const other = await registerLaptop(o, { tag: 'MAJI/ICT/2026/0010', serial: 'DL-0010', media: [] });
    for (const token of [o.records.token, o.accountant.token, o.head.token, o.auditor.token]) {
      await refusedWithoutWriting(o, token, 'disposal.propose', { asset_id: other.id, reason: 'obsolete', note: 'Imechakaa' }, 'forbidden');
    }
  });

  it('withdraws a proposal: the device is no longer a candidate, unless the log book closed it beyond repair', async () => {
    const [proposal] = await o.ok(o.officer.token, 'disposal.proposals', { asset_id: o.desktop.id });
    const withdrawn = await o.ok(o.officer.token, 'disposal.withdraw', { proposal_id: proposal!.id, reason: 'Kitatumika maktaba' });
    expect(withdrawn).toMatchObject({ state: 'withdrawn', withdraw_reason: 'Kitatumika maktaba' });
    expect(await device(o, o.desktop.id)).toMatchObject({ disposal_candidate: false, status: 'in_store' });
    const error = await refusedWithoutWriting(o, o.officer.token, 'disposal.withdraw', { proposal_id: proposal!.id, reason: 'Tena' }, 'disposal-proposal-not-open');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0002' });

    await o.ok(o.officer.token, 'disposal.propose', { asset_id: o.laptop.id, reason: 'obsolete', note: 'Pia imechakaa' });
    const [laptopProposal] = await o.ok(o.officer.token, 'disposal.proposals', { asset_id: o.laptop.id });
    await o.ok(o.officer.token, 'disposal.withdraw', { proposal_id: laptopProposal!.id, reason: 'Imeandikwa mara mbili' });
    expect(await device(o, o.laptop.id)).toMatchObject({ disposal_candidate: true, status: 'awaiting_disposal' });
  });

  it('refuses withdrawing the proposal of a device a batch holds', async () => {
    const batch = await o.ok(o.records.token, 'disposal.create', { lines: [{ asset_id: o.desktop.id }] });
    const [proposal] = await o.ok(o.officer.token, 'disposal.proposals', { asset_id: o.desktop.id });
    const error = await refusedWithoutWriting(o, o.officer.token, 'disposal.withdraw', { proposal_id: proposal!.id, reason: 'Hapana' }, 'disposal-device-in-batch');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0002', number: batch.number });
  });
});

describe('building a batch', () => {
  it('lists every storage medium with its own line: the drives of a device, and a flash disk itself', async () => {
    const batch = await o.ok(o.records.token, 'disposal.create', threeDevices(o));
    expect(batch).toMatchObject({ number: 'MAJI/UOND/2026/0001', state: 'draft', prepared_by_name: 'Mwanaidi Kombo', unsanitised: 3 });
    expect(batch.devices.map((d) => [d.tag, d.reason, d.condition, d.route])).toEqual([
      ['MAJI/ICT/2026/0001', 'beyond_repair', 'unserviceable', 'destruction'],
      ['MAJI/ICT/2026/0002', 'obsolete', 'obsolete', 'destruction'],
      ['MAJI/ICT/2026/0003', 'removal', 'damaged', 'destruction'],
    ]);
    expect(batch.media.map((m) => [m.asset_id, m.kind, m.serial, m.medium_id === null])).toEqual([
      [o.laptop.id, 'ssd', 'S4EVNX0R123', false],
      [o.desktop.id, 'hdd', 'WD-WCC6Y2', false],
      [o.flash.id, 'flash_disk', 'KT-32-9981', true],
    ]);
    for (const id of [o.laptop.id, o.desktop.id, o.flash.id]) expect(await device(o, id)).toMatchObject({ status: 'in_disposal', disposal_batch_id: batch.id });
    expect((await o.ok(o.auditor.token, 'disposal.candidates')).find((c) => c.id === o.laptop.id)).toMatchObject({ batch_number: 'MAJI/UOND/2026/0001' });
  });

  it('refuses a device that is not a candidate', async () => {
    const other = await registerLaptop(o, { tag: 'MAJI/ICT/2026/0011', serial: 'DL-0011' });
    const error = await refusedWithoutWriting(o, o.records.token, 'disposal.create', { lines: [{ asset_id: other.id }] }, 'disposal-not-candidate');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0011' });
  });

  it('refuses a device off premises, naming it and why', async () => {
    const laptop = await registerLaptop(o, { tag: 'MAJI/ICT/2026/0013', serial: 'DL-0013' });
    const request = await o.ok(o.officer.token, 'movements.request', {
      holder_id: o.people.zuhura,
      asset_ids: [laptop.id],
      purpose: 'Warsha',
      destination: 'AICC, Arusha',
      date_out: '2026-11-24',
      due_on: '2026-11-28',
      data_held: 'Rasimu ya bajeti',
    });
    await o.ok(o.accountant.token, 'movements.decide', { request_id: request.id, decision: 'approved' });
    await o.ok(o.officer.token, 'movements.check-out', { request_id: request.id, out_on: '2026-11-24' });
    // Proposed while out: a proposal is an intention; the batch waits until the laptop is back.
    await o.ok(o.officer.token, 'disposal.propose', { asset_id: laptop.id, reason: 'obsolete', note: 'Betri imevimba' });
    const error = await refusedWithoutWriting(o, o.records.token, 'disposal.create', { lines: [{ asset_id: o.desktop.id }, { asset_id: laptop.id }] }, 'disposal-device-off-premises');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0013' });
  });

  it('refuses a device under repair and one away for repair', async () => {
    const entry = await reportFault(o, o.officer.token, o.desktop.id);
    let error = await refusedWithoutWriting(o, o.records.token, 'disposal.create', { lines: [{ asset_id: o.desktop.id }] }, 'disposal-device-under-repair');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0002' });
    const provider = await o.ok(o.officer.token, 'providers.register', { name: 'Techno Brain Ltd' });
    await o.ok(o.officer.token, 'maintenance.assign', { entry_id: entry.id, technician: { type: 'external', provider_id: provider.id, supervisor_name: 'Juma Ally' } });
    await o.ok(o.officer.token, 'drives.remove', { medium_id: (await device(o, o.desktop.id)).media[0]!.id, removed_by: 'Juma Ally', witnessed_by: 'Hamisi Juma', kept_at: 'Kabati la TEHAMA', removed_on: '2026-11-22', entry_id: entry.id });
    await o.ok(o.officer.token, 'maintenance.send-offsite', { entry_id: entry.id, sent_on: '2026-11-22' });
    error = await refusedWithoutWriting(o, o.records.token, 'disposal.create', { lines: [{ asset_id: o.desktop.id }] }, 'disposal-device-away-for-repair');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0002' });
  });

  it('refuses a device already in another open batch, naming the batch, and one listed twice', async () => {
    const first = await o.ok(o.records.token, 'disposal.create', { lines: [{ asset_id: o.laptop.id }] });
    let error = await refusedWithoutWriting(o, o.records.token, 'disposal.create', { lines: [{ asset_id: o.laptop.id }] }, 'disposal-device-in-batch');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0001', number: first.number });
    error = await refusedWithoutWriting(o, o.records.token, 'disposal.add', { batch_id: first.id, lines: [{ asset_id: o.laptop.id }] }, 'disposal-device-listed');
    error = await refusedWithoutWriting(o, o.records.token, 'disposal.add', { batch_id: first.id, lines: [{ asset_id: o.desktop.id }, { asset_id: o.desktop.id }] }, 'disposal-device-listed');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0002' });
  });

  it('refuses a lost device', async () => {
    await o.ok(o.officer.token, 'media.report', { asset_id: o.flash.id, kind: 'lost', reported_on: '2026-11-22', note: 'Kimepotea safarini' });
    expect((await device(o, o.flash.id)).status).toBe('lost');
    const error = await refusedWithoutWriting(o, o.records.token, 'disposal.create', { lines: [{ asset_id: o.flash.id }] }, 'disposal-device-lost');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0003' });
  });

  it('refuses a device that can hold records with no storage medium recorded', async () => {
    const bare = await registerLaptop(o, { tag: 'MAJI/ICT/2026/0012', serial: 'DL-0012', media: [] });
    await closeBeyondRepair(o, bare.id);
    const error = await refusedWithoutWriting(o, o.records.token, 'disposal.create', { lines: [{ asset_id: bare.id }] }, 'disposal-media-unknown');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0012' });
  });

  it('3.6.14: refuses a storage medium for sale or gift, and a device sold with its drives inside', async () => {
    let error = await refusedWithoutWriting(o, o.records.token, 'disposal.create', { lines: [{ asset_id: o.flash.id, route: 'gift' }] }, 'disposal-medium-not-for-sale');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0003' });
    error = await refusedWithoutWriting(o, o.records.token, 'disposal.create', { lines: [{ asset_id: o.desktop.id, route: 'sale' }] }, 'disposal-sale-media-inside');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0002', media: 'HDD 1 TB (S/N WD-WCC6Y2)' });
  });

  it('sells a printer, which holds no records, by its proposal route; and a desktop once its disk is out, the disk kept for destruction', async () => {
    const medium = (await device(o, o.desktop.id)).media[0]!;
    await o.ok(o.officer.token, 'drives.remove', { medium_id: medium.id, removed_by: 'Juma Ally', witnessed_by: 'Hamisi Juma', kept_at: 'Kabati la TEHAMA', removed_on: '2026-11-22', entry_id: null });
    const batch = await o.ok(o.records.token, 'disposal.create', { lines: [{ asset_id: o.printer.id }, { asset_id: o.desktop.id, route: 'sale' }] });
    expect(batch.devices.map((d) => [d.tag, d.route])).toEqual([
      ['MAJI/ICT/2026/0004', 'sale'],
      ['MAJI/ICT/2026/0002', 'sale'],
    ]);
    expect(batch.media.map((m) => m.medium_id)).toEqual([medium.id]);
  });

  it('takes a device out of a draft, which frees it', async () => {
    const batch = await o.ok(o.records.token, 'disposal.create', threeDevices(o));
    const after = await o.ok(o.records.token, 'disposal.remove', { batch_id: batch.id, asset_id: o.desktop.id });
    expect(after.devices.map((d) => d.tag)).toEqual(['MAJI/ICT/2026/0001', 'MAJI/ICT/2026/0003']);
    expect(after.media).toHaveLength(2);
    expect(await device(o, o.desktop.id)).toMatchObject({ status: 'awaiting_disposal', disposal_batch_id: null });
    const error = await refusedWithoutWriting(o, o.records.token, 'disposal.remove', { batch_id: batch.id, asset_id: o.desktop.id }, 'disposal-line-not-found');
    expect(error.params).toEqual({ number: batch.number });
  });

  it('refuses a batch that does not exist', async () => {
    await refusedWithoutWriting(o, o.records.token, 'disposal.add', { batch_id: 'hakuna', lines: [{ asset_id: o.laptop.id }] }, 'disposal-batch-not-found');
  });

  it('numbers batches per year', async () => {
    await o.ok(o.records.token, 'disposal.create', { lines: [] });
    expect((await o.ok(o.records.token, 'disposal.create', { lines: [] })).number).toBe('MAJI/UOND/2026/0002');
  });
});

describe('sanitisation of each medium (NIST SP 800-88)', () => {
  let batch: Batch;
  beforeEach(async () => {
    batch = await o.ok(o.records.token, 'disposal.create', threeDevices(o));
  });

  it('records the category, method, tool, verification, people and confidentiality, and keeps the report by SHA-256', async () => {
    const report = Buffer.from('nwipe 0.35: /dev/sda PASS');
    const after = await o.ok(o.records.token, 'disposal.sanitise', purge(batch, batch.media[0]!.line_id, { report: { name: 'nwipe.log', mime: 'text/plain', base64: report.toString('base64') } }));
    const record = after.media[0]!.sanitisation!;
    expect(record).toMatchObject({
      category: 'purge',
      method: 'crypto_erase',
      tool: 'nwipe',
      tool_version: '0.35',
      verification: 'full',
      performed_by: { name: 'Hamisi Juma', title: 'Afisa TEHAMA', date: '2026-11-22' },
      verified_by: { name: 'Juma Ally', title: 'Afisa TEHAMA Mkuu', date: '2026-11-23' },
      confidentiality_before: 'confidential',
      confidentiality_after: 'public',
      recorded_by_name: 'Mwanaidi Kombo',
    });
    const sha = (await import('node:crypto')).createHash('sha256').update(report).digest('hex');
    expect(record.report).toEqual({ sha256: sha, name: 'nwipe.log', mime: 'text/plain', size: report.length });
    expect(o.store.sqlite.prepare('SELECT size FROM attachments WHERE sha256 = ?').get(sha)).toEqual({ size: report.length });
    expect(after.unsanitised).toBe(2);
  });

  it('records the explicit choice to leave a medium to the department to destroy', async () => {
    const after = await o.ok(o.records.token, 'disposal.sanitise', { batch_id: batch.id, line_id: batch.media[2]!.line_id, category: 'not_sanitised_to_be_destroyed_by_department', confidentiality_before: 'internal' });
    expect(after.media[2]!.sanitisation).toMatchObject({ category: 'not_sanitised_to_be_destroyed_by_department', method: null, performed_by: null, verified_by: null });
  });

  it('refuses a method that does not belong to the category', async () => {
    const error = await refusedWithoutWriting(o, o.records.token, 'disposal.sanitise', purge(batch, batch.media[0]!.line_id, { category: 'clear', method: 'shred' }), 'disposal-method-not-for-category');
    expect(error.params).toMatchObject({ tag: 'MAJI/ICT/2026/0001' });
    expect(error.fields).toEqual({ method: 'errors.disposal-method-not-for-category' });
  });

  it('asks for the method, tool, verification, people and confidentiality after, for every category but the department’s', async () => {
    const error = await refusedRawWithoutWriting(o, o.records.token, 'disposal.sanitise', { batch_id: batch.id, line_id: batch.media[0]!.line_id, category: 'destroy', confidentiality_before: 'secret' }, 'invalid-input');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['confidentiality_after', 'method', 'performed_by', 'tool', 'verification', 'verified_by']);
  });

  it('refuses a verification dated before the work, and a date in the future', async () => {
    const line = batch.media[0]!.line_id;
    const error = await refusedWithoutWriting(o, o.records.token, 'disposal.sanitise', purge(batch, line, { verified_by: { name: 'Juma Ally', title: 'Afisa', date: '2026-11-21' } }), 'disposal-verified-before-performed');
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0001' });
    await refusedWithoutWriting(o, o.records.token, 'disposal.sanitise', purge(batch, line, { performed_by: { name: 'Hamisi', title: 'Afisa', date: '2026-12-30' } }), 'date-in-future');
  });

  it('refuses a line the batch does not have', async () => {
    await refusedWithoutWriting(o, o.records.token, 'disposal.sanitise', purge(batch, 'hakuna'), 'disposal-line-not-found');
  });
});

describe('approval and submission', () => {
  it('refuses sending an empty batch, or one with a medium neither sanitised nor left to the department', async () => {
    const empty = await o.ok(o.records.token, 'disposal.create', { lines: [] });
    await refusedWithoutWriting(o, o.records.token, 'disposal.send', { batch_id: empty.id }, 'disposal-batch-empty');
    const batch = await o.ok(o.records.token, 'disposal.create', threeDevices(o));
    await o.ok(o.records.token, 'disposal.sanitise', purge(batch, batch.media[0]!.line_id));
    const error = await refusedWithoutWriting(o, o.records.token, 'disposal.send', { batch_id: batch.id }, 'disposal-media-unsanitised');
    expect(error.params).toEqual({ number: batch.number, count: 2, media: 'HDD 1 TB (S/N WD-WCC6Y2) · MAJI/ICT/2026/0002; flash_disk (S/N KT-32-9981) · MAJI/ICT/2026/0003' });
  });

  it('goes draft → awaiting approval → approved → submitted, frozen with its snapshot and SHA-256', async () => {
    const batch = await sanitiseAll(o, await o.ok(o.records.token, 'disposal.create', threeDevices(o)));
    expect((await o.ok(o.records.token, 'disposal.send', { batch_id: batch.id })).state).toBe('awaiting_approval');
    // Under approval, nothing in it changes.
    await refusedWithoutWriting(o, o.records.token, 'disposal.remove', { batch_id: batch.id, asset_id: o.laptop.id }, 'disposal-batch-under-approval');
    await refusedWithoutWriting(o, o.records.token, 'disposal.submit', { batch_id: batch.id, submitted_on: '2026-11-23', letter_ref: 'X' }, 'disposal-batch-not-approved');
    const approved = await o.ok(o.accountant.token, 'disposal.decide', { batch_id: batch.id, decision: 'approved' });
    expect(approved).toMatchObject({ state: 'approved', decided_by: o.accountant.id, decided_by_name: 'Bi. Rehema Kweka' });
    const submitted = await o.ok(o.records.token, 'disposal.submit', { batch_id: batch.id, submitted_on: '2026-11-23', letter_ref: 'MAJI/KUMB/12' });
    expect(submitted).toMatchObject({ state: 'submitted', submitted_on: '2026-11-23', letter_ref: 'MAJI/KUMB/12', submitted_by_name: 'Mwanaidi Kombo' });
    const { canonicalJson, sha256Hex } = await import('../../../db/journal/hash.ts');
    expect(submitted.snapshot_sha256).toBe(sha256Hex(canonicalJson(submitted.snapshot)));
    expect(submitted.snapshot).toMatchObject({
      number: 'MAJI/UOND/2026/0001',
      approval: { approver_name: 'Bi. Rehema Kweka' },
      letter: { addressee: { sw: 'Mkurugenzi', en: 'The Director' } },
      categories: { laptop: { sw: expect.any(String), en: 'Laptop' } },
    });
    expect(submitted.snapshot?.devices).toHaveLength(3);
    expect(submitted.snapshot?.media.every((m) => m.sanitisation !== null)).toBe(true);
  });

  it('a rejection sends the batch back to the records officer with the reason, and it may be sent again', async () => {
    const batch = await sanitiseAll(o, await o.ok(o.records.token, 'disposal.create', threeDevices(o)));
    await o.ok(o.records.token, 'disposal.send', { batch_id: batch.id });
    await refusedWithoutWriting(o, o.accountant.token, 'disposal.decide', { batch_id: batch.id, decision: 'rejected' }, 'disposal-rejection-needs-reason');
    const rejected = await o.ok(o.accountant.token, 'disposal.decide', { batch_id: batch.id, decision: 'rejected', reason: 'Ambatisha ripoti ya HDD' });
    expect(rejected).toMatchObject({ state: 'draft', decision_note: 'Ambatisha ripoti ya HDD' });
    await refusedWithoutWriting(o, o.accountant.token, 'disposal.decide', { batch_id: batch.id, decision: 'approved' }, 'disposal-batch-not-awaiting');
    expect((await o.ok(o.records.token, 'disposal.send', { batch_id: batch.id })).state).toBe('awaiting_approval');
  });

  it('refuses a submission dated before the approval or in the future', async () => {
    const batch = await approvedBatch(o);
    const error = await refusedWithoutWriting(o, o.records.token, 'disposal.submit', { batch_id: batch.id, submitted_on: '2026-11-20', letter_ref: 'X' }, 'disposal-submitted-before-approval');
    expect(error.params).toEqual({ number: batch.number });
    await refusedWithoutWriting(o, o.records.token, 'disposal.submit', { batch_id: batch.id, submitted_on: '2027-01-20', letter_ref: 'X' }, 'date-in-future');
  });

  it('checks the devices again when the batch is sent: a repair reported meanwhile is refused by the log book', async () => {
    await o.ok(o.records.token, 'disposal.create', threeDevices(o));
    const error = await refusedWithoutWriting(
      o,
      o.officer.token,
      'maintenance.report',
      { asset_id: o.laptop.id, reported_on: '2026-11-23', reported_by: 'Zuhura Said', symptoms: 'Haiwaki' },
      'device-in-disposal',
    );
    expect(error.params).toEqual({ tag: 'MAJI/ICT/2026/0001' });
  });
});

describe('a frozen batch', () => {
  let batch: Batch;
  beforeEach(async () => {
    batch = await submittedBatch(o);
  });

  it('refuses every change to its contents', async () => {
    const frozen = { number: batch.number };
    expect((await refusedWithoutWriting(o, o.records.token, 'disposal.add', { batch_id: batch.id, lines: [{ asset_id: o.printer.id }] }, 'disposal-batch-frozen')).params).toEqual(frozen);
    await refusedWithoutWriting(o, o.records.token, 'disposal.remove', { batch_id: batch.id, asset_id: o.laptop.id }, 'disposal-batch-frozen');
    await refusedWithoutWriting(o, o.records.token, 'disposal.sanitise', purge(batch, batch.media[1]!.line_id), 'disposal-batch-frozen');
    await refusedWithoutWriting(o, o.records.token, 'disposal.send', { batch_id: batch.id }, 'disposal-batch-frozen');
    await refusedWithoutWriting(o, o.accountant.token, 'disposal.decide', { batch_id: batch.id, decision: 'approved' }, 'disposal-batch-frozen');
    await refusedWithoutWriting(o, o.records.token, 'disposal.submit', { batch_id: batch.id, submitted_on: '2026-11-23', letter_ref: 'Y' }, 'disposal-batch-frozen');
    await refusedWithoutWriting(o, o.records.token, 'disposal.cancel', { batch_id: batch.id, reason: 'Hapana' }, 'disposal-batch-frozen');
  });

  it('takes a correction as a new event naming its snapshot, which stays as it was', async () => {
    const corrected = await o.ok(o.records.token, 'disposal.correct', { batch_id: batch.id, note: 'Kumb. Na. sahihi ni MAJI/KUMB/12/3' });
    expect(corrected.corrections).toEqual([{ note: 'Kumb. Na. sahihi ni MAJI/KUMB/12/3', by: 'Mwanaidi Kombo', at: expect.any(String), snapshot_sha256: batch.snapshot_sha256 }]);
    expect(corrected.snapshot).toEqual(batch.snapshot);
    expect(corrected.snapshot_sha256).toBe(batch.snapshot_sha256);
  });

  it('refuses a correction of a batch not submitted', async () => {
    const draft = await o.ok(o.records.token, 'disposal.create', { lines: [] });
    await refusedWithoutWriting(o, o.records.token, 'disposal.correct', { batch_id: draft.id, note: 'X' }, 'disposal-batch-not-frozen');
  });

  it('is collected, then disposed of: the devices are disposed, findable, and their preventive plans end', async () => {
    const plan = await o.ok(o.officer.token, 'plans.create', { procedure_id: null, category: null, asset_id: o.laptop.id, task: 'Kusafisha feni', interval_months: 6 });
    await refusedWithoutWriting(o, o.records.token, 'disposal.disposed', { batch_id: batch.id, disposed_on: '2026-11-23', certificate_ref: 'RAMD/1', method: 'Kusagwa' }, 'disposal-batch-not-collected');
    await refusedWithoutWriting(o, o.records.token, 'disposal.collected', { batch_id: batch.id, collected_on: '2026-11-20', collected_by: 'Bw. Said' }, 'disposal-date-before-submission');
    const collected = await o.ok(o.records.token, 'disposal.collected', { batch_id: batch.id, collected_on: '2026-11-23', collected_by: 'Bw. Said Mohamed (Idara)' });
    expect(collected).toMatchObject({ state: 'collected', collected_on: '2026-11-23', collected_by: 'Bw. Said Mohamed (Idara)' });
    await refusedWithoutWriting(o, o.records.token, 'disposal.collected', { batch_id: batch.id, collected_on: '2026-11-23', collected_by: 'X' }, 'disposal-batch-not-submitted');
    o.clock.advance(DAY);
    const disposed = await o.ok(o.records.token, 'disposal.disposed', { batch_id: batch.id, disposed_on: '2026-11-24', certificate_ref: 'RAMD/UOND/2026/118', method: 'Kusagwa na kuyeyushwa' });
    expect(disposed).toMatchObject({ state: 'disposed', disposed_on: '2026-11-24', certificate_ref: 'RAMD/UOND/2026/118', disposal_method: 'Kusagwa na kuyeyushwa' });
    expect(await device(o, o.laptop.id)).toMatchObject({ status: 'disposed', disposed_on: '2026-11-24' });
    expect((await o.ok(o.officer.token, 'plans.list')).find((p) => p.id === plan.id)).toMatchObject({ active: 0 });
    // Gone from the candidates, always findable in the register.
    expect((await o.ok(o.auditor.token, 'disposal.candidates')).map((c) => c.tag)).toEqual(['MAJI/ICT/2026/0004']);
    expect((await o.ok(o.auditor.token, 'assets.list', { status: 'disposed' })).items.map((a) => a.tag)).toEqual(['MAJI/ICT/2026/0001', 'MAJI/ICT/2026/0002', 'MAJI/ICT/2026/0003']);
    expect((await o.ok(o.auditor.token, 'assets.list', { search: 'HP400-221' })).items.map((a) => a.status)).toEqual(['disposed']);
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.report', { asset_id: o.laptop.id, reported_on: '2026-11-24', reported_by: 'Z', symptoms: 'X' }, 'device-disposed');
    await refusedWithoutWriting(o, o.officer.token, 'disposal.propose', { asset_id: o.laptop.id, reason: 'obsolete', note: 'X' }, 'disposal-device-disposed');
  });

  it('refuses a disposal dated before the collection', async () => {
    await o.ok(o.records.token, 'disposal.collected', { batch_id: batch.id, collected_on: '2026-11-23', collected_by: 'Bw. Said' });
    await refusedWithoutWriting(o, o.records.token, 'disposal.disposed', { batch_id: batch.id, disposed_on: '2026-11-22', certificate_ref: 'R', method: 'M' }, 'disposal-date-before-collection');
  });

  it('is returned by the department: the devices leave the batch and are candidates again', async () => {
    const returned = await o.ok(o.records.token, 'disposal.returned', { batch_id: batch.id, returned_on: '2026-11-23', reason: 'Orodha haikuwa na saini' });
    expect(returned).toMatchObject({ state: 'returned', return_reason: 'Orodha haikuwa na saini' });
    expect(await device(o, o.laptop.id)).toMatchObject({ status: 'awaiting_disposal', disposal_batch_id: null });
    await refusedWithoutWriting(o, o.records.token, 'disposal.returned', { batch_id: batch.id, returned_on: '2026-11-23', reason: 'Tena' }, 'disposal-batch-not-out');
    const again = await o.ok(o.records.token, 'disposal.create', { lines: [{ asset_id: o.laptop.id }] });
    expect(again.devices.map((d) => d.tag)).toEqual(['MAJI/ICT/2026/0001']);
  });
});

describe('cancelling a batch', () => {
  it('frees its devices and refuses any change after', async () => {
    const batch = await o.ok(o.records.token, 'disposal.create', threeDevices(o));
    const cancelled = await o.ok(o.records.token, 'disposal.cancel', { batch_id: batch.id, reason: 'Imeandaliwa kimakosa' });
    expect(cancelled).toMatchObject({ state: 'cancelled', cancel_reason: 'Imeandaliwa kimakosa' });
    expect(await device(o, o.desktop.id)).toMatchObject({ status: 'awaiting_disposal', disposal_batch_id: null });
    await refusedWithoutWriting(o, o.records.token, 'disposal.cancel', { batch_id: batch.id, reason: 'Tena' }, 'disposal-batch-cancelled');
    await refusedWithoutWriting(o, o.records.token, 'disposal.add', { batch_id: batch.id, lines: [{ asset_id: o.printer.id }] }, 'disposal-batch-cancelled');
  });
});

describe('the cover letter’s settings', () => {
  it('are set by the administrator and read by everyone; blank keeps the defaults', async () => {
    const set = await o.ok(o.admin, 'disposal.set-settings', { addressee: 'Mkurugenzi wa Idara', address: 'S.L.P. 2006\nDODOMA', signatory_title: 'Katibu Mkuu' });
    expect(set).toMatchObject({ addressee: 'Mkurugenzi wa Idara', address: 'S.L.P. 2006\nDODOMA', subject_sw: '', signatory_title: 'Katibu Mkuu' });
    await refusedWithoutWriting(o, o.records.token, 'disposal.set-settings', { addressee: 'X' }, 'forbidden');
    const batch = await submittedBatch(o);
    expect(batch.snapshot?.letter).toMatchObject({ addressee: { sw: 'Mkurugenzi wa Idara', en: 'Mkurugenzi wa Idara' }, address: 'S.L.P. 2006\nDODOMA', signatory_title: 'Katibu Mkuu' });
    // Blank subject: the catalogue's default, frozen with the batch.
    expect(batch.snapshot?.letter.subject.sw).toBe('Kuwasilisha vifaa vya TEHAMA vilivyochakaa kwa ajili ya uondoaji — kundi Na. {{number}}');
  });
});
