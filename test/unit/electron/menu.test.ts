import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { OKTA_AUTH_SERVERS_DOCS, menuTemplate } from '../../../src-main/electron/menu.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron());

const uiUrl = 'http://127.0.0.1:7420/#token=t0ken';

function build(overrides: { isMac?: boolean; docsUrl?: string } = {}) {
  const openExternal = vi.fn();
  const template = menuTemplate({ uiUrl, docsUrl: overrides.docsUrl, isMac: overrides.isMac ?? false, openExternal });
  return { template, openExternal };
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const byLabel = (items: MenuItemConstructorOptions[], label: string) => items.find((item) => item.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)();

describe('application menu', () => {
  it('has File, Edit, View and Help on Windows and Linux', () => {
    const { template } = build();
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'editMenu', 'View', 'help']);
  });

  it('File → Open in Browser opens the UI address, token included, in the system browser', () => {
    const { template, openExternal } = build();
    const file = submenu(template[0]);
    click(byLabel(file, 'Open in Browser'));
    expect(openExternal).toHaveBeenCalledWith(uiUrl);
  });

  it('File ends with Quit', () => {
    const file = submenu(build().template[0]);
    expect(file.at(-1)).toEqual({ role: 'quit' });
  });

  it('View offers reload, developer tools and zoom', () => {
    const view = submenu(build().template[2])
      .map((item) => item.role)
      .filter(Boolean);
    expect(view).toEqual(
      expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut']),
    );
  });

  it('Help has About and opens documentation externally', () => {
    const { template, openExternal } = build({ docsUrl: 'https://authbox.example/docs' });
    const help = submenu(template[3]);
    expect(help.some((item) => item.role === 'about')).toBe(true);
    click(byLabel(help, 'Authbox Documentation'));
    click(byLabel(help, 'Okta Custom Authorization Servers'));
    expect(openExternal.mock.calls).toEqual([['https://authbox.example/docs'], [OKTA_AUTH_SERVERS_DOCS]]);
  });

  it('leaves the Authbox documentation item out when package.json names no homepage', () => {
    const help = submenu(build().template[3]);
    expect(byLabel(help, 'Authbox Documentation')).toBeUndefined();
  });

  it('starts with the app menu on macOS, which holds About and Quit there', () => {
    const { template } = build({ isMac: true });
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(submenu(template[1]).at(-1)).toEqual({ role: 'close' });
    expect(submenu(template[4]).some((item) => item.role === 'about')).toBe(false);
  });
});
