// Handovers end to end in real Chromium (3.6.6, 3.6.14): the ICT officer prepares a handover by
// scanning labels, cannot decide its permit, the Accounting Officer grants it from the inbox, the
// receipt is recorded and custody moves, the form prints; a flash disk for another institution is
// refused with the device named, in both languages. Screens are saved for a person to look at.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { translator } from '../../db/contract/catalogues/index.ts';
import type { Result } from '../../db/contract/route.ts';
import { openCore, type Core } from '../../db/core.ts';
import { startHost, type Host } from '../../db/host/server.ts';
import { scryptHasher } from '../../db/users/passwords.ts';
import { BUILT, chooseLanguage, cutOff, launchBrowser, requireWindowAndBrowser, screenshot, SCREENS, buttonsInView, placeholderFits, openWindow } from './harness.ts';

const sw = translator('sw');
const en = translator('en');

const INSTITUTION = { name: 'Wizara ya Maji', code: 'MAJI', postal_address: 'S.L.P. 456, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Waziri' };
const ADMIN = { display_name: 'Asha Juma Mrisho', username: 'amrisho', password: 'Kilimanjaro#2025', confirm: 'Kilimanjaro#2025' };
const OFFICER = { display_name: 'Juma Ally Said', username: 'jally', temporary: 'Muda-wa-Kwanza7', chosen: 'Tanganyika!Ziwa61' };
const ACCOUNTANT = { display_name: 'Baraka Mushi', username: 'bmushi', temporary: 'Muda-wa-Kwanza8', chosen: 'Ruaha!Mbuga2025' };

let dir: string;
let core: Core;
let host: Host;
let browser: Browser;
let page: Page;
let adminToken: string;
let officerToken: string;
let laptop: { id: string; tag: string };
let flash: { id: string; tag: string };
let hamisi: string;
const consoleProblems: string[] = [];

function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 30_000 });
}

