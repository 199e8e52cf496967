import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Files that must each run in a fresh module graph (`isolate: true`): any file that replaces a
 * module or the environment (`vi.mock`, `vi.doMock`, `vi.stubEnv`, `vi.stubGlobal`,
 * `vi.resetModules`; found by reading the files, so a new one is isolated without being listed),
 * and the files below, which assert on state a module keeps for the whole process (the scrypt
 * worker thread, the signing-key cache) or start child processes whose environment they build.
 * Every other file runs in one shared worker with `isolate: false`: the modules are evaluated
 * once instead of once per file (vitest.dev/config/isolate). Those files share no state but
 * constants and caches keyed by content: each test starts its own app on its own temp folder,
 * creates its own store, and restores the spies and timers it changes.
 */
const ISOLATED_PATTERNS = [
  'test/unit/electron/**/*.test.ts',
  'test/unit/app/scrypt-worker.test.ts',
  'test/unit/app/node-crypto.test.ts',
  'test/unit/scripts/**/*.test.ts',
  'test/integration/cli/**/*.test.ts',
];
const REPLACES_MODULES = /\bvi\s*\.\s*(mock|doMock|unmock|stubEnv|stubGlobal|resetModules)\s*\(/;
const TEST_ROOT = join(import.meta.dirname, 'test');
const isolatedByContent = readdirSync(TEST_ROOT, { recursive: true, encoding: 'utf8' })
  .map((file) => file.split('\\').join('/'))
  .filter((file) => file.endsWith('.test.ts') && !file.startsWith('e2e/'))
  .filter((file) => REPLACES_MODULES.test(readFileSync(join(TEST_ROOT, file), 'utf8')))
  .map((file) => `test/${file}`);
const ISOLATED = [...ISOLATED_PATTERNS, ...isolatedByContent];

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ISOLATED,
          isolate: true,
        },
      },
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', ...ISOLATED],
          isolate: false,
        },
      },
    ],
  },
});
