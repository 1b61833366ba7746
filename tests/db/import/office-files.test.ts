// Registers as offices' real files hold them: CSV saved by Excel in every locale and code page, pages
// printed with their headings repeated, workbooks with several sheets, formulas, links, rich text,
// merged and hidden cells, files that are not what their name says, and values typed with stray
// spaces, capitals and repeats.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, okValue } from '../../helpers/core.ts';
import { csv, fileOf, openImportWorld, type ImportWorld, type PreviewValue } from '../../helpers/import-files.ts';

const HEADERS = ['Namba ya Kifaa', 'Aina', 'Mtengenezaji', 'Modeli', 'Namba ya Utambulisho', 'Tarehe ya Kununua', 'Bei', 'Mahali', 'Mtumiaji'];

type Row = string[];
let n = 0;
function device(overrides: Partial<Record<(typeof HEADERS)[number], string>> = {}): Row {
  n += 1;
  const base: Record<string, string> = {
    'Namba ya Kifaa': `OF/ICT/${String(n).padStart(3, '0')}`,
    Aina: 'Laptop',
    Mtengenezaji: 'HP',
    Modeli: 'ProBook 450',
    'Namba ya Utambulisho': `SN-OF-${n}`,
    'Tarehe ya Kununua': '12/03/2023',
    Bei: '2,450,000',
    Mahali: 'Ghorofa 2',
    Mtumiaji: '100230',
    ...overrides,
  };
  return HEADERS.map((h) => base[h] as string);
}

let w: ImportWorld;
beforeAll(async () => {
  w = await openImportWorld();
});
afterAll(() => w.core.close());

const preview = async (name: string, bytes: Uint8Array | string, extra: Record<string, unknown> = {}) =>
  okValue(await w.call('import.preview', { file: fileOf(name, bytes), ...extra }));

function encode1252(text: string): Buffer {
  return Buffer.from([...text].map((c) => c.charCodeAt(0)));
}

async function book(fill: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const b = new ExcelJS.Workbook();
  fill(b);
  return Buffer.from(await b.xlsx.writeBuffer());
}

