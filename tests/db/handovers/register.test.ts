// The register of handovers (3.6.6) as a spreadsheet: every handover by the day it was prepared, with
// its devices, the parties, the permit and the receipt, in both languages, filtered by state and period.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { DAY } from '../../helpers/core.ts';
import { readCsv, readXlsx } from '../../helpers/registers.ts';
import { approvedHandover, laptopToHamisi, openHandoverOffice, type HandoverOffice } from './fixture.ts';

let o: HandoverOffice;
beforeEach(async () => {
  o = await openHandoverOffice();
});
afterEach(() => o.core.close());

const sw = translator('sw');
const en = translator('en');
const column = (t: typeof sw, key: string) => t(`handovers_ui.register.columns.${key}`);

describe('the register of handovers', () => {
  it('lists every handover in the order prepared, with its devices, permit and receipt', async () => {
    const received = await approvedHandover(o, laptopToHamisi(o, { lines: [{ asset_id: o.laptop.id, condition: 'good', accessories: 'Chaja' }, { asset_id: o.flash.id, condition: 'fair', accessories: '' }] }));
    await o.ok(o.officer.token, 'handovers.receive', { handover_id: received.id, received_on: '2026-11-23', received_by: 'Hamisi Juma', witness: 'Rehema Mollel' });
    o.clock.advance(DAY);
    await o.ok(o.officer.token, 'handovers.prepare', {
      kind: 'handover',
      from: { type: 'store' },
      to: { type: 'institution', institution_name: 'Wizara ya Afya', officer_name: 'Dkt. Neema Kimaro' },
      lines: [{ asset_id: o.desktop.id, condition: 'poor', accessories: '' }],
      reason: 'Msaada kwa Wizara ya Afya',
    });

    const csv = readCsv(await o.ok(o.auditor.token, 'registers.export', { register: 'handovers', format: 'csv', language: 'sw' }));
    const at = (name: string) => csv.headers.indexOf(column(sw, name));
    expect(csv.rows.map((row) => row[at('number')])).toEqual(['MAJI/MK/2026/0001', 'MAJI/MK/2026/0002']);
    const [first, second] = csv.rows as [string[], string[]];
    expect(first[at('state')]).toBe(sw('handovers_ui.states.received'));
    expect(first[at('tags')]).toBe('MAJI/ICT/2026/0001; MAJI/ICT/2026/0003');
    expect(first[at('conditions')]).toBe('MAJI/ICT/2026/0001: Nzuri; MAJI/ICT/2026/0003: Wastani');
    expect(first[at('accessories')]).toBe('MAJI/ICT/2026/0001: Chaja');
    expect(first[at('giver')]).toBe('Zuhura Said');
    expect(first[at('receiver')]).toBe('Hamisi Juma');
    expect(first[at('decided-by')]).toBe('Baraka Mushi');
    expect(first[at('decided-role')]).toBe(sw('roles.accounting_officer'));
    expect(first[at('received-on')]).toBe('23/11/2026');
    expect(first[at('witness')]).toBe('Rehema Mollel');
    expect(second[at('giver')]).toBe(sw('handovers_ui.parties.store'));
    expect(second[at('receiver')]).toBe('Dkt. Neema Kimaro');
    expect(second[at('institution')]).toBe('Wizara ya Afya');
    expect(second[at('prepared-on')]).toBe('24/11/2026');
    expect(second[at('received-on')]).toBe('');

    const open = readCsv(await o.ok(o.auditor.token, 'registers.export', { register: 'handovers', format: 'csv', language: 'en', filters: { state: 'open' } }));
    expect(open.headers).toContain(column(en, 'decided-by'));
    expect(open.rows).toHaveLength(1);
    const period = readCsv(await o.ok(o.auditor.token, 'registers.export', { register: 'handovers', format: 'csv', language: 'sw', filters: { from: '2026-11-24', to: '2026-11-24' } }));
    expect(period.rows.map((row) => row[at('number')])).toEqual(['MAJI/MK/2026/0002']);
    const before = readCsv(await o.ok(o.auditor.token, 'registers.export', { register: 'handovers', format: 'csv', language: 'sw', filters: { to: '2026-11-23' } }));
    expect(before.rows.map((row) => row[at('number')])).toEqual(['MAJI/MK/2026/0001']);
  });

  it('writes dates as dates and names its sheet in the language asked for', async () => {
    await approvedHandover(o);
    const workbook = await readXlsx(await o.ok(o.officer.token, 'registers.export', { register: 'handovers', format: 'xlsx', language: 'en' }));
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe(en('handovers_ui.register.sheet'));
    const headings = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(sheet?.getRow(2).getCell(headings.indexOf(column(en, 'prepared-on')) + 1).value).toBeInstanceOf(Date);
  });

  it('refuses a period that ends before it starts', async () => {
    const result = await o.call(o.auditor.token, 'registers.export', { register: 'handovers', format: 'csv', language: 'sw', filters: { from: '2026-11-24', to: '2026-11-01' } });
    expect(result.ok ? null : result.error.fields).toEqual({ 'filters.to': 'registers.validation.period' });
  });
});
