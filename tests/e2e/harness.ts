// What every end-to-end file shares: where things are, the preflight checks, Debian's Chromium with the
// flags this closed network needs, and the two things every screen test does (switch language, screenshot).
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BUILT = join(ROOT, 'dist/renderer');
export const SCREENS = join(ROOT, 'test-results/screens');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Fails early, with the remedy, when the window was not built or Chromium is missing. */
export function requireWindowAndBrowser(): void {
  if (!existsSync(join(BUILT, 'index.html'))) {
    throw new Error(`dist/renderer/index.html is missing: build the window first with \`npx vite build\` (the test command runs it before vitest).`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}; install it or set CHROMIUM_PATH.`);
  mkdirSync(SCREENS, { recursive: true });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

export async function chooseLanguage(page: Page, code: 'SW' | 'EN'): Promise<void> {
  await page.getByTestId('language-switch').getByText(code, { exact: true }).click();
}

/** A screenshot to look at: earlier notifications closed (they would cover the screen), transitions settled. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const closers = page.locator('.mantine-Notification-closeButton');
  for (let i = 0; i < 10 && (await closers.count()) > 0; i += 1) await closers.first().click({ timeout: 2000 }).catch(() => undefined);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}
