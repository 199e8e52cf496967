import * as electronModule from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { focusWindow, openMainWindow } from '../../../src-main/electron/window.js';
import type { WindowDeps } from '../../../src-main/electron/window.js';
import type { FakeBrowserWindow, FakeElectron } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron());
const electron = electronModule as unknown as FakeElectron;

const running = { origin: 'http://127.0.0.1:7420', uiUrl: 'http://127.0.0.1:7420/#token=t0ken' };
const logError = vi.fn();

function open(): FakeBrowserWindow {
  const deps = {
    BrowserWindow: electron.BrowserWindow,
    shell: electron.shell,
    preloadPath: '/app/dist/main/electron/preload.cjs',
    logError,
  };
  return openMainWindow(deps as unknown as WindowDeps, running) as unknown as FakeBrowserWindow;
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe('the main window', () => {
  it('runs the UI isolated and sandboxed, without Node, with the preload', () => {
    const window = open();
    expect(window.options['webPreferences']).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/dist/main/electron/preload.cjs',
    });
  });

  it('loads the UI address with the admin token and shows the window once painted', () => {
    const window = open();
    expect(window.loadURL).toHaveBeenCalledWith(running.uiUrl);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('lets the window navigate within the app origin', () => {
    const { webContents } = open();
    expect(
      webContents.fire('will-navigate', 'http://127.0.0.1:7420/oauth2/default/v1/authorize?x=1').defaultPrevented,
    ).toBe(false);
    expect(webContents.fire('will-redirect', 'http://127.0.0.1:7420/login').defaultPrevented).toBe(false);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('prevents navigation to another origin and opens it in the system browser', () => {
    const { webContents } = open();
    expect(webContents.fire('will-navigate', 'https://developer.okta.com/docs/').defaultPrevented).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://developer.okta.com/docs/');
  });

  it('treats another port on the same host as another origin', () => {
    const { webContents } = open();
    expect(webContents.fire('will-navigate', 'http://127.0.0.1:3000/callback?code=x').defaultPrevented).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('http://127.0.0.1:3000/callback?code=x');
  });

  it('prevents a redirect to another origin and opens it in the system browser', () => {
    const { webContents } = open();
    expect(webContents.fire('will-redirect', 'http://localhost:8080/cb?code=abc').defaultPrevented).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('http://localhost:8080/cb?code=abc');
  });

  it('prevents navigation to non-web URLs without opening them anywhere', () => {
    const { webContents } = open();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'myapp://callback', 'not a url']) {
      expect(webContents.fire('will-navigate', url).defaultPrevented).toBe(true);
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies every window.open, sending web URLs to the system browser', () => {
    const { webContents } = open();
    const handler = webContents.windowOpenHandler!;
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'http://127.0.0.1:7420/#token=t0ken' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/hosts' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://example.com/',
      'http://127.0.0.1:7420/#token=t0ken',
    ]);
  });

  it('prevents attaching a <webview>', () => {
    const { webContents } = open();
    expect(webContents.fire('will-attach-webview').defaultPrevented).toBe(true);
  });

  it('denies permission requests and checks', () => {
    const { session } = open().webContents;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(session.request(permission, 'http://127.0.0.1:7420/')).toBe(false);
      expect(session.checkHandler!({}, permission, 'http://127.0.0.1:7420')).toBe(false);
    }
  });

  it('allows clipboard writes from the app origin only', () => {
    const { session } = open().webContents;
    expect(session.request('clipboard-sanitized-write', 'http://127.0.0.1:7420/#/inspector')).toBe(true);
    expect(session.request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(session.checkHandler!({}, 'clipboard-sanitized-write', 'http://127.0.0.1:7420')).toBe(true);
    expect(session.checkHandler!({}, 'clipboard-sanitized-write', 'http://127.0.0.1:7421')).toBe(false);
  });

  it('logs a page that fails to load and shows the window anyway', async () => {
    electron.BrowserWindow.loadError = new Error('ERR_CONNECTION_REFUSED');
    const window = open();
    electron.BrowserWindow.loadError = undefined;
    await vi.waitFor(() =>
      expect(logError).toHaveBeenCalledWith('authbox: cannot load http://127.0.0.1:7420: ERR_CONNECTION_REFUSED'),
    );
    expect(window.show).toHaveBeenCalledOnce();
  });
});

describe('focusing the window for a second instance', () => {
  it('restores a minimized window, shows and focuses it', () => {
    const window = open();
    window.minimized = true;
    focusWindow(window as never);
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('does not restore a window that is not minimized', () => {
    const window = open();
    focusWindow(window as never);
    expect(window.restore).not.toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalledOnce();
  });
});
