// The Service Maintenance Log Book (3.6.4) as a spreadsheet: the book's entries in the order written,
// for the period asked, costs that add up, words in the user's language.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { RegisterExportInput } from '../../../db/registers/contract.ts';
import { columnOf, csvColumn, exportRegister, openRegisterOffice, readCsv, readXlsx, type RegisterOffice } from '../../helpers/registers.ts';

let office: RegisterOffice;
beforeAll(async () => {
  office = await openRegisterOffice();
});

describe('the log book as CSV', () => {
  it('is headed in Swahili, or in English when asked', async () => {
    const sw = readCsv(await exportRegister(office, { register: 'log-book', format: 'csv', language: 'sw' }));
    const en = readCsv(await exportRegister(office, { register: 'log-book', format: 'csv', language: 'en' }));
    expect(sw.headers.slice(0, 7)).toEqual(['Tarehe ya kuripoti', 'Namba ya kifaa', 'Kifaa', 'Aina ya kifaa', 'Aina ya matengenezo', 'Mtoa taarifa', 'Hitilafu iliyoripotiwa']);
    expect(en.headers.slice(0, 7)).toEqual(['Reported on', 'Asset tag', 'Device', 'Category', 'Kind of maintenance', 'Reported by', 'Fault reported']);
    expect(sw.headers).toHaveLength(en.headers.length);
  });

  it('holds every entry, oldest first, with days dd/MM/yyyy', async () => {
    const exported = await exportRegister(office, { register: 'log-book', format: 'csv', language: 'en' });
    const csv = readCsv(exported);
    const entries = (office.core.services.store.sqlite.prepare('SELECT count(*) AS n FROM maintenance_entries').get() as { n: number }).n;
    expect(exported.rows).toBe(entries);
    expect(csvColumn(csv, 'Reported on')).toEqual(['03/02/2026', '10/06/2026', '16/11/2026']);
    expect(csvColumn(csv, 'Sent off-site on')).toEqual(['', '11/06/2026', '']);
    expect(csvColumn(csv, 'Closed on')).toEqual(['05/02/2026', '21/06/2026', '']);
    expect(exported.filename).toBe('maintenance-log-book-2026-11-23.csv');
  });

  it('says states, outcomes and kinds of work in the language asked for', async () => {
    const sw = readCsv(await exportRegister(office, { register: 'log-book', format: 'csv', language: 'sw' }));
    const en = readCsv(await exportRegister(office, { register: 'log-book', format: 'csv', language: 'en' }));
    expect(csvColumn(sw, 'Hali')).toEqual(['Imefungwa', 'Imefungwa', 'Imeripotiwa']);
    expect(csvColumn(en, 'State')).toEqual(['Closed', 'Closed', 'Reported']);
    expect(csvColumn(sw, 'Matokeo')).toEqual(['Kimetengenezwa', 'Kipuri kimebadilishwa', '']);
    expect(csvColumn(en, 'Outcome')).toEqual(['Repaired', 'Part replaced', '']);
    expect(csvColumn(en, 'Technician type')).toEqual(['In-house technician', 'Outside expert', '']);
    expect(csvColumn(en, 'Technician or provider')).toEqual(['Juma Ally', 'Techno Brain Ltd', '']);
    expect(csvColumn(en, 'Under warranty')).toEqual(['Yes', 'No', 'No']);
  });

  it('writes costs as whole shillings and counts an open repair to today', async () => {
    const csv = readCsv(await exportRegister(office, { register: 'log-book', format: 'csv', language: 'en' }));
    expect(csvColumn(csv, 'Parts')).toEqual(['1 × Thermal paste', '2 × LCD cable', '']);
    expect(csvColumn(csv, 'Parts cost (TZS)')).toEqual(['15000', '130000', '0']);
    expect(csvColumn(csv, 'Labour cost (TZS)')).toEqual(['20000', '40000', '0']);
    expect(csvColumn(csv, 'Total cost (TZS)')).toEqual(['35000', '170000', '0']);
    // Issue 7: the open repair has no hours given, so its cell stays blank, not 0.
    expect(csvColumn(csv, 'Hours worked')).toEqual(['1.5', '3', '']);
    // Reported on the 16th, still open on the 23rd.
    expect(csvColumn(csv, 'Days out of service')).toEqual(['2', '11', '7']);
  });

  it('makes a fault typed like a DDE formula inert', async () => {
    const csv = readCsv(await exportRegister(office, { register: 'log-book', format: 'csv', language: 'en' }));
    expect(csvColumn(csv, 'Fault reported')[2]).toBe("'=cmd|' /C calc'!A0");
  });
});

describe('the log book for a period', () => {
  async function reported(filters: Record<string, string>): Promise<string[]> {
    return csvColumn(readCsv(await exportRegister(office, { register: 'log-book', format: 'csv', language: 'en', filters })), 'Reported on');
  }

  it('holds the entries reported within it, both ends included', async () => {
    expect(await reported({ from: '2026-06-10', to: '2026-11-16' })).toEqual(['10/06/2026', '16/11/2026']);
    expect(await reported({ from: '2026-02-04', to: '2026-06-09' })).toEqual([]);
    expect(await reported({ from: '2026-06-01' })).toEqual(['10/06/2026', '16/11/2026']);
    expect(await reported({ to: '2026-02-03' })).toEqual(['03/02/2026']);
  });

  it('is refused when it ends before it starts', () => {
    const parsed = RegisterExportInput.safeParse({ register: 'log-book', format: 'csv', filters: { from: '2026-06-10', to: '2026-06-01' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['filters.to', 'registers.validation.period']]);
  });
});

describe('the log book as XLSX', () => {
  it('keeps costs numbers and dates dates, in a sheet named in the user language', async () => {
    const workbook = await readXlsx(await exportRegister(office, { register: 'log-book', format: 'xlsx', language: 'sw' }));
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('Daftari la Matengenezo');
    expect(sheet.rowCount).toBe(1 + 3);
    const total = columnOf(sheet, 'Jumla ya gharama (TZS)');
    expect(total.map((cell) => cell.value)).toEqual([35_000, 170_000, 0]);
    expect(total.every((cell) => cell.type === ExcelJS.ValueType.Number && cell.numFmt === '#,##0')).toBe(true);
    const reportedOn = columnOf(sheet, 'Tarehe ya kuripoti');
    expect(reportedOn.map((cell) => (cell.value as Date).toISOString().slice(0, 10))).toEqual(['2026-02-03', '2026-06-10', '2026-11-16']);
    const fault = columnOf(sheet, 'Hitilafu iliyoripotiwa')[2] as ExcelJS.Cell;
    expect(fault.type).toBe(ExcelJS.ValueType.String);
    expect(fault.formula).toBeUndefined();
    expect(fault.value).toBe("'=cmd|' /C calc'!A0");
  });
});
