// Stocktake (issue 13) end to end in real Chromium, the scanner simulated by typing a tag and Enter: the
// records officer opens a stocktake of two locations (refused first, beside the fields, for a chair with
// no account and a last day before the first); the ICT officer counts devices found here, elsewhere,
// with another custodian, twice, and a code the register does not know (recorded), and takes back a
// wrong scan; a third location is counted on a second installation whose bundle is imported through the
// Sync screen; the chair closes; each kind of action is taken (move, correct the custodian, register the
// unknown device, report a missing one) and the Accounting Officer acknowledges the incident; the report
// is printed and saved as Excel. Screens in both languages at 1366×768.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { translator } from '../../db/contract/catalogues/index.ts';
import { addDays, formatDay, workingDay } from '../../db/contract/days.ts';
import type { Result } from '../../db/contract/route.ts';
import { openCore, type Core } from '../../db/core.ts';
import { startHost, type Host } from '../../db/host/server.ts';
import { scryptHasher } from '../../db/users/passwords.ts';
import { readBack } from '../helpers/printed-forms.ts';
import { BUILT, chooseLanguage, cutOff, launchBrowser, requireWindowAndBrowser, screenshot, SCREENS, openWindow } from './harness.ts';

const sw = translator('sw');
const en = translator('en');

const INSTITUTION = { name: 'Wizara ya Maji', code: 'MAJI', postal_address: 'S.L.P. 456, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Waziri' };
const ADMIN = { display_name: 'Asha Juma Mrisho', username: 'amrisho', password: 'Kilimanjaro#2025', confirm: 'Kilimanjaro#2025' };
const ADMIN_B = { display_name: 'Baraka Mollel', username: 'bmollel', password: 'Serengeti!Mpya88', confirm: 'Serengeti!Mpya88' };
const OFFICER = { display_name: 'Juma Ally', username: 'jally', temporary: 'Muda-wa-Kwanza7', chosen: 'Tanganyika!Ziwa61' };
const RECORDS = { display_name: 'Mwanaidi Kombo', username: 'mkombo', temporary: 'Muda-wa-Kwanza9', chosen: 'Rufiji!Delta2026' };
const ACCOUNTANT = { display_name: 'Bi. Rehema Kweka', username: 'rkweka', temporary: 'Muda-wa-Kwanza8', chosen: 'Ruaha!Mbuga2025' };
type Who = typeof OFFICER;

const TAGS = {
  laptop: 'MAJI/ICT/2026/0001',
  laptop2: 'MAJI/ICT/2026/0002',
  desktop: 'MAJI/ICT/2026/0003',
  printer: 'MAJI/ICT/2026/0004',
  projector: 'MAJI/ICT/2026/0005',
  router: 'MAJI/ICT/2026/0006',
};
const UNKNOWN_CODE = 'KANDA-0099';
const NAME = 'Uhakiki wa mwaka 2026';

let dir: string;
let core: Core;
let coreB: Core;
let host: Host;
let browser: Browser;
let page: Page;
let adminToken: string;
let adminBToken: string;
let officerToken: string;
const places: Record<'floor2' | 'store' | 'zone', string> = {} as never;
const devices: Record<keyof typeof TAGS, string> = {} as never;
const people: Record<'zuhura' | 'hamisi' | 'rehema', string> = {} as never;
const consoleProblems: string[] = [];

const today = () => workingDay(new Date());

function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 30_000 });
}

