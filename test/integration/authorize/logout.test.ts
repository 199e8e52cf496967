/**
 * RP-Initiated Logout (Okta "OpenID Connect & OAuth 2.0 API"; @okta/okta-auth-js 8): openid-client's end-session URL with a registered
 * post_logout_redirect_uri and state → 302 there with state and the session ended (the next
 * authorize shows the sign-in form again); an unregistered URI, a missing, garbled or foreign
 * id_token_hint → a 400 page without a Location; an expired ID token still logs out. One event each.
 */
import {
  ClientSecretBasic,
  allowInsecureRequests,
  authorizationCodeGrant,
  buildAuthorizationUrl,
  buildEndSessionUrl,
  calculatePKCECodeChallenge,
  discovery,
  randomPKCECodeVerifier,
} from 'openid-client';
import type { Configuration } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { createServer, createPolicyAndRule, oneEvent } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import { MovableClock } from '../token/issued-tokens.js';
import { Browser, REDIRECT_URI, assignedUser, createWebClient, signInThrough } from './fixtures.js';

const LOGOUT_URI = 'https://app.example.com/signed-out';
let t: TestApp;
let web: TestClient;
let config: Configuration;
const clock = new MovableClock();

beforeAll(async () => {
  t = await startTestApp({ clock });
  web = await createWebClient(t, {}, { post_logout_redirect_uris: [LOGOUT_URI] });
  await assignedUser(t, web, 'alice@example.com');
  config = await discovery(
    new URL(`${t.origin}/oauth2/default`),
    web.clientId,
    undefined,
    ClientSecretBasic(web.clientSecret!),
    { execute: [allowInsecureRequests] },
  );
});

afterAll(() => t?.close());

/** Signs in through the form; returns the browser (with its session cookie) and the ID token. */
async function signedIn(): Promise<{ browser: Browser; idToken: string }> {
  const browser = new Browser();
  const verifier = randomPKCECodeVerifier();
  const url = buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid',
    state: 's1',
    code_challenge: await calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  const answer = await signInThrough(t, browser, url.href, 'alice@example.com');
  const tokens = await authorizationCodeGrant(config, new URL(answer.headers.get('location')!), {
    pkceCodeVerifier: verifier,
    expectedState: 's1',
  });
  return { browser, idToken: tokens.id_token! };
}

const authorizeAgain = (browser: Browser) =>
  browser.get(
    buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: 'openid',
      state: 's2',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    }).href,
  );

async function expectErrorPage(response: Response, description: string): Promise<void> {
  expect(response.status).toBe(400);
  expect(response.headers.get('location')).toBeNull();
  expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  const html = await response.text();
  expect(html).toContain('<code>invalid_request</code>');
  expect(html).toContain(description.replace(/'/g, '&#39;'));
}

describe('logout', () => {
  it('redirects to a registered post_logout_redirect_uri with state and ends the session', async () => {
    const { browser, idToken } = await signedIn();
    expect((await authorizeAgain(browser)).status, 'the session skips the form').toBe(302);
    const url = buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: LOGOUT_URI,
      state: 'bye',
    });
    const { result: answer, event } = await oneEvent(t, () => browser.get(url.href));
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe(`${LOGOUT_URI}?state=bye`);
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    expect(
      answer.headers.getSetCookie().some((c) => /^authbox_session=; Path=\/oauth2\/default; .*Max-Age=0/.test(c)),
    ).toBe(true);
    expect(event).toMatchObject({
      endpoint: 'logout',
      outcome: 'success',
      client_id: web.clientId,
      detail: 'ended the session',
    });
    const again = await authorizeAgain(browser);
    expect(again.status, 'the sign-in form again').toBe(200);
    expect(await again.text()).toContain('name="password"');
  });

  it('ends the session record even when the browser would keep its cookie', async () => {
    const { browser, idToken } = await signedIn();
    const cookie = browser.cookies.get('authbox_session')!;
    await browser.post(`${t.origin}/oauth2/default/v1/logout`, { id_token_hint: idToken });
    browser.cookies.set('authbox_session', cookie);
    expect((await authorizeAgain(browser)).status).toBe(200);
  });

  it('shows the signed-out page without a post_logout_redirect_uri', async () => {
    const { browser, idToken } = await signedIn();
    const answer = await browser.get(`${t.origin}/oauth2/default/v1/logout?id_token_hint=${idToken}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('location')).toBeNull();
    expect(await answer.text()).toContain('You have been signed out');
  });

  it('accepts an expired ID token as the hint, as Okta does', async () => {
    const { browser, idToken } = await signedIn();
    clock.advance(7200);
    const answer = await browser.get(
      buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: LOGOUT_URI }).href,
    );
    clock.advance(-7200);
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe(LOGOUT_URI);
  });

  it('refuses an unregistered post_logout_redirect_uri with a page and keeps the session', async () => {
    const { browser, idToken } = await signedIn();
    const url = buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: 'https://evil.example.com/',
      state: 'x',
    });
    const { result: answer, event } = await oneEvent(t, () => browser.get(url.href));
    await expectErrorPage(
      answer,
      "The 'post_logout_redirect_uri' parameter must be a Logout redirect URI in the client app settings.",
    );
    expect(event).toMatchObject({
      endpoint: 'logout',
      outcome: 'failure',
      error: 'invalid_request',
      error_description:
        "The 'post_logout_redirect_uri' parameter must be a Logout redirect URI in the client app settings.",
    });
    expect((await authorizeAgain(browser)).status).toBe(302);
  });

  it('refuses a missing id_token_hint', async () => {
    await expectErrorPage(
      await fetch(`${t.origin}/oauth2/default/v1/logout?post_logout_redirect_uri=${encodeURIComponent(LOGOUT_URI)}`, {
        redirect: 'manual',
      }),
      "The 'id_token_hint' parameter is required.",
    );
  });

  it('refuses a garbled hint and an ID token of another server', async () => {
    const { idToken } = await signedIn();
    const otherId = await createServer(t, 'Other');
    await createPolicyAndRule(t, otherId, ['authorization_code']);
    const garbled = `${idToken.slice(0, -4)}AAAA`;
    for (const hint of ['not-a-jwt', garbled]) {
      await expectErrorPage(
        await fetch(`${t.origin}/oauth2/default/v1/logout?id_token_hint=${hint}`, { redirect: 'manual' }),
        "The 'id_token_hint' parameter is not a valid ID token issued by this authorization server.",
      );
    }
    await expectErrorPage(
      await fetch(`${t.origin}/oauth2/${otherId}/v1/logout?id_token_hint=${idToken}`, { redirect: 'manual' }),
      "The 'id_token_hint' parameter is not a valid ID token issued by this authorization server.",
    );
  });
});
