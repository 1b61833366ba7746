// Importing a register end to end in real Chromium against the browser test host: a 200-row Excel
// register as an ICT unit keeps it, with three bad rows. The dry run names exactly those rows in
// Swahili and keeps the import shut, nothing is written; the corrected file imports all 200 at once.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { translator } from '../../db/contract/catalogues/index.ts';
import type { Result } from '../../db/contract/route.ts';
import { openCore, type Core } from '../../db/core.ts';
import { startHost, type Host } from '../../db/host/server.ts';
import { scryptHasher } from '../../db/users/passwords.ts';
import { BUILT, launchBrowser, requireWindowAndBrowser, screenshot, SCREENS, chooseLanguage as switchLanguage } from './harness.ts';


const sw = translator('sw');
const en = translator('en');

const INSTITUTION = {
  name: 'Wizara ya Fedha',
  code: 'WF',
  postal_address: 'S.L.P. 2802, Dodoma',
  accounting_officer_title: 'Katibu Mkuu',
  head_title: 'Katibu Mkuu',
};
const ADMIN = { display_name: 'Asha Juma Mrisho', username: 'amrisho', password: 'Kilimanjaro#2025', confirm: 'Kilimanjaro#2025' };

let dir: string;
let core: Core;
let host: Host;
let browser: Browser;
let page: Page;
let adminToken: string;
const consoleProblems: string[] = [];

/** Waits for the window to catch up; generous, since two browsers may share the machine. */
function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 30_000 });
}