async function callOn<T>(at: Core, token: string, route: string, input: unknown): Promise<T> {
  const { result } = (await at.call(token, route, input)) as { result: Result<unknown> };
  if (!result.ok) throw new Error(`${route}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
const call = <T,>(token: string, route: string, input: unknown) => callOn<T>(core, token, route, input);

/** An account with its own password, as after its first sign-in. */
async function account(who: Who, roles: string[]): Promise<string> {
  await call(adminToken, 'users.create', { username: who.username, display_name: who.display_name, roles, temporary_password: who.temporary });
  const first = await core.call(null, 'auth.sign-in', { username: who.username, password: who.temporary });
  const token = first.session as string;
  await call(token, 'auth.change-password', { current: who.temporary, next: who.chosen, confirm: who.chosen });
  return token;
}

async function signIn(who: { username: string; chosen: string; display_name: string }): Promise<void> {
  await page.getByLabel(sw('signIn.username')).fill(who.username);
  await page.getByLabel(sw('signIn.password'), { exact: true }).fill(who.chosen);
  await page.getByRole('button', { name: sw('signIn.submit') }).click();
  await poll(() => page.getByTestId('user-name').textContent()).toBe(who.display_name);
}

async function signOut(): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await poll(() => page.getByTestId('sign-in-form').isVisible()).toBe(true);
}

async function pick(testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function typeDate(locator: ReturnType<Page['getByTestId']>, day: string): Promise<void> {
  await locator.fill(formatDay(day));
  await locator.press('Tab');
}

/** The stocktake's page, from the navigation. */
async function openStocktake(): Promise<void> {
  await page.getByTestId('nav-stocktake').click();
  const row = page.locator(`[data-testid="stocktake-row"][data-name="${NAME}"]`);
  await poll(() => row.isVisible()).toBe(true);
  await row.click();
  await poll(() => page.getByTestId('stocktake').isVisible()).toBe(true);
}

/** What a USB scanner does: types the tag into whatever has the focus, then Enter. */
async function scan(code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

const panel = () => page.getByTestId('scan-panel');
const finding = (list: string, tag: string) => page.locator(`[data-testid="finding-list"][data-list="${list}"] [data-testid="finding"][data-tag="${tag}"]`);
const list = (name: string) => page.locator(`[data-testid="finding-list"][data-list="${name}"]`);

async function expectAnswer(outcome: string, tag: string | null): Promise<void> {
  await poll(() => panel().getAttribute('data-outcome')).toBe(outcome);
  expect(await panel().getByTestId('scan-outcome').textContent()).toBe(sw(`stocktake_ui.count.outcomes.${outcome}`));
  if (tag) expect(await panel().getByTestId('scan-tag').textContent()).toBe(tag);
  // The scanner's field is empty and has the focus again, for the next label.
  expect(await page.getByTestId('scanner').inputValue()).toBe('');
  await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('scanner');
}

async function chooseLocation(name: string): Promise<void> {
  await pick('count-location', name);
  await poll(() => page.getByTestId('scanner').isVisible()).toBe(true);
  await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('scanner');
}

/** One of the report's files, downloaded from the stocktake's page. */
async function download(key: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = (await Promise.all([page.waitForEvent('download'), page.getByTestId(`report-${key}`).click()])) as [Download, unknown];
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path()) as string) };
}

async function nothingCutOff(): Promise<void> {
  expect(await cutOff(page, '[data-testid="stocktake"]')).toEqual([]);
  // Nothing wider than the window at 1366×768.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

beforeAll(async () => {
  requireWindowAndBrowser();
  mkdirSync(SCREENS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'daftari-e2e-stocktake-'));
  core = await openCore({ path: join(dir, 'dodoma.sqlite'), hasher: scryptHasher(10) });
  const setup = await core.call(null, 'setup.initialize', { institution: INSTITUTION, admin: ADMIN });
  if (!setup.result.ok || typeof setup.session !== 'string') throw new Error(`setup failed: ${JSON.stringify(setup.result)}`);
  adminToken = setup.session;
  officerToken = await account(OFFICER, ['ict_officer']);
  await account(RECORDS, ['records_officer']);
  await account(ACCOUNTANT, ['accounting_officer']);

  places.floor2 = (await call<{ id: string }>(adminToken, 'locations.create', { name: 'Ghorofa 2' })).id;
  places.store = (await call<{ id: string }>(adminToken, 'locations.create', { name: 'Stoo ya TEHAMA' })).id;
  places.zone = (await call<{ id: string }>(adminToken, 'locations.create', { name: 'Ofisi ya Kanda Mwanza' })).id;
  people.zuhura = (await call<{ id: string }>(adminToken, 'people.register', { full_name: 'Zuhura Said Omari', check_number: '100230' })).id;
  people.hamisi = (await call<{ id: string }>(adminToken, 'people.register', { full_name: 'Hamisi Juma', check_number: '100231' })).id;
  people.rehema = (await call<{ id: string }>(adminToken, 'people.register', { full_name: 'Rehema Mollel', check_number: '100232' })).id;
  const register = async (key: keyof typeof TAGS, fields: Record<string, unknown>) => {
    devices[key] = (await call<{ id: string }>(officerToken, 'assets.register', { classification: 'internal', tag: TAGS[key], ...fields })).id;
  };
  await register('laptop', { category: 'laptop', make: 'Dell', model: 'Latitude 5440', serial: 'DL-1', location_id: places.floor2, custodian_id: people.zuhura });
  await register('laptop2', { category: 'laptop', make: 'Lenovo', model: 'ThinkPad E14', serial: 'LN-2', location_id: places.floor2, custodian_id: people.hamisi });
  await register('desktop', { category: 'desktop', make: 'HP', model: 'ProDesk 400', serial: 'HP-3', location_id: places.floor2 });
  await register('printer', { category: 'printer', make: 'HP', model: 'LaserJet M404', serial: 'PR-4', location_id: places.store });
  await register('projector', { category: 'projector', make: 'Epson', model: 'EB-X49', serial: 'EP-5', location_id: places.store });
  await register('router', { category: 'other', make: 'Cisco', model: 'ISR 1100', serial: 'CS-6', location_id: places.zone });

  // The second installation, at the zone office: its own file, its own administrator.
  coreB = await openCore({ path: join(dir, 'mwanza.sqlite'), hasher: scryptHasher(10) });
  const setupB = await coreB.call(null, 'setup.initialize', { institution: INSTITUTION, admin: ADMIN_B });
  if (!setupB.result.ok || typeof setupB.session !== 'string') throw new Error(`setup B failed: ${JSON.stringify(setupB.result)}`);
  adminBToken = setupB.session;

  host = await startHost({ core, root: BUILT });
  browser = await launchBrowser();
  page = await openWindow(browser, consoleProblems, { viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  core?.close();
  coreB?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a stocktake in a real browser', () => {
  it('is opened, counted by scanning on two installations, closed by its chair, acted on and printed', { timeout: 480_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: join(SCREENS, 'stocktake-failure.png') }).catch(() => undefined);
    });
    await page.goto(host.url);

    // ---- The records officer opens a stocktake of two locations. --------------------------------------
    await signIn(RECORDS);
    await page.getByTestId('nav-stocktake').click();
    await poll(() => page.getByTestId('empty-title').textContent()).toBe(sw('stocktake_ui.list.empty'));
    await page.getByTestId('open-stocktake').click();
    const form = page.getByTestId('open-stocktake-form');
    await form.getByTestId('stocktake-name').fill(NAME);
    await form.getByTestId('scope-kind').getByText(sw('stocktake_ui.open.scope-kinds.locations')).click();
    await form.getByTestId('scope-locations').click();
    await page.getByRole('option', { name: 'Ghorofa 2' }).click();
    await page.getByRole('option', { name: 'Stoo ya TEHAMA' }).click();
    await page.keyboard.press('Escape');
    // The first member is the one opening it, with their account.
    expect(await form.getByTestId('member-name').first().inputValue()).toBe(RECORDS.display_name);
    await form.getByTestId('member-title').first().fill('Afisa Kumbukumbu');
    await form.getByTestId('add-member').click();
    await form.getByTestId('member-name').nth(1).fill(OFFICER.display_name);
    await form.getByTestId('member-title').nth(1).fill('Afisa TEHAMA');
    await form.getByTestId('add-member').click();
    await form.getByTestId('member-name').nth(2).fill('Saidi Mrisho');
    await form.getByTestId('member-title').nth(2).fill('Mhasibu');
    // A chair without an account, and a last day before the first: each refused beside its field.
    await form.getByTestId('member-chair').nth(1).check();
    await typeDate(form.getByTestId('starts-on'), today());
    await typeDate(form.getByTestId('ends-on'), addDays(today(), -1));
    await form.getByTestId('submit').click();
    await poll(() => form.getByTestId('committee-error').textContent()).toBe(sw('validation.stocktake-chair-account'));
    await poll(() => form.getByText(sw('validation.stocktake-ends-before-start')).isVisible()).toBe(true);
    expect(await call<unknown[]>(adminToken, 'stocktake.list', { state: 'all' })).toEqual([]);
    await screenshot(page, 'stocktake-open-refused-sw');
    await chooseLanguage(page, 'EN');
    await poll(() => form.getByTestId('committee-error').textContent()).toBe(en('validation.stocktake-chair-account'));
    await poll(() => form.getByText(en('validation.stocktake-ends-before-start')).isVisible()).toBe(true);
    await screenshot(page, 'stocktake-open-refused-en');
    await chooseLanguage(page, 'SW');
    await form.getByTestId('member-chair').first().check();
    await typeDate(form.getByTestId('ends-on'), addDays(today(), 4));
    await form.getByTestId('submit').click();
    await poll(() => page.getByTestId('stocktake').getAttribute('data-state')).toBe('open');
    expect(await page.getByTestId('stocktake-name').textContent()).toBe(NAME);
    const [summary] = await call<{ id: string; expected_count: number }[]>(adminToken, 'stocktake.list', { state: 'all' });
    expect(summary?.expected_count).toBe(5);
    const stocktakeId = summary?.id ?? '';
    await page.getByTestId('tab-particulars').click();
    await poll(() => page.getByTestId('committee-list').textContent()).toContain(`${RECORDS.display_name} (Afisa Kumbukumbu, ${sw('stocktake_ui.detail.chair')})`);
    expect(await page.getByTestId('particulars').textContent()).toContain(`${sw('stocktake_ui.open.scope-kinds.locations')}: Ghorofa 2, Stoo ya TEHAMA`);
    // The chair may close; it is not done yet.
    expect(await page.getByTestId('close-stocktake').isEnabled()).toBe(true);
    await signOut();

    // The zone office's installation receives the stocktake, with its frozen snapshot, before counting.
    const fromA = await callOn<{ base64: string }>(core, adminToken, 'sync.export', { peer_id: null });
    await callOn(coreB, adminBToken, 'sync.import', { file: { name: 'dodoma.daftari', base64: fromA.base64 }, accept_new_peer: true });
    expect((await callOn<{ snapshot_sha256: string }>(coreB, adminBToken, 'stocktake.get', { stocktake_id: stocktakeId })).snapshot_sha256).toBe(
      (await call<{ snapshot_sha256: string }>(adminToken, 'stocktake.get', { stocktake_id: stocktakeId })).snapshot_sha256,
    );

    // A change to the register after opening is shown beside the frozen expectation, not in it.
    await call(officerToken, 'maintenance.report', { asset_id: devices.desktop, reported_on: today(), reported_by: 'Zuhura Said Omari', symptoms: 'Skrini haiwaki' });

    // ---- The ICT officer counts. --------------------------------------------------------------------
    await signIn(OFFICER);
    await openStocktake();
    // Not the chair: the close button says who is.
    expect(await page.getByTestId('close-stocktake').isDisabled()).toBe(true);
    expect(await page.getByTestId('close-chair-only').textContent()).toBe(sw('stocktake_ui.detail.close-chair-only', { name: RECORDS.display_name }));
    await chooseLocation('Ghorofa 2');
    await poll(() => page.getByTestId('location-progress').getAttribute('data-expected')).toBe('3');
    const desktopRow = page.locator(`[data-testid="expected-row"][data-tag="${TAGS.desktop}"]`);
    await poll(() => desktopRow.getByTestId('expected-changed').textContent()).toBe(
      sw('stocktake_ui.count.expected.changed', { what: sw('stocktake_ui.count.expected.status-now', { status: sw('statuses.under_repair') }) }),
    );

    // The laptop is here, but Rehema holds it: said before the scan, amber after it.
    await page.getByTestId('observed-toggle').click();
    await page.getByTestId('observed-custodian').click();
    await page.getByTestId('observed-custodian').fill('Rehema');
    await page.getByRole('option', { name: 'Rehema Mollel' }).click();
    await page.getByTestId('scanner').focus();
    await scan(TAGS.laptop);
    await expectAnswer('other-custodian', TAGS.laptop);
    expect(await panel().getAttribute('data-tone')).toBe('amber');
    expect(await panel().getByTestId('scan-device').textContent()).toBe('Dell Latitude 5440');
    // What was seen is cleared for the next device.
    expect(await page.getByTestId('observed-label-missing').isChecked()).toBe(false);
    await screenshot(page, 'stocktake-count-other-custodian-sw');
    await poll(() => page.locator(`[data-testid="count-row"][data-tag="${TAGS.laptop}"]`).getAttribute('data-outcome')).toBe('other-custodian');
    await poll(() => page.getByTestId('location-progress-text').textContent()).toBe(sw('stocktake_ui.count.progress', { counted: 1, expected: 3 }));

    // In the ICT store: the printer is found here (green), then scanned again (grey, where and by whom).
    await chooseLocation('Stoo ya TEHAMA');
    await scan(TAGS.printer);
    await expectAnswer('found-here', TAGS.printer);
    expect(await panel().getAttribute('data-tone')).toBe('green');
    await screenshot(page, 'stocktake-count-found-here-sw');
    await chooseLanguage(page, 'EN');
    await poll(() => panel().getByTestId('scan-outcome').textContent()).toBe(en('stocktake_ui.count.outcomes.found-here'));
    await nothingCutOff();
    await screenshot(page, 'stocktake-count-found-here-en');
    await chooseLanguage(page, 'SW');
    await page.getByTestId('scanner').focus();
    await scan(TAGS.printer);
    await expectAnswer('already-counted', TAGS.printer);
    expect(await panel().getAttribute('data-tone')).toBe('grey');
    expect(await panel().getByTestId('scan-detail').textContent()).toMatch(/^Kilihesabiwa Stoo ya TEHAMA na Juma Ally, \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\. Hakuna jipya lililoandikwa\.$/);
    await screenshot(page, 'stocktake-count-already-counted-sw');
    // The second laptop, expected on the second floor, is here: found elsewhere.
    await scan(TAGS.laptop2);
    await expectAnswer('found-elsewhere', TAGS.laptop2);
    expect(await panel().getByTestId('scan-detail').textContent()).toBe(sw('stocktake_ui.count.expected-at', { place: 'Ghorofa 2' }));
    await screenshot(page, 'stocktake-count-found-elsewhere-sw');
    await chooseLanguage(page, 'EN');
    await poll(() => panel().getByTestId('scan-detail').textContent()).toBe(en('stocktake_ui.count.expected-at', { place: 'Ghorofa 2' }));
    await screenshot(page, 'stocktake-count-found-elsewhere-en');
    await chooseLanguage(page, 'SW');
    await page.getByTestId('scanner').focus();
    // The projector scanned here by mistake (it is at the zone office for a workshop), then taken back.
    await scan(TAGS.projector);
    await expectAnswer('found-here', TAGS.projector);
    const projectorCount = page.locator(`[data-testid="count-row"][data-tag="${TAGS.projector}"]`);
    await poll(() => projectorCount.isVisible()).toBe(true);
    await projectorCount.getByTestId('undo-count').click();
    await poll(() => projectorCount.count()).toBe(0);
    // A label the register does not know: red, and described on the spot.
    await page.getByTestId('scanner').focus();
    await scan(UNKNOWN_CODE);
    await expectAnswer('not-in-register', null);
    expect(await panel().getAttribute('data-tone')).toBe('red');
    expect(await panel().getByTestId('scan-tag').textContent()).toBe(sw('stocktake_ui.count.code', { code: UNKNOWN_CODE }));
    await screenshot(page, 'stocktake-count-not-in-register-sw');
    await panel().getByTestId('record-unknown').click();
    const unknownForm = page.getByTestId('unknown-form');
    await unknownForm.getByTestId('unknown-make').fill('Lenovo');
    await unknownForm.getByTestId('unknown-model').fill('ThinkPad T14');
    await unknownForm.getByTestId('unknown-serial').fill('LN-77');
    await screenshot(page, 'stocktake-count-unknown-form-sw');
    await unknownForm.getByTestId('submit').click();
    await poll(() => unknownForm.count()).toBe(0);
    await poll(() => page.locator('[data-testid="count-row"][data-outcome="unknown"]').count()).toBe(1);
    await poll(() => panel().getAttribute('data-outcome')).toBe('waiting');
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('scanner');
    await poll(() => page.getByTestId('location-progress-text').textContent()).toBe(sw('stocktake_ui.count.progress', { counted: 1, expected: 2 }));
    await nothingCutOff();
    await screenshot(page, 'stocktake-count-store-sw');
    await chooseLanguage(page, 'EN');
    await poll(() => page.getByTestId('location-progress-text').textContent()).toBe(en('stocktake_ui.count.progress', { counted: 1, expected: 2 }));
    await nothingCutOff();
    await screenshot(page, 'stocktake-count-store-en');
    await chooseLanguage(page, 'SW');
    await signOut();

    // ---- A third location, counted on the second installation, comes back by bundle. ------------------
    const atZone = async (code: string) => (await callOn<{ outcome: string }>(coreB, adminBToken, 'stocktake.scan', { stocktake_id: stocktakeId, location_id: places.zone, code })).outcome;
    expect(await atZone(TAGS.projector)).toBe('found-elsewhere');
    expect(await atZone(TAGS.router)).toBe('not-expected');
    // The printer, counted in the ICT store on the first installation, is counted here too.
    expect(await atZone(TAGS.printer)).toBe('found-elsewhere');
    const fromB = await callOn<{ base64: string; filename?: string }>(coreB, adminBToken, 'sync.export', { peer_id: null });
    const bundlePath = join(dir, 'mwanza.daftari');
    writeFileSync(bundlePath, Buffer.from(fromB.base64, 'base64'));

    await signIn({ ...ADMIN, chosen: ADMIN.password });
    await page.getByTestId('nav-sync').click();
    await page.getByTestId('tab-receive').click();
    await page.getByTestId('receive-panel').locator('input[type="file"]').setInputFiles(bundlePath);
    await poll(() => page.getByTestId('bundle-preview').isVisible()).toBe(true);
    const countedRow = page.locator('[data-testid="preview-counts"] tr[data-type="stocktake.counted"]');
    expect(await countedRow.textContent()).toContain(sw('syncUi.types.stocktake.counted'));
    expect(await countedRow.getByTestId('count-new').textContent()).toBe('3');
    await poll(() => page.getByTestId('preview-conflicts').textContent()).toBe(sw('syncUi.receive.conflicts-some', { after: 1, now: 0 }));
    await page.getByTestId('accept-peer').check();
    await page.getByTestId('apply-bundle').click();
    await poll(() => page.getByTestId('bundle-applied').isVisible()).toBe(true);
    // The printer counted in two places is a conflict told in plain words, linked to the stocktake.
    await page.getByTestId('tab-conflicts').click();
    const twice = page.locator('[data-testid="conflict"][data-kind="stocktake-counted-in-two-places"]');
    // The two places in the order the counts' ids fall.
    const inStore = `Stoo ya TEHAMA (${OFFICER.display_name})`;
    const atZoneOffice = `Ofisi ya Kanda Mwanza (${ADMIN_B.display_name})`;
    const sentences = [`${inStore}, ${atZoneOffice}`, `${atZoneOffice}, ${inStore}`].map((places) => sw('stocktake.conflicts.counted-in-two-places', { tag: TAGS.printer, stocktake: NAME, places }));
    await poll(() => twice.getByTestId('conflict-text').isVisible()).toBe(true);
    const twiceText = (await twice.getByTestId('conflict-text').textContent()) ?? '';
    expect(sentences).toContain(twiceText);
    expect(await twice.locator('h3').textContent()).toBe(sw('stocktake_ui.conflicts.title'));
    expect(await twice.getByTestId('conflict-device-tag').allTextContents()).toEqual([TAGS.printer]);
    await screenshot(page, 'stocktake-sync-conflict-sw');
    await twice.getByTestId('conflict-area').click();
    await poll(() => page.getByTestId('stocktakes-table').isVisible()).toBe(true);
    await openStocktake();
    await poll(() => page.getByTestId('stocktake-conflict').textContent()).toContain(twiceText);
    await page.getByTestId('tab-result').click();
    await poll(() => finding('found_elsewhere', TAGS.projector).textContent()).toContain('Ofisi ya Kanda Mwanza');
    expect(await finding('not_expected', TAGS.router).count()).toBe(1);
    await signOut();

    // ---- The chair closes. ---------------------------------------------------------------------------
    await signIn(RECORDS);
    await openStocktake();
    await page.getByTestId('close-stocktake').click();
    await page.getByTestId('close-form').getByTestId('submit').click();
    await poll(() => page.getByTestId('stocktake').getAttribute('data-state')).toBe('closed');
    await poll(() => page.getByTestId('total-missing').getAttribute('data-value')).toBe('1');
    expect(await page.getByTestId('total-found').getAttribute('data-value')).toBe('4');
    expect(await list('missing').getAttribute('data-count')).toBe('1');
    expect(await list('found_elsewhere').getAttribute('data-count')).toBe('2');
    expect(await list('custodian_mismatches').getAttribute('data-count')).toBe('1');
    expect(await list('unknown').getAttribute('data-count')).toBe('1');
    expect(await page.locator('[data-testid="location-counts"][data-location="Ghorofa 2"]').textContent()).toBe('Ghorofa 2321');
    // The records officer reports the desktop missing; moving and registering are for ICT.
    expect(await page.getByTestId('action-move').count()).toBe(0);
    expect(await page.getByTestId('action-register').count()).toBe(0);
    await finding('missing', TAGS.desktop).getByTestId('action-report').click();
    const report = page.getByTestId('report-form');
    await report.getByTestId('submit').click();
    await poll(() => report.getByText(sw('validation.required')).isVisible()).toBe(true);
    await report.getByTestId('report-note').fill('Kamati ilitafuta Ghorofa 2 na stoo; hakikuonekana.');
    await screenshot(page, 'stocktake-report-missing-sw');
    await report.getByTestId('submit').click();
    await poll(() => finding('missing', TAGS.desktop).getByTestId('action-taken').getAttribute('data-kind')).toBe('missing-reported');
    await page.evaluate(() => window.scrollTo(0, 0));
    await nothingCutOff();
    await screenshot(page, 'stocktake-result-sw');
    await chooseLanguage(page, 'EN');
    await poll(() => list('missing').locator('h3').textContent()).toBe(en('stocktake_ui.result.lists.missing'));
    await nothingCutOff();
    await screenshot(page, 'stocktake-result-en');
    await list('custodian_mismatches').scrollIntoViewIfNeeded();
    await screenshot(page, 'stocktake-result-lists-en');
    await chooseLanguage(page, 'SW');
    await signOut();

    // ---- The ICT officer takes the other actions. ----------------------------------------------------------
    await signIn(OFFICER);
    await openStocktake();
    await finding('found_elsewhere', TAGS.laptop2).getByTestId('action-move').click();
    await poll(() => finding('found_elsewhere', TAGS.laptop2).getByTestId('action-taken').getAttribute('data-kind')).toBe('moved');
    expect((await call<{ location_id: string }>(officerToken, 'assets.get', { asset_id: devices.laptop2 })).location_id).toBe(places.store);
    await finding('custodian_mismatches', TAGS.laptop).getByTestId('action-correct').click();
    const correct = page.getByTestId('correct-form');
    expect(await correct.textContent()).toContain(sw('stocktake_ui.dialogs.correct.intro', { from: 'Zuhura Said Omari', to: 'Rehema Mollel' }));
    await correct.getByTestId('submit').click();
    await poll(() => finding('custodian_mismatches', TAGS.laptop).getByTestId('action-taken').getAttribute('data-kind')).toBe('custodian-corrected');
    expect(await call<unknown[]>(officerToken, 'handovers.list', { state: 'pending' })).toHaveLength(1);
    const unknownRow = page.locator('[data-testid="finding-list"][data-list="unknown"] [data-testid="finding"][data-serial="LN-77"]');
    await unknownRow.getByTestId('action-register').click();
    const registerForm = page.getByTestId('register-form');
    expect(await registerForm.getByTestId('register-make').inputValue()).toBe('Lenovo');
    await pick('register-category', sw('categories.laptop'));
    await screenshot(page, 'stocktake-register-unknown-sw');
    await registerForm.getByTestId('submit').click();
    await poll(() => unknownRow.getByTestId('action-taken').getAttribute('data-kind')).toBe('registered');
    const registered = await call<{ items: { id: string }[] }>(officerToken, 'assets.list', { search: 'LN-77' });
    expect(registered.items).toHaveLength(1);
    expect(await call(officerToken, 'assets.get', { asset_id: registered.items[0]?.id })).toMatchObject({ make: 'Lenovo', model: 'ThinkPad T14', serial: 'LN-77', location_id: places.store });
    await signOut();

    // ---- The Accounting Officer sees the incident and acknowledges it. --------------------------------
    await signIn(ACCOUNTANT);
    await poll(() => page.getByTestId('nav-count-stocktake').textContent()).toBe('1');
    // The list: progress and state; the Accounting Officer opens no stocktake.
    await page.getByTestId('nav-stocktake').click();
    const listed = page.locator(`[data-testid="stocktake-row"][data-name="${NAME}"]`);
    await poll(() => listed.getAttribute('data-state')).toBe('closed');
    expect(await listed.getByTestId('stocktake-state').textContent()).toBe(sw('stocktake_ui.states.closed'));
    expect(await page.getByTestId('open-stocktake').count()).toBe(0);
    await screenshot(page, 'stocktake-list-sw');
    await chooseLanguage(page, 'EN');
    await poll(() => listed.getByTestId('stocktake-state').textContent()).toBe(en('stocktake_ui.states.closed'));
    await screenshot(page, 'stocktake-list-en');
    await chooseLanguage(page, 'SW');
    await openStocktake();
    const missingDesktop = finding('missing', TAGS.desktop);
    await poll(() => missingDesktop.getByTestId('action-taken').getAttribute('data-acknowledged')).toBe('no');
    await missingDesktop.getByTestId('acknowledge').click();
    await page.getByTestId('acknowledge-form').getByTestId('submit').click();
    await poll(() => missingDesktop.getByTestId('action-taken').getAttribute('data-acknowledged')).toBe('yes');
    await poll(() => page.getByTestId('nav-count-stocktake').count()).toBe(0);
    await missingDesktop.scrollIntoViewIfNeeded();
    await screenshot(page, 'stocktake-acknowledged-sw');

    // ---- The report, printed and saved as Excel. ----------------------------------------------------
    await page.evaluate(() => window.scrollTo(0, 0));
    const pdf = await download('print');
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const read = readBack({ filename: pdf.name, mime: 'application/pdf', base64: pdf.bytes.toString('base64') }, 'stocktake-report-sw');
    expect(read.flat).toContain(NAME);
    expect(read.flat).toContain(TAGS.desktop);
    const xlsx = await download('excel');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    expect(consoleProblems).toEqual([]);
  });
});
