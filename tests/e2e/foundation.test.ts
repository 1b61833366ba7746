// The foundation, end to end in real Chromium against the browser test host: first-run setup in
// Swahili, an ICT officer's account, their forced password change, the language switch, and the
// people register with search-as-you-type. Screens are saved for a person to look at.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { translator } from '../../db/contract/catalogues/index.ts';
import { openCore, type Core } from '../../db/core.ts';
import { startHost, type Host } from '../../db/host/server.ts';
import { scryptHasher } from '../../db/users/passwords.ts';
import { BUILT, launchBrowser, requireWindowAndBrowser, screenshot, SCREENS, chooseLanguage as switchLanguage, openWindow } from './harness.ts';


const sw = translator('sw');
const en = translator('en');

const ADMIN = { name: 'Asha Juma Mrisho', username: 'amrisho', password: 'Kilimanjaro#2025' };
const OFFICER = { name: 'Juma Ally Hassan', username: 'jhassan', temporary: 'Muda-wa-Kwanza7', chosen: 'Serengeti!Mpya88' };

let dir: string;
let core: Core;
let host: Host;
let browser: Browser;
let page: Page;
const consoleProblems: string[] = [];

async function shot(name: string): Promise<void> {
  await screenshot(page, `${name}`);
}

async function chooseLanguage(code: 'SW' | 'EN'): Promise<void> {
  await switchLanguage(page, code);
}

