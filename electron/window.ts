// The hardened window (DESIGN.md, "Where the app runs"): sandboxed, context-isolated, no Node, no
// navigation away from the app, no new windows, no webviews, no permissions.
import type { BrowserWindowConstructorOptions, Event, HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl, isBlockedRequest, withContentSecurityPolicy } from './protocol.ts';

export interface WindowSettings {
  preload: string;
  /** Only in an unpackaged (development) run. */
  devTools: boolean;
}

export function windowOptions(settings: WindowSettings): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: settings.preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: settings.devTools,
    },
  };
}

type Preventable = Pick<Event, 'preventDefault'>;

export function guardNavigation(event: Preventable, url: string): void {
  if (!isAppUrl(url)) event.preventDefault();
}

export function denyWindowOpen(_details?: HandlerDetails): WindowOpenHandlerResponse {
  return { action: 'deny' };
}

export function preventWebview(event: Preventable): void {
  event.preventDefault();
}

export function denyPermissionRequest(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

/** The parts of a WebContents the guards attach to. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
}

/** For every WebContents the app creates (`app.on('web-contents-created', …)`). */
export function guardContents(contents: GuardedContents): void {
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', preventWebview);
  contents.setWindowOpenHandler(denyWindowOpen);
}

type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders: Record<string, string[]> }) => void,
) => void;
type RequestListener = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

/** The parts of a Session the guards configure. */
export interface GuardedSession {
  setPermissionRequestHandler(handler: typeof denyPermissionRequest): void;
  setPermissionCheckHandler(handler: typeof denyPermissionCheck): void;
  setDevicePermissionHandler(handler: typeof denyPermissionCheck): void;
  webRequest: {
    onHeadersReceived(listener: HeadersListener): void;
    onBeforeRequest(listener: RequestListener): void;
  };
}

export function guardSession(session: GuardedSession): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyPermissionCheck);
  // The app protocol sets the CSP on its own responses; this covers anything else the session loads.
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }));
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isBlockedRequest(details.url) }));
}
