// The whole story of one repair through the routes, as the ICT officer lives it: a laptop with an SSD
// breaks, goes to an outside company without its SSD (3.6.3), comes back and is closed in the log book.
import { registry } from '../../../db/areas.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { domain } from '../../../db/domain.ts';
import { foldAll, verifyStore } from '../../../db/journal/verify.ts';
import { closeStore, openStore } from '../../../db/store/open.ts';
import { okValue, present, refusedWithoutWriting, rowsOf } from '../../helpers/core.ts';
import { openOffice, type Office } from '../../helpers/office.ts';

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`).toString('base64');

describe('a repair from the fault to the close, through the routes', () => {
  let o: Office;
  beforeEach(async () => {
    o = await openOffice();
  });
  afterEach(() => o.core.close());

  it('keeps the Service Maintenance Log Book of an off-site repair end to end', async () => {
    const officer = o.officer.token;
    const step = () => o.clock.advance(60_000);

    // 3.6.1: two approved versions of the procedure; the second takes effect only in December.
    const v1 = present(
      await o.ok(o.head.token, 'procedures.approve', {
        title: 'Utaratibu wa Matengenezo ya Vifaa vya TEHAMA',
        version: '1.0',
        approved_by: 'Mhandisi Mwajuma Waziri',
        approval_date: '2025-12-15',
        effective_date: '2026-01-01',
        document: { name: 'utaratibu-v1.pdf', base64: pdf('v1') },
      }),
      'procedures.approve',
    );
    step();
    present(
      await o.ok(o.head.token, 'procedures.approve', {
        title: 'Utaratibu wa Matengenezo ya Vifaa vya TEHAMA',
        version: '2.0',
        approved_by: 'Mhandisi Mwajuma Waziri',
        approval_date: '2026-11-16',
        effective_date: '2026-12-01',
        document: { name: 'utaratibu-v2.pdf', base64: pdf('v2') },
      }),
      'procedures.approve',
    );
    expect(okValue(await o.call(officer, 'procedures.list', {})).in_force_id).toBe(v1.id);

    // The laptop, tagged from the institution code, with its SSD.
    step();
    const laptop = okValue(
      await o.call(officer, 'assets.register', {
        category: 'laptop',
        make: 'Dell',
        model: 'Latitude 5440',
        serial: 'DL5440-77X',
        purchase_date: '2025-07-14',
        custodian_id: o.people.zuhura,
        location_id: o.locations.floor2,
        department_id: o.departments.finance,
        media: [{ kind: 'ssd', capacity_gb: 512, serial: 'S4EVNX0R123' }],
      }),
    );
    expect(laptop).toMatchObject({ tag: 'MAJI/ICT/2026/00001', status: 'in_service' });
    const ssd = laptop.media[0]?.id as string;
    const device = async () => okValue(await o.call(officer, 'assets.get', { asset_id: laptop.id }));

    // The fault, on the 20th: the entry cites version 1.0, in force that day.
    step();
    const reported = okValue(
      await o.call(officer, 'maintenance.report', { asset_id: laptop.id, reported_on: '2026-11-20', reported_by: 'Zuhura Said', symptoms: 'Haiwaki kabisa' }),
    );
    expect(reported).toMatchObject({ procedure_id: v1.id, procedure_version: '1.0', state: 'reported' });
    expect((await device()).status).toBe('under_repair');
    const entryId = reported.id;
    step();
    okValue(await o.call(officer, 'maintenance.diagnose', { entry_id: entryId, diagnosis: 'Ubao mama umeungua; unahitaji fundi wa nje' }));

    // 3.6.2: an outside company, with its job card, supervised by the ICT officer.
    step();
    const provider = present(
      await o.ok(officer, 'providers.register', { name: 'Techno Brain Ltd', registration_number: 'BRELA-118822', contact_name: 'Peter Mushi', phone: '+255 754 000 111' }),
      'providers.register',
    );
    step();
    expect(
      okValue(
        await o.call(officer, 'maintenance.assign', {
          entry_id: entryId,
          technician: { type: 'external', provider_id: provider.id, job_ref: 'JC-2026-114', supervisor_name: 'Juma Ally' },
        }),
      ),
    ).toMatchObject({ technician_type: 'external', technician_name: 'Peter Mushi', provider_name: 'Techno Brain Ltd', job_ref: 'JC-2026-114', supervisor_name: 'Juma Ally' });

    // 3.6.3: it may not leave with the SSD inside; the refusal names the SSD.
    step();
    const refused = await refusedWithoutWriting(o, officer, 'maintenance.send-offsite', { entry_id: entryId, sent_on: '2026-11-21' }, 'storage-not-removed');
    expect(refused.params).toEqual({ media: 'SSD 512 GB (S/N S4EVNX0R123)', count: 1 });

    step();
    const withoutSsd = okValue(
      await o.call(officer, 'drives.remove', {
        medium_id: ssd,
        removed_by: 'Juma Ally',
        witnessed_by: 'Zuhura Said',
        kept_at: 'Kabati la chuma, Stoo ya TEHAMA',
        removed_on: '2026-11-21',
        entry_id: entryId,
      }),
    );
    expect(withoutSsd.media[0]).toMatchObject({ state: 'removed', removed_by: 'Juma Ally', witnessed_by: 'Zuhura Said', kept_at: 'Kabati la chuma, Stoo ya TEHAMA', entry_id: entryId });

    step();
    expect(okValue(await o.call(officer, 'maintenance.send-offsite', { entry_id: entryId, sent_on: '2026-11-21' }))).toMatchObject({ state: 'off_site', sent_on: '2026-11-21' });
    expect((await device()).status).toBe('away_for_repair');

    step();
    expect(okValue(await o.call(officer, 'maintenance.return', { entry_id: entryId, returned_on: '2026-11-22' }))).toMatchObject({ state: 'returned', returned_on: '2026-11-22' });
    expect((await device()).status).toBe('under_repair');

    step();
    const reinstalled = okValue(await o.call(officer, 'drives.reinstall', { medium_id: ssd, reinstalled_by: 'Juma Ally', reinstalled_on: '2026-11-22', entry_id: entryId }));
    expect(reinstalled.media[0]).toMatchObject({ state: 'installed', kept_at: '' });

    step();
    okValue(
      await o.call(officer, 'maintenance.record-work', {
        entry_id: entryId,
        actions: 'Ubao mama na feni vimebadilishwa na Techno Brain',
        parts: [
          { name: 'Ubao mama', quantity: 1, unit_cost_tzs: 450_000 },
          { name: 'Feni', quantity: 2, unit_cost_tzs: 35_000 },
        ],
        labour_cost_tzs: 80_000,
        hours: 3,
      }),
    );

    step();
    const closed = okValue(await o.call(officer, 'maintenance.close', { entry_id: entryId, closed_on: '2026-11-23', outcome: 'repaired' }));
    expect(closed).toMatchObject({
      state: 'closed',
      outcome: 'repaired',
      closed_on: '2026-11-23',
      downtime_days: 3,
      parts_cost_tzs: 520_000,
      labour_cost_tzs: 80_000,
      total_cost_tzs: 600_000,
      hours: 3,
      diagnosis: 'Ubao mama umeungua; unahitaji fundi wa nje',
      procedure_version: '1.0',
      asset_tag: 'MAJI/ICT/2026/00001',
    });
    expect(await device()).toMatchObject({ status: 'in_service', repair_state: 'none', open_entry_id: null });

    const book = okValue(await o.call(o.auditor.token, 'maintenance.log-book', { asset_id: laptop.id }));
    expect(book.entries.map((e) => e.id)).toEqual([entryId]);
    expect(book.downtime_days).toBe(3);

    // The device's history tells all of it, newest first.
    const history = okValue(await o.call(o.auditor.token, 'history.entity', { entity: laptop.id }));
    expect(history.map((e) => e.type)).toEqual([
      'maintenance.closed',
      'maintenance.work-recorded',
      'storage.reinstalled',
      'maintenance.returned',
      'maintenance.sent-offsite',
      'storage.removed',
      'maintenance.assigned',
      'maintenance.diagnosed',
      'maintenance.reported',
      'assets.registered',
    ]);
    expect(new Set(history.map((e) => e.actor_name))).toEqual(new Set(['Juma Ally']));
    expect(history.find((e) => e.type === 'storage.removed')?.payload).toMatchObject({ witnessed_by: 'Zuhura Said', kept_at: 'Kabati la chuma, Stoo ya TEHAMA' });
    expect(history.find((e) => e.type === 'maintenance.assigned')?.payload).toMatchObject({ provider_name: 'Techno Brain Ltd', job_ref: 'JC-2026-114', supervisor_name: 'Juma Ally' });

    // The chain holds, and folding the journal afresh gives exactly the stored rows.
    const store = o.core.services.store;
    expect(await verifyStore(store, domain)).toMatchObject({ ok: true });
    const { store: fresh } = await openStore(':memory:', { migrations: registry.migrations });
    try {
      foldAll(store, fresh, domain);
      for (const projection of domain.projections) {
        expect({ table: projection.table, rows: rowsOf(fresh, projection.table) }).toEqual({ table: projection.table, rows: rowsOf(store, projection.table) });
      }
      expect(rowsOf(fresh, 'assets')).toHaveLength(1);
      expect(rowsOf(fresh, 'maintenance_entries')).toHaveLength(1);
    } finally {
      closeStore(fresh);
    }
  });

  it('cites the procedure version in force on the day the fault was reported, not the day it was typed', async () => {
    const approve = async (version: string, approval_date: string, effective_date: string) =>
      present(
        await o.ok(o.head.token, 'procedures.approve', {
          title: 'Utaratibu',
          version,
          approved_by: 'Mhandisi Mwajuma Waziri',
          approval_date,
          effective_date,
          document: { name: `u-${version}.pdf`, base64: pdf(version) },
        }),
        'procedures.approve',
      ).id;
    const v1 = await approve('1.0', '2025-12-15', '2026-01-01');
    const v2 = await approve('2.0', '2026-11-16', '2026-12-01');
    const laptop = okValue(await o.call(o.officer.token, 'assets.register', { category: 'laptop', make: 'Dell', model: 'Latitude', purchase_date: '2025-06-01' }));
    const before = okValue(
      await o.call(o.officer.token, 'maintenance.report', { asset_id: laptop.id, reported_on: '2025-12-31', reported_by: 'Zuhura', symptoms: 'Skrini' }),
    );
    expect(before).toMatchObject({ procedure_id: null, procedure_version: '' });
    okValue(await o.call(o.officer.token, 'maintenance.close', { entry_id: before.id, closed_on: '2026-01-02', outcome: 'no_fault', reason: 'Mtumiaji alikuwa hajachomeka waya' }));

    o.clock.set('2026-12-02T08:00:00Z');
    const late = okValue(
      await o.call(o.officer.token, 'maintenance.report', { asset_id: laptop.id, reported_on: '2026-11-30', reported_by: 'Zuhura', symptoms: 'Betri' }),
    );
    expect(late).toMatchObject({ procedure_id: v1, procedure_version: '1.0' });
    okValue(await o.call(o.officer.token, 'maintenance.close', { entry_id: late.id, closed_on: '2026-12-01', outcome: 'no_fault', reason: 'Mtumiaji alikuwa hajachomeka waya' }));
    const current = okValue(
      await o.call(o.officer.token, 'maintenance.report', { asset_id: laptop.id, reported_on: '2026-12-01', reported_by: 'Zuhura', symptoms: 'Kibodi' }),
    );
    expect(current).toMatchObject({ procedure_id: v2, procedure_version: '2.0' });
  });
});
