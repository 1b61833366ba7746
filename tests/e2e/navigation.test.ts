// The navigation at the laptop size (1366×768) in real Chromium, for every role's menu and in both
// languages: each entry on one line, the whole menu in view without scrolling, and the role badges after
// the last entry instead of over it. Screens are saved for a person to look at.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { translator } from '../../db/contract/catalogues/index.ts';
import { openCore, type Core } from '../../db/core.ts';
import { startHost, type Host } from '../../db/host/server.ts';
import { ROLES } from '../../db/users/contract.ts';
import { scryptHasher } from '../../db/users/passwords.ts';
import { BUILT, chooseLanguage, launchBrowser, requireWindowAndBrowser, screenshot, SCREENS, openWindow } from './harness.ts';

const sw = translator('sw');

const INSTITUTION = { name: 'Wizara ya Maji', code: 'MAJI', postal_address: 'S.L.P. 456, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Waziri' };
const ADMIN = { display_name: 'Asha Juma Mrisho', username: 'amrisho', password: 'Kilimanjaro#2025', confirm: 'Kilimanjaro#2025' };
const CHOSEN = 'Tanganyika!Ziwa61';
/** One account per role, each with a servant's name, and one that holds every role (the longest badges). */
const ACCOUNTS: { username: string; display_name: string; roles: string[] }[] = [
  { username: 'jally', display_name: 'Juma Ally', roles: ['ict_officer'] },
  { username: 'rkweka', display_name: 'Bi. Rehema Kweka', roles: ['accounting_officer'] },
  { username: 'mwaziri', display_name: 'Mhandisi Mwajuma Waziri', roles: ['head_of_institution'] },
  { username: 'zkombo', display_name: 'Zainabu Kombo', roles: ['records_officer'] },
  { username: 'pmushi', display_name: 'Peter Mushi', roles: ['auditor'] },
  { username: 'hmwita', display_name: 'Hamisi Juma Mwita', roles: [...ROLES] },
];

let dir: string;
let core: Core;
let host: Host;
let browser: Browser;
let page: Page;
const consoleProblems: string[] = [];

interface NavMeasure {
  entries: number;
  /** Entries taller than one line. */
  wrapped: string[];
  /** Entries not wholly inside the menu's visible part, or covered by something at their middle. */
  hidden: string[];
  /** Entries whose name is cut with "…" and not readable in a tooltip. */
  cutWithoutTooltip: string[];
  /** Whether the role badges begin below the last entry. */
  rolesAfterLast: boolean;
}

/** What the menu shows as it stands, without scrolling it. */
function measureNav(): Promise<NavMeasure> {
  return page.evaluate(() => {
    const navbar = document.querySelector<HTMLElement>('.mantine-AppShell-navbar');
    const viewport = navbar?.querySelector<HTMLElement>('.mantine-ScrollArea-viewport');
    const roles = navbar?.querySelector<HTMLElement>('[data-testid="shell-roles"]');
    if (!navbar || !viewport || !roles) throw new Error('no navigation');
    const entries = [...navbar.querySelectorAll<HTMLAnchorElement>('nav a[data-testid^="nav-"]')];
    const shown = viewport.getBoundingClientRect();
    const name = (entry: HTMLElement) => entry.querySelector('.mantine-NavLink-label')?.textContent ?? '';
    const lineHeight = (entry: HTMLElement) => parseFloat(getComputedStyle(entry.querySelector('.mantine-NavLink-label') ?? entry).lineHeight);
    const hidden = entries.filter((entry) => {
      const box = entry.getBoundingClientRect();
      if (box.top < shown.top - 0.5 || box.bottom > shown.bottom + 0.5 || box.bottom > window.innerHeight) return true;
      const middle = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return !middle || !entry.contains(middle);
    });
    const last = entries.at(-1)?.getBoundingClientRect().bottom ?? 0;
    return {
      entries: entries.length,
      wrapped: entries.filter((entry) => (entry.querySelector('.mantine-NavLink-label')?.getBoundingClientRect().height ?? 0) > lineHeight(entry) * 1.5).map(name),
      hidden: hidden.map(name),
      cutWithoutTooltip: entries
        .filter((entry) => {
          const body = entry.querySelector<HTMLElement>('.mantine-NavLink-body');
          return body !== null && body.scrollWidth > body.clientWidth && entry.title !== name(entry);
        })
        .map(name),
      rolesAfterLast: roles.getBoundingClientRect().top >= last,
    };
  });
}

async function signIn(username: string, password: string): Promise<void> {
  await page.goto(host.url);
  await page.getByLabel(sw('signIn.username')).fill(username);
  await page.getByLabel(sw('signIn.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: sw('signIn.submit') }).click();
  await expect.poll(() => page.getByTestId('user-menu').isVisible()).toBe(true);
}

async function signOut(): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect.poll(() => page.getByTestId('sign-in-form').isVisible()).toBe(true);
}

beforeAll(async () => {
  requireWindowAndBrowser();
  mkdirSync(SCREENS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'daftari-e2e-navigation-'));
  core = await openCore({ path: join(dir, 'daftari.sqlite'), hasher: scryptHasher(10) });
  const setup = await core.call(null, 'setup.initialize', { institution: INSTITUTION, admin: ADMIN });
  if (!setup.result.ok || typeof setup.session !== 'string') throw new Error(`setup failed: ${JSON.stringify(setup.result)}`);
  const adminToken = setup.session;
  for (const account of ACCOUNTS) {
    const temporary = 'Muda-wa-Kwanza7';
    const created = await core.call(adminToken, 'users.create', { username: account.username, display_name: account.display_name, roles: account.roles, temporary_password: temporary });
    if (!created.result.ok) throw new Error(`users.create: ${JSON.stringify(created.result)}`);
    const first = await core.call(null, 'auth.sign-in', { username: account.username, password: temporary });
    await core.call(first.session as string, 'auth.change-password', { current: temporary, next: CHOSEN, confirm: CHOSEN });
  }
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

describe('the navigation at 1366×768', () => {
  it('shows every entry of every role on one line, in view, with the roles after the last entry, in Swahili and in English', { timeout: 300_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: join(SCREENS, 'navigation-failure.png') }).catch(() => undefined);
    });
    const everyone = [{ username: ADMIN.username, password: ADMIN.password, roles: ['admin'] }, ...ACCOUNTS.map((account) => ({ ...account, password: CHOSEN }))];
    for (const account of everyone) {
      await signIn(account.username, account.password);
      for (const language of ['SW', 'EN'] as const) {
        await chooseLanguage(page, language);
        await expect.poll(() => page.getByTestId('nav-dashboard').getAttribute('title')).toBe(translator(language === 'SW' ? 'sw' : 'en')('nav.dashboard'));
        const nav = await measureNav();
        const who = `${account.username} (${language})`;
        expect(nav.entries, who).toBeGreaterThan(5);
        expect(nav.wrapped, who).toEqual([]);
        expect(nav.hidden, who).toEqual([]);
        expect(nav.cutWithoutTooltip, who).toEqual([]);
        expect(nav.rolesAfterLast, who).toBe(true);
        if (account.username === ADMIN.username) await screenshot(page, `navigation-admin-${language.toLowerCase()}`);
        if (account.roles.length === ROLES.length) await screenshot(page, `navigation-every-role-${language.toLowerCase()}`);
      }
      await chooseLanguage(page, 'SW');
      await signOut();
    }
    expect(consoleProblems).toEqual([]);
  });
});
