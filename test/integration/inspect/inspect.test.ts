/**
 * `POST /api/sandbox/v1/tokens/inspect` over HTTP with real tokens from the real server: the ID token
 * of the implicit flow (nonce, the seed's custom claim with its definition, at_hash) verified with
 * the ACTIVE key and, after a rotation, with the EXPIRED one; a changed payload character is a bad
 * signature; the JWKS pasted verifies; malformed tokens are the answer, malformed bodies 400
 * E0000001; the SSWS guard holds; and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenInspectionDto } from '../../../src-main/contracts/inspect.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { tableCounts } from '../../support/directory.js';
import { expectOktaError } from '../../support/okta.js';
import { ALICE, implicitFlow, passwordGrant, setUpDirectory } from '../claims/fixtures.js';
import type { Directory } from '../claims/fixtures.js';
import { createPolicyAndRule, createServer } from '../token/fixtures.js';

const INSPECT = '/api/sandbox/v1/tokens/inspect';
const STORED = ['events', 'access_tokens', 'refresh_tokens', 'token_families', 'authorization_codes', 'sessions'];

let t: TestApp;
let d: Directory;
let idToken: string;
let accessToken: string;
let nonce: string;

beforeAll(async () => {
  t = await startTestApp();
  d = await setUpDirectory(t);
  const flow = await implicitFlow(t, d.web, ALICE, 'id_token token', 'openid profile email');
  idToken = flow.fragment['id_token']!;
  accessToken = flow.fragment['access_token']!;
  nonce = flow.params.nonce;
  expect(idToken && accessToken, 'the implicit flow gave both tokens').toBeTruthy();
});

afterAll(async () => {
  await t?.close();
});

async function inspect(body: unknown): Promise<TokenInspectionDto> {
  const response = await t.api(INSPECT, { method: 'POST', body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as TokenInspectionDto;
}

async function inspected(body: unknown): Promise<Extract<TokenInspectionDto, { ok: true }>> {
  const result = await inspect(body);
  if (!result.ok) throw new Error(result.fault.message);
  return result;
}

describe('POST /api/sandbox/v1/tokens/inspect', () => {
  it('explains a real ID token: server, verdict, nonce, at_hash and the custom claim with its definition', async () => {
    const before = tableCounts(t, STORED);
    const result = await inspected({ token: idToken, accessToken, nonce });
    expect(result.kind).toBe('id_token');
    expect(result.server).toEqual({ id: 'default', name: 'default', issuer: `${t.origin}/oauth2/default` });
    expect(result.verdict).toMatchObject({ code: 'valid', ok: true, key: { source: 'server', status: 'ACTIVE' } });
    expect(result.verdict.key!.kid).toBe(result.header['kid']);
    expect(result.nonce).toEqual({ sent: nonce, actual: nonce, matches: true });
    expect(result.hashes).toEqual([expect.objectContaining({ claim: 'at_hash', matches: true })]);
    const honorific = result.claims.find((c) => c.name === 'preferred_honorific');
    expect(honorific).toMatchObject({
      value: 'Commodore',
      category: 'custom',
      highlights: ['custom'],
      definition: {
        id: d.claimIds['preferred_honorific'],
        serverId: 'default',
        claimType: 'IDENTITY',
        valueType: 'EXPRESSION',
        value: 'user.honorific',
        conditionScopes: ['profile'],
      },
    });
    expect(result.claims.find((c) => c.name === 'nonce')?.highlights).toEqual(['nonce', 'security']);
    expect(tableCounts(t, STORED), 'inspecting stores nothing, not even an event').toEqual(before);
  });

  it('flags a token with one payload character changed as a bad signature', async () => {
    const [header, payload, signature] = idToken.split('.') as [string, string, string];
    const json = Buffer.from(payload, 'base64url').toString().replace('Commodore', 'Commodorf');
    const tampered = `${header}.${Buffer.from(json).toString('base64url')}.${signature}`;
    const result = await inspected({ token: tampered });
    expect(result.payload['preferred_honorific']).toBe('Commodorf');
    expect(result.verdict).toMatchObject({ code: 'bad_signature', ok: false, title: 'Bad signature' });
  });

  it('compares access tokens of different scopes: each carries its own scp', async () => {
    const narrow = await passwordGrant(t, d.native, ALICE, 'openid');
    const wide = await passwordGrant(t, d.native, ALICE, 'openid email orders:read');
    const [a, b] = [
      await inspected({ token: narrow.body['access_token'] }),
      await inspected({ token: wide.body['access_token'] }),
    ];
    expect(a.kind).toBe('access_token');
    expect(a.payload['scp']).toEqual(['openid']);
    expect(b.payload['scp']).toEqual(['openid', 'email', 'orders:read']);
    expect(b.claims.find((c) => c.name === 'order_tier')?.definition).toMatchObject({
      conditionScopes: ['orders:read'],
    });
  });

  it('still verifies a token signed with a key that rotation has EXPIRED, and says so', async () => {
    const serverId = await createServer(t, 'rotating');
    await createPolicyAndRule(t, serverId, ['password']);
    const grant = await passwordGrant(t, d.native, ALICE, 'openid', serverId);
    expect(grant.status, JSON.stringify(grant.body)).toBe(200);
    const rotate = await t.api(`/api/v1/authorizationServers/${serverId}/credentials/lifecycle/keyRotate`, {
      method: 'POST',
      body: JSON.stringify({ use: 'sig' }),
    });
    expect(rotate.status).toBe(200);
    const result = await inspected({ token: grant.body['access_token'] });
    expect(result.verdict).toMatchObject({ code: 'valid', key: { status: 'EXPIRED' } });
    expect(result.verdict.reason).toContain('a rotated-out key');
  });

  it('verifies against the pasted JWKS of the server, and says an unknown issuer is unknown', async () => {
    const jwks = await (await fetch(`${t.origin}/oauth2/default/v1/keys`)).text();
    expect((await inspected({ token: idToken, key: jwks })).verdict).toMatchObject({
      code: 'valid',
      key: { source: 'pasted' },
    });
    const [header, , signature] = idToken.split('.') as [string, string, string];
    const foreign = `${header}.${Buffer.from(JSON.stringify({ iss: 'https://example.okta.com/oauth2/default' })).toString('base64url')}.${signature}`;
    expect((await inspected({ token: foreign })).verdict).toMatchObject({ code: 'unknown_issuer' });
  });

  it('answers each malformed token with a message naming the fault', async () => {
    const faults: [string, string][] = [
      ['', 'empty'],
      ['a.b', 'not_three_parts'],
      ['a.b.c.d.e', 'jwe'],
      ['a+b.c.d', 'bad_base64url'],
      [`${Buffer.from('nope').toString('base64url')}.e30.sig`, 'not_json'],
      [`e30.${'A'.repeat(70_000)}.sig`, 'too_large'],
    ];
    for (const [token, code] of faults) {
      const result = await inspect({ token });
      expect(result, token.slice(0, 20)).toMatchObject({ ok: false, fault: { code, message: expect.any(String) } });
    }
  });

  it('refuses malformed bodies with E0000001 naming the field, and requests without the admin token', async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      t.api(INSPECT, { method: 'POST', body, headers });
    const missing = await expectOktaError(await post('{}'), 400, 'E0000001');
    expect(missing.errorCauses.map((c) => c.errorSummary)).toEqual(['token: The field cannot be left blank']);
    const wrongType = await expectOktaError(await post(JSON.stringify({ token: 'x', key: 5 })), 400, 'E0000001');
    expect(wrongType.errorCauses.map((c) => c.errorSummary)).toEqual([
      'key: must be a string (a JWK, a JWKS or a PEM public key)',
    ]);
    await expectOktaError(await post('[1]'), 400, 'E0000001');
    await expectOktaError(await post('{"token": "a.b.c"}', { authorization: 'SSWS wrong' }), 401, 'E0000011');
  });
});
