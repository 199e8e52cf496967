import { describe, expect, it, vi } from 'vitest';
import { StartError } from '../../../src-main/app/create-app.js';
import type { AppOptions, RunningApp } from '../../../src-main/app/create-app.js';
import { desktopPort, nativeBindingPath, runDesktop } from '../../../src-main/electron/lifecycle.js';
import type { LifecycleDeps } from '../../../src-main/electron/lifecycle.js';
import { FakeApp, FakeBrowserWindow } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron());

const NATIVE = '/fake/project/build/electron-native/better-sqlite3/build/Release/better_sqlite3.node';

function fakeServer(port = 7420): RunningApp & { close: ReturnType<typeof vi.fn> } {
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    adminToken: 't0ken',
    uiUrl: `${origin}/#token=t0ken`,
    services: {} as RunningApp['services'],
    database: {} as RunningApp['database'],
    close: vi.fn(async () => undefined),
  };
}

interface Setup {
  createApp?: (options: AppOptions) => Promise<RunningApp>;
  portSetting?: string;
  platform?: NodeJS.Platform;
  hasLock?: boolean;
  keychain?: LifecycleDeps['keychain'];
}

function start(setup: Setup = {}) {
  const app = new FakeApp();
  app.hasLock = setup.hasLock ?? true;
  const server = fakeServer();
  const createApp = vi.fn(setup.createApp ?? (async () => server));
  const dialog = { showErrorBox: vi.fn() };
  const events: string[] = [];
  const onStarted = vi.fn(() => void events.push('started'));
  const openWindow = vi.fn(() => {
    events.push('window');
    return new FakeBrowserWindow({});
  });
  const logError = vi.fn();
  const deps = {
    app,
    dialog,
    createApp,
    onStarted,
    openWindow,
    portSetting: setup.portSetting,
    nativeBinding: NATIVE,
    platform: setup.platform ?? 'linux',
    logError,
    keychain: setup.keychain ?? (() => undefined),
  };
  const desktop = runDesktop(deps as unknown as LifecycleDeps);
  return { app, server, createApp, dialog, onStarted, openWindow, events, logError, desktop };
}

