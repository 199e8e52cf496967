/**
 * The built headless entry keeps V8's young generation at its start size under allocation
 * (`--semi-space-growth-factor=1`, set by the launcher), also once a worker thread has started: V8
 * raises that factor back to 2 for the whole process whenever it configures a new isolate's heap, so
 * the scrypt worker (started by the first password set) used to let the server's young generation
 * double again under load. A probe preloaded into the server (`test/support/young-generation-probe.mjs`)
 * allocates on SIGUSR2 and prints the new space's size before and after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCompiledCli, CLI, CliProcess, ROOT } from './cli-process.js';

const TOKEN = 'young-generation-test-token-0123456789';
const PROBE = join(ROOT, 'test/support/young-generation-probe.mjs');
const dataDir = mkdtempSync(join(tmpdir(), 'authbox-young-generation-'));
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

/** Asks the probe to allocate; resolves with the new space's size before and after, and the workers started. */
async function probe(): Promise<{ before: number; after: number; workers: number }> {
  probes += 1;
  process.kill(server.pid!, 'SIGUSR2');
  const [, before, after, workers] = await server.waitForStderr(
    new RegExp(`^young generation ${probes}: before (\\d+) after (\\d+) workers (\\d+)$`),
  );
  return { before: Number(before), after: Number(after), workers: Number(workers) };
}

it('keeps the young generation at its size under allocation, before and after the scrypt worker started', async () => {
  const first = await probe();
  expect(first.workers).toBe(0);
  expect(first.after).toBe(first.before);

  // A user created with a password: its hash starts the scrypt worker thread.
  const created = await fetch(`${origin}/api/v1/users?activate=true`, {
    method: 'POST',
    headers: { authorization: `SSWS ${TOKEN}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      profile: { login: 'young@example.com', email: 'young@example.com', firstName: 'Y', lastName: 'G' },
      credentials: { password: { value: 'Young-Passw0rd!' } },
    }),
  });
  expect(created.status).toBe(200);

  const second = await probe();
  expect(second.workers).toBe(1);
  expect(second.after).toBe(first.before);
}, 60_000);
