// The compliance dashboard (issue 14) end to end in real Chromium: after sign-in it is the home screen;
// the 3.6.3 figure reads 50 % for one laptop sent off-site with its drive removed first and one sent
// with none recorded; choosing it opens the list behind it, and a row opens the device's page; a bar of
// the maintenance cost chart opens that month's repairs; a 3.6.6 row opens the handover itself in the
// handovers screen. Screens in both languages at 1366×768.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { translator } from '../../db/contract/catalogues/index.ts';
import { addDays, workingDay } from '../../db/contract/days.ts';
import type { Result } from '../../db/contract/route.ts';
import { openCore, type Core } from '../../db/core.ts';
import { startHost, type Host } from '../../db/host/server.ts';
import { scryptHasher } from '../../db/users/passwords.ts';
import { BUILT, chooseLanguage, cutOff, launchBrowser, requireWindowAndBrowser, screenshot, SCREENS, openWindow } from './harness.ts';

const sw = translator('sw');
const en = translator('en');

const INSTITUTION = { name: 'Wizara ya Maji', code: 'MAJI', postal_address: 'S.L.P. 456, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Waziri' };
const ADMIN = { display_name: 'Asha Juma Mrisho', username: 'amrisho', password: 'Kilimanjaro#2025', confirm: 'Kilimanjaro#2025' };
const TAGS = { removed: 'MAJI/ICT/2026/0001', unrecorded: 'MAJI/ICT/2026/0002', printer: 'MAJI/ICT/2026/0003' };

let dir: string;
let core: Core;
let host: Host;
let browser: Browser;
let page: Page;
let adminToken: string;
const devices: Record<keyof typeof TAGS, string> = {} as never;
const consoleProblems: string[] = [];

const today = () => workingDay(new Date());

function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 30_000 });
}

