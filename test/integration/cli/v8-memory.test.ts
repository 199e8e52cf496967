/**
 * The built headless entry runs the server under the V8 heap settings of `src-main/app/v8-memory.ts`,
 * also once a worker thread has started: V8 raises the young generation's growth factor back to 2
 * for the whole process whenever it configures a new isolate's heap, so the scrypt worker (started by
 * the first password set) used to let the server's young generation double again under load, to 32
 * MiB. A probe preloaded into the server (`test/support/young-generation-probe.mjs`) allocates on
 * SIGUSR2 and prints the new space's size before and after, and V8's flag hash.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { START_FLAGS, YOUNG_GENERATION_CAP } from '../../../src-main/app/v8-memory.js';
import { buildCompiledCli, CLI, CliProcess, createUserWithPassword, ROOT } from './cli-process.js';

const TOKEN = 'v8-memory-test-token-0123456789';
const PROBE = join(ROOT, 'test/support/young-generation-probe.mjs');
const dataDir = mkdtempSync(join(tmpdir(), 'authbox-v8-memory-'));
let server: CliProcess;
let origin: string;

beforeAll(async () => {
  buildCompiledCli();
  server = new CliProcess(
    CLI,
    ['--host', '127.0.0.1', '--port', '0', '--data', dataDir],
    { ...process.env, AUTHBOX_ADMIN_TOKEN: TOKEN, NODE_OPTIONS: `--import ${PROBE}` },
    ROOT,
  );
  [, origin = ''] = await server.waitForLine(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
}, 240_000);

afterAll(async () => {
  await server.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

let probes = 0;

/** Asks the probe to allocate; resolves with what it printed. */
async function probe(): Promise<{ before: number; after: number; workers: number; tag: number }> {
  probes += 1;
  process.kill(server.pid!, 'SIGUSR2');
  const [, before, after, workers, tag] = await server.waitForStderr(
    new RegExp(`^young generation ${probes}: before (\\d+) after (\\d+) workers (\\d+) tag (\\d+)$`),
    30_000,
  );
  return { before: Number(before), after: Number(after), workers: Number(workers), tag: Number(tag) };
}

/** V8's flag hash in a plain Node process after `flags` were set at run time. */
function tagUnder(flags: string): number {
  const script = `const v8 = require('node:v8'); v8.setFlagsFromString(process.argv[1]); console.log(v8.cachedDataVersionTag());`;
  const run = spawnSync(process.execPath, ['-e', script, '--', flags], { encoding: 'utf8' });
  return Number(run.stdout.trim());
}

it('lets the young generation grow to its cap and no further, before and after the scrypt worker started', async () => {
  const first = await probe();
  expect(first.workers).toBe(0);
  // The stop is set after a collection's entry reaches the observer: collections that come faster
  // than that may double it once more, never up to V8's own 32 MiB.
  const withinCap = (bytes: number) => {
    expect(bytes).toBeGreaterThanOrEqual(YOUNG_GENERATION_CAP);
    expect(bytes).toBeLessThanOrEqual(2 * YOUNG_GENERATION_CAP);
  };
  withinCap(first.after);

  // A user created with a password: its hash starts the scrypt worker thread.
  const created = await createUserWithPassword(origin, TOKEN, 'young@example.com', 'Young-Passw0rd!');
  expect(created.status).toBe(200);

  const second = await probe();
  expect(second.workers).toBe(1);
  withinCap(second.after);
  // The old generation's growth (--heap-growing-percent) and the young generation's stop in effect.
  expect(second.tag).toBe(tagUnder(`${START_FLAGS} --semi-space-growth-factor=1`));
}, 120_000);
