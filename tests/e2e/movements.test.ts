// Off-premises permits (3.6.11) end to end in real Chromium: the ICT officer prepares a request for a
// servant, the Accounting Officer approves it (and is held to a written justification for a secret
// device), the devices are checked out with dates already past and show as overdue, the gate checks
// the permit, and the devices come back. Screens are saved in both languages for a person to look at.
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
import { permitText } from '../../db/movements/contract.ts';
import { scryptHasher } from '../../db/users/passwords.ts';
import { BUILT, chooseLanguage, launchBrowser, requireWindowAndBrowser, screenshot, SCREENS, openWindow } from './harness.ts';

const sw = translator('sw');
const en = translator('en');

const INSTITUTION = { name: 'Wizara ya Maji', code: 'MAJI', postal_address: 'S.L.P. 456, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Waziri' };
const ADMIN = { display_name: 'Asha Juma Mrisho', username: 'amrisho', password: 'Kilimanjaro#2025', confirm: 'Kilimanjaro#2025' };
const OFFICER = { display_name: 'Juma Ally', username: 'jally', temporary: 'Muda-wa-Kwanza7', chosen: 'Tanganyika!Ziwa61' };
const ACCOUNTANT = { display_name: 'Bi. Rehema Kweka', username: 'rkweka', temporary: 'Muda-wa-Kwanza8', chosen: 'Ruaha!Mbuga2025' };

let dir: string;
let core: Core;
let host: Host;
let browser: Browser;
let page: Page;
let adminToken: string;
let laptopTag = '';
let desktopTag = '';
let secretPermit = '';
const consoleProblems: string[] = [];

const today = () => workingDay(new Date());
const typed = (day: string) => formatDay(day);

function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 30_000 });
}