describe('CSV files as Excel saves them', () => {
  it('reads a UTF-8 file with a BOM: the first heading is not spoilt by it', async () => {
    const p = await preview('r.csv', '\uFEFF' + csv([HEADERS, device()]));
    expect(p.headers[0]).toBe('Namba ya Kifaa');
    expect(p.mapping.tag).toBe('Namba ya Kifaa');
    expect(p.rows).toMatchObject({ total: 1, valid: 1 });
  });

  it('reads a semicolon file whose costs hold commas, and costs written with a decimal comma as such locales write them', async () => {
    const rows = [device(), device({ Bei: '1,200,000' }), device({ Bei: '2450000,00' }), device({ Bei: '310.000,00' }), device({ Bei: '2 450 000,00' })];
    const p = await preview('r.csv', csv([HEADERS, ...rows], ';'));
    expect(p.rows).toMatchObject({ total: 5, valid: 5 });
    expect(p.sample.map((s) => s.values?.cost_tzs)).toEqual([2_450_000, 1_200_000, 2_450_000, 310_000, 2_450_000]);
  });

  it('reads accented names of a Windows-1252 file and keeps them', async () => {
    const text = csv([HEADERS, device({ Mtumiaji: 'José Müller', Mahali: 'Ofisi ya Mkurugenzi – Kitengo' }), device({ Mtumiaji: 'Zuhura Saïd' })]);
    const p = await preview('r.csv', encode1252(text.replace('–', '-')));
    expect(p.rows).toMatchObject({ total: 2, valid: 2 });
    expect(p.values.map((v) => v.value)).toEqual(expect.arrayContaining(['José Müller', 'Ofisi ya Mkurugenzi - Kitengo']));
    // "Zuhura Saïd" is Zuhura Said already registered.
    expect(p.sample[1]?.values).toMatchObject({ custodian_id: w.people['Zuhura Said'] });
  });

  it('reads lines ending CR LF, LF, or CR alone (Excel for Mac)', async () => {
    for (const end of ['\r\n', '\n', '\r']) {
      const text = [HEADERS, device(), device()].map((r) => r.join(',')).join(end) + end;
      const p = await preview('r.csv', text);
      expect(p.rows).toMatchObject({ total: 2, valid: 2 });
      expect(p.sample.map((s) => s.row)).toEqual([2, 3]);
    }
  });

  it('keeps a quoted note written over several lines in its row, and numbers the rows as Excel does', async () => {
    const headers = [...HEADERS, 'Maelezo'];
    const text = csv([headers, [...device(), 'Skrini imepasuka;\r\nbetri dhaifu'], [...device(), '']]);
    const p = await preview('r.csv', text);
    expect(p.rows).toMatchObject({ total: 2, valid: 2 });
    expect(p.sample.map((s) => s.row)).toEqual([2, 3]);
    expect(p.sample[0]?.values?.notes).toMatch(/Skrini imepasuka;\s+betri dhaifu/);
  });

  it('ignores empty columns at the end of every line', async () => {
    const text = [HEADERS, device(), device()].map((r) => [...r, '', '', ''].join(',')).join('\r\n');
    const p = await preview('r.csv', text);
    expect(p.headers).toEqual(HEADERS);
    expect(p.rows).toMatchObject({ total: 2, valid: 2, invalid: 0 });
  });

  it('skips the headings repeated at the top of every printed page, and a page number line', async () => {
    const text = csv([HEADERS, device(), device(), ['Ukurasa 1 wa 2'], HEADERS, device(), HEADERS.map((h) => h.toUpperCase()), device()]);
    const p = await preview('r.csv', text);
    expect(p.rows).toMatchObject({ total: 4, valid: 4, invalid: 0 });
    expect(p.values).toEqual([]);
    expect(p.skipped_rows.map((s) => [s.row, s.reason])).toEqual([
      [4, 'page'],
      [5, 'header'],
      [7, 'header'],
    ]);
  });

  it('obeys the "sep=;" line Excel writes and reads, and numbers the rows as Excel shows them without it', async () => {
    const text = 'sep=;\r\n' + csv([HEADERS, device(), device({ 'Tarehe ya Kununua': '31/02/2023' })], ';');
    const p = await preview('r.csv', text);
    expect(p.header_row).toBe(1);
    expect(p.headers).toEqual(HEADERS);
    expect(p.rows).toMatchObject({ total: 2, valid: 1, invalid: 1 });
    // Excel hides the line: the bad date is in F3 on the screen the user corrects it in.
    expect(p.invalid_rows.map((r) => [r.row, r.errors[0]?.cell])).toEqual([[3, 'F3']]);
  });

  it('reads "Unicode text" as Excel saves it: UTF-16 with tabs', async () => {
    const text = [HEADERS, device({ Mtumiaji: 'Rehema Mollel' })].map((r) => r.join('\t')).join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const p = await preview('r.txt', bytes);
    expect(p.headers).toEqual(HEADERS);
    expect(p.sample[0]?.values).toMatchObject({ custodian_id: w.people['Rehema Mollel'] });
  });

  it('lists a note carried onto the next line and a line numbered but never filled as skipped, not as rows in error', async () => {
    const headers = ['Na.', ...HEADERS, 'Maelezo'];
    const text = csv([
      headers,
      ['1', ...device(), 'Skrini imepasuka, betri'],
      ['', '', '', '', '', '', '', '', '', '', 'haishiki chaji'],
      ['2', ...device(), ''],
      ['3', '', '', '', '', '', '', '', '', '', ''],
      ['4', ...device(), ''],
    ]);
    const p = await preview('r.csv', text);
    expect(p.rows).toMatchObject({ total: 3, valid: 3, invalid: 0, skipped: 2 });
    expect(p.skipped_rows).toEqual([
      { row: 3, reason: 'no-device', text: 'haishiki chaji' },
      { row: 5, reason: 'no-device', text: '3' },
    ]);
  });

  it('reads ="00123", as systems export a tag or serial for Excel, as 00123 with its zeros', async () => {
    const line = (r: Row) => r.map((c, i) => (i === 0 || i === 4 ? `="${c}"` : c)).join(',');
    const text = [HEADERS.join(','), line(device({ 'Namba ya Kifaa': '00123', 'Namba ya Utambulisho': '0045-A' }))].join('\r\n');
    const p = await preview('erp.csv', text);
    expect(p.sample[0]?.values).toMatchObject({ tag: '00123', serial: '0045-A' });
  });

  it('tells apart columns with the same heading, even beside one already numbered', async () => {
    const headers = [...HEADERS, 'Maelezo', 'Maelezo (2)', 'Maelezo'];
    const p = await preview('r.csv', csv([headers, [...device(), 'ya kwanza', 'ya pili', 'ya tatu']]));
    expect(p.headers.slice(-3)).toEqual(['Maelezo', 'Maelezo (2)', 'Maelezo (3)']);
    expect(p.mapping.notes).toBe('Maelezo');
    const chosen = await preview('r.csv', csv([headers, [...device(), 'ya kwanza', 'ya pili', 'ya tatu']]), { mapping: { ...p.mapping, notes: 'Maelezo (3)' } });
    expect(chosen.sample[0]?.values?.notes).toBe('ya tatu');
  });

  it('refuses a picture or a document renamed .csv, writing nothing', async () => {
    const before = w.journalCount();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), Buffer.alloc(200, 0)]);
    expectRefused(await w.call('import.preview', { file: fileOf('rejista.csv', png) }), 'import-unreadable');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), Buffer.from([0, 0, 0, 1, 2, 3])]);
    expectRefused(await w.call('import.preview', { file: fileOf('rejista.csv', pdf) }), 'import-unreadable');
    expect(w.journalCount()).toBe(before);
  });
});

