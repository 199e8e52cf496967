/**
 * The authorization code flow with PKCE through the sign-in page, for a confidential web app
 * (client_secret_basic) and a public browser app (none): openid-client exchanges the code, the Okta
 * JWT verifier accepts both tokens, the session cookie skips the form the second time, and every
 * refusal of the code exchange carries Okta's exact error.
 */
import OktaJwtVerifier from '@okta/jwt-verifier';
import { createHash } from 'node:crypto';
import {
  ClientSecretBasic,
  None,
  allowInsecureRequests,
  authorizationCodeGrant,
  buildAuthorizationUrl,
  calculatePKCECodeChallenge,
  discovery,
  randomNonce,
  randomPKCECodeVerifier,
  randomState,
} from 'openid-client';
import type { Configuration } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { basic, decodeJwt, events, postToken, refusal } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import { MovableClock } from '../token/issued-tokens.js';
import {
  Browser,
  OTHER_REDIRECT_URI,
  REDIRECT_URI,
  assignedUser,
  createBrowserClient,
  createWebClient,
  redirectParams,
  signInThrough,
} from './fixtures.js';

let t: TestApp;
let web: TestClient;
let spa: TestClient;
let aliceId: string;
let issuer: string;
const clock = new MovableClock();

beforeAll(async () => {
  t = await startTestApp({ clock });
  issuer = `${t.origin}/oauth2/default`;
  web = await createWebClient(t);
  spa = await createBrowserClient(t);
  aliceId = await assignedUser(t, web, 'alice@example.com');
  await t.api(`/api/v1/apps/${spa.id}/users`, { method: 'POST', body: JSON.stringify({ id: aliceId, scope: 'USER' }) });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

const configFor = (client: TestClient): Promise<Configuration> =>
  discovery(
    new URL(issuer),
    client.clientId,
    undefined,
    client.clientSecret ? ClientSecretBasic(client.clientSecret) : None(),
    { execute: [allowInsecureRequests] },
  );

interface Started {
  url: URL;
  verifier: string;
  state: string;
  nonce: string;
}

async function start(config: Configuration, extra: Record<string, string> = {}): Promise<Started> {
  const verifier = randomPKCECodeVerifier();
  const state = randomState();
  const nonce = randomNonce();
  const url = buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile email',
    state,
    nonce,
    code_challenge: await calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...extra,
  });
  return { url, verifier, state, nonce };
}

/** Signs in through the form and returns the callback URL with the code. */
async function codeFor(
  client: TestClient,
  browser = new Browser(),
): Promise<{ config: Configuration; started: Started; callback: URL; browser: Browser }> {
  const config = await configFor(client);
  const started = await start(config);
  const answer = await signInThrough(t, browser, started.url.href, 'alice@example.com');
  expect(answer.status).toBe(302);
  return { config, started, callback: new URL(answer.headers.get('location')!), browser };
}

describe('authorization code + PKCE', () => {
  it('signs in a confidential web app; openid-client and the Okta JWT verifier accept the tokens', async () => {
    const { config, started, callback } = await codeFor(web);
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('state')).toBe(started.state);
    expect(callback.searchParams.get('code')).toMatch(/^[0-9A-Za-z]{43}$/);

    const tokens = await authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: started.verifier,
      expectedState: started.state,
      expectedNonce: started.nonce,
    });
    expect(tokens).toMatchObject({ token_type: 'bearer', scope: 'openid profile email', expires_in: 3600 });
    expect(tokens).not.toHaveProperty('state');
    const access = decodeJwt(tokens.access_token).payload;
    expect(access).toMatchObject({
      ver: 1,
      iss: issuer,
      aud: 'api://default',
      cid: web.clientId,
      uid: aliceId,
      sub: 'alice@example.com',
      scp: ['openid', 'profile', 'email'],
    });
    const id = decodeJwt(tokens.id_token!).payload;
    expect(id).toMatchObject({
      sub: aliceId,
      aud: web.clientId,
      nonce: started.nonce,
      amr: ['pwd'],
      email: 'alice@example.com',
      name: 'Alice Smith',
      preferred_username: 'alice@example.com',
    });
    expect(id['at_hash']).toBe(
      createHash('sha256').update(tokens.access_token).digest().subarray(0, 16).toString('base64url'),
    );
    expect(id).not.toHaveProperty('given_name');
    expect(id['auth_time']).toBe(access['auth_time']);

    const verifier = new OktaJwtVerifier({ issuer, testing: { disableHttpsCheck: true } });
    await expect(verifier.verifyIdToken(tokens.id_token!, web.clientId, started.nonce)).resolves.toBeDefined();
    await expect(verifier.verifyAccessToken(tokens.access_token, 'api://default')).resolves.toBeDefined();
  });

  it('signs in a public browser app with PKCE and no secret', async () => {
    const { config, started, callback } = await codeFor(spa);
    const tokens = await authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: started.verifier,
      expectedState: started.state,
      expectedNonce: started.nonce,
    });
    expect(decodeJwt(tokens.access_token).payload).toMatchObject({ cid: spa.clientId, uid: aliceId });
  });

  it('sets a per-server HttpOnly, SameSite=Lax session cookie that lets a second authorize skip the form', async () => {
    const { config, browser } = await codeFor(web);
    const session = browser.setCookies.find((c) => c.startsWith('authbox_session='));
    expect(session).toMatch(/; Path=\/oauth2\/default; HttpOnly; SameSite=Lax/);
    const again = await start(config);
    const answer = await browser.get(again.url.href);
    expect(answer.status).toBe(302);
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    expect(redirectParams(answer)).toMatchObject({ state: again.state, code: expect.any(String) });
  });

  it('records one success event per authorize request, with the decision trace', async () => {
    const before = events(t).length;
    await codeFor(web);
    const recorded = events(t).slice(before);
    expect(recorded.map((e) => `${e.endpoint} ${e.outcome} ${e.detail ?? ''}`.trim())).toEqual([
      'authorize success showed the sign-in page',
      'authorize success',
    ]);
    const last = recorded[1]!;
    expect(last).toMatchObject({ client_id: web.clientId, user_id: aliceId, grant_type: 'code' });
    expect(JSON.parse(last.trace!)).toMatchObject({ scopes: { granted: ['openid', 'profile', 'email'] } });
  });
});

