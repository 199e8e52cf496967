/**
 * The resource owner password grant against the real server: openid-client gets an access token
 * and an ID token, both Okta-shaped and accepted by the Okta JWT verifier; every refusal carries
 * Okta's exact error, and a wrong password reads the same as an unknown user.
 */
import OktaJwtVerifier from '@okta/jwt-verifier';
import { createHash } from 'node:crypto';
import { ClientSecretBasic, allowInsecureRequests, discovery, genericGrantRequest } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import {
  PASSWORD,
  assignUser,
  basic,
  createPasswordClient,
  createUser,
  decodeJwt,
  events,
  oneEvent,
  postToken,
  refusal,
} from './fixtures.js';
import type { TestClient } from './fixtures.js';

let t: TestApp;
let client: TestClient;
let aliceId: string;
let issuer: string;
const INVALID_CREDENTIALS = 'The credentials provided were invalid.';

beforeAll(async () => {
  t = await startTestApp();
  issuer = `${t.origin}/oauth2/default`;
  client = await createPasswordClient(t);
  aliceId = await createUser(t, 'alice@example.com');
  await assignUser(t, client.id, aliceId);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

const passwordRequest = (params: Record<string, string>) =>
  postToken(
    t,
    { grant_type: 'password', scope: 'openid profile email', ...params },
    { authorization: basic(client.clientId, client.clientSecret!) },
  );
const atHash = (token: string) => createHash('sha256').update(token).digest().subarray(0, 16).toString('base64url');

describe('password grant', () => {
  it('issues an access token and a thin ID token that openid-client and the Okta JWT verifier accept', async () => {
    const config = await discovery(
      new URL(issuer),
      client.clientId,
      undefined,
      ClientSecretBasic(client.clientSecret!),
      { execute: [allowInsecureRequests] },
    );
    const before = Math.floor(Date.now() / 1000);
    const tokens = await genericGrantRequest(config, 'password', {
      username: 'alice@example.com',
      password: PASSWORD,
      scope: 'openid profile email',
    });
    expect(tokens.scope).toBe('openid profile email');
    expect(tokens.expires_in).toBe(3600);

    const access = decodeJwt(tokens.access_token);
    expect(access.header.alg).toBe('RS256');
    expect(access.payload).toMatchObject({
      ver: 1,
      iss: issuer,
      aud: 'api://default',
      cid: client.clientId,
      uid: aliceId,
      sub: 'alice@example.com',
      scp: ['openid', 'profile', 'email'],
    });
    expect(access.payload['auth_time']).toBeGreaterThanOrEqual(before);

    const id = decodeJwt(tokens.id_token!);
    expect(id.header).toEqual(access.header);
    expect(id.payload).toMatchObject({
      ver: 1,
      sub: aliceId,
      iss: issuer,
      aud: client.clientId,
      amr: ['pwd'],
      at_hash: atHash(tokens.access_token),
    });
    expect(id.payload['sub']).toMatch(/^00u/);
    expect(id.payload['jti']).toMatch(/^ID\.[0-9A-Za-z]{43}$/);
    expect(id.payload['idp']).toMatch(/^00o[0-9A-Za-z]{17}$/);
    expect(id.payload['auth_time']).toBe(access.payload['auth_time']);
    expect((id.payload['exp'] as number) - (id.payload['iat'] as number)).toBe(3600);
    // Thin claims: an access token came with it (Okta "OpenID Connect & OAuth 2.0 API").
    expect(id.payload).toMatchObject({
      email: 'alice@example.com',
      name: 'Alice Smith',
      preferred_username: 'alice@example.com',
    });
    expect(id.payload).not.toHaveProperty('given_name');
    expect(id.payload).not.toHaveProperty('nonce');

    const verifier = new OktaJwtVerifier({ issuer, testing: { disableHttpsCheck: true } });
    await expect(verifier.verifyIdToken(tokens.id_token!, client.clientId)).resolves.toBeDefined();
    await expect(verifier.verifyAccessToken(tokens.access_token, 'api://default')).resolves.toBeDefined();
  });

  it('keeps idp the same for every ID token of the install', async () => {
    const idp = async () =>
      decodeJwt(
        (
          (await (await passwordRequest({ username: 'alice@example.com', password: PASSWORD })).json()) as {
            id_token: string;
          }
        ).id_token,
      ).payload['idp'];
    expect(await idp()).toBe(await idp());
  });

  it('uses the assignment userName as the access token sub, and issues no ID token without openid', async () => {
    const app = await createPasswordClient(t);
    const bobId = await createUser(t, 'bob@example.com', { firstName: 'Bob' });
    await assignUser(t, app.id, bobId, 'bob-the-builder');
    const response = await postToken(
      t,
      { grant_type: 'password', username: 'bob@example.com', password: PASSWORD, scope: 'profile' },
      { authorization: basic(app.clientId, app.clientSecret!) },
    );
    const body = (await response.json()) as Record<string, string>;
    expect(body).not.toHaveProperty('id_token');
    expect(decodeJwt(body['access_token']!).payload).toMatchObject({ sub: 'bob-the-builder', uid: bobId });
  });

  it('records a success event with the user and stamps lastLogin', async () => {
    const { result, event } = await oneEvent(t, () =>
      passwordRequest({ username: 'alice@example.com', password: PASSWORD }),
    );
    expect(result.status).toBe(200);
    expect(event).toMatchObject({
      endpoint: 'token',
      grant_type: 'password',
      client_id: client.clientId,
      user_id: aliceId,
      outcome: 'success',
    });
    const trace = JSON.parse(event.trace!) as { claims: { name: string; source: string; omitted?: string }[] };
    expect(
      trace.claims.map(
        (c) => `${c.name} ← ${c.source.replace(/ocl\w+/, 'ocl…')}${c.omitted ? ` (left out: ${c.omitted})` : ''}`,
      ),
    ).toEqual([
      'email ← scope email',
      'name ← scope profile',
      'preferred_username ← scope profile',
      // The seed's sample claim: alice has no honorific.
      'preferred_honorific ← claim ocl… (IDENTITY EXPRESSION) (left out: the expression gave null)',
    ]);
    const user = (await (await t.api(`/api/v1/users/${aliceId}`)).json()) as { lastLogin: string | null };
    expect(user.lastLogin).not.toBeNull();
  });
});

describe('password grant refusals', () => {
  it('gives a wrong password and an unknown user the same answer, with the reason only in the event', async () => {
    const wrong = await oneEvent(t, () =>
      refusal(passwordRequest({ username: 'alice@example.com', password: 'not-it' })),
    );
    const unknown = await oneEvent(t, () =>
      refusal(passwordRequest({ username: 'nobody@example.com', password: 'not-it' })),
    );
    for (const { result } of [wrong, unknown])
      expect(result).toMatchObject({ status: 400, error: 'invalid_grant', error_description: INVALID_CREDENTIALS });
    expect(wrong.event.detail).toContain('the password is wrong');
    expect(wrong.event.user_id).toBeNull();
    expect(unknown.event.detail).toContain('no user has this login');
  });

  it('refuses a user who may not sign in with the same answer', async () => {
    const carolId = await createUser(t, 'carol@example.com');
    await assignUser(t, client.id, carolId);
    await t.api(`/api/v1/users/${carolId}/lifecycle/suspend`, { method: 'POST' });
    const { result, event } = await oneEvent(t, () =>
      refusal(passwordRequest({ username: 'carol@example.com', password: PASSWORD })),
    );
    expect(result).toMatchObject({ status: 400, error: 'invalid_grant', error_description: INVALID_CREDENTIALS });
    expect(event.detail).toContain('SUSPENDED');
  });

  it.each(['username', 'password'])('refuses a request without %s', async (missing) => {
    const params: Record<string, string> = { username: 'alice@example.com', password: PASSWORD };
    delete params[missing];
    const result = await refusal(passwordRequest(params));
    expect(result).toMatchObject({
      status: 400,
      error: 'invalid_request',
      error_description: `The '${missing}' parameter is required.`,
    });
  });

  it('refuses a user who is not assigned to the app', async () => {
    await createUser(t, 'dave@example.com');
    const { result, event } = await oneEvent(t, () =>
      refusal(passwordRequest({ username: 'dave@example.com', password: PASSWORD })),
    );
    expect(result).toMatchObject({
      status: 400,
      error: 'access_denied',
      error_description: 'User is not assigned to the client application.',
    });
    expect(event).toMatchObject({ outcome: 'failure', error: 'access_denied' });
    expect(event.user_id).toMatch(/^00u/);
  });

  it('refuses an unknown scope', async () => {
    const result = await refusal(
      passwordRequest({ username: 'alice@example.com', password: PASSWORD, scope: 'openid nope' }),
    );
    expect(result).toMatchObject({
      status: 400,
      error: 'invalid_scope',
      error_description: 'One or more scopes are not configured for the authorization server resource.',
    });
  });

  it('records one event per request', async () => {
    const before = events(t).length;
    await passwordRequest({ username: 'alice@example.com', password: PASSWORD });
    await passwordRequest({ username: 'alice@example.com', password: 'wrong' });
    expect(
      events(t)
        .slice(before)
        .map((e) => e.outcome),
    ).toEqual(['success', 'failure']);
  });
});