async function call<T>(route: string, input: unknown): Promise<T> {
  const { result } = (await core.call(adminToken, route, input)) as { result: Result<unknown> };
  if (!result.ok) throw new Error(`${route}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A screen as a person would look at it: no pointer hovering, no passing notification over it. */
async function shot(name: string): Promise<void> {
  await screenshot(page, `${name}`);
}

/** Scrolls a section to the top of the window, below the fixed header. */
async function scrollTo(testId: string): Promise<void> {
  await page.getByTestId(testId).evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 76));
}

async function chooseLanguage(code: 'SW' | 'EN'): Promise<void> {
  await switchLanguage(page, code);
}

// ---- The register, as an ICT unit keeps it in Excel ----

const HEADERS = ['Na.', 'Aina ya kifaa', 'Mtengenezaji', 'Modeli', 'Namba ya utambulisho', 'Tarehe ya kununua', 'Bei (TZS)', 'Msambazaji', 'Chanzo cha fedha', 'Hali ya kifaa'];

const KINDS = [
  { category: 'Kompyuta ya mezani', make: 'Dell', model: 'OptiPlex 7090', serial: 'DL7090', cost: 1_850_000 },
  { category: 'Kompyuta mpakato', make: 'HP', model: 'ProBook 450 G8', serial: '5CD1', cost: 2_450_000 },
  { category: 'Laptop', make: 'Lenovo', model: 'ThinkPad E14 Gen 2', serial: 'PF2K', cost: 2_300_000 },
  { category: 'Printa', make: 'HP', model: 'LaserJet Pro M404dn', serial: 'PHBK', cost: 980_000 },
  { category: 'UPS', make: 'APC', model: 'Back-UPS BX1100', serial: '3B19', cost: 420_000 },
  { category: 'Skana', make: 'Canon', model: 'imageFORMULA DR-C225 II', serial: 'CN-GZ', cost: 1_150_000 },
  { category: 'Projekta', make: 'Epson', model: 'EB-X06', serial: 'X6FK', cost: 1_300_000 },
  { category: 'Swichi', make: 'Cisco', model: 'Catalyst 2960-X 24', serial: 'FOC2', cost: 3_600_000 },
] as const;
const SUPPLIERS = ['Kompyuta Bora Ltd', 'Dar Office Solutions', 'GPSA', 'Mzinga ICT Supplies'];
const FUNDS = ['Serikali Kuu', 'Mradi wa Benki ya Dunia', 'Mapato ya Ndani'];
const CONDITION = ['Kinafanya kazi', 'Kinafanya kazi', 'Kinahitaji betri mpya', 'Kinafanya kazi vizuri'];

/** Data rows begin below a title, a blank line and the headings: the first data row is row 4. */
const FIRST_ROW = 4;
const BAD = { category: 17, date: 88, duplicate: 151, duplicateOf: 9 };
const rowOf = (index: number) => FIRST_ROW + index;

function serialOf(index: number): string {
  const kind = KINDS[index % KINDS.length] as (typeof KINDS)[number];
  return `${kind.serial}${String(104_700 + index * 7)}`;
}

async function writeRegister(path: string, withErrors: boolean): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Rejista 2024-25');
  sheet.addRow(['WIZARA YA FEDHA — REJISTA YA VIFAA VYA TEHAMA (2024/25)']);
  sheet.addRow([]);
  sheet.addRow(HEADERS);
  for (let i = 0; i < 200; i += 1) {
    const kind = KINDS[i % KINDS.length] as (typeof KINDS)[number];
    const bought = new Date(Date.UTC(2019 + (i % 6), (i * 5) % 12, 1 + ((i * 7) % 28)));
    // Half the dates are Excel dates, the rest typed as offices type them.
    let purchase: Date | string = i % 2 === 0 ? bought : `${String(bought.getUTCDate()).padStart(2, '0')}/${String(bought.getUTCMonth() + 1).padStart(2, '0')}/${bought.getUTCFullYear()}`;
    let category: string = kind.category;
    let serial = serialOf(i);
    if (withErrors && i === BAD.category) category = 'Kamera ya CCTV';
    if (withErrors && i === BAD.date) purchase = '31/02/2023';
    if (!withErrors && i === BAD.date) purchase = '28/02/2023';
    if (withErrors && i === BAD.duplicate) serial = serialOf(BAD.duplicateOf);
    const cost = i % 3 === 0 ? `TSh ${kind.cost.toLocaleString('en-GB')}/=` : kind.cost;
    sheet.addRow([i + 1, category, kind.make, kind.model, serial, purchase, cost, SUPPLIERS[i % SUPPLIERS.length], FUNDS[i % FUNDS.length], CONDITION[i % CONDITION.length]]);
  }
  sheet.getColumn(6).numFmt = 'dd/mm/yyyy';
  await workbook.xlsx.writeFile(path);
}

// ---- Harness ----

beforeAll(async () => {
  requireWindowAndBrowser();
  mkdirSync(SCREENS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'daftari-e2e-import-'));
  core = await openCore({ path: join(dir, 'daftari.sqlite'), hasher: scryptHasher(10) });
  const setup = await core.call(null, 'setup.initialize', { institution: INSTITUTION, admin: ADMIN });
  if (!setup.result.ok || typeof setup.session !== 'string') throw new Error(`setup failed: ${JSON.stringify(setup.result)}`);
  adminToken = setup.session;
  host = await startHost({ core, root: BUILT });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleProblems.push(message.text());
  });
  page.on('pageerror', (error) => consoleProblems.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('importing a register in a real browser', () => {
  it('shows exactly the bad rows in Swahili, writes nothing, then imports the corrected file whole', { timeout: 240_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: join(SCREENS, 'import-failure.png') }).catch(() => undefined);
    });
    const register = join(dir, 'Rejista ya Vifaa vya TEHAMA 2024-25.xlsx');
    await writeRegister(register, true);

    // The ICT unit's administrator signs in through the window.
    await page.goto(host.url);
    await page.getByLabel(sw('signIn.username')).fill(ADMIN.username);
    await page.getByLabel(sw('signIn.password'), { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: sw('signIn.submit') }).click();
    await poll(() => page.getByTestId('user-name').textContent()).toBe(ADMIN.display_name);

    await page.getByTestId('nav-import').click();
    await poll(() => page.getByRole('heading', { name: sw('importUi.title') }).isVisible()).toBe(true);

    // A file of another kind is turned away before it travels.
    await page.getByTestId('import-file').setInputFiles({ name: 'rejista.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await poll(() => page.getByTestId('file-problem').textContent()).toBe(sw('importUi.file.wrong-type'));

    // The register with three bad rows.
    await page.getByTestId('import-file').setInputFiles(register);
    await poll(() => page.getByTestId('count-total').textContent()).toBe('200');
    expect(await page.getByTestId('count-valid').textContent()).toBe('197');
    expect(await page.getByTestId('count-invalid').textContent()).toBe('3');
    // The headings were recognised: the mapping is the core's suggestion, the sheet the register's.
    expect(await page.getByTestId('mapping-source').getAttribute('data-source')).toBe('suggested');
    expect(await page.getByTestId('map-category').inputValue()).toBe('Aina ya kifaa');
    expect(await page.getByTestId('map-serial').inputValue()).toBe('Namba ya utambulisho');
    expect(await page.getByTestId('import-sheet').inputValue()).toBe('Rejista 2024-25');

    // One column the suggestion did not know: the officer maps it by hand and checks again.
    expect(await page.getByTestId('map-notes').inputValue()).toBe('');
    await page.getByTestId('map-notes').click();
    await page.getByRole('option', { name: 'Hali ya kifaa' }).click();
    expect(await page.getByTestId('import-readiness').getAttribute('data-state')).toBe('mapping-changed');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('import-summary-sw');
    await scrollTo('mapping-editor');
    await shot('import-mapping-sw');
    await page.getByTestId('recheck').click();
    await poll(() => page.getByTestId('mapping-source').getAttribute('data-source')).toBe('given');
    expect(await page.getByTestId('count-invalid').textContent()).toBe('3');

    // Exactly the three bad rows, by the numbers Excel shows, each error in Swahili.
    const numbers = await page.getByTestId('error-row-number').allTextContents();
    expect(numbers.map(Number)).toEqual([rowOf(BAD.category), rowOf(BAD.date), rowOf(BAD.duplicate)]);
    const message = (row: number) => page.locator(`[data-testid="import-errors-table"] [data-row="${row}"] [data-testid="error-message"]`).allTextContents();
    expect(await message(rowOf(BAD.category))).toEqual([sw('errors.category-not-found', { value: 'Kamera ya CCTV' })]);
    expect(await message(rowOf(BAD.date))).toEqual([sw('validation.date', { value: '31/02/2023' })]);
    expect(await message(rowOf(BAD.duplicate))).toEqual([sw('import.errors.duplicate-serial', { serial: serialOf(BAD.duplicateOf), row: rowOf(BAD.duplicateOf) })]);
    expect(await page.locator(`[data-row="${rowOf(BAD.duplicate)}"]`).first().getAttribute('data-duplicate')).toBe('true');
    // The import stays shut, and says why.
    expect(await page.getByTestId('import-button').isDisabled()).toBe(true);
    expect(await page.getByTestId('import-blocked').textContent()).toBe(sw('importUi.commit.blocked'));
    expect(await page.getByTestId('all-or-nothing').textContent()).toBe(sw('importUi.commit.all-or-nothing'));
    await scrollTo('import-errors');
    await shot('import-preview-errors-sw');

    // The same errors in English, one click away.
    await chooseLanguage('EN');
    await poll(() => message(rowOf(BAD.category))).toEqual([en('errors.category-not-found', { value: 'Kamera ya CCTV' })]);
    expect(await message(rowOf(BAD.date))).toEqual([en('validation.date', { value: '31/02/2023' })]);
    await shot('import-preview-errors-en');
    await scrollTo('mapping-editor');
    await shot('import-mapping-en');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('import-summary-en');
    await chooseLanguage('SW');

    // The dry run wrote nothing.
    expect((await call<{ total: number }>('assets.list', {})).total).toBe(0);

    // The corrected file, chosen again: the officer's mapping is kept, and nothing is left to fix.
    await writeRegister(register, false);
    await page.getByTestId('import-file').setInputFiles(register);
    await poll(() => page.getByTestId('count-invalid').textContent()).toBe('0');
    expect(await page.getByTestId('count-valid').textContent()).toBe('200');
    expect(await page.getByTestId('mapping-source').getAttribute('data-source')).toBe('given');
    expect(await page.getByTestId('map-notes').inputValue()).toBe('Hali ya kifaa');
    expect(await page.getByTestId('no-errors').textContent()).toBe(sw('importUi.preview.no-errors', { count: 200 }));
    expect(await page.getByTestId('import-button').isDisabled()).toBe(false);
    expect(await page.getByTestId('import-button').textContent()).toBe(sw('importUi.commit.button', { count: 200 }));
    expect(await page.getByTestId('import-readiness').getAttribute('data-state')).toBe('ready');
    expect(await page.getByTestId('import-blocked').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('import-preview-ready-sw');
    expect((await call<{ total: number }>('assets.list', {})).total).toBe(0);

    // Nothing is written until the officer confirms.
    await page.getByTestId('import-button').click();
    await poll(() => page.getByTestId('import-confirm').isVisible()).toBe(true);
    await shot('import-confirm-sw');
    await page.getByTestId('import-confirm-button').click();
    await poll(() => page.getByTestId('import-done').isVisible()).toBe(true);

    // 200 devices in the register, tagged in file order, the hand-mapped column carried in.
    const ascending = await call<{ total: number; items: { tag: string; serial: string; notes?: string }[] }>('assets.list', { sort: 'tag_asc', limit: 1 });
    const descending = await call<{ items: { tag: string }[] }>('assets.list', { sort: 'tag_desc', limit: 1 });
    expect(ascending.total).toBe(200);
    const first = ascending.items[0]?.tag as string;
    const last = descending.items[0]?.tag as string;
    expect(first).toMatch(/^WF\/ICT\/\d{4}\/00001$/);
    expect(last).toMatch(/^WF\/ICT\/\d{4}\/00200$/);
    expect(await page.getByTestId('import-done-text').textContent()).toBe(sw('importUi.done.text', { count: 200, first, last }));
    const firstDevice = await call<{ serial: string; notes: string; category: string }>('assets.get', { asset_id: (ascending.items[0] as unknown as { id: string }).id });
    expect(firstDevice).toMatchObject({ serial: serialOf(0), notes: CONDITION[0], category: 'desktop' });
    await shot('import-done-sw');

    expect(consoleProblems).toEqual([]);
  });
});
