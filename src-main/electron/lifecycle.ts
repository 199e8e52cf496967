/**
 * Start and stop of the desktop app: one instance per user, the embedded server started once
 * Electron is ready, its window, and a clean close of the server and database on quit.
 * A start-up failure (port taken, unusable data folder, …) is shown in a dialog, then the app exits.
 */
import { join } from 'node:path';
import type { App, BrowserWindow, Dialog, Event } from 'electron';
import type { AppOptions, RunningApp } from '../app/create-app.js';
import { DEFAULT_PORT } from '../app/paths.js';
import { focusWindow } from './window.js';

export interface LifecycleDeps {
  app: Pick<App, 'requestSingleInstanceLock' | 'whenReady' | 'getPath' | 'quit' | 'exit'> & {
    on(event: string, listener: (event: Event) => void): unknown;
  };
  dialog: Pick<Dialog, 'showErrorBox'>;
  createApp: (options: AppOptions) => Promise<RunningApp>;
  /** Runs once the server is up, before the first window: menu, IPC handlers. */
  onStarted: (running: RunningApp) => void;
  openWindow: (running: RunningApp) => BrowserWindow;
  /** `AUTHBOX_PORT`, when set. */
  portSetting: string | undefined;
  /** better_sqlite3.node built for Electron. */
  nativeBinding: string;
  platform: NodeJS.Platform;
  logError: (line: string) => void;
  /** The OS keychain's cipher for secrets at rest (`keychain.ts`), asked once Electron is ready. */
  keychain: () => AppOptions['keychain'];
}

/** The port from `AUTHBOX_PORT`, else the stable default (client apps are configured against the issuer). */
export function desktopPort(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return DEFAULT_PORT;
  const port = Number(setting);
  if (!/^\d+$/.test(setting.trim()) || port > 65535) {
    throw new Error(`AUTHBOX_PORT must be a port number from 0 to 65535 (0 picks a free one), not '${setting}'`);
  }
  return port;
}

/** The Electron build of better-sqlite3: shipped in resources/native, built by scripts/electron-native.mjs in development. */
export function nativeBindingPath(isPackaged: boolean, resourcesPath: string, appPath: string): string {
  return isPackaged
    ? join(resourcesPath, 'native', 'better_sqlite3.node')
    : join(appPath, 'build', 'electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

/** Dialog text for a failed start: the error's one line, plus how to pick a port in the desktop app. */
export function startFailureText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'PORT_IN_USE') {
    return `${message}\n\nAnother Authbox (the desktop app or \`npm run serve\`) may be running. To use another port, start Authbox with the environment variable AUTHBOX_PORT set (0 picks a free one).`;
  }
  return message;
}

export interface Desktop {
  /** Settles once the server is up and the window open, or the start failed and the app is exiting. */
  started: Promise<RunningApp | undefined>;
}

export function runDesktop(deps: LifecycleDeps): Desktop {
  const { app } = deps;
  if (!app.requestSingleInstanceLock()) {
    // Another instance holds the lock; it receives 'second-instance' and comes to the front.
    app.quit();
    return { started: Promise.resolve(undefined) };
  }

  let window: BrowserWindow | undefined;
  let running: RunningApp | undefined;
  let stopped = false;
  let stopping: Promise<void> | undefined;
  const liveWindow = () => (window && !window.isDestroyed() ? window : undefined);

  app.on('second-instance', () => {
    const existing = liveWindow();
    if (existing) focusWindow(existing);
  });
  app.on('window-all-closed', () => {
    if (deps.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (running && !liveWindow()) window = deps.openWindow(running);
  });

  const started = (async () => {
    await app.whenReady();
    try {
      const keychain = deps.keychain();
      running = await deps.createApp({
        dataDir: app.getPath('userData'),
        host: '127.0.0.1',
        port: desktopPort(deps.portSetting),
        nativeBinding: deps.nativeBinding,
        logError: deps.logError,
        ...(keychain ? { keychain } : {}),
      });
      deps.onStarted(running);
      window = deps.openWindow(running);
      return running;
    } catch (error) {
      await running?.close().catch(() => undefined);
      deps.dialog.showErrorBox('Authbox could not start', startFailureText(error));
      app.exit(1);
      return undefined;
    }
  })();

  // Electron does not wait for promises in quit handlers: hold the quit, close the server and the
  // database once, then quit again (this handler then lets it through).
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    stopping ??= started
      .then((server) => server?.close())
      .catch((error: Error) => deps.logError(`authbox: error while closing: ${error.message}`))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });

  return { started };
}
