// The equipment register and the Service Maintenance Log Book, end to end in real Chromium against the
// browser test host: an ICT officer registers a laptop with an SSD, logs a fault, hands it to an outside
// provider (3.6.2), is stopped from sending it off-site with the SSD inside (3.6.3), records the SSD's
// removal, sends it, takes it back, puts the SSD back, records the work, closes the repair and prints the
// device's page of the log book (3.6.4). Screens are saved for a person to look at.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { translator } from '../../db/contract/catalogues/index.ts';
import { openCore, type Core } from '../../db/core.ts';
import { startHost, type Host } from '../../db/host/server.ts';
import { scryptHasher } from '../../db/users/passwords.ts';
import { BUILT, cutOff, launchBrowser, requireWindowAndBrowser, screenshot, SCREENS, chooseLanguage as switchLanguage, openWindow } from './harness.ts';


const sw = translator('sw');
const en = translator('en');

const ADMIN_PASSWORD = 'Kilimanjaro#2025';
const OFFICER = { name: 'Rehema Ally Mollel', username: 'rmollel', temporary: 'Muda-wa-Kwanza7', password: 'Serengeti!Mpya88' };
const AUDITOR = { name: 'Godfrey Massawe', username: 'gmassawe', password: 'Mkaguzi#Hesabu2025' };
const LAPTOP = { make: 'Dell', model: 'Latitude 5420', serial: 'CN0X7Y2K', ssdSerial: 'S4EVNX0R123' };
const SSD = `SSD 512 GB (S/N ${LAPTOP.ssdSerial})`;

let dir: string;
let core: Core;
let host: Host;
let browser: Browser;
let page: Page;
const consoleProblems: string[] = [];

async function shot(name: string): Promise<void> {
  await screenshot(page, `register-${name}`);
}

async function chooseLanguage(code: 'SW' | 'EN'): Promise<void> {
  await switchLanguage(page, code);
}

async function ok<T>(token: string | null, route: string, input: unknown): Promise<T> {
  const outcome = await core.call(token, route, input);
  if (!outcome.result.ok) throw new Error(`${route}: ${JSON.stringify(outcome.result.error)}`);
  return outcome.result.value as T;
}

/** Whether the element's centre is on top, so a click there reaches it (nothing covers it). */
async function onTop(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (y < 0 || y > window.innerHeight || x < 0 || x > window.innerWidth) return false;
    const hit = document.elementFromPoint(x, y);
    return hit !== null && (hit === element || element.contains(hit));
  });
}