async function call<T>(token: string, route: string, input: unknown): Promise<T> {
  const { result } = (await core.call(token, route, input)) as { result: Result<unknown> };
  if (!result.ok) throw new Error(`${route}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** An account with its own password, as after its first sign-in. */
async function account(who: typeof OFFICER, roles: string[]): Promise<string> {
  await call(adminToken, 'users.create', { username: who.username, display_name: who.display_name, roles, temporary_password: who.temporary });
  const first = await core.call(null, 'auth.sign-in', { username: who.username, password: who.temporary });
  const token = first.session as string;
  await call(token, 'auth.change-password', { current: who.temporary, next: who.chosen, confirm: who.chosen });
  return token;
}

async function signIn(who: typeof OFFICER): Promise<void> {
  await page.getByLabel(sw('signIn.username')).fill(who.username);
  await page.getByLabel(sw('signIn.password'), { exact: true }).fill(who.chosen);
  await page.getByRole('button', { name: sw('signIn.submit') }).click();
  await poll(() => page.getByTestId('user-name').textContent()).toBe(who.display_name);
  await page.getByTestId('nav-movements').click();
  await poll(() => page.getByTestId('movements-screen').isVisible()).toBe(true);
}

async function signOut(): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await poll(() => page.getByTestId('sign-in-form').isVisible()).toBe(true);
}

async function typeDate(testId: string, day: string): Promise<void> {
  await page.getByTestId(testId).fill(typed(day));
  await page.getByTestId(testId).press('Tab');
}

const panel = () => page.getByTestId('movement-panel');
const openPermit = async (permit: string) => {
  await page.locator(`[data-testid="movement-row"][data-permit="${permit}"]`).click();
  await poll(() => panel().isVisible()).toBe(true);
};
const closeModal = () => page.keyboard.press('Escape');

beforeAll(async () => {
  requireWindowAndBrowser();
  mkdirSync(SCREENS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'daftari-e2e-movements-'));
  core = await openCore({ path: join(dir, 'daftari.sqlite'), hasher: scryptHasher(10) });
  const setup = await core.call(null, 'setup.initialize', { institution: INSTITUTION, admin: ADMIN });
  if (!setup.result.ok || typeof setup.session !== 'string') throw new Error(`setup failed: ${JSON.stringify(setup.result)}`);
  adminToken = setup.session;
  const officerToken = await account(OFFICER, ['ict_officer']);
  await account(ACCOUNTANT, ['accounting_officer']);

  const department = await call<{ id: string }>(adminToken, 'departments.create', { name: 'Idara ya Mipango', code: 'DP' });
  const zuhura = await call<{ id: string }>(adminToken, 'people.register', { full_name: 'Zuhura Said Omari', check_number: '100230', title: 'Mchumi Mkuu', department_id: department.id });
  const hamisi = await call<{ id: string }>(adminToken, 'people.register', { full_name: 'Hamisi Juma Mwita', check_number: '100231', title: 'Afisa Mipango', department_id: department.id });
  laptopTag = (await call<{ tag: string }>(adminToken, 'assets.register', { category: 'laptop', make: 'HP', model: 'ProBook 450 G9', serial: '5CD2143XYZ', custodian_id: zuhura.id, classification: 'confidential' })).tag;
  const desktop = await call<{ id: string; tag: string }>(adminToken, 'assets.register', { category: 'laptop', make: 'Dell', model: 'Latitude 7440', serial: 'DL7440-2231', custodian_id: hamisi.id, classification: 'secret' });
  desktopTag = desktop.tag;
  // A second request, prepared earlier, for a secret laptop.
  secretPermit = (
    await call<{ permit_no: string }>(officerToken, 'movements.request', {
      holder_id: hamisi.id,
      asset_ids: [desktop.id],
      purpose: 'Kikao cha Kamati ya Bunge ya Bajeti',
      destination: 'Ofisi za Bunge, Dodoma',
      date_out: today(),
      due_on: addDays(today(), 3),
      data_held: 'Mapendekezo ya bajeti (siri)',
    })
  ).permit_no;

  host = await startHost({ core, root: BUILT });
  browser = await launchBrowser();
  page = await openWindow(browser, consoleProblems, { viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('an off-premises permit in a real browser', () => {
  it('is prepared, approved, checked out, overdue, checked at the gate and checked in', { timeout: 300_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: join(SCREENS, 'movements-failure.png') }).catch(() => undefined);
    });
    await page.goto(host.url);

    // The ICT officer prepares the request on Zuhura's behalf, with dates already past.
    await signIn(OFFICER);
    await page.getByTestId('new-request').click();
    const form = page.getByTestId('request-form');
    await form.getByTestId('request-holder').fill('Zuhura');
    await page.getByRole('option', { name: 'Zuhura Said Omari' }).click();
    await form.getByTestId('request-devices').fill(laptopTag.slice(-5));
    await page.getByRole('option', { name: new RegExp(laptopTag.replace(/\//g, '\\/')) }).click();
    await form.getByTestId('request-purpose').fill('Warsha ya tathmini ya miradi ya maji');
    await form.getByTestId('request-destination').fill('Hoteli ya Naura, Arusha');
    await typeDate('request-date-out', addDays(today(), -14));
    await typeDate('request-due-on', addDays(today(), -4));
    await form.getByTestId('request-data-held').fill('Taarifa za utekelezaji wa miradi 2025/26');
    await screenshot(page, 'movements-request-sw');
    await form.getByTestId('submit').click();
    await poll(() => panel().getByTestId('movement-state').getAttribute('data-state')).toBe('requested');
    const permit = (await call<{ items: { permit_no: string; verification_code: string }[] }>(adminToken, 'movements.list', { filter: 'requested' })).items.find((m) => m.permit_no !== secretPermit)?.permit_no ?? '';
    expect(permit).toMatch(/^MAJI\/KBL\/\d{4}\/0002$/);
    // The ICT officer prepares; only the Accounting Officer decides.
    expect(await panel().getByTestId('open-decide').count()).toBe(0);
    await closeModal();
    await signOut();

    // The Accounting Officer: a secret device needs a written justification (3.2.3).
    await signIn(ACCOUNTANT);
    await openPermit(secretPermit);
    await panel().getByTestId('open-decide').click();
    const decide = page.getByTestId('decide-form');
    await poll(() => page.getByTestId('decide-secret-warning').isVisible()).toBe(true);
    await decide.getByTestId('submit').click();
    // Refused without a justification: the field is marked, and the 3.2.3 warning is read once in the dialog.
    await poll(() => decide.getByTestId('justification').getAttribute('aria-invalid')).toBe('true');
    expect(await decide.getByTestId('refusal').count()).toBe(0);
    expect(await decide.getByText('3.2.3', { exact: false }).count()).toBe(1);
    await screenshot(page, 'movements-decide-secret-sw');
    await decide.getByTestId('justification').fill('Kikao cha Kamati; kifaa kitakaa na mtumishi muda wote');
    await decide.getByTestId('submit').click();
    await poll(() => panel().getByTestId('movement-state').getAttribute('data-state')).toBe('approved');
    await closeModal();

    // The first request, approved.
    await openPermit(permit);
    await panel().getByTestId('open-decide').click();
    await page.getByTestId('decide-form').getByTestId('submit').click();
    await poll(() => panel().getByTestId('movement-state').getAttribute('data-state')).toBe('approved');
    await poll(() => panel().getByTestId('verification-code').isVisible()).toBe(true);
    await closeModal();
    await signOut();

    // The ICT officer records the devices leaving today: the permit was due back four days ago.
    await signIn(OFFICER);
    await openPermit(permit);
    const [download] = await Promise.all([page.waitForEvent('download'), panel().getByTestId('print-permit').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await panel().getByTestId('open-check-out').click();
    await typeDate('out-on', today());
    await page.getByTestId('check-out-form').getByTestId('submit').click();
    await poll(() => panel().getByTestId('movement-state').getAttribute('data-state')).toBe('checked_out');
    await poll(() => panel().getByTestId('overdue-alert').isVisible()).toBe(true);
    await closeModal();
    await poll(() => page.getByTestId('overdue-list').getByTestId('overdue-row').count()).toBe(1);
    expect(await page.getByTestId('overdue-list').textContent()).toContain(permit);
    const assets = await call<{ items: { tag: string; status: string }[] }>(adminToken, 'assets.list', { search: laptopTag });
    expect(assets.items.find((a) => a.tag === laptopTag)?.status).toBe('off_premises');
    await screenshot(page, 'movements-overdue-sw');
    await chooseLanguage(page, 'EN');
    await poll(() => page.getByTestId('overdue-list').textContent()).toContain(en('movements_ui.overdue.title', { count: 1 }));
    await screenshot(page, 'movements-overdue-en');
    await chooseLanguage(page, 'SW');

    // At the gate: the permit is out past its due date, a changed code is unknown.
    const code = (await call<{ items: { permit_no: string; verification_code: string }[] }>(adminToken, 'movements.list', { filter: 'overdue' })).items[0]?.verification_code ?? '';
    await page.getByTestId('open-permit-check').click();
    await page.getByTestId('permit-check-input').fill(permitText(permit, code));
    await page.getByTestId('permit-check-input').press('Enter');
    await poll(() => page.getByTestId('permit-answer').getAttribute('data-answer')).toBe('expired');
    expect(await page.getByTestId('permit-answer-devices').textContent()).toContain(laptopTag);
    await screenshot(page, 'movements-check-sw');
    const forged = permitText(permit, code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A'));
    await page.getByTestId('permit-check-input').fill(forged);
    await page.getByTestId('permit-check-submit').click();
    await poll(() => page.getByTestId('permit-answer').getAttribute('data-answer')).toBe('unknown');
    await chooseLanguage(page, 'EN');
    await poll(() => page.getByTestId('permit-answer-badge').textContent()).toBe(en('movements_ui.check.answers.unknown'));
    await screenshot(page, 'movements-check-en');
    await chooseLanguage(page, 'SW');
    await closeModal();

    // The laptop comes back: the overdue list empties and the device is in service again.
    await openPermit(permit);
    await panel().getByTestId('open-check-in').click();
    await typeDate('returned-on', today());
    await page.getByTestId('check-in-form').getByTestId('submit').click();
    await poll(() => panel().getByTestId('movement-state').getAttribute('data-state')).toBe('returned');
    await screenshot(page, 'movements-returned-sw');
    await closeModal();
    await poll(() => page.getByTestId('overdue-list').count()).toBe(0);
    const back = await call<{ items: { tag: string; status: string }[] }>(adminToken, 'assets.list', { search: laptopTag });
    expect(back.items.find((a) => a.tag === laptopTag)?.status).toBe('in_service');
    await screenshot(page, 'movements-list-sw');
    expect(desktopTag).not.toBe('');
    expect(consoleProblems).toEqual([]);
  });
});
