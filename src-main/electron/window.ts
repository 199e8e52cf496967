/**
 * The one app window and its security settings (Electron security checklist): an isolated,
 * sandboxed renderer without Node, navigation locked to the app's origin, no new windows, no
 * <webview>, and no permissions beyond writing to the clipboard.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, Shell, WebContents } from 'electron';
import type { RunningApp } from '../app/create-app.js';
import { isAppOrigin, isHttpUrl } from './ipc.js';

export interface WindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  shell: Pick<Shell, 'openExternal'>;
  /** Absolute path of the compiled preload (`preload.cjs`). */
  preloadPath: string;
  logError: (line: string) => void;
}

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Authbox',
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: preloadPath,
    },
  };
}

/** Sends http(s) URLs to the system browser; anything else (file:, javascript:, custom schemes) is dropped. */
function openOutside(shell: Pick<Shell, 'openExternal'>, url: string): void {
  if (isHttpUrl(url)) void shell.openExternal(url).catch(() => undefined);
}

/** Navigation and pop-ups leave the app's origin only through the system browser. */
export function lockNavigation(contents: WebContents, appOrigin: string, shell: Pick<Shell, 'openExternal'>): void {
  const guard = (event: { preventDefault(): void; url: string }) => {
    if (isAppOrigin(event.url, appOrigin)) return;
    event.preventDefault();
    openOutside(shell, event.url);
  };
  contents.on('will-navigate', (event) => guard(event));
  contents.on('will-redirect', (event) => guard(event));
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(shell, url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Denies every permission request and check, except clipboard writes from the app's own pages
 * (the inspector's copy buttons use `navigator.clipboard.writeText`).
 */
export function denyPermissions(session: Session, appOrigin: string): void {
  const allowed = (permission: string, origin: string | undefined) =>
    permission === 'clipboard-sanitized-write' && isAppOrigin(origin, appOrigin);
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowed(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
}

/** Creates the window over the running server's UI and shows it once painted. */
export function openMainWindow(deps: WindowDeps, running: Pick<RunningApp, 'origin' | 'uiUrl'>): BrowserWindow {
  const window = new deps.BrowserWindow(windowOptions(deps.preloadPath));
  lockNavigation(window.webContents, running.origin, deps.shell);
  denyPermissions(window.webContents.session, running.origin);
  window.once('ready-to-show', () => window.show());
  window.loadURL(running.uiUrl).catch((error: Error) => {
    deps.logError(`authbox: cannot load ${running.origin}: ${error.message}`);
    window.show(); // Chromium's error page, rather than no window at all
  });
  return window;
}

/**
 * The Flow Runner's sign-in window: a child of the app window over one of the app's own pages,
 * sandboxed like it but without the bridge; navigation off the origin goes to the system browser.
 * Its callback page leaves the response in this origin's localStorage for the runner.
 */
export function openChildWindow(
  deps: WindowDeps,
  parent: BrowserWindow | null,
  url: string,
  appOrigin: string,
): BrowserWindow {
  const { webPreferences } = windowOptions(deps.preloadPath);
  const { preload: _preload, ...withoutBridge } = webPreferences ?? {};
  const child = new deps.BrowserWindow({
    title: 'Sign in · Authbox',
    width: 520,
    height: 720,
    ...(parent ? { parent } : {}),
    webPreferences: withoutBridge,
  });
  lockNavigation(child.webContents, appOrigin, deps.shell);
  child.loadURL(url).catch((error: Error) => deps.logError(`authbox: cannot load ${url}: ${error.message}`));
  return child;
}

/** Brings an existing window to the front (used when a second instance starts). */
export function focusWindow(window: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
