/**
 * UserInfo against the real server (OIDC Core §5.3, RFC 6750 §3, Okta "OpenID Connect & OAuth 2.0 API"): openid-client
 * gets `sub` equal to the ID token's and the full claims of the token's scopes; bad, expired,
 * revoked, client_credentials and other servers' tokens get 401 with the exact WWW-Authenticate;
 * a token without `openid` gets 403 insufficient_scope.
 */
import { ClientSecretBasic, allowInsecureRequests, discovery, fetchUserInfo } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import {
  basic,
  createClient,
  createPolicyAndRule,
  createScope,
  createServer,
  decodeJwt,
  oneEvent,
  postToken,
} from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import { MovableClock, assignedUser, createRefreshClient, signIn } from '../token/issued-tokens.js';

const clock = new MovableClock();
let t: TestApp;
let client: TestClient;
let aliceId: string;
const INVALID = 'Bearer error="invalid_token", error_description="The access token is invalid."';

beforeAll(async () => {
  t = await startTestApp({ clock });
  client = await createRefreshClient(t, { rotation: 'STATIC' });
  aliceId = await assignedUser(t, client, 'alice@example.com');
  const profile = {
    middleName: 'Q',
    nickName: 'Al',
    mobilePhone: '+1 555 0100',
    streetAddress: '1 Main St',
    city: 'Springfield',
    state: 'IL',
    zipCode: '62701',
    countryCode: 'US',
    locale: 'en_US',
    timezone: 'America/Chicago',
  };
  expect((await t.api(`/api/v1/users/${aliceId}`, { method: 'POST', body: JSON.stringify({ profile }) })).status).toBe(
    200,
  );
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

const userinfo = (token: string, serverId = 'default') =>
  fetch(`${t.origin}/oauth2/${serverId}/v1/userinfo`, { headers: { authorization: `Bearer ${token}` } });

async function expectInvalid(response: Response): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe(INVALID);
  expect(await response.json()).toEqual({ error: 'invalid_token', error_description: 'The access token is invalid.' });
}

describe('userinfo', () => {
  it("gives openid-client the ID token's sub and every claim of the token's scopes", async () => {
    const tokens = await signIn(t, client, 'alice@example.com', 'openid profile email address phone');
    const config = await discovery(
      new URL(`${t.origin}/oauth2/default`),
      client.clientId,
      undefined,
      ClientSecretBasic(client.clientSecret!),
      { execute: [allowInsecureRequests] },
    );
    const sub = decodeJwt(tokens.id_token!).payload['sub'] as string;
    const { result: claims, event } = await oneEvent(t, () => fetchUserInfo(config, tokens.access_token, sub));
    expect(claims).toMatchObject({
      sub: aliceId,
      name: 'Alice Smith',
      given_name: 'Alice',
      family_name: 'Smith',
      middle_name: 'Q',
      nickname: 'Al',
      preferred_username: 'alice@example.com',
      locale: 'en_US',
      zoneinfo: 'America/Chicago',
      email: 'alice@example.com',
      email_verified: true,
      phone_number: '+1 555 0100',
      address: {
        street_address: '1 Main St',
        locality: 'Springfield',
        region: 'IL',
        postal_code: '62701',
        country: 'US',
      },
    });
    expect(claims['updated_at']).toEqual(expect.any(Number));
    expect(event).toMatchObject({
      endpoint: 'userinfo',
      client_id: client.clientId,
      user_id: aliceId,
      outcome: 'success',
    });
  });

  it('gives only the claims of the granted scopes, and answers POST too', async () => {
    const tokens = await signIn(t, client, 'alice@example.com', 'openid email');
    const response = await fetch(`${t.origin}/oauth2/default/v1/userinfo`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await response.json()).toEqual({ sub: aliceId, email: 'alice@example.com', email_verified: true });
  });

  it('refuses a token without openid with 403 insufficient_scope', async () => {
    const tokens = await signIn(t, client, 'alice@example.com', 'profile');
    const { result: response, event } = await oneEvent(t, () => userinfo(tokens.access_token));
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer error="insufficient_scope", error_description="The access token must include the 'openid' scope."`,
    );
    expect(await response.json()).toEqual({
      error: 'insufficient_scope',
      error_description: "The access token must include the 'openid' scope.",
    });
    expect(event).toMatchObject({ endpoint: 'userinfo', outcome: 'failure', error: 'insufficient_scope' });
  });

  it('refuses a missing, a garbage and an expired token with 401 invalid_token', async () => {
    await expectInvalid(await fetch(`${t.origin}/oauth2/default/v1/userinfo`));
    await expectInvalid(await userinfo('garbage'));
    const tokens = await signIn(t, client, 'alice@example.com', 'openid');
    clock.advance(3601);
    await expectInvalid(await userinfo(tokens.access_token));
  });

  it('refuses a client_credentials token: it has no user', async () => {
    const service = await createClient(t, { label: 'Service' });
    await createScope(t, 'default', 'orders:read');
    const response = await postToken(
      t,
      { grant_type: 'client_credentials', scope: 'orders:read' },
      { authorization: basic(service.clientId, service.clientSecret!) },
    );
    await expectInvalid(await userinfo(((await response.json()) as { access_token: string }).access_token));
  });

  it("refuses another server's token", async () => {
    const serverId = await createServer(t, 'orders');
    await createPolicyAndRule(t, serverId, ['password']);
    const response = await postToken(
      t,
      { grant_type: 'password', username: 'alice@example.com', password: 'Sandbox-Passw0rd!', scope: 'openid' },
      { authorization: basic(client.clientId, client.clientSecret!) },
      serverId,
    );
    const token = ((await response.json()) as { access_token: string }).access_token;
    expect((await userinfo(token, serverId)).status).toBe(200);
    await expectInvalid(await userinfo(token));
  });

  it("is CORS-enabled for the origins of the token's client redirect URIs", async () => {
    const origin = 'http://localhost:5173';
    const preflight = await fetch(`${t.origin}/oauth2/default/v1/userinfo`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization, x-okta-user-agent-extended',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    const tokens = await signIn(t, client, 'alice@example.com', 'openid');
    const response = await fetch(`${t.origin}/oauth2/default/v1/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}`, origin },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    const stranger = await fetch(`${t.origin}/oauth2/default/v1/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}`, origin: 'http://evil.example' },
    });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses the token of a user who was suspended since', async () => {
    const bob = await assignedUser(t, client, 'bob@example.com');
    const tokens = await signIn(t, client, 'bob@example.com', 'openid');
    await t.api(`/api/v1/users/${bob}/lifecycle/suspend`, { method: 'POST' });
    await expectInvalid(await userinfo(tokens.access_token));
  });
});
