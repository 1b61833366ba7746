// The register of off-premises permits (3.6.11) as a spreadsheet: every request of the period by its
// date out, its devices, the decision, the dates and the days overdue to the day of export, in both
// languages, filtered as the screen is.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { readCsv, readXlsx } from '../../helpers/registers.ts';
import { approvedRequest, openMovementsOffice, requestFor, type MovementsOffice } from './fixture.ts';

let o: MovementsOffice;
beforeEach(async () => {
  o = await openMovementsOffice();
});
afterEach(() => o.core.close());

const sw = translator('sw');
const en = translator('en');
const column = (t: typeof sw, key: string) => t(`movements_ui.register.columns.${key}`);

describe('the register of off-premises permits', () => {
  it('lists every request by its date out, with the devices, the decision and the days overdue', async () => {
    const late = await approvedRequest(o, { date_out: '2026-11-10', due_on: '2026-11-20' });
    await o.ok(o.officer.token, 'movements.check-out', { request_id: late.id, out_on: '2026-11-23' });
    await o.ok(o.officer.token, 'movements.request', requestFor(o, { asset_ids: [o.desktop.id], holder_id: o.people.hamisi, date_out: '2026-11-25', due_on: '2026-11-26' }));

    const csv = readCsv(await o.ok(o.auditor.token, 'registers.export', { register: 'movements', format: 'csv', language: 'sw' }));
    const at = (name: string) => csv.headers.indexOf(column(sw, name));
    expect(csv.rows.map((row) => row[at('permit')])).toEqual(['MAJI/KBL/2026/0001', 'MAJI/KBL/2026/0002']);
    const [first, second] = csv.rows as [string[], string[]];
    expect(first[at('state')]).toBe(sw('movements_ui.states.checked_out'));
    expect(first[at('tags')]).toBe(o.laptop.tag);
    expect(first[at('date-out')]).toBe('10/11/2026');
    expect(first[at('out-on')]).toBe('23/11/2026');
    expect(first[at('decided-by')]).toBe('Bi. Rehema Kweka');
    expect(first[at('days-overdue')]).toBe('3');
    expect(second[at('state')]).toBe(sw('movements_ui.states.requested'));
    expect(second[at('classification')]).toBe(sw('classifications.secret'));
    expect(second[at('days-overdue')]).toBe('');

    const overdue = readCsv(await o.ok(o.auditor.token, 'registers.export', { register: 'movements', format: 'csv', language: 'en', filters: { filter: 'overdue' } }));
    expect(overdue.headers).toContain(column(en, 'days-overdue'));
    expect(overdue.rows).toHaveLength(1);
    const period = readCsv(await o.ok(o.auditor.token, 'registers.export', { register: 'movements', format: 'csv', language: 'sw', filters: { from: '2026-11-24' } }));
    expect(period.rows.map((row) => row[at('permit')])).toEqual(['MAJI/KBL/2026/0002']);
  });

  it('writes dates as dates and names its sheet in the language asked for', async () => {
    await approvedRequest(o);
    const workbook = await readXlsx(await o.ok(o.officer.token, 'registers.export', { register: 'movements', format: 'xlsx', language: 'en' }));
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe(en('movements_ui.register.sheet'));
    const headings = (sheet?.getRow(1).values as unknown[]).slice(1);
    const dateOut = headings.indexOf(column(en, 'date-out')) + 1;
    expect(sheet?.getRow(2).getCell(dateOut).value).toBeInstanceOf(Date);
  });

  it('refuses a period that ends before it starts', async () => {
    const result = await o.call(o.auditor.token, 'registers.export', { register: 'movements', format: 'csv', language: 'sw', filters: { from: '2026-11-24', to: '2026-11-01' } });
    expect(result.ok ? null : result.error.fields).toEqual({ 'filters.to': 'registers.validation.period' });
  });
});
