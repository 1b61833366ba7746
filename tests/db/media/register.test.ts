// The removable media register (3.6.7–3.6.10) as a spreadsheet: every medium by tag, with who holds it
// and for what, where it is kept, its wipes and an open loss, in both languages, by the screen's lists.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { readCsv } from '../../helpers/registers.ts';
import { openOffice, type Office } from '../../helpers/office.ts';
import { issueOf, registerFlashDisk } from './fixtures.ts';

let o: Office;
beforeEach(async () => {
  o = await openOffice();
});
afterEach(() => o.core.close());

const sw = translator('sw');
const en = translator('en');
const column = (t: typeof sw, key: string) => t(`media_ui.register.columns.${key}`);

describe('the removable media register', () => {
  it('lists every medium by tag with its holder, place, wipes and loss', async () => {
    const out = await registerFlashDisk(o, { serial: 'S-1' });
    const back = await registerFlashDisk(o, { serial: 'S-2', category: 'external_drive', make: 'Seagate', model: 'Expansion 2TB' });
    const lost = await registerFlashDisk(o, { serial: 'S-3' });
    await o.ok(o.officer.token, 'media.issue', issueOf(out.id, o.people.zuhura));
    const issueId = (await o.ok(o.officer.token, 'media.issue', issueOf(back.id, o.people.hamisi))).open_issue_id as string;
    await o.ok(o.officer.token, 'media.wipe', { asset_id: back.id, wiped_on: '2026-11-21', method: 'full_format', wiped_by: 'Hamisi Juma' });
    await o.ok(o.officer.token, 'media.return', { issue_id: issueId, returned_on: '2026-11-22', condition: 'good', location_id: o.locations.floor2 });
    await o.ok(o.officer.token, 'media.report', { asset_id: lost.id, kind: 'lost', reported_on: '2026-11-22', note: 'Imepotea' });
    // A laptop is no medium: never in this register.
    await o.ok(o.officer.token, 'assets.register', { category: 'laptop', make: 'Dell', model: 'Latitude' });

    const csv = readCsv(await o.ok(o.auditor.token, 'registers.export', { register: 'media', format: 'csv', language: 'sw' }));
    const at = (name: string) => csv.headers.indexOf(column(sw, name));
    expect(csv.rows.map((row) => row[at('tag')])).toEqual([out.tag, back.tag, lost.tag]);
    const [first, second, third] = csv.rows as [string[], string[], string[]];
    expect(first[at('holder')]).toBe('Zuhura Said');
    expect(first[at('purpose')]).toBe('Kuhamisha taarifa za bajeti kwenda Hazina');
    expect(first[at('issued-on')]).toBe('20/11/2026');
    expect(first[at('status')]).toBe(sw('statuses.in_service'));
    expect(second[at('category')]).toBe(sw('categories.external_drive'));
    expect(second[at('holder')]).toBe('');
    expect(second[at('location')]).toBe('Ghorofa 2');
    expect(second[at('issues')]).toBe('1');
    expect(second[at('last-returned-on')]).toBe('22/11/2026');
    expect(second[at('last-wiped-on')]).toBe('21/11/2026');
    expect(second[at('wipe-due')]).toBe(sw('registers.yes'));
    expect(third[at('status')]).toBe(sw('statuses.lost'));
    expect(third[at('lost-on')]).toBe('22/11/2026');

    const due = readCsv(await o.ok(o.auditor.token, 'registers.export', { register: 'media', format: 'csv', language: 'en', filters: { list: 'wipe_due' } }));
    expect(due.headers).toContain(column(en, 'wipe-due'));
    expect(due.rows.map((row) => row[due.headers.indexOf(column(en, 'tag'))])).toEqual([back.tag]);
  });
});
