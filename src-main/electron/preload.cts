/**
 * Preload of the sandboxed renderer: exposes `window.authbox` (contracts/desktop-bridge.ts) and
 * nothing else. A sandboxed preload is CommonJS and may require only 'electron' (no local files),
 * so the channel table is written out here and checked against the contract's types.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandboxed preload is CommonJS
import electron = require('electron');
import type { DesktopBridge, DesktopBridgeChannels, DesktopBridgeKey } from '../contracts/desktop-bridge.js';

const KEY: DesktopBridgeKey = 'authbox';
const CHANNELS: DesktopBridgeChannels = {
  openExternal: 'authbox:open-external',
  saveFile: 'authbox:save-file',
  openAuthWindow: 'authbox:open-auth-window',
};

// Each method passes plain values on and returns the main process's answer; no Electron object
// (ipcRenderer, events) reaches the page.
const bridge: DesktopBridge = {
  openExternal: (url) => electron.ipcRenderer.invoke(CHANNELS.openExternal, url),
  saveFile: (name, contents) => electron.ipcRenderer.invoke(CHANNELS.saveFile, name, contents),
  openAuthWindow: (url) => electron.ipcRenderer.invoke(CHANNELS.openAuthWindow, url),
};

electron.contextBridge.exposeInMainWorld(KEY, bridge);
