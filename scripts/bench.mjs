// `npm run bench`: Expression Language parse + evaluate throughput for a typical claim set
// (`bench-expressions.mjs`, in-process); then, against a running headless Authbox, token endpoint
// throughput for client_credentials (without, then with that claim set as RESOURCE claims) and
// authorization-code + PKCE round trips (`bench-code-flow.mjs`). Builds the main process if the
// compiled output is missing or older than the sources, starts `dist/main/app/cli.js` on a free
// loopback port with a temporary data folder, sets up a server, scope, policy, rule and service app
// through the management API, then times a fixed number of token requests at 1 and 16 concurrent
// connections and a fixed number of code flows at 1 and 8 concurrent flows, and prints per-second
// figures, p50 and p99.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { codeFlow, setUpCodeFlow } from './bench-code-flow.mjs';
import { CLAIM_SET, benchExpressions } from './bench-expressions.mjs';
import { buildIfStale, root } from './build-if-stale.mjs';

const CLI = join(root, 'dist/main/app/cli.js');
const WARMUP = 200;
const RUNS = [
  { concurrency: 1, requests: 2000 },
  { concurrency: 16, requests: 4000 },
];
const CODE_WARMUP = 20;
const CODE_RUNS = [
  { concurrency: 1, requests: 200 },
  { concurrency: 8, requests: 400 },
];

/** Starts the headless server and resolves with its origin once it prints the listening line. */
function startServer(dataDir, adminToken) {
  const child = spawn(
    process.execPath,
    [CLI, '--host', '127.0.0.1', '--port', '0', '--data', dataDir, `--admin-token=${adminToken}`],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) resolve({ child, origin: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
  });
}

async function api(origin, adminToken, path, body) {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { authorization: `SSWS ${adminToken}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A server with a custom scope, a policy for all clients whose rule allows client_credentials, and a service app. */
async function setUp(origin, adminToken) {
  const server = await api(origin, adminToken, '/api/v1/authorizationServers', {
    name: 'bench',
    description: 'Bench API',
    audiences: ['api://bench'],
  });
  const base = `/api/v1/authorizationServers/${server.id}`;
  await api(origin, adminToken, `${base}/scopes`, { name: 'bench:read' });
  const policy = await api(origin, adminToken, `${base}/policies`, {
    type: 'OAUTH_AUTHORIZATION_POLICY',
    name: 'Bench policy',
    description: 'Bench policy',
    conditions: { clients: { include: ['ALL_CLIENTS'] } },
  });
  await api(origin, adminToken, `${base}/policies/${policy.id}/rules`, {
    type: 'RESOURCE_ACCESS',
    name: 'Bench rule',
    conditions: {
      people: { groups: { include: ['EVERYONE'] } },
      grantTypes: { include: ['client_credentials'] },
      scopes: { include: ['*'] },
    },
  });
  const app = await api(origin, adminToken, '/api/v1/apps', {
    name: 'oidc_client',
    label: 'Bench service',
    signOnMode: 'OPENID_CONNECT',
    settings: {
      oauthClient: { application_type: 'service', grant_types: ['client_credentials'], response_types: ['token'] },
    },
  });
  const { client_id: id, client_secret: secret } = app.credentials.oauthClient;
  const codeFlowTarget = await setUpCodeFlow((path, body) => api(origin, adminToken, path, body), server, policy.id);
  return {
    serverId: server.id,
    tokenUrl: `${server.issuer}/v1/token`,
    authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
    codeFlowTarget,
  };
}

/** The claim set of the expression bench as RESOURCE claims, so every access token evaluates all of it. */
async function addClaimSet(origin, adminToken, serverId) {
  for (const [i, value] of CLAIM_SET.entries()) {
    await api(origin, adminToken, `/api/v1/authorizationServers/${serverId}/claims`, {
      name: `bench_${i}`,
      claimType: 'RESOURCE',
      valueType: 'EXPRESSION',
      value,
    });
  }
}

/** One client_credentials token request that must succeed. */
async function tokenRequest({ tokenUrl, authorization }) {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=bench%3Aread',
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${body}`);
}

/** `requests` calls of `attempt` spread over `concurrency` sequential workers; every one must succeed. */
async function run(attempt, concurrency, requests) {
  const latencies = [];
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      next++;
      const started = process.hrtime.bigint();
      await attempt();
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { concurrency, requests, perSecond: requests / seconds, p50: at(0.5), p99: at(0.99) };
}

function printTable(title, unit, rows) {
  const header = [
    unit === 'req' ? 'connections' : 'concurrent',
    unit === 'req' ? 'requests' : 'flows',
    `${unit}/s`,
    'p50 ms',
    'p99 ms',
  ];
  const cells = rows.map((r) => [
    String(r.concurrency),
    String(r.requests),
    r.perSecond.toFixed(0),
    r.p50.toFixed(2),
    r.p99.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (values) => values.map((v, i) => v.padStart(widths[i])).join('  ');
  console.log(title);
  console.log(line(header));
  for (const row of cells) console.log(line(row));
}

buildIfStale({ outputs: ['dist/main/app/cli.js'], sources: ['src-main'], script: 'build:main', label: 'bench' });
await benchExpressions();
console.log('');
const dataDir = mkdtempSync(join(tmpdir(), 'authbox-bench-'));
const adminToken = randomBytes(24).toString('hex');
let server;
try {
  server = await startServer(dataDir, adminToken);
  const target = await setUp(server.origin, adminToken);
  const token = () => tokenRequest(target);
  await run(token, 4, WARMUP);
  const rows = [];
  for (const { concurrency, requests } of RUNS) rows.push(await run(token, concurrency, requests));
  printTable('client_credentials at POST /oauth2/{id}/v1/token (loopback, RS256, one event per request)', 'req', rows);
  await addClaimSet(server.origin, adminToken, target.serverId);
  await run(token, 4, WARMUP);
  const withClaims = [];
  for (const { concurrency, requests } of RUNS) withClaims.push(await run(token, concurrency, requests));
  console.log('');
  printTable(
    `the same with the ${CLAIM_SET.length} expressions of the claim set as RESOURCE claims of the server`,
    'req',
    withClaims,
  );
  const flow = () => codeFlow(target.codeFlowTarget);
  await run(flow, 2, CODE_WARMUP);
  const flows = [];
  for (const { concurrency, requests } of CODE_RUNS) flows.push(await run(flow, concurrency, requests));
  console.log('');
  printTable(
    'authorization code + PKCE: authorize → sign-in form POST (scrypt) → code → /token (loopback, a new browser per flow)',
    'flow',
    flows,
  );
} finally {
  if (server) {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}
