// The parts of `npm run bench` that start servers and drive them: each server runs pinned to core 0 and
// the load generator (autocannon, in its own process) to core 1 where `taskset` exists, so the two do not
// share a core; start-up time is measured from spawn to the first discovery answer (asked with node:http:
// the bench's first `fetch` would load undici, some 30-60 ms counted against whichever server it asked
// first); memory is read from
// /proc (VmRSS now, VmHWM the peak over the process's life).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { root } from './build-if-stale.mjs';

/** The one client the reference server knows. */
export const REFERENCE_CLIENT = { id: '0oaREFERENCE00000001', secret: 'reference-secret-reference-secret-1234' };

const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((path) => existsSync(path));
const AUTOCANNON = join(root, 'node_modules/autocannon/autocannon.js');
export const pinned = Boolean(TASKSET);

/** `argv` run under `taskset -c <core>` when it exists (same pid: taskset execs the command). */
function onCore(core, argv) {
  return TASKSET ? [TASKSET, ['-c', String(core), ...argv]] : [argv[0], argv.slice(1)];
}

/**
 * Spawns a server on core 0 and resolves once it answered `readyPath` (a discovery document):
 * `startMs` is the time from spawn to that answer.
 */
export function startServer(argv, readyPath) {
  const started = process.hrtime.bigint();
  const [command, args] = onCore(0, argv);
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', async (line) => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (!match) return;
      try {
        const status = await statusOf(`${match[1]}${readyPath}`);
        if (status !== 200) throw new Error(`${readyPath} answered ${status}`);
        resolve({ child, origin: match[1], startMs: Number(process.hrtime.bigint() - started) / 1e6 });
      } catch (error) {
        reject(error);
      }
    });
    child.once('exit', (code) => reject(new Error(`${argv.join(' ')} exited (${code}) before it was ready`)));
  });
}

/** The status of a GET, its body read to the end. */
function statusOf(url) {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode));
    }).once('error', reject);
  });
}

export async function stopServer(server) {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** Resident memory of a running server in MiB: `now` and `peak` (the high-water mark). */
export function memoryOf(server) {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { now: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/**
 * CPU time the server has used so far, in ms (utime + stime of /proc/<pid>/stat, in clock ticks of
 * 10 ms). CPU per request does not depend on what else the machine runs, unlike requests per second.
 */
export function cpuMsOf(server) {
  const fields = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * One autocannon run on core 1: `connections` for `seconds`; every answer must be a 2xx.
 * Returns requests per second, p50, p99 and max in ms.
 */
export function load({ url, method = 'GET', headers = {}, body, connections, seconds }) {
  const args = [process.execPath, AUTOCANNON, '--json', '-c', String(connections), '-d', String(seconds)];
  args.push('-m', method);
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  if (body !== undefined) args.push('-b', body);
  args.push(url);
  const [command, rest] = onCore(1, args);
  const run = spawnSync(command, rest, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`autocannon failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout);
  const answered = result.requests.total;
  const wrong = result.non2xx + result.errors + result.timeouts;
  if (wrong > 0) throw new Error(`${method} ${url}: ${wrong} of ${answered} answers were not 2xx`);
  return {
    perSecond: answered / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
  };
}

/** The median of each field over rounds. */
export function median(rows) {
  const pick = (key) => {
    const values = rows.map((r) => r[key]).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)];
  };
  return Object.fromEntries(Object.keys(rows[0]).map((key) => [key, pick(key)]));
}

/** Latency percentiles (ms) of `count` sequential calls of `attempt`; `before` runs (and is awaited) untimed before each. */
export async function sequential(attempt, count, before = () => {}) {
  const latencies = [];
  for (let i = 0; i < count; i++) {
    await before();
    const started = process.hrtime.bigint();
    await attempt();
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { p50: at(0.5), p99: at(0.99) };
}

/**
 * `fetch` that retries once when the server had closed the idle keep-alive connection the request was
 * sent on (Node's server closes idle sockets after 5 s; undici may pick one just as it closes). The
 * server never read that request, so sending it again cannot do it twice.
 */
const CLOSED_CONNECTION = ['UND_ERR_SOCKET', 'EPIPE', 'ECONNRESET'];

export function retryOnClosedConnection(fetch) {
  return async (url, init) => {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (!CLOSED_CONNECTION.includes(error?.cause?.code)) throw error;
      return fetch(url, init);
    }
  };
}
