/**
 * What the event log tests set up through the management API with plain fetch (no vitest helpers
 * in Playwright): a server with scopes, a policy with one client_credentials rule, a service app,
 * and token requests against it.
 */
import type { Authbox } from './authbox-process.js';

export interface ServiceClient {
  clientId: string;
  clientSecret: string;
}

async function create<T>(authbox: Authbox, path: string, body: unknown, status: number): Promise<T> {
  const response = await authbox.api<T>('POST', path, body);
  if (response.status !== status) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function createServer(authbox: Authbox, name: string): Promise<string> {
  const body = { name, description: `${name} API`, audiences: [`api://${name.toLowerCase().replace(/\W+/g, '-')}`] };
  return (await create<{ id: string }>(authbox, '/api/v1/authorizationServers', body, 201)).id;
}

export async function createScope(authbox: Authbox, serverId: string, name: string): Promise<void> {
  await create(authbox, `/api/v1/authorizationServers/${serverId}/scopes`, { name }, 201);
}

/** A policy for every client with one rule: client_credentials, for EVERYONE, only `scopes`. */
export async function createPolicyWithRule(authbox: Authbox, serverId: string, ruleName: string, scopes: string[]): Promise<void> {
  const base = `/api/v1/authorizationServers/${serverId}/policies`;
  const policy = await create<{ id: string }>(
    authbox,
    base,
    { type: 'OAUTH_AUTHORIZATION_POLICY', name: 'Services', description: 'Machine-to-machine clients', conditions: { clients: { include: ['ALL_CLIENTS'] } } },
    201,
  );
  const rule = {
    type: 'RESOURCE_ACCESS',
    name: ruleName,
    conditions: { people: { groups: { include: ['EVERYONE'] } }, grantTypes: { include: ['client_credentials'] }, scopes: { include: scopes } },
    actions: { token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 } },
  };
  await create(authbox, `${base}/${policy.id}/rules`, rule, 201);
}

/** An OIDC service app: client_credentials with client_secret_basic. */
export async function createServiceApp(authbox: Authbox, label: string): Promise<ServiceClient> {
  const body = {
    name: 'oidc_client',
    label,
    signOnMode: 'OPENID_CONNECT',
    credentials: { oauthClient: { token_endpoint_auth_method: 'client_secret_basic' } },
    settings: { oauthClient: { application_type: 'service', grant_types: ['client_credentials'], response_types: ['token'] } },
  };
  const app = await create<{ credentials: { oauthClient: { client_id: string; client_secret: string } } }>(authbox, '/api/v1/apps', body, 200);
  return { clientId: app.credentials.oauthClient.client_id, clientSecret: app.credentials.oauthClient.client_secret };
}

/** POST /oauth2/{serverId}/v1/token with client_credentials; the status and the JSON answer. */
export async function requestToken(authbox: Authbox, serverId: string, client: ServiceClient, scope: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${authbox.origin}/oauth2/${serverId}/v1/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
