/**
 * DPoP-bound tokens beyond Okta's API on a real server (RFC 9449; Okta "Configure OAuth 2.0
 * Demonstrating Proof-of-Possession"): an app that requires DPoP must prove a key at the token
 * endpoint of a custom server and of the org server (a `use_dpop_nonce` round first), gets
 * `token_type: DPoP` and `cnf.jkt`; `/userinfo` takes the token only as `DPoP` with a proof by that
 * key (a Bearer one is 401 `invalid_token` with a DPoP challenge); introspection says `DPoP` and
 * `cnf`; a public client's refresh token is refreshed only with a proof of the same key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { ath, dpopKey, proof } from '../org-server/fixtures.js';
import type { DpopKey } from '../org-server/fixtures.js';
import { FORM, PASSWORD, assignUser, createClient, createUser, decodeJwt } from './fixtures.js';
import type { TestClient } from './fixtures.js';
import type { TokenBody } from './issued-tokens.js';

let t: TestApp;
let app: TestClient;
let key: DpopKey;

beforeAll(async () => {
  t = await startTestApp();
  app = await createClient(t, {
    label: 'DPoP native app',
    credentials: { token_endpoint_auth_method: 'none', pkce_required: true },
    settings: {
      application_type: 'native',
      grant_types: ['authorization_code', 'password', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: ['com.example.app:/callback', 'http://localhost:5173/login/callback'],
      dpop_bound_access_tokens: true,
    },
  });
  await assignUser(t, app.id, await createUser(t, 'dora@example.com'));
  key = await dpopKey();
});

afterAll(async () => {
  await t?.close();
});

/** The base URL of a server's endpoints: `/oauth2/{id}/v1`, or `/oauth2/v1` for the org server. */
const base = (server: string) => (server === 'org' ? `${t.origin}/oauth2/v1` : `${t.origin}/oauth2/${server}/v1`);

function postToken(server: string, params: Record<string, string>, dpop?: string): Promise<Response> {
  return fetch(`${base(server)}/token`, {
    method: 'POST',
    headers: { ...FORM, ...(dpop === undefined ? {} : { dpop }) },
    body: new URLSearchParams({ client_id: app.clientId, ...params }).toString(),
  });
}

const passwordGrant = { grant_type: 'password', username: 'dora@example.com', password: PASSWORD };
const SCOPE = 'openid profile offline_access';

/** The token request with a proof of `proofKey`: the `use_dpop_nonce` round, then with the nonce. */
async function withNonce(server: string, params: Record<string, string>, proofKey = key): Promise<Response> {
  const url = `${base(server)}/token`;
  const first = await postToken(server, params, await proof(proofKey, 'POST', url));
  expect(first.status).toBe(400);
  expect(await first.json()).toEqual({
    error: 'use_dpop_nonce',
    error_description: 'Authorization server requires nonce in DPoP proof.',
  });
  const nonce = first.headers.get('dpop-nonce');
  expect(nonce).toBeTruthy();
  return postToken(server, params, await proof(proofKey, 'POST', url, { nonce }));
}

async function boundTokens(server: string): Promise<TokenBody> {
  const response = await withNonce(server, { ...passwordGrant, scope: SCOPE });
  expect(response.status).toBe(200);
  return (await response.json()) as TokenBody;
}

async function expectError(response: Response, status: number, error: string, description: string) {
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual({ error, error_description: description });
}

function userinfo(server: string, authorization: string, dpop?: string): Promise<Response> {
  return fetch(`${base(server)}/userinfo`, { headers: { authorization, ...(dpop === undefined ? {} : { dpop }) } });
}

