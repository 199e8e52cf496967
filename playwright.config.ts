import { defineConfig } from '@playwright/test';

// Playwright cannot download browsers here: Debian's chromium is driven instead (STACK.md).
// Each test gets an Authbox of its own or one shared per spec file and reset (test/e2e/fixtures.ts);
// `npm run build` must have run first.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    viewport: { width: 1280, height: 800 },
    // A failed test keeps its trace (actions, DOM snapshots, network, console) without the screencast:
    // recording screenshots of every test cost a fifth of the suite's CPU, on a machine the tests saturate.
    trace: { mode: 'retain-on-failure', screenshots: false },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
