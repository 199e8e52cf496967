/**
 * Runs the compiled headless CLI as a child process and reads its output line by line, so tests
 * wait for what the CLI prints rather than for time to pass.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export const WAIT_MS = 15_000;
export const ROOT = resolve(import.meta.dirname, '../../..');
export const CLI = join(ROOT, 'dist/main/app/cli.js');

/**
 * A user created ACTIVE with `password` through the management API of a started CLI; hashing the
 * password starts the server's scrypt worker thread.
 */
export function createUserWithPassword(
  origin: string,
  token: string,
  login: string,
  password: string,
): Promise<Response> {
  return fetch(`${origin}/api/v1/users?activate=true`, {
    method: 'POST',
    headers: { authorization: `SSWS ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      profile: { login, email: login, firstName: login[0]!.toUpperCase(), lastName: login[0]!.toUpperCase() },
      credentials: { password: { value: password } },
    }),
  });
}

/** One build per test file: the CLI under test is the compiled one, as `npm run serve` runs it. */
export function buildCompiledCli(): void {
  // `npm test` builds before vitest runs and says so; run alone, the tests compile it themselves.
  if (process.env['AUTHBOX_BUILT'] === '1' && existsSync(CLI)) return;
  const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.main.json'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (build.status !== 0 && !existsSync(CLI)) {
    throw new Error(`tsc -p tsconfig.main.json failed:\n${build.stdout}${build.stderr}`);
  }
  if (build.status !== 0) console.warn(`tsc reported errors but emitted ${CLI}:\n${build.stdout}`);
  // As `npm run build:main` ships it: the entry bundled with its dependencies (scripts/bundle-cli.mjs).
  const bundle = spawnSync(process.execPath, ['scripts/bundle-cli.mjs'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (bundle.status !== 0) throw new Error(`scripts/bundle-cli.mjs failed:\n${bundle.stdout}${bundle.stderr}`);
}

export class CliProcess {
  readonly stdoutLines: string[] = [];
  stderr = '';
  readonly exited: Promise<Exit>;
  private exitInfo: Exit | undefined;
  private readonly child: ChildProcess;
  private readonly watchers = new Set<() => void>();

  constructor(script: string, args: string[], env: NodeJS.ProcessEnv, cwd: string) {
    this.child = spawn(process.execPath, [script, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      this.stdoutLines.push(line);
      this.notify();
    });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
      this.notify();
    });
    this.exited = new Promise((resolve) => {
      // 'close' fires after the output streams end, so every line has been read by then.
      this.child.on('close', (code, signal) => {
        this.exitInfo = { code, signal };
        this.notify();
        resolve(this.exitInfo);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exitInfo === undefined;
  }

  get stderrLines(): string[] {
    return this.stderr.split('\n').filter((line) => line !== '');
  }

  /** Resolves with the first stdout line matching `pattern`; rejects if the process exits first or on timeout. */
  waitForLine(pattern: RegExp, timeoutMs = WAIT_MS): Promise<RegExpMatchArray> {
    return this.waitUntil(
      () => {
        for (const line of this.stdoutLines) {
          const match = line.match(pattern);
          if (match) return match;
        }
        return undefined;
      },
      `a stdout line matching ${pattern}`,
      timeoutMs,
    );
  }

  /** Resolves once stderr holds a line matching `pattern`. */
  waitForStderr(pattern: RegExp, timeoutMs = WAIT_MS): Promise<RegExpMatchArray> {
    return this.waitUntil(
      () => this.stderrLines.map((line) => line.match(pattern)).find((m) => m) ?? undefined,
      `a stderr line matching ${pattern}`,
      timeoutMs,
    );
  }

  /** Waits for the process to end by itself. */
  waitForExit(timeoutMs = WAIT_MS): Promise<Exit> {
    return this.waitUntil(() => this.exitInfo, 'the process to exit', timeoutMs, false);
  }

  /** Sends `signal` and waits for the exit. */
  async stop(signal: NodeJS.Signals, timeoutMs = WAIT_MS): Promise<Exit> {
    this.child.kill(signal);
    return this.waitForExit(timeoutMs);
  }

  /** Kills the process if it is still running (test clean-up). */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  private notify(): void {
    for (const watcher of [...this.watchers]) watcher();
  }

  private waitUntil<T>(check: () => T | undefined, what: string, timeoutMs: number, failOnExit = true): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.watchers.delete(watcher);
      };
      const describe = () => `\nstdout:\n${this.stdoutLines.join('\n')}\nstderr:\n${this.stderr}`;
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${describe()}`));
      }, timeoutMs);
      const watcher = () => {
        const found = check();
        if (found !== undefined) {
          done();
          resolve(found);
        } else if (failOnExit && this.exitInfo) {
          done();
          reject(new Error(`exited (${JSON.stringify(this.exitInfo)}) before ${what}${describe()}`));
        }
      };
      this.watchers.add(watcher);
      watcher();
    });
  }
}
