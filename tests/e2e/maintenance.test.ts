// The maintenance procedure, plans and providers end to end in real Chromium: a Head of Institution,
// brought in by the administrator, changes the temporary password and records the approved version of
// the procedure, which is then the one in force; the ICT unit keeps plans and providers and sees what
// preventive work is due. Screens are saved for a person to look at.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { translator } from '../../db/contract/catalogues/index.ts';
import type { Result } from '../../db/contract/route.ts';
import { openCore, type Core } from '../../db/core.ts';
import { startHost, type Host } from '../../db/host/server.ts';
import { scryptHasher } from '../../db/users/passwords.ts';
import { BUILT, cutOff, launchBrowser, requireWindowAndBrowser, screenshot, SCREENS, chooseLanguage as switchLanguage, openWindow } from './harness.ts';


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
const PREVIOUS_HEAD = { display_name: 'Dkt. Hamisi Omari Mbwana', username: 'hmbwana', temporary: 'Muda-wa-Kwanza7', chosen: 'Tanganyika!Ziwa61' };
const HEAD = { display_name: 'Dkt. Neema Salum Mwinyi', username: 'nmwinyi', temporary: 'Muda-wa-Kwanza8', chosen: 'Ruaha!Mbuga2025' };

/** A small but real PDF: the core checks the signature, the window offers the bytes back unchanged. */
function pdf(title: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n` +
      `3 0 obj << /Title (${title}) >> endobj\ntrailer << /Root 1 0 R /Info 3 0 R >>\n%%EOF\n`,
  );
}

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

async function call<T>(token: string, route: string, input: unknown): Promise<T> {
  const { result } = (await core.call(token, route, input)) as { result: Result<unknown> };
  if (!result.ok) throw new Error(`${route}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A screen as a person would look at it: no pointer hovering, no passing notification over it. */
async function shot(name: string): Promise<void> {
  await screenshot(page, `${name}`);
}

async function chooseLanguage(code: 'SW' | 'EN'): Promise<void> {
  await switchLanguage(page, code);
}

async function signIn(username: string, password: string): Promise<void> {
  await page.getByLabel(sw('signIn.username')).fill(username);
  await page.getByLabel(sw('signIn.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: sw('signIn.submit') }).click();
}

async function signOut(): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await poll(() => page.getByTestId('sign-in-form').isVisible()).toBe(true);
}

/** Today in Dar es Salaam as `dd/MM/yyyy`, the way a person types it. */
function todayTyped(): string {
  const iso = new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

beforeAll(async () => {
  requireWindowAndBrowser();
  mkdirSync(SCREENS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'daftari-e2e-maintenance-'));
  core = await openCore({ path: join(dir, 'daftari.sqlite'), hasher: scryptHasher(10) });
  const setup = await core.call(null, 'setup.initialize', { institution: INSTITUTION, admin: ADMIN });
  if (!setup.result.ok || typeof setup.session !== 'string') throw new Error(`setup failed: ${JSON.stringify(setup.result)}`);
  adminToken = setup.session;

  // The previous Head of Institution approved version 1.0 two years ago.
  await call(adminToken, 'users.create', {
    username: PREVIOUS_HEAD.username,
    display_name: PREVIOUS_HEAD.display_name,
    roles: ['head_of_institution'],
    temporary_password: PREVIOUS_HEAD.temporary,
  });
  const previous = await core.call(null, 'auth.sign-in', { username: PREVIOUS_HEAD.username, password: PREVIOUS_HEAD.temporary });
  const previousToken = previous.session as string;
  await call(previousToken, 'auth.change-password', { current: PREVIOUS_HEAD.temporary, next: PREVIOUS_HEAD.chosen, confirm: PREVIOUS_HEAD.chosen });
  const v1 = await call<{ id: string }>(previousToken, 'procedures.approve', {
    title: 'Utaratibu wa Ndani wa Matengenezo ya Vifaa vya TEHAMA',
    version: '1.0',
    approved_by: PREVIOUS_HEAD.display_name,
    approval_date: '2023-06-15',
    effective_date: '2023-07-01',
    document: { name: 'Utaratibu wa Matengenezo v1.0.pdf', mime: 'application/pdf', base64: pdf('Toleo 1.0').toString('base64') },
  });

  // The ICT unit's register, its plans and its providers.
  const device = async (input: Record<string, unknown>) => (await call<{ id: string; tag: string }>(adminToken, 'assets.register', input)).tag;
  await device({ category: 'laptop', make: 'HP', model: 'ProBook 450 G8', serial: '5CD1104707', purchase_date: '2023-02-14' });
  await device({ category: 'laptop', make: 'Lenovo', model: 'ThinkPad E14 Gen 2', serial: 'PF2K104714', purchase_date: '2024-11-20' });
  await device({ category: 'laptop', make: 'Dell', model: 'Latitude 5420', serial: 'DLT5420-88F3' });
  await device({ category: 'desktop', make: 'Dell', model: 'OptiPlex 7090', serial: 'DL7090104700', purchase_date: '2022-08-01' });
  const server = await device({ category: 'server', make: 'HPE', model: 'ProLiant DL380 Gen10', serial: 'CZJ0301ABC' });
  await device({ category: 'ups', make: 'APC', model: 'Smart-UPS SRT 3000', serial: 'AS2104150331', purchase_date: '2021-05-10' });
  expect(server).toMatch(/^WF\/ICT\/\d{4}\/00005$/);
  await call(adminToken, 'plans.create', {
    procedure_id: v1.id,
    category: 'laptop',
    asset_id: null,
    task: 'Kusafisha vumbi ndani ya kifaa, kukagua feni na afya ya betri',
    interval_months: 6,
  });
  const ups = await call<{ id: string }>(adminToken, 'plans.create', {
    procedure_id: v1.id,
    category: 'ups',
    asset_id: null,
    task: 'Kupima betri za UPS chini ya mzigo',
    interval_months: 12,
  });
  await call(adminToken, 'plans.update', { plan_id: ups.id, task: 'Kupima betri za UPS chini ya mzigo', interval_months: 12, active: false });
  await call(adminToken, 'providers.register', {
    name: 'Mwanza Computer Care',
    registration_number: '98311',
    contact_name: 'Bi. Agnes Mollel',
    phone: '+255 767 402 118',
    email: 'info@mwanzacare.co.tz',
    address: 'S.L.P. 1120, Mwanza',
  });
  await call(adminToken, 'providers.register', {
    name: 'Dodoma Office Systems',
    registration_number: '120554',
    contact_name: 'Bw. Yusuph Nyoni',
    phone: '+255 26 232 1440',
    email: 'service@dodomaoffice.co.tz',
    address: 'Barabara ya Jamhuri, Dodoma',
  });

  // The new Head of Institution gets an account with a temporary password.
  await call(adminToken, 'users.create', { username: HEAD.username, display_name: HEAD.display_name, roles: ['head_of_institution'], temporary_password: HEAD.temporary });

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

describe('the maintenance procedure, plans and providers in a real browser', () => {
  it('lets the Head of Institution record the approved version, which is then in force (3.6.1)', { timeout: 240_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: join(SCREENS, 'maintenance-failure.png') }).catch(() => undefined);
    });
    await page.goto(host.url);

    // First sign-in with the temporary password: the password must be changed before anything else.
    await signIn(HEAD.username, HEAD.temporary);
    await poll(() => page.getByTestId('password-change-reason').textContent()).toBe(sw('changePassword.reason-first'));
    await page.getByLabel(sw('changePassword.current'), { exact: true }).fill(HEAD.temporary);
    await page.getByLabel(sw('changePassword.next'), { exact: true }).fill(HEAD.chosen);
    await page.getByLabel(sw('changePassword.confirm'), { exact: true }).fill(HEAD.chosen);
    await page.getByRole('button', { name: sw('changePassword.submit') }).click();
    await poll(() => page.getByTestId('user-name').textContent()).toBe(HEAD.display_name);

    // The procedure tab: version 1.0 is in force, and every log book entry cites the version in force.
    await page.getByTestId('nav-maintenance').click();
    await poll(() => page.getByTestId('in-force-version').textContent()).toBe(
      sw('maintenanceUi.procedure.in-force', { version: '1.0', title: 'Utaratibu wa Ndani wa Matengenezo ya Vifaa vya TEHAMA' }),
    );
    expect(await page.getByText(sw('maintenanceUi.procedure.explain')).isVisible()).toBe(true);

    // Recording version 2.0: the approver is the Head, already filled in.
    await page.getByTestId('record-procedure').click();
    const form = page.getByTestId('procedure-form');
    expect(await form.getByLabel(sw('maintenanceUi.procedure.form.approved-by')).inputValue()).toBe(HEAD.display_name);
    // Nothing filled in: every required field is marked, in Swahili.
    await form.getByTestId('submit').click();
    await poll(() => form.getByText(sw('validation.required')).count()).toBeGreaterThanOrEqual(2);
    expect(await form.getByText(sw('maintenanceUi.procedure.form.document-required')).isVisible()).toBe(true);

    await form.getByLabel(sw('maintenanceUi.procedure.form.title-field')).fill('Utaratibu wa Ndani wa Matengenezo ya Vifaa vya TEHAMA');
    await form.getByLabel(sw('maintenanceUi.procedure.form.version')).fill('2.0');
    await form.getByTestId('approval-date').fill(todayTyped());
    await form.getByTestId('approval-date').press('Tab');
    await form.getByTestId('effective-date').fill(todayTyped());
    await form.getByTestId('effective-date').press('Tab');
    // A document that is not a PDF is turned away at once, with the core's sentence.
    await form.getByTestId('procedure-file').setInputFiles({ name: 'Utaratibu v2.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not a pdf') });
    await poll(() => form.getByText(sw('errors.document-not-pdf')).isVisible()).toBe(true);
    const signed = pdf('Toleo 2.0, limesainiwa');
    await form.getByTestId('procedure-file').setInputFiles({ name: 'Utaratibu wa Matengenezo v2.0 (imesainiwa).pdf', mimeType: 'application/pdf', buffer: signed });
    await poll(() => form.getByTestId('procedure-file-name').textContent()).toBe('Utaratibu wa Matengenezo v2.0 (imesainiwa).pdf');
    expect(await form.getByText(sw('errors.document-not-pdf')).count()).toBe(0);
    await shot('maintenance-procedure-form-sw');
    await form.getByTestId('submit').click();

    // Version 2.0 is now the one in force; 1.0 stays, superseded.
    await poll(() => page.locator('[data-version="2.0"]').getAttribute('data-status')).toBe('in-force');
    expect(await page.locator('[data-version="1.0"]').getAttribute('data-status')).toBe('superseded');
    expect(await page.getByTestId('in-force-version').textContent()).toBe(
      sw('maintenanceUi.procedure.in-force', { version: '2.0', title: 'Utaratibu wa Ndani wa Matengenezo ya Vifaa vya TEHAMA' }),
    );
    const row = page.locator('[data-version="2.0"]');
    expect(await row.getByTestId('recorded-by').textContent()).toBe(sw('maintenanceUi.procedure.recorded-by-line', { name: HEAD.display_name }));
    expect(await row.getByTestId('procedure-status').textContent()).toBe(sw('maintenanceUi.procedure.status.in-force'));
    // The core agrees.
    const listed = await call<{ procedures: { id: string; version: string; recorded_by: string }[]; in_force_id: string }>(adminToken, 'procedures.list', {});
    expect(listed.procedures.find((p) => p.id === listed.in_force_id)).toMatchObject({ version: '2.0', recorded_by: HEAD.display_name });
    await shot('maintenance-procedure-sw');

    // The signed document comes back byte for byte.
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('download-procedure').click()]);
    expect(download.suggestedFilename()).toBe('Utaratibu wa Matengenezo v2.0 (imesainiwa).pdf');
    expect(readFileSync(await download.path())).toEqual(signed);

    await chooseLanguage('EN');
    await poll(() => row.getByTestId('procedure-status').textContent()).toBe(en('maintenanceUi.procedure.status.in-force'));
    await shot('maintenance-procedure-en');
    await chooseLanguage('SW');

    // The Head reads the plans and providers but keeps neither.
    await page.getByTestId('tab-plans').click();
    await poll(() => page.getByTestId('plans-table').isVisible()).toBe(true);
    expect(await page.getByTestId('create-plan').count()).toBe(0);
    await page.getByTestId('tab-providers').click();
    await poll(() => page.getByTestId('providers-table').isVisible()).toBe(true);
    expect(await page.getByTestId('register-provider').count()).toBe(0);
    await signOut();
    expect(consoleProblems).toEqual([]);
  });

  it('lets the ICT unit keep plans and providers and see what preventive work is due', { timeout: 240_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: join(SCREENS, 'maintenance-failure.png') }).catch(() => undefined);
    });
    await signIn(ADMIN.username, ADMIN.password);
    await poll(() => page.getByTestId('user-name').textContent()).toBe(ADMIN.display_name);
    await page.getByTestId('nav-maintenance').click();

    // Only the Head of Institution records a version.
    await poll(() => page.getByTestId('in-force').isVisible()).toBe(true);
    expect(await page.getByTestId('record-procedure').count()).toBe(0);
    expect(await page.getByText(sw('maintenanceUi.procedure.head-only')).isVisible()).toBe(true);

    // The plans: a device-wide plan for the server, chosen by typing part of its tag.
    await page.getByTestId('tab-plans').click();
    await poll(() => page.locator('[data-testid="plans-table"] tbody tr').count()).toBe(2);
    await page.getByTestId('create-plan').click();
    const form = page.getByTestId('plan-form');
    await form.getByLabel(sw('maintenanceUi.plans.form.task')).fill('Kukagua kumbukumbu za mfumo, diski na feni za seva');
    await form.getByText(sw('maintenanceUi.plans.form.scope-device')).click();
    await form.getByTestId('plan-device').click();
    await form.getByTestId('plan-device').pressSequentially('ProLiant', { delay: 30 });
    await page.getByRole('option', { name: /ProLiant DL380/ }).click();
    await form.getByTestId('plan-interval').fill('3');
    await shot('maintenance-plan-form-sw');
    await form.getByTestId('submit').click();
    await poll(() => page.locator('[data-testid="plans-table"] tbody tr').count()).toBe(3);
    const serverPlan = page.locator('[data-task="Kukagua kumbukumbu za mfumo, diski na feni za seva"]');
    await poll(() => serverPlan.textContent()).toMatch(/WF\/ICT\/\d{4}\/00005/);
    expect(await serverPlan.textContent()).toContain(sw('maintenanceUi.plans.procedure-version', { version: '2.0' }));

    // What is due: the laptops never serviced since purchase are overdue and highlighted.
    await page.getByTestId('due-within').getByText(sw('maintenanceUi.plans.due.days', { count: 90 })).click();
    await poll(() => page.locator('[data-testid="due-table"] tbody tr').count()).toBe(4);
    expect(await page.locator('[data-testid="due-table"] tbody tr[data-overdue="true"]').count()).toBe(2);
    expect(await page.getByTestId('overdue-count').textContent()).toBe(sw('maintenanceUi.plans.due.overdue-count', { count: 2 }));
    // Issue 7: the device column shows each tag and device whole, in Swahili as in English.
    expect(await cutOff(page, '[data-testid="due-table"]')).toEqual([]);
    expect(await cutOff(page, '[data-testid="plans-table"]')).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('maintenance-plans-sw');
    await page.getByTestId('due-list').evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 76));
    await shot('maintenance-plans-due-sw');
    await chooseLanguage('EN');
    await poll(() => page.getByTestId('overdue-count').textContent()).toBe(en('maintenanceUi.plans.due.overdue-count', { count: 2 }));
    expect(await cutOff(page, '[data-testid="due-table"]')).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('maintenance-plans-en');
    await chooseLanguage('SW');

    // The providers: register one, stop another, and see the stopped one only when asked.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('tab-providers').click();
    await poll(() => page.locator('[data-testid="providers-table"] tbody tr').count()).toBe(2);
    await page.getByTestId('register-provider').click();
    const provider = page.getByTestId('provider-form');
    await provider.getByLabel(sw('maintenanceUi.providers.form.name')).fill('Kilimanjaro ICT Solutions Ltd');
    await provider.getByLabel(sw('maintenanceUi.providers.form.registration')).fill('145238');
    await provider.getByLabel(sw('maintenanceUi.providers.form.contact')).fill('Bw. Hamisi Omari');
    await provider.getByLabel(sw('maintenanceUi.providers.form.phone')).fill('+255 754 210 887');
    await provider.getByLabel(sw('maintenanceUi.providers.form.email')).fill('huduma@kilimanjaroict.co.tz');
    await provider.getByLabel(sw('maintenanceUi.providers.form.address')).fill('S.L.P. 7021, Dar es Salaam');
    await shot('maintenance-provider-form-sw');
    await provider.getByTestId('submit').click();
    await poll(() => page.locator('[data-testid="providers-table"] tbody tr').count()).toBe(3);
    // The same name twice is refused, in Swahili, on the name field.
    await page.getByTestId('register-provider').click();
    await page.getByTestId('provider-form').getByLabel(sw('maintenanceUi.providers.form.name')).fill('kilimanjaro ict solutions ltd');
    await page.getByTestId('provider-form').getByTestId('submit').click();
    await poll(() => page.getByTestId('refusal').textContent()).toBe(sw('errors.name-taken', { name: 'kilimanjaro ict solutions ltd' }));
    await page.keyboard.press('Escape');

    await page.locator('[data-provider="Mwanza Computer Care"]').getByRole('switch').click();
    await poll(() => page.locator('[data-testid="providers-table"] tbody tr').count()).toBe(2);
    await page.getByTestId('providers-include-inactive').click();
    await poll(() => page.locator('[data-testid="providers-table"] tbody tr').count()).toBe(3);
    const providers = await call<{ name: string; active: number }[]>(adminToken, 'providers.list', { include_inactive: true });
    expect(providers.map((p) => [p.name, p.active])).toEqual([
      ['Dodoma Office Systems', 1],
      ['Kilimanjaro ICT Solutions Ltd', 1],
      ['Mwanza Computer Care', 0],
    ]);
    expect(await cutOff(page, '[data-testid="providers-table"]')).toEqual([]);
    await shot('maintenance-providers-sw');
    await chooseLanguage('EN');
    await poll(() => page.getByTestId('tab-providers').textContent()).toBe(en('maintenanceUi.tabs.providers'));
    await shot('maintenance-providers-en');
    await chooseLanguage('SW');

    expect(consoleProblems).toEqual([]);
  });
});
