/**
 * Main-process side of the desktop bridge (see contracts/desktop-bridge.ts). Every argument comes
 * from web content, so each handler checks who sent it and what it is before acting
 * (Electron security checklist: "validate the sender of all IPC messages").
 */
import { extname, join } from 'node:path';
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, SaveDialogOptions, Shell } from 'electron';
import type { DesktopBridgeChannels, SaveFileResult } from '../contracts/desktop-bridge.js';

export const CHANNELS: DesktopBridgeChannels = {
  openExternal: 'authbox:open-external',
  saveFile: 'authbox:save-file',
  openAuthWindow: 'authbox:open-auth-window',
};

/** Text files the UI exports (a policy set, a token, the event log) stay far below this. */
export const MAX_SAVE_BYTES = 50 * 1024 * 1024;

export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Whether `url` belongs to the app's own origin (`http://127.0.0.1:<port>`). */
export function isAppOrigin(url: string | undefined, appOrigin: string): boolean {
  if (!url) return false;
  try {
    return new URL(url).origin === new URL(appOrigin).origin;
  } catch {
    return false;
  }
}

/** A plain file name for the save dialog: no folders, no control characters, not `.` or `..`. */
export function checkFileName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) {
    throw new Error('saveFile: name must be a file name of 1 to 255 characters');
  }
  // eslint-disable-next-line no-control-regex
  if (/[/\\\u0000-\u001f]/.test(name) || name === '.' || name === '..') {
    throw new Error('saveFile: name must be a plain file name without folders or control characters');
  }
  return name;
}

export function checkContents(contents: unknown): string {
  if (typeof contents !== 'string') throw new Error('saveFile: contents must be a string');
  if (Buffer.byteLength(contents, 'utf8') > MAX_SAVE_BYTES) {
    throw new Error(`saveFile: contents must be at most ${MAX_SAVE_BYTES / 1024 / 1024} MB`);
  }
  return contents;
}

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  shell: Pick<Shell, 'openExternal'>;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** The window a request came from, to parent the save dialog. */
  windowOf: (event: IpcMainInvokeEvent) => BrowserWindow | null;
  writeFile: (path: string, contents: string) => Promise<void>;
  /** Folder the save dialog opens in (the user's Downloads). */
  defaultFolder: () => string;
  /** `http://127.0.0.1:<port>`: only pages of this origin may use the bridge. */
  appOrigin: string;
  /** Opens `url` in a child window of `parent` (the Flow Runner's sign-in window). */
  openChildWindow: (parent: BrowserWindow | null, url: string) => void;
}

function checkSender(event: IpcMainInvokeEvent, appOrigin: string): void {
  if (!isAppOrigin(event.senderFrame?.url, appOrigin)) {
    throw new Error('refused: the request did not come from an Authbox page');
  }
}

function saveDialogOptions(folder: string, name: string): SaveDialogOptions {
  const extension = extname(name).slice(1);
  const filters = extension ? [{ name: `${extension.toUpperCase()} file`, extensions: [extension] }] : [];
  return { defaultPath: join(folder, name), filters: [...filters, { name: 'All files', extensions: ['*'] }] };
}

export async function openExternalHandler(deps: IpcDeps, event: IpcMainInvokeEvent, url: unknown): Promise<void> {
  checkSender(event, deps.appOrigin);
  if (!isHttpUrl(url)) throw new Error('openExternal: url must be an http or https URL');
  await deps.shell.openExternal(url);
}

export async function saveFileHandler(
  deps: IpcDeps,
  event: IpcMainInvokeEvent,
  name: unknown,
  contents: unknown,
): Promise<SaveFileResult> {
  checkSender(event, deps.appOrigin);
  const fileName = checkFileName(name);
  const text = checkContents(contents);
  const options = saveDialogOptions(deps.defaultFolder(), fileName);
  const parent = deps.windowOf(event);
  const choice = parent ? await deps.dialog.showSaveDialog(parent, options) : await deps.dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false };
  await deps.writeFile(choice.filePath, text);
  return { saved: true, path: choice.filePath };
}

/**
 * Opens a Flow Runner sign-in URL in a child window. Only the app's own pages (its authorize and
 * device verification pages) may be opened, so the bridge cannot become a general browser.
 */
export async function openAuthWindowHandler(deps: IpcDeps, event: IpcMainInvokeEvent, url: unknown): Promise<void> {
  checkSender(event, deps.appOrigin);
  if (typeof url !== 'string' || !isAppOrigin(url, deps.appOrigin))
    throw new Error(`openAuthWindow: url must be a page of ${deps.appOrigin}`);
  deps.openChildWindow(deps.windowOf(event), url);
}

/** Registers the bridge's handlers; call once per process. */
export function registerDesktopIpc(deps: IpcDeps): void {
  deps.ipcMain.handle(CHANNELS.openExternal, (event, url: unknown) => openExternalHandler(deps, event, url));
  deps.ipcMain.handle(CHANNELS.saveFile, (event, name: unknown, contents: unknown) =>
    saveFileHandler(deps, event, name, contents),
  );
  deps.ipcMain.handle(CHANNELS.openAuthWindow, (event, url: unknown) => openAuthWindowHandler(deps, event, url));
}
