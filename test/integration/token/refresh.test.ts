/**
 * Refresh tokens against the real server (RFC 6749 §6, Okta "OpenID Connect & OAuth 2.0 API"): issued only with
 * `offline_access` and the app's refresh_token grant; ROTATE and STATIC; a rotated token reused
 * after the leeway revokes its family; lifetime and idle window by the injected clock; scope
 * narrowing; Okta's exact refusals.
 */
import { ClientSecretBasic, allowInsecureRequests, discovery, refreshTokenGrant } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { PASSWORD, createPasswordClient, decodeJwt, oneEvent, postToken, refusal } from './fixtures.js';
import type { TestClient } from './fixtures.js';
import {
  MovableClock,
  assignedUser,
  clientAuth,
  createRefreshClient,
  createServerWithLifetimes,
  postForm,
  refresh,
  signIn,
} from './issued-tokens.js';
import type { TokenBody } from './issued-tokens.js';

const clock = new MovableClock();
let t: TestApp;
let issuer: string;

beforeAll(async () => {
  t = await startTestApp({ clock });
  issuer = `${t.origin}/oauth2/default`;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

const invalidRefreshToken = {
  status: 400,
  error: 'invalid_grant',
  error_description: 'The refresh token is invalid or expired.',
};

describe('issuing refresh tokens', () => {
  it('issues an opaque refresh token with offline_access on an app with the refresh_token grant', async () => {
    const client = await createRefreshClient(t, { rotation: 'ROTATE' });
    await assignedUser(t, client, 'issue@example.com');
    const tokens = await signIn(t, client, 'issue@example.com');
    expect(tokens.refresh_token).toMatch(/^[0-9A-Za-z]{43}$/);
    expect(tokens.scope).toBe('openid profile email offline_access');
    expect(Object.keys(tokens)).toEqual([
      'token_type',
      'expires_in',
      'access_token',
      'scope',
      'id_token',
      'refresh_token',
    ]);
  });

  it('issues none without offline_access', async () => {
    const client = await createRefreshClient(t, { rotation: 'ROTATE' });
    await assignedUser(t, client, 'nooffline@example.com');
    expect(await signIn(t, client, 'nooffline@example.com', 'openid profile')).not.toHaveProperty('refresh_token');
  });

  it('issues none when the app lacks the refresh_token grant', async () => {
    const client = await createPasswordClient(t);
    await assignedUser(t, client, 'nogrant@example.com');
    const tokens = await signIn(t, client, 'nogrant@example.com');
    expect(tokens.scope).toContain('offline_access');
    expect(tokens).not.toHaveProperty('refresh_token');
  });
});

describe('refresh_token grant', () => {
  let rotating: TestClient;
  let aliceId: string;

  beforeAll(async () => {
    rotating = await createRefreshClient(t, { rotation: 'ROTATE', leeway: 10 });
    aliceId = await assignedUser(t, rotating, 'alice@example.com');
  });

  it('ROTATE: openid-client gets a new refresh token each time, and an ID token with the original auth_time', async () => {
    const first = await signIn(t, rotating, 'alice@example.com');
    const config = await discovery(
      new URL(issuer),
      rotating.clientId,
      undefined,
      ClientSecretBasic(rotating.clientSecret!),
      { execute: [allowInsecureRequests] },
    );
    const second = await refreshTokenGrant(config, first.refresh_token!);
    expect(second.refresh_token).toMatch(/^[0-9A-Za-z]{43}$/);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.scope).toBe('openid profile email offline_access');
    const third = await refreshTokenGrant(config, second.refresh_token!);
    expect(third.refresh_token).not.toBe(second.refresh_token);
    const id = decodeJwt(third.id_token!).payload;
    expect(id).toMatchObject({
      sub: aliceId,
      aud: rotating.clientId,
      amr: ['pwd'],
      auth_time: decodeJwt(first.id_token!).payload['auth_time'],
    });
    expect(decodeJwt(third.access_token).payload).toMatchObject({
      uid: aliceId,
      sub: 'alice@example.com',
      cid: rotating.clientId,
    });
  });

  it('ROTATE: a rotated token still works within the leeway, and revokes the family after it', async () => {
    const first = await signIn(t, rotating, 'alice@example.com');
    const second = (await (await refresh(t, rotating, first.refresh_token!)).json()) as TokenBody;
    const again = await refresh(t, rotating, first.refresh_token!);
    expect(again.status).toBe(200);
    const third = (await again.json()) as TokenBody;
    expect(third.refresh_token).not.toBe(second.refresh_token);
    clock.advance(11);
    const { result, event } = await oneEvent(t, () => refusal(refresh(t, rotating, first.refresh_token!)));
    expect(result).toMatchObject(invalidRefreshToken);
    expect(event.detail).toContain('its token family is revoked');
    // The newest refresh token and every access token of the family are revoked with it.
    for (const token of [third.refresh_token!, first.access_token, second.access_token, third.access_token]) {
      expect(await (await postForm(t, 'introspect', { token }, clientAuth(rotating))).text()).toBe('{"active":false}');
    }
    expect(await refusal(refresh(t, rotating, third.refresh_token!))).toMatchObject(invalidRefreshToken);
    expect(await refusal(refresh(t, rotating, second.refresh_token!))).toMatchObject(invalidRefreshToken);
  });

  it('STATIC: returns the same refresh token', async () => {
    const client = await createRefreshClient(t, { rotation: 'STATIC' });
    await assignedUser(t, client, 'static@example.com');
    const first = await signIn(t, client, 'static@example.com');
    for (let i = 0; i < 2; i++) {
      const next = (await (await refresh(t, client, first.refresh_token!)).json()) as TokenBody;
      expect(next.refresh_token).toBe(first.refresh_token);
      expect(next.access_token).not.toBe(first.access_token);
    }
  });

  it('narrows the scope on request and refuses widening it', async () => {
    const first = await signIn(t, rotating, 'alice@example.com', 'openid email offline_access');
    const narrowed = (await (
      await refresh(t, rotating, first.refresh_token!, { scope: 'openid offline_access' })
    ).json()) as TokenBody;
    expect(narrowed.scope).toBe('openid offline_access');
    expect(decodeJwt(narrowed.access_token).payload['scp']).toEqual(['openid', 'offline_access']);
    const wider = await refusal(refresh(t, rotating, narrowed.refresh_token!, { scope: 'openid profile' }));
    expect(wider).toMatchObject({
      status: 400,
      error: 'invalid_scope',
      error_description: 'The requested scope is invalid, unknown, or malformed.',
    });
  });

  it('refreshes for a public client as auth-js does (client_id in the body, no secret, a browser Origin)', async () => {
    const spa = await createRefreshClient(t, { rotation: 'ROTATE', authMethod: 'none' });
    await assignedUser(t, spa, 'spa@example.com');
    const first = await signIn(t, spa, 'spa@example.com');
    const origin = 'http://localhost:5173';
    const response = await postToken(
      t,
      {
        client_id: spa.clientId,
        grant_type: 'refresh_token',
        scope: 'openid offline_access',
        refresh_token: first.refresh_token!,
      },
      { origin },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    const body = (await response.json()) as TokenBody;
    expect(body.scope).toBe('openid offline_access');
    expect(body.refresh_token).not.toBe(first.refresh_token);
  });

  it('refuses an unknown refresh token with the exact text auth-js matches', async () => {
    expect(await refusal(refresh(t, rotating, 'not-a-refresh-token'))).toMatchObject(invalidRefreshToken);
  });

  it("refuses another client's refresh token", async () => {
    const other = await createRefreshClient(t, { rotation: 'ROTATE' });
    const tokens = await signIn(t, rotating, 'alice@example.com');
    const { result, event } = await oneEvent(t, () => refusal(refresh(t, other, tokens.refresh_token!)));
    expect(result).toMatchObject(invalidRefreshToken);
    expect(event.detail).toContain(`issued to the client '${rotating.clientId}'`);
  });

  it('refuses a request without refresh_token', async () => {
    const result = await refusal(refresh(t, rotating, ''));
    expect(result).toMatchObject({
      status: 400,
      error: 'invalid_request',
      error_description: "The 'refresh_token' parameter is required.",
    });
  });

  it('refuses a user who is no longer ACTIVE', async () => {
    const bobId = await assignedUser(t, rotating, 'bob@example.com');
    const tokens = await signIn(t, rotating, 'bob@example.com');
    await t.api(`/api/v1/users/${bobId}/lifecycle/suspend`, { method: 'POST' });
    expect(await refusal(refresh(t, rotating, tokens.refresh_token!))).toMatchObject(invalidRefreshToken);
  });

  it('refuses a user who is no longer assigned to the app', async () => {
    const daveId = await assignedUser(t, rotating, 'dave@example.com');
    const tokens = await signIn(t, rotating, 'dave@example.com');
    expect((await t.api(`/api/v1/apps/${rotating.id}/users/${daveId}`, { method: 'DELETE' })).status).toBe(204);
    expect(await refusal(refresh(t, rotating, tokens.refresh_token!))).toMatchObject({
      status: 400,
      error: 'access_denied',
      error_description: 'User is not assigned to the client application.',
    });
  });

  it('refuses the grant when the app is no longer allowed refresh_token', async () => {
    const client = await createRefreshClient(t, { rotation: 'STATIC' });
    await assignedUser(t, client, 'revoked-grant@example.com');
    const tokens = await signIn(t, client, 'revoked-grant@example.com');
    const app = (await (await t.api(`/api/v1/apps/${client.id}`)).json()) as {
      settings: { oauthClient: { grant_types: string[] } };
    };
    app.settings.oauthClient.grant_types = ['authorization_code', 'password'];
    expect((await t.api(`/api/v1/apps/${client.id}`, { method: 'PUT', body: JSON.stringify(app) })).status).toBe(200);
    const result = await refusal(refresh(t, client, tokens.refresh_token!));
    expect(result).toMatchObject({
      status: 400,
      error: 'unauthorized_client',
      error_description:
        'The client is not authorized to use the provided grant type. Configured grant types: [authorization_code, password].',
    });
  });
});

describe('refresh token expiry', () => {
  it('ends a refresh token after its idle window and after its lifetime', async () => {
    const client = await createRefreshClient(t, { rotation: 'STATIC' });
    await assignedUser(t, client, 'expiry@example.com');
    // The default server's rule: unlimited lifetime, a 10080-minute (7-day) idle window.
    const tokens = await signIn(t, client, 'expiry@example.com');
    clock.advance(7 * 24 * 3600 - 60);
    expect((await refresh(t, client, tokens.refresh_token!)).status).toBe(200);
    clock.advance(7 * 24 * 3600 - 60);
    expect((await refresh(t, client, tokens.refresh_token!)).status).toBe(200);
    clock.advance(7 * 24 * 3600 + 1);
    const { result, event } = await oneEvent(t, () => refusal(refresh(t, client, tokens.refresh_token!)));
    expect(result).toMatchObject(invalidRefreshToken);
    expect(event.detail).toMatch(/idle past its window|no refresh token has this value/);
  });
});

describe('refresh token lifetimes from the matched rule', () => {
  let client: TestClient;
  let serverId: string;
  const signInAt = async (login: string) =>
    (await (
      await postToken(
        t,
        { grant_type: 'password', username: login, password: PASSWORD, scope: 'openid offline_access' },
        clientAuth(client),
        serverId,
      )
    ).json()) as TokenBody;
  const refreshAt = (token: string) =>
    postToken(t, { grant_type: 'refresh_token', refresh_token: token }, clientAuth(client), serverId);

  beforeAll(async () => {
    client = await createRefreshClient(t, { rotation: 'STATIC' });
    await assignedUser(t, client, 'lifetime@example.com');
    serverId = await createServerWithLifetimes(t, 'lifetimes', { access: 5, refresh: 60, window: 30 });
  });

  it('ends the token at its lifetime even while each use moves the idle window; access tokens keep the rule lifetime', async () => {
    const tokens = await signInAt('lifetime@example.com');
    expect(tokens.expires_in).toBe(300);
    clock.advance(25 * 60);
    const first = (await (await refreshAt(tokens.refresh_token!)).json()) as TokenBody;
    expect(first.expires_in).toBe(300);
    clock.advance(25 * 60);
    expect((await refreshAt(tokens.refresh_token!)).status).toBe(200);
    clock.advance(11 * 60);
    const { result, event } = await oneEvent(t, () => refusal(refreshAt(tokens.refresh_token!)));
    expect(result).toMatchObject(invalidRefreshToken);
    expect(event.detail).toContain('its lifetime ended');
  });

  it('ends an unused token after the idle window', async () => {
    const tokens = await signInAt('lifetime@example.com');
    clock.advance(31 * 60);
    expect(await refusal(refreshAt(tokens.refresh_token!))).toMatchObject(invalidRefreshToken);
  });

  it("refuses a refresh token at another server's token endpoint", async () => {
    const tokens = await signInAt('lifetime@example.com');
    const { result, event } = await oneEvent(t, () => refusal(refresh(t, client, tokens.refresh_token!)));
    expect(result).toMatchObject(invalidRefreshToken);
    expect(event.detail).toContain(`issued by the authorization server '${serverId}'`);
  });
});