beforeAll(async () => {
  requireWindowAndBrowser();
  // Other end-to-end files write beside these: remove only this file's own earlier failure shot.
  mkdirSync(SCREENS, { recursive: true });
  rmSync(join(SCREENS, 'failure.png'), { force: true });
  dir = mkdtempSync(join(tmpdir(), 'daftari-e2e-'));
  core = await openCore({ path: join(dir, 'daftari.sqlite'), hasher: scryptHasher(10) });
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

describe('the foundation in a real browser', () => {
  it('sets up an institution, brings an ICT officer in, and keeps the people register', { timeout: 240_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: join(SCREENS, 'failure.png') }).catch(() => undefined);
    });
    await page.goto(host.url);

    // First run, in Swahili by default.
    await expect.poll(() => page.getByRole('heading', { name: sw('setup.title') }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sw');
    // The run token left the address bar but the calls still carry it.
    expect(page.url()).not.toContain('token=');
    await shot('setup-sw');
    await chooseLanguage('EN');
    await expect.poll(() => page.getByRole('heading', { name: en('setup.title') }).isVisible()).toBe(true);
    await shot('setup-en');
    await chooseLanguage('SW');
    await expect.poll(() => page.getByRole('heading', { name: sw('setup.title') }).isVisible()).toBe(true);

    // Continuing with nothing filled in marks every required field, in Swahili.
    await page.getByRole('button', { name: sw('common.next') }).click();
    await expect.poll(() => page.getByText(sw('validation.required')).count()).toBeGreaterThanOrEqual(4);
    await expect.poll(() => page.getByText(sw('validation.institution-code')).isVisible()).toBe(true);
    await shot('form-errors-sw');

    // The same screen in English, errors included; then back to Swahili.
    await chooseLanguage('EN');
    await expect.poll(() => page.getByRole('heading', { name: en('setup.title') }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(en('validation.required')).count()).toBeGreaterThanOrEqual(4);
    await shot('form-errors-en');
    await chooseLanguage('SW');
    await expect.poll(() => page.getByRole('heading', { name: sw('setup.title') }).isVisible()).toBe(true);

    // Step 1: the institution.
    await page.getByLabel(sw('setup.institution.name')).fill('Wizara ya Fedha');
    await page.getByLabel(sw('setup.institution.code')).fill('wf');
    await page.getByLabel(sw('setup.institution.postal-address')).fill('S.L.P. 2802, Dodoma');
    await page.getByLabel(sw('setup.institution.accounting-officer')).fill('Katibu Mkuu');
    await page.getByLabel(sw('setup.institution.head')).fill('Katibu Mkuu');
    // Enter in a field moves forward, as the button does.
    await page.getByLabel(sw('setup.institution.head')).press('Enter');
    await expect.poll(() => page.getByLabel(sw('setup.admin.display-name')).isVisible()).toBe(true);

    // Step 2: the first administrator; the checklist follows the typing.
    await page.getByLabel(sw('setup.admin.display-name')).fill(ADMIN.name);
    await page.getByLabel(sw('setup.admin.username')).fill(ADMIN.username);
    await page.getByLabel(sw('setup.admin.password'), { exact: true }).fill('fupi');
    expect(await page.locator('[data-testid="password-checklist"] [data-met="true"]').count()).toBeLessThan(6);
    await page.getByLabel(sw('setup.admin.password'), { exact: true }).fill(ADMIN.password);
    await page.getByLabel(sw('setup.admin.confirm')).fill(ADMIN.password);
    await expect.poll(() => page.locator('[data-testid="password-checklist"] [data-met="true"]').count()).toBe(6);
    await page.getByLabel(sw('setup.admin.confirm')).press('Enter');

    // Step 3: review (the code is shown as it will be stored), then confirm: signed in directly.
    await expect.poll(() => page.getByTestId('setup-review').textContent()).toContain('WF');
    await shot('setup-review-sw');
    await page.getByRole('button', { name: sw('setup.submit') }).click();
    await expect.poll(() => page.getByTestId('user-name').textContent()).toBe(ADMIN.name);
    await expect.poll(() => page.getByTestId('institution-name').textContent()).toBe('Wizara ya Fedha');

    // The administrator opens an account for the ICT officer.
    await page.getByTestId('nav-users').click();
    await page.getByTestId('create-user').click();
    const createForm = page.getByTestId('create-user-form');
    await createForm.getByTestId('submit').click();
    await expect.poll(() => createForm.getByText(sw('validation.roles')).isVisible()).toBe(true);
    await shot('user-form-errors-sw');
    await createForm.getByLabel(sw('users.fields.display-name')).fill(OFFICER.name);
    await createForm.getByLabel(sw('users.fields.username')).fill(OFFICER.username);
    // The roles field is a pill list: its own input is hidden until pills exist, so click the box.
    await createForm.locator('.mantine-MultiSelect-input').click();
    await page.getByRole('option', { name: sw('roles.ict_officer') }).click();
    await page.keyboard.press('Escape');
    await createForm.getByLabel(sw('users.fields.temporary-password')).fill(OFFICER.temporary);
    await createForm.getByTestId('submit').click();
    await expect.poll(() => page.locator(`[data-username="${OFFICER.username}"]`).isVisible()).toBe(true);
    const officerRow = page.locator(`[data-username="${OFFICER.username}"]`);
    expect(await officerRow.textContent()).toContain(sw('roles.ict_officer'));
    expect(await officerRow.textContent()).toContain(sw('users.never'));
    await page.waitForTimeout(300);
    await shot('users-sw');
    await chooseLanguage('EN');
    await expect.poll(() => page.getByRole('heading', { name: en('users.title') }).isVisible()).toBe(true);
    expect(await officerRow.textContent()).toContain(en('roles.ict_officer'));
    await shot('users-en');
    await chooseLanguage('SW');

    // The institution settings page shows the particulars and their history.
    await page.getByTestId('nav-settings').click();
    await expect.poll(() => page.getByTestId('history').textContent()).toContain(sw('history.institution.configured', { actor: ADMIN.name, name: 'Wizara ya Fedha', code: 'WF' }));
    await shot('settings-sw');

    // Sign out.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await expect.poll(() => page.getByTestId('sign-in-form').isVisible()).toBe(true);
    await shot('sign-in-sw');
    await chooseLanguage('EN');
    await expect.poll(() => page.getByRole('heading', { name: en('signIn.title') }).isVisible()).toBe(true);
    await shot('sign-in-en');
    await chooseLanguage('SW');

    // A wrong password is refused, in Swahili.
    await page.getByLabel(sw('signIn.username')).fill(OFFICER.username);
    await page.getByLabel(sw('signIn.password'), { exact: true }).fill('si-hili-kabisa');
    await page.getByRole('button', { name: sw('signIn.submit') }).click();
    await expect.poll(() => page.getByTestId('refusal').textContent()).toBe(sw('errors.sign-in-failed'));
    await shot('sign-in-refused-sw');

    // The right temporary password leads to the forced change (3.1.7) before anything else.
    await page.getByLabel(sw('signIn.password'), { exact: true }).fill(OFFICER.temporary);
    await page.getByRole('button', { name: sw('signIn.submit') }).click();
    await expect.poll(() => page.getByTestId('password-change-reason').textContent()).toBe(sw('changePassword.reason-first'));
    expect(await page.getByTestId('nav-people').count()).toBe(0);
    await shot('change-password-sw');
    await page.getByLabel(sw('changePassword.current'), { exact: true }).fill(OFFICER.temporary);
    await page.getByLabel(sw('changePassword.next'), { exact: true }).fill(OFFICER.chosen);
    await page.getByLabel(sw('changePassword.confirm'), { exact: true }).fill(OFFICER.chosen);
    await page.getByRole('button', { name: sw('changePassword.submit') }).click();
    await expect.poll(() => page.getByTestId('user-name').textContent()).toBe(OFFICER.name);

    // An ICT officer sees the registers, not the accounts or settings.
    expect(await page.getByTestId('nav-people').isVisible()).toBe(true);
    expect(await page.getByTestId('nav-places').isVisible()).toBe(true);
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await page.getByTestId('nav-settings').count()).toBe(0);

    // English one click away, remembered across a reload; then back to Swahili.
    await chooseLanguage('EN');
    await expect.poll(() => page.getByTestId('nav-people').textContent()).toBe(en('nav.people'));
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-people').textContent()).toBe(en('nav.people'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await chooseLanguage('SW');
    await expect.poll(() => page.getByTestId('nav-people').textContent()).toBe(sw('nav.people'));

    // The empty register: its title centred over its hint, and a way straight to importing a register.
    await page.getByTestId('nav-assets').click();
    const empty = page.getByTestId('empty');
    await expect.poll(() => empty.getByTestId('empty-title').textContent()).toBe(sw('assetsUi.empty-title'));
    expect(await empty.getByTestId('empty-title').evaluate((element) => getComputedStyle(element).textAlign)).toBe('center');
    await shot('register-empty-sw');
    await empty.getByTestId('empty-import').click();
    await expect.poll(() => page.getByTestId('import-screen').isVisible()).toBe(true);

    // A department for people to belong to.
    await page.getByTestId('nav-places').click();
    await page.getByTestId('create-department').click();
    await page.getByTestId('department-form').getByLabel(sw('places.departments.name')).fill('Idara ya Utawala na Rasilimali Watu');
    await page.getByTestId('department-form').getByLabel(sw('places.departments.code')).fill('DAHRM');
    await page.getByTestId('department-form').getByTestId('submit').click();
    await expect.poll(() => page.getByTestId('departments-table').textContent()).toContain('DAHRM');
    await shot('places-sw');

    // The people register: the empty state first, then two people.
    await page.getByTestId('nav-people').click();
    await expect.poll(() => page.getByText(sw('people.empty-title')).isVisible()).toBe(true);

    await page.getByTestId('register-person').click();
    const personForm = page.getByTestId('person-form');
    await personForm.getByLabel(sw('people.fields.email')).fill('si-barua-pepe');
    await personForm.getByLabel(sw('people.fields.phone')).fill('12');
    await personForm.getByTestId('submit').click();
    await expect.poll(() => personForm.getByText(sw('validation.email')).isVisible()).toBe(true);
    expect(await personForm.getByText(sw('validation.phone')).isVisible()).toBe(true);
    expect(await personForm.getByText(sw('validation.required')).isVisible()).toBe(true);
    await shot('person-form-errors-sw');
    await personForm.getByLabel(sw('people.fields.full-name')).fill('Neema Joseph Mwakalinga');
    await personForm.getByLabel(sw('people.fields.check-number')).fill('11223344');
    await personForm.getByLabel(sw('people.fields.title')).fill('Afisa Utumishi Mkuu');
    await personForm.getByLabel(sw('people.fields.department')).click();
    await page.getByRole('option', { name: /DAHRM/ }).click();
    await personForm.getByLabel(sw('people.fields.phone')).fill('+255 754 123 456');
    await personForm.getByLabel(sw('people.fields.email')).fill('neema.mwakalinga@hazina.go.tz');
    await personForm.getByTestId('submit').click();
    // Registering opens the person, with the registration already in their history.
    await expect.poll(() => page.getByTestId('person-detail').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('history').textContent()).toContain(sw('history.people.registered', { actor: OFFICER.name, name: 'Neema Joseph Mwakalinga' }));
    await shot('person-detail-sw');
    await page.keyboard.press('Escape');

    await page.getByTestId('register-person').click();
    await page.getByTestId('person-form').getByLabel(sw('people.fields.full-name')).fill('Baraka Mussa Kombo');
    await page.getByTestId('person-form').getByTestId('submit').click();
    await expect.poll(() => page.getByTestId('person-detail').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid="people-table"] tbody tr').count()).toBe(2);

    // Search as you type: part of a name finds the person, and only them.
    await page.getByTestId('people-search').pressSequentially('mwaka', { delay: 40 });
    await expect.poll(() => page.locator('[data-testid="people-table"] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-testid="people-table"] tbody tr').first().getAttribute('data-person')).toBe('Neema Joseph Mwakalinga');
    await page.getByTestId('people-search').fill('');
    await expect.poll(() => page.locator('[data-testid="people-table"] tbody tr').count()).toBe(2);
    await shot('people-sw');
    await chooseLanguage('EN');
    await expect.poll(() => page.getByRole('heading', { name: en('people.title') }).isVisible()).toBe(true);
    await shot('people-en');
    await chooseLanguage('SW');

    // Nothing the page did broke the CSP or threw.
    expect(consoleProblems).toEqual([]);
  });

  it('ends a deactivated officer’s session at once and tells them why (3.1.2)', { timeout: 120_000 }, async () => {
    // The officer from the test above is still signed in on `page`; the administrator works elsewhere.
    const adminContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const admin = await adminContext.newPage();
    onTestFailed(async () => {
      await admin.screenshot({ path: join(SCREENS, 'failure-admin.png') }).catch(() => undefined);
      await page.screenshot({ path: join(SCREENS, 'failure.png') }).catch(() => undefined);
    });
    await admin.goto(host.url);
    await admin.getByLabel(sw('signIn.username')).fill(ADMIN.username);
    await admin.getByLabel(sw('signIn.password'), { exact: true }).fill(ADMIN.password);
    await admin.getByRole('button', { name: sw('signIn.submit') }).click();
    await admin.getByTestId('nav-users').click();

    await admin.locator(`[data-username="${OFFICER.username}"]`).getByTestId('row-actions').click();
    await admin.getByRole('menuitem', { name: sw('users.deactivate.open') }).click();
    const dialog = admin.getByTestId('deactivate-user-form');
    // The dialog says plainly that it takes effect at once.
    expect(await dialog.textContent()).toContain(sw('users.deactivate.warning', { name: OFFICER.name }));
    await dialog.getByLabel(sw('users.deactivate.reason')).click();
    await admin.getByRole('option', { name: sw('reasons.transfer') }).click();
    await dialog.getByLabel(sw('users.deactivate.note')).fill('Amehamishiwa Wizara ya Afya.');
    await admin.waitForTimeout(250);
    await admin.screenshot({ path: join(SCREENS, 'deactivate-sw.png') });
    await dialog.getByTestId('submit').click();
    await expect.poll(() => admin.locator(`[data-username="${OFFICER.username}"] [data-testid="status"]`).textContent()).toBe(sw('users.status.deactivated'));

    // The officer's very next action finds the session gone and lands on sign-in, with the reason.
    await page.getByTestId('people-search').fill('neema');
    await expect.poll(() => page.getByTestId('sign-in-form').isVisible()).toBe(true);
    expect(await page.getByTestId('notice').textContent()).toBe(sw('errors.session-ended'));
    await shot('session-ended-sw');

    // And they cannot come back in.
    await page.getByLabel(sw('signIn.username')).fill(OFFICER.username);
    await page.getByLabel(sw('signIn.password'), { exact: true }).fill(OFFICER.chosen);
    await page.getByRole('button', { name: sw('signIn.submit') }).click();
    await expect.poll(() => page.getByTestId('refusal').textContent()).toBe(sw('errors.account-deactivated'));
    await adminContext.close();
    expect(consoleProblems).toEqual([]);
  });
});
