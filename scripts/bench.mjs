// `npm run bench [-- --quick] [-- --cli path/to/cli.js]`: Authbox against a minimal reference server
// (`bench-reference.mjs`: node:http + node:crypto RS256) in the same run. Both run pinned to core 0,
// autocannon to core 1 (`bench-support.mjs`); the load figures are taken in interleaved rounds
// (reference, Authbox, reference, …; 3 × 5 s each, or 1 × 1 s with --quick) and the median round is
// printed with its ratio to the reference. Then: authorization code + PKCE with a sign-in and with an
// existing session (sequential, p50/p99), start to first discovery answer on an existing and a new data
// folder, RSS idle and peak; and, without --quick (or with --loaded), the same server loaded with
// 100,000 tokens, 10,000 events, 1,000 users in 100 groups, 200 apps, 100 policies × 10 rules
// (`bench-loaded.mjs`). --cli benches another build (e.g. an older commit's dist/main/app/cli.js).
import Database from 'better-sqlite3';
import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { codeFlow, onLoadCore, setUpCodeFlow, stepMedians } from './bench-code-flow.mjs';
import { benchExpressions } from './bench-expressions.mjs';
import { LOADED, loadIntoDatabase, loadThroughApi } from './bench-loaded.mjs';
import {
  REFERENCE_CLIENT,
  cpuMsOf,
  load,
  median,
  memoryOf,
  pinned,
  retryOnClosedConnection,
  sequential,
  startServer,
  stopServer,
} from './bench-support.mjs';
import { buildIfStale, root } from './build-if-stale.mjs';

globalThis.fetch = retryOnClosedConnection(globalThis.fetch);
const { values: flags } = parseArgs({
  options: { quick: { type: 'boolean' }, loaded: { type: 'boolean' }, cli: { type: 'string' } },
});
const quick = flags.quick ?? false;
const withLoaded = flags.loaded ?? !quick;
const ROUNDS = quick ? 1 : 3;
const SECONDS = quick ? 1 : 5;
const FLOWS = quick ? 20 : 100;
const STARTS = quick ? 1 : 3;
const CLI = flags.cli ? resolve(flags.cli) : join(root, 'dist/main/app/cli.js');
const REFERENCE = join(root, 'scripts/bench-reference.mjs');
const DISCOVERY = '/.well-known/openid-configuration';
const adminToken = randomBytes(24).toString('hex');
const folders = [];

function newFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'authbox-bench-'));
  folders.push(dir);
  return dir;
}

const authboxArgv = (dataDir) => [
  process.execPath,
  CLI,
  '--host',
  '127.0.0.1',
  '--port',
  '0',
  '--data',
  dataDir,
  `--admin-token=${adminToken}`,
];
const startAuthbox = (dataDir) => startServer(authboxArgv(dataDir), `/oauth2/default${DISCOVERY}`);
const startReference = () => startServer([process.execPath, REFERENCE], `/oauth2/reference${DISCOVERY}`);

