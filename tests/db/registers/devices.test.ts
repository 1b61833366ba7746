// The equipment register as people who work in Excel receive it: their language, their dates, numbers
// that add up, and nothing a spreadsheet would run.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../db/import/mapping.ts';
import { HYPERLINK, NOTES_WITH_EVERYTHING, columnOf, csvColumn, exportRegister, openRegisterOffice, readCsv, readXlsx, type RegisterOffice } from '../../helpers/registers.ts';

const SW_HEADERS = [
  'Namba ya kifaa',
  'Aina ya kifaa',
  'Mtengenezaji',
  'Modeli',
  'Namba ya seriali',
  'Hali ya kifaa',
  'Uainishaji',
  'Kinahifadhi kumbukumbu',
  'Mtunzaji',
  'Namba ya cheki ya mtunzaji',
  'Idara',
  'Mahali',
  'Tarehe ya kununua',
  'Msambazaji',
  'Bei (TZS)',
  'Chanzo cha fedha',
  'Mwisho wa dhamana',
  'Vitunza kumbukumbu',
  'Maelezo',
  'Tarehe ya kusajiliwa',
];
const EN_HEADERS = [
  'Asset tag',
  'Category',
  'Make',
  'Model',
  'Serial number',
  'Status',
  'Classification',
  'Holds records',
  'Custodian',
  "Custodian's check number",
  'Department',
  'Location',
  'Purchase date',
  'Supplier',
  'Cost (TZS)',
  'Funding source',
  'Warranty expires',
  'Storage media',
  'Notes',
  'Registered on',
];

let office: RegisterOffice;
beforeAll(async () => {
  office = await openRegisterOffice();
});

function rowOf(csv: ReturnType<typeof readCsv>, tag: string): Record<string, string> {
  const row = csv.rows.find((r) => r[0] === tag);
  if (!row) throw new Error(`no row for ${tag}`);
  return Object.fromEntries(csv.headers.map((h, i) => [h, row[i] ?? '']));
}

