import { describe, expect, it } from 'vitest';
import { SYSTEM_SCOPES, authorizationServerMetadata, openIdConfiguration } from '../../../src-main/core/metadata.js';

const ISSUER = 'http://127.0.0.1:7420/oauth2/default';
const input = { issuer: ISSUER, publishedScopes: [...SYSTEM_SCOPES, 'payments:read'] };

const urlMembers = (doc: Record<string, unknown>) =>
  Object.entries(doc).filter(([key]) => key === 'jwks_uri' || key.endsWith('_endpoint'));

describe('openid-configuration', () => {
  const doc = openIdConfiguration(input);

  it('names the issuer and the userinfo endpoint', () => {
    expect(doc['issuer']).toBe(ISSUER);
    expect(doc['userinfo_endpoint']).toBe(`${ISSUER}/v1/userinfo`);
  });

  it('advertises RS256 ID tokens and S256 PKCE only', () => {
    expect(doc['id_token_signing_alg_values_supported']).toEqual(['RS256']);
    expect(doc['code_challenge_methods_supported']).toEqual(['S256']);
  });

  it('lists the ID token claims, including nonce and the hash claims', () => {
    expect(doc['claims_supported']).toEqual(
      expect.arrayContaining(['sub', 'nonce', 'auth_time', 'at_hash', 'c_hash', 'email']),
    );
  });

  it('lists the published scopes as given', () => {
    expect(doc['scopes_supported']).toEqual([...SYSTEM_SCOPES, 'payments:read']);
  });

  it('puts every endpoint under the issuer', () => {
    const urls = urlMembers(doc);
    expect(urls.map(([key]) => key).sort()).toEqual(
      [
        'authorization_endpoint',
        'device_authorization_endpoint',
        'end_session_endpoint',
        'introspection_endpoint',
        'jwks_uri',
        'revocation_endpoint',
        'token_endpoint',
        'userinfo_endpoint',
      ].sort(),
    );
    for (const [key, url] of urls)
      expect(String(url).startsWith(`${ISSUER}/v1/`), `${key} = ${String(url)}`).toBe(true);
  });

  it('names the endpoints as Okta does', () => {
    expect(doc).toMatchObject({
      authorization_endpoint: `${ISSUER}/v1/authorize`,
      token_endpoint: `${ISSUER}/v1/token`,
      jwks_uri: `${ISSUER}/v1/keys`,
      introspection_endpoint: `${ISSUER}/v1/introspect`,
      revocation_endpoint: `${ISSUER}/v1/revoke`,
      end_session_endpoint: `${ISSUER}/v1/logout`,
      device_authorization_endpoint: `${ISSUER}/v1/device/authorize`,
    });
  });
});

describe('oauth-authorization-server', () => {
  const doc = authorizationServerMetadata(input);

  it('has no userinfo endpoint and no ID token members', () => {
    expect(doc).not.toHaveProperty('userinfo_endpoint');
    expect(Object.keys(doc).filter((key) => key.startsWith('id_token'))).toEqual([]);
  });

  it('lists the access token claims', () => {
    expect(doc['claims_supported']).toEqual(['ver', 'jti', 'iss', 'aud', 'iat', 'exp', 'cid', 'uid', 'scp', 'sub']);
  });

  it('advertises S256 PKCE only', () => {
    expect(doc['code_challenge_methods_supported']).toEqual(['S256']);
  });

  it('puts every endpoint under the issuer', () => {
    expect(doc['issuer']).toBe(ISSUER);
    const urls = urlMembers(doc);
    expect(urls.length).toBeGreaterThanOrEqual(7);
    for (const [key, url] of urls)
      expect(String(url).startsWith(`${ISSUER}/v1/`), `${key} = ${String(url)}`).toBe(true);
  });

  it('shares every other member with openid-configuration', () => {
    const oidc = openIdConfiguration(input);
    const { claims_supported: _a, ...rest } = doc;
    const {
      claims_supported: _b,
      userinfo_endpoint: _c,
      id_token_signing_alg_values_supported: _d,
      ...oidcRest
    } = oidc;
    expect(oidcRest).toEqual(rest);
  });

  it('does not advertise dynamic registration or PAR, which Authbox does not have', () => {
    expect(doc).not.toHaveProperty('registration_endpoint');
    expect(doc).not.toHaveProperty('pushed_authorization_request_endpoint');
  });
});
