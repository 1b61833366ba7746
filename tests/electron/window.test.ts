import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/protocol.ts';
import {
  denyPermissionCheck,
  denyPermissionRequest,
  denyWindowOpen,
  guardContents,
  guardNavigation,
  guardSession,
  windowOptions,
  type GuardedContents,
  type GuardedSession,
} from '../../electron/window.ts';

function preventable() {
  return { preventDefault: vi.fn() };
}

describe('the window', () => {
  const preferences = windowOptions({ preload: '/app/dist/electron/preload.cjs', devTools: false }).webPreferences ?? {};

  it.each([
    ['sandbox', true],
    ['contextIsolation', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['spellcheck', false],
    ['devTools', false],
  ] as const)('sets %s to %s', (flag, value) => {
    expect(preferences[flag]).toBe(value);
  });

  it('loads the bridge from the given preload file', () => {
    expect(preferences.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('offers developer tools only when asked to (an unpackaged run)', () => {
    expect(windowOptions({ preload: 'p', devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('navigation', () => {
  it('is stopped when it would leave the app', () => {
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)']) {
      const event = preventable();
      guardNavigation(event, url);
      expect(event.preventDefault, url).toHaveBeenCalledOnce();
    }
  });

  it('is allowed within the app origin', () => {
    const event = preventable();
    guardNavigation(event, 'app://daftari/index.html#/people');
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('is guarded on navigate and on redirect; webviews are never attached; new windows are denied', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: (() => unknown) | undefined;
    const contents: GuardedContents = {
      on: (event: string, listener: (event: { preventDefault(): void }, url: string) => void) => listeners.set(event, listener),
      setWindowOpenHandler: (handler) => {
        openHandler = handler as () => unknown;
      },
    };
    guardContents(contents);

    for (const name of ['will-navigate', 'will-redirect']) {
      const event = preventable();
      listeners.get(name)?.(event, 'https://example.com/');
      expect(event.preventDefault, name).toHaveBeenCalledOnce();
    }
    const webview = preventable();
    listeners.get('will-attach-webview')?.(webview, '');
    expect(webview.preventDefault).toHaveBeenCalledOnce();
    expect(openHandler?.()).toEqual({ action: 'deny' });
  });
});

describe('window.open', () => {
  it('is denied, whatever the URL', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('are refused when asked for and reported as not granted when checked', () => {
    const callback = vi.fn();
    denyPermissionRequest({}, 'media', callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(denyPermissionCheck()).toBe(false);
  });

  it('are refused for the whole session, and every response carries the strict policy', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn(), onBeforeRequest: vi.fn() },
    } satisfies GuardedSession;
    guardSession(session);

    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as typeof denyPermissionRequest;
    const granted = vi.fn();
    request({}, 'geolocation', granted);
    expect(granted).toHaveBeenCalledExactlyOnceWith(false);
    expect((session.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean)()).toBe(false);
    expect((session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean)()).toBe(false);

    const onHeaders = session.webRequest.onHeadersReceived.mock.calls[0]?.[0] as Parameters<GuardedSession['webRequest']['onHeadersReceived']>[0];
    const respond = vi.fn();
    onHeaders({ responseHeaders: {} }, respond);
    expect(respond).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });

    const onRequest = session.webRequest.onBeforeRequest.mock.calls[0]?.[0] as Parameters<GuardedSession['webRequest']['onBeforeRequest']>[0];
    const decide = vi.fn();
    onRequest({ url: 'https://example.com/tracker.js' }, decide);
    expect(decide).toHaveBeenCalledWith({ cancel: true });
  });
});
