/** Discovery documents and JWKS of custom authorization servers (Okta "OpenID Connect & OAuth 2.0 API", checks 17–18). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('openid-configuration', () => {
  it('describes the default server with absolute same-origin URLs and S256', async () => {
    const response = await fetch(`${t.origin}/oauth2/default/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const doc = (await response.json()) as Record<string, unknown>;
    const issuer = `${t.origin}/oauth2/default`;
    expect(doc['issuer']).toBe(issuer);
    for (const key of [
      'authorization_endpoint',
      'token_endpoint',
      'userinfo_endpoint',
      'jwks_uri',
      'introspection_endpoint',
      'revocation_endpoint',
      'end_session_endpoint',
      'device_authorization_endpoint',
    ]) {
      expect(doc[key], key).toMatch(new RegExp(`^${issuer}/v1/`));
    }
    expect(doc['code_challenge_methods_supported']).toContain('S256');
    expect(doc['id_token_signing_alg_values_supported']).toEqual(['RS256']);
    expect(doc['scopes_supported']).toEqual([
      'openid',
      'profile',
      'email',
      'address',
      'phone',
      'offline_access',
      'device_sso',
    ]);
  });

  it('oauth-authorization-server omits userinfo and ID token members', async () => {
    const doc = (await (
      await fetch(`${t.origin}/oauth2/default/.well-known/oauth-authorization-server`)
    ).json()) as Record<string, unknown>;
    expect(doc['userinfo_endpoint']).toBeUndefined();
    expect(doc['id_token_signing_alg_values_supported']).toBeUndefined();
    expect(doc['claims_supported']).toEqual(['ver', 'jti', 'iss', 'aud', 'iat', 'exp', 'cid', 'uid', 'scp', 'sub']);
  });

  it('a DYNAMIC server takes its issuer from the request host', async () => {
    const created = (await (
      await t.api('/api/v1/authorizationServers', {
        method: 'POST',
        body: JSON.stringify({ name: 'dyn', description: 'd', audiences: ['api://dyn'], issuerMode: 'DYNAMIC' }),
      })
    ).json()) as { id: string };
    const viaLocalhost = `http://localhost:${t.app.port}/oauth2/${created.id}`;
    const doc = (await (await fetch(`${viaLocalhost}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(doc['issuer']).toBe(viaLocalhost);
    const orgUrl = (await (
      await fetch(`http://localhost:${t.app.port}/oauth2/default/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(orgUrl['issuer']).toBe(`${t.origin}/oauth2/default`);
  });

  it('answers an unknown server with 404 E0000007 JSON', async () => {
    const response = await fetch(`${t.origin}/oauth2/nope/.well-known/openid-configuration`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      errorCode: 'E0000007',
      errorSummary: 'Not found: Resource not found: nope (AuthorizationServer)',
    });
  });
});

describe('keys', () => {
  it('publishes only public members, with Cache-Control and CORS', async () => {
    const response = await fetch(`${t.origin}/oauth2/default/v1/keys`);
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+, must-revalidate/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys.length).toBeGreaterThanOrEqual(1);
    for (const key of keys) expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });
});

describe('protocol endpoints of an unknown server', () => {
  it('answer 404', async () => {
    expect((await fetch(`${t.origin}/oauth2/nope/v1/token`, { method: 'POST' })).status).toBe(404);
  });
});
