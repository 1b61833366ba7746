// An export from Snipe-IT, the asset tool many ICT units used before: it imports as it comes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStore } from '../../../db/journal/verify.ts';
import { okValue } from '../../helpers/core.ts';
import { fileOf, openImportWorld, type ImportWorld } from '../../helpers/import-files.ts';

const EXPORT = readFileSync(join(import.meta.dirname, '../../fixtures/import/snipe-it-assets.csv'));

describe('a Snipe-IT asset export', () => {
  let w: ImportWorld;
  beforeAll(async () => {
    w = await openImportWorld();
  });
  afterAll(() => w.core.close());

  it('maps every column the register needs without anyone choosing', async () => {
    const preview = okValue(await w.call('import.preview', { file: fileOf('assets-2026-11-20.csv', EXPORT) }));
    expect(preview.mapping_source).toBe('suggested');
    expect(preview.mapping).toEqual({
      tag: 'Asset Tag',
      category: 'Category',
      make: 'Manufacturer',
      model: 'Model',
      serial: 'Serial',
      purchase_date: 'Purchase Date',
      supplier: 'Supplier',
      cost_tzs: 'Purchase Cost',
      warranty_end: 'Warranty Expires',
      location: 'Location',
      custodian: 'Checked Out To',
      notes: 'Notes',
    });
    expect(preview.unmapped_required).toEqual([]);
    expect(preview.rows).toEqual({ total: 5, valid: 5, invalid: 0, skipped: 0 });
  });

  it('registers the export, with the tags, people and places it names', async () => {
    const file = fileOf('assets-2026-11-20.csv', EXPORT);
    const { mapping } = okValue(await w.call('import.preview', { file }));
    expect(okValue(await w.call('import.commit', { file, mapping }))).toMatchObject({ imported: 5, first_tag: 'WF-0001', last_tag: 'WF-0005', left_out: 0 });
    const rows = w.core.services.store.sqlite
      .prepare('SELECT tag, category, make, model, serial, purchase_date, cost_tzs, warranty_end, location_id, custodian_id, supplier, notes, status FROM assets ORDER BY tag')
      .all();
    expect(rows[0]).toEqual({
      tag: 'WF-0001',
      category: 'laptop',
      make: 'HP',
      model: 'EliteBook 840 G8',
      serial: '5CG1234XYZ',
      purchase_date: '2023-03-12',
      cost_tzs: 2_450_000,
      warranty_end: '2026-03-12',
      location_id: w.locations['Ghorofa 2'],
      custodian_id: w.people['Zuhura Said'],
      supplier: 'Computer Centre Ltd',
      notes: 'Ofisi ya Mkurugenzi',
      status: 'in_service',
    });
    expect(rows.map((r) => (r as { category: string }).category)).toEqual(['laptop', 'desktop', 'printer', 'network', 'ups']);
    expect(rows[3]).toMatchObject({ location_id: w.locations['Ukumbi wa Mikutano'], custodian_id: null, status: 'in_store' });
    expect(await verifyStore(w.core.services.store, w.core.services.domain)).toMatchObject({ ok: true });
  });
});
