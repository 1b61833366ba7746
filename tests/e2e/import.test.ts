// Importing a real register end to end in Chromium against the browser test host, on a fresh
// installation: 250 devices under a merged title, with a total and signature lines below, dates and
// costs typed every way, places, departments and people nobody registered yet, categories in the
// office's own words, one category close to nothing, and five truly bad rows. The preview names
// exactly the bad rows; with them left out the rest go in at once, and the journal verifies.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { translator } from '../../db/contract/catalogues/index.ts';
import type { Result } from '../../db/contract/route.ts';
import { openCore, type Core } from '../../db/core.ts';
import { startHost, type Host } from '../../db/host/server.ts';
import { verifyStore } from '../../db/journal/verify.ts';
import { scryptHasher } from '../../db/users/passwords.ts';
import { officeRegister, OFFICE_DEPARTMENTS, OFFICE_PLACES, SWAHILI_HEADINGS, type Fault, type OfficeRegister } from '../fixtures/import/registers.ts';
import { BUILT, launchBrowser, requireWindowAndBrowser, screenshot, SCREENS, chooseLanguage, openWindow } from './harness.ts';

const sw = translator('sw');
const en = translator('en');

const INSTITUTION = {
  name: 'Wizara ya Maji',
  code: 'WM',
  postal_address: 'S.L.P. 456, Dodoma',
  accounting_officer_title: 'Katibu Mkuu',
  head_title: 'Katibu Mkuu',
};
const ADMIN = { display_name: 'Asha Juma Mrisho', username: 'amrisho', password: 'Kilimanjaro#2025', confirm: 'Kilimanjaro#2025' };

const DEVICES = 250;
const FAULTS: Record<number, Fault> = { 30: 'impossible-date', 77: 'negative-cost', 140: 'no-model', 201: 'repeated-serial', 233: 'unreadable-date' };
const UNSURE = { at: 111, category: 'Kamera ya CCTV' };

let dir: string;
let core: Core;
let host: Host;
let browser: Browser;
let page: Page;
let adminToken: string;
let register: OfficeRegister;
const consoleProblems: string[] = [];

/** Waits for the window to catch up; generous, since two browsers may share the machine. */
function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 60_000 });
}

