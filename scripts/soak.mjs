// `npm run soak [-- --minutes N]` (default 30): starts the headless server (dist/main/app/cli.js,
// built if stale) on a free loopback port with a temporary data folder and keeps a mixed load on it
// — client_credentials tokens, introspection, discovery and keys, management API reads, and users
// created and deleted — from a few concurrent workers. Each minute it prints the server's resident
// memory (RSS, from /proc or `ps`) and the p50 / p99 latency and request count of that minute. It
// fails (exit 1) if RSS grows by more than 10% after minute 5 (for runs of 5 minutes or less, after
// minute 1), or if any request answered a 5xx.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { buildIfStale, root } from './build-if-stale.mjs';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '30' } } });
const MINUTES = Number(values.minutes);
if (!Number.isInteger(MINUTES) || MINUTES < 1) {
  console.error(`soak: --minutes must be a whole number of at least 1, not '${values.minutes}'`);
  process.exit(2);
}
const BASELINE_MINUTE = MINUTES > 5 ? 5 : 1;
const WORKERS = 4;
const MINUTE_MS = 60_000;

buildIfStale({ outputs: ['dist/main/app/cli.js'], sources: ['src-main'], script: 'build:main', label: 'authbox' });

function rssKiB(pid) {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // Not Linux: ask ps.
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
}

function startServer(dataDir, tokenFile) {
  const child = spawn(
    process.execPath,
    [join(root, 'dist/main/app/cli.js'), '--port', '0', '--data', dataDir, '--admin-token-file', tokenFile],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) resolve({ child, origin: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'authbox-soak-'));
const adminToken = randomBytes(24).toString('hex');
const tokenFile = join(dataDir, 'admin-token');
writeFileSync(tokenFile, adminToken, { mode: 0o600 });
const { child, origin } = await startServer(join(dataDir, 'data'), tokenFile);
const admin = { authorization: `SSWS ${adminToken}`, 'content-type': 'application/json', accept: 'application/json' };

async function call(method, path, body, headers = admin) {
  const response = await fetch(`${origin}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  return { status: response.status, text };
}

/** A scope on `default` and a service app that may ask for it. */
async function setUp() {
  await call('POST', '/api/v1/authorizationServers/default/scopes', JSON.stringify({ name: 'soak:read' }));
  const app = JSON.parse(
    (
      await call(
        'POST',
        '/api/v1/apps',
        JSON.stringify({
          name: 'oidc_client',
          label: 'Soak worker',
          signOnMode: 'OPENID_CONNECT',
          credentials: { oauthClient: { token_endpoint_auth_method: 'client_secret_basic' } },
          settings: {
            oauthClient: {
              application_type: 'service',
              grant_types: ['client_credentials'],
              response_types: ['token'],
            },
          },
        }),
      )
    ).text,
  );
  const { client_id: id, client_secret: secret } = app.credentials.oauthClient;
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

const basic = await setUp();
const form = { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' };
let lastToken = '';
let serial = 0;
const OPERATIONS = [
  async () => {
    const answer = await call(
      'POST',
      '/oauth2/default/v1/token',
      'grant_type=client_credentials&scope=soak%3Aread',
      form,
    );
    if (answer.status === 200) lastToken = JSON.parse(answer.text).access_token;
    return answer;
  },
  () => call('POST', '/oauth2/default/v1/introspect', `token=${lastToken}`, form),
  () => call('GET', '/oauth2/default/.well-known/openid-configuration', undefined, {}),
  () => call('GET', '/oauth2/default/v1/keys', undefined, {}),
  () => call('GET', '/api/v1/authorizationServers?limit=20'),
  () => call('GET', '/api/sandbox/v1/events?limit=50'),
  async () => {
    const login = `soak${(serial += 1)}@example.com`;
    const profile = { login, email: login, firstName: 'Soak', lastName: 'Test' };
    const created = await call('POST', '/api/v1/users?activate=false', JSON.stringify({ profile }));
    if (created.status !== 200) return created;
    const { id } = JSON.parse(created.text);
    await call('POST', `/api/v1/users/${id}/lifecycle/deactivate`);
    return call('DELETE', `/api/v1/users/${id}`);
  },
];

const minutes = [];
let current = { latencies: [], failures: 0 };
let running = true;

async function worker() {
  while (running) {
    const operation = OPERATIONS[Math.floor(Math.random() * OPERATIONS.length)];
    const started = performance.now();
    const { status } = await operation();
    current.latencies.push(performance.now() - started);
    if (status >= 500) current.failures += 1;
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

console.log(`soak: ${MINUTES} min against ${origin} (pid ${child.pid}), ${WORKERS} workers`);
console.log('minute  rss_MiB  requests  p50_ms  p99_ms  5xx');
const workers = Array.from({ length: WORKERS }, worker);
for (let minute = 1; minute <= MINUTES; minute += 1) {
  await new Promise((done) => setTimeout(done, MINUTE_MS));
  const { latencies, failures } = current;
  current = { latencies: [], failures: 0 };
  latencies.sort((a, b) => a - b);
  const row = {
    minute,
    rss: rssKiB(child.pid) / 1024,
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
  };
  minutes.push(row);
  console.log(
    `${String(minute).padStart(6)}  ${row.rss.toFixed(1).padStart(7)}  ${String(row.requests).padStart(8)}  ${row.p50.toFixed(1).padStart(6)}  ${row.p99.toFixed(1).padStart(6)}  ${String(failures).padStart(3)}`,
  );
}
running = false;
await Promise.all(workers);
child.kill('SIGTERM');
await new Promise((done) => child.once('exit', done));
rmSync(dataDir, { recursive: true, force: true });
rmSync(tokenFile, { force: true });

const baseline = minutes[BASELINE_MINUTE - 1].rss;
const peak = Math.max(...minutes.slice(BASELINE_MINUTE).map((row) => row.rss), baseline);
const growth = (peak / baseline - 1) * 100;
const errors = minutes.reduce((sum, row) => sum + row.failures, 0);
console.log(
  `soak: RSS ${baseline.toFixed(1)} MiB at minute ${BASELINE_MINUTE}, peak after it ${peak.toFixed(1)} MiB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%); ${errors} 5xx answers`,
);
if (growth > 10 || errors > 0) {
  console.error(growth > 10 ? 'soak: FAILED, RSS grew by more than 10%' : 'soak: FAILED, the server answered 5xx');
  process.exit(1);
}
console.log('soak: passed');
