// Sync end to end in real Chromium: two installations of one institution, each its own core on its own
// file behind its own browser test host. A sends everything; B checks the bundle, sees a never-seen
// installation's fingerprint, accepts it and applies; A's records appear on B, the duplicate tag both
// registered becomes a conflict, and the 3.6.9 wipes are recorded. A second import finds nothing new; a
// tampered bundle is refused with the core's sentence. Screens are saved for a person to look at.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { translator } from '../../db/contract/catalogues/index.ts';
import type { Result } from '../../db/contract/route.ts';
import { openCore, type Core } from '../../db/core.ts';
import { startHost, type Host } from '../../db/host/server.ts';
import { scryptHasher } from '../../db/users/passwords.ts';
import { fingerprintLines } from '../../renderer/screens/sync/sync-helpers.ts';
import { BUILT, launchBrowser, requireWindowAndBrowser, screenshot, SCREENS, chooseLanguage } from './harness.ts';


const sw = translator('sw');
const en = translator('en');

const INSTITUTION = {
  name: 'Wizara ya Maji',
  code: 'MAJI',
  postal_address: 'S.L.P. 456, Dodoma',
  accounting_officer_title: 'Katibu Mkuu',
  head_title: 'Waziri',
};
const ADMIN_A = { username: 'asha', display_name: 'Asha Mrisho', password: 'Kilimanjaro#2026', confirm: 'Kilimanjaro#2026' };
const ADMIN_B = { username: 'baraka', display_name: 'Baraka Mollel', password: 'Serengeti!Mpya88', confirm: 'Serengeti!Mpya88' };
const SHARED_TAG = 'MAJI/LT/0001';

interface Installation {
  core: Core;
  host: Host;
  token: string;
}

let dir: string;
let a: Installation;
let b: Installation;
let browser: Browser;
const consoleProblems: string[] = [];

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.value as T;
}

async function install(name: string, admin: typeof ADMIN_A): Promise<Installation> {
  const core = await openCore({ path: join(dir, `${name}.sqlite`), hasher: scryptHasher(10) });
  const outcome = await core.call(null, 'setup.initialize', { institution: INSTITUTION, admin });
  value(outcome.result);
  if (typeof outcome.session !== 'string') throw new Error('setup did not start a session');
  const host = await startHost({ core, root: BUILT });
  return { core, host, token: outcome.session };
}

async function call<T>(at: Installation, route: string, input: unknown): Promise<T> {
  return value<T>((await at.core.call(at.token, route, input)).result);
}

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
}

async function openWindow(at: Installation, admin: typeof ADMIN_A, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
  const page = await context.newPage();
  onTestFailed(async () => {
    await page.screenshot({ path: join(SCREENS, `sync-failure-${name}.png`) }).catch(() => undefined);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleProblems.push(message.text());
  });
  page.on('pageerror', (error) => consoleProblems.push(error.message));
  await page.goto(at.host.url);
  await expect.poll(() => page.getByTestId('sign-in-form').isVisible(), { timeout: 30_000 }).toBe(true);
  await page.getByLabel(sw('signIn.username')).fill(admin.username);
  await page.getByLabel(sw('signIn.password'), { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: sw('signIn.submit') }).click();
  await expect.poll(() => page.getByTestId('user-name').textContent()).toBe(admin.display_name);
  return { context, page };
}

async function openTab(page: Page, tab: string): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await expect.poll(() => page.getByTestId(`tab-${tab}`).getAttribute('aria-selected')).toBe('true');
}

