/**
 * Each client check passes on a good token and fails, with its reason, on a bad one: state, nonce,
 * at_hash, c_hash, PKCE, iss, aud, azp, exp, iat, the signature against the JWKS and the algorithm.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../../src-main/app/node-crypto.js';
import type { GeneratedKey } from '../../../../src-main/core/ports/runtime.js';
import {
  checkClaims,
  checkHash,
  checkNonce,
  checkPkce,
  checkSignature,
  checkState,
  clientChecks,
} from '../../../../src-main/core/runner/checks.js';
import { accessTokenHash } from '../../../../src-main/core/protocol/id-token.js';

const NOW = new Date('2026-01-01T12:00:00Z');
const now = NOW.getTime() / 1000;
const ISSUER = 'http://127.0.0.1:7420/oauth2/default';
const base = { issuer: ISSUER, clientId: '0oaClient', now: NOW };
let key: GeneratedKey;
let other: GeneratedKey;

beforeAll(async () => {
  key = await nodeCrypto.generateSigningKey();
  other = await nodeCrypto.generateSigningKey();
});

const jwks = () => ({ keys: [{ ...key.publicJwk, kid: key.kid, alg: 'RS256', use: 'sig' }] });
const idToken = (claims: Record<string, unknown> = {}) =>
  nodeCrypto.sign(key.privateJwk, key.kid, {
    iss: ISSUER,
    aud: '0oaClient',
    iat: now - 10,
    exp: now + 3600,
    nonce: 'YsG76jo',
    ...claims,
  });

describe('state and nonce', () => {
  it('passes the state that came back unchanged and fails another or none', () => {
    expect(checkState('WM6D', 'WM6D')).toEqual({ id: 'state', passed: true, reason: 'state WM6D came back unchanged' });
    expect(checkState('WM6D', 'forged')).toEqual({ id: 'state', passed: false, reason: 'sent WM6D, got forged' });
    expect(checkState('WM6D', undefined)?.reason).toBe('sent WM6D, none came back');
    expect(checkState(undefined, 'x')).toBeUndefined();
  });

  it('passes the nonce that was sent and fails another', () => {
    expect(checkNonce('YsG76jo', { nonce: 'YsG76jo' })?.passed).toBe(true);
    expect(checkNonce('YsG76jo', { nonce: 'other' })).toEqual({
      id: 'nonce',
      token: 'id_token',
      passed: false,
      reason: 'sent YsG76jo, the ID token has other',
    });
    expect(checkNonce('YsG76jo', {})?.reason).toBe('sent YsG76jo, the ID token has none');
  });
});

describe('at_hash and c_hash', () => {
  it('passes a matching at_hash and fails a wrong one', () => {
    const hash = accessTokenHash(nodeCrypto, 'the-access-token');
    expect(checkHash(nodeCrypto, 'at_hash', { at_hash: hash }, 'the-access-token', true)?.passed).toBe(true);
    expect(checkHash(nodeCrypto, 'at_hash', { at_hash: 'wrong' }, 'the-access-token', true)).toEqual({
      id: 'at_hash',
      token: 'id_token',
      passed: false,
      reason: `at_hash is wrong, the access token hashes to ${hash}`,
    });
  });

  it('fails a missing c_hash the response type requires, and skips an optional one', () => {
    expect(checkHash(nodeCrypto, 'c_hash', {}, 'the-code', true)?.reason).toBe(
      'the ID token has no c_hash, required with this response type',
    );
    expect(checkHash(nodeCrypto, 'c_hash', {}, 'the-code', false)).toBeUndefined();
    const cHash = accessTokenHash(nodeCrypto, 'the-code');
    expect(checkHash(nodeCrypto, 'c_hash', { c_hash: cHash }, 'the-code', true)?.passed).toBe(true);
  });
});

describe('PKCE', () => {
  it('passes when the token endpoint answered with tokens and fails when it refused', () => {
    expect(checkPkce(true, { ok: true })?.reason).toBe('the token endpoint accepted the code_verifier');
    expect(checkPkce(true, { ok: false, error: 'invalid_grant: PKCE verification failed' })).toEqual({
      id: 'pkce',
      passed: false,
      reason: 'the token endpoint refused the exchange: invalid_grant: PKCE verification failed',
    });
    expect(checkPkce(false, { ok: true })).toBeUndefined();
  });
});

describe('iss, aud, azp, exp, iat', () => {
  const good = { iss: ISSUER, aud: '0oaClient', exp: now + 60, iat: now - 60 };
  const byId = (payload: Record<string, unknown>) =>
    Object.fromEntries(checkClaims('id_token', payload, base).map((c) => [c.id, c]));

  it('passes a good ID token', () => {
    expect(Object.values(byId(good)).every((c) => c.passed)).toBe(true);
  });

  it('fails each claim with its reason', () => {
    expect(byId({ ...good, iss: 'https://evil' }).iss!.reason).toBe(`iss is https://evil, discovery says ${ISSUER}`);
    expect(byId({ ...good, aud: 'someone-else' }).aud!.reason).toBe(
      'aud "someone-else" does not include the client_id 0oaClient',
    );
    expect(byId({ ...good, aud: ['0oaClient', 'api'], azp: 'api' }).azp!.reason).toBe(
      'azp is api, not the client_id 0oaClient',
    );
    expect(byId({ ...good, exp: now - 3600 }).exp!.reason).toBe('expired 3600 s ago');
    expect(byId({ ...good, iat: now + 3600 }).iat!.reason).toBe('issued 3600 s in the future');
    expect(byId({ ...good, exp: 'soon' }).exp!.reason).toBe('no numeric exp');
  });

  it('checks no aud for an access token (its audience is the resource server)', () => {
    expect(checkClaims('access_token', { ...good, aud: 'api://default' }, base).map((c) => c.id)).toEqual([
      'iss',
      'exp',
      'iat',
    ]);
  });
});

describe('signature and alg', () => {
  it('verifies with the JWKS key the kid names', async () => {
    const jwt = await idToken();
    const checks = await checkSignature(nodeCrypto, 'id_token', jwt, nodeCrypto.decodeJws(jwt)!.header, {
      algorithms: ['RS256'],
      jwks: jwks(),
    });
    expect(checks.map((c) => [c.id, c.passed])).toEqual([
      ['alg', true],
      ['signature', true],
    ]);
  });

  it('fails a token whose payload was changed, an unknown kid, and an alg not advertised', async () => {
    const [header, , signature] = (await idToken()).split('.');
    const payload = Buffer.from(JSON.stringify({ iss: ISSUER, sub: 'someone-else' })).toString('base64url');
    const forged = `${header}.${payload}.${signature}`;
    const [, bad] = await checkSignature(nodeCrypto, 'id_token', forged, nodeCrypto.decodeJws(forged)!.header, {
      algorithms: ['RS256'],
      jwks: jwks(),
    });
    expect(bad).toEqual({
      id: 'signature',
      token: 'id_token',
      passed: false,
      reason: `the signature does not verify with key ${key.kid}`,
    });
    const stranger = await nodeCrypto.sign(other.privateJwk, other.kid, {});
    const [alg, unknown] = await checkSignature(
      nodeCrypto,
      'access_token',
      stranger,
      { alg: 'none', kid: other.kid },
      { algorithms: ['RS256'], jwks: jwks() },
    );
    expect(unknown!.reason).toBe(`no key with kid ${other.kid} in the server's JWKS`);
    expect(alg).toEqual({
      id: 'alg',
      token: 'access_token',
      passed: false,
      reason: 'none is not among the advertised RS256',
    });
  });
});

describe('all checks of a run', () => {
  it('passes every check of a good implicit response and fails the nonce of a replayed one', async () => {
    const input = {
      ...base,
      algorithms: ['RS256'],
      jwks: jwks(),
      sentState: 'WM6D',
      returnedState: 'WM6D',
      sentNonce: 'YsG76jo',
      pkceSent: false,
      responseType: 'id_token',
    };
    const token = await idToken();
    const good = await clientChecks(nodeCrypto, {
      ...input,
      frontChannel: { id_token: token },
      tokens: { id_token: token },
    });
    expect(good.filter((c) => !c.passed)).toEqual([]);
    expect(good.map((c) => c.id)).toEqual(['state', 'nonce', 'iss', 'aud', 'exp', 'iat', 'alg', 'signature']);
    const replayed = await idToken({ nonce: 'old' });
    const bad = await clientChecks(nodeCrypto, { ...input, tokens: { id_token: replayed } });
    expect(bad.filter((c) => !c.passed).map((c) => c.id)).toEqual(['nonce']);
  });
});
