/**
 * The preload is CommonJS that Electron runs in a sandbox whose `require` knows only a few
 * modules. vi.mock cannot reach a CommonJS `require`, so the test does what the sandbox does: it
 * compiles preload.cts and runs it in a fresh context whose `require` returns the stubbed
 * 'electron' and refuses everything else.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopBridge } from '../../../src-main/contracts/desktop-bridge.js';
import { CHANNELS } from '../../../src-main/electron/ipc.js';
import { fakeElectron } from './fake-electron.js';
import type { FakeElectron } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron());

const source = readFileSync(fileURLToPath(new URL('../../../src-main/electron/preload.cts', import.meta.url)), 'utf8');
const compiled = ts.transpileModule(source, {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
}).outputText;

let electron: FakeElectron;
let required: string[];

function runPreload(): void {
  const module = { exports: {} };
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`module not found: ${id}`);
  };
  runInNewContext(compiled, { require: sandboxRequire, module, exports: module.exports });
}

function exposed(): { key: string; bridge: DesktopBridge } {
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, DesktopBridge];
  return { key, bridge };
}

beforeEach(() => {
  electron = fakeElectron();
  required = [];
  runPreload();
});

describe('preload', () => {
  it('requires nothing but electron, as a sandboxed preload must', () => {
    expect(required).toEqual(['electron']);
  });

  it('exposes window.authbox with only openExternal, saveFile and openAuthWindow', () => {
    const { key, bridge } = exposed();
    expect(key).toBe('authbox');
    expect(Object.keys(bridge).sort()).toEqual(['openAuthWindow', 'openExternal', 'saveFile']);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });

  it('openExternal invokes the channel the main process handles, passing the URL on', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce(undefined);
    await exposed().bridge.openExternal('https://example.com/');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(CHANNELS.openExternal, 'https://example.com/');
  });

  it('openAuthWindow invokes the channel the main process handles, passing the URL on', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce(undefined);
    await exposed().bridge.openAuthWindow('http://127.0.0.1:7420/oauth2/default/v1/authorize');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(
      CHANNELS.openAuthWindow,
      'http://127.0.0.1:7420/oauth2/default/v1/authorize',
    );
  });

  it('saveFile invokes the channel the main process handles and returns its answer', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ saved: true, path: '/tmp/a.json' });
    const result = await exposed().bridge.saveFile('a.json', '{}');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(CHANNELS.saveFile, 'a.json', '{}');
    expect(result).toEqual({ saved: true, path: '/tmp/a.json' });
  });

  it('passes a rejection from the main process on to the page', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('openExternal: url must be an http or https URL'));
    await expect(exposed().bridge.openExternal('file:///etc/passwd')).rejects.toThrow('http or https');
  });
});
