/**
 * What the tests of issued tokens share (token/refresh, introspect/, revoke/, userinfo/; the clock
 * also serves the authorize and device flows): a clock they can move, apps allowed the refresh_token
 * grant (ROTATE or STATIC), a user signed in with the password grant, and plain /introspect, /revoke
 * and /userinfo calls for the cases a client library cannot express.
 */
import type { TestApp } from '../../support/app.js';
import { FORM, PASSWORD, assignUser, basic, createClient, createServer, createUser, postToken } from './fixtures.js';
import type { TestClient } from './fixtures.js';

/** A clock that follows real time (so client libraries accept iat/exp) plus an offset tests move. */
export class MovableClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}

/** A native app allowed password and refresh_token, with the given rotation (none: Okta's default for its type). */
export function createRefreshClient(
  t: TestApp,
  options: { rotation?: 'ROTATE' | 'STATIC'; leeway?: number; grants?: string[]; authMethod?: string } = {},
): Promise<TestClient> {
  const {
    rotation,
    leeway,
    grants = ['authorization_code', 'password', 'refresh_token'],
    authMethod = 'client_secret_basic',
  } = options;
  return createClient(t, {
    label: 'Refresh app',
    credentials: { pkce_required: authMethod === 'none', token_endpoint_auth_method: authMethod },
    settings: {
      application_type: 'native',
      grant_types: grants,
      response_types: ['code'],
      redirect_uris: ['com.example.app:/callback', 'http://localhost:5173/login/callback'],
      ...(rotation ? { refresh_token: { rotation_type: rotation, ...(leeway !== undefined ? { leeway } : {}) } } : {}),
    },
  });
}

/** A new ACTIVE user assigned to the app; returns the user id. */
export async function assignedUser(t: TestApp, client: TestClient, login: string): Promise<string> {
  const id = await createUser(t, login);
  await assignUser(t, client.id, id);
  return id;
}

export interface TokenBody {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  scope: string;
  expires_in: number;
  token_type: string;
}

/** The client's credentials as a Basic header (a public client: none). */
export const clientAuth = (client: TestClient): Record<string, string> =>
  client.clientSecret ? { authorization: basic(client.clientId, client.clientSecret) } : {};
const clientIdParam = (client: TestClient): Record<string, string> =>
  client.clientSecret ? {} : { client_id: client.clientId };

/** Password grant for `login`; throws unless it succeeds. */
export async function signIn(
  t: TestApp,
  client: TestClient,
  login: string,
  scope = 'openid profile email offline_access',
): Promise<TokenBody> {
  const response = await postToken(
    t,
    { grant_type: 'password', username: login, password: PASSWORD, scope, ...clientIdParam(client) },
    clientAuth(client),
  );
  if (response.status !== 200) throw new Error(`password grant: ${response.status} ${await response.text()}`);
  return (await response.json()) as TokenBody;
}

export function refresh(
  t: TestApp,
  client: TestClient,
  refreshToken: string,
  extra: Record<string, string> = {},
): Promise<Response> {
  return postToken(
    t,
    { grant_type: 'refresh_token', refresh_token: refreshToken, ...clientIdParam(client), ...extra },
    clientAuth(client),
  );
}

/** POSTs a form to `/oauth2/default/v1/<endpoint>`. */
export function postForm(
  t: TestApp,
  endpoint: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${t.origin}/oauth2/default/v1/${endpoint}`, {
    method: 'POST',
    headers: { ...FORM, ...headers },
    body: new URLSearchParams(params).toString(),
  });
}

export async function introspect(
  t: TestApp,
  client: TestClient,
  token: string,
  extra: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const response = await postForm(t, 'introspect', { token, ...extra }, clientAuth(client));
  if (response.status !== 200) throw new Error(`introspect: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** A custom server whose one rule (EVERYONE, every scope, password and refresh_token) has the given lifetimes in minutes. */
export async function createServerWithLifetimes(
  t: TestApp,
  name: string,
  lifetimes: { access: number; refresh: number; window: number },
): Promise<string> {
  const serverId = await createServer(t, name);
  const base = `/api/v1/authorizationServers/${serverId}/policies`;
  const policyBody = {
    type: 'OAUTH_AUTHORIZATION_POLICY',
    name: 'Lifetimes',
    description: 'Lifetimes',
    conditions: { clients: { include: ['ALL_CLIENTS'] } },
  };
  const policy = (await (await t.api(base, { method: 'POST', body: JSON.stringify(policyBody) })).json()) as {
    id: string;
  };
  const rule = {
    type: 'RESOURCE_ACCESS',
    name: 'Lifetimes',
    conditions: {
      people: { groups: { include: ['EVERYONE'] } },
      grantTypes: { include: ['password', 'refresh_token'] },
      scopes: { include: ['*'] },
    },
    actions: {
      token: {
        accessTokenLifetimeMinutes: lifetimes.access,
        refreshTokenLifetimeMinutes: lifetimes.refresh,
        refreshTokenWindowMinutes: lifetimes.window,
      },
    },
  };
  const response = await t.api(`${base}/${policy.id}/rules`, { method: 'POST', body: JSON.stringify(rule) });
  if (response.status !== 201) throw new Error(`rule: ${response.status} ${await response.text()}`);
  return serverId;
}
