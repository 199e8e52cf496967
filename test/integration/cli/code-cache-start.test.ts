/**
 * The built headless entry (`dist/main/app/cli.js`) runs its bundle through V8's code cache: the
 * first start writes `cli-bundle.cache`, and the next start uses it rather than compiling again.
 * V8 refuses a cache made under other V8 flags, so a flag the entry sets after loading the bundle
 * (it once set `--semi-space-growth-factor` there) made every start refuse the cache and write it again.
 * A cache written at the exit of a short run (`--help`) lacks what a server runs: the next start
 * that serves replaces it a second in.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildCompiledCli, CLI, CliProcess, ROOT, WAIT_MS } from './cli-process.js';

const CACHE = join(ROOT, 'dist/main/app/cli-bundle.cache');

beforeAll(() => buildCompiledCli(), 240_000);

/** How the cache was written (its third line): `early` at the exit of a short run, `complete` a second in. */
const cacheKind = () => (existsSync(CACHE) ? readFileSync(CACHE, 'latin1').split('\n')[2] : undefined);

/** Resolves once `done()` holds, checking as the process writes; fails after WAIT_MS. */
async function waitFor(done: () => boolean): Promise<void> {
  const until = Date.now() + WAIT_MS;
  while (!done()) {
    if (Date.now() > until) throw new Error(`the cache is still ${cacheKind()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

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

it('replaces the early cache a --help run wrote with the one a serving start writes a second in', async () => {
  rmSync(CACHE, { force: true });
  startOnce();
  expect(cacheKind()).toBe('early');
  const folder = mkdtempSync(join(tmpdir(), 'authbox-code-cache-'));
  const cli = new CliProcess(CLI, ['--port', '0', '--data', join(folder, 'data')], process.env, ROOT);
  try {
    await cli.waitForLine(/^Authbox listening on /);
    await waitFor(() => cacheKind() === 'complete');
  } finally {
    await cli.kill();
    rmSync(folder, { recursive: true, force: true });
  }
});
