// The reports issue 14 adds, each declared by its own area: maintenance cost by category, department
// and provider for a period; personal devices; disposal batches. Built through the routes, read back
// from the XLSX and the CSV the export writes, totals included.
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { RegisterExportInput } from '../../../db/registers/contract.ts';
import { approvedBatch, openDisposalOffice, type DisposalOffice } from '../disposal/fixture.ts';
import { laptopOf } from '../personal-devices/fixtures.ts';
import { openOffice, type Office } from '../../helpers/office.ts';
import { columnOf, csvColumn, exportRegister, openRegisterOffice, readCsv, readXlsx, type RegisterOffice } from '../../helpers/registers.ts';
import { reportFault } from '../../helpers/office.ts';

/** Every row of the first sheet below the headings, as the values Excel holds. */
function sheetRows(workbook: ExcelJS.Workbook): unknown[][] {
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: unknown[][] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
  return rows;
}

describe('maintenance cost by category, department and provider', () => {
  let office: RegisterOffice;
  beforeAll(async () => {
    office = await openRegisterOffice();
    // A second in-house repair of the finance laptop: the same group, so its row counts two entries.
    const entry = (await reportFault(office, office.admin, office.devices.laptop, { reported_on: '2026-09-01', symptoms: 'Betri haishiki chaji.' })).id;
    await office.ok(office.admin, 'maintenance.assign', { entry_id: entry, technician: { type: 'internal', name: 'Juma Ally' } });
    await office.ok(office.admin, 'maintenance.record-work', {
      entry_id: entry,
      actions: 'Betri mpya.',
      parts: [{ name: 'Battery', quantity: 1, unit_cost_tzs: 180_000 }],
      labour_cost_tzs: 10_000,
      hours: 1,
    });
  });

  it('gives one row per category, department and provider, with the entries and their costs, and a totals row', async () => {
    const workbook = await readXlsx(await exportRegister(office, { register: 'maintenance-cost', format: 'xlsx', language: 'en' }));
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('Maintenance cost');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Category',
      'Department',
      'Provider or technician',
      'Entries',
      'Parts cost (TZS)',
      'Labour cost (TZS)',
      'Total cost (TZS)',
    ]);
    expect(sheetRows(workbook)).toEqual([
      ['Desktop computer', 'TEHAMA', 'Techno Brain Ltd', 1, 130_000, 40_000, 170_000],
      ['Laptop', 'Uhasibu', 'In-house technician', 2, 195_000, 30_000, 225_000],
      ['Printer', 'TEHAMA', 'No technician assigned yet', 1, 0, 0, 0],
      ['Total', undefined, undefined, 4, 325_000, 70_000, 395_000],
    ]);
    // The totals stand in bold under the records, outside the range Excel filters and sorts.
    expect(sheet.getRow(5).font?.bold).toBe(true);
    expect(columnOf(sheet, 'Total cost (TZS)')[0]?.numFmt).toBe('#,##0');
  });

  it('takes only the entries reported in the period, and adds up only those', async () => {
    const exported = await exportRegister(office, { register: 'maintenance-cost', format: 'csv', language: 'en', filters: { from: '2026-06-01', to: '2026-09-30' } });
    const csv = readCsv(exported);
    expect(csvColumn(csv, 'Category')).toEqual(['Desktop computer', 'Laptop', 'Total']);
    expect(csvColumn(csv, 'Entries')).toEqual(['1', '1', '2']);
    expect(csvColumn(csv, 'Total cost (TZS)')).toEqual(['170000', '190000', '360000']);
    // The totals row is not one of the records counted.
    expect(exported.rows).toBe(2);
    expect(exported.filename).toBe('maintenance-cost-2026-11-23.csv');
  });

  it('says it all in Swahili by default, the totals row labelled in words', async () => {
    const csv = readCsv(await exportRegister(office, { register: 'maintenance-cost', format: 'csv', language: 'sw' }));
    expect(csv.headers).toEqual(['Aina ya kifaa', 'Idara', 'Mtoa huduma au fundi', 'Idadi ya matengenezo', 'Gharama ya vipuri (TZS)', 'Gharama ya ufundi (TZS)', 'Jumla ya gharama (TZS)']);
    expect(csv.rows.at(-1)).toEqual(['Jumla', '', '', '4', '325000', '70000', '395000']);
    expect(csvColumn(csv, 'Mtoa huduma au fundi')).toContain('Fundi wa ndani');
  });

  it('is refused when the period ends before it starts', () => {
    const parsed = RegisterExportInput.safeParse({ register: 'maintenance-cost', filters: { from: '2026-06-10', to: '2026-06-01' } });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['filters.to', 'registers.validation.period']]);
  });
});

