/**
 * The requests okta-auth-js 8 makes (@okta/okta-auth-js 8), replayed by hand: signInWithRedirect's
 * authorize URL (response_type=code, S256, 64-character state and nonce, no response_mode), the
 * browser's code exchange from the redirect URI's origin with client_id in the body, and the
 * silent renewal through a hidden iframe (`prompt=none&response_mode=okta_post_message`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

beforeAll(async () => {
  t = await startTestApp();
  spa = await createBrowserClient(t);
  await assignedUser(t, spa, 'alice@example.com');
});

afterAll(async () => {
  await t?.close();
});

const random64 = () => randomBytes(48).toString('base64url');

function authJsRequest(extra: Record<string, string> = {}) {
  const verifier = random64();
  const params = {
    client_id: spa.clientId,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    nonce: random64(),
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    state: random64(),
    scope: 'openid email profile',
    ...extra,
  };
  return { verifier, params };
}

describe('okta-auth-js', () => {
  it('signInWithRedirect, then the code exchange from the app origin with CORS', async () => {
    const { verifier, params } = authJsRequest();
    const callback = redirectParams(
      await signInThrough(t, new Browser(), authorizeUrl(t, params), 'alice@example.com'),
    );
    expect(callback['state']).toBe(params.state);
    const body = {
      client_id: spa.clientId,
      redirect_uri: REDIRECT_URI,
      grant_type: 'authorization_code',
      code_verifier: verifier,
      code: callback['code']!,
    };
    const answer = await postToken(t, body, {
      origin: 'https://app.example.com',
      'x-okta-user-agent-extended': 'okta-auth-js/8.0.1',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const tokens = (await answer.json()) as { id_token: string; access_token: string };
    expect(tokens).not.toHaveProperty('state');
    expect(decodeJwt(tokens.id_token).payload['nonce']).toBe(params.nonce);
  });

  it('renews silently in a hidden iframe: okta_post_message with prompt=none', async () => {
    const browser = new Browser();
    await signInThrough(t, browser, authorizeUrl(t, authJsRequest().params), 'alice@example.com');
    const { params } = authJsRequest({ prompt: 'none', response_mode: 'okta_post_message' });
    const page = await browser.get(authorizeUrl(t, params));
    expect(page.status).toBe(200);
    const data = JSON.parse(/var data=(\{.*?\});/.exec(await page.text())![1]!) as Record<string, string>;
    expect(data).toEqual({ code: expect.any(String), state: params.state });

    const signedOut = await new Browser().get(authorizeUrl(t, params));
    const error = JSON.parse(/var data=(\{.*?\});/.exec(await signedOut.text())![1]!) as Record<string, string>;
    expect(error).toEqual({
      error: 'login_required',
      error_description: 'The client specified not to prompt, but the user is not logged in.',
      state: params.state,
    });
  });

  it('accepts the authorize request as a POSTed form too', async () => {
    const browser = new Browser();
    await signInThrough(t, browser, authorizeUrl(t, authJsRequest().params), 'alice@example.com');
    const { params } = authJsRequest();
    expect(redirectParams(await browser.post(`${t.origin}/oauth2/default/v1/authorize`, params))).toMatchObject({
      code: expect.any(String),
      state: params.state,
    });
  });
});