describe('Excel workbooks as offices keep them', () => {
  it('finds the register on the sheet that holds it when a notes sheet comes first, and lets the user pick another', async () => {
    const bytes = await book((b) => {
      const notes = b.addWorksheet('Maelekezo');
      notes.addRow(['Jaza rejista kwenye karatasi ya pili.']);
      notes.addRow(['Usibadilishe vichwa.']);
      const summary = b.addWorksheet('Muhtasari');
      summary.addRow(['Aina', 'Idadi']);
      summary.addRow(['Laptop', 2]);
      const register = b.addWorksheet('Rejista 2025');
      register.addRow(HEADERS);
      register.addRow(device());
      register.addRow(device());
    });
    const p = await preview('r.xlsx', bytes);
    expect(p.sheets).toEqual(['Maelekezo', 'Muhtasari', 'Rejista 2025']);
    expect(p.sheet).toBe('Rejista 2025');
    expect(p.rows).toMatchObject({ total: 2, valid: 2 });
    const chosen = await preview('r.xlsx', bytes, { sheet: 'Muhtasari' });
    expect(chosen.sheet).toBe('Muhtasari');
  });

  it('returns by itself to the sheet imported before, whose headings the user mapped by hand', async () => {
    const bytes = await book((b) => {
      const summary = b.addWorksheet('Muhtasari');
      summary.addRow(['Aina', 'Idadi']);
      summary.addRow(['Laptop', 2]);
      const list = b.addWorksheet('Orodha');
      list.addRow(['Kitu', 'Kampuni', 'Toleo']);
      list.addRow(['Laptop', 'Dell', 'Latitude 5420']);
    });
    expect((await preview('o.xlsx', bytes)).sheet).toBe('Muhtasari');
    const mapping = { category: 'Kitu', make: 'Kampuni', model: 'Toleo' };
    const chosen = await preview('o.xlsx', bytes, { sheet: 'Orodha', mapping });
    expect(chosen.rows).toMatchObject({ total: 1, valid: 1 });
    okValue(await w.call('import.commit', { file: fileOf('o.xlsx', bytes), sheet: 'Orodha', mapping, values: [] }));
    const next = await preview('o.xlsx', bytes);
    expect(next.sheet).toBe('Orodha');
    expect(next.mapping_source).toBe('remembered');
  });

  it('skips a hidden sheet, reads hidden rows and columns as the data they are, and names the hidden rows it read', async () => {
    const bytes = await book((b) => {
      const old = b.addWorksheet('Zamani', { state: 'hidden' });
      old.addRow(HEADERS);
      old.addRow(device());
      const register = b.addWorksheet('Rejista');
      register.addRow(HEADERS);
      register.addRow(device());
      register.addRow(device());
      register.getRow(3).hidden = true;
      register.getColumn(9).hidden = true;
    });
    const p = await preview('r.xlsx', bytes);
    expect(p.sheet).toBe('Rejista');
    expect(p.rows).toMatchObject({ total: 2, valid: 2 });
    expect(p.sample[1]?.values).toMatchObject({ custodian_id: w.people['Zuhura Said'] });
    // Hidden rows may be devices hidden rather than deleted: the preview says which were read.
    expect(p.hidden_rows).toEqual({ count: 1, rows: [3] });
  });

  it('reads formulas by their last computed result, rich text as its words, a link by its text', async () => {
    const bytes = await book((b) => {
      const s = b.addWorksheet('Rejista');
      s.addRow([...HEADERS, 'Barua pepe']);
      const row = device();
      s.addRow([
        { formula: 'CONCATENATE("OF/ICT/","900")', result: 'OF/ICT/900' },
        { richText: [{ text: 'Lap', font: { bold: true } }, { text: 'top' }] },
        row[2],
        { richText: [{ text: 'ProBook ' }, { text: '450', font: { italic: true } }] },
        row[4],
        { formula: 'DATE(2023,3,12)', result: new Date(Date.UTC(2023, 2, 12)) },
        { formula: 'B9*2', result: 2_450_000 },
        row[7],
        { text: 'Zuhura Said', hyperlink: 'mailto:zuhura@maji.go.tz' },
        { text: 'zuhura@maji.go.tz', hyperlink: 'mailto:zuhura@maji.go.tz' },
      ]);
    });
    const p = await preview('r.xlsx', bytes);
    expect(p.rows).toMatchObject({ total: 1, valid: 1 });
    expect(p.sample[0]?.values).toMatchObject({ tag: 'OF/ICT/900', category: 'laptop', model: 'ProBook 450', purchase_date: '2023-03-12', cost_tzs: 2_450_000, custodian_id: w.people['Zuhura Said'] });
  });

  it('reads numbers stored as text, and dates stored as text (day first, English with "1st", a day number) or as Excel day numbers, and Excel\'s day 0 as no date', async () => {
    const bytes = await book((b) => {
      const s = b.addWorksheet('Rejista');
      s.addRow(HEADERS);
      s.addRow(device({ Bei: '2450000', 'Tarehe ya Kununua': '05/01/2024' }));
      const r = device();
      s.addRow([...r.slice(0, 5), 45_000, 980_000, ...r.slice(7, 8), 100231]);
      // A date pasted as values into a column formatted as text, and one typed the English way.
      s.addRow(device({ 'Tarehe ya Kununua': '45000', Bei: '310000.00' }));
      s.addRow(device({ 'Tarehe ya Kununua': '1st March 2024' }));
      s.addRow(device({ 'Tarehe ya Kununua': 'March 22nd, 2024' }));
      // A date cell a formula left at day 0, which Excel shows as 00/01/1900: no date.
      const zero = device();
      s.addRow([...zero.slice(0, 5), new Date(Date.UTC(1899, 11, 30)), ...zero.slice(6)]);
    });
    const p = await preview('r.xlsx', bytes);
    expect(p.rows).toMatchObject({ total: 6, valid: 6 });
    expect(p.sample.map((s) => [s.values?.purchase_date, s.values?.cost_tzs])).toEqual([
      ['2024-01-05', 2_450_000],
      ['2023-03-15', 980_000],
      ['2023-03-15', 310_000],
      ['2024-03-01', 2_450_000],
      ['2024-03-22', 2_450_000],
      ['', 2_450_000],
    ]);
    expect(p.sample[1]?.values).toMatchObject({ custodian_id: w.people['Hamisi Juma'] });
  });

  it('gives every row of a merged department cell the department, and the merged category too', async () => {
    const bytes = await book((b) => {
      const s = b.addWorksheet('Rejista');
      s.addRow([...HEADERS, 'Idara']);
      for (let i = 0; i < 4; i += 1) s.addRow([...device(), i === 0 ? 'Uhasibu' : null]);
      s.mergeCells('J2:J5');
      s.mergeCells('B2:B3');
    });
    const p = await preview('r.xlsx', bytes);
    expect(p.rows).toMatchObject({ total: 4, valid: 4 });
    expect(p.sample.map((s) => s.values?.department_id)).toEqual(Array(4).fill(w.departments.Uhasibu));
  });

  it('reads headings printed on two rows, a group merged over its sub-headings, and takes neither row for a device, on any page', async () => {
    const bytes = await book((b) => {
      const s = b.addWorksheet('Rejista');
      s.addRow(['Na.', 'Aina ya Kifaa', 'Mtengenezaji', 'Modeli', 'Namba ya Utambulisho', 'Ununuzi', null, 'Mtumiaji', null]);
      s.addRow([null, null, null, null, null, 'Tarehe', 'Bei (TZS)', 'Jina', 'Namba ya Cheki']);
      for (const column of ['A', 'B', 'C', 'D', 'E']) s.mergeCells(`${column}1:${column}2`);
      s.mergeCells('F1:G1');
      s.mergeCells('H1:I1');
      s.addRow([1, 'Laptop', 'HP', 'ProBook 450', 'TWO-ROW-1', '12/03/2023', 2_450_000, 'Zuhura Said', '100230']);
      // The next page repeats both rows of headings.
      s.addRow(['Na.', 'Aina ya Kifaa', 'Mtengenezaji', 'Modeli', 'Namba ya Utambulisho', 'Ununuzi', 'Ununuzi', 'Mtumiaji', 'Mtumiaji']);
      s.addRow(['Na.', 'Aina ya Kifaa', 'Mtengenezaji', 'Modeli', 'Namba ya Utambulisho', 'Tarehe', 'Bei (TZS)', 'Jina', 'Namba ya Cheki']);
      s.addRow([2, 'Printa', 'HP', 'LaserJet M404', 'TWO-ROW-2', '05/01/2024', 980_000, 'Hamisi Juma', '100231']);
    });
    const p = await preview('r.xlsx', bytes);
    expect(p.header_row).toBe(1);
    expect(p.headers.slice(5)).toEqual(['Ununuzi: Tarehe', 'Ununuzi: Bei (TZS)', 'Mtumiaji: Jina', 'Mtumiaji: Namba ya Cheki']);
    expect(p.mapping).toMatchObject({ purchase_date: 'Ununuzi: Tarehe', cost_tzs: 'Ununuzi: Bei (TZS)', custodian: 'Mtumiaji: Jina' });
    expect(p.values).toEqual([]);
    expect(p.rows).toMatchObject({ total: 2, valid: 2, invalid: 0, skipped: 2 });
    expect(p.skipped_rows.map((r) => [r.row, r.reason])).toEqual([
      [4, 'header'],
      [5, 'header'],
    ]);
    expect(p.sample.map((s) => [s.row, s.values?.purchase_date, s.values?.cost_tzs, s.values?.custodian_id])).toEqual([
      [3, '2023-03-12', 2_450_000, w.people['Zuhura Said']],
      [6, '2024-01-05', 980_000, w.people['Hamisi Juma']],
    ]);
  });

  it('skips the title of each group of devices merged across the table, and still reads every device', async () => {
    const bytes = await book((b) => {
      const s = b.addWorksheet('Rejista');
      s.addRow(HEADERS);
      s.addRow(['IDARA YA UHASIBU']);
      s.mergeCells('A2:I2');
      s.addRow(device());
      s.addRow(device());
      s.addRow(['IDARA YA TEHAMA']);
      s.mergeCells('A5:I5');
      s.addRow(device());
    });
    const p = await preview('r.xlsx', bytes);
    expect(p.rows).toMatchObject({ total: 3, valid: 3, invalid: 0, skipped: 2 });
    expect(p.values).toEqual([]);
    expect(p.skipped_rows).toEqual([
      { row: 2, reason: 'section', text: 'IDARA YA UHASIBU' },
      { row: 5, reason: 'section', text: 'IDARA YA TEHAMA' },
    ]);
  });

  it('refuses a workbook without a single cell, and a CSV of blank lines, as empty', async () => {
    const bytes = await book((b) => {
      b.addWorksheet('Sheet1');
    });
    expectRefused(await w.call('import.preview', { file: fileOf('tupu.xlsx', bytes) }), 'file-empty');
    expectRefused(await w.call('import.preview', { file: fileOf('tupu.csv', '\uFEFF\r\n;;;\r\n') }), 'file-empty');
  });

  it('refuses a file that is no workbook but is named .xlsx (a CSV, a PDF, a Word document), writing nothing', async () => {
    const before = w.journalCount();
    expectRefused(await w.call('import.preview', { file: fileOf('rejista.xlsx', csv([HEADERS, device()])) }), 'import-unreadable');
    expectRefused(await w.call('import.preview', { file: fileOf('rejista.xlsx', Buffer.from('%PDF-1.4\n')) }), 'import-unreadable');
    // A Word document is a zip too, with no worksheet in it.
    const docx = new JSZip();
    docx.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    docx.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>');
    const bytes = await docx.generateAsync({ type: 'nodebuffer' });
    expectRefused(await w.call('import.preview', { file: fileOf('rejista.xlsx', bytes) }), 'import-unreadable');
    expect(w.journalCount()).toBe(before);
  });

  it('refuses a cell far longer than any field, naming the cell and its length, without sending the whole cell back', async () => {
    const before = w.journalCount();
    const huge = 'x'.repeat(100_000);
    const bytes = await book((b) => {
      const s = b.addWorksheet('Rejista');
      s.addRow([...HEADERS, 'Maelezo']);
      s.addRow([...device(), huge]);
      s.addRow([...device({ Aina: huge }), '']);
      s.addRow([...device({ Mahali: huge }), '']);
      s.addRow([...device(), 'sawa']);
    });
    const result = await w.call('import.preview', { file: fileOf('r.xlsx', bytes) });
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
    const p = okValue<PreviewValue>(result);
    expect(p.rows).toMatchObject({ total: 4, valid: 1, invalid: 3 });
    // Nothing for the user to choose about a value no list can hold.
    expect(p.values).toEqual([]);
    expect(p.invalid_rows.map((r) => r.errors.map((e) => [e.field, e.cell, e.message, e.params?.length, e.value.length <= 121]))).toEqual([
      [['notes', 'J2', 'import.errors.too-long', 100_000, true]],
      [['category', 'B3', 'import.errors.too-long', 100_000, true]],
      [['location', 'H4', 'import.errors.too-long', 100_000, true]],
    ]);
    // Left out, the rest commit; the rows to correct open in Excel, whose cells hold at most 32,767 characters.
    const rejects = okValue(await w.call('import.rejects', { file: fileOf('r.xlsx', bytes), mapping: p.mapping, values: [] }));
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(Buffer.from(rejects.base64, 'base64') as unknown as ArrayBuffer);
    const longest = Math.max(...(out.worksheets[0]?.getSheetValues() ?? []).flat().map((v) => (typeof v === 'string' ? v.length : 0)));
    expect(longest).toBeLessThanOrEqual(32_767);
    expect(w.journalCount()).toBe(before);
  });
});

