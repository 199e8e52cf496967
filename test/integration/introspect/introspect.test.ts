/**
 * Token introspection against the real server (RFC 7662, Okta "OpenID Connect & OAuth 2.0 API"): openid-client reads an
 * access token's fields; refresh and ID tokens; auth-js's colon-less Basic for a public client;
 * anything inactive (revoked, expired, another client's, garbage) is exactly `{"active":false}`.
 */
import { ClientSecretBasic, allowInsecureRequests, discovery, tokenIntrospection } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { basic, createClient, createScope, decodeJwt, oneEvent, postToken, refusal } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import {
  MovableClock,
  assignedUser,
  createRefreshClient,
  introspect,
  postForm,
  signIn,
} from '../token/issued-tokens.js';

const clock = new MovableClock();
let t: TestApp;
let issuer: string;
let client: TestClient;
let aliceId: string;

beforeAll(async () => {
  t = await startTestApp({ clock });
  issuer = `${t.origin}/oauth2/default`;
  client = await createRefreshClient(t, { rotation: 'ROTATE' });
  aliceId = await assignedUser(t, client, 'alice@example.com');
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

describe('introspecting tokens', () => {
  it("describes an active access token to openid-client with Okta's fields", async () => {
    const tokens = await signIn(t, client, 'alice@example.com');
    const config = await discovery(
      new URL(issuer),
      client.clientId,
      undefined,
      ClientSecretBasic(client.clientSecret!),
      { execute: [allowInsecureRequests] },
    );
    const result = await tokenIntrospection(config, tokens.access_token);
    const claims = decodeJwt(tokens.access_token).payload;
    expect(result).toEqual({
      active: true,
      token_type: 'Bearer',
      scope: 'openid profile email offline_access',
      client_id: client.clientId,
      username: 'alice@example.com',
      exp: claims['exp'],
      iat: claims['iat'],
      sub: 'alice@example.com',
      aud: 'api://default',
      iss: issuer,
      jti: claims['jti'],
      uid: aliceId,
    });
  });

  it('describes a refresh token without iat or jti', async () => {
    const tokens = await signIn(t, client, 'alice@example.com');
    const result = await introspect(t, client, tokens.refresh_token!, { token_type_hint: 'refresh_token' });
    expect(result).toMatchObject({
      active: true,
      token_type: 'Bearer',
      scope: 'openid profile email offline_access',
      client_id: client.clientId,
      username: 'alice@example.com',
      sub: 'alice@example.com',
      aud: 'api://default',
      iss: issuer,
      uid: aliceId,
    });
    expect(result['exp']).toEqual(expect.any(Number));
    expect(result).not.toHaveProperty('iat');
    expect(result).not.toHaveProperty('jti');
  });

  it('describes an ID token issued to the client', async () => {
    const tokens = await signIn(t, client, 'alice@example.com');
    const result = await introspect(t, client, tokens.id_token!, { token_type_hint: 'id_token' });
    expect(result).toMatchObject({
      active: true,
      sub: aliceId,
      aud: client.clientId,
      iss: issuer,
      username: 'alice@example.com',
    });
  });

  it("accepts auth-js's Authorization: Basic base64(client_id) with no colon from a public client", async () => {
    const spa = await createRefreshClient(t, { rotation: 'ROTATE', authMethod: 'none' });
    await assignedUser(t, spa, 'spa@example.com');
    const tokens = await signIn(t, spa, 'spa@example.com');
    const response = await postForm(
      t,
      'introspect',
      { token: tokens.access_token },
      { authorization: `Basic ${Buffer.from(spa.clientId).toString('base64')}` },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ active: true, client_id: spa.clientId, uid: expect.any(String) });
  });

  it('answers exactly {"active":false} for a revoked, an expired, a foreign and a garbage token', async () => {
    const tokens = await signIn(t, client, 'alice@example.com');
    const other = await createRefreshClient(t, { rotation: 'ROTATE' });
    const raw = async (c: TestClient, token: string) =>
      (await postForm(t, 'introspect', { token }, { authorization: basic(c.clientId, c.clientSecret!) })).text();
    expect(await raw(other, tokens.access_token)).toBe('{"active":false}');
    expect(await raw(other, tokens.refresh_token!)).toBe('{"active":false}');
    expect(await raw(client, 'garbage')).toBe('{"active":false}');
    expect(
      (
        await postForm(
          t,
          'revoke',
          { token: tokens.refresh_token! },
          { authorization: basic(client.clientId, client.clientSecret!) },
        )
      ).status,
    ).toBe(200);
    expect(await raw(client, tokens.access_token)).toBe('{"active":false}');
    expect(await raw(client, tokens.refresh_token!)).toBe('{"active":false}');
    const fresh = await signIn(t, client, 'alice@example.com');
    clock.advance(3601);
    expect(await raw(client, fresh.access_token)).toBe('{"active":false}');
  });

  it('reports a client_credentials access token, which has no uid', async () => {
    const service = await createClient(t, { label: 'Service' });
    await createScope(t, 'default', 'orders:read');
    const response = await postToken(
      t,
      { grant_type: 'client_credentials', scope: 'orders:read' },
      { authorization: basic(service.clientId, service.clientSecret!) },
    );
    expect(response.status).toBe(200);
    const token = ((await response.json()) as { access_token: string }).access_token;
    const result = await introspect(t, service, token);
    expect(result).toMatchObject({ active: true, client_id: service.clientId, sub: service.clientId });
    expect(result).not.toHaveProperty('uid');
  });
});

describe('introspection refusals', () => {
  it("refuses a request without token with Okta's text, and records one event", async () => {
    const { result, event } = await oneEvent(t, () =>
      refusal(postForm(t, 'introspect', {}, { authorization: basic(client.clientId, client.clientSecret!) })),
    );
    expect(result).toMatchObject({
      status: 400,
      error: 'invalid_request',
      error_description: "The 'token' parameter is required.",
    });
    expect(event).toMatchObject({
      endpoint: 'introspect',
      client_id: client.clientId,
      outcome: 'failure',
      error: 'invalid_request',
    });
  });

  it('refuses a wrong client secret', async () => {
    const result = await refusal(
      postForm(t, 'introspect', { token: 'x' }, { authorization: basic(client.clientId, 'wrong') }),
    );
    expect(result).toMatchObject({
      status: 401,
      error: 'invalid_client',
      error_description: 'Client authentication failed. Either the client or the client credentials are invalid.',
    });
  });

  it('refuses a confidential client that sends the colon-less Basic', async () => {
    const result = await refusal(
      postForm(
        t,
        'introspect',
        { token: 'x' },
        { authorization: `Basic ${Buffer.from(client.clientId).toString('base64')}` },
      ),
    );
    expect(result).toMatchObject({
      status: 401,
      error: 'invalid_client',
      error_description: 'Client authentication failed. Either the client or the client credentials are invalid.',
    });
  });
});