/** Lets the pending close() settle and the lifecycle's quit-again run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('desktop start', () => {
  it('waits for Electron to be ready before starting the server', async () => {
    const { app, createApp } = start();
    await settle();
    expect(createApp).not.toHaveBeenCalled();
    app.becomeReady();
    await settle();
    expect(createApp).toHaveBeenCalledOnce();
  });

  it('starts the server on 127.0.0.1 and the default port with the database in the userData folder', async () => {
    const { app, createApp, desktop } = start();
    app.becomeReady();
    await desktop.started;
    expect(createApp).toHaveBeenCalledWith({
      dataDir: '/fake/appData/authbox',
      host: '127.0.0.1',
      port: 7420,
      nativeBinding: NATIVE,
      logError: expect.any(Function),
    });
  });

  it('hands the OS keychain, asked for once Electron is ready, to the server for secrets at rest', async () => {
    const cipher = { encrypt: (plain: string) => plain, decrypt: (sealed: string) => sealed };
    const keychain = vi.fn(() => cipher);
    const { app, createApp, desktop } = start({ keychain });
    await settle();
    expect(keychain).not.toHaveBeenCalled();
    app.becomeReady();
    await desktop.started;
    expect(createApp.mock.calls[0]![0].keychain).toBe(cipher);
  });

  it('uses the port from AUTHBOX_PORT', async () => {
    const { app, createApp, desktop } = start({ portSetting: '9011' });
    app.becomeReady();
    await desktop.started;
    expect(createApp.mock.calls[0]![0].port).toBe(9011);
  });

  it('then sets up the menu and IPC, then opens the window over the running server', async () => {
    const { app, server, onStarted, openWindow, events, desktop } = start();
    app.becomeReady();
    expect(await desktop.started).toBe(server);
    expect(events).toEqual(['started', 'window']);
    expect(onStarted).toHaveBeenCalledWith(server);
    expect(openWindow).toHaveBeenCalledWith(server);
  });
});

describe('start failures', () => {
  it('shows a port conflict in an error dialog, says how to pick another port, and exits', async () => {
    const message = 'port 7420 on 127.0.0.1 is already in use; choose another with --port (0 picks a free one)';
    const { app, dialog, openWindow, desktop } = start({
      createApp: async () => Promise.reject(new StartError('PORT_IN_USE', message)),
    });
    app.becomeReady();
    expect(await desktop.started).toBeUndefined();
    expect(dialog.showErrorBox).toHaveBeenCalledOnce();
    const [title, content] = dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe('Authbox could not start');
    expect(content.startsWith(message)).toBe(true);
    expect(content).toContain('AUTHBOX_PORT');
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(openWindow).not.toHaveBeenCalled();
  });

  it.each([
    ['DATA_DIR', 'cannot use the data folder /fake/appData/authbox (EACCES); choose another with --data'],
    ['DATABASE', 'the database was written by a newer Authbox (schema 9, this version knows up to 1)'],
  ] as const)('shows a %s start error with its message and exits', async (code, message) => {
    const { app, dialog, desktop } = start({ createApp: async () => Promise.reject(new StartError(code, message)) });
    app.becomeReady();
    await desktop.started;
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Authbox could not start', message);
    expect(app.exit).toHaveBeenCalledWith(1);
  });

  it('refuses a malformed AUTHBOX_PORT without starting the server', async () => {
    const { app, dialog, createApp, desktop } = start({ portSetting: '74x' });
    app.becomeReady();
    await desktop.started;
    expect(createApp).not.toHaveBeenCalled();
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Authbox could not start',
      "AUTHBOX_PORT must be a port number from 0 to 65535 (0 picks a free one), not '74x'",
    );
    expect(app.exit).toHaveBeenCalledWith(1);
  });

  it('closes the server again when the window cannot be set up', async () => {
    const { app, server, dialog, onStarted, desktop } = start();
    onStarted.mockImplementationOnce(() => {
      throw new Error('menu failed');
    });
    app.becomeReady();
    await desktop.started;
    expect(server.close).toHaveBeenCalledOnce();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Authbox could not start', 'menu failed');
    expect(app.exit).toHaveBeenCalledWith(1);
  });
});

describe('quitting', () => {
  it('closes the server and database exactly once, then lets the quit through', async () => {
    const { app, server, desktop } = start();
    app.becomeReady();
    await desktop.started;
    app.quit();
    expect(app.quitted).toBe(false);
    app.quit();
    await settle();
    expect(server.close).toHaveBeenCalledOnce();
    expect(app.quitted).toBe(true);
    app.quit();
    expect(server.close).toHaveBeenCalledOnce();
  });

  it('still quits when closing the server fails, and logs why', async () => {
    const { app, server, logError, desktop } = start();
    server.close.mockRejectedValueOnce(new Error('disk full'));
    app.becomeReady();
    await desktop.started;
    app.quit();
    await settle();
    expect(app.quitted).toBe(true);
    expect(logError).toHaveBeenCalledWith('authbox: error while closing: disk full');
  });

  it('waits for a start in progress, then closes the server it produced', async () => {
    let finishStart!: (server: RunningApp) => void;
    const { app, server } = start({ createApp: () => new Promise((resolve) => (finishStart = resolve)) });
    app.becomeReady();
    await settle();
    app.quit();
    expect(app.quitted).toBe(false);
    finishStart(server);
    await settle();
    expect(server.close).toHaveBeenCalledOnce();
    expect(app.quitted).toBe(true);
  });

  it('quits when the last window closes, except on macOS', async () => {
    const linux = start();
    linux.app.emit('window-all-closed');
    expect(linux.app.quitCount).toBe(1);
    const mac = start({ platform: 'darwin' });
    mac.app.emit('window-all-closed');
    expect(mac.app.quitCount).toBe(0);
  });

  it('reopens the window on activate (macOS dock click) when none is open', async () => {
    const { app, openWindow, desktop } = start({ platform: 'darwin' });
    app.becomeReady();
    await desktop.started;
    app.emit('activate');
    expect(openWindow).toHaveBeenCalledOnce();
    (openWindow.mock.results[0]!.value as FakeBrowserWindow).destroyed = true;
    app.emit('activate');
    expect(openWindow).toHaveBeenCalledTimes(2);
  });
});

describe('single instance', () => {
  it('a second instance quits at once without starting a server', async () => {
    const { app, createApp } = start({ hasLock: false });
    app.becomeReady();
    await settle();
    expect(app.quitCount).toBe(1);
    expect(createApp).not.toHaveBeenCalled();
  });

  it('the first instance brings its window to the front when a second one starts', async () => {
    const { app, openWindow, desktop } = start();
    app.becomeReady();
    await desktop.started;
    const window = openWindow.mock.results[0]!.value as FakeBrowserWindow;
    window.minimized = true;
    app.emit('second-instance', {}, ['electron', '.'], '/home/dev');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('ignores a second instance while the window is not open yet', () => {
    const { app } = start();
    expect(() => app.emit('second-instance', {}, [], '/')).not.toThrow();
  });
});

describe('settings', () => {
  it.each([
    [undefined, 7420],
    ['', 7420],
    ['0', 0],
    [' 8080 ', 8080],
    ['65535', 65535],
  ])('AUTHBOX_PORT %j means port %i', (setting, port) => {
    expect(desktopPort(setting)).toBe(port);
  });

  it.each([['-1'], ['65536'], ['80.5'], ['http'], ['1e3']])('rejects AUTHBOX_PORT %j', (setting) => {
    expect(() => desktopPort(setting)).toThrow(
      `AUTHBOX_PORT must be a port number from 0 to 65535 (0 picks a free one), not '${setting}'`,
    );
  });

  it('loads the Electron build of better-sqlite3 from resources when packaged, from build/electron-native in development', () => {
    expect(nativeBindingPath(true, '/opt/Authbox/resources', '/opt/Authbox/resources/app.asar')).toBe(
      '/opt/Authbox/resources/native/better_sqlite3.node',
    );
    expect(nativeBindingPath(false, '/x/node_modules/electron/dist/resources', '/home/dev/authbox')).toBe(
      '/home/dev/authbox/build/electron-native/better-sqlite3/build/Release/better_sqlite3.node',
    );
  });
});
