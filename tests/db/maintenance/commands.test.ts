// The log book's commands through the routes: every rule that says no, and that saying no writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssetView } from '../../../db/assets/queries.ts';
import type { EntryView } from '../../../db/maintenance/queries.ts';
import { okValue, present, refusedWithoutWriting } from '../../helpers/core.ts';
import { HDD, openOffice, registerLaptop, reportAndAssignOutside, SSD, type Office } from '../../helpers/office.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n').toString('base64');

function removal(medium_id: string, entry_id: string | null = null) {
  return { medium_id, removed_by: 'Juma Ally', witnessed_by: 'Zuhura Said', kept_at: 'Kabati la chuma, Stoo ya TEHAMA', removed_on: '2026-11-21', entry_id };
}

describe('reporting a fault', () => {
  let o: Office;
  let laptop: AssetView;
  beforeEach(async () => {
    o = await openOffice();
    laptop = await registerLaptop(o);
  });
  afterEach(() => o.core.close());

  const report = (fields: Record<string, unknown> = {}) => ({ asset_id: laptop.id, reported_on: '2026-11-20', reported_by: 'Zuhura Said', symptoms: 'Haiwaki', ...fields });

  it('opens an entry and puts the device under repair', async () => {
    const entry = okValue(await o.call(o.officer.token, 'maintenance.report', report({ warranty: true })));
    expect(entry).toMatchObject({ asset_id: laptop.id, asset_tag: laptop.tag, asset_label: 'Dell Latitude 5440', kind: 'corrective', state: 'reported', warranty: true });
    expect(okValue(await o.call(o.officer.token, 'assets.get', { asset_id: laptop.id }))).toMatchObject({ status: 'under_repair', open_entry_id: entry.id });
  });

  it('refuses a second report while the device has an open entry, saying since when', async () => {
    okValue(await o.call(o.officer.token, 'maintenance.report', report()));
    const error = await refusedWithoutWriting(o, o.officer.token, 'maintenance.report', report({ reported_on: '2026-11-22' }), 'entry-already-open');
    expect(error.params).toEqual({ reported_on: '2026-11-20' });
  });

  it('accepts a new report once the previous entry is closed', async () => {
    const first = okValue(await o.call(o.officer.token, 'maintenance.report', report()));
    okValue(await o.call(o.officer.token, 'maintenance.close', { entry_id: first.id, closed_on: '2026-11-21', outcome: 'cancelled', reason: 'Imeripotiwa mara mbili' }));
    expect(okValue(await o.call(o.officer.token, 'maintenance.report', report({ reported_on: '2026-11-22' }))).state).toBe('reported');
  });

  it('refuses a report dated more than the one-day clock margin after today in Dar es Salaam', async () => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'maintenance.report', report({ reported_on: '2026-11-25' }), 'date-in-future');
    expect(error.fields).toEqual({ reported_on: 'errors.date-in-future' });
  });

  it('accepts a report dated today', async () => {
    expect(okValue(await o.call(o.officer.token, 'maintenance.report', report({ reported_on: '2026-11-23' }))).reported_on).toBe('2026-11-23');
  });

  it("accepts tomorrow's UTC date once it is already tomorrow in Dar es Salaam", async () => {
    // 22:00 UTC on the 23rd is 01:00 on the 24th in Dar es Salaam.
    o.clock.set('2026-11-23T22:00:00Z');
    expect(okValue(await o.call(o.officer.token, 'maintenance.report', report({ reported_on: '2026-11-24' }))).reported_on).toBe('2026-11-24');
  });

  it('refuses a device it does not know', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.report', report({ asset_id: 'no-such-device' }), 'asset-not-found');
  });

  it('refuses a preventive plan it does not know', async () => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'maintenance.report', report({ kind: 'preventive', plan_id: 'no-such-plan' }), 'plan-not-found');
    expect(error.fields).toEqual({ plan_id: 'errors.plan-not-found' });
  });

  it('refuses preventive work under a plan made for another kind of device, and takes it under a plan for this one', async () => {
    const forServers = present(okValue(await o.call(o.officer.token, 'plans.create', { task: 'Kukagua feni za seva', interval_months: 3, category: 'server' })), 'plans.create');
    const error = await refusedWithoutWriting(o, o.officer.token, 'maintenance.report', report({ kind: 'preventive', plan_id: forServers.id }), 'plan-not-for-device');
    expect(error).toMatchObject({ params: { task: 'Kukagua feni za seva' }, fields: { plan_id: 'errors.plan-not-for-device' } });
    const forLaptops = present(okValue(await o.call(o.officer.token, 'plans.create', { task: 'Kusafisha vumbi', interval_months: 6, category: laptop.category })), 'plans.create');
    expect(okValue(await o.call(o.officer.token, 'maintenance.report', report({ kind: 'preventive', plan_id: forLaptops.id }))).plan_id).toBe(forLaptops.id);
  });
});

