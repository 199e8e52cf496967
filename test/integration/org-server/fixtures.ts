/** Service apps with `private_key_jwt` for the org server, their client assertions and DPoP proofs. */
import { SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { JWK } from 'jose';
import { createHash, randomUUID } from 'node:crypto';
import type { TestApp } from '../../support/app.js';
import { FORM, createClient } from '../token/fixtures.js';

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const nowSeconds = () => Math.floor(Date.now() / 1000);

export interface KeyApp {
  id: string;
  clientId: string;
  kid: string;
  privateKey: CryptoKey;
  /** The private JWK with `kid` and `alg`, as `@okta/okta-sdk-nodejs` takes it. */
  privateJwk: JWK;
}

/** A service app authenticating with `private_key_jwt`, granted `scopes` through the Application Grants API. */
export async function createKeyApp(
  t: TestApp,
  options: { label: string; dpop: boolean; scopes: string[] },
): Promise<KeyApp> {
  const kid = `key-${randomUUID()}`;
  const pair = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' };
  const client = await createClient(t, {
    label: options.label,
    credentials: { token_endpoint_auth_method: 'private_key_jwt' },
    settings: { jwks: { keys: [publicJwk] }, dpop_bound_access_tokens: options.dpop },
  });
  for (const scopeId of options.scopes) {
    const response = await t.api(`/api/v1/apps/${client.id}/grants`, {
      method: 'POST',
      body: JSON.stringify({ issuer: t.origin, scopeId }),
    });
    if (response.status !== 201) throw new Error(`granting ${scopeId}: ${response.status} ${await response.text()}`);
  }
  return {
    id: client.id,
    clientId: client.clientId,
    kid,
    privateKey: pair.privateKey,
    privateJwk: { ...(await exportJWK(pair.privateKey)), kid, alg: 'RS256' },
  };
}

export function clientAssertion(t: TestApp, app: KeyApp): Promise<string> {
  return new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: 'RS256', kid: app.kid })
    .setIssuer(app.clientId)
    .setSubject(app.clientId)
    .setAudience(`${t.origin}/oauth2/v1/token`)
    .setIssuedAt()
    .setExpirationTime(nowSeconds() + 300)
    .sign(app.privateKey);
}

/** A DPoP key: proofs are signed with it (RFC 9449 §4.2). */
export interface DpopKey {
  privateKey: CryptoKey;
  publicJwk: JWK;
  jkt: string;
}

export async function dpopKey(): Promise<DpopKey> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = await exportJWK(pair.publicKey);
  return { privateKey: pair.privateKey, publicJwk, jkt: await calculateJwkThumbprint(publicJwk) };
}

/** A proof; `claims` override or, set to undefined, drop the defaults. */
export function proof(key: DpopKey, htm: string, htu: string, claims: Record<string, unknown> = {}): Promise<string> {
  const payload = Object.fromEntries(
    Object.entries({ jti: randomUUID(), htm, htu, iat: nowSeconds(), ...claims }).filter(([, v]) => v !== undefined),
  );
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: key.publicJwk })
    .sign(key.privateKey);
}

export const ath = (accessToken: string) => createHash('sha256').update(accessToken).digest('base64url');

/** `client_credentials` at the org token endpoint with a fresh client assertion and the given DPoP header. */
export async function orgClientCredentials(t: TestApp, app: KeyApp, scope: string, dpop?: string): Promise<Response> {
  return fetch(`${t.origin}/oauth2/v1/token`, {
    method: 'POST',
    headers: { ...FORM, ...(dpop === undefined ? {} : { dpop }) },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope,
      client_assertion_type: JWT_BEARER,
      client_assertion: await clientAssertion(t, app),
    }).toString(),
  });
}

/** A DPoP-bound token: the `use_dpop_nonce` round, then the request with the nonce. */
export async function dpopToken(t: TestApp, app: KeyApp, key: DpopKey, scope: string): Promise<string> {
  const tokenUrl = `${t.origin}/oauth2/v1/token`;
  const first = await orgClientCredentials(t, app, scope, await proof(key, 'POST', tokenUrl));
  const nonce = first.headers.get('dpop-nonce');
  if (first.status !== 400 || !nonce) throw new Error(`expected use_dpop_nonce: ${first.status} ${await first.text()}`);
  const second = await orgClientCredentials(t, app, scope, await proof(key, 'POST', tokenUrl, { nonce }));
  const body = (await second.json()) as { access_token?: string };
  if (second.status !== 200 || !body.access_token) throw new Error(`expected a token: ${JSON.stringify(body)}`);
  return body.access_token;
}
