/**
 * WAL with synchronous=NORMAL (`store/database.ts`): a write the server acknowledged survives a crash
 * of the process. The compiled CLI runs as a child process; management writes and token requests
 * are answered, the process is killed with SIGKILL (no shutdown code runs), and a new process on the
 * same data folder still has every group and scope written, and knows every issued access token
 * (introspection answers `active: true`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliProcess, buildCompiledCli } from '../cli/cli-process.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'dist/main/app/cli.js');
const TOKEN = 'durability-token-0123456789';
const ORIGIN_LINE = /^Authbox listening on (http:\/\/127\.0\.0\.1:\d+)$/;
const WRITES = 15;
/** A start on a busy shared machine can take tens of seconds; waiting is for a line, not for time. */
const START_WAIT_MS = 120_000;

const children: CliProcess[] = [];
let folder: string;

beforeAll(() => {
  // The process under test is the compiled one, as `npm run serve` runs it.
  buildCompiledCli();
  folder = mkdtempSync(join(tmpdir(), 'authbox-durability-'));
}, 200_000);

afterAll(async () => {
  await Promise.all(children.map((child) => child.kill()));
  rmSync(folder, { recursive: true, force: true });
});

/** The CLI on the data folder; the same `port` again after the crash keeps the issuer, which tokens name. */
async function start(port = '0'): Promise<{ cli: CliProcess; origin: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: folder };
  delete env['AUTHBOX_ADMIN_TOKEN'];
  const cli = new CliProcess(CLI, ['--port', port, '--data', join(folder, 'data'), '--admin-token', TOKEN], env, ROOT);
  children.push(cli);
  const [, origin] = await cli.waitForLine(ORIGIN_LINE, START_WAIT_MS);
  return { cli, origin: origin! };
}

async function call<T>(
  origin: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: {
      authorization: `SSWS ${TOKEN}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

function form(origin: string, path: string, authorization: string, params: Record<string, string>) {
  return fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
}

describe('kill -9', () => {
  it('keeps every acknowledged management write and every issued token', async () => {
    const first = await start();
    const groups: string[] = [];
    for (let i = 0; i < WRITES; i++) {
      const created = await call<{ id: string }>(first.origin, 'POST', '/api/v1/groups', {
        profile: { name: `Durable ${i}`, description: 'kill -9' },
      });
      expect(created.status).toBe(200);
      groups.push(created.body.id);
      const scope = await call(first.origin, 'POST', '/api/v1/authorizationServers/default/scopes', {
        name: `durable:${i}`,
      });
      expect(scope.status).toBe(201);
    }
    const app = await call<{ credentials: { oauthClient: { client_id: string; client_secret: string } } }>(
      first.origin,
      'POST',
      '/api/v1/apps',
      {
        name: 'oidc_client',
        label: 'Durable service',
        signOnMode: 'OPENID_CONNECT',
        settings: {
          oauthClient: { application_type: 'service', grant_types: ['client_credentials'], response_types: ['token'] },
        },
      },
    );
    expect(app.status).toBe(200);
    const { client_id: id, client_secret: secret } = app.body.credentials.oauthClient;
    const basic = `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
    const tokens: string[] = [];
    for (let i = 0; i < WRITES; i++) {
      const response = await form(first.origin, '/oauth2/default/v1/token', basic, {
        grant_type: 'client_credentials',
        scope: `durable:${i}`,
      });
      expect(response.status).toBe(200);
      tokens.push(((await response.json()) as { access_token: string }).access_token);
    }
    // Management writes answered while token requests wait for their group's commit (`store/group-commit.ts`).
    const mixed = await Promise.all(
      Array.from({ length: WRITES }, async (_, i) => {
        const [created, response] = await Promise.all([
          call<{ id: string }>(first.origin, 'POST', '/api/v1/groups', {
            profile: { name: `Durable mixed ${i}`, description: 'kill -9 beside token requests' },
          }),
          form(first.origin, '/oauth2/default/v1/token', basic, {
            grant_type: 'client_credentials',
            scope: 'durable:0',
          }),
        ]);
        expect(created.status).toBe(200);
        expect(response.status).toBe(200);
        tokens.push(((await response.json()) as { access_token: string }).access_token);
        return created.body.id;
      }),
    );
    groups.push(...mixed);

    await first.cli.stop('SIGKILL');

    const second = await start(new URL(first.origin).port);
    const kept = await call<{ id: string }[]>(second.origin, 'GET', '/api/v1/groups?q=Durable&limit=200');
    expect(kept.body.map((g) => g.id).sort()).toEqual([...groups].sort());
    const scopes = await call<{ name: string }[]>(second.origin, 'GET', '/api/v1/authorizationServers/default/scopes');
    for (let i = 0; i < WRITES; i++) expect(scopes.body.map((s) => s.name)).toContain(`durable:${i}`);
    for (const token of tokens) {
      const answer = await form(second.origin, '/oauth2/default/v1/introspect', basic, {
        token,
        token_type_hint: 'access_token',
      });
      expect(await answer.json()).toMatchObject({ active: true });
    }
    await second.cli.stop('SIGTERM');
  }, 600_000);
});
