// The main process: wires the pieces of this folder to Electron. Every decision lives in a module
// that takes its Electron objects as parameters and has its own tests; this file only connects them.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { CoreClient } from './core-client.ts';
import type { CoreWorkerData } from './core-protocol.ts';
import { callHandler, registerCallHandler, WindowSessions } from './ipc.ts';
import { claimSingleInstance, closeCoreOnQuit, databasePath, focusWindow, menuTemplate } from './lifecycle.ts';
import { loadSigningKeyPem } from './signing-key.ts';
import { APP_ENTRY, APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './protocol.ts';
import { guardContents, guardSession, windowOptions } from './window.ts';

// Both must happen before 'ready'. enableSandbox covers any renderer, not only the one window.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

function createWindow(appPath: string): BrowserWindow {
  const window = new BrowserWindow(windowOptions({ preload: join(appPath, 'dist', 'electron', 'preload.cjs'), devTools: !app.isPackaged }));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}

function start(): void {
  const appPath = app.getAppPath();
  // The worker starts once the app is ready: safeStorage can decrypt the signing key only then.
  let workerData: CoreWorkerData | null = null;
  const core = new CoreClient({ spawn: () => new Worker(join(appPath, 'dist', 'electron', 'core-worker.cjs'), { workerData }) });
  closeCoreOnQuit(app, core);

  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    const dataDir = app.getPath('userData');
    workerData = { daftariCore: { path: databasePath(process.env, dataDir), signingKey: loadSigningKeyPem(safeStorage, dataDir) } };
    core.start();
    const template = menuTemplate(process.platform, !app.isPackaged);
    Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
    guardSession(session.defaultSession);
    protocol.handle(APP_SCHEME, appProtocolHandler(join(appPath, 'dist', 'renderer')));
    registerCallHandler(ipcMain, callHandler((token, route, input) => core.call(token, route, input), new WindowSessions()));
    createWindow(appPath);
  });
}

if (claimSingleInstance(app, () => focusWindow(BrowserWindow.getAllWindows()[0]))) start();
