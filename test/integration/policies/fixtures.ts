/**
 * What the policy and rule tests need around them: the SDK client, apps, users, groups and scopes
 * made through the management API, and row counts of the policy tables (read from the database).
 */
import { Client } from '@okta/okta-sdk-nodejs';
import type { AuthorizationServerPolicy, AuthorizationServerPolicyRuleRequest } from '@okta/okta-sdk-nodejs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ADMIN_TOKEN } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';

/** cacheMiddleware off: the SDK caches GETs by self link, which would hide what the server answers. */
export const sdk = (t: TestApp) => new Client({ orgUrl: t.origin, token: ADMIN_TOKEN, cacheMiddleware: null });

/** Every item of an SDK Collection; a `null` item (an empty page advertising `next`) is an error. */
export async function collect<T>(collection: AsyncIterable<T | null>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of collection) {
    if (item === null) throw new Error('the collection yielded a null item');
    items.push(item);
  }
  return items;
}

export const policyBody = (name: string, overrides: Record<string, unknown> = {}) =>
  ({
    type: 'OAUTH_AUTHORIZATION_POLICY',
    name,
    description: `${name} description`,
    conditions: { clients: { include: ['ALL_CLIENTS'] } },
    ...overrides,
  }) as AuthorizationServerPolicy;

export const ruleBody = (name: string, overrides: Record<string, unknown> = {}) =>
  ({
    type: 'RESOURCE_ACCESS',
    name,
    conditions: {
      people: { groups: { include: ['EVERYONE'] } },
      grantTypes: { include: ['authorization_code'] },
      scopes: { include: ['*'] },
    },
    ...overrides,
  }) as AuthorizationServerPolicyRuleRequest;

export async function createServer(client: Client, name: string): Promise<string> {
  const server = await client.authorizationServerApi.createAuthorizationServer({
    authorizationServer: { name, description: `${name} API`, audiences: [`api://${name}`] },
  });
  return server.id!;
}

function withDb<T>(t: TestApp, work: (db: Database.Database) => T): T {
  const db = new Database(join(t.dataDir, 'authbox.db'), { readonly: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

async function created<T>(response: Response, status: number, what: string): Promise<T> {
  if (response.status !== status) throw new Error(`creating ${what}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function createUser(t: TestApp, login: string): Promise<string> {
  const profile = { login, email: login, firstName: login.split('@')[0], lastName: 'Test' };
  const body = JSON.stringify({ profile, credentials: { password: { value: 'Sandbox-Passw0rd!' } } });
  return (await created<{ id: string }>(await t.api('/api/v1/users?activate=true', { method: 'POST', body }), 200, login)).id;
}

export async function createGroup(t: TestApp, name: string): Promise<string> {
  const body = JSON.stringify({ profile: { name, description: `${name} group` } });
  return (await created<{ id: string }>(await t.api('/api/v1/groups', { method: 'POST', body }), 200, `group ${name}`)).id;
}

/** An OIDC service app; returns its client_id. */
export async function createApp(t: TestApp, label: string): Promise<string> {
  const response = await t.api('/api/v1/apps', {
    method: 'POST',
    body: JSON.stringify({
      name: 'oidc_client',
      label,
      signOnMode: 'OPENID_CONNECT',
      credentials: { oauthClient: { token_endpoint_auth_method: 'client_secret_basic' } },
      settings: { oauthClient: { application_type: 'service', grant_types: ['client_credentials'], response_types: ['token'] } },
    }),
  });
  return (await created<{ credentials: { oauthClient: { client_id: string } } }>(response, 200, `app ${label}`)).credentials.oauthClient.client_id;
}

/** A custom scope of the server. */
export async function createScope(t: TestApp, serverId: string, name: string): Promise<void> {
  const response = await t.api(`/api/v1/authorizationServers/${serverId}/scopes`, { method: 'POST', body: JSON.stringify({ name }) });
  await created(response, 201, `scope ${name}`);
}

/** Row counts of the policy tables, to show a refused request changed nothing. */
export function counts(t: TestApp): Record<string, number> {
  return withDb(t, (db) =>
    Object.fromEntries(
      ['policies', 'policy_apps', 'rules', 'rule_users', 'rule_groups'].map((table) => [
        table,
        (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
      ]),
    ),
  );
}

/** The Okta error a rejected SDK call carries. */
export async function oktaError(call: Promise<unknown>): Promise<{ status: number; errorCode: string; errorCauses: { errorSummary: string }[] }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!error) throw new Error('expected the call to fail');
  return error as { status: number; errorCode: string; errorCauses: { errorSummary: string }[] };
}
