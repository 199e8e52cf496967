/**
 * Client authentication at /token against the real server: the five methods (openid-client's own
 * ClientSecretJwt and PrivateKeyJwt included), the app's method enforced, and every refusal with
 * Okta's exact error; assertion failures keep their reason in the event detail.
 */
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey } from 'jose';
import {
  ClientSecretJwt,
  ClientSecretPost,
  None,
  PrivateKeyJwt,
  allowInsecureRequests,
  clientCredentialsGrant,
  discovery,
  genericGrantRequest,
} from 'openid-client';
import type { ClientAuth } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import {
  PASSWORD,
  assignUser,
  basic,
  createClient,
  createPasswordClient,
  createScope,
  createUser,
  oneEvent,
  postToken,
  refusal,
} from './fixtures.js';
import type { TestClient } from './fixtures.js';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
let t: TestApp;
let issuer: string;
let endpoint: string;
let basicClient: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  issuer = `${t.origin}/oauth2/default`;
  endpoint = `${issuer}/v1/token`;
  await createScope(t, 'default', 'orders:read');
  basicClient = await createClient(t, { label: 'Basic client' });
});

afterAll(async () => {
  await t?.close();
});

const CC = { grant_type: 'client_credentials', scope: 'orders:read' };
const failed = {
  status: 401,
  error: 'invalid_client',
  error_description: 'Client authentication failed. Either the client or the client credentials are invalid.',
};
const config = (clientId: string, auth: ClientAuth) =>
  discovery(new URL(issuer), clientId, undefined, auth, { execute: [allowInsecureRequests] });
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('secret methods', () => {
  it('accepts client_secret_post with openid-client', async () => {
    const post = await createClient(t, {
      label: 'Post client',
      credentials: { token_endpoint_auth_method: 'client_secret_post' },
    });
    const tokens = await clientCredentialsGrant(await config(post.clientId, ClientSecretPost(post.clientSecret!)), {
      scope: 'orders:read',
    });
    expect(tokens.access_token).toBeTruthy();
  });

  it('URL-decodes the Basic credentials (RFC 6749 §2.3.1)', async () => {
    const custom = await createClient(t, {
      label: 'Encoded',
      credentials: { client_id: 'svc.encoded~id', client_secret: 'a+b:c%d/secret!x' },
    });
    const response = await postToken(t, CC, { authorization: basic(custom.clientId, 'a+b:c%d/secret!x') });
    expect(response.status).toBe(200);
  });

  it('refuses an unknown client', async () => {
    const { result, event } = await oneEvent(t, () =>
      refusal(postToken(t, CC, { authorization: basic('0oaUNKNOWN', 'whatever-secret') })),
    );
    expect(result).toMatchObject(failed);
    expect(result.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect(event).toMatchObject({ client_id: '0oaUNKNOWN', outcome: 'failure', error: 'invalid_client' });
    expect(event.detail).toContain("no app has the client_id '0oaUNKNOWN'");
  });

  it('refuses a wrong secret in the Basic header, with WWW-Authenticate', async () => {
    const result = await refusal(
      postToken(t, CC, { authorization: basic(basicClient.clientId, 'wrong-secret-value') }),
    );
    expect(result).toMatchObject(failed);
    expect(result.headers.get('www-authenticate')).toBe(`Basic realm="${issuer}"`);
  });

  it('refuses a wrong secret in the body, without WWW-Authenticate', async () => {
    const post = await createClient(t, {
      label: 'Post client 2',
      credentials: { token_endpoint_auth_method: 'client_secret_post' },
    });
    const result = await refusal(
      postToken(t, { ...CC, client_id: post.clientId, client_secret: 'wrong-secret-value' }),
    );
    expect(result).toMatchObject(failed);
    expect(result.headers.get('www-authenticate')).toBeNull();
  });

  it('refuses credentials in both the header and the body', async () => {
    const result = await refusal(
      postToken(
        t,
        { ...CC, client_id: basicClient.clientId, client_secret: basicClient.clientSecret! },
        { authorization: basic(basicClient.clientId, basicClient.clientSecret!) },
      ),
    );
    expect(result).toMatchObject({
      status: 400,
      error: 'invalid_request',
      error_description:
        'Cannot supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a client_assertion in the post body.',
    });
  });

  it("refuses a method other than the app's", async () => {
    const { result, event } = await oneEvent(t, () =>
      refusal(postToken(t, { ...CC, client_id: basicClient.clientId, client_secret: basicClient.clientSecret! })),
    );
    expect(result).toMatchObject(failed);
    expect(event.detail).toContain(
      'the app authenticates with client_secret_basic, the request used client_secret_post',
    );
  });

  it('refuses a request with no credentials at all', async () => {
    const result = await refusal(postToken(t, CC));
    expect(result).toMatchObject({
      status: 401,
      error: 'invalid_client',
      error_description: 'No client credentials found.',
    });
  });

  it('refuses an inactive app', async () => {
    const inactive = await createClient(t, { label: 'Inactive', activate: false });
    const { result, event } = await oneEvent(t, () =>
      refusal(postToken(t, CC, { authorization: basic(inactive.clientId, inactive.clientSecret!) })),
    );
    expect(result).toMatchObject(failed);
    expect(event.detail).toContain('INACTIVE');
  });
});

describe('none (public clients)', () => {
  it('accepts client_id alone for an app whose method is none', async () => {
    const pub = await createPasswordClient(t, { token_endpoint_auth_method: 'none', pkce_required: true });
    const userId = await createUser(t, 'pat@example.com');
    await assignUser(t, pub.id, userId);
    const tokens = await genericGrantRequest(await config(pub.clientId, None()), 'password', {
      username: 'pat@example.com',
      password: PASSWORD,
      scope: 'openid',
    });
    expect(tokens.id_token).toBeTruthy();
  });

  it('refuses client_id alone for a confidential app', async () => {
    const result = await refusal(postToken(t, { ...CC, client_id: basicClient.clientId }));
    expect(result).toMatchObject(failed);
  });
});

describe('client_secret_jwt', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await createClient(t, {
      label: 'JWT secret client',
      credentials: { token_endpoint_auth_method: 'client_secret_jwt' },
    });
  });

  const assertion = (claims: Record<string, unknown> = {}, secret = client.clientSecret!) =>
    new SignJWT({
      iss: client.clientId,
      sub: client.clientId,
      aud: endpoint,
      jti: crypto.randomUUID(),
      exp: nowSeconds() + 300,
      ...claims,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(secret));
  const withAssertion = async (jwt: string) =>
    postToken(t, { ...CC, client_assertion_type: JWT_BEARER, client_assertion: jwt });

  it("accepts openid-client's ClientSecretJwt", async () => {
    const tokens = await clientCredentialsGrant(await config(client.clientId, ClientSecretJwt(client.clientSecret!)), {
      scope: 'orders:read',
    });
    expect(tokens.access_token).toBeTruthy();
  });

  it('accepts an assertion addressed to the token endpoint once, and refuses its replay', async () => {
    const jwt = await assertion();
    expect((await withAssertion(jwt)).status).toBe(200);
    const { result, event } = await oneEvent(t, () => refusal(withAssertion(jwt)));
    expect(result).toMatchObject(failed);
    expect(event.detail).toMatch(/jti '.*' was already used \(replay\)/);
  });

  it.each([
    ['an expired assertion', { exp: nowSeconds() - 10 }, 'expired at'],
    ['an assertion expiring more than an hour ahead', { exp: nowSeconds() + 7200 }, 'more than one hour ahead'],
    ['a wrong audience', { aud: 'https://elsewhere.example/token' }, 'aud must be the token endpoint'],
    ['another issuer', { iss: 'someone-else' }, 'iss and sub must both be the client_id'],
    ['no jti', { jti: undefined }, 'jti is missing'],
  ])('refuses %s', async (_name, claims, detail) => {
    const { result, event } = await oneEvent(t, async () => refusal(withAssertion(await assertion(claims))));
    expect(result).toMatchObject(failed);
    expect(event.detail).toContain(detail);
  });

  it('refuses a bad signature', async () => {
    const { result, event } = await oneEvent(t, async () =>
      refusal(withAssertion(await assertion({}, 'not-the-client-secret-at-all-0123456789'))),
    );
    expect(result).toMatchObject(failed);
    expect(event.detail).toContain('the signature does not verify with the client secret');
  });

  it('refuses an assertion of the wrong type', async () => {
    const result = await refusal(
      postToken(t, { ...CC, client_assertion_type: 'urn:example:saml', client_assertion: await assertion() }),
    );
    expect(result).toMatchObject(failed);
  });
});

