// The log book as printed (3.6.4): the device's page and the institution's book for a period, read back
// from the PDF the routes return.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInput } from '../../../db/contract/routes.ts';
import type { PrintedDocument } from '../../../db/documents/pdf.ts';
import { expectRefused, okValue } from '../../helpers/core.ts';
import { buildFixture, DESKTOP_TAG, LAPTOP_TAG, OPEN_FAULT, PROVIDER, readBack, type Fixture } from '../../helpers/printed-forms.ts';

let f: Fixture;
beforeAll(async () => {
  f = await buildFixture();
});
afterAll(() => f.t.core.close());

function printPage(input: RouteInput<'documents.log-book-page'>, token = f.token): Promise<PrintedDocument> {
  return f.t.ok(token, 'documents.log-book-page', input);
}

function printPeriod(input: RouteInput<'documents.log-book-period'>, token = f.token): Promise<PrintedDocument> {
  return f.t.ok(token, 'documents.log-book-period', input);
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe("a device's log book page", () => {
  it('prints the particulars and every repair of the device in Swahili, oldest first', async () => {
    const document = await printPage({ asset_id: f.laptop, language: 'sw' });
    expect(document.mime).toBe('application/pdf');
    expect(document.filename).toBe('daftari-la-matengenezo-WF-IT-2024-0007.pdf');
    const { pages, flat } = readBack(document, 'log-book-page-sw');
    expect(pages).toHaveLength(1);

    for (const heading of ['JAMHURI YA MUUNGANO WA TANZANIA', 'WIZARA YA FEDHA', 'S.L.P. 2802, Dodoma', 'DAFTARI LA KUMBUKUMBU ZA MATENGENEZO', 'TAARIFA ZA KIFAA']) {
      expect(flat).toContain(heading);
    }
    for (const particular of [LAPTOP_TAG, 'Kompyuta mpakato', 'HP ProBook 450 G9', '5CD2143XYZ', 'Chumba 214, Ghorofa ya 2', 'Idara ya Uhasibu na Fedha', 'Zuhura Said Omari', 'Siri', '15/03/2024', '2,450,000', '14/03/2026']) {
      expect(flat).toContain(particular);
    }
    expect(flat).toContain('SSD 512 GB (S/N S4EVNX0R123)');
    for (const column of ['Na.', 'Tarehe ya taarifa', 'Hitilafu / dalili', 'Uchunguzi na hatua zilizochukuliwa', 'Vipuri (gharama)', 'Fundi / mtaalamu', 'Gharama (TSh)', 'Tarehe ya kufunga / matokeo', 'Siku bila huduma', 'Sahihi']) {
      expect(flat).toContain(column);
    }

    // Oldest first: the in-house repair, the off-site one, then the one still open.
    const first = flat.indexOf('Kompyuta inajizima');
    const second = flat.indexOf('Skrini inaonyesha mistari');
    const third = flat.indexOf(OPEN_FAULT);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(third).toBeGreaterThan(second);

    expect(flat).toContain('Chini ya dhamana');
    expect(flat).toContain('1 × Thermal paste — TSh 15,000');
    expect(flat).toContain('Fundi wa ndani Juma Ally');
    expect(flat).toContain(`Mtaalamu wa nje (3.6.2) ${PROVIDER}`);
    expect(flat).toContain('Kumb. ya kazi: DCS/JOB/2026/118');
    expect(flat).toContain('Msimamizi: Juma Ally');
    expect(flat).toContain('Nje ya taasisi: 11/06/2026 – 20/06/2026');
    expect(flat).toContain('05/02/2026 Kimetengenezwa');
    expect(flat).toContain('21/06/2026 Kipuri kimebadilishwa');
    expect(flat).toContain('105,000 vipuri 65,000 ufundi 40,000');
    // The open repair: its state, and its days out of service counted to the day of printing (16/11 → 23/11).
    expect(flat).toContain('Inashughulikiwa');
    expect(flat).toContain('7 hadi leo');
    // Totals: 15,000 + 105,000 shillings; 2 + 11 + 7 days.
    expect(flat).toContain('JUMLA — matengenezo 3 120,000 20');

    expect(flat).toContain('UTHIBITISHO');
    expect(flat).toContain('Afisa TEHAMA');
    expect(flat).toContain('Msimamizi Jina: Sahihi: Tarehe:');
    expect(flat).toContain('Muhuri wa taasisi');
    expect(flat).toContain('Imechapishwa tarehe 23/11/2026 na Asha Mrisho');
    expect(flat).toContain('toleo 2.0');
    expect(flat).toContain('Ukurasa 1 kati ya 1');
  });

  it('prints the same page in English, with English headings and the words people typed left as typed', async () => {
    const document = await printPage({ asset_id: f.laptop, language: 'en' });
    expect(document.filename).toBe('service-log-book-WF-IT-2024-0007.pdf');
    const { flat } = readBack(document, 'log-book-page-en');
    for (const heading of ['THE UNITED REPUBLIC OF TANZANIA', 'SERVICE MAINTENANCE LOG BOOK', 'DEVICE PARTICULARS', 'MAINTENANCE RECORDS', 'Date reported', 'Fault / symptoms', 'Diagnosis and action taken', 'Signature', 'CERTIFICATION', 'ICT Officer', 'Supervisor']) {
      expect(flat).toContain(heading);
    }
    expect(flat).not.toContain('JAMHURI YA MUUNGANO');
    expect(flat).not.toContain('Tarehe ya taarifa');
    expect(flat).toContain('Laptop');
    expect(flat).toContain('Part replaced');
    expect(flat).toContain(PROVIDER);
    expect(flat).toContain(OPEN_FAULT);
    expect(flat).toContain('TOTAL — 3 entries 120,000 20');
    expect(flat).toContain('Printed on 23/11/2026 by Asha Mrisho');
    expect(flat).toContain('Page 1 of 1');
  });

  it('runs forty repairs over several pages, the header row on each, numbered "page n of m"', async () => {
    const document = await printPage({ asset_id: f.desktop, language: 'sw' });
    const { pages, flat } = readBack(document, 'log-book-page-40');
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      const text = page.replace(/\s+/g, ' ');
      expect(text).toContain(`Ukurasa ${i + 1} kati ya ${pages.length}`);
      if (i > 0) expect(text).toContain(`Daftari la Kumbukumbu za Matengenezo — kifaa ${DESKTOP_TAG}`);
    });
    // The header row heads every page the table reaches; the certification may have a page of its own.
    const withTable = pages.filter((page) => page.includes('Hitilafu ya'));
    expect(withTable.length).toBeGreaterThan(1);
    for (const page of withTable) expect(count(page.replace(/\s+/g, ' '), 'Hitilafu / dalili Uchunguzi na hatua zilizochukuliwa')).toBe(1);
    for (let i = 1; i <= 40; i += 1) expect(count(flat, `Hitilafu ya ${i}:`)).toBe(1);
    expect(flat.indexOf('Hitilafu ya 1:')).toBeLessThan(flat.indexOf('Hitilafu ya 40:'));
    // 14 entries had 2 × 85,000 of RAM; all 40 had 10,000 of labour. Days: i % 4 over 40 entries = 60.
    expect(flat).toContain(`JUMLA — matengenezo 40 ${(14 * 170_000 + 40 * 10_000).toLocaleString('en-US')} 60`);
    expect(flat).toContain('UTHIBITISHO');
  });

  it('warns on the page of a secret device that it must never be connected directly to the Internet (3.2.3)', async () => {
    const secret = readBack(await printPage({ asset_id: f.desktop, language: 'sw' }), 'log-book-page-40');
    expect(secret.flat).toContain('Siri sana/siri kuu: kifaa hiki kisiunganishwe moja kwa moja kwenye Intaneti');
    const english = readBack(await printPage({ asset_id: f.desktop, language: 'en' }), 'log-book-page-40-en');
    expect(english.flat).toContain('must never be connected directly to the Internet');
    const confidential = readBack(await printPage({ asset_id: f.laptop, language: 'sw' }), 'log-book-page-sw');
    expect(confidential.flat).not.toContain('kisiunganishwe');
  });

  it('prints a page for a device never repaired, saying so, still with its certification', async () => {
    const { pages, flat } = readBack(await printPage({ asset_id: f.printer, language: 'sw' }), 'log-book-page-empty');
    expect(pages).toHaveLength(1);
    expect(flat).toContain('Hakuna matengenezo yaliyoandikwa kwa kifaa hiki.');
    expect(flat).toContain('JUMLA — matengenezo 0 0 0');
    expect(flat).toContain('Kumbukumbu hizi hazitaji toleo lolote la utaratibu wa matengenezo');
    expect(flat).toContain('UTHIBITISHO');
  });

  it('carries a repair longer than a page over to the next, under the header row again', async () => {
    // Reported before both periods printed below, so their totals stay as they are.
    const words = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`).join(' ');
    const asset = okValue(await f.t.call(f.token, 'assets.register', { tag: 'WF-SRV-0001', category: 'server', make: 'Dell', model: 'PowerEdge R740' }));
    const entry = okValue(
      await f.t.call(f.token, 'maintenance.report', { asset_id: asset.id, reported_on: '2024-06-03', reported_by: 'Juma Ally', symptoms: words('dalili', 250).slice(0, 2000) }),
    );
    okValue(await f.t.call(f.token, 'maintenance.diagnose', { entry_id: entry.id, diagnosis: words('uchunguzi', 180).slice(0, 2000) }));
    const actions = words('hatua', 560).slice(0, 4000);
    okValue(await f.t.call(f.token, 'maintenance.record-work', { entry_id: entry.id, actions, labour_cost_tzs: 250_000 }));
    const { pages, flat } = readBack(await printPage({ asset_id: asset.id, language: 'sw' }), 'log-book-page-long');
    expect(pages.length).toBeGreaterThan(1);
    const withRow = pages.filter((page) => /hatua\d/.test(page));
    expect(withRow.length).toBeGreaterThan(1);
    for (const page of withRow) expect(page.replace(/\s+/g, ' ')).toContain('Hitilafu / dalili Uchunguzi na hatua zilizochukuliwa');
    // Nothing of the text is lost at the page break.
    const last = actions.split(' ').at(-1) as string;
    expect(flat).toContain(`Hatua: hatua1 hatua2`);
    expect(flat).toContain(` ${last} `);
    for (let i = 1; i <= 300; i += 1) expect(count(flat, ` hatua${i} `)).toBe(1);
    expect(flat).toContain('JUMLA — matengenezo 1 250,000');
  });

  it('records who made it and when in the PDF itself, from the clock, with its typeface embedded', async () => {
    const document = await printPage({ asset_id: f.laptop, language: 'sw' });
    const { info, fonts } = readBack(document, 'log-book-page-sw');
    expect(fonts).toMatch(/NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes/);
    expect(fonts).toMatch(/NotoSans-Bold\s+CID TrueType\s+Identity-H\s+yes/);
    expect(fonts).not.toMatch(/Helvetica/);
    expect(info).toMatch(/Title:\s+Daftari la Kumbukumbu za Matengenezo — WF\/IT\/2024\/0007/);
    expect(info).toMatch(/Author:\s+Wizara ya Fedha/);
    expect(info).toMatch(/CreationDate:\s+2026-11-23T08:00:00/);
    expect(info).toMatch(/Page size:\s+841.89 x 595.28 pts \(A4\)/);
  });

  it('prints the same bytes twice from the same records at the same time', async () => {
    const a = await printPage({ asset_id: f.laptop, language: 'en' });
    const b = await printPage({ asset_id: f.laptop, language: 'en' });
    expect(a.base64).toBe(b.base64);
  });

  it('lets an auditor print, and refuses a device that is not in the register', async () => {
    const document = await printPage({ asset_id: f.laptop }, f.auditorToken);
    expect(readBack(document, 'log-book-page-auditor').flat).toContain('Imechapishwa tarehe 23/11/2026 na Rashidi Mkaguzi');
    expectRefused(await f.t.call(f.token, 'documents.log-book-page', { asset_id: 'no-such-device', language: 'sw' }), 'asset-not-found');
    expectRefused(await f.t.callRaw(f.token, 'documents.log-book-page', { asset_id: f.laptop, language: 'fr' }), 'invalid-input');
  });
});

describe("the institution's log book for a period", () => {
  it('lists every repair reported in the period across devices, with totals and a summary', async () => {
    const document = await printPeriod({ from: '2026-01-01', to: '2026-11-30', language: 'sw' });
    expect(document.filename).toBe('daftari-la-matengenezo-2026-01-01-hadi-2026-11-30.pdf');
    const { flat } = readBack(document, 'log-book-period-sw');
    expect(flat).toContain('JAMHURI YA MUUNGANO WA TANZANIA');
    expect(flat).toContain('kuanzia 01/01/2026 hadi 30/11/2026');
    for (const column of ['Namba ya kifaa', 'Kifaa', 'Hitilafu / dalili', 'Fundi / mtaalamu', 'Gharama (TSh)', 'Tarehe ya kufunga / matokeo']) expect(flat).toContain(column);
    expect(flat).toContain(LAPTOP_TAG);
    expect(flat).toContain(PROVIDER);
    expect(flat).toContain(OPEN_FAULT);
    // The desktop's forty repairs were all in 2025.
    expect(flat).not.toContain(DESKTOP_TAG);
    expect(flat).toContain('JUMLA — matengenezo 3 120,000 20');
    expect(flat).toContain('MUHTASARI');
    expect(flat).toContain('Kimetengenezwa 1');
    expect(flat).toContain('Kipuri kimebadilishwa 1');
    expect(flat).toContain('Hakitengenezeki kiuchumi 0');
    expect(flat).toContain('Bado yanaendelea 1');
    expect(flat).toContain('Jumla ya matengenezo 3');
    expect(flat).toContain('Vifaa vilivyohusika 1');
    expect(flat).toContain('Jumla ya gharama (TSh) 120,000');
    expect(flat).toContain('Jumla ya siku bila huduma 20');
    expect(flat).toContain('UTHIBITISHO');
  });

  it('includes both ends of the period and runs over pages in English', async () => {
    const document = await printPeriod({ from: '2025-01-06', to: '2026-02-03', language: 'en' });
    expect(document.filename).toBe('service-log-book-2025-01-06-to-2026-02-03.pdf');
    const { pages, flat } = readBack(document, 'log-book-period-en');
    expect(pages.length).toBeGreaterThan(1);
    expect(flat).toContain('Hitilafu ya 1:');
    expect(flat).toContain('Kompyuta inajizima');
    expect(flat).not.toContain('Skrini inaonyesha mistari');
    expect(flat).toContain('SUMMARY');
    expect(flat).toContain('Entries in total 41');
    expect(flat).toContain('Devices concerned 2');
    expect(flat).toContain(`Page ${pages.length} of ${pages.length}`);
    for (const page of pages.filter((p) => p.includes('Hitilafu ya'))) expect(page.replace(/\s+/g, ' ')).toContain('Fault / symptoms');
  });

  it('prints an empty period as such, and refuses a period that ends before it starts', async () => {
    const { flat } = readBack(await printPeriod({ from: '2020-01-01', to: '2020-12-31' }), 'log-book-period-empty');
    expect(flat).toContain('Hakuna matengenezo yaliyoripotiwa katika kipindi hiki.');
    expect(flat).toContain('Jumla ya matengenezo 0');
    const refused = expectRefused(await f.t.call(f.token, 'documents.log-book-period', { from: '2026-02-01', to: '2026-01-31' }), 'invalid-input');
    expect(refused.fields).toEqual({ to: 'documents.validation.period' });
  });
});