async function call<T>(token: string, route: string, input: unknown): Promise<T> {
  const { result } = (await core.call(token, route, input)) as { result: Result<unknown> };
  if (!result.ok) throw new Error(`${route}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function account(user: typeof OFFICER, roles: string[]): Promise<string> {
  await call(adminToken, 'users.create', { username: user.username, display_name: user.display_name, roles, temporary_password: user.temporary });
  const first = await core.call(null, 'auth.sign-in', { username: user.username, password: user.temporary });
  const token = first.session as string;
  await call(token, 'auth.change-password', { current: user.temporary, next: user.chosen, confirm: user.chosen });
  return token;
}

async function signIn(user: typeof OFFICER): Promise<void> {
  await page.getByLabel(sw('signIn.username')).fill(user.username);
  await page.getByLabel(sw('signIn.password'), { exact: true }).fill(user.chosen);
  await page.getByRole('button', { name: sw('signIn.submit') }).click();
  await poll(() => page.getByTestId('user-name').textContent()).toBe(user.display_name);
}

async function signOut(): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await poll(() => page.getByTestId('sign-in-form').isVisible()).toBe(true);
}

/** Picks a person in a search-as-you-type field by typing part of the name. */
async function pickPerson(testId: string, name: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(name.split(' ')[0] as string);
  await page.getByRole('option', { name }).click();
}

/** Types into the scan field the way a USB scanner does: the characters, then Enter. */
async function scan(code: string): Promise<void> {
  const field = page.getByTestId('scan');
  await field.fill(code);
  await field.press('Enter');
}

beforeAll(async () => {
  requireWindowAndBrowser();
  mkdirSync(SCREENS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'daftari-e2e-handovers-'));
  core = await openCore({ path: join(dir, 'daftari.sqlite'), hasher: scryptHasher(10) });
  const setup = await core.call(null, 'setup.initialize', { institution: INSTITUTION, admin: ADMIN });
  if (!setup.result.ok || typeof setup.session !== 'string') throw new Error(`setup failed: ${JSON.stringify(setup.result)}`);
  adminToken = setup.session;
  officerToken = await account(OFFICER, ['ict_officer']);
  await account(ACCOUNTANT, ['accounting_officer']);

  const person = async (full_name: string, check_number: string) => (await call<{ id: string }>(adminToken, 'people.register', { full_name, check_number, title: 'Afisa Utumishi' })).id;
  const zuhura = await person('Zuhura Said Kombo', '100230');
  hamisi = await person('Hamisi Juma Mwita', '100231');
  laptop = await call(adminToken, 'assets.register', { category: 'laptop', make: 'Dell', model: 'Latitude 5440', serial: 'DL5440-77X', custodian_id: zuhura });
  flash = await call(adminToken, 'assets.register', { category: 'flash_disk', make: 'Kingston', model: 'DataTraveler 32 GB', serial: 'KT-32-9981', custodian_id: zuhura });

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

describe('handovers in a real browser', () => {
  it('prepares, is decided by the Accounting Officer only, is received, moves custody and prints (3.6.6)', { timeout: 300_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: join(SCREENS, 'handovers-failure.png') }).catch(() => undefined);
    });
    await page.goto(host.url);
    await signIn(OFFICER);
    await page.getByTestId('nav-handovers').click();
    await poll(() => page.getByTestId('empty-title').textContent()).toBe(sw('handovers_ui.empty'));

    // Preparing: the giver first, then each device scanned from its label.
    await page.getByTestId('prepare').click();
    await pickPerson('giver', 'Zuhura Said Kombo');
    await pickPerson('receiver', 'Hamisi Juma Mwita');
    await scan('MAJI/ICT/2099/99999');
    await poll(() => page.getByTestId('prepare-form').getByTestId('refusal').textContent()).toBe(sw('errors.handover-unknown-tag', { tag: 'MAJI/ICT/2099/99999' }));
    // The scanner's case and spacing do not matter.
    await scan(` ${laptop.tag.toLowerCase()} `);
    await poll(() => page.getByTestId('line-tag').allTextContents()).toEqual([laptop.tag]);
    await scan(laptop.tag);
    await poll(() => page.getByTestId('prepare-form').getByTestId('refusal').textContent()).toBe(sw('errors.handover-device-listed-twice', { tag: laptop.tag }));
    await page.getByTestId('line').getByPlaceholder(sw('handovers_ui.prepare.accessories-example')).fill('Chaja na begi');
    await page.getByTestId('reason').fill('Zuhura amehamishiwa Idara ya Utawala; Hamisi anachukua kazi zake.');
    // At 1366×768 the form is taller than its dialog: its buttons stay in view all the same.
    expect(await buttonsInView(page, 'prepare-form')).toBe(true);
    expect(await placeholderFits(page, 'device-search')).toBe(true);
    await screenshot(page, 'handovers-prepare-sw');
    await page.getByTestId('prepare-form').getByTestId('submit').click();

    // The panel opens on the new handover, waiting for the permit; the officer has no way to decide it.
    const panel = page.getByTestId('handover-panel');
    await poll(() => panel.getByTestId('handover-state').getAttribute('data-state')).toBe('pending');
    const number = (await panel.getByTestId('handover-number').textContent()) ?? '';
    expect(number).toMatch(/^MAJI\/MK\/\d{4}\/0001$/);
    expect(await panel.getByTestId('approve').count()).toBe(0);
    const handoverId = (await call<{ id: string; number: string }[]>(officerToken, 'handovers.list', {}))[0]?.id ?? '';
    const refused = await core.call(officerToken, 'handovers.decide', { handover_id: handoverId, decision: 'approved' });
    expect(refused.result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await screenshot(page, 'handovers-pending-sw');
    await page.keyboard.press('Escape');

    // 3.6.14: a flash disk for another institution is refused, naming it, in both languages.
    await page.getByTestId('prepare').click();
    await pickPerson('giver', 'Zuhura Said Kombo');
    await page.getByTestId('receiver-type').getByText(sw('handovers_ui.prepare.receiver-institution')).click();
    await page.getByTestId('receiving-institution').fill('Wizara ya Afya');
    await page.getByTestId('receiving-officer').fill('Dkt. Neema Kimaro');
    await scan(flash.tag);
    await poll(() => page.getByTestId('prepare-form').getByTestId('refusal').textContent()).toBe(sw('errors.handover-storage-medium-outside', { tag: flash.tag }));
    await screenshot(page, 'handovers-storage-medium-refused-sw');
    await chooseLanguage(page, 'EN');
    await poll(() => page.getByTestId('prepare-form').getByTestId('refusal').textContent()).toBe(en('errors.handover-storage-medium-outside', { tag: flash.tag }));
    await screenshot(page, 'handovers-storage-medium-refused-en');
    expect(await page.getByTestId('line').count()).toBe(0);
    await page.getByTestId('prepare-form').getByRole('button', { name: en('common.cancel') }).click();
    await chooseLanguage(page, 'SW');
    await signOut();

    // The Accounting Officer sees it waiting and grants the permit.
    await signIn(ACCOUNTANT);
    await page.getByTestId('nav-handovers').click();
    await poll(() => page.getByTestId('inbox').textContent()).toContain(sw('handovers_ui.inbox.to-decide', { count: 1 }));
    await page.getByTestId('show-pending').click();
    await page.getByTestId('handover-row').first().click();
    await panel.getByTestId('approve').click();
    await page.getByTestId('decision-reason').fill('Barua ya uhamisho imeonekana.');
    await screenshot(page, 'handovers-approve-sw');
    await page.getByTestId('decide-form').getByTestId('submit').click();
    await poll(() => panel.getByTestId('handover-state').getAttribute('data-state')).toBe('approved');
    expect(await panel.getByTestId('permit-decision').textContent()).toContain(ACCOUNTANT.display_name);
    await page.keyboard.press('Escape');
    await signOut();

    // The ICT officer records the receipt: custody moves only now.
    await signIn(OFFICER);
    await page.getByTestId('nav-handovers').click();
    await page.getByTestId('handover-row').first().click();
    expect((await call<{ custodian_id: string }>(officerToken, 'assets.get', { asset_id: laptop.id })).custodian_id).not.toBe(hamisi);
    await panel.getByTestId('receive').click();
    expect(await page.getByTestId('received-by').inputValue()).toBe('Hamisi Juma Mwita');
    await page.getByTestId('witness').fill('Rehema Mollel');
    await page.getByTestId('receive-form').getByTestId('submit').click();
    await poll(() => panel.getByTestId('handover-state').getAttribute('data-state')).toBe('received');
    expect((await call<{ custodian_id: string }>(officerToken, 'assets.get', { asset_id: laptop.id })).custodian_id).toBe(hamisi);

    // The device's holders, with their dates.
    await panel.getByTestId('line-tag').click();
    await poll(() => page.getByTestId('holder').count()).toBe(2);
    expect(await page.getByTestId('holder').nth(1).textContent()).toContain('Hamisi Juma Mwita');
    await screenshot(page, 'handovers-holders-sw');
    // The holders' dialog closes by its own button: Escape would close the panel under it too.
    await page.locator('.mantine-Modal-close').click();
    await poll(() => page.getByTestId('holders').count()).toBe(0);
    await chooseLanguage(page, 'EN');
    await poll(() => panel.getByTestId('handover-state').textContent()).toBe(en('handovers_ui.states.received'));
    await screenshot(page, 'handovers-received-en');
    expect(await cutOff(page, '[data-testid="handover-panel"]')).toEqual([]);

    // The form prints, with the parties, the device and the approver.
    const download = page.waitForEvent('download');
    await panel.getByTestId('print').click();
    const file = await download;
    const saved = join(dir, 'form.pdf');
    await file.saveAs(saved);
    const text = execFileSync('pdftotext', ['-raw', saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of ['HANDOVER FORM FOR ICT EQUIPMENT', number, laptop.tag, 'DL5440-77X', 'Chaja na begi', 'Zuhura Said Kombo', 'Hamisi Juma Mwita', ACCOUNTANT.display_name, 'Rehema Mollel']) {
      expect(text).toContain(expected);
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', saved, join(SCREENS, 'handovers-form-en')]);
    copyFileSync(saved, join(SCREENS, 'handovers-form-en.pdf'));
    await page.keyboard.press('Escape');
    await page.getByTestId('state-filter').getByText(en('handovers_ui.filters.all')).click();
    await poll(() => page.getByTestId('handover-row').count()).toBe(1);
    await screenshot(page, 'handovers-list-en');
    expect(consoleProblems).toEqual([]);
  });
});
