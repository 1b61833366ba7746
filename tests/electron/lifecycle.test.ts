import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, closeCoreOnQuit, databasePath, focusWindow, menuTemplate } from '../../electron/lifecycle.ts';

function fakeApp(gotLock: boolean) {
  const listeners = new Map<string, (...args: never[]) => void>();
  return {
    listeners,
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
    on: vi.fn((event: string, listener: (...args: never[]) => void) => listeners.set(event, listener)),
  };
}

describe('a second launch', () => {
  it('quits at once when another Daftari already holds the lock', () => {
    const app = fakeApp(false);
    const bringToFront = vi.fn();
    expect(claimSingleInstance(app, bringToFront)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.on).not.toHaveBeenCalled();
  });

  it('brings the first instance’s window to the front', () => {
    const app = fakeApp(true);
    const bringToFront = vi.fn();
    expect(claimSingleInstance(app, bringToFront)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.listeners.get('second-instance')?.();
    expect(bringToFront).toHaveBeenCalledOnce();
  });

  it('restores a minimised window before focusing it', () => {
    const window = { isMinimized: () => true, restore: vi.fn(), focus: vi.fn() };
    focusWindow(window);
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(() => focusWindow(undefined)).not.toThrow();
  });
});

describe('the records file', () => {
  it('lives in the user’s data folder as daftari.sqlite', () => {
    expect(databasePath({}, '/home/asha/.config/Daftari')).toBe(join('/home/asha/.config/Daftari', 'daftari.sqlite'));
  });

  it('can be placed elsewhere with DAFTARI_DB', () => {
    expect(databasePath({ DAFTARI_DB: '/srv/ict/daftari.sqlite' }, '/home/asha/.config/Daftari')).toBe('/srv/ict/daftari.sqlite');
    expect(databasePath({ DAFTARI_DB: '  ' }, '/data')).toBe(join('/data', 'daftari.sqlite'));
  });
});

describe('the application menu', () => {
  const roles = (template: ReturnType<typeof menuTemplate>) => JSON.stringify(template ?? []);

  it('is absent on Windows and Linux in a packaged app', () => {
    expect(menuTemplate('win32', false)).toBeNull();
    expect(menuTemplate('linux', false)).toBeNull();
  });

  it('offers neither reload nor developer tools in a packaged app', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(roles(menuTemplate(platform, false))).not.toMatch(/reload|devtools|viewMenu/i);
    }
  });

  it('keeps the Edit menu on macOS so copy and paste shortcuts work', () => {
    expect(menuTemplate('darwin', false)).toContainEqual({ role: 'editMenu' });
  });

  it('offers developer tools, but still no reload, in development', () => {
    const template = roles(menuTemplate('linux', true));
    expect(template).toMatch(/toggleDevTools/);
    expect(template).not.toMatch(/reload/i);
  });
});

describe('quitting', () => {
  it('waits for the core to close the records file, then quits', async () => {
    const app = fakeApp(true);
    let finishClosing = () => {};
    const core = { close: vi.fn(() => new Promise<void>((resolve) => (finishClosing = resolve))) };
    closeCoreOnQuit(app, core);
    const willQuit = app.listeners.get('will-quit') as (event: { preventDefault(): void }) => void;

    const event = { preventDefault: vi.fn() };
    willQuit(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(core.close).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();

    finishClosing();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    const again = { preventDefault: vi.fn() };
    willQuit(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    expect(core.close).toHaveBeenCalledOnce();
  });
});