describe('code exchange refusals', () => {
  const exchange = (client: TestClient, params: Record<string, string>) =>
    refusal(
      postToken(
        t,
        { grant_type: 'authorization_code', ...params },
        client.clientSecret ? { authorization: basic(client.clientId, client.clientSecret) } : {},
      ),
    );

  it('refuses a replayed code, and the replay changes nothing for later requests', async () => {
    const { started, callback } = await codeFor(web);
    const code = callback.searchParams.get('code')!;
    const params = { code, redirect_uri: REDIRECT_URI, code_verifier: started.verifier };
    const first = await postToken(
      t,
      { grant_type: 'authorization_code', ...params },
      { authorization: basic(web.clientId, web.clientSecret!) },
    );
    expect(first.status).toBe(200);
    expect(await exchange(web, params)).toMatchObject({
      status: 400,
      error: 'invalid_grant',
      error_description: 'The authorization code is invalid or has expired.',
    });
    expect(events(t).at(-1)!.detail).toContain('already used');
  });

  it('revokes every token issued from a replayed code: its refresh token no longer works', async () => {
    const config = await configFor(web);
    const started = await start(config, { scope: 'openid offline_access' });
    const callback = new URL(
      (await signInThrough(t, new Browser(), started.url.href, 'alice@example.com')).headers.get('location')!,
    );
    const params = {
      code: callback.searchParams.get('code')!,
      redirect_uri: REDIRECT_URI,
      code_verifier: started.verifier,
    };
    const auth = { authorization: basic(web.clientId, web.clientSecret!) };
    const first = (await (await postToken(t, { grant_type: 'authorization_code', ...params }, auth)).json()) as {
      refresh_token?: string;
    };
    expect(first.refresh_token).toEqual(expect.any(String));
    expect(await exchange(web, params)).toMatchObject({
      error: 'invalid_grant',
      error_description: 'The authorization code is invalid or has expired.',
    });
    const refreshed = await refusal(
      postToken(t, { grant_type: 'refresh_token', refresh_token: first.refresh_token! }, auth),
    );
    expect(refreshed).toMatchObject({
      status: 400,
      error: 'invalid_grant',
      error_description: 'The refresh token is invalid or expired.',
    });
  });

  it('refuses a wrong PKCE verifier', async () => {
    const { callback } = await codeFor(web);
    const result = await exchange(web, {
      code: callback.searchParams.get('code')!,
      redirect_uri: REDIRECT_URI,
      code_verifier: randomPKCECodeVerifier(),
    });
    expect(result).toMatchObject({
      status: 400,
      error: 'invalid_grant',
      error_description: 'PKCE verification failed.',
    });
  });

  it('refuses a missing PKCE verifier when a challenge was sent', async () => {
    const { callback } = await codeFor(web);
    const result = await exchange(web, { code: callback.searchParams.get('code')!, redirect_uri: REDIRECT_URI });
    expect(result).toMatchObject({
      status: 400,
      error: 'invalid_request',
      error_description: 'PKCE code verifier is required by the application.',
    });
  });

  it('refuses a redirect_uri other than the authorize one', async () => {
    const { started, callback } = await codeFor(web);
    const result = await exchange(web, {
      code: callback.searchParams.get('code')!,
      redirect_uri: OTHER_REDIRECT_URI,
      code_verifier: started.verifier,
    });
    expect(result).toMatchObject({
      status: 400,
      error: 'invalid_grant',
      error_description: "The 'redirect_uri' does not match the redirection URI used in the authorization request.",
    });
  });

  it('refuses a code after its five minutes, by the injected clock', async () => {
    const { started, callback } = await codeFor(web);
    clock.advance(301);
    const result = await exchange(web, {
      code: callback.searchParams.get('code')!,
      redirect_uri: REDIRECT_URI,
      code_verifier: started.verifier,
    });
    expect(result).toMatchObject({
      status: 400,
      error: 'invalid_grant',
      error_description: 'The authorization code is invalid or has expired.',
    });
    expect(events(t).at(-1)!.detail).toContain('expired');
  });

  it('refuses a code issued to another client, and an unknown code', async () => {
    const { started, callback } = await codeFor(web);
    const stolen = await exchange(spa, {
      client_id: spa.clientId,
      code: callback.searchParams.get('code')!,
      redirect_uri: REDIRECT_URI,
      code_verifier: started.verifier,
    });
    expect(stolen).toMatchObject({
      status: 400,
      error: 'invalid_grant',
      error_description: 'The authorization code is invalid or has expired.',
    });
    const unknown = await exchange(web, { code: 'nope', redirect_uri: REDIRECT_URI, code_verifier: started.verifier });
    expect(unknown).toMatchObject({
      status: 400,
      error: 'invalid_grant',
      error_description: 'The authorization code is invalid or has expired.',
    });
  });
});
