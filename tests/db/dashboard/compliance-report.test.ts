// Issue 14, the compliance summary: the dashboard's clause figures as a report for the annual monitoring
// (section 6 of the guideline), printed, as a workbook and as CSV, through the one report mechanism.
// Each reader gets the clauses they may read, as on the dashboard, and the figures are the dashboard's.
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrintedDocument } from '../../../db/documents/pdf.ts';
import { addUser, TEMPORARY_PASSWORD } from '../../helpers/core.ts';
import { openOffice, type Office } from '../../helpers/office.ts';
import { readBack } from '../../helpers/printed-forms.ts';
import { readCsv, readXlsx } from '../../helpers/registers.ts';
import { figure } from './fixture.ts';

let o: Office;
beforeEach(async () => {
  o = await openOffice();
  // 3.1.2 out of order: Zuhura has left the service, and her account is still active.
  await o.ok(o.admin, 'users.create', { username: 'zsaid', display_name: 'Zuhura Said', roles: ['ict_officer'], temporary_password: TEMPORARY_PASSWORD, person_id: o.people.zuhura });
  await o.ok(o.officer.token, 'people.deactivate', { person_id: o.people.zuhura });
});
afterEach(() => o.core.close());

function rowsOf(workbook: ExcelJS.Workbook): unknown[][] {
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
  return rows;
}

describe('the compliance summary', () => {
  it('lists every clause the auditor may read, with the dashboard’s figure and whether it is in order', async () => {
    const exported = await o.ok(o.auditor.token, 'registers.export', { register: 'compliance', format: 'xlsx', language: 'en' });
    const rows = rowsOf(await readXlsx(exported));
    expect(rows[0]).toEqual(['Clause', 'What is checked', 'The rule', 'Figure', 'Out of', 'Share', 'Status']);
    const clauses = rows.slice(1).map((row) => row[0]);
    expect(clauses).toEqual(['3.6.3', '3.6.6', '3.6.11', '3.6.11', '3.6.5', '3.6.9', '3.6.12', '3.1.2']);
    const accounts = rows.find((row) => row[0] === '3.1.2');
    const shown = await figure(o, o.auditor.token, 'clause.3.1.2');
    expect(shown.value).toBe(1);
    expect(accounts).toEqual(['3.1.2', 'Accounts of people who have left', expect.stringContaining('no longer serving'), 1, undefined, undefined, 'Needs attention']);
    const repairs = rows.find((row) => row[0] === '3.6.3');
    expect(repairs?.[6]).toBe('In order');
  });

  it('gives a reader only the clauses whose records they may read', async () => {
    const records = await addUser(o, o.admin, 'mkombo', ['records_officer'], 'Mwanaidi Kombo');
    const exported = await o.ok(records.token, 'registers.export', { register: 'compliance', format: 'csv', language: 'sw' });
    const csv = readCsv(exported);
    expect(csv.headers).toEqual(['Kifungu', 'Kinachokaguliwa', 'Kanuni', 'Idadi', 'Kati ya', 'Asilimia', 'Hali']);
    const summary = await o.ok(records.token, 'dashboard.summary', {});
    const readable = summary.figures.filter((f) => f.group === 'compliance').map((f) => f.clause);
    expect(csv.rows.map((row) => row[0])).toEqual(readable);
    // The accounts figure is the administrator's and the auditor's only.
    expect(csv.rows.map((row) => row[0])).not.toContain('3.1.2');
  });

  it('prints on A4 with the institution, the title and every clause', async () => {
    const exported = await o.ok(o.auditor.token, 'registers.export', { register: 'compliance', format: 'pdf', language: 'sw' });
    const read = readBack({ filename: exported.filename, mime: 'application/pdf', base64: exported.base64 } as PrintedDocument, 'report-compliance-sw');
    expect(read.flat).toContain('MUHTASARI WA UZINGATIAJI');
    for (const clause of ['3.6.3', '3.6.6', '3.6.11', '3.6.5', '3.6.9', '3.6.12', '3.1.2']) expect(read.flat).toContain(clause);
    expect(read.flat).toContain('Inahitaji hatua');
    expect(read.flat).toContain('Ukurasa 1 kati ya 1');
  });
});