describe('private_key_jwt', () => {
  let client: TestClient;
  let privateKey: CryptoKey;
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'client-key-1', alg: 'RS256', use: 'sig' };
    client = await createClient(t, {
      label: 'Key client',
      credentials: { token_endpoint_auth_method: 'private_key_jwt' },
      settings: { jwks: { keys: [jwk] } },
    });
  });

  it("accepts openid-client's PrivateKeyJwt", async () => {
    const tokens = await clientCredentialsGrant(
      await config(client.clientId, PrivateKeyJwt({ key: privateKey, kid: 'client-key-1' })),
      { scope: 'orders:read' },
    );
    expect(tokens.access_token).toBeTruthy();
  });

  it('refuses an assertion signed by another key', async () => {
    const other = await generateKeyPair('RS256');
    const jwt = await new SignJWT({
      iss: client.clientId,
      sub: client.clientId,
      aud: endpoint,
      jti: crypto.randomUUID(),
      exp: nowSeconds() + 60,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'client-key-1' })
      .sign(other.privateKey);
    const { result, event } = await oneEvent(t, () =>
      refusal(postToken(t, { ...CC, client_assertion_type: JWT_BEARER, client_assertion: jwt })),
    );
    expect(result).toMatchObject(failed);
    expect(event.detail).toContain("does not verify with the app's jwks");
  });

  it('refuses, with a clear detail, an app that has only a jwks_uri', async () => {
    const remote = await createClient(t, {
      label: 'Remote keys',
      credentials: { token_endpoint_auth_method: 'private_key_jwt' },
      settings: { jwks_uri: 'https://keys.example/jwks.json' },
    });
    const jwt = await new SignJWT({
      iss: remote.clientId,
      sub: remote.clientId,
      aud: endpoint,
      jti: crypto.randomUUID(),
      exp: nowSeconds() + 60,
    })
      .setProtectedHeader({ alg: 'RS256' })
      .sign(privateKey);
    const { result, event } = await oneEvent(t, () =>
      refusal(postToken(t, { ...CC, client_assertion_type: JWT_BEARER, client_assertion: jwt })),
    );
    expect(result).toMatchObject(failed);
    expect(event.detail).toContain('Authbox works offline and cannot fetch it');
  });
});