describe.each(['default', 'org'])('an app that requires DPoP, on the %s server', (server) => {
  let tokens: TokenBody;
  beforeAll(async () => {
    tokens = await boundTokens(server);
  });

  it('refuses a token request without a proof', async () => {
    await expectError(
      await postToken(server, { ...passwordGrant, scope: SCOPE }),
      400,
      'invalid_dpop_proof',
      'The DPoP proof JWT header is missing.',
    );
  });

  it('lets a browser app on a redirect-URI origin read the nonce of the use_dpop_nonce answer (CORS)', async () => {
    const url = `${base(server)}/token`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...FORM, origin: 'http://localhost:5173', dpop: await proof(key, 'POST', url) },
      body: new URLSearchParams({ client_id: app.clientId, ...passwordGrant, scope: SCOPE }).toString(),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('dpop-nonce')).toBeTruthy();
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-expose-headers')).toBe('DPoP-Nonce, WWW-Authenticate');
  });

  it('gets a DPoP token bound to the proof key after the use_dpop_nonce round', () => {
    expect(tokens.token_type).toBe('DPoP');
    expect(decodeJwt(tokens.access_token).payload['cnf']).toEqual({ jkt: key.jkt });
  });

  it('reads /userinfo with the DPoP scheme and a proof of the bound key', async () => {
    const url = `${base(server)}/userinfo`;
    const response = await userinfo(
      server,
      `DPoP ${tokens.access_token}`,
      await proof(key, 'GET', url, { ath: ath(tokens.access_token) }),
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { preferred_username: string }).preferred_username).toBe('dora@example.com');
  });

  it('refuses the bound token sent as Bearer at /userinfo with 401 invalid_token and a DPoP challenge', async () => {
    const response = await userinfo(server, `Bearer ${tokens.access_token}`);
    expect(response.headers.get('www-authenticate')).toBe(
      'DPoP algs="RS256 RS384 RS512 ES256 ES384 ES512", error="invalid_token", ' +
        'error_description="The resource request requires a DPoP proof."',
    );
    await expectError(response, 401, 'invalid_token', 'The resource request requires a DPoP proof.');
  });

  it('refuses at /userinfo a missing proof, a proof without ath, and a proof by another key', async () => {
    const url = `${base(server)}/userinfo`;
    const token = `DPoP ${tokens.access_token}`;
    const missing = await userinfo(server, token);
    expect(missing.headers.get('www-authenticate')).toContain('DPoP algs=');
    expect(missing.headers.get('www-authenticate')).toContain('error="invalid_dpop_proof"');
    await expectError(missing, 400, 'invalid_dpop_proof', 'The DPoP proof JWT header is missing.');
    await expectError(
      await userinfo(server, token, await proof(key, 'GET', url)),
      400,
      'invalid_dpop_proof',
      "'ath' claim in the DPoP proof does not match the presented access_token.",
    );
    const other = await dpopKey();
    await expectError(
      await userinfo(server, token, await proof(other, 'GET', url, { ath: ath(tokens.access_token) })),
      400,
      'invalid_dpop_proof',
      "'jwk' header in the DPoP proof JWT does not match the access token.",
    );
  });

  it('describes the token as DPoP with its cnf at introspection (RFC 9449 §6.2)', async () => {
    const response = await fetch(`${base(server)}/introspect`, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams({ client_id: app.clientId, token: tokens.access_token }).toString(),
    });
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ active: true, token_type: 'DPoP', cnf: { jkt: key.jkt } });
  });

  it('refreshes only with a proof of the key the refresh token is bound to', async () => {
    const refresh = { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! };
    await expectError(
      await postToken(server, refresh),
      400,
      'invalid_dpop_proof',
      'The DPoP proof JWT header is missing.',
    );
    await expectError(
      await withNonce(server, refresh, await dpopKey()),
      400,
      'invalid_dpop_proof',
      "'jwk' header in the DPoP proof JWT does not match the refresh token.",
    );
    const renewed = await withNonce(server, refresh);
    expect(renewed.status).toBe(200);
    const body = (await renewed.json()) as TokenBody;
    expect(body.token_type).toBe('DPoP');
    expect(decodeJwt(body.access_token).payload['cnf']).toEqual({ jkt: key.jkt });
  });
});

describe('an app that does not require DPoP', () => {
  it('keeps reading /userinfo with a Bearer token, and is refused the DPoP scheme for it', async () => {
    const plain = await createClient(t, {
      label: 'Bearer native app',
      credentials: { token_endpoint_auth_method: 'none', pkce_required: true },
      settings: {
        application_type: 'native',
        grant_types: ['authorization_code', 'password'],
        response_types: ['code'],
        redirect_uris: ['com.example.app:/callback'],
      },
    });
    await assignUser(t, plain.id, await createUser(t, 'bea@example.com'));
    const response = await fetch(`${base('default')}/token`, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams({
        client_id: plain.clientId,
        grant_type: 'password',
        username: 'bea@example.com',
        password: PASSWORD,
        scope: 'openid',
      }).toString(),
    });
    const tokens = (await response.json()) as TokenBody;
    expect(tokens.token_type).toBe('Bearer');
    expect((await userinfo('default', `Bearer ${tokens.access_token}`)).status).toBe(200);
    const url = `${base('default')}/userinfo`;
    const asDpop = await userinfo(
      'default',
      `DPoP ${tokens.access_token}`,
      await proof(key, 'GET', url, { ath: ath(tokens.access_token) }),
    );
    await expectError(asDpop, 401, 'invalid_token', 'The access token is invalid.');
  });
});

describe('discovery', () => {
  it('lists the DPoP algorithms on a custom server too', async () => {
    const doc = (await (await fetch(`${t.origin}/oauth2/default/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(doc['dpop_signing_alg_values_supported']).toEqual(['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512']);
  });
});
