// The stocktake report (issue 13): the PDF the committee signs, in Swahili and English, with every list
// of findings and the action taken on each, a signature block for every member, long lists paged
// cleanly; a provisional draft while the stocktake is open; and the same lists as an Excel workbook.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedWithoutWriting } from '../../helpers/core.ts';
import { reportAndAssignOutside } from '../../helpers/office.ts';
import { readBack, type ReadBack } from '../../helpers/printed-forms.ts';
import { openStocktakeOffice, openTwoLocations, scanAt, twoLocations, type Stocktake, type StocktakeOffice } from './fixture.ts';

/**
 * A stocktake of the two locations with a finding of every kind, closed by its chair, then one action
 * of each kind taken: the device found elsewhere moved, the custodian corrected, the unknown device
 * registered, the missing desktop reported and acknowledged.
 */
async function closedWithEveryFinding(o: StocktakeOffice): Promise<Stocktake> {
  const { entry } = await reportAndAssignOutside(o, o.printer.id);
  await o.ok(o.officer.token, 'maintenance.send-offsite', { entry_id: entry.id, sent_on: '2026-11-21' });
  const s = await openTwoLocations(o);
  const { floor2, store } = o.locations;
  await scanAt(o, o.officer.token, s, floor2, 'MAJI/ICT/2026/0001', { custodian_id: o.people.rehema });
  await scanAt(o, o.officer.token, s, store, 'MAJI/ICT/2026/0002');
  await scanAt(o, o.officer.token, s, store, 'MAJI/ICT/2026/0005', { condition: 'unserviceable', label_missing: true, note: 'Lenzi imevunjika' });
  const unknown = await o.ok(o.officer.token, 'stocktake.record-unknown', { stocktake_id: s.id, location_id: store, code: 'KANDA-0099', make: 'Lenovo', model: 'ThinkPad T14', serial: 'LN-77', note: 'Kwenye kabati la juu' });
  await o.ok(o.records.token, 'stocktake.close', { stocktake_id: s.id });
  await o.ok(o.officer.token, 'stocktake.move-found', { stocktake_id: s.id, asset_id: o.laptop2.id });
  await o.ok(o.officer.token, 'stocktake.correct-custodian', { stocktake_id: s.id, asset_id: o.laptop.id });
  await o.ok(o.officer.token, 'stocktake.register-unknown', { stocktake_id: s.id, count_id: unknown.id, category: 'laptop', tag: 'MAJI/ICT/2026/0099' });
  await o.ok(o.records.token, 'stocktake.report-missing', { stocktake_id: s.id, asset_id: o.desktop.id, note: 'Hakikuonekana Ghorofa 2' });
  await o.ok(o.accountant.token, 'stocktake.acknowledge-incident', { stocktake_id: s.id, asset_id: o.desktop.id });
  return s;
}

/** The text of the pages from the one a heading starts on, up to the next heading. */
function section(read: ReadBack, from: string, to: string): string {
  const start = read.flat.indexOf(from);
  const end = read.flat.indexOf(to, start + from.length);
  expect([from, start]).not.toEqual([from, -1]);
  return read.flat.slice(start, end < 0 ? undefined : end);
}