async function api(origin, method, path, body) {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: {
      authorization: `SSWS ${adminToken}`,
      accept: 'application/json',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

/** A server with a custom scope, a policy for all clients whose rule allows client_credentials, and a service app. */
async function setUp(origin) {
  const post = (path, body) => api(origin, 'POST', path, body);
  const server = await post('/api/v1/authorizationServers', {
    name: 'bench',
    description: 'Bench API',
    audiences: ['api://bench'],
  });
  const base = `/api/v1/authorizationServers/${server.id}`;
  await post(`${base}/scopes`, { name: 'bench:read' });
  const policy = await post(`${base}/policies`, {
    type: 'OAUTH_AUTHORIZATION_POLICY',
    name: 'Bench policy',
    description: 'Bench policy',
    conditions: { clients: { include: ['ALL_CLIENTS'] } },
  });
  await post(`${base}/policies/${policy.id}/rules`, {
    type: 'RESOURCE_ACCESS',
    name: 'Bench rule',
    conditions: {
      people: { groups: { include: ['EVERYONE'] } },
      grantTypes: { include: ['client_credentials'] },
      scopes: { include: ['*'] },
    },
  });
  const app = await post('/api/v1/apps', {
    name: 'oidc_client',
    label: 'Bench service',
    signOnMode: 'OPENID_CONNECT',
    settings: {
      oauthClient: { application_type: 'service', grant_types: ['client_credentials'], response_types: ['token'] },
    },
  });
  const { client_id: id, client_secret: secret } = app.credentials.oauthClient;
  return {
    serverId: server.id,
    issuer: server.issuer,
    basic: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
    codeFlow: await setUpCodeFlow(post, server, policy.id),
  };
}

/** The load figures of one target: where to send what (and the server, whose CPU time is read). */
function loads(server, issuer, basic) {
  const token = {
    url: `${issuer}/v1/token`,
    method: 'POST',
    headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=bench%3Aread',
  };
  return {
    server,
    cc10: { ...token, connections: 10 },
    cc50: { ...token, connections: 50 },
    discovery: { url: `${issuer}${DISCOVERY}`, connections: 10 },
    jwks: { url: `${issuer}/v1/keys`, connections: 10 },
  };
}

/** Interleaved rounds of every figure on every target; the median round of each. */
function rounds(targets, figures) {
  const results = Object.fromEntries(Object.keys(targets).map((t) => [t, {}]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const figure of figures) {
      for (const [name, target] of Object.entries(targets)) {
        const cpuBefore = cpuMsOf(target.server);
        const run = load({ ...target[figure], seconds: SECONDS });
        const cpuMsPerRequest = (cpuMsOf(target.server) - cpuBefore) / (run.perSecond * SECONDS);
        (results[name][figure] ??= []).push({ ...run, cpuMsPerRequest });
      }
    }
  }
  for (const byFigure of Object.values(results)) {
    for (const figure of figures) byFigure[figure] = median(byFigure[figure]);
  }
  return results;
}

async function startTimes() {
  const reference = [];
  const fresh = [];
  const existing = [];
  for (let i = 0; i < STARTS; i++) {
    const ref = await startReference();
    reference.push(ref.startMs);
    await stopServer(ref);
    const dir = newFolder();
    const first = await startAuthbox(dir);
    fresh.push(first.startMs);
    await stopServer(first);
    const again = await startAuthbox(dir);
    existing.push(again.startMs);
    await stopServer(again);
  }
  const mid = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return { reference: mid(reference), fresh: mid(fresh), existing: mid(existing) };
}

/** The database file's size and how long SQLite's `quick_check` (run at every start) takes on it. */
function quickCheckOf(file) {
  const db = new Database(file, { readonly: true });
  try {
    const started = process.hrtime.bigint();
    db.pragma('quick_check(3)');
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return {
      ms,
      mib: (db.pragma('page_count', { simple: true }) * db.pragma('page_size', { simple: true })) / 2 ** 20,
    };
  } finally {
    db.close();
  }
}

/**
 * The sign-in's hash as the server derives it (scrypt N=2^14, r=8, p=1, its buffer already in use),
 * timed once before each sign-in flow (`sequential`'s untimed step, with a flow of the session after
 * it), so it meets the same load as the flows; timed once at the end of the run, it could be twice the
 * server's on a busy machine.
 */
const hashTimes = [];
const salt = randomBytes(16);
function timeHash() {
  if (hashTimes.length === 0) scryptSync('warm-up', salt, 32, { N: 16384, r: 8, p: 1 });
  const started = process.hrtime.bigint();
  scryptSync('Bench-Passw0rd!', salt, 32, { N: 16384, r: 8, p: 1 });
  hashTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
}

const f0 = (n) => n.toFixed(0);
const f1 = (n) => n.toFixed(1);
const f2 = (n) => n.toFixed(2);
const ratio = (ours, theirs) => (theirs ? `${(ours / theirs).toFixed(2)}×` : '–');

function printTable(rows) {
  const header = ['figure', 'reference', 'Authbox', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

if (!flags.cli) {
  buildIfStale({ outputs: ['dist/main/app/cli.js'], sources: ['src-main'], script: 'build:main', label: 'bench' });
}
if (!quick) {
  await benchExpressions();
  console.log('');
}
const servers = [];
try {
  const starts = await startTimes();
  const reference = await startReference();
  servers.push(reference);
  const dataDir = newFolder();
  const authbox = await startAuthbox(dataDir);
  servers.push(authbox);
  const target = await setUp(authbox.origin);
  const idle = memoryOf(authbox);
  const refBasic = `Basic ${Buffer.from(`${REFERENCE_CLIENT.id}:${REFERENCE_CLIENT.secret}`).toString('base64')}`;
  const targets = {
    reference: loads(reference, `${reference.origin}/oauth2/reference`, refBasic),
    authbox: loads(authbox, target.issuer, target.basic),
  };
  for (const t of Object.values(targets)) load({ ...t.cc10, seconds: 1 });
  const figures = rounds(targets, ['cc10', 'cc50', 'discovery', 'jwks']);
  const afterTokens = memoryOf(authbox);
  const flow = target.codeFlow;
  // The flows' client on the load generator's core, as autocannon is (the server keeps core 0).
  if (pinned) onLoadCore(1);
  await codeFlow(flow);
  const session = new Map();
  await codeFlow(flow, session);
  const signInSteps = {};
  // The hash, then an untimed flow with the session, then the timed sign-in: timed right after the
  // bench's own 16 MiB hash, the flow's first step (the sign-in page) took about twice as long.
  const afterHash = async () => {
    timeHash();
    await codeFlow(flow, session);
  };
  const signIn = await sequential(() => codeFlow(flow, new Map(), signInSteps), FLOWS, afterHash);
  const keptSteps = {};
  const kept = await sequential(() => codeFlow(flow, session, keptSteps), FLOWS);
  const afterSignIns = memoryOf(authbox);
  let loaded;
  if (withLoaded) {
    const call = (method, path, body) => api(authbox.origin, method, path, body);
    await loadThroughApi(call, target.serverId);
    loadIntoDatabase(dataDir);
    const loadedRounds = rounds({ authbox: targets.authbox }, ['cc10']);
    loaded = loadedRounds.authbox.cc10;
  }
  const afterLoaded = loaded ? memoryOf(authbox) : undefined;
  const peak = memoryOf(authbox).peak;
  const refPeak = memoryOf(reference).peak;
  // The loaded folder started again: the start-up's quick_check reads the whole database file.
  let restart;
  if (loaded) {
    await stopServer(authbox);
    const again = await startAuthbox(dataDir);
    servers.push(again);
    restart = { startMs: again.startMs, ...quickCheckOf(join(dataDir, 'authbox.db')) };
  }
  const [ref, ours] = [figures.reference, figures.authbox];
  const hashMs = median(hashTimes.map((ms) => ({ ms }))).ms;
  const rows = [
    ['client_credentials tokens/s, 10 connections', f0(ref.cc10.perSecond), f0(ours.cc10.perSecond)],
    ['  p50 / p99 ms', `${ref.cc10.p50} / ${ref.cc10.p99}`, `${ours.cc10.p50} / ${ours.cc10.p99}`],
    ['  server CPU ms per token', f2(ref.cc10.cpuMsPerRequest), f2(ours.cc10.cpuMsPerRequest)],
    ['client_credentials tokens/s, 50 connections', f0(ref.cc50.perSecond), f0(ours.cc50.perSecond)],
    ['  p50 / p99 ms', `${ref.cc50.p50} / ${ref.cc50.p99}`, `${ours.cc50.p50} / ${ours.cc50.p99}`],
    ['discovery req/s, 10 connections', f0(ref.discovery.perSecond), f0(ours.discovery.perSecond)],
    ['  server CPU ms per request', f2(ref.discovery.cpuMsPerRequest), f2(ours.discovery.cpuMsPerRequest)],
    ['JWKS req/s, 10 connections', f0(ref.jwks.perSecond), f0(ours.jwks.perSecond)],
    ['  server CPU ms per request', f2(ref.jwks.cpuMsPerRequest), f2(ours.jwks.cpuMsPerRequest)],
    ['auth code + PKCE, existing session, p50 / p99 ms', '–', `${f1(kept.p50)} / ${f1(kept.p99)}`],
    [`auth code + PKCE with sign-in, p50 / p99 ms`, '–', `${f1(signIn.p50)} / ${f1(signIn.p99)}`],
    ['start to first discovery answer, existing folder ms', f0(starts.reference), f0(starts.existing)],
    ['start to first discovery answer, new folder ms', f0(starts.reference), f0(starts.fresh)],
    ['server RSS idle MiB', '–', f0(idle.now)],
    ['server RSS peak MiB (whole bench)', f0(refPeak), f0(peak)],
  ].map(([name, theirs, mine]) => {
    const number = (s) => Number(String(s).split(' / ').at(-1));
    return [name, theirs, mine, theirs === '–' ? '–' : ratio(number(mine), number(theirs))];
  });
  if (loaded) {
    rows.push([
      'loaded: tokens/s, 10 connections (vs empty)',
      f0(ours.cc10.perSecond),
      f0(loaded.perSecond),
      ratio(loaded.perSecond, ours.cc10.perSecond),
    ]);
    rows.push([
      'loaded: p50 / p99 / max ms (vs empty p50)',
      `${ours.cc10.p50}`,
      `${loaded.p50} / ${loaded.p99} / ${loaded.max}`,
      ratio(loaded.p50, ours.cc10.p50),
    ]);
    rows.push([
      'loaded: server CPU ms per token (vs empty)',
      f2(ours.cc10.cpuMsPerRequest),
      f2(loaded.cpuMsPerRequest),
      ratio(loaded.cpuMsPerRequest, ours.cc10.cpuMsPerRequest),
    ]);
    rows.push([
      'loaded: start to first discovery answer ms (vs empty)',
      f0(starts.existing),
      f0(restart.startMs),
      ratio(restart.startMs, starts.existing),
    ]);
  }
  console.log(
    `${quick ? 'quick' : 'full'} run: ${ROUNDS} × ${SECONDS} s rounds, ${FLOWS} flows each, ${pinned ? 'servers on core 0, autocannon on core 1' : 'no taskset: unpinned'}; ratio = Authbox / reference (for ms: lower is better; CPU per request does not depend on what else the machine runs)`,
  );
  printTable(rows);
  console.log(
    `sign-in hash: scrypt N=16384 r=8 p=1, ${f1(hashMs)} ms here (median, timed before each sign-in flow, a flow with the session in between); with sign-in p50 minus hash = ${f1(signIn.p50 - hashMs)} ms`,
  );
  console.log(
    `code flow steps, p50 ms: with a session ${stepMedians(keptSteps)}; with a sign-in ${stepMedians(signInSteps)}`,
  );
  console.log(
    `server RSS MiB: idle ${f0(idle.now)}, after the token rounds ${f0(afterTokens.now)} (peak so far ${f0(afterTokens.peak)}), after ${FLOWS + 1} sign-ins ${f0(afterSignIns.now)} (peak ${f0(afterSignIns.peak)})${afterLoaded ? `, after the loaded variant ${f0(afterLoaded.now)} (peak ${f0(afterLoaded.peak)})` : ''}`,
  );
  if (loaded) {
    console.log(
      `loaded: ${LOADED.tokens} tokens, 10,000 events, ${LOADED.users} users in ${LOADED.groups} groups, ${LOADED.apps} apps, ${LOADED.policies} policies × ${LOADED.rulesPerPolicy} rules; its ${f0(restart.mib)} MiB database's quick_check takes ${f0(restart.ms)} ms of that start`,
    );
  }
} finally {
  for (const server of servers) await stopServer(server);
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
}
