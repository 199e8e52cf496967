/**
 * The inspector service: claim classification with descriptions and highlights, the claim
 * definition behind a custom claim, `at_hash` / `c_hash`, the nonce check, pasted keys (JWK, JWKS,
 * PEM; private and symmetric ones refused), the issuer lookup, and bad bodies.
 */
import { createPublicKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../../src-main/app/node-crypto.js';
import { nodePemReader } from '../../../../src-main/app/node-pem.js';
import { ValidationFailed } from '../../../../src-main/core/errors.js';
import { NotFound } from '../../../../src-main/core/errors.js';
import { classifyClaim } from '../../../../src-main/core/inspect/claim-catalogue.js';
import { TokenInspector } from '../../../../src-main/core/inspect/token-inspector.js';
import type {
  AuthorizationServerRecord,
  SigningKeyRecord,
} from '../../../../src-main/core/ports/authorization-servers.js';
import type { ClaimRecord } from '../../../../src-main/core/ports/claims.js';
import { accessTokenHash } from '../../../../src-main/core/protocol/id-token.js';
import type { TokenInspectionDto } from '../../../../src-main/contracts/inspect.js';
import { FakeClock } from '../fakes.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const now = NOW.getTime() / 1000;
const ORIGIN = 'http://127.0.0.1:7777';
const ISSUER = `${ORIGIN}/oauth2/default`;

const server = { id: 'default', name: 'default' } as AuthorizationServerRecord;
let keys: SigningKeyRecord[];
const honorific: ClaimRecord = {
  id: 'ocl1',
  serverId: 'default',
  name: 'preferred_honorific',
  status: 'ACTIVE',
  claimType: 'IDENTITY',
  valueType: 'EXPRESSION',
  value: 'user.honorific',
  groupFilterType: null,
  alwaysIncludeInToken: true,
  conditionScopes: ['profile'],
  system: false,
  created: NOW,
  lastUpdated: NOW,
};
const department: ClaimRecord = {
  ...honorific,
  id: 'ocl2',
  name: 'department',
  claimType: 'RESOURCE',
  value: 'user.department',
  conditionScopes: [],
};

let inspector: TokenInspector;
const inspect = (body: unknown) => inspector.inspect(body, (s) => `${ORIGIN}/oauth2/${s.id}`);

async function ok(body: unknown): Promise<Extract<TokenInspectionDto, { ok: true }>> {
  const result = await inspect(body);
  if (!result.ok) throw new Error(result.fault.message);
  return result;
}

const sign = (payload: Record<string, unknown>, key = keys[0]!) => nodeCrypto.sign(key.privateJwk, key.kid, payload);

beforeAll(async () => {
  const made = await Promise.all([nodeCrypto.generateSigningKey(), nodeCrypto.generateSigningKey()]);
  keys = made.map((k, i) => ({
    ...k,
    serverId: 'default',
    status: i === 0 ? 'ACTIVE' : 'EXPIRED',
    created: NOW,
  }));
  inspector = new TokenInspector({
    servers: {
      get: (id) => {
        if (id !== 'default') throw new NotFound(id, 'AuthorizationServer');
        return server;
      },
      keys: async () => keys,
    },
    claims: { listByServer: () => [honorific, department] },
    crypto: nodeCrypto,
    pem: nodePemReader,
    clock: new FakeClock(NOW),
  });
});

const idClaims = {
  ver: 1,
  sub: '00u1',
  iss: ISSUER,
  aud: 'client1',
  iat: now - 10,
  exp: now + 3590,
  jti: 'ID.abc',
  amr: ['pwd'],
  idp: '00o1',
  nonce: 'YsG76jo',
  auth_time: now - 20,
  preferred_honorific: 'Commodore',
  email: 'alice@example.com',
};

describe('TokenInspector', () => {
  it('classifies every claim, describes registered ones and highlights nonce, custom, scope-derived and security claims', async () => {
    const result = await ok({ token: await sign(idClaims) });
    expect(result.kind).toBe('id_token');
    expect(result.server).toEqual({ id: 'default', name: 'default', issuer: ISSUER });
    expect(result.verdict).toMatchObject({ code: 'valid', key: { kid: keys[0]!.kid, status: 'ACTIVE' } });
    const byName = Object.fromEntries(result.claims.map((c) => [c.name, c]));
    expect(byName['nonce']).toMatchObject({ category: 'oidc', highlights: ['nonce', 'security'] });
    expect(byName['aud']).toMatchObject({ category: 'jwt', highlights: ['security'] });
    expect(byName['ver']).toMatchObject({ category: 'okta', description: 'Okta token format version', highlights: [] });
    expect(byName['email']).toMatchObject({ category: 'scope', scope: 'email', highlights: ['scope-derived'] });
    expect(byName['exp']).toMatchObject({ time: new Date((now + 3590) * 1000).toISOString() });
    expect(byName['preferred_honorific']).toMatchObject({
      category: 'custom',
      description: null,
      highlights: ['custom'],
      definition: { id: 'ocl1', claimType: 'IDENTITY', value: 'user.honorific', conditionScopes: ['profile'] },
    });
    expect(result.claims.map((c) => c.name)).toEqual(Object.keys(idClaims));
  });

  it('classifies Okta access-token claims and finds RESOURCE definitions for them', async () => {
    const result = await ok({
      token: await sign({
        ver: 1,
        jti: 'AT.x',
        iss: ISSUER,
        cid: 'c',
        uid: 'u',
        scp: ['openid'],
        department: 'Eng',
        extra: 1,
      }),
    });
    expect(result.kind).toBe('access_token');
    const byName = Object.fromEntries(result.claims.map((c) => [c.name, c]));
    expect(['cid', 'uid', 'scp'].map((n) => byName[n]?.category)).toEqual(['okta', 'okta', 'okta']);
    expect(byName['department']?.definition).toMatchObject({ id: 'ocl2', claimType: 'RESOURCE' });
    expect(byName['extra']).toMatchObject({ category: 'custom', definition: null });
  });

  it('describes every registered claim the brief names', () => {
    for (const name of [
      'iss',
      'sub',
      'aud',
      'exp',
      'nbf',
      'iat',
      'jti',
      'auth_time',
      'nonce',
      'acr',
      'amr',
      'azp',
      'at_hash',
      'c_hash',
      'ver',
      'cid',
      'uid',
      'scp',
      'idp',
    ])
      expect(classifyClaim(name).description, name).toBeTruthy();
    expect(classifyClaim('constructor').category).toBe('custom');
  });

  it('checks at_hash and c_hash against the access token and code, naming a mismatch', async () => {
    const accessToken = 'eyJhbGciOi.the-access-token.sig';
    const code = 'the-code';
    const token = await sign({ ...idClaims, at_hash: accessTokenHash(nodeCrypto, accessToken), c_hash: 'wrong' });
    const result = await ok({ token, accessToken, code });
    expect(result.hashes).toEqual([
      {
        claim: 'at_hash',
        actual: accessTokenHash(nodeCrypto, accessToken),
        expected: accessTokenHash(nodeCrypto, accessToken),
        matches: true,
        reason: 'at_hash matches the access token',
      },
      {
        claim: 'c_hash',
        actual: 'wrong',
        expected: accessTokenHash(nodeCrypto, code),
        matches: false,
        reason: `c_hash is wrong, but the authorization code hashes to ${accessTokenHash(nodeCrypto, code)}: they were not issued together`,
      },
    ]);
    const without = await ok({ token: await sign(idClaims), accessToken });
    expect(without.hashes[0]).toMatchObject({
      matches: false,
      reason: 'The token carries no at_hash to check the access token against',
    });
  });

  it('compares the nonce with the one the run sent', async () => {
    const token = await sign(idClaims);
    expect((await ok({ token, nonce: 'YsG76jo' })).nonce).toEqual({
      sent: 'YsG76jo',
      actual: 'YsG76jo',
      matches: true,
    });
    expect((await ok({ token, nonce: 'other' })).nonce).toEqual({ sent: 'other', actual: 'YsG76jo', matches: false });
    expect((await ok({ token })).nonce).toBeNull();
  });

  it('says when the issuer is unknown, or is this server’s under another origin', async () => {
    const elsewhere = await ok({ token: await sign({ ...idClaims, iss: 'https://example.okta.com/oauth2/default' }) });
    expect(elsewhere.server).toBeNull();
    expect(elsewhere.verdict).toMatchObject({ code: 'unknown_issuer', title: 'Issuer unknown to this Authbox' });
    expect(elsewhere.verdict.reason).toBe(
      'The server "default" (default) has the issuer http://127.0.0.1:7777/oauth2/default, not https://example.okta.com/oauth2/default: the token comes from another Authbox or an earlier port. Paste the issuer\'s key (JWK, JWKS or PEM) to verify the signature.',
    );
    const unknown = await ok({ token: await sign({ ...idClaims, iss: `${ORIGIN}/oauth2/aus404` }) });
    expect(unknown.verdict.reason).toContain(
      `No authorization server of this Authbox has the issuer ${ORIGIN}/oauth2/aus404`,
    );
    const none = await ok({ token: await sign({ sub: 'x' }) });
    expect(none.verdict.reason).toContain('The token has no "iss" (issuer) claim');
  });

  it('verifies against a pasted JWK, JWKS or PEM instead of the server keys', async () => {
    const token = await sign({ ...idClaims, iss: 'https://elsewhere.example' });
    const jwk = { ...keys[0]!.publicJwk, kid: keys[0]!.kid };
    const pem = createPublicKey({ key: jwk, format: 'jwk' }).export({ format: 'pem', type: 'spki' }).toString();
    for (const key of [
      JSON.stringify(jwk),
      JSON.stringify({ keys: [{ ...keys[1]!.publicJwk, kid: keys[1]!.kid }, jwk] }),
      pem,
    ])
      expect((await ok({ token, key })).verdict, key.slice(0, 20)).toMatchObject({
        code: 'valid',
        key: { source: 'pasted' },
      });
    const other = JSON.stringify({ ...keys[1]!.publicJwk });
    expect((await ok({ token, key: other })).verdict).toMatchObject({
      code: 'bad_signature',
      reason: expect.stringContaining('the pasted key'),
    });
  });

  it('refuses pasted keys it cannot or must not use, naming why', async () => {
    const token = await sign(idClaims);
    const reasons = async (key: string) => (await ok({ token, key })).verdict;
    expect(await reasons('not a key')).toMatchObject({
      code: 'bad_key',
      reason: 'The key is neither JSON (a JWK or a JWKS) nor PEM (-----BEGIN PUBLIC KEY-----).',
    });
    expect((await reasons('{"kty": ')).reason).toMatch(/^The key is not valid JSON: /);
    expect((await reasons('{"n": "x"}')).reason).toBe(
      'The JWK has no "kty" (a JWK names its key type: RSA, EC or OKP).',
    );
    expect((await reasons('{"kty":"oct","k":"c2VjcmV0"}')).reason).toBe(
      'The JWK is a symmetric key (kty oct); paste the public key of an asymmetric pair.',
    );
    expect((await reasons(keys[0]!.privateJwk)).reason).toBe(
      'The JWK is a private key (it has "d"); paste the public key only.',
    );
    expect((await reasons('{"keys": []}')).reason).toBe('The JWKS has no keys.');
    expect((await reasons('{"keys": [{"kty":"RSA"}, 3]}')).reason).toBe('Key 2 of the JWKS is not a JSON object.');
    expect((await reasons('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).reason).toBe(
      'The PEM is a private key; paste the public key or certificate only.',
    );
    expect((await reasons('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).reason).toMatch(
      /^The PEM could not be read: /,
    );
  });

  it('answers a malformed token with its fault, and a malformed body with the field', async () => {
    expect(await inspect({ token: 'a.b' })).toEqual({
      ok: false,
      fault: {
        code: 'not_three_parts',
        message: 'A JWT has three parts separated by dots (header.payload.signature); this one has 2.',
      },
    });
    await expect(inspect({})).rejects.toThrow(ValidationFailed);
    await expect(inspect({ token: 3 })).rejects.toMatchObject({
      issues: [{ field: 'token', message: 'must be a string (the JWT)' }],
    });
    await expect(inspect({ token: 'x', extra: 1 })).rejects.toThrow(ValidationFailed);
    await expect(inspect([])).rejects.toMatchObject({ issues: [{ field: 'body', message: 'must be a JSON object' }] });
  });
});
