/**
 * Token revocation against the real server (RFC 7009, Okta "OpenID Connect & OAuth 2.0 API"): openid-client revokes an
 * access token (userinfo and introspection then refuse it) and a refresh token (its whole family
 * goes); an unknown or another client's token is still 200 with an empty body and changes nothing.
 */
import { ClientSecretBasic, allowInsecureRequests, discovery, tokenRevocation } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { basic, oneEvent, refusal } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import { assignedUser, createRefreshClient, introspect, postForm, refresh, signIn } from '../token/issued-tokens.js';

let t: TestApp;
let client: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  client = await createRefreshClient(t, { rotation: 'STATIC' });
  await assignedUser(t, client, 'alice@example.com');
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

const revoke = (token: string, c: TestClient = client) =>
  postForm(t, 'revoke', { token }, { authorization: basic(c.clientId, c.clientSecret!) });
const userinfo = (token: string) =>
  fetch(`${t.origin}/oauth2/default/v1/userinfo`, { headers: { authorization: `Bearer ${token}` } });

describe('revocation', () => {
  it('revokes an access token through openid-client; userinfo then answers 401 with the exact WWW-Authenticate', async () => {
    const tokens = await signIn(t, client, 'alice@example.com');
    expect((await userinfo(tokens.access_token)).status).toBe(200);
    const config = await discovery(
      new URL(`${t.origin}/oauth2/default`),
      client.clientId,
      undefined,
      ClientSecretBasic(client.clientSecret!),
      { execute: [allowInsecureRequests] },
    );
    await tokenRevocation(config, tokens.access_token);
    const response = await userinfo(tokens.access_token);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token", error_description="The access token is invalid."',
    );
    expect(await introspect(t, client, tokens.access_token)).toEqual({ active: false });
    // Revoking an access token leaves its refresh token alone.
    expect((await refresh(t, client, tokens.refresh_token!)).status).toBe(200);
  });

  it('revokes a refresh token with its family: its access tokens and any refresh go too', async () => {
    const tokens = await signIn(t, client, 'alice@example.com');
    const refreshed = (await (await refresh(t, client, tokens.refresh_token!)).json()) as { access_token: string };
    const { result, event } = await oneEvent(t, () => revoke(tokens.refresh_token!));
    expect(result.status).toBe(200);
    expect(await result.text()).toBe('');
    expect(event).toMatchObject({ endpoint: 'revoke', client_id: client.clientId, outcome: 'success' });
    expect(event.detail).toContain('and its token family');
    for (const token of [tokens.access_token, refreshed.access_token, tokens.refresh_token!])
      expect(await introspect(t, client, token)).toEqual({ active: false });
    expect(await refusal(refresh(t, client, tokens.refresh_token!))).toMatchObject({
      status: 400,
      error: 'invalid_grant',
      error_description: 'The refresh token is invalid or expired.',
    });
  });

  it('answers 200 with an empty body for an unknown token', async () => {
    const response = await revoke('no-such-token');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it("answers 200 for another client's token and leaves it active", async () => {
    const other = await createRefreshClient(t, { rotation: 'STATIC' });
    const tokens = await signIn(t, client, 'alice@example.com');
    expect((await revoke(tokens.access_token, other)).status).toBe(200);
    expect((await revoke(tokens.refresh_token!, other)).status).toBe(200);
    expect(await introspect(t, client, tokens.access_token)).toMatchObject({ active: true });
    expect(await introspect(t, client, tokens.refresh_token!)).toMatchObject({ active: true });
  });

  it("refuses a request without token with Okta's text", async () => {
    expect(
      await refusal(postForm(t, 'revoke', {}, { authorization: basic(client.clientId, client.clientSecret!) })),
    ).toMatchObject({
      status: 400,
      error: 'invalid_request',
      error_description: "The 'token' parameter is required.",
    });
  });

  it('answers the CORS preflight for a redirect-URI origin and lets that origin read the answer', async () => {
    const origin = 'http://localhost:5173';
    const preflight = await fetch(`${t.origin}/oauth2/default/v1/revoke`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, x-okta-user-agent-extended',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-okta-user-agent-extended');
    const response = await postForm(
      t,
      'revoke',
      { token: 'x' },
      { authorization: basic(client.clientId, client.clientSecret!), origin },
    );
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    const stranger = await postForm(
      t,
      'revoke',
      { token: 'x' },
      { authorization: basic(client.clientId, client.clientSecret!), origin: 'http://evil.example' },
    );
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });
});