describe('the report of a closed stocktake', () => {
  let o: StocktakeOffice;
  let s: Stocktake;
  let sw: ReadBack;
  let en: ReadBack;
  beforeAll(async () => {
    o = await openStocktakeOffice();
    s = await closedWithEveryFinding(o);
    const printedSw = await o.ok(o.auditor.token, 'documents.stocktake-report', { stocktake_id: s.id, language: 'sw' });
    const printedEn = await o.ok(o.auditor.token, 'documents.stocktake-report', { stocktake_id: s.id, language: 'en' });
    expect([printedSw.filename, printedEn.filename]).toEqual(['taarifa-uhakiki-Uhakiki-wa-mwaka-2026.pdf', 'stocktake-report-Uhakiki-wa-mwaka-2026.pdf']);
    sw = readBack(printedSw, 'stocktake-report-sw');
    en = readBack(printedEn, 'stocktake-report-en');
  });
  afterAll(() => o.core.close());

  it('heads the report with the institution, the title, the stocktake’s name, dates, scope and the witness code', () => {
    expect(sw.flat).toContain('JAMHURI YA MUUNGANO WA TANZANIA');
    expect(sw.flat).toContain('TAARIFA YA UHAKIKI WA VIFAA VYA TEHAMA');
    expect(sw.flat).toContain('Uhakiki wa mwaka 2026');
    expect(sw.flat).toContain('23/11/2026 hadi 27/11/2026');
    expect(sw.flat).toContain('Mahali: Ghorofa 2, Stoo ya TEHAMA');
    expect(sw.flat).toMatch(/Ushahidi: \d+-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}/);
    expect(en.flat).toContain('STOCKTAKE REPORT');
    expect(en.flat).toContain('23/11/2026 to 27/11/2026');
    expect(en.flat).toMatch(/Closed on \d{2}\/\d{2}\/\d{4} by Mwanaidi Kombo/);
    expect(en.flat).not.toContain('DRAFT');
    expect(en.pages.every((page, i) => page.includes(`Page ${i + 1} of ${en.pages.length}`))).toBe(true);
  });

  it('gives the totals and the expected, found and missing devices of each location', () => {
    const byLocation = section(en, 'COUNTS BY LOCATION', '1. MISSING DEVICES');
    expect(byLocation).toMatch(/Ghorofa 2 3 2 1/);
    expect(byLocation).toMatch(/Stoo ya TEHAMA 2 1 0/);
    expect(byLocation).toMatch(/All locations 5 3 1/);
    const totals = section(en, 'TOTALS', 'COUNTS BY LOCATION');
    for (const words of ['Devices expected 5', 'Missing 1', 'Found elsewhere 1', 'Not in the register 1', 'Accounted for 1']) expect(totals).toContain(words);
  });

  it('prints every list with its devices and the action taken on each', () => {
    const lists = [
      '1. MISSING DEVICES (1)',
      '2. DEVICES FOUND ELSEWHERE (1)',
      '3. DEVICES FOUND WITH ANOTHER CUSTODIAN (1)',
      '4. DEVICES FOUND IN A DIFFERENT CONDITION (1)',
      '5. DEVICES FOUND WITH THEIR LABEL MISSING (1)',
      '6. DEVICES NOT IN THE REGISTER (1)',
      '7. DEVICES ACCOUNTED FOR (1)',
      '8. REGISTERED DEVICES FOUND OUTSIDE THE SCOPE (0)',
    ];
    for (const list of lists) expect(en.flat).toContain(list);
    const [missing, elsewhere, custodian, condition, label, unknown, accounted] = lists.map((list, i) => section(en, list, lists[i + 1] ?? 'SIGNATURES OF THE COMMITTEE'));
    expect(missing).toContain('MAJI/ICT/2026/0003');
    expect(missing).toMatch(/Reported missing to the Accounting Officer — Mwanaidi Kombo, 23\/11\/2026; acknowledged by Bi\. Rehema Kweka/);
    expect(elsewhere).toContain('MAJI/ICT/2026/0002');
    expect(elsewhere).toMatch(/Ghorofa 2 Stoo ya TEHAMA Moved to Stoo ya TEHAMA — Juma Ally/);
    expect(custodian).toMatch(/MAJI\/ICT\/2026\/0001 .*Zuhura Said Rehema Mollel Handover \S+ started — Juma Ally/);
    expect(condition).toMatch(/MAJI\/ICT\/2026\/0005 .*Working .*Unserviceable Lenzi imevunjika/);
    expect(label).toContain('MAJI/ICT/2026/0005');
    expect(unknown).toMatch(/KANDA-0099 Lenovo ThinkPad T14 LN-77 Stoo ya TEHAMA Kwenye kabati la juu Registered as MAJI\/ICT\/2026\/0099/);
    expect(accounted).toMatch(/MAJI\/ICT\/2026\/0004 .*away for repair/);
    expect(section(sw, '1. VIFAA VISIVYOPATIKANA (1)', '2. VIFAA')).toContain('Kimeripotiwa kupotea kwa Afisa Masuuli');
    expect(sw.flat).toContain('8. VIFAA VYA REJISTA VILIVYOKUTWA NJE YA WIGO (0) Hakuna.');
  });

  it('has a signature block for every member of the committee, with name, title, signature and date', () => {
    for (const [read, heading, chair, member] of [
      [sw, 'SAHIHI ZA WAJUMBE WA KAMATI', 'Mwenyekiti wa kamati', 'Mjumbe wa kamati'],
      [en, 'SIGNATURES OF THE COMMITTEE', 'Chair of the committee', 'Member of the committee'],
    ] as const) {
      const signatures = section(read, heading, '\f');
      expect(signatures.split(chair).length - 1).toBe(1);
      expect(signatures.split(member).length - 1).toBe(2);
      for (const [name, title] of [
        ['Mwanaidi Kombo', 'Afisa Kumbukumbu'],
        ['Juma Ally', 'Afisa TEHAMA'],
        ['Saidi Mrisho', 'Mhasibu'],
      ]) {
        expect(signatures).toContain(name);
        expect(signatures).toContain(title);
      }
    }
    const en3 = section(en, 'SIGNATURES OF THE COMMITTEE', '\f');
    expect(en3.split('Signature:').length - 1).toBe(3);
    expect(en3.split('Date:').length - 1).toBe(3);
  });
});

