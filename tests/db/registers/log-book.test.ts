// The Service Maintenance Log Book (3.6.4) as a spreadsheet: the book's entries in the order written,
// for the period asked, costs that add up, words in the user's language.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { RegisterExportInput } from '../../../db/registers/contract.ts';
import type { PrintedDocument } from '../../../db/documents/pdf.ts';
import { expectRefused } from '../../helpers/core.ts';
import { readBack } from '../../helpers/printed-forms.ts';
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
    expect(csvColumn(csv, 'Reported on')).toEqual(['03/02/2026', '10/06/2026', '16/11/2026', 'Total']);
    expect(csvColumn(csv, 'Sent off-site on')).toEqual(['', '11/06/2026', '', '']);
    expect(csvColumn(csv, 'Closed on')).toEqual(['05/02/2026', '21/06/2026', '', '']);
    expect(exported.filename).toBe('maintenance-log-book-2026-11-23.csv');
  });

  it('says states, outcomes and kinds of work in the language asked for', async () => {
    const sw = readCsv(await exportRegister(office, { register: 'log-book', format: 'csv', language: 'sw' }));
    const en = readCsv(await exportRegister(office, { register: 'log-book', format: 'csv', language: 'en' }));
    expect(csvColumn(sw, 'Hali')).toEqual(['Imefungwa', 'Imefungwa', 'Imeripotiwa', '']);
    expect(csvColumn(en, 'State')).toEqual(['Closed', 'Closed', 'Reported', '']);
    expect(csvColumn(sw, 'Matokeo')).toEqual(['Kimetengenezwa', 'Kipuri kimebadilishwa', '', '']);
    expect(csvColumn(en, 'Outcome')).toEqual(['Repaired', 'Part replaced', '', '']);
    expect(csvColumn(en, 'Technician type')).toEqual(['In-house technician', 'Outside expert', '', '']);
    expect(csvColumn(en, 'Technician or provider')).toEqual(['Juma Ally', 'Techno Brain Ltd', '', '']);
    expect(csvColumn(en, 'Under warranty')).toEqual(['Yes', 'No', 'No', '']);
  });

  it('writes costs as whole shillings and counts an open repair to today', async () => {
    const csv = readCsv(await exportRegister(office, { register: 'log-book', format: 'csv', language: 'en' }));
    expect(csvColumn(csv, 'Parts')).toEqual(['1 × Thermal paste', '2 × LCD cable', '', '']);
    // The last row adds them up, as the paper book's foot does.
    expect(csvColumn(csv, 'Parts cost (TZS)')).toEqual(['15000', '130000', '0', '145000']);
    expect(csvColumn(csv, 'Labour cost (TZS)')).toEqual(['20000', '40000', '0', '60000']);
    expect(csvColumn(csv, 'Total cost (TZS)')).toEqual(['35000', '170000', '0', '205000']);
    // Issue 7: the open repair has no hours given, so its cell stays blank, not 0.
    expect(csvColumn(csv, 'Hours worked')).toEqual(['1.5', '3', '', '4.5']);
    // Reported on the 16th, still open on the 23rd.
    expect(csvColumn(csv, 'Days out of service')).toEqual(['2', '11', '7', '20']);
  });

  it('makes a fault typed like a DDE formula inert', async () => {
    const csv = readCsv(await exportRegister(office, { register: 'log-book', format: 'csv', language: 'en' }));
    expect(csvColumn(csv, 'Fault reported')[2]).toBe("'=cmd|' /C calc'!A0");
  });
});

