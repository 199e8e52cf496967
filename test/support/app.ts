/**
 * Starts the real Authbox on port 0 with a temporary data folder, as every integration test does.
 * `restart()` reopens the same folder; `close()` stops and removes it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src-main/app/create-app.js';
import type { AppOptions, RunningApp } from '../../src-main/app/create-app.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestApp {
  app: RunningApp;
  dataDir: string;
  origin: string;
  /** fetch against the app with the admin token and JSON content type set. */
  api(path: string, init?: RequestInit): Promise<Response>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestApp(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'authbox-test-'));
  const start = () => createApp({ port: 0, adminToken: ADMIN_TOKEN, ...options, dataDir });
  const state: TestApp = {
    app: await start(),
    dataDir,
    get origin() {
      return this.app.origin;
    },
    api(path, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', `SSWS ${ADMIN_TOKEN}`);
      if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
      headers.set('accept', 'application/json');
      return fetch(`${this.app.origin}${path}`, { ...init, headers });
    },
    async restart() {
      await this.app.close();
      this.app = await start();
    },
    async close() {
      await this.app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return state;
}
