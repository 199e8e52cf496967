/**
 * Starts the real headless Authbox (`dist/main/app/cli.js`) on port 0 with a fresh data folder and
 * a random admin token, and stops it with SIGTERM. Needs `npm run build` (main + renderer) first.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../../dist/main/app/cli.js', import.meta.url));
const UI = fileURLToPath(new URL('../../../dist/renderer/index.html', import.meta.url));
// Generous: on a loaded machine (CI shares its cores) a start has taken over 20 s.
const START_TIMEOUT_MS = 60_000;

export interface Authbox {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  token: string;
  /** The address the server prints: the UI with the token in the fragment. */
  uiUrl: string;
  /** Calls the management API with the admin token (JSON in, parsed JSON out). */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

/** Resolves with the origin from the `listening on` line; rejects if the process exits or stays silent. */
function waitForListening(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => fail(`did not report "listening on" within ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS,
    );
    const onExit = (code: number | null) => fail(`exited with code ${code} before listening`);
    function fail(why: string) {
      clearTimeout(timer);
      lines.close();
      child.off('exit', onExit);
      reject(new Error(`Authbox ${why}. stderr: ${stderr() || '(empty)'}`));
    }
    child.once('exit', onExit);
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      lines.close();
      resolve(match[1]);
    });
  });
}

/** `args`: more CLI flags, e.g. `['--demo']`. */
export async function startAuthbox(options: { args?: string[] } = {}): Promise<Authbox> {
  if (!existsSync(CLI) || !existsSync(UI)) {
    throw new Error('Authbox is not built: run `npm run build` (dist/main and dist/renderer) before the e2e tests');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'authbox-e2e-'));
  const token = randomBytes(18).toString('base64url');
  // `--admin-token=<token>`: a base64url token may start with '-', which node's parseArgs refuses as a separate argument.
  const child = spawn(
    process.execPath,
    [CLI, '--port', '0', '--data', dataDir, `--admin-token=${token}`, ...(options.args ?? [])],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const cleanUp = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };

  let origin: string;
  try {
    origin = await waitForListening(child, () => stderr);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    origin,
    port: Number(new URL(origin).port),
    token,
    uiUrl: `${origin}/#token=${encodeURIComponent(token)}`,
    async api<T>(method: string, path: string, body?: unknown) {
      const response = await fetch(`${origin}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          authorization: `SSWS ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    stop: cleanUp,
  };
}
