// What every end-to-end file shares: where things are, the preflight checks, Debian's Chromium with the
// flags this closed network needs, and the two things every screen test does (switch language, screenshot).
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The built window; DAFTARI_RENDERER_DIR points elsewhere when several builds share one checkout. */
export const BUILT = process.env.DAFTARI_RENDERER_DIR ?? join(ROOT, 'dist/renderer');
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

/**
 * A window of its own at the size the users' laptops have (the options may say otherwise), whose
 * console errors and uncaught exceptions are collected in `problems` for the test to find none.
 */
export async function openWindow(browser: Browser, problems: string[], options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return page;
}

/** Whether a dialog's submit button is on screen where it stands now, without scrolling inside the dialog. */
export function buttonsInView(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).getByTestId('submit').evaluate((button) => {
    const dialog = button.closest('.mantine-Modal-content')?.getBoundingClientRect();
    const box = button.getBoundingClientRect();
    return dialog !== undefined && box.top >= dialog.top && box.bottom <= dialog.bottom && box.bottom <= window.innerHeight;
  });
}

/** Whether a field's whole example shows: the placeholder is no wider than the room inside the field. */
export function placeholderFits(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return false;
    context.font = style.font;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(input.placeholder).width <= room;
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

/**
 * Text cut off inside `scope` (issue 7): every element marked `data-fit` or `data-cell`, and every badge
 * label, whose content is wider or taller than its box, or that pokes out of its table cell. Returns
 * "name: text" for each, so a failing test says what was hidden.
 */
export async function cutOff(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    const roots = [...document.querySelectorAll(selector)];
    for (const root of roots) {
      for (const element of root.querySelectorAll<HTMLElement>('[data-fit], [data-cell], .mantine-Badge-label')) {
        if (element.getClientRects().length === 0) continue;
        const style = getComputedStyle(element);
        const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.textOverflow === 'ellipsis';
        const wide = element.scrollWidth > element.clientWidth + 1;
        const tall = clips && element.scrollHeight > element.clientHeight + 1;
        const cell = element.parentElement?.closest<HTMLElement>('td, th, [role="cell"], [role="columnheader"]');
        let outside = false;
        if (cell && cell !== element) {
          const box = cell.getBoundingClientRect();
          const padding = parseFloat(getComputedStyle(cell).paddingRight) || 0;
          outside = element.getBoundingClientRect().right > box.right - padding + 1;
        }
        if (wide || tall || outside) {
          const name = element.dataset.fit ?? element.dataset.cell ?? 'badge';
          found.push(`${name}: ${element.textContent ?? ''}`);
        }
      }
    }
    return found;
  }, scope);
}
