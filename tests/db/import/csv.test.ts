// CSV registers as Excel saves them on office PCs: `;` on a Swahili or French locale, a BOM or
// none, and the ANSI code page when the file is not UTF-8.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { okValue } from '../../helpers/core.ts';
import { csv, fileOf, openImportWorld, type ImportWorld } from '../../helpers/import-files.ts';

const HEADERS = ['Namba ya Kifaa', 'Aina', 'Mtengenezaji', 'Modeli', 'S/N', 'Tarehe ya Kununua', 'Bei', 'Msambazaji', 'Mahali', 'Mtumiaji'];

function row(tag: string, serial: string, overrides: Partial<Record<(typeof HEADERS)[number], string>> = {}): string[] {
  const base: Record<string, string> = {
    'Namba ya Kifaa': tag,
    Aina: 'Kompyuta Mpakato',
    Mtengenezaji: 'Lenovo',
    Modeli: 'ThinkPad T14',
    'S/N': serial,
    'Tarehe ya Kununua': '12/03/2023',
    Bei: 'TSh 2,450,000/=',
    Msambazaji: 'Computer Centre Ltd',
    Mahali: 'Ghorofa 2',
    Mtumiaji: '100230',
    ...overrides,
  };
  return HEADERS.map((h) => base[h] as string);
}