describe('the register of personal devices', () => {
  let office: Office;
  beforeAll(async () => {
    office = await openOffice();
    const { officer, head, people } = office;
    const approved = await office.ok(officer.token, 'personal-devices.register', laptopOf(people.zuhura));
    await office.ok(head.token, 'personal-devices.decide', { device_id: approved.id, decision: 'approved', expires_on: '2027-11-22' });
    const rejected = await office.ok(officer.token, 'personal-devices.register', laptopOf(people.hamisi, { kind: 'phone', make: 'Samsung', model: 'Galaxy A54', serial: 'R58T90ABC' }));
    await office.ok(head.token, 'personal-devices.decide', { device_id: rejected.id, decision: 'rejected', reason: 'Hakina programu ya kinga' });
    await office.ok(officer.token, 'personal-devices.register', laptopOf(people.rehema, { kind: 'tablet', make: 'Apple', model: 'iPad Air', serial: 'DMPX12' }));
  });

  it('lists every registration by owner, with the head’s decision and where the approval stands today', async () => {
    const workbook = await readXlsx(await exportRegister(office, { register: 'personal-devices', format: 'xlsx', language: 'en' }));
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(columnOf(sheet, 'Owner').map((cell) => cell.value)).toEqual(['Hamisi Juma', 'Rehema Mollel', 'Zuhura Said']);
    expect(columnOf(sheet, 'Kind of device').map((cell) => cell.value)).toEqual(['Smartphone', 'Tablet', 'Laptop']);
    expect(columnOf(sheet, 'Standing of the approval').map((cell) => cell.value)).toEqual(['Rejected', 'Waiting for a decision', 'Approved']);
    expect(columnOf(sheet, 'Decided by').map((cell) => cell.value)).toEqual(['Mhandisi Mwajuma Waziri', null, 'Mhandisi Mwajuma Waziri']);
    expect(columnOf(sheet, 'Approval expires').map((cell) => cell.value)).toEqual([null, null, new Date(Date.UTC(2027, 10, 22))]);
    expect(columnOf(sheet, 'Reason rejected or revoked').map((cell) => cell.value)).toEqual(['Hakina programu ya kinga', null, null]);
    // No column adds up: no totals row.
    expect(sheet.rowCount).toBe(4);
  });

  it('holds one list when asked, in Swahili', async () => {
    const csv = readCsv(await exportRegister(office, { register: 'personal-devices', format: 'csv', language: 'sw', filters: { list: 'approved' } }));
    expect(csvColumn(csv, 'Mmiliki')).toEqual(['Zuhura Said']);
    expect(csvColumn(csv, 'Hali ya kibali')).toEqual(['Kina kibali']);
    expect(csvColumn(csv, 'Kibali kinaisha')).toEqual(['22/11/2027']);
  });
});

describe('the register of disposal batches', () => {
  let office: DisposalOffice;
  beforeAll(async () => {
    office = await openDisposalOffice();
    await approvedBatch(office);
    await office.ok(office.records.token, 'disposal.create', { note: 'Printa ya kuuza', lines: [{ asset_id: office.printer.id }] });
  });

  it('lists each batch in number order with its devices and media, and adds them up', async () => {
    const workbook = await readXlsx(await exportRegister(office, { register: 'disposal-batches', format: 'xlsx', language: 'en' }));
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const rows = sheetRows(workbook);
    expect(rows.map((row) => row.slice(0, 5))).toEqual([
      ['MAJI/UOND/2026/0001', 'Approved', 3, 3, 'Mwanaidi Kombo'],
      ['MAJI/UOND/2026/0002', 'Draft', 1, 0, 'Mwanaidi Kombo'],
      ['Total', undefined, 4, 3],
    ]);
    expect(columnOf(sheet, 'Decided by').slice(0, 2).map((cell) => cell.value)).toEqual(['Bi. Rehema Kweka', null]);
    expect(columnOf(sheet, 'Prepared on')[0]?.value).toEqual(new Date(Date.UTC(2026, 10, 23)));
  });

  it('holds the batches of one state, or of a period, in CSV', async () => {
    const drafts = readCsv(await exportRegister(office, { register: 'disposal-batches', format: 'csv', language: 'en', filters: { state: 'draft' } }));
    expect(csvColumn(drafts, 'Batch number')).toEqual(['MAJI/UOND/2026/0002', 'Total']);
    expect(csvColumn(drafts, 'Devices')).toEqual(['1', '1']);
    const before = readCsv(await exportRegister(office, { register: 'disposal-batches', format: 'csv', language: 'sw', filters: { to: '2026-11-22' } }));
    expect(before.rows).toEqual([]);
  });
});