/** The field labelled exactly `label` inside `scope`, whether or not it is marked required (`*`). */
function field(scope: Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`));
}

/** Choose `option` in the Mantine select labelled `label` inside `scope`. */
async function pick(scope: Locator, label: string, option: string | RegExp): Promise<void> {
  await field(scope, label).click();
  await page.getByRole('option', { name: option }).click();
}

const MODELS: [string, string, string][] = [
  ['desktop', 'HP', 'ProDesk 400 G7'],
  ['desktop', 'Dell', 'OptiPlex 7090'],
  ['laptop', 'Lenovo', 'ThinkPad T14 Gen 2'],
  ['laptop', 'HP', 'EliteBook 840 G8'],
  ['printer', 'HP', 'LaserJet Pro M404dn'],
  ['server', 'Dell', 'PowerEdge R740'],
  ['ups', 'APC', 'Smart-UPS 1500'],
  ['network', 'Cisco', 'Catalyst 2960-X'],
  ['scanner', 'Canon', 'imageFORMULA DR-C225'],
  ['projector', 'Epson', 'EB-X41'],
];
const CLASSES = ['internal', 'internal', 'confidential', 'public', 'internal', 'secret', 'internal', 'internal', 'top_secret', 'internal'];

/** An institution with places, people, thirty devices and a preventive plan, made through the core. */
async function furnish(): Promise<void> {
  const setup = await core.call(null, 'setup.initialize', {
    institution: { name: 'Wizara ya Fedha', code: 'WF', postal_address: 'S.L.P. 2802, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Waziri' },
    admin: { username: 'amrisho', display_name: 'Asha Juma Mrisho', password: ADMIN_PASSWORD, confirm: ADMIN_PASSWORD },
  });
  if (!setup.result.ok || typeof setup.session !== 'string') throw new Error('setup failed');
  const admin = setup.session;
  await ok(admin, 'users.create', { username: OFFICER.username, display_name: OFFICER.name, roles: ['ict_officer'], temporary_password: OFFICER.temporary });
  const signIn = await core.call(null, 'auth.sign-in', { username: OFFICER.username, password: OFFICER.temporary });
  const officer = typeof signIn.session === 'string' ? signIn.session : null;
  await ok(officer, 'auth.change-password', { current: OFFICER.temporary, next: OFFICER.password, confirm: OFFICER.password });
  await ok(admin, 'users.create', { username: AUDITOR.username, display_name: AUDITOR.name, roles: ['auditor'], temporary_password: OFFICER.temporary });
  const auditorSignIn = await core.call(null, 'auth.sign-in', { username: AUDITOR.username, password: OFFICER.temporary });
  const auditor = typeof auditorSignIn.session === 'string' ? auditorSignIn.session : null;
  await ok(auditor, 'auth.change-password', { current: OFFICER.temporary, next: AUDITOR.password, confirm: AUDITOR.password });
  await ok(auditor, 'auth.sign-out', {});

  const departments: string[] = [];
  for (const [name, code] of [['Idara ya TEHAMA', 'TEHAMA'], ['Idara ya Fedha na Uhasibu', 'DFA'], ['Idara ya Utawala na Rasilimali Watu', 'DAHRM']]) {
    departments.push((await ok<{ id: string }>(officer, 'departments.create', { name, code })).id);
  }
  const locations: string[] = [];
  for (const [name, building] of [['Chumba cha seva', 'Jengo la Hazina'], ['Ghorofa ya 2', 'Jengo la Hazina'], ['Stoo ya TEHAMA', 'Jengo B']]) {
    locations.push((await ok<{ id: string }>(officer, 'locations.create', { name, building, region: 'Dodoma' })).id);
  }
  const people: string[] = [];
  for (const [index, full_name] of ['Neema Joseph Mwakalinga', 'Baraka Mussa Kombo', 'Zuhura Said Omari', 'Hamisi Juma Nyoni', 'Grace Peter Massawe', 'Ally Hassan Mzee'].entries()) {
    people.push((await ok<{ id: string }>(officer, 'people.register', { full_name, title: 'Afisa', department_id: departments[index % 3] })).id);
  }
  for (let i = 0; i < 30; i += 1) {
    const [category, make, model] = MODELS[i % MODELS.length] as [string, string, string];
    await ok(officer, 'assets.register', {
      category,
      make,
      model,
      serial: `SN${String(74_310 + i * 37)}${String.fromCharCode(65 + (i % 26))}`,
      purchase_date: `2023-0${(i % 9) + 1}-15`,
      cost_tzs: 850_000 + i * 125_000,
      location_id: locations[i % 3],
      department_id: departments[i % 3],
      custodian_id: i % 5 === 4 ? null : people[i % people.length],
      classification: CLASSES[i % CLASSES.length],
      media: category === 'desktop' || category === 'laptop' ? [{ kind: i % 2 ? 'ssd' : 'hdd', capacity_gb: i % 2 ? 256 : 1000 }] : [],
    });
  }
  await ok(officer, 'plans.create', { category: 'laptop', task: 'Kusafisha ndani ya kifaa na kusasisha mfumo', interval_months: 6 });
  await ok(officer, 'auth.sign-out', {});
  await ok(admin, 'auth.sign-out', {});
}

beforeAll(async () => {
  requireWindowAndBrowser();
  mkdirSync(SCREENS, { recursive: true });
  for (const name of ['list', 'labels', 'form-errors', 'form-filled', 'device', 'entry', 'offsite-refusal', 'logbook']) {
    for (const language of ['sw', 'en']) rmSync(join(SCREENS, `register-${name}-${language}.png`), { force: true });
  }
  dir = mkdtempSync(join(tmpdir(), 'daftari-e2e-register-'));
  core = await openCore({ path: join(dir, 'daftari.sqlite'), hasher: scryptHasher(10) });
  await furnish();
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

describe('the equipment register and the log book in a real browser', () => {
  it('registers a laptop, keeps its SSD in the office while it is repaired outside, and prints its log book page', { timeout: 300_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: join(SCREENS, 'register-failure.png') }).catch(() => undefined);
    });
    await page.goto(host.url);
    await page.getByLabel(sw('signIn.username')).fill(OFFICER.username);
    await page.getByLabel(sw('signIn.password'), { exact: true }).fill(OFFICER.password);
    await page.getByRole('button', { name: sw('signIn.submit') }).click();
    await expect.poll(() => page.getByTestId('user-name').textContent()).toBe(OFFICER.name);

    // The register: thirty devices, the total, translated statuses, and the 3.2.3 mark on secret ones.
    await page.getByTestId('nav-assets').click();
    await expect.poll(() => page.getByTestId('assets-total').textContent()).toBe(sw('assetsUi.count', { number: '30' }));
    await expect.poll(() => page.getByTestId('device-row').count()).toBeGreaterThan(8);
    expect(await page.getByTestId('device-row').first().textContent()).toContain(sw('statuses.in_service'));
    expect(await page.locator('[data-testid="device-row"] [data-testid="offline-warning"]').count()).toBeGreaterThan(0);
    await shot('list-sw');
    await chooseLanguage('EN');
    await expect.poll(() => page.getByTestId('assets-total').textContent()).toBe(en('assetsUi.count', { number: '30' }));
    expect(await page.getByTestId('device-row').first().textContent()).toContain(en('statuses.in_service'));
    await shot('list-en');
    await chooseLanguage('SW');

    // Two devices picked for QR labels on a 2 × 7 sheet: a PDF to print.
    await page.getByTestId('device-row').nth(0).getByRole('checkbox').check();
    await page.getByTestId('device-row').nth(2).getByRole('checkbox').check();
    await expect.poll(() => page.getByTestId('selection-bar').textContent()).toContain(sw('assetsUi.selected', { number: '2' }));
    await page.getByTestId('print-labels').click();
    await page.getByTestId('labels-form').getByLabel(sw('assetsUi.labels.presets.a4-2x7')).check();
    await shot('labels-sw');
    const [labels] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-labels').click()]);
    expect(readFileSync((await labels.path()) as string).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect.poll(() => page.getByTestId('selection-bar').count()).toBe(0);

    // Search as you type narrows the list to one device.
    await page.getByTestId('assets-search').pressSequentially('PowerEdge', { delay: 30 });
    await expect.poll(() => page.getByTestId('assets-total').textContent()).toBe(sw('assetsUi.count', { number: '3' }));
    await page.getByTestId('assets-search').fill('');
    await expect.poll(() => page.getByTestId('assets-total').textContent()).toBe(sw('assetsUi.count', { number: '30' }));

    // The form refuses what is missing, in Swahili and in English.
    await page.getByTestId('register-device').click();
    const form = page.getByTestId('device-form');
    await expect.poll(() => form.getByTestId('tag-input').inputValue()).toMatch(/^WF\/ICT\/\d{4}\/00031$/);
    await form.getByTestId('submit').click();
    await expect.poll(() => form.getByText(sw('validation.required')).count()).toBeGreaterThanOrEqual(3);
    await shot('form-errors-sw');
    // A long form keeps its buttons in view: without scrolling, the submit button is on screen and on top.
    expect(await onTop(form.getByTestId('submit'))).toBe(true);
    // The language switch stays in reach while the dialog is open: the dialog itself changes language.
    await chooseLanguage('EN');
    await expect.poll(() => page.getByRole('dialog').getByText(en('assetsUi.form.create-title'), { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => form.getByText(en('validation.required')).count()).toBeGreaterThanOrEqual(3);
    expect(await onTop(form.getByTestId('submit'))).toBe(true);
    await shot('form-errors-en');
    await chooseLanguage('SW');
    await expect.poll(() => page.getByRole('dialog').getByText(sw('assetsUi.form.create-title'), { exact: true }).isVisible()).toBe(true);

    // A laptop with an SSD, for a secret-classified office.
    await pick(form, sw('assetsUi.fields.category'), sw('categories.laptop'));
    await field(form, sw('assetsUi.fields.make')).fill(LAPTOP.make);
    await field(form, sw('assetsUi.fields.model')).fill(LAPTOP.model);
    // A serial already in the register is refused by the core, and the refusal lands on the field.
    const year = ((await form.getByTestId('tag-input').inputValue()).split('/')[2] ?? '').trim();
    await field(form, sw('assetsUi.fields.serial')).fill('SN74310A');
    await form.getByTestId('submit').click();
    const taken = sw('errors.serial-taken', { serial: 'SN74310A', tag: `WF/ICT/${year}/00001` });
    await expect.poll(() => form.getByTestId('refusal').textContent()).toBe(taken);
    expect(await field(form, sw('assetsUi.fields.serial')).getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.mantine-InputWrapper-error', { hasText: taken }).count()).toBe(1);
    await field(form, sw('assetsUi.fields.serial')).fill(LAPTOP.serial);
    await field(form, sw('assetsUi.fields.cost')).fill('2450000');
    await expect.poll(() => field(form, sw('assetsUi.fields.cost')).inputValue()).toBe('2,450,000');
    await field(form, sw('assetsUi.fields.supplier')).fill('Soft Tech Ltd');
    await pick(form, sw('assetsUi.fields.location'), /Ghorofa ya 2/);
    await pick(form, sw('assetsUi.fields.department'), /DFA/);
    await field(form, sw('assetsUi.fields.custodian')).pressSequentially('mwaka', { delay: 30 });
    await page.getByRole('option', { name: 'Neema Joseph Mwakalinga' }).click();
    await pick(form, sw('assetsUi.fields.classification'), sw('classifications.secret'));
    await expect.poll(() => form.getByTestId('classification-warning').textContent()).toBe(sw('classifications.offline-warning'));
    expect(await form.getByTestId('can-hold-records').isChecked()).toBe(true);
    await form.getByTestId('add-medium').click();
    const medium = form.getByTestId('medium-row');
    await field(medium, sw('assetsUi.fields.media-capacity')).fill('512');
    await field(medium, sw('assetsUi.fields.media-serial')).fill(LAPTOP.ssdSerial);
    await form.getByTestId('submit').scrollIntoViewIfNeeded();
    await shot('form-filled-sw');
    await form.getByTestId('submit').click();

    // Registering opens the device's page.
    const device = page.getByTestId('device-page');
    await expect.poll(() => device.getByTestId('device-tag').textContent()).toMatch(/^WF\/ICT\/\d{4}\/00031$/);
    const tag = (await device.getByTestId('device-tag').textContent()) ?? '';
    await expect.poll(() => device.getByTestId('particulars').textContent()).toContain('TSh\u00a02,450,000');
    await expect.poll(() => device.getByTestId('custodian').textContent()).toBe('Neema Joseph Mwakalinga');
    await expect.poll(() => device.getByTestId('medium').getAttribute('data-medium')).toBe(SSD);
    expect(await device.getByTestId('medium').getAttribute('data-state')).toBe('installed');

    // A fault is reported: the entry panel shows it and offers the next steps.
    await device.getByTestId('report-fault').click();
    const report = page.getByTestId('report-form');
    // "Reported by" offers the device's custodian first, then the people register as one types.
    await field(report, sw('logbookUi.report.reported-by')).click();
    await expect.poll(() => page.getByRole('option').first().textContent()).toBe('Neema Joseph Mwakalinga');
    expect(await page.getByText(sw('logbookUi.report.reported-by-custodian'), { exact: true }).isVisible()).toBe(true);
    await field(report, sw('logbookUi.report.reported-by')).pressSequentially('Bara', { delay: 30 });
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(['Baraka Mussa Kombo']);
    // Taken as is: closing notifications first (as `shot` does) would close the suggestions too.
    await page.screenshot({ path: join(SCREENS, 'register-reported-by-sw.png') });
    // A visitor in no register may still be typed.
    await field(report, sw('logbookUi.report.reported-by')).fill('Mgeni: Salim Bakari');
    expect(await field(report, sw('logbookUi.report.reported-by')).inputValue()).toBe('Mgeni: Salim Bakari');
    await field(report, sw('logbookUi.report.reported-by')).fill('');
    await field(report, sw('logbookUi.report.reported-by')).pressSequentially('Neema', { delay: 30 });
    await page.getByRole('option', { name: 'Neema Joseph Mwakalinga' }).click();
    expect(await field(report, sw('logbookUi.report.reported-by')).inputValue()).toBe('Neema Joseph Mwakalinga');
    await field(report, sw('logbookUi.report.symptoms')).fill('Kompyuta haiwaki; skrini inabaki nyeusi.');
    await report.getByTestId('submit').click();
    const entry = device.getByTestId('entry-panel');
    await expect.poll(() => entry.getAttribute('data-state')).toBe('reported');
    expect(await entry.textContent()).toContain('Kompyuta haiwaki; skrini inabaki nyeusi.');
    // The notification that the fault was recorded covers neither the Attach button nor the steps.
    const notice = page.locator('.mantine-Notification-root', { hasText: sw('logbookUi.report.done', { tag: (await device.getByTestId('device-tag').textContent()) ?? '' }) });
    await expect.poll(() => notice.isVisible()).toBe(true);
    // The Attach button brought to the bottom of the window, where notifications used to sit over it.
    await expect.poll(() => page.locator('.mantine-Modal-overlay').count()).toBe(0);
    await entry.getByTestId('attach').evaluate((element) => element.scrollIntoView({ block: 'end' }));
    expect(await onTop(entry.getByTestId('attach'))).toBe(true);
    const noticeBox = await notice.boundingBox();
    expect(noticeBox && noticeBox.x + noticeBox.width).toBeLessThanOrEqual(240);
    expect(await onTop(entry.getByTestId('step-assign'))).toBe(true);
    expect(await notice.isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENS, 'register-notification-sw.png') });

    // 3.6.2: an outside provider, registered on the spot, supervised by the officer.
    await entry.getByTestId('step-assign').click();
    const assign = page.getByTestId('assign-form');
    await assign.getByTestId('technician-type').getByText(sw('logbookUi.assign.external'), { exact: true }).click();
    await assign.getByTestId('register-provider').click();
    const provider = page.getByTestId('provider-form');
    await field(provider, sw('logbookUi.provider.name')).fill('Techno Brain Ltd');
    await field(provider, sw('logbookUi.provider.contact')).fill('Peter Mushi');
    await provider.getByTestId('submit').click();
    await expect.poll(() => assign.getByTestId('provider-select').inputValue()).toBe('Techno Brain Ltd');
    await field(assign, sw('logbookUi.assign.job-ref')).fill('JC-2025-0142');
    expect(await field(assign, sw('logbookUi.assign.supervisor')).inputValue()).toBe(OFFICER.name);
    await assign.getByTestId('submit').click();
    await expect.poll(() => entry.getByTestId('entry-technician').textContent()).toContain('Techno Brain Ltd');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('entry-sw');

    // 3.6.3: it cannot leave with the SSD inside; the refusal names the SSD and leads to its removal.
    await entry.getByTestId('step-offsite').click();
    await page.getByTestId('offsite-form').getByTestId('submit').click();
    await expect.poll(() => page.getByTestId('offsite-refusal-text').textContent()).toBe(sw('errors.storage-not-removed', { media: SSD }));
    await shot('offsite-refusal-sw');
    await page.keyboard.press('Escape');
    await chooseLanguage('EN');
    await entry.getByTestId('step-offsite').click();
    await page.getByTestId('offsite-form').getByTestId('submit').click();
    await expect.poll(() => page.getByTestId('offsite-refusal-text').textContent()).toBe(en('errors.storage-not-removed', { media: SSD }));
    await shot('offsite-refusal-en');
    await page.keyboard.press('Escape');
    await chooseLanguage('SW');
    await entry.getByTestId('step-offsite').click();
    await page.getByTestId('offsite-form').getByTestId('submit').click();
    await expect.poll(() => page.getByTestId('offsite-refusal-text').textContent()).toBe(sw('errors.storage-not-removed', { media: SSD }));
    await page.getByTestId('go-record-removal').click();
    const removal = page.getByTestId('removal-form');
    expect(await field(removal, sw('assetsUi.removal.removed-by')).inputValue()).toBe(OFFICER.name);
    await field(removal, sw('assetsUi.removal.witnessed-by')).fill('Baraka Mussa Kombo');
    await field(removal, sw('assetsUi.removal.kept-at')).fill('Kabati la chuma, ofisi ya TEHAMA');
    await removal.getByTestId('submit').click();
    await expect.poll(() => device.getByTestId('medium').getAttribute('data-state')).toBe('removed');
    expect(await device.getByTestId('medium-removal').textContent()).toContain('Kabati la chuma, ofisi ya TEHAMA');

    // Now it may leave: the device is away for repair.
    await entry.getByTestId('step-offsite').click();
    await page.getByTestId('offsite-form').getByTestId('submit').click();
    await expect.poll(() => device.getByTestId('status-badge').first().textContent()).toBe(sw('statuses.away_for_repair'));
    await expect.poll(() => entry.getAttribute('data-state')).toBe('off_site');

    // It comes back, and the SSD goes back in.
    await entry.getByTestId('step-return').click();
    await page.getByTestId('return-form').getByTestId('submit').click();
    await expect.poll(() => entry.getAttribute('data-state')).toBe('returned');
    await device.getByTestId('record-reinstall').click();
    await page.getByTestId('reinstall-form').getByTestId('submit').click();
    await expect.poll(() => device.getByTestId('medium').getAttribute('data-state')).toBe('installed');

    // The work done, with a part and labour, then the close.
    await entry.getByTestId('step-work').click();
    const work = page.getByTestId('work-form');
    await field(work, sw('logbookUi.work.actions')).fill('Ubao mama (motherboard) umebadilishwa na kupimwa.');
    await work.getByTestId('add-part').click();
    await field(work.getByTestId('part-row'), sw('logbookUi.work.part-name')).fill('Ubao mama Dell 5420');
    await field(work.getByTestId('part-row'), sw('logbookUi.work.unit-cost')).fill('380000');
    await field(work, sw('logbookUi.work.labour')).fill('70000');
    await expect.poll(() => work.getByTestId('work-total').textContent()).toBe(sw('logbookUi.work.total', { amount: 'TSh\u00a0450,000' }));
    await work.getByTestId('submit').click();
    await expect.poll(() => entry.getByTestId('entry-work').textContent()).toContain('Ubao mama');
    // Issue 7: "hours worked" was left blank, so the book shows no hours rather than "saa 0".
    expect(await entry.getByTestId('entry-cost').textContent()).not.toContain('saa');
    await entry.getByTestId('step-close').click();
    // Issue 7: no outcome comes preselected; the officer chooses one.
    expect(await page.getByTestId('close-form').getByRole('radio', { checked: true }).count()).toBe(0);
    // "No fault found" asks for its reason; the choice is then changed to what was really done.
    await page.getByTestId('close-form').getByTestId('outcome-no_fault').check();
    await expect.poll(() => page.getByTestId('close-reason').isVisible()).toBe(true);
    await shot('close-form-reason-sw');
    await page.getByTestId('close-form').getByTestId('outcome-repaired').check();
    await page.getByTestId('close-form').getByTestId('submit').click();
    await expect.poll(() => device.getByTestId('entry-panel').count()).toBe(0);
    await expect.poll(() => device.getByTestId('status-badge').first().textContent()).toBe(sw('statuses.in_service'));
    const row = device.getByTestId('log-book-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(sw('outcomes.repaired'));
    expect(await row.textContent()).toContain('TSh\u00a0450,000');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('device-sw');

    // The device's page of the log book, as a PDF download.
    const [download] = await Promise.all([page.waitForEvent('download'), device.getByTestId('print-log-book-page').click()]);
    const pdf = readFileSync((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    // The history tells the story in sentences.
    await device.getByTestId('tab-history').click();
    await expect.poll(() => device.getByTestId('history').textContent()).toContain(sw('history.assets.registered', { actor: OFFICER.name, tag, label: `${LAPTOP.make} ${LAPTOP.model}` }));
    // Each line names the officer once: in its sentence, not again beside its time.
    const registered = device.getByTestId('history-line').filter({ hasText: sw('history.assets.registered', { actor: OFFICER.name, tag, label: `${LAPTOP.make} ${LAPTOP.model}` }) });
    expect((((await registered.textContent()) ?? '').match(new RegExp(OFFICER.name, 'g')) ?? []).length).toBe(1);
    expect(await device.getByTestId('history-byline').count()).toBe(0);
    await shot('history-sw');
    await device.getByTestId('tab-log-book').click();

    // The same page in English.
    await chooseLanguage('EN');
    await expect.poll(() => device.getByText(en('assetsUi.device.particulars'), { exact: true }).isVisible()).toBe(true);
    expect(await device.getByTestId('status-badge').first().textContent()).toBe(en('statuses.in_service'));
    expect(await row.textContent()).toContain(en('outcomes.repaired'));
    expect(await device.getByTestId('particulars').textContent()).toContain(en('classifications.secret'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('device-en');
    await chooseLanguage('SW');

    // The log book for the period, its totals, and the preventive work due.
    await page.getByTestId('nav-logbook').click();
    await expect.poll(() => page.getByTestId('logbook-row').count()).toBe(1);
    expect(await page.getByTestId('total-count').textContent()).toBe('1');
    expect(await page.getByTestId('total-cost').textContent()).toBe('TSh\u00a0450,000');
    await expect.poll(() => page.getByTestId('due-row').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="due-row"][data-overdue="true"]').count()).toBeGreaterThan(0);
    await shot('logbook-sw');
    // A due plan opens a preventive entry for that device, the plan's task already written.
    await page.getByTestId('open-preventive').first().click();
    const preventive = page.getByTestId('report-form');
    await expect.poll(() => field(preventive, sw('logbookUi.report.task')).inputValue()).toBe('Kusafisha ndani ya kifaa na kusasisha mfumo');
    await page.keyboard.press('Escape');
    const [period] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-period').click()]);
    expect(readFileSync((await period.path()) as string).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await chooseLanguage('EN');
    await expect.poll(() => page.getByRole('heading', { name: en('logbookUi.title') }).isVisible()).toBe(true);
    await shot('logbook-en');
    await chooseLanguage('SW');

    // Nothing the page did broke the CSP or threw.
    expect(consoleProblems).toEqual([]);
  });

  it('shows the auditor the same register and log book, to read and print only', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const auditor = await context.newPage();
    auditor.on('console', (message) => {
      if (message.type() === 'error') consoleProblems.push(message.text());
    });
    auditor.on('pageerror', (error) => consoleProblems.push(error.message));
    onTestFailed(async () => {
      await auditor.screenshot({ path: join(SCREENS, 'register-failure-auditor.png') }).catch(() => undefined);
    });
    await auditor.goto(host.url);
    await auditor.getByLabel(sw('signIn.username')).fill(AUDITOR.username);
    await auditor.getByLabel(sw('signIn.password'), { exact: true }).fill(AUDITOR.password);
    await auditor.getByRole('button', { name: sw('signIn.submit') }).click();
    await auditor.getByTestId('nav-assets').click();
    await expect.poll(() => auditor.getByTestId('assets-total').textContent()).toBe(sw('assetsUi.count', { number: '31' }));
    expect(await auditor.getByTestId('register-device').count()).toBe(0);

    await auditor.getByTestId('assets-search').fill(LAPTOP.serial);
    await expect.poll(() => auditor.getByTestId('device-row').count()).toBe(1);
    await auditor.getByTestId('device-row').click();
    const device = auditor.getByTestId('device-page');
    await expect.poll(() => device.getByTestId('log-book-row').count()).toBe(1);
    for (const action of ['edit-device', 'report-fault', 'record-removal', 'record-reinstall']) expect(await device.getByTestId(action).count()).toBe(0);
    // Printing reads and changes nothing: the auditor may.
    const [download] = await Promise.all([auditor.waitForEvent('download'), device.getByTestId('print-log-book-page').click()]);
    expect(readFileSync((await download.path()) as string).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A closed entry opens to be read, without its steps.
    await device.getByTestId('log-book-row').click();
    await expect.poll(() => auditor.getByTestId('entry-panel').getAttribute('data-state')).toBe('closed');
    expect(await auditor.getByTestId('entry-steps').count()).toBe(0);
    expect(await auditor.getByTestId('attach').count()).toBe(0);
    // The language switch stays in reach above an open drawer too.
    const drawerTag = (await device.getByTestId('device-tag').textContent()) ?? '';
    await switchLanguage(auditor, 'EN');
    await expect.poll(() => auditor.getByRole('dialog').getByText(en('assetsUi.device.entry-title', { tag: drawerTag }), { exact: true }).isVisible()).toBe(true);
    await screenshot(auditor, 'register-entry-drawer-en');
    await switchLanguage(auditor, 'SW');
    await expect.poll(() => auditor.getByRole('dialog').getByText(sw('assetsUi.device.entry-title', { tag: drawerTag }), { exact: true }).isVisible()).toBe(true);
    await auditor.keyboard.press('Escape');
    // Back to the register, which kept its search.
    await device.getByTestId('back-to-register').click();
    await expect.poll(() => auditor.getByTestId('device-row').count()).toBe(1);
    expect(await auditor.getByTestId('assets-search').inputValue()).toBe(LAPTOP.serial);

    await auditor.getByTestId('nav-logbook').click();
    await expect.poll(() => auditor.getByTestId('due-row').count()).toBeGreaterThan(0);
    expect(await auditor.getByTestId('open-preventive').count()).toBe(0);
    await context.close();
    expect(consoleProblems).toEqual([]);
  });
});

// Issue 7: the longest real values, in both languages, at 1366×768 and wider: nothing a person tells
// devices, people or places apart by is cut off in any list.
const LONG = {
  departments: [
    ['Idara ya Utawala na Usimamizi wa Rasilimali Watu', 'DAHRM'],
    ['Idara ya Sera, Mipango na Ufuatiliaji wa Miradi ya Maji', 'DPP'],
    ['Kitengo cha Teknolojia ya Habari na Mawasiliano', 'TEHAMA'],
  ],
  locations: [
    ['Ofisi ya Mkurugenzi wa Idara ya Utawala na Usimamizi wa Rasilimali Watu', 'Jengo la Maji House, Mtaa wa Mtumba', 'Dodoma'],
    ['Chumba cha Seva cha Makao Makuu', 'Jengo la Mji wa Serikali, Mtumba', 'Dodoma'],
  ],
  people: ['Mwanaisha Abdallah Mwakasege-Kihwele', 'Emmanuel Boniphace Mwakyembe', 'Scholastica Nyangeta Shirima'],
  provider: 'Kampuni ya Huduma za Kompyuta na Mitandao ya Kilimanjaro Limited',
  devices: [
    ['MAJI/ICT/2026/000118', 'server', 'Hewlett Packard Enterprise', 'ProLiant DL380 Gen10 Plus', 'CZJ2031ABCD-DL380G10P', 'top_secret'],
    ['MAJI/ICT/2026/000119', 'laptop', 'Lenovo', 'ThinkPad X1 Carbon Gen 11', 'PF4KQ2WX-20XW00J4TZ', 'secret'],
    ['MAJI/ICT/2026/000120', 'network', 'Cisco', 'Catalyst 9300-48P-E', 'FCW2231L0AB-C9300-48P', 'confidential'],
    ['MAJI/ICT/2026/000121', 'printer', 'Kyocera', 'ECOSYS M3655idn', 'VCF9Z12345-KYO-M3655', 'public'],
    ['MAJI/ICT/2026/000122', 'ups', 'APC', 'Smart-UPS SRT 3000VA RM', 'AS2104150331-SRT3000', 'internal'],
    ['MAJI/ICT/2026/000123', 'desktop', 'Dell', 'OptiPlex 7010 Micro', 'CN-0X7Y2K-74261-0A3-12FB', 'internal'],
  ],
} as const;

/** Today in Dar es Salaam, as the core stores a typed date. */
function todayIso(): string {
  return new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);
}

async function furnishLong(target: Core): Promise<void> {
  const call = async <T>(token: string | null, route: string, input: unknown): Promise<T> => {
    const outcome = await target.call(token, route, input);
    if (!outcome.result.ok) throw new Error(`${route}: ${JSON.stringify(outcome.result.error)}`);
    return outcome.result.value as T;
  };
  const setup = await target.call(null, 'setup.initialize', {
    institution: { name: 'Wizara ya Maji', code: 'MAJI', postal_address: 'S.L.P. 456, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Waziri' },
    admin: { username: 'amrisho', display_name: 'Asha Juma Mrisho', password: ADMIN_PASSWORD, confirm: ADMIN_PASSWORD },
  });
  if (!setup.result.ok || typeof setup.session !== 'string') throw new Error('setup failed');
  const admin = setup.session;
  const departments: string[] = [];
  for (const [name, code] of LONG.departments) departments.push((await call<{ id: string }>(admin, 'departments.create', { name, code })).id);
  const locations: string[] = [];
  for (const [name, building, region] of LONG.locations) locations.push((await call<{ id: string }>(admin, 'locations.create', { name, building, region })).id);
  const people: string[] = [];
  for (const [index, full_name] of LONG.people.entries()) {
    people.push((await call<{ id: string }>(admin, 'people.register', { full_name, title: 'Afisa Tehama Mwandamizi', department_id: departments[index % departments.length] })).id);
  }
  const provider = await call<{ id: string }>(admin, 'providers.register', {
    name: LONG.provider,
    registration_number: '145238-2019',
    contact_name: 'Bw. Hamisi Omari Kilimanjaro',
    phone: '+255 754 210 887',
    email: 'huduma.wateja@kilimanjarocomputers.co.tz',
    address: 'S.L.P. 7021, Mtaa wa Samora, Dar es Salaam',
  });
  const devices: string[] = [];
  for (const [index, [tag, category, make, model, serial, classification]] of LONG.devices.entries()) {
    const device = await call<{ id: string }>(admin, 'assets.register', {
      tag,
      category,
      make,
      model,
      serial,
      classification,
      purchase_date: '2021-03-10',
      location_id: locations[index % locations.length],
      department_id: departments[index % departments.length],
      custodian_id: people[index % people.length],
    });
    devices.push(device.id);
  }
  const today = todayIso();
  const open = async (asset: string) =>
    (await call<{ id: string }>(admin, 'maintenance.report', { asset_id: asset, reported_on: today, reported_by: LONG.people[0], symptoms: 'Kifaa kinazima chenyewe baada ya dakika chache za kazi.' })).id;
  const external = { type: 'external', provider_id: provider.id, job_ref: 'JC-2026-000431', supervisor_name: 'Asha Juma Mrisho' };
  // Closed with each long outcome, the work recorded first.
  for (const [index, outcome, technician] of [
    [0, 'part_replaced', external],
    [1, 'no_fault', { type: 'internal', name: LONG.people[1] }],
    [2, 'beyond_repair', { type: 'internal', name: LONG.people[0] }],
  ] as const) {
    const entry = await open(devices[index] as string);
    await call(admin, 'maintenance.assign', { entry_id: entry, technician });
    if (outcome !== 'no_fault') await call(admin, 'maintenance.record-work', { entry_id: entry, actions: 'Kipuri kimebadilishwa na kifaa kimepimwa kwa saa mbili.', labour_cost_tzs: 1_250_000 });
    await call(admin, 'maintenance.close', { entry_id: entry, closed_on: today, outcome, reason: outcome === 'no_fault' ? 'Kifaa kilipimwa kwa saa nne bila hitilafu yoyote.' : '' });
  }
  // One under repair in the office ("Kinafanyiwa matengenezo"), one away at the provider.
  await open(devices[3] as string);
  const away = await open(devices[4] as string);
  await call(admin, 'maintenance.assign', { entry_id: away, technician: external });
  await call(admin, 'maintenance.send-offsite', { entry_id: away, sent_on: today });
  await call(admin, 'plans.create', { category: 'desktop', task: 'Kusafisha vumbi ndani ya kifaa, kukagua feni na kusasisha mfumo wa uendeshaji', interval_months: 6 });
  await call(admin, 'plans.create', { category: 'ups', task: 'Kupima betri za UPS chini ya mzigo kamili', interval_months: 12 });
  await call(admin, 'auth.sign-out', {});
}

describe('the longest real values in every list', () => {
  it('cuts off no tag, serial, name, outcome or status at 1366×768 and wider, in Swahili and in English', { timeout: 300_000 }, async () => {
    const longDir = mkdtempSync(join(tmpdir(), 'daftari-e2e-long-'));
    const longCore = await openCore({ path: join(longDir, 'daftari.sqlite'), hasher: scryptHasher(10) });
    const longHost = await startHost({ core: longCore, root: BUILT });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const view = await context.newPage();
    const problems: string[] = [];
    view.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    view.on('pageerror', (error) => problems.push(error.message));
    onTestFailed(async () => {
      await view.screenshot({ path: join(SCREENS, 'register-failure-long.png') }).catch(() => undefined);
    });
    try {
      await furnishLong(longCore);
      await view.goto(longHost.url);
      await view.getByLabel(sw('signIn.username')).fill('amrisho');
      await view.getByLabel(sw('signIn.password'), { exact: true }).fill(ADMIN_PASSWORD);
      await view.getByRole('button', { name: sw('signIn.submit') }).click();
      await expect.poll(() => view.getByTestId('user-name').textContent()).toBe('Asha Juma Mrisho');
      const look = (name: string) => screenshot(view, `fit-${name}`);

      for (const language of ['sw', 'en'] as const) {
        await switchLanguage(view, language === 'sw' ? 'SW' : 'EN');
        // The register: every tag and serial whole, headers and badges uncut.
        await view.getByTestId('nav-assets').click();
        await expect.poll(() => view.getByTestId('device-row').count()).toBe(LONG.devices.length);
        await expect.poll(() => cutOff(view, '[data-testid="assets-table"]')).toEqual([]);
        const tags = await view.locator('[data-testid="device-row"] [data-cell="tag"]').allTextContents();
        expect(tags).toContain('MAJI/ICT/2026/000123');
        expect(await view.locator('[data-testid="device-row"] [data-cell="serial"]').allTextContents()).toContain('CN-0X7Y2K-74261-0A3-12FB');
        expect(await view.locator('[data-testid="device-row"][data-tag="MAJI/ICT/2026/000121"] [data-testid="status-badge"]').textContent()).toBe(
          translator(language)('statuses.under_repair'),
        );
        await look(`register-${language}`);
        // Wider windows keep it so.
        await view.setViewportSize({ width: 1920, height: 1080 });
        await expect.poll(() => cutOff(view, '[data-testid="assets-table"]')).toEqual([]);
        await view.setViewportSize({ width: 1366, height: 768 });

        // A device page and its log book.
        await view.locator('[data-testid="device-row"][data-tag="MAJI/ICT/2026/000118"]').click();
        await expect.poll(() => view.getByTestId('log-book-row').count()).toBe(1);
        expect(await cutOff(view, '[data-testid="device-log-book"]')).toEqual([]);
        await view.evaluate(() => window.scrollTo(0, 0));
        await look(`device-${language}`);
        await view.getByTestId('back-to-register').click();

        // The log book for the period, with its outcomes and providers, and the due list.
        await view.getByTestId('nav-logbook').click();
        await expect.poll(() => view.getByTestId('logbook-row').count()).toBe(5);
        await expect.poll(() => view.getByTestId('due-row').count()).toBeGreaterThan(0);
        expect(await cutOff(view, '[data-testid="logbook-table"]')).toEqual([]);
        expect(await cutOff(view, '[data-testid="due-table"]')).toEqual([]);
        expect(await view.getByTestId('logbook-table').textContent()).toContain(translator(language)('outcomes.no_fault'));
        await look(`logbook-${language}`);

        // The preventive plans, their due list and the providers.
        await view.getByTestId('nav-maintenance').click();
        await view.getByTestId('tab-plans').click();
        await expect.poll(() => view.locator('[data-testid="plans-table"] tbody tr').count()).toBe(2);
        await expect.poll(() => view.locator('[data-testid="due-list"] [data-testid="due-table"] tbody tr').count()).toBeGreaterThan(0);
        expect(await cutOff(view, '[data-testid="plans-table"]')).toEqual([]);
        expect(await cutOff(view, '[data-testid="due-list"]')).toEqual([]);
        await view.getByTestId('due-list').evaluate((element) => element.scrollIntoView({ block: 'start' }));
        await look(`due-${language}`);
        await view.evaluate(() => window.scrollTo(0, 0));
        await view.getByTestId('tab-providers').click();
        await expect.poll(() => view.locator('[data-testid="providers-table"] tbody tr').count()).toBe(1);
        expect(await cutOff(view, '[data-testid="providers-table"]')).toEqual([]);
        await look(`providers-${language}`);

        // Departments and locations.
        await view.getByTestId('nav-places').click();
        await expect.poll(() => view.locator('[data-testid="departments-table"] tbody tr').count()).toBe(LONG.departments.length);
        expect(await cutOff(view, '[data-testid="departments-table"]')).toEqual([]);
        await look(`departments-${language}`);
        await view.getByTestId('tab-locations').click();
        await expect.poll(() => view.locator('[data-testid="locations-table"] tbody tr').count()).toBe(LONG.locations.length);
        expect(await cutOff(view, '[data-testid="locations-table"]')).toEqual([]);
        await look(`locations-${language}`);

        // The people register, with their departments.
        await view.getByTestId('nav-people').click();
        await expect.poll(() => view.locator('[data-testid="people-table"] tbody tr').count()).toBe(LONG.people.length);
        expect(await cutOff(view, '[data-testid="people-table"]')).toEqual([]);
        await look(`people-${language}`);
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await longHost.close();
      longCore.close();
      rmSync(longDir, { recursive: true, force: true });
    }
  });
});
