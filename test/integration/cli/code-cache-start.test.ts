/**
 * The built headless entry (`dist/main/app/cli.js`) runs its bundle through V8's code cache: the
 * first start writes `cli-bundle.cache`, and the next start uses it rather than compiling again.
 * V8 refuses a cache made under other V8 flags, so a flag the entry sets after loading the bundle
 * (it once set `--semi-space-growth-factor` there) made every start refuse the cache and write it again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildCompiledCli, CLI, ROOT } from './cli-process.js';

const CACHE = join(ROOT, 'dist/main/app/cli-bundle.cache');

beforeAll(() => buildCompiledCli(), 240_000);

/** One start that prints the usage and exits (the cache is saved at exit when it was not used). */
function startOnce(): void {
  const run = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8', timeout: 30_000 });
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('--data');
}

it('writes the code cache on the first start and uses it, unchanged, on the next', () => {
  rmSync(CACHE, { force: true });
  startOnce();
  expect(existsSync(CACHE)).toBe(true);
  const written = statSync(CACHE);
  startOnce();
  // A refused cache is written again through a new file renamed over it: another inode.
  const after = statSync(CACHE);
  expect(after.ino).toBe(written.ino);
  expect(after.mtimeMs).toBe(written.mtimeMs);
});
