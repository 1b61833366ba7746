// An institution's Excel register of 200 devices: checked row by row before anything is written,
// then registered all at once, and its column mapping remembered for next time.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { expectRefused, okValue } from '../../helpers/core.ts';
import { fileOf, openImportWorld, workbook, type Choices, type ImportWorld } from '../../helpers/import-files.ts';

const HEADERS = ['Aina', 'Mtengenezaji', 'Modeli', 'Serial No', 'Tarehe ya Kununua', 'Bei', 'Mahali', 'Idara', 'Mtumiaji', 'Kumbukumbu za Ziada'];
const CATEGORIES = ['Kompyuta ya Mezani', 'Laptop', 'Printa', 'UPS', 'Switch', 'Kompyuta Mpakato', 'Flash', 'External HDD'];
const PLACES = ['Ghorofa 2', 'stoo kuu', 'UKUMBI WA MIKUTANO'];
const DEPARTMENTS = ['TEHAMA', 'UH', 'utawala'];
const CUSTODIANS = ['100230', 'Hamisi Juma', '', 'rehema mollel'];
// A title and a blank line above the table, as registers are printed: data starts on row 4.
const FIRST_DATA_ROW = 4;

type Row = ExcelJS.CellValue[];

function device(i: number): Row {
  const purchased = new Date(Date.UTC(2020 + (i % 5), i % 12, 1 + (i % 28)));
  // Dates as Excel keeps them (date cells), as typed (dd/MM/yyyy) and as bare day numbers.
  const date = i % 3 === 0 ? purchased : i % 3 === 1 ? purchased.toISOString().slice(0, 10).split('-').reverse().join('/') : 25569 + purchased.getTime() / 86_400_000;
  // Costs as numbers, as written with separators, and as a formula's result.
  const cost = i % 4 === 0 ? 1_200_000 + i * 1000 : i % 4 === 1 ? `TSh ${(2_450_000).toLocaleString('en-US')}/=` : i % 4 === 2 ? { formula: `${i}*1000`, result: i * 1000 } : '';
  const make = i % 7 === 0 ? { richText: [{ text: 'Hewlett' }, { text: ' Packard' }] } : ['Dell', 'HP', 'Lenovo', 'APC'][i % 4];
  return [
    CATEGORIES[i % CATEGORIES.length],
    make,
    `Model ${i % 9}`,
    `SN-${String(i).padStart(5, '0')}`,
    date,
    cost,
    PLACES[i % PLACES.length],
    DEPARTMENTS[i % DEPARTMENTS.length],
    CUSTODIANS[i % CUSTODIANS.length],
    i % 10 === 0 ? `Imehamishwa kutoka ofisi ya ${i}` : '',
  ] as Row;
}

const BAD = { category: 40, date: 90, serial: 150 } as const;

function register(fixed: boolean): Row[] {
  const rows = Array.from({ length: 200 }, (_, i) => device(i));
  if (!fixed) {
    (rows[BAD.category] as Row)[0] = 'Kibaniko';
    (rows[BAD.date] as Row)[4] = '31/02/2023';
    (rows[BAD.serial] as Row)[3] = 'SN-00010';
  }
  return [['WIZARA YA FEDHA — REJISTA YA VIFAA VYA TEHAMA'], [], HEADERS, ...rows];
}

