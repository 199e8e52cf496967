/**
 * What `scripts/bundle-cli.mjs` changes in the built headless entry: node:assert and
 * node:worker_threads are not loaded by a start and its first discovery answer, and what needs them
 * works when it comes (the management API, whose routes fastify checks with `assert`, and a password
 * check on the scrypt worker thread); the router's compiled functions, shared between the routes
 * and methods of the same source, still route each path, its parameters and its verbs. zod is not
 * evaluated by a start on an existing data folder and its first discovery answer (the contracts build
 * their schemas on first use), and the first management API write that validates a body loads it and
 * answers Okta's errors as before; better-sqlite3's JavaScript is bundled (Node loads only its native
 * addon); the stand-in that loads it brings zod's ES build, the one copy
 * of zod in the bundle, with its English messages only.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestApp } from '../../support/app.js';
import { PASSWORD, assignUser, basic, createPasswordClient, createUser, postToken } from '../token/fixtures.js';
import { CLI, CliProcess, ROOT, buildCompiledCli } from './cli-process.js';

const TOKEN = 'deferred-modules-token-0123456789';
const ORIGIN_LINE = /^Authbox listening on (http:\/\/127\.0\.0\.1:\d+)$/;
/** Loaded before the entry: on SIGUSR2 the process prints the built-in modules it has loaded. */
const PRELOAD = `data:text/javascript,${encodeURIComponent(
  "process.on('SIGUSR2', () => process.stderr.write('builtins ' + JSON.stringify(process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13))) + '\\n'));",
)}`;

/**
 * Loaded before the entry: on SIGUSR2 the process prints whether zod has been evaluated (it sets this
 * global), and the files Node's CommonJS loader has loaded.
 */
const ZOD_PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import { createRequire } from 'node:module'; const loaded = () => Object.keys(createRequire('/')('node:module')._cache);" +
    "process.on('SIGUSR2', () => process.stderr.write('files ' + JSON.stringify(loaded()) + '\\nzod ' + ('__zod_globalRegistry' in globalThis) + '\\n'));",
)}`;

let cli: CliProcess;
let folder: string;

beforeAll(buildCompiledCli, 200_000);
afterAll(async () => {
  await cli?.kill();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** The built-in modules the process has loaded so far (it answers SIGUSR2 with one stderr line). */
async function builtins(): Promise<string[]> {
  const answers = () => cli.stderrLines.filter((line) => line.startsWith('builtins '));
  const before = answers().length;
  process.kill(cli.pid!, 'SIGUSR2');
  while (answers().length === before) {
    if (!cli.running) throw new Error(`the CLI exited:\n${cli.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return JSON.parse(answers().at(-1)!.slice('builtins '.length)) as string[];
}

it('starts and answers discovery without node:assert or node:worker_threads, and loads them when used', async () => {
  folder = mkdtempSync(join(tmpdir(), 'authbox-deferred-'));
  const env = { ...process.env, NODE_OPTIONS: `--import=${PRELOAD}`, AUTHBOX_ADMIN_TOKEN: TOKEN };
  cli = new CliProcess(CLI, ['--port', '0', '--data', join(folder, 'data')], env, ROOT);
  const [, origin] = await cli.waitForLine(ORIGIN_LINE);
  const discovery = await fetch(`${origin}/oauth2/default/.well-known/openid-configuration`);
  expect(discovery.status).toBe(200);
  const atStart = await builtins();
  expect(atStart).toContain('http');
  expect(atStart).not.toContain('assert');
  expect(atStart).not.toContain('worker_threads');

  const t = {
    origin: origin!,
    api: (path: string, init: RequestInit = {}) =>
      fetch(`${origin}${path}`, {
        ...init,
        headers: { authorization: `SSWS ${TOKEN}`, 'content-type': 'application/json', accept: 'application/json' },
      }),
  } as unknown as TestApp;
  const client = await createPasswordClient(t);
  const userId = await createUser(t, 'alice@example.com');
  await assignUser(t, client.id, userId);
  const grant = (password: string) =>
    postToken(
      t,
      { grant_type: 'password', scope: 'openid', username: 'alice@example.com', password },
      { authorization: basic(client.clientId, client.clientSecret!) },
    );
  expect((await grant('wrong-password')).status).toBe(400);
  const issued = await grant(PASSWORD);
  expect(issued.status).toBe(200);
  expect(await issued.json()).toMatchObject({ token_type: 'Bearer' });
  expect(await builtins()).toContain('worker_threads');
});

