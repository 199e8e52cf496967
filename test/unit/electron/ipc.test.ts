import * as electronModule from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, MAX_SAVE_BYTES, registerDesktopIpc } from '../../../src-main/electron/ipc.js';
import type { IpcDeps } from '../../../src-main/electron/ipc.js';
import type { FakeElectron } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron());
const electron = electronModule as unknown as FakeElectron;

const APP_ORIGIN = 'http://127.0.0.1:7420';
const fromApp = { senderFrame: { url: 'http://127.0.0.1:7420/#/servers' }, sender: {} };
const writeFile = vi.fn(async (_path: string, _contents: string) => undefined);
const parentWindow = { id: 1 };
const openChildWindow = vi.fn((_parent: unknown, _url: string) => undefined);

function register(): void {
  electron.ipcMain.handlers.clear();
  const deps = {
    ipcMain: electron.ipcMain,
    shell: electron.shell,
    dialog: electron.dialog,
    windowOf: () => parentWindow,
    writeFile,
    defaultFolder: () => '/home/dev/Downloads',
    appOrigin: APP_ORIGIN,
    openChildWindow,
  };
  registerDesktopIpc(deps as unknown as IpcDeps);
}

function invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = electron.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve().then(() => handler(event, ...args));
}

beforeEach(() => {
  vi.clearAllMocks();
  register();
});

describe('desktop bridge IPC handlers', () => {
  it('registers exactly the channels of the bridge contract', () => {
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([
      'authbox:open-auth-window',
      'authbox:open-external',
      'authbox:save-file',
    ]);
    expect(CHANNELS).toEqual({
      openExternal: 'authbox:open-external',
      saveFile: 'authbox:save-file',
      openAuthWindow: 'authbox:open-auth-window',
    });
  });

  it("opens a Flow Runner sign-in URL of the app's own origin in a child of the asking window", async () => {
    const url = `${APP_ORIGIN}/oauth2/default/v1/authorize?client_id=abc`;
    await invoke(CHANNELS.openAuthWindow, fromApp, url);
    expect(openChildWindow.mock.calls).toEqual([[parentWindow, url]]);
  });

  it('refuses a sign-in window for another origin or from a page that is not the app', async () => {
    await expect(invoke(CHANNELS.openAuthWindow, fromApp, 'https://evil.example/authorize')).rejects.toThrow(
      `openAuthWindow: url must be a page of ${APP_ORIGIN}`,
    );
    const fromElsewhere = { senderFrame: { url: 'https://evil.example/' }, sender: {} };
    await expect(invoke(CHANNELS.openAuthWindow, fromElsewhere, `${APP_ORIGIN}/`)).rejects.toThrow(
      'refused: the request did not come from an Authbox page',
    );
    expect(openChildWindow).not.toHaveBeenCalled();
  });

  it('opens http and https URLs in the system browser', async () => {
    await invoke(CHANNELS.openExternal, fromApp, 'https://developer.okta.com/docs/');
    await invoke(CHANNELS.openExternal, fromApp, 'http://localhost:3000/');
    expect(electron.shell.openExternal.mock.calls).toEqual([
      ['https://developer.okta.com/docs/'],
      ['http://localhost:3000/'],
    ]);
  });

  it.each([
    ['file:///etc/passwd'],
    ['javascript:alert(1)'],
    ['ms-settings:'],
    ['smb://server/share'],
    ['/relative/path'],
    [''],
    [42],
    [undefined],
    [{ toString: () => 'https://example.com' }],
  ])('rejects %j as a URL to open', async (url) => {
    await expect(invoke(CHANNELS.openExternal, fromApp, url)).rejects.toThrow(
      'openExternal: url must be an http or https URL',
    );
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses requests from pages of another origin or a detached frame', async () => {
    for (const event of [
      { senderFrame: { url: 'https://evil.example/' } },
      { senderFrame: null },
      { senderFrame: { url: 'http://127.0.0.1:7421/' } },
    ]) {
      await expect(invoke(CHANNELS.openExternal, event, 'https://example.com/')).rejects.toThrow(
        'refused: the request did not come from an Authbox page',
      );
      await expect(invoke(CHANNELS.saveFile, event, 'a.json', '{}')).rejects.toThrow('refused');
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('saves a file where the user chose, suggesting the name in the Downloads folder', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/dev/policies.json' });
    const result = await invoke(CHANNELS.saveFile, fromApp, 'policies.json', '{"policies":[]}');
    expect(result).toEqual({ saved: true, path: '/home/dev/policies.json' });
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(parentWindow, {
      defaultPath: '/home/dev/Downloads/policies.json',
      filters: [
        { name: 'JSON file', extensions: ['json'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    expect(writeFile).toHaveBeenCalledWith('/home/dev/policies.json', '{"policies":[]}');
  });

  it('writes nothing when the user cancels the save dialog', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await invoke(CHANNELS.saveFile, fromApp, 'token.txt', 'eyJ...')).toEqual({ saved: false });
    expect(writeFile).not.toHaveBeenCalled();
  });

  it.each([
    [''],
    ['../secrets.json'],
    ['folder/file.json'],
    ['C:\\Windows\\x.dll'],
    ['.'],
    ['..'],
    ['a\u0000b'],
    [7],
    ['x'.repeat(256)],
  ])('rejects %j as a file name before showing a dialog', async (name) => {
    await expect(invoke(CHANNELS.saveFile, fromApp, name, 'text')).rejects.toThrow(/^saveFile: name must be/);
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('rejects contents that are not text or too large', async () => {
    await expect(invoke(CHANNELS.saveFile, fromApp, 'a.bin', new Uint8Array([1, 2]))).rejects.toThrow(
      'saveFile: contents must be a string',
    );
    await expect(invoke(CHANNELS.saveFile, fromApp, 'a.txt', 'x'.repeat(MAX_SAVE_BYTES + 1))).rejects.toThrow(
      'saveFile: contents must be at most 50 MB',
    );
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});