async function call<T>(route: string, input: unknown): Promise<T> {
  const { result } = (await core.call(adminToken, route, input)) as { result: Result<unknown> };
  if (!result.ok) throw new Error(`${route}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Scrolls a section to the top of the window, below the fixed header. */
async function scrollTo(testId: string): Promise<void> {
  await page.getByTestId(testId).evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 76));
}

/** Elements of the preview whose text is cut or runs out of its box. */
async function overflowing(): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="import-screen"] *')]
      .filter((element) => element instanceof HTMLElement && element.children.length === 0 && (element.textContent ?? '').trim() !== '')
      .filter((element) => {
        const box = element as HTMLElement;
        const style = getComputedStyle(box);
        if (style.overflowX === 'visible' && style.textOverflow !== 'ellipsis') return false;
        return box.scrollWidth > box.clientWidth + 1;
      })
      .map((element) => (element.textContent ?? '').trim().slice(0, 60)),
  );
}

const count = (table: string) => (core.services.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(async () => {
  requireWindowAndBrowser();
  mkdirSync(SCREENS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'daftari-e2e-import-'));
  core = await openCore({ path: join(dir, 'daftari.sqlite'), hasher: scryptHasher(10) });
  const setup = await core.call(null, 'setup.initialize', { institution: INSTITUTION, admin: ADMIN });
  if (!setup.result.ok || typeof setup.session !== 'string') throw new Error(`setup failed: ${JSON.stringify(setup.result)}`);
  adminToken = setup.session;
  register = await officeRegister(DEVICES, FAULTS, UNSURE);
  host = await startHost({ core, root: BUILT });
  browser = await launchBrowser();
  page = await openWindow(browser, consoleProblems, { viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'Africa/Dar_es_Salaam', acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a fresh installation takes its first real register', () => {
  it('names exactly the bad rows, leaves them out on request, and registers the other 245 at once', { timeout: 300_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: join(SCREENS, 'import-failure.png'), fullPage: true }).catch(() => undefined);
    });
    // Nothing registered yet: no place, no department, no person.
    expect([count('locations'), count('departments'), count('people'), count('assets')]).toEqual([0, 0, 0, 0]);
    const file = join(dir, 'Rejista ya Vifaa vya TEHAMA 2025-26.xlsx');
    writeFileSync(file, register.bytes);

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

    await page.getByTestId('import-file').setInputFiles(file);
    await poll(() => page.getByTestId('count-total').textContent()).toBe(String(DEVICES));
    // The headings under the merged title; the total and the signature lines skipped, not in error.
    expect(await page.getByTestId('import-header-row').inputValue()).toBe(sw('importUi.file.header-row-number', { row: 4 }));
    expect(await page.getByTestId('import-header-row-text').textContent()).toBe(SWAHILI_HEADINGS.join(' · '));
    // Each row offered for the headings is written out whole in the list, not cut at the field's edge.
    await page.getByTestId('import-header-row').click();
    const headingOption = page.getByRole('option', { name: new RegExp(`^${sw('importUi.file.header-row-number', { row: 4 })}`) });
    await poll(() => headingOption.isVisible()).toBe(true);
    expect(await headingOption.textContent()).toBe(`${sw('importUi.file.header-row-number', { row: 4 })}${SWAHILI_HEADINGS.join(' · ')}`);
    await screenshot(page, 'import-header-row-open-sw');
    await page.keyboard.press('Escape');
    await poll(() => headingOption.isVisible()).toBe(false);
    expect(await page.getByTestId('map-serial').inputValue()).toBe('Namba ya Utambulisho (Serial No.)');
    expect(await page.getByTestId('map-cost_tzs').inputValue()).toBe('Gharama (TZS)');
    expect(await page.getByTestId('count-invalid').textContent()).toBe('5');
    expect(await page.getByTestId('count-valid').textContent()).toBe(String(DEVICES - 5));
    expect(await page.getByTestId('count-skipped').textContent()).toBe('3');
    expect((await page.locator('[data-testid="import-skipped-table"] tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row')))))).toEqual(register.footerRows);

    // Exactly the bad rows, by the numbers Excel shows, each naming what is wrong.
    const numbers = await page.getByTestId('error-row-number').allTextContents();
    expect(numbers.map(Number)).toEqual(register.faultyRows);
    const message = (row: number) => page.locator(`[data-testid="import-errors-table"] [data-row="${row}"] [data-testid="error-message"]`).allTextContents();
    const [date, cost, model, serial, year] = register.faultyRows as [number, number, number, number, number];
    expect(await message(date)).toEqual([sw('import.errors.date-impossible', { value: '31/02/2023', cell: `F${date}` })]);
    expect(await message(cost)).toEqual([sw('import.errors.cost-negative', { value: '-3,600,000', cell: `G${cost}` })]);
    expect(await message(model)).toEqual([sw('validation.required')]);
    expect(await message(serial)).toEqual([sw('import.errors.duplicate-serial', { serial: register.serialOf(12), row: register.firstRow + 12 })]);
    expect(await message(year)).toEqual([sw('import.errors.date-unreadable', { value: '2019/20', cell: `F${year}` })]);

    // Places, departments and people nobody registered are to be added; the office's words for
    // categories are taken for the catalogue's; one category close to nothing waits for the user.
    const choice = (field: string, value: string) => page.locator(`[data-testid="value-row"][data-field="${field}"][data-value="${value}"] [data-testid="value-choice"]`);
    await poll(() => choice('location', OFFICE_PLACES[0]).inputValue()).toBe(sw('importUi.values.create'));
    expect(await choice('department', OFFICE_DEPARTMENTS[2]).inputValue()).toBe(sw('importUi.values.create'));
    expect(await choice('category', 'Diski ya Nje').inputValue()).toBe(sw('categories.external_drive'));
    expect(await choice('category', 'Kompyuta za Mezani').inputValue()).toBe(sw('categories.desktop'));
    expect(await choice('category', UNSURE.category).inputValue()).toBe('');
    expect(await page.getByTestId('import-readiness').getAttribute('data-state')).toBe('values-unresolved');
    expect(await page.getByTestId('import-button').isDisabled()).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'import-preview-summary-sw');
    await scrollTo('import-values');
    await screenshot(page, 'import-preview-values-sw');
    expect(await overflowing()).toEqual([]);

    // The user says what the camera is.
    await choice('category', UNSURE.category).click();
    await page.getByRole('option', { name: sw('categories.other'), exact: true }).click();
    await poll(() => page.getByTestId('import-readiness').getAttribute('data-state')).toBe('has-errors');
    expect(await choice('category', UNSURE.category).inputValue()).toBe(sw('categories.other'));
    expect(await page.getByTestId('mapping-source').getAttribute('data-source')).toBe('suggested');
    expect(await page.getByTestId('count-invalid').textContent()).toBe('5');
    // The button promises only the devices that can be registered, and says what stays out.
    expect(await page.getByTestId('import-button').textContent()).toBe(sw('importUi.commit.button', { count: DEVICES - 5 }));
    expect(await page.getByTestId('import-button-without').textContent()).toBe(sw('importUi.commit.button-without', { count: 5 }));
    await scrollTo('import-errors');
    await screenshot(page, 'import-preview-errors-sw');
    await scrollTo('import-skipped');
    await screenshot(page, 'import-preview-skipped-sw');

    // The same preview in English.
    await chooseLanguage(page, 'EN');
    await poll(() => message(date)).toEqual([en('import.errors.date-impossible', { value: '31/02/2023', cell: `F${date}` })]);
    expect(await message(cost)).toEqual([en('import.errors.cost-negative', { value: '-3,600,000', cell: `G${cost}` })]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'import-preview-summary-en');
    await scrollTo('import-values');
    await screenshot(page, 'import-preview-values-en');
    await scrollTo('import-errors');
    await screenshot(page, 'import-preview-errors-en');
    expect(await overflowing()).toEqual([]);

    // The rows in error, saved to correct: the same columns, the error in the user's language.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-rejects').click()]);
    const saved = join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe('Rejista ya Vifaa vya TEHAMA 2025-26-rows-with-errors.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    const rejects = book.worksheets[0] as ExcelJS.Worksheet;
    expect(rejects.rowCount).toBe(6);
    expect(rejects.getRow(2).getCell(SWAHILI_HEADINGS.length + 1).value).toBe(`${en('import.fields.purchase_date')}: ${en('import.errors.date-impossible', { value: '31/02/2023', cell: `F${date}` })}`);
    await chooseLanguage(page, 'SW');

    // Nothing written by the preview, the download or the choices.
    expect([count('locations'), count('departments'), count('people'), count('assets')]).toEqual([0, 0, 0, 0]);

    // Leave the bad rows out: the rest go in at once.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('leave-out').check();
    await poll(() => page.getByTestId('import-readiness').getAttribute('data-state')).toBe('ready');
    expect(await page.getByTestId('import-button').textContent()).toBe(sw('importUi.commit.button', { count: DEVICES - 5 }));
    await screenshot(page, 'import-preview-ready-sw');
    await page.getByTestId('import-button').click();
    await poll(() => page.getByTestId('import-confirm').isVisible()).toBe(true);
    expect(await page.getByTestId('confirm-left-out').textContent()).toBe(sw('importUi.commit.confirm-left-out', { count: 5 }));
    await screenshot(page, 'import-confirm-sw');
    await page.getByTestId('import-confirm-button').click();
    await poll(() => page.getByTestId('import-done').isVisible()).toBe(true);
    await screenshot(page, 'import-done-sw');

    expect(count('assets')).toBe(DEVICES - 5);
    expect([count('locations'), count('departments'), count('people')]).toEqual([OFFICE_PLACES.length, OFFICE_DEPARTMENTS.length, 6]);
    const first = await call<{ items: { tag: string }[] }>('assets.list', { sort: 'tag_asc', limit: 1 });
    const last = await call<{ items: { tag: string }[] }>('assets.list', { sort: 'tag_desc', limit: 1 });
    expect(await page.getByTestId('import-done-text').textContent()).toBe(
      sw('importUi.done.text', { count: DEVICES - 5, first: first.items[0]?.tag as string, last: last.items[0]?.tag as string }),
    );
    expect(await page.getByTestId('import-done-left-out').textContent()).toBe(sw('importUi.done.left-out', { count: 5 }));
    const added = [sw('importUi.commit.added.location', { count: 5 }), sw('importUi.commit.added.department', { count: 4 }), sw('importUi.commit.added.custodian', { count: 6 })];
    expect(await page.getByTestId('import-done-created').textContent()).toBe(sw('importUi.done.created', { list: added.join(', ') }));
    const categories = core.services.store.sqlite.prepare('SELECT category, count(*) AS n FROM assets GROUP BY category ORDER BY category').all();
    expect(categories).toContainEqual({ category: 'external_drive', n: 31 });
    expect(categories).toContainEqual({ category: 'other', n: 1 });
    expect(await verifyStore(core.services.store, core.services.domain)).toMatchObject({ ok: true });
    expect(consoleProblems).toEqual([]);
  });
});
