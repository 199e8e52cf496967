/**
 * The lifecycle around the real createApp (port 0, a temp data folder, the Node build of
 * better-sqlite3 as the "native binding"): what the desktop app starts answers HTTP, and quitting
 * closes it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../src-main/app/create-app.js';
import { runDesktop } from '../../../src-main/electron/lifecycle.js';
import type { LifecycleDeps } from '../../../src-main/electron/lifecycle.js';
import { FakeApp, FakeBrowserWindow } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron());

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const nodeBuild = join(repo, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('desktop lifecycle with the real server', () => {
  it('serves the default authorization server from the userData folder, and stops serving after quit', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'authbox-desktop-'));
    folders.push(userData);
    const app = new FakeApp();
    app.setPath('userData', userData);
    const deps = {
      app,
      dialog: { showErrorBox: vi.fn() },
      createApp,
      onStarted: vi.fn(),
      openWindow: () => new FakeBrowserWindow({}),
      portSetting: '0',
      nativeBinding: nodeBuild,
      platform: 'linux',
      logError: vi.fn(),
      keychain: () => undefined,
    };
    const desktop = runDesktop(deps as unknown as LifecycleDeps);
    app.becomeReady();
    const running = await desktop.started;
    expect(deps.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(running!.port).toBeGreaterThan(0);
    expect(running!.uiUrl).toBe(`http://127.0.0.1:${running!.port}/#token=${encodeURIComponent(running!.adminToken)}`);

    const metadata = await fetch(`${running!.origin}/oauth2/default/.well-known/openid-configuration`);
    expect(metadata.status).toBe(200);
    expect(((await metadata.json()) as { issuer: string }).issuer).toBe(`${running!.origin}/oauth2/default`);

    app.quit();
    await vi.waitFor(() => expect(app.quitted).toBe(true));
    await expect(fetch(`${running!.origin}/oauth2/default/.well-known/openid-configuration`)).rejects.toThrow();
  });

  it('shows a port already in use in the error dialog', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'authbox-desktop-'));
    folders.push(userData);
    const holder = await createApp({ dataDir: join(userData, 'other'), port: 0 });
    try {
      const app = new FakeApp();
      app.setPath('userData', userData);
      const dialog = { showErrorBox: vi.fn() };
      const desktop = runDesktop({
        app,
        dialog,
        createApp,
        onStarted: vi.fn(),
        openWindow: () => new FakeBrowserWindow({}),
        portSetting: String(holder.port),
        nativeBinding: nodeBuild,
        platform: 'linux',
        logError: vi.fn(),
        keychain: () => undefined,
      } as unknown as LifecycleDeps);
      app.becomeReady();
      expect(await desktop.started).toBeUndefined();
      expect(dialog.showErrorBox.mock.calls[0]![1]).toContain(`port ${holder.port} on 127.0.0.1 is already in use`);
      expect(app.exit).toHaveBeenCalledWith(1);
    } finally {
      await holder.close();
    }
  });
});
