/**
 * What the e2e tests set up through the management API with plain fetch (no vitest helpers in
 * Playwright): servers with scopes and claims, a policy with one client_credentials rule, apps,
 * users in groups and assigned to apps, and token requests.
 */
import type { Authbox } from './authbox-process.js';

export interface ServiceClient {
  clientId: string;
  clientSecret: string;
}

async function send<T>(authbox: Authbox, method: string, path: string, body: unknown, status: number): Promise<T> {
  const response = await authbox.api<T>(method, path, body);
  if (response.status !== status)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const create = <T>(authbox: Authbox, path: string, body: unknown, status: number) =>
  send<T>(authbox, 'POST', path, body, status);

export async function createServer(authbox: Authbox, name: string): Promise<string> {
  const body = { name, description: `${name} API`, audiences: [`api://${name.toLowerCase().replace(/\W+/g, '-')}`] };
  return (await create<{ id: string }>(authbox, '/api/v1/authorizationServers', body, 201)).id;
}

export async function createScope(authbox: Authbox, serverId: string, name: string): Promise<void> {
  await create(authbox, `/api/v1/authorizationServers/${serverId}/scopes`, { name }, 201);
}

/** A claim as Okta's API takes it (Okta "Authorization Server Claims" API); its id. */
export async function createClaim(authbox: Authbox, serverId: string, claim: Record<string, unknown>): Promise<string> {
  return (await create<{ id: string }>(authbox, `/api/v1/authorizationServers/${serverId}/claims`, claim, 201)).id;
}

/** A policy for every client with one rule: client_credentials, for EVERYONE, only `scopes`. */
export async function createPolicyWithRule(
  authbox: Authbox,
  serverId: string,
  ruleName: string,
  scopes: string[],
): Promise<void> {
  const base = `/api/v1/authorizationServers/${serverId}/policies`;
  const policy = await create<{ id: string }>(
    authbox,
    base,
    {
      type: 'OAUTH_AUTHORIZATION_POLICY',
      name: 'Services',
      description: 'Machine-to-machine clients',
      conditions: { clients: { include: ['ALL_CLIENTS'] } },
    },
    201,
  );
  const rule = {
    type: 'RESOURCE_ACCESS',
    name: ruleName,
    conditions: {
      people: { groups: { include: ['EVERYONE'] } },
      grantTypes: { include: ['client_credentials'] },
      scopes: { include: scopes },
    },
    actions: {
      token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 },
    },
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
    settings: {
      oauthClient: { application_type: 'service', grant_types: ['client_credentials'], response_types: ['token'] },
    },
  };
  const app = await create<{ credentials: { oauthClient: { client_id: string; client_secret: string } } }>(
    authbox,
    '/api/v1/apps',
    body,
    200,
  );
  return { clientId: app.credentials.oauthClient.client_id, clientSecret: app.credentials.oauthClient.client_secret };
}

/** An OIDC web app (authorization code) with an app profile (`app.profile.*` in expressions); its id and client_id. */
export async function createWebApp(
  authbox: Authbox,
  label: string,
  profile: Record<string, unknown> = {},
): Promise<{ id: string; clientId: string }> {
  const body = {
    name: 'oidc_client',
    label,
    signOnMode: 'OPENID_CONNECT',
    profile,
    settings: {
      oauthClient: {
        application_type: 'web',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: ['http://localhost:8080/callback'],
      },
    },
  };
  const app = await create<{ id: string; credentials: { oauthClient: { client_id: string } } }>(
    authbox,
    '/api/v1/apps',
    body,
    200,
  );
  return { id: app.id, clientId: app.credentials.oauthClient.client_id };
}

/** An ACTIVE user with a password; `profile` adds to (or overrides) the login, email and names. Its id. */
export async function createUser(
  authbox: Authbox,
  login: string,
  profile: Record<string, unknown> = {},
): Promise<string> {
  const body = {
    profile: { login, email: login, firstName: 'Test', lastName: 'User', ...profile },
    credentials: { password: { value: 'Correct-Horse-9' } },
  };
  return (await create<{ id: string }>(authbox, '/api/v1/users?activate=true', body, 200)).id;
}

/** Assigns a user to an app directly (Okta "Application Users" and "Application Groups" APIs): user grants refuse users who are not assigned. */
export async function assignUser(authbox: Authbox, appId: string, userId: string): Promise<void> {
  await create(authbox, `/api/v1/apps/${appId}/users`, { id: userId }, 200);
}

/** An Okta group holding `userIds`; its id. */
export async function createGroup(authbox: Authbox, name: string, userIds: string[] = []): Promise<string> {
  const group = await create<{ id: string }>(authbox, '/api/v1/groups', { profile: { name } }, 200);
  for (const userId of userIds)
    await send(authbox, 'PUT', `/api/v1/groups/${group.id}/users/${userId}`, undefined, 204);
  return group.id;
}

/** POST /oauth2/{serverId}/v1/token with client_credentials; the status and the JSON answer. */
export async function requestToken(
  authbox: Authbox,
  serverId: string,
  client: ServiceClient,
  scope: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
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
