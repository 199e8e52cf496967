/**
 * The entry's wiring with Electron stubbed: the real lifecycle, window, menu and IPC modules
 * behind `import … from 'electron'`, and createApp stubbed so no server starts.
 */
import * as electronModule from 'electron';
import { spawnSync } from 'node:child_process';
import { cachedDataVersionTag } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as CreateAppModule from '../../../src-main/app/create-app.js';
import type { RunningApp } from '../../../src-main/app/create-app.js';
import { START_FLAGS } from '../../../src-main/app/v8-memory.js';
import type { FakeBrowserWindow, FakeElectron } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron());

const server = vi.hoisted(() => ({
  origin: 'http://127.0.0.1:7420',
  port: 7420,
  adminToken: 't0ken',
  uiUrl: 'http://127.0.0.1:7420/#token=t0ken',
  close: async () => undefined,
}));
const createApp = vi.hoisted(() => ({ fn: async (_options: unknown) => server as RunningApp }));
vi.mock('../../../src-main/app/create-app.js', async (importOriginal) => ({
  ...(await importOriginal<typeof CreateAppModule>()),
  createApp: (options: unknown) => createApp.fn(options),
}));

const electron = electronModule as unknown as FakeElectron;
const createAppSpy = vi.spyOn(createApp, 'fn');
const closeSpy = vi.spyOn(server, 'close');
let signalListeners: { SIGINT: NodeJS.SignalsListener[]; SIGTERM: NodeJS.SignalsListener[] };
let flagsBefore: number;

beforeAll(async () => {
  vi.stubEnv('AUTHBOX_PORT', '9123');
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  flagsBefore = cachedDataVersionTag();
  const { desktop } = await import('../../../src-main/electron/main.js');
  // main.ts quits on Ctrl+C; keep those listeners out of the test worker.
  signalListeners = {
    SIGINT: process.listeners('SIGINT').filter((l) => !before.SIGINT.includes(l)),
    SIGTERM: process.listeners('SIGTERM').filter((l) => !before.SIGTERM.includes(l)),
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) for (const l of signalListeners[signal]) process.off(signal, l);
  electron.app.becomeReady();
  await desktop.started;
});

afterAll(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** V8's flag hash in a plain Node process after `flags` were set at run time. */
function tagUnder(flags: string): number {
  const script = `const v8 = require('node:v8'); v8.setFlagsFromString(process.argv[1]); console.log(v8.cachedDataVersionTag());`;
  return Number(spawnSync(process.execPath, ['-e', script, '--', flags], { encoding: 'utf8' }).stdout.trim());
}

describe('electron main entry', () => {
  it("sets app/v8-memory.ts's V8 heap flags in the main process, which runs the server", () => {
    const after = cachedDataVersionTag();
    expect(after).not.toBe(flagsBefore);
    // The young generation's stop is set too once it reached its cap (the test process may have).
    const stopped = `${START_FLAGS} --semi-space-growth-factor=1`;
    expect([tagUnder(START_FLAGS), tagUnder(stopped)]).toContain(after);
  });

  it('names the app Authbox and keeps its data in the same folder as the headless default', () => {
    expect(electron.app.name).toBe('Authbox');
    expect(electron.app.getPath('userData')).toBe('/fake/appData/Authbox');
  });

  it('starts the server on AUTHBOX_PORT with the database in userData and the Electron build of better-sqlite3', () => {
    expect(createAppSpy).toHaveBeenCalledOnce();
    expect(createAppSpy.mock.calls[0]![0]).toMatchObject({
      dataDir: '/fake/appData/Authbox',
      host: '127.0.0.1',
      port: 9123,
      nativeBinding: '/fake/project/build/electron-native/better-sqlite3/build/Release/better_sqlite3.node',
    });
  });

  it("seals secrets at rest with safeStorage: the server gets the keychain's cipher", () => {
    const { keychain } = createAppSpy.mock.calls[0]![0] as {
      keychain?: { encrypt(p: string): string; decrypt(s: string): string };
    };
    const sealed = keychain!.encrypt('client-secret');
    expect(electron.safeStorage.encryptString).toHaveBeenCalledWith('client-secret');
    expect(sealed).not.toContain('client-secret');
    expect(keychain!.decrypt(sealed)).toBe('client-secret');
  });

  it('opens one secured window on the UI address, with the compiled preload next to main.js', () => {
    expect(electron.BrowserWindow.instances).toHaveLength(1);
    const window = electron.BrowserWindow.instances[0] as FakeBrowserWindow;
    const prefs = window.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs['preload'])).toMatch(/[/\\]electron[/\\]preload\.cjs$/);
    expect(window.loadURL).toHaveBeenCalledWith(server.uiUrl);
    expect(window.webContents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('sets the application menu', () => {
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    const template = electron.Menu.buildFromTemplate.mock.calls[0]![0] as { label?: string; role?: string }[];
    expect(template.map((item) => item.label ?? item.role)).toContain('File');
  });

  it('handles the bridge channels', () => {
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([
      'authbox:open-auth-window',
      'authbox:open-external',
      'authbox:save-file',
    ]);
  });

  it('handles Ctrl+C in the terminal by quitting', () => {
    expect(signalListeners.SIGINT).toHaveLength(1);
    expect(signalListeners.SIGTERM).toHaveLength(1);
  });

  it('closes the server once on quit', async () => {
    electron.app.quit();
    await vi.waitFor(() => expect(electron.app.quitted).toBe(true));
    expect(closeSpy).toHaveBeenCalledOnce();
  });
});