describe('the equipment register as CSV', () => {
  it('is headed in Swahili, or in English when asked', async () => {
    expect(readCsv(await exportRegister(office, { register: 'devices', format: 'csv', language: 'sw' })).headers).toEqual(SW_HEADERS);
    expect(readCsv(await exportRegister(office, { register: 'devices', format: 'csv', language: 'en' })).headers).toEqual(EN_HEADERS);
  });

  it('opens in Excel on Windows with Swahili intact: UTF-8 with a byte-order mark, CRLF line ends', async () => {
    const exported = await exportRegister(office, { register: 'devices', format: 'csv', language: 'sw' });
    const bytes = Buffer.from(exported.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFFNamba ya kifaa,Aina ya kifaa,')).toBe(true);
    // Every record ends CRLF; the one bare LF is inside the quoted notes.
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(1 + 4 + 1);
    expect(exported.mime).toBe('text/csv; charset=utf-8');
  });

  it('quotes commas, quotes and line breaks so the notes come back whole', async () => {
    const csv = readCsv(await exportRegister(office, { register: 'devices', format: 'csv', language: 'sw' }));
    expect(csv.raw).toContain('"Ina stika ya ""Hazina"", chumba 2\nMstari wa pili"');
    expect(rowOf(csv, 'MAJI-LAP-001').Maelezo).toBe(NOTES_WITH_EVERYTHING);
  });

  it('makes text that starts like a formula inert with a leading quote, and leaves the cost a number', async () => {
    const csv = readCsv(await exportRegister(office, { register: 'devices', format: 'csv', language: 'en' }));
    const desktop = rowOf(csv, 'MAJI-DSK-002');
    expect(desktop.Model).toBe(`'${HYPERLINK}`);
    expect(desktop['Serial number']).toBe("'-2+3");
    expect(desktop.Supplier).toBe("'@SUM(A1)");
    expect(desktop.Notes).toBe("'+1");
    expect(desktop['Cost (TZS)']).toBe('1850000');
    expect(csv.raw).toContain(',1850000,');
    // Nothing else was touched.
    expect(rowOf(csv, 'MAJI-LAP-001').Model).toBe('Latitude 5440');
  });

  it('writes dates dd/MM/yyyy and money as a plain whole number', async () => {
    const laptop = rowOf(readCsv(await exportRegister(office, { register: 'devices', format: 'csv', language: 'sw' })), 'MAJI-LAP-001');
    expect(laptop['Tarehe ya kununua']).toBe('14/07/2025');
    expect(laptop['Mwisho wa dhamana']).toBe('14/07/2027');
    expect(laptop['Tarehe ya kusajiliwa']).toBe('23/11/2026');
    expect(laptop['Bei (TZS)']).toBe('2450000');
  });

  it('says statuses, categories, classifications and yes/no in the language asked for', async () => {
    const sw = readCsv(await exportRegister(office, { register: 'devices', format: 'csv', language: 'sw' }));
    const en = readCsv(await exportRegister(office, { register: 'devices', format: 'csv', language: 'en' }));
    expect(csvColumn(sw, 'Hali ya kifaa')).toEqual(['Kinatumika', 'Stoo', 'Kinatumika', 'Kinafanyiwa matengenezo']);
    expect(csvColumn(en, 'Status')).toEqual(['In service', 'In store', 'In service', 'Under repair']);
    // The institution's own category by the name it gave in each language.
    expect(csvColumn(sw, 'Aina ya kifaa')).toEqual(['Kamera ya usalama', 'Kompyuta ya mezani', 'Kompyuta mpakato', 'Printa']);
    expect(csvColumn(en, 'Category')).toEqual(['Security camera', 'Desktop computer', 'Laptop', 'Printer']);
    expect(csvColumn(sw, 'Uainishaji')).toEqual(['Ya ndani', 'Siri sana', 'Siri', 'Ya ndani']);
    expect(csvColumn(en, 'Holds records')).toEqual(['Yes', 'Yes', 'Yes', 'No']);
    // 3.6.3: the disk that came out before the repair is shown as removed.
    expect(rowOf(sw, 'MAJI-DSK-002')['Vitunza kumbukumbu']).toBe('HDD 1 TB (S/N WD-WCC6Y2) — Kimeondolewa');
    expect(rowOf(en, 'MAJI-LAP-001')['Storage media']).toBe('SSD 512 GB (S/N S4EVNX0R123)');
  });

  it('holds one row per device in the register', async () => {
    const exported = await exportRegister(office, { register: 'devices', format: 'csv', language: 'sw' });
    const registered = (office.core.services.store.sqlite.prepare('SELECT count(*) AS n FROM assets').get() as { n: number }).n;
    expect(exported.rows).toBe(registered);
    expect(readCsv(exported).rows).toHaveLength(registered);
  });

  it('is named for the register and the day, in the language asked for', async () => {
    expect((await exportRegister(office, { register: 'devices', format: 'csv', language: 'sw' })).filename).toBe('rejista-ya-vifaa-2026-11-23.csv');
    expect((await exportRegister(office, { register: 'devices', format: 'xlsx', language: 'en' })).filename).toBe('equipment-register-2026-11-23.xlsx');
  });
});

describe('the equipment register filtered', () => {
  async function tagsListed(filters: Record<string, unknown>): Promise<string[]> {
    return (await office.ok(office.admin, 'assets.list', { ...filters, limit: 500 })).items.map((item) => item.tag);
  }
  async function tagsExported(filters: Record<string, unknown>): Promise<string[]> {
    return readCsv(await exportRegister(office, { register: 'devices', format: 'csv', language: 'en', filters })).rows.map((row) => row[0] ?? '');
  }

  it('holds exactly the devices the list shows, in the same order, for every filter', async () => {
    const cases: Record<string, unknown>[] = [
      { status: 'in_service' },
      { status: 'under_repair' },
      { category: 'laptop' },
      { classification: 'secret' },
      { department_id: office.departments.ict },
      { location_id: office.locations.floor2 },
      { custodian_id: office.people.zuhura },
      { search: 'hikvision' },
      { department_id: office.departments.ict, status: 'in_store' },
      { sort: 'tag_desc' },
    ];
    for (const filters of cases) {
      const exported = await tagsExported(filters);
      expect([filters, exported]).toEqual([filters, await tagsListed(filters)]);
    }
    expect(await tagsExported({ status: 'under_repair' })).toEqual(['MAJI-PRN-003']);
    expect(await tagsExported({ department_id: office.departments.ict })).toEqual(['MAJI-DSK-002', 'MAJI-PRN-003']);
    expect(await tagsExported({ sort: 'tag_desc' })).toEqual(['MAJI-PRN-003', 'MAJI-LAP-001', 'MAJI-DSK-002', 'MAJI-CAM-004']);
    expect(await tagsExported({ status: 'disposed' })).toEqual([]);
  });
});

describe('the equipment register as XLSX', () => {
  let workbook: ExcelJS.Workbook;
  let sheet: ExcelJS.Worksheet;
  let zip: JSZip;
  beforeAll(async () => {
    const exported = await exportRegister(office, { register: 'devices', format: 'xlsx', language: 'sw' });
    expect(exported.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    workbook = await readXlsx(exported);
    sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    zip = await JSZip.loadAsync(Buffer.from(exported.base64, 'base64'));
  });

  it('holds one sheet named in the user language, headed in bold, the heading frozen and filterable', async () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Rejista ya Vifaa']);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(SW_HEADERS);
    for (let c = 1; c <= SW_HEADERS.length; c += 1) expect(sheet.getRow(1).getCell(c).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:T5');
    expect(sheet.rowCount).toBe(1 + 4);
    const english = await readXlsx(await exportRegister(office, { register: 'devices', format: 'xlsx', language: 'en' }));
    expect(english.worksheets.map((s) => s.name)).toEqual(['Equipment register']);
    expect((english.worksheets[0]?.getRow(1).values as unknown[]).slice(1)).toEqual(EN_HEADERS);
  });

  it('sizes columns to their contents, within reason', () => {
    const width = (heading: string) => sheet.getColumn(SW_HEADERS.indexOf(heading) + 1).width ?? 0;
    expect(width('Namba ya cheki ya mtunzaji')).toBeGreaterThanOrEqual('Namba ya cheki ya mtunzaji'.length);
    expect(width('Maelezo')).toBeGreaterThanOrEqual('Ina stika ya "Hazina", chumba 2'.length);
    for (let c = 1; c <= SW_HEADERS.length; c += 1) expect(sheet.getColumn(c).width ?? 9).toBeLessThanOrEqual(50);
  });

  it('names the institution as its author and the clock time as its creation', () => {
    expect(workbook.creator).toBe('Wizara ya Maji');
    expect(workbook.created.toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(workbook.title).toBe('Rejista ya Vifaa vya TEHAMA');
  });

  it('writes text that starts like a formula as plain text, prefixed, never as a formula', async () => {
    const cells = ['Modeli', 'Namba ya seriali', 'Msambazaji', 'Maelezo'].map((heading) => columnOf(sheet, heading)[1] as ExcelJS.Cell);
    expect(cells.map((cell) => cell.value)).toEqual([`'${HYPERLINK}`, "'-2+3", "'@SUM(A1)", "'+1"]);
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    // The file itself holds no formula element anywhere.
    const xml = await zip.file('xl/worksheets/sheet1.xml')?.async('string');
    expect(xml).toContain('HYPERLINK');
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it('keeps money a number formatted #,##0, and dates real dates shown dd/MM/yyyy', () => {
    const cost = columnOf(sheet, 'Bei (TZS)');
    expect(cost.map((cell) => cell.value)).toEqual([null, 1_850_000, 2_450_000, null]);
    expect(cost[1]?.type).toBe(ExcelJS.ValueType.Number);
    expect(cost[2]?.numFmt).toBe('#,##0');
    const purchased = columnOf(sheet, 'Tarehe ya kununua')[2] as ExcelJS.Cell;
    expect(purchased.type).toBe(ExcelJS.ValueType.Date);
    expect((purchased.value as Date).toISOString()).toBe('2025-07-14T00:00:00.000Z');
    expect(purchased.numFmt).toBe('dd/mm/yyyy');
  });

  it('says statuses in the language asked for and keeps line breaks inside a cell', () => {
    expect(columnOf(sheet, 'Hali ya kifaa').map((cell) => cell.value)).toEqual(['Kinatumika', 'Stoo', 'Kinatumika', 'Kinafanyiwa matengenezo']);
    expect(columnOf(sheet, 'Maelezo')[2]?.value).toBe(NOTES_WITH_EVERYTHING);
  });
});

describe('the equipment register read back by the register import', () => {
  it('is headed with words the import recognises, in both languages', async () => {
    const recognised = ['tag', 'category', 'make', 'model', 'serial', 'purchase_date', 'supplier', 'cost_tzs', 'funding_source', 'warranty_end', 'location', 'department', 'custodian', 'classification', 'can_hold_records', 'notes'];
    for (const language of ['sw', 'en'] as const) {
      const { headers } = readCsv(await exportRegister(office, { register: 'devices', format: 'csv', language }));
      expect(Object.keys(suggestMapping(headers)).sort()).toEqual([...recognised].sort());
    }
  });
});
