/**
 * Electron entry (package.json `main`): wires Electron's modules to the lifecycle, window, menu and
 * IPC handlers of this folder, which hold the logic and are tested with Electron stubbed.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, shell } from 'electron';
import { createApp } from '../app/create-app.js';
import { setMemoryFlags } from '../app/v8-memory.js';
import { registerDesktopIpc } from './ipc.js';
import { keychainCipher } from './keychain.js';
import { nativeBindingPath, runDesktop } from './lifecycle.js';
import { menuTemplate } from './menu.js';
import { openChildWindow, openMainWindow } from './window.js';
import type { WindowDeps } from './window.js';

const PRODUCT_NAME = 'Authbox';

// The main process runs the server: the same V8 heap settings as the headless entry's.
setMemoryFlags();

function homepage(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8')) as { homepage?: unknown };
    return typeof pkg.homepage === 'string' ? pkg.homepage : undefined;
  } catch {
    return undefined;
  }
}

const logError = (line: string) => console.error(line);
const openExternal = (url: string) =>
  void shell.openExternal(url).catch((error: Error) => logError(`authbox: cannot open ${url}: ${error.message}`));

// Same folder as the headless default (app/paths.ts), whatever package.json calls the app.
app.setName(PRODUCT_NAME);
app.setPath('userData', join(app.getPath('appData'), PRODUCT_NAME));
app.setAboutPanelOptions({ applicationName: PRODUCT_NAME, applicationVersion: app.getVersion() });

const windowDeps: WindowDeps = {
  BrowserWindow,
  shell,
  preloadPath: fileURLToPath(new URL('./preload.cjs', import.meta.url)),
  logError,
};

const desktop = runDesktop({
  app,
  dialog,
  createApp,
  portSetting: process.env['AUTHBOX_PORT'],
  nativeBinding: nativeBindingPath(app.isPackaged, process.resourcesPath, app.getAppPath()),
  platform: process.platform,
  logError,
  keychain: () => keychainCipher(safeStorage, process.platform, logError),
  onStarted: (running) => {
    registerDesktopIpc({
      ipcMain,
      shell,
      dialog,
      windowOf: (event) => BrowserWindow.fromWebContents(event.sender),
      writeFile: (path, contents) => writeFile(path, contents, 'utf8'),
      defaultFolder: () => app.getPath('downloads'),
      appOrigin: running.origin,
      openChildWindow: (parent, url) => {
        openChildWindow(windowDeps, parent, url, running.origin);
      },
    });
    const template = menuTemplate({
      uiUrl: running.uiUrl,
      docsUrl: homepage(),
      isMac: process.platform === 'darwin',
      openExternal,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  },
  openWindow: (running) => openMainWindow(windowDeps, running),
});

// Ctrl+C in the terminal that ran `npm start` quits through the same clean path as the menu.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

export { desktop };