async function call<T>(route: string, input: unknown): Promise<T> {
  const { result } = (await core.call(adminToken, route, input)) as { result: Result<unknown> };
  if (!result.ok) throw new Error(`${route}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A fault reported `daysAgo`, handed to Techno Brain and sent off-site yesterday; the drive removed first when `remove`. */
async function sendOffsite(asset: keyof typeof TAGS, providerId: string, remove: string | null): Promise<void> {
  const entry = await call<{ id: string }>('maintenance.report', { asset_id: devices[asset], reported_on: addDays(today(), -5), reported_by: 'Zuhura Said', symptoms: 'Haiwaki kabisa' });
  await call('maintenance.assign', { entry_id: entry.id, technician: { type: 'external', provider_id: providerId, job_ref: 'JC-2026-114', supervisor_name: 'Juma Ally' } });
  if (remove) {
    await call('drives.remove', { medium_id: remove, removed_by: 'Juma Ally', witnessed_by: 'Hamisi Juma', kept_at: 'Kabati la TEHAMA', removed_on: addDays(today(), -2), entry_id: entry.id });
  }
  await call('maintenance.send-offsite', { entry_id: entry.id, sent_on: addDays(today(), -1) });
}

beforeAll(async () => {
  requireWindowAndBrowser();
  mkdirSync(SCREENS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'daftari-e2e-dashboard-'));
  core = await openCore({ path: join(dir, 'dodoma.sqlite'), hasher: scryptHasher(10) });
  const setup = await core.call(null, 'setup.initialize', { institution: INSTITUTION, admin: ADMIN });
  if (!setup.result.ok || typeof setup.session !== 'string') throw new Error(`setup failed: ${JSON.stringify(setup.result)}`);
  adminToken = setup.session;

  const zuhura = (await call<{ id: string }>('people.register', { full_name: 'Zuhura Said Omari', check_number: '100230' })).id;
  const store = (await call<{ id: string }>('locations.create', { name: 'Stoo ya TEHAMA' })).id;
  const ssd = { kind: 'ssd', capacity_gb: 512, serial: 'S4EVNX0R123' };
  const removed = await call<{ id: string; media: { id: string }[] }>('assets.register', {
    tag: TAGS.removed, category: 'laptop', make: 'Dell', model: 'Latitude 5440', purchase_date: '2023-07-14', custodian_id: zuhura, media: [ssd],
  });
  devices.removed = removed.id;
  devices.unrecorded = (await call<{ id: string }>('assets.register', { tag: TAGS.unrecorded, category: 'laptop', make: 'HP', model: 'EliteBook 840 G8', purchase_date: '2021-02-01' })).id;
  devices.printer = (await call<{ id: string }>('assets.register', { tag: TAGS.printer, category: 'printer', make: 'HP', model: 'LaserJet Pro M404', purchase_date: '2017-05-20', location_id: store })).id;
  const categories = [['desktop', 'HP', 'ProDesk 400 G7', '2019-03-01'], ['desktop', 'Dell', 'OptiPlex 7090', '2024-08-12'], ['ups', 'APC', 'Back-UPS 1100', '2025-01-15'], ['network', 'Cisco', 'Catalyst 2960', '']] as const;
  for (const [i, [category, make, model, purchase_date]] of categories.entries()) {
    await call('assets.register', { tag: `MAJI/ICT/2026/001${i}`, category, make, model, purchase_date, location_id: store, custodian_id: i % 2 === 0 ? zuhura : null });
  }
  const provider = await call<{ id: string }>('providers.register', { name: 'Techno Brain Ltd', registration_number: 'BRELA-118822', contact_name: 'Peter Mushi' });
  await sendOffsite('removed', provider.id, removed.media[0]?.id ?? null);
  await sendOffsite('unrecorded', provider.id, null);
  // The printer's rollers replaced in the institution, paid this month.
  const entry = await call<{ id: string }>('maintenance.report', { asset_id: devices.printer, reported_on: addDays(today(), -3), reported_by: 'Zuhura Said', symptoms: 'Printa inakwama karatasi' });
  await call('maintenance.assign', { entry_id: entry.id, technician: { type: 'internal', name: 'Hamisi Juma' } });
  await call('maintenance.record-work', { entry_id: entry.id, actions: 'Roller zimebadilishwa', parts: [{ name: 'Pickup roller kit', quantity: 1, unit_cost_tzs: 95_000 }], labour_cost_tzs: 30_000, hours: 2 });
  await call('maintenance.close', { entry_id: entry.id, closed_on: today(), outcome: 'repaired' });

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

/** Nothing wider than the window, no text cut off on the dashboard. */
async function fits(): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await cutOff(page, '[data-testid="dashboard-screen"]')).toEqual([]);
}

describe('the compliance dashboard in a real browser', () => {
  it('is the home screen after sign-in; a figure opens its list, and a row opens the record', { timeout: 240_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: join(SCREENS, 'dashboard-failure.png'), fullPage: true }).catch(() => undefined);
    });
    await page.goto(host.url);
    await page.getByLabel(sw('signIn.username')).fill(ADMIN.username);
    await page.getByLabel(sw('signIn.password'), { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: sw('signIn.submit') }).click();
    await poll(() => page.getByTestId('user-name').textContent()).toBe(ADMIN.display_name);

    // Home: the dashboard, first in the navigation, without choosing anything.
    await poll(() => page.getByTestId('dashboard-screen').isVisible()).toBe(true);
    expect(await page.locator('nav [data-testid^="nav-"]').first().getAttribute('data-testid')).toBe('nav-dashboard');
    expect(await page.getByRole('heading', { name: sw('dashboard_ui.title') }).isVisible()).toBe(true);
    const clause = page.getByTestId('figure-clause.3.6.3');
    await poll(() => clause.getByTestId('figure-value').textContent()).toBe('50%');
    expect(await clause.getAttribute('data-flag')).toBe('attention');
    expect(await clause.textContent()).toContain(sw('dashboard_ui.sentences.clause-3-6-3'));
    expect(await page.getByTestId('figure-devices.status').getByTestId('figure-value').textContent()).toBe(sw('dashboard_ui.total', { count: '7' }));
    await fits();
    await screenshot(page, 'dashboard-sw');
    await page.screenshot({ path: join(SCREENS, 'dashboard-sw-full.png'), fullPage: true });

    // The list behind 3.6.3: the laptop that left with no removal recorded; the other side one click away.
    await clause.click();
    const list = page.getByTestId('dashboard-list');
    await poll(() => list.getByTestId('dashboard-row').count()).toBe(1);
    const row = list.getByTestId('dashboard-row').first();
    expect(await row.textContent()).toContain(TAGS.unrecorded);
    expect(await row.getAttribute('data-flag')).toBe('attention');
    await screenshot(page, 'dashboard-list-sw');
    await list.getByTestId('dashboard-list-side').getByText(sw('dashboard_ui.buckets.ok')).click();
    await poll(() => list.getByTestId('dashboard-row').first().textContent()).toContain(TAGS.removed);
    await list.getByTestId('dashboard-list-side').getByText(sw('dashboard_ui.buckets.attention')).click();
    await poll(() => list.getByTestId('dashboard-row').first().textContent()).toContain(TAGS.unrecorded);

    // The row leads to the device's page.
    await list.getByTestId('dashboard-row').first().click();
    await poll(() => page.getByTestId('device-tag').textContent()).toBe(TAGS.unrecorded);
    expect(page.url()).toContain(`#/assets/${devices.unrecorded}`);

    // Back home, a bar of the cost chart opens the month's repairs: the printer's rollers.
    await page.getByTestId('nav-dashboard').click();
    const month = today().slice(0, 7);
    const bar = page.getByTestId(`bar-chart.cost-${month}`);
    await poll(() => bar.isVisible()).toBe(true);
    await bar.click();
    await poll(() => list.getByTestId('dashboard-row').count()).toBe(1);
    expect(await list.getByTestId('dashboard-row').first().textContent()).toContain(TAGS.printer);
    expect(await list.getByTestId('dashboard-row').first().textContent()).toContain('TSh\u00a0125,000');
    await page.keyboard.press('Escape');

    // In English, the same screen.
    await chooseLanguage(page, 'EN');
    await poll(() => page.getByRole('heading', { name: en('dashboard_ui.title') }).isVisible()).toBe(true);
    expect(await page.getByTestId('figure-clause.3.6.3').textContent()).toContain(en('dashboard_ui.figures.clause-3-6-3'));
    await fits();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'dashboard-en');
    await page.screenshot({ path: join(SCREENS, 'dashboard-en-full.png'), fullPage: true });
    expect(consoleProblems).toEqual([]);
  });

  it('opens a handover from the 3.6.6 list in the handovers screen, and an unknown one opens nothing', { timeout: 240_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: join(SCREENS, 'dashboard-record-failure.png'), fullPage: true }).catch(() => undefined);
    });
    // A laptop handed from Zuhura to Hamisi, granted by the Accounting Officer and not yet received.
    await call('users.create', { username: 'bmushi', display_name: 'Baraka Mushi', roles: ['accounting_officer'], temporary_password: 'Muda-wa-Kwanza8' });
    const first = await core.call(null, 'auth.sign-in', { username: 'bmushi', password: 'Muda-wa-Kwanza8' });
    const accountant = first.session as string;
    const chosen = await core.call(accountant, 'auth.change-password', { current: 'Muda-wa-Kwanza8', next: 'Ruaha!Mbuga2025', confirm: 'Ruaha!Mbuga2025' });
    if (!chosen.result.ok) throw new Error(`auth.change-password: ${JSON.stringify(chosen.result.error)}`);
    const giver = (await call<{ id: string }>('people.register', { full_name: 'Rehema Ally Kombo', check_number: '100240' })).id;
    const receiver = (await call<{ id: string }>('people.register', { full_name: 'Hamisi Juma Mwita', check_number: '100241' })).id;
    const laptop = await call<{ id: string }>('assets.register', { category: 'laptop', make: 'Lenovo', model: 'ThinkPad T14', purchase_date: '2024-02-10', custodian_id: giver });
    const prepared = await call<{ id: string; number: string }>('handovers.prepare', {
      from: { type: 'person', person_id: giver },
      to: { type: 'person', person_id: receiver },
      lines: [{ asset_id: laptop.id, condition: 'good', accessories: 'Chaja' }],
      reason: 'Rehema amehamishiwa Idara ya Utawala.',
    });
    const decided = await core.call(accountant, 'handovers.decide', { handover_id: prepared.id, decision: 'approved' });
    if (!decided.result.ok) throw new Error(`handovers.decide: ${JSON.stringify(decided.result.error)}`);

    await page.reload();
    await page.getByTestId('nav-dashboard').click();
    const clause = page.getByTestId('figure-clause.3.6.6');
    await poll(() => clause.getByTestId('figure-value').textContent()).toBe('0%');
    await clause.click();
    const list = page.getByTestId('dashboard-list');
    await poll(() => list.getByTestId('dashboard-row').count()).toBe(1);
    expect(await list.getByTestId('dashboard-row').first().textContent()).toContain(prepared.number);

    // The row opens the handover itself, over the handovers list, as a click in that list does.
    await list.getByTestId('dashboard-row').first().click();
    const panel = page.getByTestId('handover-panel');
    await poll(() => panel.isVisible()).toBe(true);
    expect(await panel.getAttribute('data-number')).toBe(prepared.number);
    expect(await panel.getByTestId('handover-number').textContent()).toBe(prepared.number);
    expect(await panel.getByTestId('handover-state').getAttribute('data-state')).toBe('approved');
    expect(page.url()).toContain(`#/handovers/${prepared.id}`);
    expect(await page.getByTestId('handovers-screen').isVisible()).toBe(true);
    await screenshot(page, 'dashboard-handover-opened-en');

    // Closed, the address names the list again and the list is there.
    await page.getByRole('dialog').getByRole('button', { name: en('common.close') }).click();
    await poll(() => panel.isVisible()).toBe(false);
    expect(new URL(page.url()).hash).toBe('#/handovers');
    await poll(() => page.getByTestId('handover-row').count()).toBeGreaterThan(0);

    // An address naming no handover shows the list with nothing opened, and no error.
    await page.evaluate(() => {
      window.location.hash = '#/handovers/hakuna-makabidhiano-haya';
    });
    await poll(() => page.getByTestId('handovers-screen').isVisible()).toBe(true);
    await page.waitForTimeout(500);
    expect(await page.getByTestId('handover-panel').count()).toBe(0);
    expect(await page.getByTestId('refusal').count()).toBe(0);
    expect(await page.getByTestId('handover-row').count()).toBeGreaterThan(0);
    expect(consoleProblems).toEqual([]);
  });
});
