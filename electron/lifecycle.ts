// Decisions of the app's lifecycle, each taking the Electron objects it acts on so that tests can pass
// small fakes: one instance per user, where the file lives, the menu, and closing the file on quit.
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';

export const DATABASE_FILE = 'daftari.sqlite';

export function databasePath(env: Readonly<Record<string, string | undefined>>, userData: string): string {
  const override = env.DAFTARI_DB?.trim();
  return override ? override : join(userData, DATABASE_FILE);
}

export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

export function focusWindow(window: FocusableWindow | undefined): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/**
 * One instance per user: two processes writing one SQLite file would race each other's journal
 * sequence. A second launch hands over to the first (which comes to the front) and quits.
 */
export function claimSingleInstance(app: SingleInstanceApp, bringToFront: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', bringToFront);
  return true;
}

/**
 * No reload (it would drop the page's state mid-form) and no developer tools outside development.
 * Windows and Linux get no menu bar at all: the window has its own navigation, and Chromium still
 * handles cut, copy and paste. macOS needs its application and Edit menus for those shortcuts.
 */
export function menuTemplate(platform: NodeJS.Platform, development: boolean): MenuItemConstructorOptions[] | null {
  const items: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') items.push({ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' });
  // Development only, never in a packaged app, so this label needs no translation.
  if (development) items.push({ label: 'Developer', submenu: [{ role: 'toggleDevTools' }] });
  return items.length > 0 ? items : null;
}

export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/** Holds the quit until the core's worker has closed the file, then quits for real. */
export function closeCoreOnQuit(app: QuittingApp, core: { close(): Promise<void> }): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void core
      .close()
      .catch((error: unknown) => console.error('[daftari] the core did not close cleanly:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
