/**
 * OAuth for Okta's API on a real server: service apps with `private_key_jwt` get org server tokens
 * for their granted Okta API scopes by `client_credentials`, DPoP-bound when the app requires DPoP
 * (RFC 9449; Okta "Configure OAuth 2.0 Demonstrating Proof-of-Possession"), and `/api/v1` allows
 * exactly what the scopes allow. Every DPoP refusal is checked at the token endpoint and at `/api/v1`.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { expectOktaError } from '../../support/okta.js';
import { createUser } from '../token/fixtures.js';
import { ath, createKeyApp, dpopKey, dpopToken, orgClientCredentials, proof } from './fixtures.js';
import type { DpopKey, KeyApp } from './fixtures.js';

let t: TestApp;
let bearerApp: KeyApp;
let dpopApp: KeyApp;
let key: DpopKey;

beforeAll(async () => {
  t = await startTestApp();
  await createUser(t, 'uma@example.com');
  bearerApp = await createKeyApp(t, { label: 'Bearer reader', dpop: false, scopes: ['okta.users.read'] });
  dpopApp = await createKeyApp(t, { label: 'DPoP reader', dpop: true, scopes: ['okta.users.read'] });
  key = await dpopKey();
});

afterAll(async () => {
  await t?.close();
});

const tokenUrl = () => `${t.origin}/oauth2/v1/token`;
const usersUrl = () => `${t.origin}/api/v1/users`;

async function oauthError(response: Response, status: number, error: string, description: string) {
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual({ error, error_description: description });
}

describe('client_credentials at the org token endpoint', () => {
  it('gives an app that does not require DPoP a Bearer token for the org URL with its granted scope', async () => {
    const response = await orgClientCredentials(t, bearerApp, 'okta.users.read', await proof(key, 'POST', tokenUrl()));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token_type: string; access_token: string; scope: string };
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'okta.users.read' });
    const claims = decodeJwt(body.access_token);
    expect(claims).toMatchObject({ iss: t.origin, aud: t.origin, cid: bearerApp.clientId, scp: ['okta.users.read'] });
    expect(claims).not.toHaveProperty('cnf');
  });

  it('refuses an Okta API scope not granted to the app', async () => {
    await oauthError(
      await orgClientCredentials(t, bearerApp, 'okta.users.manage'),
      400,
      'invalid_scope',
      'One or more scopes are not configured for the authorization server resource.',
    );
  });

  it('binds the token of an app that requires DPoP to the proof key after one use_dpop_nonce round', async () => {
    const first = await orgClientCredentials(t, dpopApp, 'okta.users.read', await proof(key, 'POST', tokenUrl()));
    const nonce = first.headers.get('dpop-nonce');
    expect(nonce).toBeTruthy();
    await oauthError(first, 400, 'use_dpop_nonce', 'Authorization server requires nonce in DPoP proof.');
    const second = await orgClientCredentials(
      t,
      dpopApp,
      'okta.users.read',
      await proof(key, 'POST', tokenUrl(), { nonce }),
    );
    expect(second.status).toBe(200);
    const body = (await second.json()) as { token_type: string; access_token: string };
    expect(body.token_type).toBe('DPoP');
    expect(decodeJwt(body.access_token)['cnf']).toEqual({ jkt: key.jkt });
  });

  describe('refuses, for an app that requires DPoP,', () => {
    let nonce: string;
    beforeAll(async () => {
      const first = await orgClientCredentials(t, dpopApp, 'okta.users.read', await proof(key, 'POST', tokenUrl()));
      nonce = first.headers.get('dpop-nonce')!;
    });

    it('a request without a proof', async () => {
      await oauthError(
        await orgClientCredentials(t, dpopApp, 'okta.users.read'),
        400,
        'invalid_dpop_proof',
        'The DPoP proof JWT header is missing.',
      );
    });

    it('a proof for another URL', async () => {
      const wrong = await proof(key, 'POST', `${t.origin}/oauth2/default/v1/token`, { nonce });
      await oauthError(
        await orgClientCredentials(t, dpopApp, 'okta.users.read', wrong),
        400,
        'invalid_dpop_proof',
        "'htu' claim in the DPoP proof JWT is invalid.",
      );
    });

    it('a stale proof', async () => {
      const stale = await proof(key, 'POST', tokenUrl(), { nonce, iat: Math.floor(Date.now() / 1000) - 600 });
      await oauthError(
        await orgClientCredentials(t, dpopApp, 'okta.users.read', stale),
        400,
        'invalid_dpop_proof',
        "'iat' claim in the DPoP proof JWT is invalid.",
      );
    });

    it('a replayed proof', async () => {
      const once = await proof(key, 'POST', tokenUrl(), { nonce });
      expect((await orgClientCredentials(t, dpopApp, 'okta.users.read', once)).status).toBe(200);
      await oauthError(
        await orgClientCredentials(t, dpopApp, 'okta.users.read', once),
        400,
        'invalid_dpop_proof',
        'The DPoP proof JWT has already been used.',
      );
    });

    it('a proof without the nonce, or with one this server never gave, answering a fresh nonce', async () => {
      for (const claims of [{}, { nonce: 'made-up' }]) {
        const response = await orgClientCredentials(
          t,
          dpopApp,
          'okta.users.read',
          await proof(key, 'POST', tokenUrl(), claims),
        );
        expect(response.headers.get('dpop-nonce')).toBe(nonce);
        expect(((await response.json()) as { error: string }).error).toBe('use_dpop_nonce');
      }
    });
  });
});

describe('/api/v1 with org server tokens', () => {
  let bearer: string;
  let bound: string;
  beforeAll(async () => {
    const response = await orgClientCredentials(t, bearerApp, 'okta.users.read');
    bearer = ((await response.json()) as { access_token: string }).access_token;
    bound = await dpopToken(t, dpopApp, key, 'okta.users.read');
  });

  const withDpop = async (url: string, method = 'GET', claims: Record<string, unknown> = {}, token = bound) =>
    fetch(url, {
      method,
      headers: {
        authorization: `DPoP ${token}`,
        dpop: await proof(key, method, url, { ath: ath(token), ...claims }),
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      },
      ...(method === 'POST' ? { body: JSON.stringify({ profile: { login: 'x@example.com' } }) } : {}),
    });

  it('lists users with a Bearer token and with a DPoP token and proof (no nonce needed)', async () => {
    const viaBearer = await fetch(usersUrl(), { headers: { authorization: `Bearer ${bearer}` } });
    expect(viaBearer.status).toBe(200);
    expect(((await viaBearer.json()) as { profile: { login: string } }[]).map((u) => u.profile.login)).toEqual([
      'uma@example.com',
    ]);
    const viaDpop = await withDpop(`${usersUrl()}?limit=20`);
    expect(viaDpop.status).toBe(200);
  });

  it('refuses what the scopes do not allow with 403 E0000006 and the scope the call needs', async () => {
    const create = await fetch(usersUrl(), {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ profile: { login: 'x@example.com' } }),
    });
    expect(create.headers.get('www-authenticate')).toBe(
      `Bearer authorization_uri="${t.origin}/oauth2/v1/authorize", realm="${t.origin}", scope="okta.users.manage", ` +
        'error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", ' +
        'resource="/api/v1/users"',
    );
    await expectOktaError(create, 403, 'E0000006');
    await expectOktaError(await withDpop(usersUrl(), 'POST'), 403, 'E0000006');
    const groups = await fetch(`${t.origin}/api/v1/groups`, { headers: { authorization: `Bearer ${bearer}` } });
    expect(groups.headers.get('www-authenticate')).toContain('scope="okta.groups.read"');
    await expectOktaError(groups, 403, 'E0000006');
  });

  it('refuses a token it did not issue, and a custom server’s token, with 401 E0000011', async () => {
    await expectOktaError(
      await fetch(usersUrl(), { headers: { authorization: 'Bearer not.a.token' } }),
      401,
      'E0000011',
    );
  });

  /** A refused proof: 400, the OAuth error, and Okta's DPoP challenge naming it. */
  async function dpopRefusal(response: Response, description: string) {
    expect(response.headers.get('www-authenticate')).toBe(
      `DPoP algs="RS256 RS384 RS512 ES256 ES384 ES512", authorization_uri="${t.origin}/oauth2/v1/authorize", ` +
        `realm="${t.origin}", scope="okta.users.read", error="invalid_dpop_proof", ` +
        `error_description="${description.replaceAll("'", "'")}", resource="/api/v1/users"`,
    );
    await oauthError(response, 400, 'invalid_dpop_proof', description);
  }

  it('refuses a DPoP token without a proof', async () => {
    await dpopRefusal(
      await fetch(usersUrl(), { headers: { authorization: `DPoP ${bound}` } }),
      'The DPoP proof JWT header is missing.',
    );
  });

  it('refuses a proof for another URL', async () => {
    await dpopRefusal(
      await withDpop(usersUrl(), 'GET', { htu: `${t.origin}/api/v1/groups` }),
      "'htu' claim in the DPoP proof JWT is invalid.",
    );
  });

  it('refuses a stale proof', async () => {
    await dpopRefusal(
      await withDpop(usersUrl(), 'GET', { iat: Math.floor(Date.now() / 1000) - 600 }),
      "'iat' claim in the DPoP proof JWT is invalid.",
    );
  });

  it('refuses a replayed proof', async () => {
    const once = await proof(key, 'GET', usersUrl(), { ath: ath(bound) });
    const send = () => fetch(usersUrl(), { headers: { authorization: `DPoP ${bound}`, dpop: once } });
    expect((await send()).status).toBe(200);
    await dpopRefusal(await send(), 'The DPoP proof JWT has already been used.');
  });

  it('refuses a proof made for another access token (ath)', async () => {
    await dpopRefusal(
      await withDpop(usersUrl(), 'GET', { ath: ath('another token') }),
      "'ath' claim in the DPoP proof does not match the presented access_token.",
    );
  });

  it('refuses a proof signed by another key than the token is bound to', async () => {
    const other = await dpopKey();
    const response = await fetch(usersUrl(), {
      headers: { authorization: `DPoP ${bound}`, dpop: await proof(other, 'GET', usersUrl(), { ath: ath(bound) }) },
    });
    await dpopRefusal(response, "'jwk' header in the DPoP proof JWT does not match the access token.");
  });

  it('refuses a DPoP-bound token sent as Bearer', async () => {
    const response = await fetch(usersUrl(), { headers: { authorization: `Bearer ${bound}` } });
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_request"');
    await oauthError(response, 400, 'invalid_request', 'The resource request requires a DPoP proof.');
  });

  it('keeps answering the admin token (SSWS)', async () => {
    expect((await t.api('/api/v1/users')).status).toBe(200);
  });
});

