// Backups and printed witnesses end to end in real Chromium (issue 12): the administrator takes a backup
// and tests a restore from the Backups screen, restores a backup after seeing what it holds (the window
// then asks everyone to sign in again), and anyone signed in checks a printed page's witness code.
// Screens are saved in both languages for a person to look at.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { translator } from '../../db/contract/catalogues/index.ts';
import type { Result } from '../../db/contract/route.ts';
import { openCore, type Core } from '../../db/core.ts';
import { printWitness, witnessCode } from '../../db/documents/witness.ts';
import { startHost, type Host } from '../../db/host/server.ts';
import { scryptHasher } from '../../db/users/passwords.ts';
import { BUILT, chooseLanguage, cutOff, launchBrowser, requireWindowAndBrowser, screenshot, SCREENS, openWindow } from './harness.ts';

const sw = translator('sw');

const INSTITUTION = { name: 'Wizara ya Maji', code: 'MAJI', postal_address: 'S.L.P. 456, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Waziri' };
const ADMIN = { display_name: 'Asha Juma Mrisho', username: 'amrisho', password: 'Kilimanjaro#2025', confirm: 'Kilimanjaro#2025' };

let dir: string;
let core: Core;
let host: Host;
let browser: Browser;
let page: Page;
let adminToken: string;
let laptop: string;
const consoleProblems: string[] = [];

function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 60_000 });
}