describe('assigning and sending a repair off-site', () => {
  let o: Office;
  let laptop: AssetView;
  beforeEach(async () => {
    o = await openOffice();
    laptop = await registerLaptop(o);
  });
  afterEach(() => o.core.close());

  const report = async (assetId = laptop.id) =>
    okValue(await o.call(o.officer.token, 'maintenance.report', { asset_id: assetId, reported_on: '2026-11-20', reported_by: 'Zuhura Said', symptoms: 'Haiwaki' }));

  it('refuses a provider the register does not know', async () => {
    const entry = await report();
    const error = await refusedWithoutWriting(
      o,
      o.officer.token,
      'maintenance.assign',
      { entry_id: entry.id, technician: { type: 'external', provider_id: 'no-such-provider', job_ref: 'JC-1', supervisor_name: 'Juma Ally' } },
      'provider-not-found',
    );
    expect(error.fields).toEqual({ 'technician.provider_id': 'errors.provider-not-found' });
  });

  it('refuses a provider that is no longer active', async () => {
    const entry = await report();
    const provider = present(okValue(await o.call(o.officer.token, 'providers.register', { name: 'Zamani Computers' })), 'providers.register');
    okValue(await o.call(o.officer.token, 'providers.update', { provider_id: provider.id, name: 'Zamani Computers', active: false }));
    await refusedWithoutWriting(
      o,
      o.officer.token,
      'maintenance.assign',
      { entry_id: entry.id, technician: { type: 'external', provider_id: provider.id, job_ref: '', supervisor_name: 'Juma Ally' } },
      'provider-not-found',
    );
  });

  it('refuses to send off-site a repair nobody was assigned', async () => {
    const entry = await report();
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.send-offsite', { entry_id: entry.id, sent_on: '2026-11-21' }, 'offsite-needs-provider');
  });

  it('refuses to send off-site a repair given to an internal technician', async () => {
    const entry = await report();
    okValue(await o.call(o.officer.token, 'maintenance.assign', { entry_id: entry.id, technician: { type: 'internal', name: 'Hamisi Juma' } }));
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.send-offsite', { entry_id: entry.id, sent_on: '2026-11-21' }, 'offsite-needs-provider');
  });

  it('refuses off-site repair until the disk is removed, naming it (3.6.3)', async () => {
    const { entry } = await reportAndAssignOutside(o, laptop.id);
    const error = await refusedWithoutWriting(o, o.officer.token, 'maintenance.send-offsite', { entry_id: entry.id, sent_on: '2026-11-21' }, 'storage-not-removed');
    expect(error.params).toEqual({ media: 'SSD 512 GB (S/N S4EVNX0R123)', count: 1 });
  });

  it('names every medium still inside a desktop, and after one is removed only the other (3.6.3)', async () => {
    const desktop = await registerLaptop(o, { category: 'desktop', make: 'HP', model: 'ProDesk 400', serial: 'HP-400-1', media: [HDD, SSD] });
    const hdd = desktop.media.find((m) => m.kind === 'hdd')?.id as string;
    const ssd = desktop.media.find((m) => m.kind === 'ssd')?.id as string;
    const { entry } = await reportAndAssignOutside(o, desktop.id);
    const send = { entry_id: entry.id, sent_on: '2026-11-21' };

    const both = await refusedWithoutWriting(o, o.officer.token, 'maintenance.send-offsite', send, 'storage-not-removed');
    expect(both.params?.count).toBe(2);
    expect(String(both.params?.media).split(', ').sort()).toEqual(['HDD 1 TB (S/N WD-WCC6Y2)', 'SSD 512 GB (S/N S4EVNX0R123)']);

    okValue(await o.call(o.officer.token, 'drives.remove', removal(hdd, entry.id)));
    const one = await refusedWithoutWriting(o, o.officer.token, 'maintenance.send-offsite', send, 'storage-not-removed');
    expect(one.params).toEqual({ media: 'SSD 512 GB (S/N S4EVNX0R123)', count: 1 });

    okValue(await o.call(o.officer.token, 'drives.remove', removal(ssd, entry.id)));
    expect(okValue(await o.call(o.officer.token, 'maintenance.send-offsite', send)).state).toBe('off_site');
  });

  it('also names a medium added after registration', async () => {
    const { entry } = await reportAndAssignOutside(o, laptop.id);
    okValue(await o.call(o.officer.token, 'drives.remove', removal(laptop.media[0]?.id as string, entry.id)));
    okValue(await o.call(o.officer.token, 'drives.add', { asset_id: laptop.id, kind: 'memory_card', capacity_gb: 64, serial: 'SD-9' }));
    const error = await refusedWithoutWriting(o, o.officer.token, 'maintenance.send-offsite', { entry_id: entry.id, sent_on: '2026-11-21' }, 'storage-not-removed');
    expect(error.params).toEqual({ media: 'SD 64 GB (S/N SD-9)', count: 1 });
  });

  it('sends a device without storage off-site at once', async () => {
    const printer = await registerLaptop(o, { category: 'printer', make: 'HP', model: 'LaserJet M404', serial: 'PR-1', media: [] });
    const { entry } = await reportAndAssignOutside(o, printer.id);
    expect(okValue(await o.call(o.officer.token, 'maintenance.send-offsite', { entry_id: entry.id, sent_on: '2026-11-21' }))).toMatchObject({
      state: 'off_site',
      sent_on: '2026-11-21',
    });
  });

  describe('dates and states', () => {
    let entry: EntryView;
    beforeEach(async () => {
      ({ entry } = await reportAndAssignOutside(o, laptop.id));
      okValue(await o.call(o.officer.token, 'drives.remove', removal(laptop.media[0]?.id as string, entry.id)));
    });
    const send = (sent_on: string) => ({ entry_id: entry.id, sent_on });

    it('refuses a sending date before the report', async () => {
      const error = await refusedWithoutWriting(o, o.officer.token, 'maintenance.send-offsite', send('2026-11-19'), 'date-before-report');
      expect(error.fields).toEqual({ sent_on: 'errors.date-before-report' });
    });

    it('refuses a sending date in the future', async () => {
      await refusedWithoutWriting(o, o.officer.token, 'maintenance.send-offsite', send('2026-11-25'), 'date-in-future');
    });

    it('refuses a return for a device that was never sent', async () => {
      await refusedWithoutWriting(o, o.officer.token, 'maintenance.return', { entry_id: entry.id, returned_on: '2026-11-22' }, 'entry-not-offsite');
    });

    it('refuses to send off-site, assign or close while the device is away', async () => {
      okValue(await o.call(o.officer.token, 'maintenance.send-offsite', send('2026-11-21')));
      await refusedWithoutWriting(o, o.officer.token, 'maintenance.send-offsite', send('2026-11-22'), 'entry-offsite');
      await refusedWithoutWriting(o, o.officer.token, 'maintenance.assign', { entry_id: entry.id, technician: { type: 'internal', name: 'Hamisi Juma' } }, 'entry-offsite');
      await refusedWithoutWriting(o, o.officer.token, 'maintenance.close', { entry_id: entry.id, closed_on: '2026-11-23', outcome: 'repaired' }, 'entry-offsite');
    });

    it('refuses a return date before the sending date, or in the future', async () => {
      okValue(await o.call(o.officer.token, 'maintenance.send-offsite', send('2026-11-21')));
      const error = await refusedWithoutWriting(o, o.officer.token, 'maintenance.return', { entry_id: entry.id, returned_on: '2026-11-20' }, 'date-before-sent');
      expect(error.fields).toEqual({ returned_on: 'errors.date-before-sent' });
      await refusedWithoutWriting(o, o.officer.token, 'maintenance.return', { entry_id: entry.id, returned_on: '2026-11-25' }, 'date-in-future');
    });

    it('refuses a closing date before the return', async () => {
      okValue(await o.call(o.officer.token, 'maintenance.send-offsite', send('2026-11-21')));
      okValue(await o.call(o.officer.token, 'maintenance.return', { entry_id: entry.id, returned_on: '2026-11-22' }));
      const error = await refusedWithoutWriting(o, o.officer.token, 'maintenance.close', { entry_id: entry.id, closed_on: '2026-11-21', outcome: 'repaired' }, 'date-before-return');
      expect(error.fields).toEqual({ closed_on: 'errors.date-before-return' });
    });

    it('refuses a closing date before the report, or in the future', async () => {
      const error = await refusedWithoutWriting(o, o.officer.token, 'maintenance.close', { entry_id: entry.id, closed_on: '2026-11-19', outcome: 'repaired' }, 'date-before-report');
      expect(error.fields).toEqual({ closed_on: 'errors.date-before-report' });
      await refusedWithoutWriting(o, o.officer.token, 'maintenance.close', { entry_id: entry.id, closed_on: '2026-11-25', outcome: 'repaired' }, 'date-in-future');
    });
  });

  it('refuses every further change to a closed entry', async () => {
    const entry = await report();
    okValue(await o.call(o.officer.token, 'maintenance.close', { entry_id: entry.id, closed_on: '2026-11-21', outcome: 'no_fault', reason: 'Mtumiaji alikuwa hajachomeka waya' }));
    const id = entry.id;
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.diagnose', { entry_id: id, diagnosis: 'Betri' }, 'entry-closed');
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.assign', { entry_id: id, technician: { type: 'internal', name: 'Hamisi Juma' } }, 'entry-closed');
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.record-work', { entry_id: id, actions: 'Betri mpya' }, 'entry-closed');
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.send-offsite', { entry_id: id, sent_on: '2026-11-22' }, 'entry-closed');
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.return', { entry_id: id, returned_on: '2026-11-22' }, 'entry-closed');
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.close', { entry_id: id, closed_on: '2026-11-22', outcome: 'repaired' }, 'entry-closed');
  });

  it('refuses an entry it does not know', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.diagnose', { entry_id: 'no-such-entry', diagnosis: 'x' }, 'entry-not-found');
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.close', { entry_id: 'no-such-entry', closed_on: '2026-11-22', outcome: 'repaired' }, 'entry-not-found');
  });
});

