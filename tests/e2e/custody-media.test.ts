// Personal devices (3.6.5) and removable media (3.6.7–3.6.10) end to end in real Chromium: the Head of
// Institution approves a servant's personal device with an expiry three weeks away and it shows as
// expiring; the ICT officer is refused issuing a flash disk until the servant acknowledges the rules,
// then issues it, records its wipe and takes it back. Screens are saved for a person to look at.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { translator } from '../../db/contract/catalogues/index.ts';
import { addDays, formatDay, workingDay } from '../../db/contract/days.ts';
import type { Result } from '../../db/contract/route.ts';
import { openCore, type Core } from '../../db/core.ts';
import { startHost, type Host } from '../../db/host/server.ts';
import { scryptHasher } from '../../db/users/passwords.ts';
import { BUILT, chooseLanguage, cutOff, launchBrowser, requireWindowAndBrowser, screenshot, SCREENS, buttonsInView, placeholderFits, openWindow } from './harness.ts';

const sw = translator('sw');

const INSTITUTION = { name: 'Wizara ya Maji', code: 'MAJI', postal_address: 'S.L.P. 456, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Waziri' };
const ADMIN = { display_name: 'Asha Juma Mrisho', username: 'amrisho', password: 'Kilimanjaro#2025', confirm: 'Kilimanjaro#2025' };
const OFFICER = { display_name: 'Juma Ally', username: 'jally', temporary: 'Muda-wa-Kwanza7', chosen: 'Tanganyika!Ziwa61' };
const HEAD = { display_name: 'Mhandisi Mwajuma Waziri', username: 'mwaziri', temporary: 'Muda-wa-Kwanza9', chosen: 'Kilombero!Bonde42' };

let dir: string;
let core: Core;
let host: Host;
let browser: Browser;
let page: Page;
let adminToken: string;
let diskTag = '';
const consoleProblems: string[] = [];

const today = () => workingDay(new Date());

function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 30_000 });
}

