/**
 * The built headless entry's code cache stays usable when a worker thread started before it was made:
 * the scrypt worker starts with the first password set, often in a start's first second, before the
 * cache is written. V8 made that cache under another flag hash than a start's (the launcher sets a V8
 * flag at run time), so every later start refused it, compiled the bundle and wrote it again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCompiledCli, CLI, CliProcess, createUserWithPassword, ROOT } from './cli-process.js';

const CACHE = join(ROOT, 'dist/main/app/cli-bundle.cache');
const TOKEN = 'code-cache-worker-test-token-0123456789';
const dataDir = mkdtempSync(join(tmpdir(), 'authbox-cache-worker-'));

beforeAll(() => buildCompiledCli(), 240_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('keeps a cache written after the scrypt worker started usable by the next start', async () => {
  rmSync(CACHE, { force: true });
  const server = new CliProcess(
    CLI,
    ['--host', '127.0.0.1', '--port', '0', '--data', dataDir],
    { ...process.env, AUTHBOX_ADMIN_TOKEN: TOKEN },
    ROOT,
  );
  try {
    const [, origin = ''] = await server.waitForLine(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const created = await createUserWithPassword(origin, TOKEN, 'cache@example.com', 'Cache-Passw0rd!');
    expect(created.status).toBe(200);
    // Stopped before the cache's timer: it is written at exit, after the worker started.
    await server.stop('SIGTERM');
  } finally {
    await server.kill();
  }
  expect(existsSync(CACHE)).toBe(true);
  const written = statSync(CACHE);
  const run = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8', timeout: 30_000 });
  expect(run.status).toBe(0);
  // A refused cache is written again through a new file renamed over it: another inode.
  expect(statSync(CACHE).ino).toBe(written.ino);
});
