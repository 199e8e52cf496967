/**
 * The application menu: File (open the UI in the system browser, quit), the standard Edit and View
 * roles, and Help (About, documentation in the system browser). On macOS the first menu is the
 * app menu, as the platform expects.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** What Authbox models, for the Help menu (reference/okta-compat.md). */
export const OKTA_AUTH_SERVERS_DOCS = 'https://developer.okta.com/docs/concepts/auth-servers/';

export interface MenuOptions {
  /** The UI address with the admin token, opened by File → Open in Browser. */
  uiUrl: string;
  /** Authbox's documentation (package.json `homepage`); the item is left out when unknown. */
  docsUrl: string | undefined;
  isMac: boolean;
  openExternal: (url: string) => void;
}

function helpMenu(options: MenuOptions): MenuItemConstructorOptions {
  const docs: MenuItemConstructorOptions[] = options.docsUrl
    ? [{ label: 'Authbox Documentation', click: () => options.openExternal(options.docsUrl!) }]
    : [];
  return {
    role: 'help',
    submenu: [
      ...(options.isMac ? [] : [{ label: 'About Authbox', role: 'about' } as const, { type: 'separator' } as const]),
      ...docs,
      { label: 'Okta Custom Authorization Servers', click: () => options.openExternal(OKTA_AUTH_SERVERS_DOCS) },
    ],
  };
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const openInBrowser: MenuItemConstructorOptions = {
    label: 'Open in Browser',
    accelerator: 'CmdOrCtrl+Shift+O',
    click: () => options.openExternal(options.uiUrl),
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: options.isMac
      ? [openInBrowser, { type: 'separator' }, { role: 'close' }]
      : [openInBrowser, { type: 'separator' }, { role: 'quit' }],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      { role: 'toggleDevTools' },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const appMenu: MenuItemConstructorOptions[] = options.isMac ? [{ role: 'appMenu' }] : [];
  return [...appMenu, file, { role: 'editMenu' }, view, helpMenu(options)];
}