async function call<T>(token: string, route: string, input: unknown): Promise<T> {
  const { result } = (await core.call(token, route, input)) as { result: Result<unknown> };
  if (!result.ok) throw new Error(`${route}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function account(who: typeof OFFICER, roles: string[]): Promise<string> {
  await call(adminToken, 'users.create', { username: who.username, display_name: who.display_name, roles, temporary_password: who.temporary });
  const first = await core.call(null, 'auth.sign-in', { username: who.username, password: who.temporary });
  const token = first.session as string;
  await call(token, 'auth.change-password', { current: who.temporary, next: who.chosen, confirm: who.chosen });
  return token;
}

async function signIn(who: typeof OFFICER, screen: 'personal-devices' | 'media'): Promise<void> {
  await page.getByLabel(sw('signIn.username')).fill(who.username);
  await page.getByLabel(sw('signIn.password'), { exact: true }).fill(who.chosen);
  await page.getByRole('button', { name: sw('signIn.submit') }).click();
  await poll(() => page.getByTestId('user-name').textContent()).toBe(who.display_name);
  await page.getByTestId(`nav-${screen}`).click();
  await poll(() => page.getByTestId(`${screen}-screen`).isVisible()).toBe(true);
}

async function signOut(): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await poll(() => page.getByTestId('sign-in-form').isVisible()).toBe(true);
}

async function typeDate(testId: string, day: string): Promise<void> {
  await page.getByTestId(testId).fill(formatDay(day));
  await page.getByTestId(testId).press('Tab');
}

beforeAll(async () => {
  requireWindowAndBrowser();
  mkdirSync(SCREENS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'daftari-e2e-custody-media-'));
  core = await openCore({ path: join(dir, 'daftari.sqlite'), hasher: scryptHasher(10) });
  const setup = await core.call(null, 'setup.initialize', { institution: INSTITUTION, admin: ADMIN });
  if (!setup.result.ok || typeof setup.session !== 'string') throw new Error(`setup failed: ${JSON.stringify(setup.result)}`);
  adminToken = setup.session;
  const officerToken = await account(OFFICER, ['ict_officer']);
  await account(HEAD, ['head_of_institution']);

  const department = await call<{ id: string }>(adminToken, 'departments.create', { name: 'Idara ya Mipango', code: 'DP' });
  await call(adminToken, 'locations.create', { name: 'Kabati la chuma, Stoo ya TEHAMA', building: 'Jengo B', region: 'Dodoma' });
  const zuhura = await call<{ id: string }>(adminToken, 'people.register', { full_name: 'Zuhura Said Omari', check_number: '100230', title: 'Mchumi Mkuu', department_id: department.id });
  await call(officerToken, 'personal-devices.register', {
    owner_id: zuhura.id,
    kind: 'laptop',
    make: 'HP',
    model: 'EliteBook 840 G8',
    serial: '5CG2231XYZ',
    purpose: 'Kuandaa taarifa za mipango akiwa safarini',
    scope: 'Barua pepe ya Serikali na mfumo wa PlanRep',
  });
  diskTag = (await call<{ tag: string }>(adminToken, 'assets.register', { category: 'flash_disk', make: 'Kingston', model: 'DataTraveler 64GB', serial: 'KT64-0091' })).tag;

  host = await startHost({ core, root: BUILT });
  browser = await launchBrowser();
  page = await openWindow(browser, consoleProblems, { viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'Europe/London' });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('personal devices and removable media in a real browser', () => {
  it('approves a personal device that then shows as expiring, and issues, wipes and takes back a flash disk', { timeout: 300_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: join(SCREENS, 'custody-media-failure.png') }).catch(() => undefined);
    });
    await page.goto(host.url);

    // The Head of Institution sees the request waiting and approves it until three weeks from today.
    await signIn(HEAD, 'personal-devices');
    await poll(() => page.getByTestId('inbox-pending').isVisible()).toBe(true);
    await page.locator('[data-testid="personal-device-row"][data-serial="5CG2231XYZ"]').click();
    const panel = page.getByTestId('personal-device-panel');
    await poll(() => panel.getByTestId('standing').getAttribute('data-standing')).toBe('pending');
    await panel.getByTestId('decide').click();
    const decide = page.getByTestId('decide-form');
    const expiry = addDays(today(), 21);
    await typeDate('expires-on', expiry);
    await screenshot(page, 'personal-devices-decide-sw');
    await decide.getByTestId('submit').click();
    await poll(() => panel.getByTestId('standing').getAttribute('data-standing')).toBe('expiring');
    expect(await panel.getByTestId('particulars').textContent()).toContain(formatDay(expiry));
    await poll(() => panel.getByTestId('history-line').count()).toBe(2);
    await screenshot(page, 'personal-devices-approved-sw');
    await page.keyboard.press('Escape');

    // It is in the list of approvals expiring within 30 days.
    await page.getByTestId('list-filter').getByText(sw('personal_devices_ui.lists.expiring')).click();
    await poll(() => page.locator('[data-testid="personal-device-row"][data-serial="5CG2231XYZ"]').isVisible()).toBe(true);
    expect(await page.getByTestId('standing').first().textContent()).toContain(sw('personal_devices_ui.standings.expiring'));
    // The days left are always readable, below the badge rather than cut off at its end; so is the search's example.
    expect(await page.getByTestId('expires-on').first().textContent()).toContain(sw('personal_devices_ui.days-left', { count: 21 }));
    expect(await cutOff(page, '[data-testid="personal-devices-table"]')).toEqual([]);
    expect(await placeholderFits(page, 'search')).toBe(true);
    await screenshot(page, 'personal-devices-expiring-sw');
    await chooseLanguage(page, 'EN');
    await poll(() => page.getByTestId('standing').first().textContent()).toContain('Approval expiring');
    expect(await cutOff(page, '[data-testid="personal-devices-table"]')).toEqual([]);
    expect(await placeholderFits(page, 'search')).toBe(true);
    await screenshot(page, 'personal-devices-expiring-en');
    await chooseLanguage(page, 'SW');
    await signOut();

    // The ICT officer issues the flash disk: refused until Zuhura acknowledges every rule.
    await signIn(OFFICER, 'media');
    await page.locator(`[data-testid="medium-row"][data-tag="${diskTag}"]`).click();
    const medium = page.getByTestId('medium-panel');
    await poll(() => medium.getByTestId('status-badge').getAttribute('data-status')).toBe('in_store');
    await medium.getByTestId('issue').click();
    const issue = page.getByTestId('issue-form');
    await issue.getByTestId('person').click();
    await issue.getByTestId('person').fill('Zuhura');
    await page.getByRole('option', { name: 'Zuhura Said Omari' }).click();
    await issue.getByTestId('purpose').fill('Kuhamisha taarifa za bajeti kwenda Hazina');
    await issue.getByTestId('rule-government_work_only').check();
    await issue.getByTestId('submit').click();
    await poll(() => issue.getByTestId('refusal').getAttribute('data-code')).toBe('media-rules-not-acknowledged');
    // The refusal and the three rules make the form taller than its dialog at 1366×768: its buttons stay in view.
    expect(await buttonsInView(page, 'issue-form')).toBe(true);
    await screenshot(page, 'media-issue-refused-sw');
    await issue.getByTestId('rule-no_personal_data').check();
    await issue.getByTestId('rule-wipe_after_transfer').check();
    await issue.getByTestId('submit').click();
    await poll(() => medium.getByTestId('status-badge').getAttribute('data-status')).toBe('in_service');
    expect(await medium.getByTestId('medium-where').textContent()).toContain('Zuhura Said Omari');
    await screenshot(page, 'media-issued-sw');

    // The transfer done, the disk is wiped in front of a witness and comes back to the store.
    await medium.getByTestId('wipe').click();
    const wipe = page.getByTestId('wipe-form');
    await wipe.getByTestId('wiped-by').fill('Zuhura Said Omari');
    await wipe.getByTestId('witness').fill('Juma Ally');
    await wipe.getByTestId('submit').click();
    await poll(() => medium.getByTestId('wipe-row').count()).toBe(1);
    await medium.getByTestId('return').click();
    const back = page.getByTestId('return-form');
    await back.getByTestId('location').click();
    await page.getByRole('option', { name: /Kabati la chuma/ }).click();
    await back.getByTestId('submit').click();
    await poll(() => medium.getByTestId('status-badge').getAttribute('data-status')).toBe('in_store');
    expect(await medium.getByTestId('medium-where').textContent()).toContain('Kabati la chuma');
    await poll(() => medium.locator('[data-testid="issue-row"][data-state="returned"]').count()).toBe(1);
    await screenshot(page, 'media-returned-sw');
    await page.keyboard.press('Escape');

    // The register says the same from the core's side.
    const listed = await call<{ tag: string; status: string; last_wiped_on: string | null }[]>(adminToken, 'media.list', { list: 'all' });
    expect(listed).toEqual([expect.objectContaining({ tag: diskTag, status: 'in_store', last_wiped_on: today() })]);
    expect(await placeholderFits(page, 'search')).toBe(true);
    await screenshot(page, 'media-list-sw');
    await chooseLanguage(page, 'EN');
    expect(await placeholderFits(page, 'search')).toBe(true);
    await chooseLanguage(page, 'SW');
    expect(consoleProblems).toEqual([]);
  });
});
