// Who may do what in the register and the log book: the auditor reads everything and changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assetRoutes } from '../../../db/assets/routes.ts';
import type { AssetView } from '../../../db/assets/queries.ts';
import { maintenanceRoutes } from '../../../db/maintenance/routes.ts';
import type { EntryView } from '../../../db/maintenance/queries.ts';
import type { RouteInput, RouteName } from '../../../db/contract/routes.ts';
import { okValue, present, refusedRawWithoutWriting } from '../../helpers/core.ts';
import { openOffice, registerLaptop, type Office } from '../../helpers/office.ts';

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n').toString('base64');

describe('the auditor in the register and the log book', () => {
  let o: Office;
  let laptop: AssetView;
  let entry: EntryView;
  let planId: string;
  let providerId: string;
  beforeEach(async () => {
    o = await openOffice();
    laptop = await registerLaptop(o);
    entry = okValue(
      await o.call(o.officer.token, 'maintenance.report', { asset_id: laptop.id, reported_on: '2026-11-20', reported_by: 'Zuhura Said', symptoms: 'Haiwaki' }),
    );
    planId = present(okValue(await o.call(o.officer.token, 'plans.create', { category: 'laptop', task: 'Kusafisha', interval_months: 6 })), 'plans.create').id;
    providerId = present(okValue(await o.call(o.officer.token, 'providers.register', { name: 'Techno Brain Ltd' })), 'providers.register').id;
  });
  afterEach(() => o.core.close());

  it('reads the register, a device, the log book, plans, providers and procedures', async () => {
    const token = o.auditor.token;
    const list = okValue(await o.call(token, 'assets.list', {}));
    expect(list.items.map((i) => i.id)).toEqual([laptop.id]);
    expect(okValue(await o.call(token, 'assets.get', { asset_id: laptop.id })).tag).toBe('MAJI/ICT/2026/00001');
    expect(okValue(await o.call(token, 'maintenance.list', {})).items.map((e) => e.id)).toEqual([entry.id]);
    expect(okValue(await o.call(token, 'maintenance.get', { entry_id: entry.id })).symptoms).toBe('Haiwaki');
    expect(okValue(await o.call(token, 'maintenance.log-book', { asset_id: laptop.id })).entries).toHaveLength(1);
    expect(okValue(await o.call(token, 'plans.list', {})).map((p) => p.id)).toEqual([planId]);
    expect(okValue(await o.call(token, 'plans.due', {}))).toHaveLength(1);
    expect(okValue(await o.call(token, 'providers.list', {})).map((p) => p.id)).toEqual([providerId]);
    expect(okValue(await o.call(token, 'procedures.list', {}))).toEqual({ procedures: [], in_force_id: null });
    expect(okValue(await o.call(token, 'categories.list', {})).length).toBeGreaterThan(10);
    expect(okValue(await o.call(token, 'history.entity', { entity: laptop.id })).map((e) => e.type)).toEqual([
      'maintenance.reported',
      'assets.registered',
    ]);
  });

  it('is refused every change, and nothing is written', async () => {
    const medium = laptop.media[0]?.id as string;
    // Each input typed by its route, so a write refused here would be accepted from an ICT officer.
    const writes: { [K in RouteName]?: RouteInput<K> } = {
      'assets.propose-tag': { category: 'laptop' },
      'assets.register': { category: 'laptop', make: 'HP', model: 'EliteBook' },
      'assets.update': { asset_id: laptop.id, tag: laptop.tag, category: 'laptop', make: 'HP', model: 'EliteBook' },
      'assets.set-tag-format': { tag_format: '{CODE}-{SEQ}' },
      'categories.create': { name_sw: 'Kamera', name_en: 'Camera', can_hold_records: true },
      'drives.add': { asset_id: laptop.id, kind: 'ssd' },
      'drives.remove': { medium_id: medium, removed_by: 'Neema', witnessed_by: 'Juma', kept_at: 'Stoo', removed_on: '2026-11-21' },
      'drives.reinstall': { medium_id: medium, reinstalled_by: 'Neema', reinstalled_on: '2026-11-21' },
      'maintenance.report': { asset_id: laptop.id, reported_on: '2026-11-21', reported_by: 'Neema', symptoms: 'x' },
      'maintenance.diagnose': { entry_id: entry.id, diagnosis: 'x' },
      'maintenance.assign': { entry_id: entry.id, technician: { type: 'internal', name: 'Neema' } },
      'maintenance.record-work': { entry_id: entry.id, actions: 'x' },
      'maintenance.send-offsite': { entry_id: entry.id, sent_on: '2026-11-21' },
      'maintenance.return': { entry_id: entry.id, returned_on: '2026-11-21' },
      'maintenance.close': { entry_id: entry.id, closed_on: '2026-11-21', outcome: 'no_fault' },
      'maintenance.attach': { entry_id: entry.id, file: { name: 'a.txt', base64: Buffer.from('kadi').toString('base64') } },
      'procedures.approve': {
        title: 'Utaratibu',
        version: '1.0',
        approved_by: 'Mkuu',
        approval_date: '2026-01-01',
        effective_date: '2026-01-01',
        document: { name: 'u.pdf', base64: PDF },
      },
      'plans.create': { category: 'desktop', task: 'Kusafisha', interval_months: 6 },
      'plans.update': { plan_id: planId, task: 'Kusafisha', interval_months: 3, active: true },
      'providers.register': { name: 'Soft Tech' },
      'providers.update': { provider_id: providerId, name: 'Techno Brain Ltd', active: false },
    };
    // Every route of these areas that is not open to all signed-in users is a change, and is listed here.
    const restricted = Object.entries({ ...assetRoutes, ...maintenanceRoutes })
      .filter(([, definition]) => definition.access !== 'signed-in')
      .map(([name]) => name)
      .sort();
    expect(Object.keys(writes).sort()).toEqual(restricted);
    for (const [route, input] of Object.entries(writes)) {
      await refusedRawWithoutWriting(o, o.auditor.token, route, input, 'forbidden');
    }
  });
});
