import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Files that mock modules (`vi.mock('electron')`, a mocked create-app) run each in a fresh module
// graph; every other file shares its worker's graph, so fastify, zod and our sources are imported
// once per worker instead of once per file (it halves the CPU time of the integration tests).
const ISOLATED = ['test/unit/electron/**/*.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest's default is one worker less than the cores; the tests mostly wait on sockets and
    // child processes, so on a 2-core CI machine two workers keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', ...ISOLATED],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