describe('attaching a job card or a receipt to an entry', () => {
  let o: Office;
  let entry: EntryView;
  beforeEach(async () => {
    o = await openOffice();
    const laptop = await registerLaptop(o);
    entry = okValue(
      await o.call(o.officer.token, 'maintenance.report', { asset_id: laptop.id, reported_on: '2026-11-20', reported_by: 'Zuhura Said', symptoms: 'Haiwaki' }),
    );
  });
  afterEach(() => o.core.close());

  const photo = Buffer.from('\xff\xd8\xff\xe0 kadi ya kazi JC-2026-114', 'latin1').toString('base64');

  it('keeps the file once, listed once, however often it is attached', async () => {
    const first = okValue(await o.call(o.officer.token, 'maintenance.attach', { entry_id: entry.id, file: { name: 'kadi.jpg', mime: 'image/jpeg', base64: photo } }));
    expect(first.attachments).toEqual([{ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), name: 'kadi.jpg', mime: 'image/jpeg', size: Buffer.from(photo, 'base64').length }]);
    const again = okValue(await o.call(o.officer.token, 'maintenance.attach', { entry_id: entry.id, file: { name: 'kadi-tena.jpg', mime: 'image/jpeg', base64: photo } }));
    expect(again.attachments).toEqual(first.attachments);
    const sha256 = present(first.attachments[0], 'the attachment').sha256;
    expect(okValue(await o.call(o.auditor.token, 'attachments.get', { sha256 }))).toMatchObject({ name: 'kadi.jpg', mime: 'image/jpeg', base64: photo });
    expect((o.core.services.store.sqlite.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n).toBe(1);
  });

  it('refuses an empty file', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.attach', { entry_id: entry.id, file: { name: 'tupu.jpg', base64: '====' } }, 'file-empty');
  });

  it('refuses an entry it does not know', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'maintenance.attach', { entry_id: 'no-such-entry', file: { name: 'kadi.jpg', base64: photo } }, 'entry-not-found');
  });
});