function encode1252(text: string): Buffer {
  const specials: Record<string, number> = { '€': 0x80, '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92 };
  return Buffer.from([...text].map((c) => specials[c] ?? c.charCodeAt(0)));
}

describe('importing a CSV register', () => {
  let w: ImportWorld;
  beforeAll(async () => {
    w = await openImportWorld();
  });
  afterAll(() => w.core.close());

  it('names a purchase date in the future as an error of that row, in the cell where it was typed', async () => {
    // The test clock stands in 2025: a purchase "made" in 2031 was mistyped.
    const text = csv([HEADERS, row('WF/ICT/101', 'PF-101'), row('WF/ICT/102', 'PF-102', { 'Tarehe ya Kununua': '12/03/2031' })]);
    const preview = okValue(await w.call('import.preview', { file: fileOf('rejista.csv', text) }));
    expect(preview.rows).toMatchObject({ total: 2, valid: 1, invalid: 1 });
    expect(preview.invalid_rows).toEqual([
      { row: 3, errors: [expect.objectContaining({ field: 'purchase_date', cell: 'F3', message: 'errors.date-in-future' })] },
    ]);
  });

  it('reads a `;` file with a BOM, costs with thousands separators and dates day first', async () => {
    const text = '\uFEFF' + csv([HEADERS, row('WF/ICT/001', 'PF-1'), row('WF/ICT/002', 'PF-2', { 'Tarehe ya Kununua': '03/12/2023', Bei: '1.850.000' })], ';');
    const preview = okValue(await w.call('import.preview', { file: fileOf('rejista.csv', text) }));
    expect(preview.headers).toEqual(HEADERS);
    expect(preview.mapping).toMatchObject({ tag: 'Namba ya Kifaa', category: 'Aina', serial: 'S/N', cost_tzs: 'Bei', supplier: 'Msambazaji', custodian: 'Mtumiaji' });
    expect(preview.rows).toEqual({ total: 2, valid: 2, invalid: 0, skipped: 0 });
    expect(preview.sample[0]?.values).toMatchObject({ tag: 'WF/ICT/001', category: 'laptop', purchase_date: '2023-03-12', cost_tzs: 2_450_000 });
    // 03/12/2023 is the 3rd of December, never the 12th of March.
    expect(preview.sample[1]?.values).toMatchObject({ purchase_date: '2023-12-03', cost_tzs: 1_850_000 });
    expect(preview.sample.map((s) => s.row)).toEqual([2, 3]);
  });

  it('refuses a month-first date rather than guessing', async () => {
    const text = csv([HEADERS, row('WF/ICT/003', 'PF-3', { 'Tarehe ya Kununua': '12/31/2023' })]);
    const preview = okValue(await w.call('import.preview', { file: fileOf('rejista.csv', text) }));
    expect(preview.invalid_rows).toEqual([
      {
        row: 2,
        errors: [
          { field: 'purchase_date', column: 'Tarehe ya Kununua', cell: 'F2', value: '12/31/2023', message: 'import.errors.date-impossible', params: { value: '12/31/2023', cell: 'F2' } },
        ],
      },
    ]);
  });

  it('reads a Windows-1252 file whose bytes are not UTF-8', async () => {
    const text = csv([HEADERS, row('WF/ICT/010', 'W-1', { Msambazaji: 'Société Générale – Dar', Mahali: 'Stoo Kuu' })]);
    const bytes = encode1252(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const preview = okValue(await w.call('import.preview', { file: fileOf('rejista.csv', bytes) }));
    expect(preview.rows).toEqual({ total: 1, valid: 1, invalid: 0, skipped: 0 });
    expect(preview.sample[0]?.values).toMatchObject({ supplier: 'Société Générale – Dar', location_id: w.locations['Stoo Kuu'] });
  });

  it('lists a custodian whose check number nobody holds, and a place nobody registered, as entries to add, not as errors', async () => {
    const text = csv([HEADERS, row('WF/ICT/020', 'C-1'), row('WF/ICT/021', 'C-2', { Mtumiaji: '999999', Mahali: 'Ghorofa 9' })]);
    const preview = okValue(await w.call('import.preview', { file: fileOf('rejista.csv', text) }));
    expect(preview.rows).toEqual({ total: 2, valid: 2, invalid: 0, skipped: 0 });
    expect(preview.values.map((v) => [v.field, v.value, v.rows, v.first_row, v.choice?.action, v.source])).toEqual([
      ['location', 'Ghorofa 9', 1, 3, 'create', 'default'],
      ['custodian', '999999', 1, 3, 'create', 'default'],
    ]);
  });

  it('reports what registration itself refuses, such as a custodian no longer active', async () => {
    okValue(await w.call('people.deactivate', { person_id: w.people['Rehema Mollel'] }));
    const text = csv([HEADERS, row('WF/ICT/030', 'D-1', { Mtumiaji: 'Rehema Mollel' })]);
    const preview = okValue(await w.call('import.preview', { file: fileOf('rejista.csv', text) }));
    expect(preview.invalid_rows[0]?.errors).toEqual([
      { field: 'custodian', column: 'Mtumiaji', cell: 'J2', value: 'Rehema Mollel', message: 'errors.person-inactive', params: { name: 'Rehema Mollel', cell: 'J2' } },
    ]);
    expect(translator('sw')('errors.person-inactive', preview.invalid_rows[0]?.errors[0]?.params)).toContain('Rehema Mollel');
  });

  it('commits a clean CSV and gives its first and last tags', async () => {
    const text = csv([HEADERS, row('WF/ICT/101', 'E-1'), row('', 'E-2'), row('', 'E-3', { Mtumiaji: '' }), row('WF/ICT/104', 'E-4')], ';');
    const file = fileOf('rejista.csv', text);
    const { mapping } = okValue(await w.call('import.preview', { file }));
    const result = okValue(await w.call('import.commit', { file, mapping }));
    expect(result).toMatchObject({ imported: 4, first_tag: 'WF/ICT/101', last_tag: 'WF/ICT/104', left_out: 0 });
    const generated = w.core.services.store.sqlite.prepare("SELECT tag, tag_seq FROM assets WHERE serial IN ('E-2', 'E-3') ORDER BY tag").all();
    expect(generated).toEqual([
      { tag: 'WF/ICT/2026/00001', tag_seq: 1 },
      { tag: 'WF/ICT/2026/00002', tag_seq: 2 },
    ]);
  });

  it('tells a row with its own errors that its serial is already registered too, so one round of fixes is enough', async () => {
    const text = csv([HEADERS, row('', 'E-1', { 'Tarehe ya Kununua': '30/02/2024' }), row('WF/ICT/101', 'F-9')]);
    const preview = okValue(await w.call('import.preview', { file: fileOf('rejista.csv', text) }));
    expect(preview.invalid_rows.map((r) => ({ row: r.row, errors: r.errors.map((e) => [e.field, e.message, e.params]) }))).toEqual([
      {
        row: 2,
        errors: [
          ['purchase_date', 'import.errors.date-impossible', { value: '30/02/2024', cell: 'F2' }],
          ['serial', 'errors.serial-taken', { serial: 'E-1', tag: 'WF/ICT/101', cell: 'E2' }],
        ],
      },
      { row: 3, errors: [['tag', 'errors.tag-taken', { tag: 'WF/ICT/101', cell: 'A3' }]] },
    ]);
  });
});