describe('a heading pasted whole from a document', () => {
  it('is cut to a length a mapping can name, so the column can still be mapped', async () => {
    const long = `Maelezo ${'ya kina '.repeat(12_000)}`;
    const text = csv([[...HEADERS, long], [...device(), 'sawa']]);
    const result = await w.call('import.preview', { file: fileOf('r.csv', text) });
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
    const p = okValue<PreviewValue>(result);
    const heading = p.headers[HEADERS.length] as string;
    expect(heading.length).toBeLessThanOrEqual(200);
    const mapped = await preview('r.csv', text, { mapping: { ...p.mapping, notes: heading } });
    expect(mapped.sample[0]?.values?.notes).toBe('sawa');
  });
});

describe('values typed by hand', () => {
  it('flags a serial repeated in the file whatever its case and spacing, and one already registered', async () => {
    const first = device({ 'Namba ya Utambulisho': 'CND-7788' });
    const text = csv([HEADERS, first]);
    okValue(await w.call('import.commit', { file: fileOf('a.csv', text), mapping: (await preview('a.csv', text)).mapping, values: [] }));
    const again = csv([HEADERS, device({ 'Namba ya Utambulisho': ' abc-1 ' }), device({ 'Namba ya Utambulisho': 'ABC-1\u00a0' }), device({ 'Namba ya Utambulisho': 'cnd-7788' })]);
    const p = await preview('b.csv', again);
    expect(p.invalid_rows.map((r) => [r.row, r.errors.map((e) => e.message)])).toEqual([
      [3, ['import.errors.duplicate-serial']],
      [4, ['errors.serial-taken']],
    ]);
  });

  it('flags a tag already in the register', async () => {
    const text = csv([HEADERS, device({ 'Namba ya Kifaa': 'TG/1' })]);
    okValue(await w.call('import.commit', { file: fileOf('a.csv', text), mapping: (await preview('a.csv', text)).mapping, values: [] }));
    const p = await preview('b.csv', csv([HEADERS, device({ 'Namba ya Kifaa': 'tg/1 ' })]));
    expect(p.invalid_rows.map((r) => r.errors.map((e) => e.message))).toEqual([['errors.tag-taken']]);
  });

  it('trims spaces and non-breaking spaces around every value, and reads capitals as the same words', async () => {
    const nb = '\u00a0';
    const text = csv([
      HEADERS,
      device({ 'Namba ya Kifaa': `${nb}WS/1${nb}`, Aina: ' LAPTOP ', Mtengenezaji: `${nb}HP `, Modeli: ' ProBook\u200b 450 ', Mahali: `GHOROFA${nb}2`, Mtumiaji: ' ZUHURA  SAID ', Bei: `2${nb}450${nb}000` }),
    ]);
    const p = await preview('c.csv', text);
    expect(p.rows).toMatchObject({ total: 1, valid: 1 });
    expect(p.values).toEqual([]);
    expect(p.sample[0]?.values).toMatchObject({ tag: 'WS/1', category: 'laptop', make: 'HP', model: 'ProBook 450', location_id: w.locations['Ghorofa 2'], custodian_id: w.people['Zuhura Said'], cost_tzs: 2_450_000 });
  });

  it('reads "N/A", a dash and "Hakuna" as nothing: no place or person is made of them, and no two devices clash over an "N/A" serial', async () => {
    const before = { people: w.core.services.store.sqlite.prepare('SELECT count(*) AS n FROM people').get() };
    const text = csv([
      HEADERS,
      device({ 'Namba ya Kifaa': '', 'Namba ya Utambulisho': 'N/A', Mahali: '-', Mtumiaji: 'Hakuna', Bei: '-', 'Tarehe ya Kununua': 'N/A' }),
      device({ 'Namba ya Kifaa': '', 'Namba ya Utambulisho': 'n/a', Mahali: 'N/A', Mtumiaji: '—', Bei: '' }),
      device({ 'Namba ya Kifaa': '', 'Namba ya Utambulisho': 'Haijulikani', Mahali: 'nil' }),
    ]);
    const p = await preview('na.csv', text);
    expect(p.invalid_rows).toEqual([]);
    expect(p.values).toEqual([]);
    expect(p.sample.map((s) => [s.values?.serial, s.values?.location_id, s.values?.custodian_id, s.values?.cost_tzs, s.values?.purchase_date])).toEqual([
      ['', null, null, null, ''],
      ['', null, null, null, '2023-03-12'],
      ['', null, w.people['Zuhura Said'], 2_450_000, '2023-03-12'],
    ]);
    okValue(await w.call('import.commit', { file: fileOf('na.csv', text), mapping: p.mapping, values: [] }));
    expect(w.core.services.store.sqlite.prepare('SELECT count(*) AS n FROM people').get()).toEqual(before.people);
    // Imported again, an "N/A" serial is still no serial, so nothing clashes with the devices just registered.
    const again = await preview('na2.csv', csv([HEADERS, device({ 'Namba ya Utambulisho': 'N/A' })]));
    expect(again.invalid_rows).toEqual([]);
  });

  it('names a cell where Excel shows an error (#N/A of a failed lookup) instead of making a person or place of it', async () => {
    const bytes = await book((b) => {
      const s = b.addWorksheet('Rejista');
      s.addRow(HEADERS);
      const r = device();
      s.addRow([...r.slice(0, 7), { formula: 'VLOOKUP(A2,Maeneo!A:B,2,0)', result: { error: '#N/A' } }, { formula: 'VLOOKUP(A2,Watu!A:B,2,0)', result: { error: '#REF!' } }]);
      s.addRow(device({ Modeli: '#VALUE!' }));
    });
    const p = await preview('r.xlsx', bytes);
    expect(p.values).toEqual([]);
    expect(p.invalid_rows.map((r) => [r.row, r.errors.map((e) => [e.field, e.cell, e.message, e.value])])).toEqual([
      [
        2,
        [
          ['location', 'H2', 'import.errors.excel-error', '#N/A'],
          ['custodian', 'I2', 'import.errors.excel-error', '#REF!'],
        ],
      ],
      [3, [['model', 'D3', 'import.errors.excel-error', '#VALUE!']]],
    ]);
  });

  it('makes a new place or person under the spelling not in capitals, whichever row comes first', async () => {
    const text = csv([
      HEADERS,
      device({ Mahali: 'OFISI YA MKURUGENZI MSAIDIZI', Mtumiaji: 'NEEMA ELIAS MUSHI' }),
      device({ Mahali: 'Ofisi ya Mkurugenzi Msaidizi', Mtumiaji: 'Neema Elias Mushi' }),
      device({ Mahali: 'ofisi ya mkurugenzi msaidizi', Mtumiaji: 'NEEMA ELIAS MUSHI' }),
    ]);
    const p = await preview('caps.csv', text);
    expect(p.values.map((v) => [v.field, v.value, v.rows, v.first_row])).toEqual([
      ['location', 'Ofisi ya Mkurugenzi Msaidizi', 3, 2],
      ['custodian', 'Neema Elias Mushi', 3, 2],
    ]);
    okValue(await w.call('import.commit', { file: fileOf('caps.csv', text), mapping: p.mapping, values: [] }));
    const names = w.core.services.store.sqlite.prepare("SELECT full_name FROM people WHERE full_name LIKE '%Mushi%' COLLATE NOCASE").all();
    expect(names).toEqual([{ full_name: 'Neema Elias Mushi' }]);
  });

  it('tells a control character pasted into a place or a person\'s name in its row, instead of failing the whole preview', async () => {
    const text = csv([HEADERS, device({ Mahali: 'Ofisi\u0007 ya Mhasibu', Mtumiaji: 'Juma\u0001 Ali' }), device()]);
    const result = await w.call('import.preview', { file: fileOf('r.csv', text) });
    const p = okValue<PreviewValue>(result);
    expect(p.values).toEqual([]);
    expect(p.rows).toMatchObject({ total: 2, valid: 1, invalid: 1 });
    expect(p.invalid_rows[0]?.errors.map((e) => [e.field, e.cell, e.message])).toEqual([
      ['location', 'H2', 'validation.control-characters'],
      ['custodian', 'I2', 'validation.control-characters'],
    ]);
  });

  it('refuses a serial whose digits Excel lost (3.56789E+14 in a CSV, a number cell past 15 digits), so devices do not share it', async () => {
    const text = csv([HEADERS, device({ 'Namba ya Utambulisho': '3.56789E+14' }), device({ 'Namba ya Utambulisho': '3,56789E+14' }), device({ 'Namba ya Utambulisho': '356789012345678' })]);
    const p = await preview('imei.csv', text);
    expect(p.invalid_rows.map((r) => [r.row, r.errors.map((e) => [e.field, e.message, e.value])])).toEqual([
      [2, [['serial', 'import.errors.digits-lost', '3.56789E+14']]],
      [3, [['serial', 'import.errors.digits-lost', '3,56789E+14']]],
    ]);
    const bytes = await book((b) => {
      const s = b.addWorksheet('Rejista');
      s.addRow(HEADERS);
      const r = device();
      s.addRow([...r.slice(0, 4), 8_944_500_012_345_678_000, ...r.slice(5)]);
      s.addRow([...r.slice(0, 4), 356_789_012_345_678, ...r.slice(5)].map((c, i) => (i === 0 ? 'OF/ICT/IMEI' : c)));
    });
    const q = await preview('imei.xlsx', bytes);
    expect(q.invalid_rows.map((r) => [r.row, r.errors.map((e) => e.message)])).toEqual([[2, ['import.errors.digits-lost']]]);
    expect(q.sample[1]?.values).toMatchObject({ serial: '356789012345678' });
  });
});
