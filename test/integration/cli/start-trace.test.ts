/**
 * `AUTHBOX_TRACE_START=1` prints each step of a start on stderr, the built launcher's steps (the bundle
 * read, compiled with or without the code cache) before the server's, each with its time and CPU time;
 * without it a start prints none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLI, CliProcess, ROOT, buildCompiledCli } from './cli-process.js';

const STEP = /^authbox start: [\d.]+ ms, CPU [\d.]+ ms: (.+)$/;
let folder: string;

beforeAll(() => {
  buildCompiledCli();
  folder = mkdtempSync(join(tmpdir(), 'authbox-start-trace-'));
}, 240_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function startAndStop(env: NodeJS.ProcessEnv): Promise<string[]> {
  const cli = new CliProcess(CLI, ['--port', '0', '--data', join(folder, 'data')], env, ROOT);
  try {
    await cli.waitForLine(/^Authbox listening on /);
    expect((await cli.stop('SIGTERM')).code).toBe(0);
    return cli.stderrLines;
  } finally {
    await cli.kill();
  }
}

it('prints the launcher steps, then the server steps, in order, only when asked', async () => {
  const steps = (await startAndStop({ ...process.env, AUTHBOX_TRACE_START: '1' }))
    .map((line) => STEP.exec(line)?.[1])
    .filter((step) => step !== undefined);
  expect(steps.slice(0, 4)).toEqual([
    'launcher started',
    'bundle read',
    expect.stringMatching(/^bundle compiled \(code cache (used, (complete|early)|not used)\)$/),
    'modules loaded',
  ]);
  expect(steps.at(-1)).toBe('listening');
  expect(steps).toEqual(expect.arrayContaining(['database opened', 'http server built']));

  const quiet = { ...process.env };
  delete quiet['AUTHBOX_TRACE_START'];
  expect((await startAndStop(quiet)).filter((line) => line.startsWith('authbox start:'))).toEqual([]);
});
