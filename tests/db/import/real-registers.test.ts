// Registers as institutions really keep them: a merged title above the headings, lines below the
// table, headings mixing the languages, categories in the office's own words, places and people the
// installation does not know yet, Snipe-IT's four "Checked Out To" columns, and a few truly bad rows
// that the user may leave out and take away as a workbook to correct.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { englishRegister, officeRegister, OFFICE_DEPARTMENTS, OFFICE_PLACES, purchaseDayOf, snipeItExport, SWAHILI_HEADINGS } from '../../fixtures/import/registers.ts';
import { addUser, expectRefused, okValue, snapshotRows } from '../../helpers/core.ts';
import { chosenId, csv, fileOf, openImportWorld, workbook, type Choices, type ImportWorld } from '../../helpers/import-files.ts';

let w: ImportWorld;
beforeEach(async () => {
  w = await openImportWorld();
});
afterEach(() => w.core.close());

const count = (table: string) => (w.core.services.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('a Swahili register with a merged title and lines below the table', () => {
  it('finds the headings on row 4 under the merged title rows and the blank line, and maps them', async () => {
    const register = await officeRegister(16);
    const preview = okValue(await w.call('import.preview', { file: fileOf('rejista.xlsx', register.bytes) }));
    expect(preview.header_row).toBe(4);
    expect(preview.headers).toEqual([...SWAHILI_HEADINGS]);
    expect(preview.mapping).toMatchObject({ category: 'Aina ya Kifaa', serial: 'Namba ya Utambulisho (Serial No.)', purchase_date: 'Tarehe ya Ununuzi', cost_tzs: 'Gharama (TZS)', custodian: 'Mtumiaji' });
    expect(preview.unmapped_required).toEqual([]);
    // The title rows are offered for choosing the headings, each merged text once.
    expect(preview.top_rows.slice(0, 3)).toEqual([
      { row: 1, text: 'WIZARA YA MAJI — KITENGO CHA TEHAMA' },
      { row: 2, text: 'REJISTA YA VIFAA VYA TEHAMA, MWAKA WA FEDHA 2025/26' },
      { row: 4, text: SWAHILI_HEADINGS.join(' · ') },
    ]);
  });

  it('lists the total, the prepared-by and signature lines as skipped, not as rows in error', async () => {
    const register = await officeRegister(16);
    const preview = okValue(await w.call('import.preview', { file: fileOf('rejista.xlsx', register.bytes) }));
    expect(preview.rows).toEqual({ total: 16, valid: 16, invalid: 0, skipped: 3 });
    expect(preview.skipped_rows.map((s) => [s.row, s.reason])).toEqual([
      [register.footerRows[0], 'total'],
      [register.footerRows[1], 'footer'],
      [register.footerRows[2], 'footer'],
    ]);
    expect(preview.skipped_rows[1]?.text).toMatch(/^Imeandaliwa na: Asha J\. Mrisho/);
    expect(preview.skipped_rows[2]?.text).toBe('Imeidhinishwa na: · Mkurugenzi wa Utawala · Sahihi: .................... · Muhuri:');
  });

  it('shows the total under the cost column as shillings with its thousands marked', async () => {
    const register = await officeRegister(16);
    const preview = okValue(await w.call('import.preview', { file: fileOf('rejista.xlsx', register.bytes) }));
    const total = preview.sample.reduce((sum, s) => sum + (s.values?.cost_tzs ?? 0), 0);
    expect(preview.sample).toHaveLength(16);
    expect(total).toBeGreaterThan(1_000_000);
    expect(preview.skipped_rows[0]?.text).toBe(`Jumla · TSh\u00a0${total.toLocaleString('en-US')}`);
  });

  it('reads dates and costs typed every way an office types them', async () => {
    const register = await officeRegister(20);
    const preview = okValue(await w.call('import.preview', { file: fileOf('rejista.xlsx', register.bytes) }));
    // Date cell, dd/mm/yyyy, d.m.yyyy, an Excel day number, yyyy-mm-dd; 1,250,000 / 1 250 000 / TZS …/=.
    expect(preview.sample.slice(0, 10).map((s) => s.values?.purchase_date)).toEqual(Array.from({ length: 10 }, (_, i) => purchaseDayOf(i)));
    expect(preview.sample.slice(0, 8).map((s) => s.values?.cost_tzs)).toEqual([1_850_000, 2_450_000, 980_000, 310_000, 420_000, 3_600_000, 2_300_000, 1_300_000]);
  });

  it('names each bad row and its cell: a day the calendar lacks, a financial year for a date, a negative cost, a missing model, a repeated serial', async () => {
    const register = await officeRegister(40, { 3: 'impossible-date', 9: 'unreadable-date', 17: 'negative-cost', 25: 'no-model', 33: 'repeated-serial' });
    const preview = okValue(await w.call('import.preview', { file: fileOf('rejista.xlsx', register.bytes) }));
    expect(preview.invalid_rows.map((r) => r.row)).toEqual(register.faultyRows);
    const en = translator('en');
    const said = preview.invalid_rows.map((r) => r.errors.map((e) => en(e.message, e.params)));
    const [date, year, cost, model, serial] = register.faultyRows;
    expect(said).toEqual([
      [`"31/02/2023" (cell F${date}) is not a real date: the calendar has no such day.`],
      [`"2019/20" (cell F${year}) cannot be read as a date. Write day/month/year, for example 05/03/2023.`],
      [`The cost cannot be negative: "-2,450,000" (cell G${cost}).`],
      [en('validation.required')],
      [en('import.errors.duplicate-serial', { serial: register.serialOf(12), row: register.firstRow + 12 })],
    ]);
    expect(preview.invalid_rows.map((r) => r.errors[0]?.cell)).toEqual([`F${date}`, `F${year}`, `G${cost}`, `D${model}`, `E${serial}`]);
  });
});

describe('values that match no entry', () => {
  it('are listed once each, with close matches, and none makes a row invalid', async () => {
    const register = await officeRegister(16);
    const preview = okValue(await w.call('import.preview', { file: fileOf('rejista.xlsx', register.bytes) }));
    expect(preview.rows.invalid).toBe(0);
    const byField = (field: string) => preview.values.filter((v) => v.field === field);
    // The office's words for categories are close enough to be taken without asking.
    expect(byField('category').map((v) => [v.value, v.choice?.action, chosenId(v.choice), v.source])).toEqual([
      ['Kompyuta za Mezani', 'map', 'desktop', 'suggested'],
      ['Printa ya Laser', 'map', 'printer', 'suggested'],
      ['Diski ya Nje', 'map', 'external_drive', 'suggested'],
      ['Kifaa cha Mtandao (Switch)', 'map', 'network', 'suggested'],
    ]);
    expect(byField('category')[2]?.suggestions[0]).toMatchObject({ id: 'external_drive', label: 'Diski ngumu ya nje' });
    // Unknown places, departments and people are made, so a first register goes in at once.
    // (The world already has a "Ukumbi wa Mikutano".)
    expect(byField('location').map((v) => [v.value, v.choice?.action])).toEqual(OFFICE_PLACES.filter((p) => p !== 'Ukumbi wa Mikutano').map((p) => [p, 'create']));
    // The world's "Utawala", "Uhasibu" and "TEHAMA" are inside the register's longer names; the rest is new.
    expect(byField('department').map((v) => [v.value, v.choice?.action, chosenId(v.choice)])).toEqual([
      [OFFICE_DEPARTMENTS[0], 'map', w.departments.Utawala],
      [OFFICE_DEPARTMENTS[1], 'map', w.departments.Uhasibu],
      [OFFICE_DEPARTMENTS[2], 'map', w.departments.TEHAMA],
      [OFFICE_DEPARTMENTS[3], 'create', undefined],
    ]);
    expect(byField('custodian')).toHaveLength(6);
    expect(byField('location')[0]).toMatchObject({ rows: 4, first_row: register.firstRow });
  });

  it('are made in the same commit as the devices, or not at all', async () => {
    const register = await officeRegister(16);
    const file = fileOf('rejista.xlsx', register.bytes);
    const preview = okValue(await w.call('import.preview', { file }));
    expect(count('locations')).toBe(3);
    // A device registered meanwhile with a serial of the file: the whole commit is refused…
    okValue(await w.call('assets.register', { category: 'laptop', make: 'HP', model: 'X', serial: register.serialOf(15) }));
    const before = snapshotRows(w.core.services.store);
    expectRefused(await w.call('import.commit', { file, mapping: preview.mapping }), 'import-has-errors');
    // …and no place, department or person it would have made is left behind.
    expect(snapshotRows(w.core.services.store)).toEqual(before);
  });

  it('take the user\'s answer: a value mapped to an existing entry, a category with no sure match chosen, and the answers are remembered', async () => {
    const rows = [
      ['Aina', 'Mtengenezaji', 'Modeli', 'Mahali', 'Idara'],
      ['Kamera ya CCTV', 'Hikvision', 'DS-2CD', 'Ghorofa ya Pili', 'Fedha'],
      ['Kamera ya CCTV', 'Hikvision', 'DS-2CD', 'Stoo Kuu', 'Fedha'],
    ];
    const file = fileOf('kamera.xlsx', await workbook(rows));
    const first = okValue(await w.call('import.preview', { file }));
    const camera = first.values.find((v) => v.field === 'category');
    expect(camera).toMatchObject({ value: 'Kamera ya CCTV', rows: 2, choice: null, source: null });
    expect(first.can_create_categories).toBe(true);
    expect(first.entries.location?.map((l) => l.label)).toContain('Ghorofa 2 (Treasury Square)');
    // Waiting for the user: the commit says so instead of guessing.
    expectRefused(await w.call('import.commit', { file, mapping: first.mapping }), 'import-values-unresolved');

    const values: Choices = [
      { field: 'category', value: 'Kamera ya CCTV', action: 'create' },
      { field: 'location', value: 'Ghorofa ya Pili', action: 'map', id: w.locations['Ghorofa 2'] },
      { field: 'department', value: 'Fedha', action: 'map', id: w.departments.Uhasibu },
    ];
    const chosen = okValue(await w.call('import.preview', { file, mapping: first.mapping, values }));
    expect(chosen.values.map((v) => [v.value, v.choice?.action, v.source])).toEqual([
      ['Kamera ya CCTV', 'create', 'given'],
      ['Ghorofa ya Pili', 'map', 'given'],
      ['Fedha', 'map', 'given'],
    ]);
    const result = okValue(await w.call('import.commit', { file, mapping: first.mapping, values }));
    expect(result).toMatchObject({ imported: 2, created: { category: 1, location: 0, department: 0, custodian: 0 } });
    const devices = w.core.services.store.sqlite.prepare('SELECT category, location_id, department_id FROM assets ORDER BY tag').all() as { category: string; location_id: string }[];
    expect(devices[0]).toMatchObject({ location_id: w.locations['Ghorofa 2'], department_id: w.departments.Uhasibu });
    expect(devices[0]?.category).toMatch(/^custom-/);

    // The same register next month: the answers come back like the column mapping.
    const again = okValue(await w.call('import.preview', { file: fileOf('kamera.xlsx', await workbook([rows[0] as string[], ['Printa', 'HP', 'M404', 'Ghorofa ya Pili', 'Fedha']])) }));
    expect(again.mapping_source).toBe('remembered');
    expect(again.values.map((v) => [v.value, v.choice?.action, chosenId(v.choice), v.source])).toEqual([
      ['Ghorofa ya Pili', 'map', w.locations['Ghorofa 2'], 'remembered'],
      ['Fedha', 'map', w.departments.Uhasibu, 'remembered'],
    ]);
    expect(await verifyStore(w.core.services.store, w.core.services.domain)).toMatchObject({ ok: true });
  });

  it('lets only those who may make categories have one made', async () => {
    const { token } = await addUser(w.t, w.token, 'afisa', ['ict_officer'], 'Afisa TEHAMA');
    const file = fileOf('r.csv', csv([['Aina', 'Mtengenezaji', 'Modeli'], ['Kamera ya CCTV', 'Hikvision', 'DS-2CD']]));
    const preview = await w.t.ok(token, 'import.preview', { file });
    expect(preview.can_create_categories).toBe(false);
    const values: Choices = [{ field: 'category', value: 'Kamera ya CCTV', action: 'create' }];
    expectRefused(await w.t.call(token, 'import.commit', { file, mapping: preview.mapping, values }), 'forbidden');
    expect(count('assets')).toBe(0);
  });
});

describe('choosing the heading row', () => {
  it('takes the row the user picks, and finds it again next time from the remembered mapping', async () => {
    const rows = [
      ['REJISTA YA VIFAA'],
      ['Category', 'Make', 'Model', 'Serial'],
      ['Aina', 'Mtengenezaji', 'Modeli', 'Namba ya Serial'],
      ['Laptop', 'HP', 'ProBook 450', 'SN-1'],
    ];
    const file = fileOf('mbili.xlsx', await workbook(rows));
    const found = okValue(await w.call('import.preview', { file }));
    expect(found.header_row).toBe(2);
    const picked = okValue(await w.call('import.preview', { file, header_row: 3 }));
    expect(picked).toMatchObject({ header_row: 3, headers: ['Aina', 'Mtengenezaji', 'Modeli', 'Namba ya Serial'], rows: { total: 1, valid: 1 } });
    expectRefused(await w.call('import.preview', { file, header_row: 9 }), 'import-header-row-not-found');
    okValue(await w.call('import.commit', { file, header_row: 3, mapping: picked.mapping }));
    const next = fileOf('mbili.xlsx', await workbook([...rows.slice(0, 3), ['UPS', 'APC', 'BX650', 'SN-2']]));
    const remembered = okValue(await w.call('import.preview', { file: next }));
    expect(remembered).toMatchObject({ header_row: 3, mapping_source: 'remembered', rows: { total: 1, valid: 1 } });
  });
});

describe('an English register', () => {
  it('is read from its headings on row 3, with plural and brand-name headings, and its total and signature lines skipped', async () => {
    const preview = okValue(await w.call('import.preview', { file: fileOf('assets.xlsx', await englishRegister()) }));
    expect(preview.header_row).toBe(3);
    // "S/N" counts 1, 2, 3 here: the serial is "Serial Number".
    expect(preview.mapping).toEqual({
      category: 'Asset Type',
      make: 'Brand',
      model: 'Model No.',
      serial: 'Serial Number',
      purchase_date: 'Date of Purchase',
      cost_tzs: 'Unit Cost (TZS)',
      location: 'Location',
    });
    expect(preview.rows).toEqual({ total: 3, valid: 3, invalid: 0, skipped: 2 });
    expect(preview.skipped_rows.map((s) => s.reason)).toEqual(['total', 'footer']);
    expect(preview.sample.map((s) => [s.values?.category, s.values?.purchase_date, s.values?.cost_tzs])).toEqual([
      ['external_drive', '2024-07-03', 310_000],
      ['desktop', '2023-11-02', 1_450_000],
      ['printer', '2024-01-30', 980_000],
    ]);
  });

  it('warns of a column that looks like a known field but is left unmapped', async () => {
    const file = fileOf('assets.xlsx', await englishRegister());
    const { mapping } = okValue(await w.call('import.preview', { file }));
    const { serial: _dropped, ...withoutSerial } = mapping;
    const preview = okValue(await w.call('import.preview', { file, mapping: withoutSerial }));
    expect(preview.lookalikes).toEqual([{ column: 'Serial Number', field: 'serial' }]);
  });
});

describe("Snipe-IT's full export", () => {
  it('maps "Checked Out To: First Name, Last Name, Email" to the custodian, finding people by name or email and adding the rest', async () => {
    okValue(await w.call('people.update', { person_id: w.people['Zuhura Said'], full_name: 'Zuhura Said', check_number: '100230', title: 'Afisa', email: 'zuhura.said@maji.go.tz' }));
    const file = fileOf('assets-export.csv', snipeItExport());
    const preview = okValue(await w.call('import.preview', { file }));
    expect(preview.mapping).toMatchObject({ custodian: 'Checked Out To: First Name', custodian_last_name: 'Checked Out To: Last Name', custodian_email: 'Checked Out To: Email' });
    expect(preview.values.filter((v) => v.field === 'custodian').map((v) => [v.value, v.choice?.action])).toEqual([['Paulo Kimaro', 'create']]);
    const result = okValue(await w.call('import.commit', { file, mapping: preview.mapping }));
    expect(result).toMatchObject({ imported: 4, created: { custodian: 1 } });
    const held = w.core.services.store.sqlite
      .prepare('SELECT a.tag, p.full_name, p.email FROM assets a LEFT JOIN people p ON p.id = a.custodian_id ORDER BY a.tag')
      .all();
    expect(held).toEqual([
      { tag: 'MW-0101', full_name: 'Zuhura Said', email: 'zuhura.said@maji.go.tz' },
      { tag: 'MW-0102', full_name: 'Hamisi Juma', email: '' },
      { tag: 'MW-0103', full_name: 'Paulo Kimaro', email: 'paulo.kimaro@maji.go.tz' },
      { tag: 'MW-0104', full_name: null, email: null },
    ]);
  });
});

describe('rows in error', () => {
  const faults = { 2: 'impossible-date', 7: 'negative-cost', 11: 'no-model' } as const;

  it('stop the commit unless the user leaves them out; then the rest go in at once and the journal verifies', async () => {
    const register = await officeRegister(24, faults);
    const file = fileOf('rejista.xlsx', register.bytes);
    const { mapping, rows } = okValue(await w.call('import.preview', { file }));
    expect(rows).toEqual({ total: 24, valid: 21, invalid: 3, skipped: 3 });
    expectRefused(await w.call('import.commit', { file, mapping }), 'import-has-errors');
    expect(count('assets')).toBe(0);
    const result = okValue(await w.call('import.commit', { file, mapping, leave_out_invalid: true }));
    expect(result).toMatchObject({ imported: 21, left_out: 3, created: { location: 4, department: 1, custodian: 6 } });
    const serials = (w.core.services.store.sqlite.prepare('SELECT serial FROM assets').all() as { serial: string }[]).map((r) => r.serial);
    for (const index of Object.keys(faults)) expect(serials).not.toContain(register.serialOf(Number(index)));
    expect(await verifyStore(w.core.services.store, w.core.services.domain)).toMatchObject({ ok: true });
  });

  it('can be saved as a workbook of the same columns with what is wrong, in the user\'s language, to fix and import again', async () => {
    const register = await officeRegister(24, faults);
    const file = fileOf('Rejista ya Maji.xlsx', register.bytes);
    const { mapping } = okValue(await w.call('import.preview', { file }));
    const saved = okValue(await w.call('import.rejects', { file, mapping, language: 'en' }));
    expect(saved.filename).toBe('Rejista ya Maji-rows-with-errors.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(saved.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).values).toEqual([undefined, ...SWAHILI_HEADINGS, 'Errors', 'Row in the original file']);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(13).value).toBe(`Purchase date: "31/02/2023" (cell F${register.faultyRows[0]}) is not a real date: the calendar has no such day.`);
    expect(sheet.getRow(3).getCell(13).value).toContain('The cost cannot be negative');
    expect(sheet.getRow(4).getCell(14).value).toBe(register.faultyRows[2]);
    // Corrected, the saved rows import like any register.
    sheet.getRow(2).getCell(6).value = '28/02/2023';
    sheet.getRow(3).getCell(7).value = '2,300,000';
    sheet.getRow(4).getCell(4).value = 'ThinkPad E14 Gen 2';
    const fixed = fileOf('fixed.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const again = okValue(await w.call('import.preview', { file: fixed }));
    expect(again.rows).toMatchObject({ total: 3, valid: 3, invalid: 0 });
  });
});

describe('the import inputs', () => {
  it('refuse a field they do not know, naming it', async () => {
    const file = fileOf('r.csv', csv([['Aina', 'Mtengenezaji', 'Modeli'], ['UPS', 'APC', 'BX650']]));
    const error = expectRefused(await w.callRaw('import.preview', { file, maping: {} }), 'invalid-input');
    expect(JSON.stringify(error)).toContain('maping');
    expectRefused(await w.callRaw('import.commit', { file: { ...file, size: 3 }, mapping: {} }), 'invalid-input');
  });
});