describe('importing an Excel register of 200 devices', () => {
  let w: ImportWorld;
  let broken: { name: string; base64: string };
  let fixed: { name: string; base64: string };
  beforeAll(async () => {
    w = await openImportWorld();
    broken = fileOf('rejista-2026.xlsx', await workbook(register(false)));
    fixed = fileOf('rejista-2026.xlsx', await workbook(register(true)));
  });
  afterAll(() => w.core.close());

  it('lists exactly the two bad rows, each with its reason in Swahili, asks about the unknown category, and writes nothing', async () => {
    const before = w.journalCount();
    const preview = okValue(await w.call('import.preview', { file: broken }));
    expect(w.journalCount()).toBe(before);
    expect(w.assetCount()).toBe(0);

    expect(preview.sheets).toEqual(['Rejista']);
    expect(preview.header_row).toBe(3);
    expect(preview.headers).toEqual(HEADERS);
    expect(preview.mapping_source).toBe('suggested');
    expect(preview.rows).toEqual({ total: 200, valid: 198, invalid: 2, skipped: 0 });
    const sw = translator('sw');
    const said = preview.invalid_rows.map((r) => ({ row: r.row, errors: r.errors.map((e) => [e.field, e.value, sw(e.message, e.params)]) }));
    expect(said).toEqual([
      { row: BAD.date + FIRST_DATA_ROW, errors: [['purchase_date', '31/02/2023', `"31/02/2023" (seli E${BAD.date + FIRST_DATA_ROW}) si tarehe halisi: siku hiyo haipo kwenye kalenda.`]] },
      {
        row: BAD.serial + FIRST_DATA_ROW,
        errors: [['serial', 'SN-00010', `Namba ya seriali SN-00010 imeshatumika kwenye safu namba ${10 + FIRST_DATA_ROW} ya faili hili.`]],
      },
    ]);
    // A category nobody knows is a question for the user, not a row in error.
    expect(preview.values).toEqual([
      expect.objectContaining({ field: 'category', value: 'Kibaniko', rows: 1, first_row: BAD.category + FIRST_DATA_ROW, choice: null, source: null }),
    ]);
    expect(preview.invalid_rows[0]?.errors[0]?.message).toBe('import.errors.date-impossible');
  });

  it('shows the first twenty rows as they would be registered, with the tags they would get', async () => {
    const preview = okValue(await w.call('import.preview', { file: fixed }));
    expect(preview.sample).toHaveLength(20);
    expect(preview.sample.map((s) => s.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + FIRST_DATA_ROW));
    expect(preview.sample[0]).toMatchObject({
      tag: 'WF/ICT/2026/00001',
      values: {
        category: 'desktop',
        make: 'Hewlett Packard',
        serial: 'SN-00000',
        purchase_date: '2020-01-01',
        cost_tzs: 1_200_000,
        location_id: w.locations['Ghorofa 2'],
        department_id: w.departments.TEHAMA,
        custodian_id: w.people['Zuhura Said'],
      },
    });
    // Row 1: dd/MM/yyyy text, "TSh 2,450,000/=", by location and department name in any case.
    expect(preview.sample[1]?.values).toMatchObject({
      category: 'laptop',
      purchase_date: '2021-02-02',
      cost_tzs: 2_450_000,
      location_id: w.locations['Stoo Kuu'],
      department_id: w.departments.Uhasibu,
      custodian_id: w.people['Hamisi Juma'],
    });
    // Row 2: an Excel day number and a formula's result.
    expect(preview.sample[2]?.values).toMatchObject({ category: 'printer', purchase_date: '2022-03-03', cost_tzs: 2000, custodian_id: null });
    expect(preview.sample[4]?.values).toMatchObject({ category: 'network' });
    expect(preview.sample[6]?.values).toMatchObject({ category: 'flash_disk' });
    expect(preview.sample[7]?.values).toMatchObject({ category: 'external_drive' });
    expect(preview.sample[19]?.tag).toBe('WF/ICT/2026/00020');
    expect(w.assetCount()).toBe(0);
  });

  it('refuses to commit a file with bad rows, saying how many, and writes nothing', async () => {
    const before = w.journalCount();
    const preview = okValue(await w.call('import.preview', { file: broken }));
    const unresolved = expectRefused(await w.call('import.commit', { file: broken, mapping: preview.mapping }), 'import-values-unresolved');
    expect(unresolved.params).toEqual({ count: 1, value: 'Kibaniko' });
    const values: Choices = [{ field: 'category', value: 'Kibaniko', action: 'map', id: 'other' }];
    const error = expectRefused(await w.call('import.commit', { file: broken, mapping: preview.mapping, values }), 'import-has-errors');
    expect(error.params).toMatchObject({ count: 2 });
    expect(w.journalCount()).toBe(before);
    expect(w.assetCount()).toBe(0);
  });

  it('once fixed, registers all 200 devices with consecutive tags, and the journal verifies', async () => {
    const suggested = okValue(await w.call('import.preview', { file: fixed }));
    expect(suggested.rows).toEqual({ total: 200, valid: 200, invalid: 0, skipped: 0 });
    // The officer also maps the column the suggestion did not recognise.
    const mapping = { ...suggested.mapping, notes: 'Kumbukumbu za Ziada' };
    const before = w.journalCount();
    const result = okValue(await w.call('import.commit', { file: fixed, mapping }));
    expect(result).toMatchObject({ imported: 200, first_tag: 'WF/ICT/2026/00001', last_tag: 'WF/ICT/2026/00200', left_out: 0 });
    // 200 registrations and the remembered mapping.
    expect(w.journalCount()).toBe(before + 201);
    expect(w.assetCount()).toBe(200);

    const store = w.core.services.store;
    const tags = (store.sqlite.prepare('SELECT tag_seq FROM assets ORDER BY tag_seq').all() as { tag_seq: number }[]).map((r) => r.tag_seq);
    expect(tags).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const tenth = store.sqlite.prepare("SELECT category, notes, cost_tzs, can_hold_records, classification FROM assets WHERE serial = 'SN-00010'").get();
    expect(tenth).toEqual({ category: 'printer', notes: 'Imehamishwa kutoka ofisi ya 10', cost_tzs: 10_000, can_hold_records: 0, classification: 'internal' });
    expect(await verifyStore(store, w.core.services.domain)).toMatchObject({ ok: true });
  });

  it('suggests the committed mapping first when the same headings come again', async () => {
    const again = okValue(await w.call('import.preview', { file: fixed }));
    expect(again.mapping_source).toBe('remembered');
    expect(again.mapping.notes).toBe('Kumbukumbu za Ziada');
    // Every device is now registered: each row says so rather than being merged silently.
    expect(again.rows).toEqual({ total: 200, valid: 0, invalid: 200, skipped: 0 });
    expect(again.invalid_rows[0]?.errors[0]).toMatchObject({ field: 'serial', message: 'errors.serial-taken', params: { serial: 'SN-00000', tag: 'WF/ICT/2026/00001' } });

    // The same headings in another order and case are the same register.
    const shuffled = [[...HEADERS].reverse().map((h) => h.toUpperCase()), [...(device(3) as unknown[])].reverse() as Row];
    const other = okValue(await w.call('import.preview', { file: fileOf('nakala.xlsx', await workbook(shuffled)) }));
    expect(other.mapping_source).toBe('remembered');
    expect(other.mapping.notes).toBe('KUMBUKUMBU ZA ZIADA');
    expect(other.mapping.category).toBe('AINA');
  });
});

describe('an Excel register laid out for printing', () => {
  let w: ImportWorld;
  beforeAll(async () => {
    w = await openImportWorld();
  });
  afterAll(() => w.core.close());

  it('gives every row of a merged department cell that department', async () => {
    const rows: Row[] = [
      ['Aina', 'Mtengenezaji', 'Modeli', 'Idara'],
      ['Laptop', 'HP', 'ProBook 450', 'Uhasibu'],
      ['Laptop', 'HP', 'ProBook 440', null],
      ['Printa', 'HP', 'LaserJet M404', null],
      ['UPS', 'APC', 'Back-UPS 650', 'TEHAMA'],
    ];
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Rejista');
    for (const row of rows) sheet.addRow(row);
    sheet.mergeCells('D2:D4');
    const file = fileOf('rejista.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const preview = okValue(await w.call('import.preview', { file }));
    expect(preview.sample.map((s) => s.values?.department_id)).toEqual([w.departments.Uhasibu, w.departments.Uhasibu, w.departments.Uhasibu, w.departments.TEHAMA]);
  });
});
