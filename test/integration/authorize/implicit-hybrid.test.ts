/**
 * Tokens straight from /authorize: the implicit `id_token` flow of the seed (fragment, state,
 * nonce, the fat ID token), `id_token token` with `at_hash`, the hybrid `code id_token` with
 * `c_hash`, and the `form_post` and `okta_post_message` response pages.
 */
import OktaJwtVerifier from '@okta/jwt-verifier';
import { createHash } from 'node:crypto';
import {
  None,
  allowInsecureRequests,
  discovery,
  implicitAuthentication,
  randomNonce,
  randomState,
  useIdTokenResponseType,
} from 'openid-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { decodeJwt, postToken } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import {
  Browser,
  REDIRECT_URI,
  assignedUser,
  authorizeUrl,
  createBrowserClient,
  redirectParams,
  signInThrough,
} from './fixtures.js';

let t: TestApp;
let spa: TestClient;
let aliceId: string;
let issuer: string;
const halfHash = (value: string) => createHash('sha256').update(value).digest().subarray(0, 16).toString('base64url');

beforeAll(async () => {
  t = await startTestApp();
  issuer = `${t.origin}/oauth2/default`;
  spa = await createBrowserClient(t);
  aliceId = await assignedUser(t, spa, 'alice@example.com', {
    middleName: 'Q',
    nickName: 'Al',
    locale: 'en_US',
    mobilePhone: '+1 555 0100',
    city: 'Springfield',
  });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

const params = (extra: Record<string, string>) => ({
  client_id: spa.clientId,
  redirect_uri: REDIRECT_URI,
  scope: 'openid profile',
  state: randomState(),
  nonce: randomNonce(),
  ...extra,
});

describe('implicit and hybrid', () => {
  it('returns a fat ID token in the fragment for response_type=id_token, which openid-client accepts', async () => {
    const p = params({
      response_type: 'id_token',
      response_mode: 'fragment',
      scope: 'openid profile email phone address',
    });
    const answer = await signInThrough(t, new Browser(), authorizeUrl(t, p), 'alice@example.com');
    const fragment = redirectParams(answer, 'fragment');
    expect(Object.keys(fragment).sort()).toEqual(['id_token', 'state']);
    expect(fragment['state']).toBe(p.state);
    const claims = decodeJwt(fragment['id_token']!).payload;
    expect(claims).toMatchObject({
      sub: aliceId,
      aud: spa.clientId,
      nonce: p.nonce,
      name: 'Alice Smith',
      given_name: 'Alice',
      family_name: 'Smith',
      middle_name: 'Q',
      nickname: 'Al',
      preferred_username: 'alice@example.com',
      locale: 'en_US',
      email: 'alice@example.com',
      email_verified: true,
      phone_number: '+1 555 0100',
      address: { locality: 'Springfield' },
    });
    expect(claims).not.toHaveProperty('at_hash');
    expect(claims['updated_at']).toEqual(expect.any(Number));

    const config = await discovery(new URL(issuer), spa.clientId, undefined, None(), {
      execute: [allowInsecureRequests],
    });
    useIdTokenResponseType(config);
    const idToken = await implicitAuthentication(config, new URL(answer.headers.get('location')!), p.nonce, {
      expectedState: p.state,
    });
    expect(idToken.sub).toBe(aliceId);
    const verifier = new OktaJwtVerifier({ issuer, testing: { disableHttpsCheck: true } });
    await expect(verifier.verifyIdToken(fragment['id_token']!, spa.clientId, p.nonce)).resolves.toBeDefined();
  });

  it('returns an access token and a thin ID token with at_hash for id_token token', async () => {
    const p = params({ response_type: 'id_token token' });
    const fragment = redirectParams(
      await signInThrough(t, new Browser(), authorizeUrl(t, p), 'alice@example.com'),
      'fragment',
    );
    expect(fragment).toMatchObject({
      token_type: 'Bearer',
      expires_in: '3600',
      scope: 'openid profile',
      state: p.state,
    });
    const id = decodeJwt(fragment['id_token']!).payload;
    expect(id['at_hash']).toBe(halfHash(fragment['access_token']!));
    expect(id).toMatchObject({ nonce: p.nonce, name: 'Alice Smith' });
    expect(id).not.toHaveProperty('given_name');
    expect(decodeJwt(fragment['access_token']!).payload).toMatchObject({ uid: aliceId, scp: ['openid', 'profile'] });
    const userinfo = await fetch(`${issuer}/v1/userinfo`, {
      headers: { authorization: `Bearer ${fragment['access_token']}` },
    });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({ sub: aliceId, given_name: 'Alice' });
  });

  it('returns a code and an ID token with c_hash for the hybrid code id_token', async () => {
    const p = params({
      response_type: 'code id_token',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'plain',
    });
    const fragment = redirectParams(
      await signInThrough(t, new Browser(), authorizeUrl(t, p), 'alice@example.com'),
      'fragment',
    );
    expect(fragment['code']).toMatch(/^[0-9A-Za-z]{43}$/);
    const id = decodeJwt(fragment['id_token']!).payload;
    expect(id['c_hash']).toBe(halfHash(fragment['code']!));
    expect(id).not.toHaveProperty('at_hash');
    expect(id).not.toHaveProperty('given_name');
  });

  it('puts the access token of a code token hybrid in the code family: a replayed code revokes it', async () => {
    const verifier = 'v'.repeat(43);
    const p = params({ response_type: 'code token', code_challenge: verifier, code_challenge_method: 'plain' });
    const fragment = redirectParams(
      await signInThrough(t, new Browser(), authorizeUrl(t, p), 'alice@example.com'),
      'fragment',
    );
    const introspect = async () => {
      const body = new URLSearchParams({ token: fragment['access_token']!, client_id: spa.clientId });
      const answer = await fetch(`${issuer}/v1/introspect`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      return ((await answer.json()) as { active: boolean }).active;
    };
    expect(await introspect()).toBe(true);
    const exchange = {
      grant_type: 'authorization_code',
      client_id: spa.clientId,
      code: fragment['code']!,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    };
    expect((await postToken(t, exchange)).status).toBe(200);
    expect((await postToken(t, exchange)).status).toBe(400);
    expect(await introspect()).toBe(false);
  });

  it('answers form_post with a page that posts the response, with a nonce script, a noscript button and a strict CSP', async () => {
    const p = params({ response_type: 'id_token', response_mode: 'form_post', state: '"><b>x' });
    const answer = await signInThrough(t, new Browser(), authorizeUrl(t, p), 'alice@example.com');
    expect(answer.status).toBe(200);
    const csp = answer.headers.get('content-security-policy')!;
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('form-action https://app.example.com');
    const html = await answer.text();
    expect(html).toContain(`<form id="response" method="post" action="${REDIRECT_URI}">`);
    expect(html).toContain('<input type="hidden" name="state" value="&quot;&gt;&lt;b&gt;x">');
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toMatch(/<noscript>.*<button type="submit">Continue<\/button><\/noscript>/);
  });

  it('answers okta_post_message with a page that posts the code and state to the redirect URI origin', async () => {
    const p = params({ response_type: 'code', response_mode: 'okta_post_message', code_challenge: 'y'.repeat(43) });
    const answer = await signInThrough(t, new Browser(), authorizeUrl(t, p), 'alice@example.com');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-security-policy')).toContain('frame-ancestors https://app.example.com');
    const html = await answer.text();
    const data = JSON.parse(/var data=(\{.*?\});/.exec(html)![1]!) as Record<string, string>;
    expect(data).toEqual({ code: expect.stringMatching(/^[0-9A-Za-z]{43}$/), state: p.state });
    expect(html).toContain('var origin="https://app.example.com"');
    expect(html).toContain('to.postMessage(data,origin)');
  });
});