describe('the log book for a period', () => {
  async function reported(filters: Record<string, string>): Promise<string[]> {
    // The totals row's label stands in this first column: only the entries are compared.
    return csvColumn(readCsv(await exportRegister(office, { register: 'log-book', format: 'csv', language: 'en', filters })), 'Reported on').filter((day) => day !== 'Total');
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
    // The headings, three entries, and their totals.
    expect(sheet.rowCount).toBe(1 + 3 + 1);
    const total = columnOf(sheet, 'Jumla ya gharama (TZS)');
    expect(total.map((cell) => cell.value)).toEqual([35_000, 170_000, 0, 205_000]);
    expect(total.every((cell) => cell.type === ExcelJS.ValueType.Number && cell.numFmt === '#,##0')).toBe(true);
    const reportedOn = columnOf(sheet, 'Tarehe ya kuripoti');
    expect(reportedOn.slice(0, 3).map((cell) => (cell.value as Date).toISOString().slice(0, 10))).toEqual(['2026-02-03', '2026-06-10', '2026-11-16']);
    expect(reportedOn[3]?.value).toBe('Jumla');
    const fault = columnOf(sheet, 'Hitilafu iliyoripotiwa')[2] as ExcelJS.Cell;
    expect(fault.type).toBe(ExcelJS.ValueType.String);
    expect(fault.formula).toBeUndefined();
    expect(fault.value).toBe("'=cmd|' /C calc'!A0");
  });
});

describe("one device's log book, the same report", () => {
  it("holds only that device's entries, in every format", async () => {
    const csv = readCsv(await exportRegister(office, { register: 'log-book', format: 'csv', language: 'en', filters: { asset_id: office.devices.desktop } }));
    expect(csvColumn(csv, 'Asset tag')).toEqual(['MAJI-DSK-002', '']);
    expect(csvColumn(csv, 'Total cost (TZS)')).toEqual(['170000', '170000']);
    const none = readCsv(await exportRegister(office, { register: 'log-book', format: 'csv', language: 'en', filters: { asset_id: office.devices.camera } }));
    expect(none.rows).toEqual([]);
  });

  it('printed through the reports is the page the device screen prints, byte for byte', async () => {
    const report = await exportRegister(office, { register: 'log-book', format: 'pdf', language: 'sw', filters: { asset_id: office.devices.desktop } });
    const page = await office.ok(office.admin, 'documents.log-book-page', { asset_id: office.devices.desktop, language: 'sw' });
    expect(report.base64).toBe(page.base64);
    expect(page.filename).toBe('daftari-la-matengenezo-MAJI-DSK-002.pdf');
    const { flat, info } = readBack(page, 'report-log-book-device-sw');
    // The paper book's page: the device's particulars over its repairs, the secret device's warning, the totals.
    expect(flat).toContain('TAARIFA ZA KIFAA');
    expect(flat).toContain('KUMBUKUMBU ZA MATENGENEZO');
    expect(flat).toContain('kisiunganishwe moja kwa moja kwenye Intaneti');
    expect(flat).toContain('JUMLA — matengenezo 1 170,000 11');
    expect(info).toMatch(/Title:\s+Daftari la Kumbukumbu za Matengenezo — MAJI-DSK-002/);
  });

  it('printed for a period, is the period book: every device, with a summary', async () => {
    const { flat } = readBack(
      asPdf(await exportRegister(office, { register: 'log-book', format: 'pdf', language: 'en', filters: { from: '2026-01-01', to: '2026-12-31' } })),
      'report-log-book-period-en',
    );
    expect(flat).toContain('SERVICE MAINTENANCE LOG BOOK');
    expect(flat).toContain('maintenance reported from 01/01/2026 to 31/12/2026');
    for (const tag of ['MAJI-LAP-001', 'MAJI-DSK-002', 'MAJI-PRN-003']) expect(flat).toContain(tag);
    expect(flat).toContain('TOTAL — 3 entries 205,000 20');
    expect(flat).toContain('SUMMARY');
    expect(flat).toContain('Devices concerned 3');
    expect(flat).not.toContain('DEVICE PARTICULARS');
  });

  it('is refused for a device the register does not hold, when printed', async () => {
    expectRefused(await office.call(office.admin, 'registers.export', { register: 'log-book', format: 'pdf', language: 'sw', filters: { asset_id: 'no-such-device' } }), 'asset-not-found');
  });
});

function asPdf(exported: { filename: string; base64: string }): PrintedDocument {
  return { filename: exported.filename, mime: 'application/pdf', base64: exported.base64 };
}