describe('the approved maintenance procedure (3.6.1)', () => {
  let o: Office;
  beforeEach(async () => {
    o = await openOffice();
  });
  afterEach(() => o.core.close());

  const procedure = (fields: Record<string, unknown> = {}) => ({
    title: 'Utaratibu wa Matengenezo ya Vifaa vya TEHAMA',
    version: '1.0',
    approved_by: 'Mhandisi Mwajuma Waziri',
    approval_date: '2025-12-15',
    effective_date: '2026-01-01',
    document: { name: 'utaratibu-v1.pdf', base64: PDF },
    ...fields,
  });

  it('is recorded by the Head of Institution with its document', async () => {
    const recorded = present(okValue(await o.call(o.head.token, 'procedures.approve', procedure())), 'procedures.approve');
    expect(recorded).toMatchObject({
      version: '1.0',
      approved_by: 'Mhandisi Mwajuma Waziri',
      recorded_by: 'Mhandisi Mwajuma Waziri',
      approval_date: '2025-12-15',
      effective_date: '2026-01-01',
      document_name: 'utaratibu-v1.pdf',
      document_size: Buffer.from(PDF, 'base64').length,
    });
    const file = okValue(await o.call(o.auditor.token, 'attachments.get', { sha256: recorded.document_sha256 }));
    expect(file).toMatchObject({ mime: 'application/pdf', base64: PDF });
  });

  it('may be approved by nobody but the Head of Institution', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'procedures.approve', procedure(), 'forbidden');
    await refusedWithoutWriting(o, o.admin, 'procedures.approve', procedure(), 'forbidden');
  });

  it('refuses a document that is not a PDF', async () => {
    const error = await refusedWithoutWriting(
      o,
      o.head.token,
      'procedures.approve',
      procedure({ document: { name: 'utaratibu.docx', base64: Buffer.from('PK\u0003\u0004 word/document.xml').toString('base64') } }),
      'document-not-pdf',
    );
    expect(error.fields).toEqual({ document: 'errors.document-not-pdf' });
  });

  it('refuses a version already recorded', async () => {
    present(okValue(await o.call(o.head.token, 'procedures.approve', procedure())), 'procedures.approve');
    const error = await refusedWithoutWriting(o, o.head.token, 'procedures.approve', procedure({ effective_date: '2026-02-01' }), 'version-taken');
    expect(error.params).toEqual({ version: '1.0' });
  });

  it('refuses a version that takes effect before it was approved', async () => {
    const error = await refusedWithoutWriting(o, o.head.token, 'procedures.approve', procedure({ approval_date: '2026-01-02' }), 'effective-before-approval');
    expect(error.fields).toEqual({ effective_date: 'errors.effective-before-approval' });
  });
});

