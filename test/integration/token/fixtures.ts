/**
 * What the token endpoint tests set up through the management API (apps, users, assignments,
 * scopes, policies, rules), how they call /token, and how they read the event log.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { eventRows } from '../../../src-main/store/event-repository.js';
import type { EventRow } from '../../../src-main/store/event-repository.js';
import type { TestApp } from '../../support/app.js';

export const PASSWORD = 'Sandbox-Passw0rd!';
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

export interface TestClient {
  id: string;
  clientId: string;
  clientSecret: string | undefined;
}

async function expectStatus<T>(response: Response, status: number, what: string): Promise<T> {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** An OIDC app; `oauthClient` and `settings` are merged into a service app with client_secret_basic. */
export async function createClient(
  t: TestApp,
  options: {
    label?: string;
    credentials?: Record<string, unknown>;
    settings?: Record<string, unknown>;
    activate?: boolean;
  } = {},
): Promise<TestClient> {
  const body = {
    name: 'oidc_client',
    label: options.label ?? 'Token test app',
    signOnMode: 'OPENID_CONNECT',
    credentials: { oauthClient: { token_endpoint_auth_method: 'client_secret_basic', ...options.credentials } },
    settings: {
      oauthClient: {
        application_type: 'service',
        grant_types: ['client_credentials'],
        response_types: ['token'],
        ...options.settings,
      },
    },
  };
  const query = options.activate === false ? '?activate=false' : '';
  const app = await expectStatus<{
    id: string;
    credentials: { oauthClient: { client_id: string; client_secret?: string } };
  }>(await t.api(`/api/v1/apps${query}`, { method: 'POST', body: JSON.stringify(body) }), 200, 'creating an app');
  return {
    id: app.id,
    clientId: app.credentials.oauthClient.client_id,
    clientSecret: app.credentials.oauthClient.client_secret,
  };
}

/** A native app allowed the password grant. */
export const createPasswordClient = (t: TestApp, credentials: Record<string, unknown> = {}) =>
  createClient(t, {
    label: 'Password app',
    credentials: { pkce_required: false, ...credentials },
    settings: {
      application_type: 'native',
      grant_types: ['authorization_code', 'password'],
      response_types: ['code'],
      redirect_uris: ['com.example.app:/callback', 'http://localhost:5173/login/callback'],
    },
  });

export async function createUser(t: TestApp, login: string, profile: Record<string, unknown> = {}): Promise<string> {
  const body = {
    profile: { login, email: login, firstName: 'Alice', lastName: 'Smith', ...profile },
    credentials: { password: { value: PASSWORD } },
  };
  return (
    await expectStatus<{ id: string }>(
      await t.api('/api/v1/users?activate=true', { method: 'POST', body: JSON.stringify(body) }),
      200,
      `creating ${login}`,
    )
  ).id;
}

export async function assignUser(t: TestApp, appId: string, userId: string, userName?: string): Promise<void> {
  const body = { id: userId, scope: 'USER', ...(userName ? { credentials: { userName } } : {}) };
  await expectStatus(
    await t.api(`/api/v1/apps/${appId}/users`, { method: 'POST', body: JSON.stringify(body) }),
    200,
    'assigning a user',
  );
}

export async function createScope(
  t: TestApp,
  serverId: string,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await expectStatus(
    await t.api(`/api/v1/authorizationServers/${serverId}/scopes`, {
      method: 'POST',
      body: JSON.stringify({ name, ...extra }),
    }),
    201,
    `scope ${name}`,
  );
}

export async function createServer(t: TestApp, name: string): Promise<string> {
  const body = { name, description: `${name} API`, audiences: [`api://${name}`] };
  return (
    await expectStatus<{ id: string }>(
      await t.api('/api/v1/authorizationServers', { method: 'POST', body: JSON.stringify(body) }),
      201,
      `server ${name}`,
    )
  ).id;
}

/** A policy for every client with one rule for EVERYONE and every scope. */
export async function createPolicyAndRule(
  t: TestApp,
  serverId: string,
  grantTypes: string[],
  accessTokenMinutes = 60,
): Promise<void> {
  const base = `/api/v1/authorizationServers/${serverId}/policies`;
  const policy = await expectStatus<{ id: string }>(
    await t.api(base, {
      method: 'POST',
      body: JSON.stringify({
        type: 'OAUTH_AUTHORIZATION_POLICY',
        name: 'Test policy',
        description: 'Test policy',
        conditions: { clients: { include: ['ALL_CLIENTS'] } },
      }),
    }),
    201,
    'creating a policy',
  );
  const rule = {
    type: 'RESOURCE_ACCESS',
    name: 'Test rule',
    conditions: {
      people: { groups: { include: ['EVERYONE'] } },
      grantTypes: { include: grantTypes },
      scopes: { include: ['*'] },
    },
    actions: {
      token: {
        accessTokenLifetimeMinutes: accessTokenMinutes,
        refreshTokenLifetimeMinutes: 0,
        refreshTokenWindowMinutes: 10080,
      },
    },
  };
  await expectStatus(
    await t.api(`${base}/${policy.id}/rules`, { method: 'POST', body: JSON.stringify(rule) }),
    201,
    'creating a rule',
  );
}

export const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

/** POSTs the form to the server's token endpoint. */
export function postToken(
  t: TestApp,
  params: Record<string, string>,
  headers: Record<string, string> = {},
  serverId = 'default',
): Promise<Response> {
  return fetch(`${t.origin}/oauth2/${serverId}/v1/token`, {
    method: 'POST',
    headers: { ...FORM, ...headers },
    body: new URLSearchParams(params).toString(),
  });
}

/** The status and the OAuth error body of a refused token request. */
export async function refusal(
  response: Promise<Response>,
): Promise<{ status: number; error: string; error_description: string; headers: Headers }> {
  const r = await response;
  const body = (await r.json()) as { error: string; error_description: string };
  return { status: r.status, error: body.error, error_description: body.error_description, headers: r.headers };
}

export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header!, 'base64url').toString()),
    payload: JSON.parse(Buffer.from(payload!, 'base64url').toString()),
  };
}

/** An event as the `events` table holds it. */
export type { EventRow } from '../../../src-main/store/event-repository.js';

/** The event log, oldest first, read straight from the database. */
export function events(t: TestApp): EventRow[] {
  const db = new Database(join(t.dataDir, 'authbox.db'), { readonly: true });
  try {
    return eventRows(db);
  } finally {
    db.close();
  }
}

/** Runs `request` and returns the one event it recorded (failing if it recorded none or several). */
export async function oneEvent<T>(t: TestApp, request: () => Promise<T>): Promise<{ result: T; event: EventRow }> {
  const before = events(t).length;
  const result = await request();
  const after = events(t);
  if (after.length !== before + 1) throw new Error(`expected one new event, got ${after.length - before}`);
  return { result, event: after[after.length - 1]! };
}