describe('the report of an open stocktake', () => {
  let o: StocktakeOffice;
  afterAll(() => o.core.close());

  it('is a provisional draft, marked as such on every page, with nothing to sign', async () => {
    o = await openStocktakeOffice();
    const s = await openTwoLocations(o);
    await scanAt(o, o.officer.token, s, o.locations.floor2, 'MAJI/ICT/2026/0001');
    const printedSw = await o.ok(o.officer.token, 'documents.stocktake-report', { stocktake_id: s.id, language: 'sw' });
    expect(printedSw.filename).toBe('rasimu-taarifa-uhakiki-Uhakiki-wa-mwaka-2026.pdf');
    const read = readBack(printedSw, 'stocktake-report-draft-sw');
    expect(read.flat).toContain('RASIMU — uhakiki bado uko wazi; matokeo haya si ya mwisho.');
    expect(read.pages.every((page) => page.includes('RASIMU'))).toBe(true);
    expect(read.flat).toContain('Rasimu hii haisainiwi');
    expect(read.flat).not.toContain('Mwenyekiti wa kamati');
    const en = readBack(await o.ok(o.officer.token, 'documents.stocktake-report', { stocktake_id: s.id, language: 'en' }), 'stocktake-report-draft-en');
    expect(en.flat).toContain('Open: counting under way');
    // Not counted yet is not missing yet.
    expect(en.flat).toContain('1. DEVICES NOT FOUND YET (4)');
    expect(en.flat).not.toContain('MISSING DEVICES');
    const sheet = await o.ok(o.officer.token, 'documents.stocktake-report-xlsx', { stocktake_id: s.id, language: 'en' });
    expect(sheet.filename).toBe('draft-stocktake-report-Uhakiki-wa-mwaka-2026.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(sheet.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets[1]?.name).toBe('Not found yet');
    const summary = workbook.worksheets[0]?.getSheetValues().map((row) => (row as unknown[] | undefined)?.slice(1)) ?? [];
    expect(summary).toContainEqual(['State', 'DRAFT — the stocktake is still open; these findings are not final.']);
  });

  it('is refused for a stocktake that does not exist', async () => {
    await refusedWithoutWriting(o, o.officer.token, 'documents.stocktake-report', { stocktake_id: 'no-such-stocktake', language: 'sw' }, 'stocktake-not-found');
    await refusedWithoutWriting(o, o.officer.token, 'documents.stocktake-report-xlsx', { stocktake_id: 'no-such-stocktake', language: 'sw' }, 'stocktake-not-found');
  });
});

describe('a report with long lists and a large committee', () => {
  const DEVICES = 320;
  const MEMBERS = 30;
  let o: StocktakeOffice;
  let read: ReadBack;
  beforeAll(async () => {
    o = await openStocktakeOffice();
    for (let i = 1; i <= DEVICES; i += 1) {
      await o.ok(o.officer.token, 'assets.register', {
        category: 'desktop',
        make: 'HP',
        model: 'ProDesk 400 G7 Small Form Factor',
        serial: `CZC${String(i).padStart(6, '0')}`,
        tag: `MAJI/ICT/2025/${String(i).padStart(4, '0')}`,
        location_id: i % 2 ? o.locations.floor2 : o.locations.store,
        custodian_id: o.people.hamisi,
      });
    }
    const committee = [
      ...twoLocations(o).committee,
      ...Array.from({ length: MEMBERS - 3 }, (_, i) => ({ name: `Mjumbe Namba ${i + 4} wa Kamati ya Uhakiki`, title: 'Afisa Ugavi Mkuu, Kitengo cha Usimamizi wa Ununuzi', user_id: null, chair: false })),
    ];
    const s = await openTwoLocations(o, { committee });
    for (let i = 1; i <= 40; i += 1) await scanAt(o, o.officer.token, s, o.locations.store, `MAJI/ICT/2025/${String(i * 2 - 1).padStart(4, '0')}`);
    await o.ok(o.records.token, 'stocktake.close', { stocktake_id: s.id });
    read = readBack(await o.ok(o.auditor.token, 'documents.stocktake-report', { stocktake_id: s.id, language: 'en' }), 'stocktake-report-long-en');
  }, 120_000);
  afterAll(() => o.core.close());

  it('lists every device once, repeating the column headings on every page the list reaches', () => {
    for (let i = 1; i <= DEVICES; i += 1) {
      const tag = `MAJI/ICT/2025/${String(i).padStart(4, '0')}`;
      expect([tag, read.flat.split(tag).length - 1]).toEqual([tag, 1]);
    }
    const pages = read.pages.filter((page) => /MAJI\/ICT\/2025\/\d{4}/.test(page));
    expect(pages.length).toBeGreaterThan(10);
    const missingHeader = /No\. Asset tag Device Expected at Custodian Action taken/;
    const elsewhereHeader = /No\. Asset tag Device Expected at Found at Action taken/;
    for (const page of pages) expect(missingHeader.test(page) || elsewhereHeader.test(page)).toBe(true);
    expect(pages.filter((page) => missingHeader.test(page)).length).toBeGreaterThan(10);
    expect(pages.filter((page) => elsewhereHeader.test(page)).length).toBeGreaterThan(1);
    // The five devices of the fixture and the 320 of the floor and the store; the 40 scanned in the store were expected on the floor.
    expect(read.flat).toContain(`1. MISSING DEVICES (${DEVICES + 5 - 40})`);
    expect(read.flat).toContain('2. DEVICES FOUND ELSEWHERE (40)');
  });

  it('has a signature block for each of the thirty members, none cut across a page', () => {
    const signatures = read.flat.slice(read.flat.indexOf('SIGNATURES OF THE COMMITTEE'));
    for (let i = 4; i <= MEMBERS; i += 1) expect(signatures).toContain(`Mjumbe Namba ${i} wa Kamati ya Uhakiki`);
    expect(signatures.split('Member of the committee').length - 1).toBe(MEMBERS - 1);
    expect(signatures.split('Signature:').length - 1).toBe(MEMBERS);
    // Each page that holds blocks holds whole blocks: as many names as signature and date lines.
    for (const page of read.pages.filter((p) => p.includes('Signature:'))) {
      const blocks = page.split(/Chair of the committee|Member of the committee/).length - 1;
      expect([blocks, page.split('Signature:').length - 1, page.split('Date:').length - 1]).toEqual([blocks, blocks, blocks]);
    }
  });
});

describe('the report’s lists as a workbook', () => {
  let o: StocktakeOffice;
  let s: Stocktake;
  beforeAll(async () => {
    o = await openStocktakeOffice();
    s = await closedWithEveryFinding(o);
  });
  afterAll(() => o.core.close());

  const workbookOf = async (language: 'sw' | 'en') => {
    const sheet = await o.ok(o.auditor.token, 'documents.stocktake-report-xlsx', { stocktake_id: s.id, language });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(sheet.base64, 'base64') as unknown as ArrayBuffer);
    return { sheet, workbook };
  };
  const rowsOf = (workbook: ExcelJS.Workbook, name: string) => {
    const sheet = workbook.getWorksheet(name);
    expect([name, sheet === undefined]).toEqual([name, false]);
    return (sheet?.getSheetValues().slice(1) as unknown[][]).map((row) => (row ?? []).slice(1));
  };

  it('has a summary sheet with the counts by location, then one sheet per list, headed in English', async () => {
    const { sheet, workbook } = await workbookOf('en');
    expect(sheet.filename).toBe('stocktake-report-Uhakiki-wa-mwaka-2026.xlsx');
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Missing',
      'Found elsewhere',
      'Another custodian',
      'Different condition',
      'Label missing',
      'Not in the register',
      'Accounted for',
      'Outside the scope',
    ]);
    expect(rowsOf(workbook, 'Summary').slice(0, 4)).toEqual([
      ['Location', 'Expected', 'Found', 'Missing'],
      ['Ghorofa 2', 3, 2, 1],
      ['Stoo ya TEHAMA', 2, 1, 0],
      ['All locations', 5, 3, 1],
    ]);
    const missing = rowsOf(workbook, 'Missing');
    expect(missing[0]).toEqual(['No.', 'Asset tag', 'Make', 'Model', 'Serial number', 'Expected at', 'Custodian', 'Action taken']);
    expect(missing.slice(1).map((row) => [row[1], row[5]])).toEqual([['MAJI/ICT/2026/0003', 'Ghorofa 2']]);
    expect(String(missing[1]?.[7])).toMatch(/^Reported missing to the Accounting Officer — Mwanaidi Kombo/);
    expect(rowsOf(workbook, 'Found elsewhere').slice(1).map((row) => [row[1], row[5], row[6]])).toEqual([['MAJI/ICT/2026/0002', 'Ghorofa 2', 'Stoo ya TEHAMA']]);
    expect(rowsOf(workbook, 'Another custodian').slice(1).map((row) => [row[1], row[6], row[7]])).toEqual([['MAJI/ICT/2026/0001', 'Zuhura Said', 'Rehema Mollel']]);
    expect(rowsOf(workbook, 'Different condition').slice(1).map((row) => [row[1], row[6], row[7]])).toEqual([['MAJI/ICT/2026/0005', 'Working', 'Unserviceable']]);
    expect(rowsOf(workbook, 'Label missing').slice(1).map((row) => row[1])).toEqual(['MAJI/ICT/2026/0005']);
    expect(rowsOf(workbook, 'Not in the register').slice(1).map((row) => [row[1], row[2], row[3], row[4], row[7]])).toEqual([['KANDA-0099', 'Lenovo', 'ThinkPad T14', 'LN-77', 'Registered as MAJI/ICT/2026/0099 — Juma Ally, 23/11/2026']]);
    expect(rowsOf(workbook, 'Accounted for').slice(1).map((row) => [row[1], row[6]])).toEqual([['MAJI/ICT/2026/0004', 'away for repair']]);
    expect(rowsOf(workbook, 'Outside the scope')).toHaveLength(1);
  });

  it('is headed in Swahili by default', async () => {
    const { sheet, workbook } = await workbookOf('sw');
    expect(sheet.filename).toBe('taarifa-uhakiki-Uhakiki-wa-mwaka-2026.xlsx');
    expect(workbook.worksheets[0]?.name).toBe('Muhtasari');
    expect(rowsOf(workbook, 'Visivyopatikana')[0]).toEqual(['Na.', 'Namba ya kifaa', 'Mtengenezaji', 'Modeli', 'Namba ya seriali', 'Kilitarajiwa', 'Mtunzaji', 'Hatua iliyochukuliwa']);
    const summary = rowsOf(workbook, 'Muhtasari');
    expect(summary).toContainEqual(['Mwenyekiti', 'Mwanaidi Kombo, Afisa Kumbukumbu']);
    expect(summary).toContainEqual(['Vifaa vilivyotarajiwa', 5]);
  });
});