describe('external service providers (3.6.2)', () => {
  let o: Office;
  beforeEach(async () => {
    o = await openOffice();
    present(okValue(await o.call(o.officer.token, 'providers.register', { name: 'Techno Brain Ltd', registration_number: 'BRELA-118822' })), 'providers.register');
  });
  afterEach(() => o.core.close());

  it('refuses a name another provider has, whatever its case', async () => {
    const error = await refusedWithoutWriting(o, o.officer.token, 'providers.register', { name: 'techno brain ltd' }, 'name-taken');
    expect(error.params).toEqual({ name: 'techno brain ltd' });
  });

  it("refuses to rename a provider to another's name, but keeps its own", async () => {
    const other = present(okValue(await o.call(o.officer.token, 'providers.register', { name: 'Soft Tech' })), 'providers.register');
    await refusedWithoutWriting(o, o.officer.token, 'providers.update', { provider_id: other.id, name: 'Techno Brain Ltd', active: true }, 'name-taken');
    expect(okValue(await o.call(o.officer.token, 'providers.update', { provider_id: other.id, name: 'SOFT TECH', active: true }))).toMatchObject({ name: 'SOFT TECH' });
  });
});

describe('preventive plans', () => {
  let o: Office;
  beforeEach(async () => {
    o = await openOffice();
  });
  afterEach(() => o.core.close());

  it('refuses a procedure, category or device it does not know', async () => {
    const plan = { task: 'Kusafisha', interval_months: 6 };
    await refusedWithoutWriting(o, o.officer.token, 'plans.create', { ...plan, category: 'laptop', procedure_id: 'none' }, 'procedure-not-found');
    await refusedWithoutWriting(o, o.officer.token, 'plans.create', { ...plan, category: 'toaster' }, 'category-not-found');
    await refusedWithoutWriting(o, o.officer.token, 'plans.create', { ...plan, asset_id: 'no-such-device' }, 'asset-not-found');
    await refusedWithoutWriting(o, o.officer.token, 'plans.update', { plan_id: 'no-such-plan', task: 'x', interval_months: 6, active: true }, 'plan-not-found');
  });
});