beforeAll(async () => {
  requireWindowAndBrowser();
  mkdirSync(SCREENS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'daftari-e2e-sync-'));
  a = await install('dodoma', ADMIN_A);
  b = await install('dar', ADMIN_B);

  // Installation A keeps the register at headquarters: two people, two devices.
  const zuhura = await call<{ id: string }>(a, 'people.register', { full_name: 'Zuhura Said', check_number: '100230' });
  await call(a, 'people.register', { full_name: 'Hamisi Juma', check_number: '100231' });
  await call(a, 'assets.register', { category: 'laptop', make: 'Dell', model: 'Latitude 5440', serial: 'DL5440-77X', tag: SHARED_TAG, custodian_id: zuhura.id });
  await call(a, 'assets.register', { category: 'printer', make: 'HP', model: 'LaserJet M404', serial: 'HPLJ-404-88', tag: 'MAJI/PR/0002' });
  // Installation B, working apart, gave its own laptop the same tag: a conflict once they meet.
  await call(b, 'assets.register', { category: 'laptop', make: 'Lenovo', model: 'ThinkPad E14', serial: 'LN-E14-551', tag: SHARED_TAG });

  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const at of [a, b]) {
    await at?.host.close();
    at?.core.close();
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('sync between two installations in a real browser', () => {
  it('sends everything from A, and B checks, accepts and applies it, then records the wipe (3.6.9)', { timeout: 300_000 }, async () => {
    const windowA = await openWindow(a, ADMIN_A, 'a');
    const pageA = windowA.page;

    // A: the export wizard. Step 1 offers "everything" (no installation is trusted yet).
    await pageA.getByTestId('nav-sync').click();
    await expect.poll(() => pageA.getByTestId('send-panel').isVisible()).toBe(true);
    await expect.poll(() => pageA.getByTestId('send-panel').textContent()).toContain(sw('syncUi.send.no-peers'));
    await shot(pageA, 'sync-send-sw');
    await chooseLanguage(pageA, 'EN');
    await expect.poll(() => pageA.getByText(en('syncUi.send.everything-hint')).isVisible()).toBe(true);
    await shot(pageA, 'sync-send-en');
    await chooseLanguage(pageA, 'SW');

    // Step 2 says what goes in; nothing is made until it is confirmed.
    await pageA.getByTestId('send-next').click();
    await expect.poll(() => pageA.getByTestId('send-review').textContent()).toContain(sw('syncUi.send.review-everything'));
    expect(value<unknown[]>((await a.core.call(a.token, 'sync.transfers', {})).result)).toEqual([]);
    await shot(pageA, 'sync-send-review-sw');

    // Step 3: the bundle is made and downloaded under the core's file name.
    const [download] = await Promise.all([pageA.waitForEvent('download'), pageA.getByTestId('make-bundle').click()]);
    const bundlePath = join(dir, download.suggestedFilename());
    await download.saveAs(bundlePath);
    expect(download.suggestedFilename()).toMatch(/^daftari-maji-.*\.daftari$/);
    await expect.poll(() => pageA.getByTestId('send-done').isVisible()).toBe(true);
    expect(await pageA.getByTestId('bundle-file-name').textContent()).toBe(download.suggestedFilename());
    const [exported] = value<{ event_count: number; content_sha256: string; file_name: string }[]>((await a.core.call(a.token, 'sync.transfers', {})).result);
    expect(exported?.file_name).toBe(download.suggestedFilename());
    expect(Number(await pageA.getByTestId('bundle-event-count').textContent())).toBe(exported?.event_count);
    expect((await pageA.getByTestId('content-hash').textContent())?.replaceAll(' ', '')).toBe(exported?.content_sha256);
    // The 3.6.9 reminder: copy, delete once imported, record the deletion.
    expect(await pageA.getByTestId('wipe-reminder').textContent()).toContain(sw('syncUi.wipe.step-delete'));
    await shot(pageA, 'sync-export-sw');
    await chooseLanguage(pageA, 'EN');
    await expect.poll(() => pageA.getByTestId('wipe-reminder').textContent()).toContain(en('syncUi.wipe.step-record'));
    await shot(pageA, 'sync-export-en');
    await chooseLanguage(pageA, 'SW');

    // A's own identity, to read out by phone.
    const identityA = await call<{ origin: string; fingerprint: string }>(a, 'sync.identity', {});
    await openTab(pageA, 'peers');
    await expect.poll(() => pageA.getByTestId('this-installation').getByTestId('fingerprint').textContent()).toBe(identityA.fingerprint);
    expect(await pageA.getByTestId('self-origin').textContent()).toBe(identityA.origin);

    // B: receive. The preview names A, flags it as new with its fingerprint, and counts by type.
    const windowB = await openWindow(b, ADMIN_B, 'b');
    const pageB = windowB.page;
    await pageB.getByTestId('nav-sync').click();
    await openTab(pageB, 'receive');
    await pageB.getByTestId('receive-panel').locator('input[type="file"]').setInputFiles(bundlePath);
    await expect.poll(() => pageB.getByTestId('bundle-preview').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await pageB.getByTestId('preview-institution').textContent()).toBe('Wizara ya Maji (MAJI)');
    const newPeer = pageB.getByTestId('peer-new');
    expect(await newPeer.getByTestId('fingerprint').textContent()).toBe(identityA.fingerprint);
    expect(await newPeer.textContent()).toContain(identityA.origin);
    expect(await newPeer.textContent()).toContain(sw('syncUi.receive.new-phone', { institution: 'Wizara ya Maji' }));
    const assetsRow = pageB.locator('[data-testid="preview-counts"] tr[data-type="assets.registered"]');
    expect(await assetsRow.textContent()).toContain(sw('syncUi.types.assets.registered'));
    expect(await assetsRow.getByTestId('count-new').textContent()).toBe('2');
    expect(await pageB.locator('[data-testid="preview-counts"] tr[data-type="people.registered"] [data-testid="count-new"]').textContent()).toBe('2');
    // The duplicate tag it would reveal.
    await expect.poll(() => pageB.getByTestId('preview-conflicts').textContent()).toBe(sw('syncUi.receive.conflicts-some', { after: 1, now: 0 }));
    // Applying waits for the administrator to accept the installation.
    expect(await pageB.getByTestId('apply-bundle').isDisabled()).toBe(true);
    // The preview runs below the fold at 1366×768, yet its actions stay in view (a sticky footer).
    await pageB.evaluate(() => window.scrollTo(0, 0));
    const viewportHeight = await pageB.evaluate(() => window.innerHeight);
    const preview = await pageB.getByTestId('bundle-preview').boundingBox();
    expect((preview?.y ?? 0) + (preview?.height ?? 0)).toBeGreaterThan(viewportHeight);
    const applyBox = await pageB.getByTestId('apply-bundle').boundingBox();
    expect(applyBox).not.toBeNull();
    expect((applyBox?.y ?? 0) + (applyBox?.height ?? 0)).toBeLessThanOrEqual(viewportHeight);
    await shot(pageB, 'sync-preview-new-peer-sw');
    await newPeer.getByTestId('fingerprint').scrollIntoViewIfNeeded();
    await pageB.getByTestId('preview-counts').scrollIntoViewIfNeeded();
    await shot(pageB, 'sync-preview-counts-sw');
    await pageB.evaluate(() => window.scrollTo(0, 0));
    await chooseLanguage(pageB, 'EN');
    await expect.poll(() => newPeer.textContent()).toContain(en('syncUi.receive.new-title'));
    expect(await assetsRow.textContent()).toContain(en('syncUi.types.assets.registered'));
    await shot(pageB, 'sync-preview-new-peer-en');
    await chooseLanguage(pageB, 'SW');

    await pageB.getByTestId('accept-peer').check();
    await pageB.getByTestId('apply-bundle').click();
    await expect.poll(() => pageB.getByTestId('bundle-applied').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await pageB.getByTestId('bundle-applied').textContent()).toContain(sw('syncUi.receive.accepted', { name: 'Wizara ya Maji' }));
    expect(await pageB.getByTestId('wipe-reminder').textContent()).toContain(sw('syncUi.wipe.after-import', { file: download.suggestedFilename() }));
    await pageB.getByTestId('record-wipe').scrollIntoViewIfNeeded();
    await shot(pageB, 'sync-applied-sw');

    // B records the wipe from the reminder: the import leaves the pending list.
    await expect.poll(() => pageB.getByTestId('tab-count-wipes').textContent()).toBe('1');
    await pageB.getByTestId('wipe-note').fill('Limefutwa kwenye flash disk ya TEHAMA namba 3');
    await pageB.getByTestId('record-wipe').click();
    await expect.poll(() => pageB.getByTestId('wipe-recorded').isVisible()).toBe(true);
    await expect.poll(() => pageB.getByTestId('tab-count-wipes').count()).toBe(0);
    expect(value<unknown[]>((await b.core.call(b.token, 'sync.transfers', {})).result)).toEqual([]);

    // A's people are in B's register.
    await pageB.getByTestId('nav-people').click();
    await expect.poll(() => pageB.locator('[data-person="Zuhura Said"]').isVisible()).toBe(true);
    expect(await pageB.locator('[data-person="Hamisi Juma"]').isVisible()).toBe(true);
    // And A's devices: B's register now holds three.
    expect(value<{ total: number }>((await b.core.call(b.token, 'assets.list', {})).result).total).toBe(3);

    // The same file again: nothing new, from a now trusted installation.
    await pageB.getByTestId('nav-sync').click();
    await openTab(pageB, 'receive');
    await pageB.getByTestId('receive-panel').locator('input[type="file"]').setInputFiles(bundlePath);
    await expect.poll(() => pageB.getByTestId('bundle-preview').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await pageB.getByTestId('peer-trusted').textContent()).toContain(sw('syncUi.receive.trusted-title', { name: 'Wizara ya Maji' }));
    expect(await pageB.getByTestId('total-new').textContent()).toBe('0');
    expect(await pageB.getByTestId('nothing-new').isVisible()).toBe(true);
    await shot(pageB, 'sync-nothing-new-sw');

    // A tampered bundle (one byte flipped) is refused with the core's own sentence; nothing changes.
    const bytes = readFileSync(bundlePath);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    const refused = (await b.core.call(b.token, 'sync.preview', { file: { name: 'tampered.daftari', base64: bytes.toString('base64') } })).result;
    if (refused.ok) throw new Error('the tampered bundle was accepted');
    await pageB.getByText(sw('syncUi.receive.another')).first().click();
    await pageB.getByTestId('receive-panel').locator('input[type="file"]').setInputFiles({ name: 'tampered.daftari', mimeType: 'application/octet-stream', buffer: bytes });
    await expect.poll(() => pageB.getByTestId('bundle-refused').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await pageB.getByTestId('bundle-refused').getAttribute('data-code')).toBe(refused.error.code);
    expect(await pageB.getByTestId('bundle-refusal').textContent()).toBe(sw(refused.error.message, refused.error.params ?? {}));
    expect(await pageB.getByTestId('bundle-refusal').textContent()).toContain('Hakuna kilichobadilishwa');
    expect(await pageB.getByTestId('bundle-preview').count()).toBe(0);
    await shot(pageB, 'sync-refused-sw');
    await chooseLanguage(pageB, 'EN');
    await expect.poll(() => pageB.getByTestId('bundle-refusal').textContent()).toBe(en(refused.error.message, refused.error.params ?? {}));
    await shot(pageB, 'sync-refused-en');
    await chooseLanguage(pageB, 'SW');

    // A bundle whose manifest was changed after signing: the signature gives it away.
    const lines = gunzipSync(readFileSync(bundlePath)).toString('utf8').split('\n');
    const forgedHeader = (lines[0] ?? '').replace('"Wizara ya Maji"', '"Wizara ya Fedha"');
    expect(forgedHeader).not.toBe(lines[0]);
    const forged = gzipSync(Buffer.from([forgedHeader, ...lines.slice(1)].join('\n')));
    await pageB.getByTestId('bundle-refused').getByText(sw('syncUi.receive.another')).click();
    await pageB.getByTestId('receive-panel').locator('input[type="file"]').setInputFiles({ name: 'forged.daftari', mimeType: 'application/octet-stream', buffer: forged });
    await expect.poll(() => pageB.getByTestId('bundle-refusal').textContent(), { timeout: 30_000 }).toBe(sw('errors.bundle-bad-signature'));

    // B's installations: A, trusted, with its fingerprint; the administrator renames it.
    await openTab(pageB, 'peers');
    const peerRow = pageB.locator('[data-testid="peers-table"] tbody tr').first();
    for (const line of fingerprintLines(identityA.fingerprint)) await expect.poll(() => peerRow.textContent()).toContain(line);
    expect(await peerRow.getByTestId('peer-status').textContent()).toBe(sw('syncUi.peers.status.trusted'));
    await peerRow.getByTestId('peer-actions').click();
    await pageB.getByRole('menuitem', { name: sw('syncUi.peers.rename.open') }).click();
    const renameForm = pageB.getByTestId('rename-peer-form');
    await renameForm.getByLabel(sw('syncUi.peers.rename.field')).fill('Makao Makuu Dodoma');
    await renameForm.getByTestId('submit').click();
    await expect.poll(() => pageB.locator('[data-peer="Makao Makuu Dodoma"]').isVisible()).toBe(true);
    await shot(pageB, 'sync-peers-sw');
    await chooseLanguage(pageB, 'EN');
    await expect.poll(() => peerRow.getByTestId('peer-status').textContent()).toBe(en('syncUi.peers.status.trusted'));
    await shot(pageB, 'sync-peers-en');
    await chooseLanguage(pageB, 'SW');

    // B's conflicts: the tag both installations gave, in words, with both devices by tag.
    await openTab(pageB, 'conflicts');
    const conflict = pageB.locator('[data-testid="conflict"][data-kind="duplicate-tag"]');
    await expect.poll(() => conflict.getByTestId('conflict-text').textContent()).toBe(sw('syncUi.conflicts.kinds.duplicate-tag.text', { count: 2, tag: SHARED_TAG }));
    await expect.poll(() => conflict.getByTestId('conflict-device-tag').allTextContents()).toEqual([SHARED_TAG, SHARED_TAG]);
    // The make and model tell the two apart.
    expect((await conflict.getByTestId('conflict-device').allTextContents()).sort()).toEqual([`${SHARED_TAG}Dell Latitude 5440`, `${SHARED_TAG}Lenovo ThinkPad E14`]);
    await shot(pageB, 'sync-conflicts-sw');
    await chooseLanguage(pageB, 'EN');
    await expect.poll(() => conflict.getByTestId('conflict-text').textContent()).toBe(en('syncUi.conflicts.kinds.duplicate-tag.text', { count: 2, tag: SHARED_TAG }));
    await shot(pageB, 'sync-conflicts-en');
    await chooseLanguage(pageB, 'SW');
    // A device opens with its particulars and history.
    await conflict.getByTestId('conflict-device').first().click();
    await expect.poll(() => pageB.getByTestId('conflict-device-detail').isVisible()).toBe(true);
    await shot(pageB, 'sync-conflict-device-sw');
    await pageB.keyboard.press('Escape');
    // Marking it resolved needs a note; then it is gone.
    await conflict.getByTestId('resolve-conflict').click();
    const resolveForm = pageB.getByTestId('resolve-conflict-form');
    await resolveForm.getByTestId('submit').click();
    await expect.poll(() => resolveForm.getByText(sw('validation.required')).isVisible()).toBe(true);
    await resolveForm.getByLabel(sw('syncUi.conflicts.resolve.note')).fill('Laptop ya Dar imepewa namba MAJI/LT/0101; ya Dodoma imebaki na MAJI/LT/0001.');
    await shot(pageB, 'sync-resolve-sw');
    await resolveForm.getByTestId('submit').click();
    await expect.poll(() => pageB.getByTestId('conflicts-panel').getByTestId('empty').isVisible()).toBe(true);

    // B sends back to A, now a trusted installation: only what A has not confirmed holding, which is
    // B's own three events (its setup, its laptop, the resolution), not A's five returned to it.
    await openTab(pageB, 'send');
    const peerChoice = pageB.getByTestId('send-panel').getByText('Makao Makuu Dodoma');
    await expect.poll(() => peerChoice.isVisible()).toBe(true);
    await peerChoice.click();
    await shot(pageB, 'sync-send-peer-sw');
    await pageB.getByTestId('send-next').click();
    expect(await pageB.getByTestId('send-review').textContent()).toContain(sw('syncUi.send.review-peer', { name: 'Makao Makuu Dodoma', institution: 'Wizara ya Maji' }));
    const [reply] = await Promise.all([pageB.waitForEvent('download'), pageB.getByTestId('make-bundle').click()]);
    await expect.poll(() => pageB.getByTestId('bundle-event-count').textContent()).toBe('3');
    expect(reply.suggestedFilename()).toMatch(/\.daftari$/);

    // A's pending wipe: the exported bundle, until its deletion is recorded.
    await openTab(pageA, 'wipes');
    const pending = pageA.locator(`[data-testid="pending-wipe"][data-file="${download.suggestedFilename()}"]`);
    await expect.poll(() => pending.isVisible()).toBe(true);
    expect(await pending.textContent()).toContain(sw('syncUi.wipes.direction.export'));
    await shot(pageA, 'sync-wipes-sw');
    await chooseLanguage(pageA, 'EN');
    await expect.poll(() => pending.textContent()).toContain(en('syncUi.wipes.direction.export'));
    await shot(pageA, 'sync-wipes-en');
    await chooseLanguage(pageA, 'SW');
    await pending.getByTestId('record-wipe-open').click();
    const recordForm = pageA.getByTestId('record-wipe-form');
    expect(await recordForm.textContent()).toContain(sw('syncUi.wipes.record-confirm', { file: download.suggestedFilename() }));
    await recordForm.getByTestId('submit').click();
    await expect.poll(() => pageA.getByTestId('wipes-panel').getByTestId('empty').isVisible()).toBe(true);
    expect(value<unknown[]>((await a.core.call(a.token, 'sync.transfers', {})).result)).toEqual([]);

    await windowA.context.close();
    await windowB.context.close();
    // Nothing the pages did broke the CSP or threw.
    expect(consoleProblems).toEqual([]);
  });
});
