/**
 * Every e2e test gets a real Authbox (see support/authbox-process.ts) and fails if the page threw or
 * logged an error (a CSP violation or a React warning shows up here).
 *
 * By default each test starts its own Authbox and stops it after the test. A spec file whose tests
 * only need a fresh sandbox can share one Authbox per file and worker instead:
 * `test.use({ authboxPerFile: true })`. Before each of its tests but the first, the shared server is
 * reset to the state it started in: the export taken right after the start (with the signing keys)
 * is imported with `mode=replace` (docs/sandbox-document.md), which also empties the event log,
 * sessions and flow runs. What a replace keeps (the settings table: admin token, org id, lockout
 * threshold) and what lives in memory (failure throttles) carries over, so a file that changes
 * those keeps the default.
 */
import { test as base, expect } from '@playwright/test';
import type { TestInfo } from '@playwright/test';
import { startAuthbox } from './support/authbox-process.js';
import type { Authbox } from './support/authbox-process.js';

export type { Authbox };

// Chromium logs every non-2xx fetch ("Failed to load resource … 401"); those are expected answers.
const EXPECTED_CONSOLE_ERRORS = /^Failed to load resource: the server responded with a status of (400|401|403|404|409)/;

/** Starts an Authbox; the time the start took is added to the test's timeout, which is for the test's own steps. */
async function startTimed(testInfo: TestInfo): Promise<Authbox> {
  const started = Date.now();
  const authbox = await startAuthbox();
  testInfo.setTimeout(testInfo.timeout + (Date.now() - started));
  return authbox;
}

/** The Authbox a worker keeps for the spec file it is running, and that file's starting state. */
class AuthboxPerFile {
  private current: { file: string; authbox: Authbox; initial: string; used: boolean } | undefined;

  /** The file's Authbox, started on its first test and reset to its starting state before the others. */
  async for(file: string, testInfo: TestInfo): Promise<Authbox> {
    if (this.current?.file !== file) {
      await this.stop();
      const authbox = await startTimed(testInfo);
      const exported = await fetch(`${authbox.origin}/api/sandbox/v1/export?withKeys=true`, {
        headers: { authorization: `SSWS ${authbox.token}` },
      });
      if (exported.status !== 200) throw new Error(`export for the reset answered ${exported.status}`);
      this.current = { file, authbox, initial: await exported.text(), used: false };
    } else if (this.current.used) {
      await this.reset(this.current.authbox, this.current.initial);
    }
    this.current.used = true;
    return this.current.authbox;
  }

  async stop(): Promise<void> {
    const authbox = this.current?.authbox;
    this.current = undefined;
    await authbox?.stop();
  }

  private async reset(authbox: Authbox, initial: string): Promise<void> {
    const response = await fetch(`${authbox.origin}/api/sandbox/v1/import?mode=replace`, {
      method: 'POST',
      headers: { authorization: `SSWS ${authbox.token}`, 'content-type': 'application/json' },
      body: initial,
    });
    if (response.status !== 200) throw new Error(`reset answered ${response.status}: ${await response.text()}`);
  }
}

export const test = base.extend<{ authbox: Authbox; authboxPerFile: boolean }, { perFile: AuthboxPerFile }>({
  authboxPerFile: [false, { option: true }],
  perFile: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
    async ({}, use) => {
      const perFile = new AuthboxPerFile();
      try {
        await use(perFile);
      } finally {
        await perFile.stop();
      }
    },
    { scope: 'worker' },
  ],
  authbox: async ({ authboxPerFile, perFile }, use, testInfo) => {
    if (authboxPerFile) {
      await use(await perFile.for(testInfo.file, testInfo));
      return;
    }
    const authbox = await startTimed(testInfo);
    try {
      await use(authbox);
    } finally {
      await authbox.stop();
    }
  },
  // The page depends on its Authbox so that the check below runs while the server is still up: a
  // request the page starts as the test ends (a debounced expression check) must not count as an error.
  page: async ({ page, authbox: _authbox }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !EXPECTED_CONSOLE_ERRORS.test(message.text()))
        problems.push(`console: ${message.text()}`);
    });
    await use(page);
    expect(problems, 'errors the page reported').toEqual([]);
  },
});

export { expect };