async function call<T>(route: string, input: unknown): Promise<T> {
  const { result } = (await core.call(adminToken, route, input)) as { result: Result<unknown> };
  if (!result.ok) throw new Error(`${route}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const people = () => (core.services.store.sqlite.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;

async function signIn(): Promise<void> {
  await page.getByLabel(sw('signIn.username')).fill(ADMIN.username);
  await page.getByLabel(sw('signIn.password'), { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: sw('signIn.submit') }).click();
  await poll(() => page.getByTestId('user-name').textContent()).toBe(ADMIN.display_name);
}

beforeAll(async () => {
  requireWindowAndBrowser();
  mkdirSync(SCREENS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'daftari-e2e-backups-'));
  core = await openCore({ path: join(dir, 'daftari.sqlite'), hasher: scryptHasher(10) });
  const setup = await core.call(null, 'setup.initialize', { institution: INSTITUTION, admin: ADMIN });
  if (!setup.result.ok || typeof setup.session !== 'string') throw new Error(`setup failed: ${JSON.stringify(setup.result)}`);
  adminToken = setup.session;
  for (const full_name of ['Zuhura Said Omari', 'Hamisi Juma Mwita']) await call('people.register', { full_name });
  laptop = (await call<{ id: string }>('assets.register', { category: 'laptop', make: 'HP', model: 'ProBook 450 G9', serial: '5CD2143XYZ' })).id;

  host = await startHost({ core, root: BUILT });
  browser = await launchBrowser();
  page = await openWindow(browser, consoleProblems, { viewport: { width: 1366, height: 768 }, locale: 'sw-TZ', timezoneId: 'Africa/Dar_es_Salaam' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('backups in the window', () => {
  it('takes a verified backup, tests restoring it, and restores it after showing what it holds', { timeout: 300_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: join(SCREENS, 'backups-failure.png'), fullPage: true }).catch(() => undefined);
    });
    await page.goto(host.url);
    await signIn();
    // The inbox says that no backup has been taken yet.
    await page.getByTestId('nav-inbox').click();
    await poll(() => page.getByText(sw('inbox.items.backup-overdue')).isVisible()).toBe(true);

    await page.getByTestId('nav-backups').click();
    await poll(() => page.getByTestId('backups-screen').isVisible()).toBe(true);
    await page.getByTestId('backup-take').click();
    await poll(() => page.getByTestId('backup-taken').isVisible()).toBe(true);
    await poll(() => page.getByTestId('backup-row').count()).toBe(1);
    expect(await page.getByTestId('backup-row').first().getAttribute('data-state')).toBe('verified');

    await page.getByTestId('backup-test').click();
    await poll(() => page.getByTestId('backup-tested').isVisible()).toBe(true);
    expect(await page.getByTestId('backup-tested').textContent()).toContain('Jaribio limefaulu');
    // A copy for the auditor: verified, in a folder of its own, without the accounts.
    await page.getByTestId('backup-share').click();
    await poll(() => page.getByTestId('backup-shared').isVisible()).toBe(true);
    expect(await page.getByTestId('backup-shared').textContent()).toContain(join('backups', 'for-sharing'));
    await poll(() => page.getByTestId('backup-row').count()).toBe(1);
    expect(await cutOff(page, '[data-testid="backups-screen"]')).toEqual([]);
    await screenshot(page, 'backups-screen-sw');
    await chooseLanguage(page, 'EN');
    await poll(() => page.getByTestId('backup-take').textContent()).toBe('Take a backup now');
    expect(await cutOff(page, '[data-testid="backups-screen"]')).toEqual([]);
    await screenshot(page, 'backups-screen-en');
    await chooseLanguage(page, 'SW');

    // Someone registers a person after the backup; restoring the backup takes the records back.
    await call('people.register', { full_name: 'Baraka Mushi' });
    expect(people()).toBe(3);
    await page.getByTestId('backup-restore').first().click();
    await poll(() => page.getByTestId('restore-dialog').isVisible()).toBe(true);
    await page.getByTestId('restore-check').click();
    await poll(() => page.getByTestId('restore-summary').isVisible()).toBe(true);
    const summary = (await page.getByTestId('restore-summary').textContent()) ?? '';
    expect(summary).toContain('Wizara ya Maji (MAJI)');
    expect(summary).toContain(`${sw('backupsUi.facts.people')}2`);
    expect(await page.getByTestId('restore-confirm').isDisabled()).toBe(true);
    await screenshot(page, 'backups-restore-sw');
    await page.getByTestId('restore-sure').click();
    await page.getByTestId('restore-confirm').click();
    // Everyone signs in again; the records are the backup's.
    await poll(() => page.getByTestId('sign-in-form').isVisible()).toBe(true);
    expect(people()).toBe(2);
    // The notice of the restore says where the replaced file was kept.
    await poll(() => page.locator('.mantine-Notification-root').first().textContent()).toContain('.before-restore.');
    await page.locator('.mantine-Notification-closeButton').first().click();
    await signIn();
    await page.getByTestId('nav-backups').click();
    await poll(() => page.getByTestId('backups-screen').isVisible()).toBe(true);
    expect(consoleProblems).toEqual([]);
  });

  it('checks a printed page’s witness code', { timeout: 120_000 }, async () => {
    const witness = printWitness(core.services.store, [laptop]);
    if (!witness) throw new Error('no records');
    await page.getByTestId('nav-check-page').click();
    await poll(() => page.getByTestId('check-page-screen').isVisible()).toBe(true);
    await page.getByTestId('check-page-code').fill(witnessCode(witness));
    await page.getByTestId('check-page-submit').click();
    await poll(() => page.getByTestId('check-page-verdict').getAttribute('data-head')).toBe('held');
    await screenshot(page, 'check-page-held-sw');
    // A code from another file, or one rewritten since, is not held.
    await page.getByTestId('check-page-code').fill(`${witness.seq}-0000-0000-0000-0000`);
    await page.getByTestId('check-page-submit').click();
    await poll(() => page.getByTestId('check-page-verdict').getAttribute('data-head')).toBe('not-held');
    await screenshot(page, 'check-page-not-held-sw');
    await chooseLanguage(page, 'EN');
    await poll(() => page.getByTestId('check-page-submit').textContent()).toBe('Check');
    await screenshot(page, 'check-page-not-held-en');
    await chooseLanguage(page, 'SW');
    expect(consoleProblems).toEqual([]);
  });

  it('warns at opening when an older copy was put in the file’s place, until the administrator answers', { timeout: 180_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: join(SCREENS, 'startup-warning-failure.png'), fullPage: true }).catch(() => undefined);
    });
    const path = join(dir, 'daftari.sqlite');
    const old = join(dir, 'copy-from-last-week.sqlite');
    core.services.store.sqlite.prepare('VACUUM INTO ?').run(old);
    // The restore of the first test ended every session, this test's own too.
    adminToken = (await core.call(null, 'auth.sign-in', { username: ADMIN.username, password: ADMIN.password })).session ?? '';
    await call('people.register', { full_name: 'Neema Mushi' });
    await host.close();
    core.close();
    for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    copyFileSync(old, path);
    core = await openCore({ path, hasher: scryptHasher(10) });
    host = await startHost({ core, root: BUILT });
    await page.goto(host.url);
    await signIn();
    await poll(() => page.getByTestId('startup-warning').isVisible()).toBe(true);
    expect(await page.getByTestId('startup-problem').first().textContent()).toContain('halina tena kumbukumbu');
    await screenshot(page, 'startup-warning-sw');
    await chooseLanguage(page, 'EN');
    await poll(() => page.getByTestId('startup-problem').first().textContent()).toContain('an older copy may have been put in its place');
    await screenshot(page, 'startup-warning-en');
    await chooseLanguage(page, 'SW');
    // It stays on every screen until answered.
    await page.getByTestId('nav-backups').click();
    await poll(() => page.getByTestId('backups-screen').isVisible()).toBe(true);
    expect(await page.getByTestId('startup-warning').isVisible()).toBe(true);
    await page.getByTestId('startup-acknowledge').click();
    await page.getByTestId('startup-acknowledge-form').getByRole('button', { name: sw('shell.startup-warning.acknowledge') }).click();
    await poll(() => page.getByTestId('startup-acknowledge-form').textContent()).toContain(sw('validation.required'));
    await page.getByTestId('startup-acknowledge-note').fill('Nakala ya wiki iliyopita iliwekwa kwa mkono baada ya diski kuharibika; imeripotiwa kwa Mkuu wa TEHAMA.');
    await screenshot(page, 'startup-warning-acknowledge-sw');
    await page.getByTestId('startup-acknowledge-form').getByRole('button', { name: sw('shell.startup-warning.acknowledge') }).click();
    await poll(() => page.getByTestId('startup-warning').count()).toBe(0);
    expect(consoleProblems).toEqual([]);
  });
});
