/**
 * Every e2e test gets its own real Authbox (see support/authbox-process.ts), stopped after the test,
 * and fails if the page threw or logged an error (a CSP violation or a React warning shows up here).
 */
import { test as base, expect } from '@playwright/test';
import { startAuthbox } from './support/authbox-process.js';
import type { Authbox } from './support/authbox-process.js';

export type { Authbox };

// Chromium logs every non-2xx fetch ("Failed to load resource … 401"); those are expected answers.
const EXPECTED_CONSOLE_ERRORS = /^Failed to load resource: the server responded with a status of (400|401|403|404|409)/;

export const test = base.extend<{ authbox: Authbox }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
  authbox: async ({}, use) => {
    const authbox = await startAuthbox();
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