describe('the Application Grants API', () => {
  it('grants, lists, reads and revokes an Okta API scope, with Okta’s shapes', async () => {
    const created = await t.api(`/api/v1/apps/${bearerApp.id}/grants`, {
      method: 'POST',
      body: JSON.stringify({ issuer: t.origin, scopeId: 'okta.groups.read' }),
    });
    expect(created.status).toBe(201);
    const grant = (await created.json()) as Record<string, unknown> & { id: string };
    expect(grant).toMatchObject({
      status: 'ACTIVE',
      issuer: t.origin,
      clientId: bearerApp.clientId,
      scopeId: 'okta.groups.read',
      source: 'ADMIN',
      _embedded: { scope: { id: 'okta.groups.read' } },
    });
    expect(grant.id).toMatch(/^oag/);
    const list = (await (await t.api(`/api/v1/apps/${bearerApp.id}/grants`)).json()) as { scopeId: string }[];
    expect(list.map((g) => g.scopeId)).toEqual(['okta.users.read', 'okta.groups.read']);
    expect((await t.api(`/api/v1/apps/${bearerApp.id}/grants/${grant.id}`)).status).toBe(200);

    expect((await t.api(`/api/v1/apps/${bearerApp.id}/grants/${grant.id}`, { method: 'DELETE' })).status).toBe(204);
    await expectOktaError(await t.api(`/api/v1/apps/${bearerApp.id}/grants/${grant.id}`), 404, 'E0000007');
  });

  it('names the bad field of a grant, and answers 404 for an unknown app', async () => {
    const post = (appId: string, body: unknown) =>
      t.api(`/api/v1/apps/${appId}/grants`, { method: 'POST', body: JSON.stringify(body) });
    await expectOktaError(await post(bearerApp.id, { issuer: t.origin, scopeId: 'okta.everything' }), 400, 'E0000001', [
      "scopeId: 'okta.everything' is not an Okta API scope this org offers",
    ]);
    await expectOktaError(
      await post(bearerApp.id, { issuer: 'https://other.example', scopeId: 'okta.users.read' }),
      400,
      'E0000001',
      [`issuer: must be the org URL ${t.origin}`],
    );
    await expectOktaError(await post(bearerApp.id, {}), 400, 'E0000001', [
      'issuer: is required',
      'scopeId: is required',
    ]);
    await expectOktaError(await post('0oanope', { issuer: t.origin, scopeId: 'okta.users.read' }), 404, 'E0000007');
  });
});