it('routes every verb of a path, with its parameters, on the one compiled matcher per source', async () => {
  const origin = cli.stdoutLines.map((line) => ORIGIN_LINE.exec(line)?.[1]).find(Boolean)!;
  const keys = async (path: string) => (await fetch(`${origin}${path}`)).json() as Promise<{ keys: unknown[] }>;
  expect((await keys('/oauth2/default/v1/keys')).keys.length).toBeGreaterThan(0);
  expect((await keys('/oauth2/v1/keys')).keys.length).toBeGreaterThan(0);
  const org = await fetch(`${origin}/.well-known/openid-configuration`);
  expect(((await org.json()) as { issuer: string }).issuer).toBe(origin);
  const unknownServer = await fetch(`${origin}/oauth2/no-such-server/v1/keys`);
  expect(unknownServer.status).toBe(404);
  const put = await fetch(`${origin}/oauth2/default/v1/token`, { method: 'PUT' });
  expect(put.status).toBe(405);
  const preflight = await fetch(`${origin}/oauth2/default/v1/keys`, {
    method: 'OPTIONS',
    headers: { origin: 'https://spa.example', 'access-control-request-method': 'GET' },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, OPTIONS');
  const users = await fetch(`${origin}/api/v1/users?limit=1`, { headers: { authorization: `SSWS ${TOKEN}` } });
  expect(users.status).toBe(200);
});

it('starts on an existing data folder and answers discovery without evaluating zod, and validates with it when asked', async () => {
  const existing = mkdtempSync(join(tmpdir(), 'authbox-deferred-zod-'));
  const data = join(existing, 'data');
  const env = { ...process.env, NODE_OPTIONS: `--import=${ZOD_PRELOAD}`, AUTHBOX_ADMIN_TOKEN: TOKEN };
  let server: CliProcess | undefined;
  /** Whether the server has evaluated zod so far (it answers SIGUSR2 with one stderr line). */
  const zodLoaded = async (): Promise<boolean> => {
    const answers = () => server!.stderrLines.filter((line) => line.startsWith('zod '));
    const before = answers().length;
    process.kill(server!.pid!, 'SIGUSR2');
    while (answers().length === before) {
      if (!server!.running) throw new Error(`the CLI exited:\n${server!.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return answers().at(-1) === 'zod true';
  };
  try {
    // The first start creates the folder (and validates what it seeds); the second is the one measured.
    server = new CliProcess(CLI, ['--port', '0', '--data', data], env, ROOT);
    await server.waitForLine(ORIGIN_LINE);
    expect((await server.stop('SIGTERM')).code).toBe(0);
    server = new CliProcess(CLI, ['--port', '0', '--data', data], env, ROOT);
    const [, origin] = await server.waitForLine(ORIGIN_LINE);
    expect((await fetch(`${origin}/oauth2/default/.well-known/openid-configuration`)).status).toBe(200);
    expect(await zodLoaded()).toBe(false);
    // better-sqlite3's JavaScript is in the bundle: Node loads no file of it, only its native addon.
    const files = JSON.parse(
      server.stderrLines
        .filter((line) => line.startsWith('files '))
        .at(-1)!
        .slice(6),
    ) as string[];
    expect(files.filter((file) => file.includes('better-sqlite3'))).toEqual([
      expect.stringMatching(/better-sqlite3[\\/]build[\\/]Release[\\/]better_sqlite3\.node$/),
    ]);

    const policies = `${origin}/api/v1/authorizationServers/default/policies`;
    const headers = { authorization: `SSWS ${TOKEN}`, 'content-type': 'application/json', accept: 'application/json' };
    const refused = await fetch(policies, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type: 'OAUTH_AUTHORIZATION_POLICY', name: '' }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      errorCode: 'E0000001',
      errorSummary: 'Api validation failed: name, description, conditions.clients.include',
      errorCauses: [
        { errorSummary: 'name: The field cannot be left blank' },
        { errorSummary: 'description: The field cannot be left blank' },
        { errorSummary: 'conditions.clients.include: The field cannot be left blank' },
      ],
    });
    expect(await zodLoaded()).toBe(true);
    const created = await fetch(policies, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        type: 'OAUTH_AUTHORIZATION_POLICY',
        name: 'Web apps',
        description: 'For the web apps',
        conditions: { clients: { include: ['ALL_CLIENTS'] } },
      }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name: 'Web apps', status: 'ACTIVE', priority: 2 });
  } finally {
    await server?.kill();
    rmSync(existing, { recursive: true, force: true });
  }
});

it('bundles one copy of zod, its ES build, with the English messages only', () => {
  const map = JSON.parse(readFileSync(join(ROOT, 'dist/main/app/cli-bundle.cjs.map'), 'utf8')) as { sources: string[] };
  const zod = map.sources.filter((source) => source.includes('node_modules/zod/'));
  expect(zod.length).toBeGreaterThan(0);
  expect(zod.filter((source) => !source.endsWith('.js'))).toEqual([]);
  expect(zod.filter((source) => source.includes('/locales/')).map((source) => source.split('/locales/')[1])).toEqual(
    expect.arrayContaining(['en.js', 'index.js']),
  );
  expect(zod.filter((source) => source.includes('/locales/')).length).toBe(2);
});
