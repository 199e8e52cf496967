/**
 * Every signature verdict, with tokens really signed (jose, as `app/node-crypto.ts` signs) and
 * verified through the `Crypto` port on Node; the clock is injected.
 */
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../../src-main/app/node-crypto.js';
import { decodeToken } from '../../../../src-main/core/inspect/decode.js';
import type { DecodedToken } from '../../../../src-main/core/inspect/decode.js';
import { algorithmsOf, signatureVerdict } from '../../../../src-main/core/inspect/verdict.js';
import type { CandidateKey } from '../../../../src-main/core/inspect/verdict.js';
import { FakeClock } from '../fakes.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const nowSeconds = NOW.getTime() / 1000;
const clock = new FakeClock(NOW);
const deps = { crypto: nodeCrypto, clock };

let active: { jwk: JWK; sign(payload: Record<string, unknown>, header?: Record<string, unknown>): Promise<string> };
let expired: typeof active;
let ec: typeof active;

async function keyPair(alg: string, kid: string): Promise<typeof active> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid };
  return {
    jwk,
    sign: (payload, header = {}) =>
      new SignJWT(payload).setProtectedHeader({ alg, kid, ...header } as { alg: string }).sign(privateKey),
  };
}

beforeAll(async () => {
  active = await keyPair('RS256', 'kid-active');
  expired = await keyPair('RS256', 'kid-expired');
  ec = await keyPair('ES256', 'kid-ec');
});

const serverKeys = (): CandidateKey[] => [
  { jwk: { ...active.jwk, alg: 'RS256' }, key: { kid: 'kid-active', source: 'server', status: 'ACTIVE' } },
  { jwk: { ...expired.jwk, alg: 'RS256' }, key: { kid: 'kid-expired', source: 'server', status: 'EXPIRED' } },
];

function decoded(token: string): DecodedToken {
  const result = decodeToken(token);
  if (!result.ok) throw new Error(result.fault.message);
  return result.token;
}

const claims = { iss: 'http://127.0.0.1/oauth2/default', iat: nowSeconds - 60, exp: nowSeconds + 3600 };
const verdictOf = async (token: string, keys = serverKeys()) =>
  signatureVerdict(deps, decoded(token), keys, 'the keys of server default');

describe('signatureVerdict', () => {
  it('is valid with the ACTIVE key, naming it', async () => {
    expect(await verdictOf(await active.sign(claims))).toEqual({
      code: 'valid',
      ok: true,
      signatureValid: true,
      title: 'Signature valid',
      reason: "Signed with the server's ACTIVE key kid-active.",
      key: { kid: 'kid-active', source: 'server', status: 'ACTIVE' },
    });
  });

  it('finds an EXPIRED key by kid and says it was rotated out', async () => {
    const verdict = await verdictOf(await expired.sign(claims));
    expect(verdict).toMatchObject({ code: 'valid', key: { kid: 'kid-expired', status: 'EXPIRED' } });
    expect(verdict.reason).toBe("Signed with the server's EXPIRED key kid-expired, a rotated-out key.");
  });

  it('flags one changed payload character as a bad signature', async () => {
    const [header, payload, signature] = (await active.sign({ ...claims, sub: 'alice' })).split('.');
    const changed = Buffer.from(JSON.stringify({ ...claims, sub: 'alicf' })).toString('base64url');
    expect(payload).not.toBe(changed);
    const verdict = await verdictOf(`${header}.${changed}.${signature}`);
    expect(verdict).toMatchObject({ code: 'bad_signature', ok: false, signatureValid: false, title: 'Bad signature' });
    expect(verdict.reason).toBe(
      "The signature does not verify with the server's ACTIVE key kid-active: the header or payload was changed after signing, or another key signed it.",
    );
  });

  it('names an unknown kid and lists the keys it looked among', async () => {
    const stranger = await keyPair('RS256', 'kid-elsewhere');
    const verdict = await verdictOf(await stranger.sign(claims));
    expect(verdict).toMatchObject({ code: 'unknown_kid', title: 'Unknown kid', key: null });
    expect(verdict.reason).toBe(
      "No key has the token's kid kid-elsewhere (the keys of server default: kid-active ACTIVE, kid-expired EXPIRED).",
    );
  });

  it('refuses alg none', async () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expect(await verdictOf(unsigned)).toMatchObject({ code: 'alg_none', title: 'Unsigned (alg none)' });
  });

  it('refuses an alg that is not the key’s (an RSA key is no HMAC secret)', async () => {
    const hmac = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: 'kid-active' })
      .sign(new TextEncoder().encode('secret'));
    const verdict = await verdictOf(hmac);
    expect(verdict).toMatchObject({ code: 'alg_mismatch', title: "alg HS256 is not the key's" });
    expect(verdict.reason).toBe(
      "The token says alg HS256, but the server's ACTIVE key kid-active is an RSA key and verifies RS256.",
    );
    const noAlg = `${Buffer.from('{"kid":"kid-active"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.c2ln`;
    expect(await verdictOf(noAlg)).toMatchObject({ code: 'alg_mismatch', title: 'No alg' });
  });

  it('says how long ago an expired token expired, and how long until a not-yet-valid one starts', async () => {
    const late = await verdictOf(await active.sign({ ...claims, exp: nowSeconds - 200 }));
    expect(late).toMatchObject({
      code: 'expired',
      ok: false,
      signatureValid: true,
      title: 'Expired 3 minutes 20 seconds ago',
    });
    expect(late.reason).toContain('the token expired 3 minutes 20 seconds ago (exp 2026-03-01T11:56:40.000Z)');
    const early = await verdictOf(await active.sign({ ...claims, nbf: nowSeconds + 7260 }));
    expect(early).toMatchObject({
      code: 'not_yet_valid',
      signatureValid: true,
      title: 'Not valid for another 2 hours 1 minute',
    });
  });

  it('verifies an EC token against a pasted key without a kid', async () => {
    const pasted: CandidateKey[] = [
      {
        jwk: { kty: 'EC', crv: 'P-256', x: ec.jwk.x, y: ec.jwk.y },
        key: { kid: null, source: 'pasted', status: null },
      },
    ];
    expect(await verdictOf(await ec.sign(claims), pasted)).toMatchObject({
      code: 'valid',
      reason: 'Signed with the pasted key.',
    });
  });

  it('knows which algorithms each kind of key verifies', () => {
    expect(algorithmsOf({ kty: 'RSA', alg: 'RS256' })).toEqual(['RS256']);
    expect(algorithmsOf({ kty: 'EC', crv: 'P-384' })).toEqual(['ES384']);
    expect(algorithmsOf({ kty: 'OKP', crv: 'Ed25519' })).toEqual(['EdDSA', 'Ed25519']);
    expect(algorithmsOf({ kty: 'EC', crv: 'secp256k1' })).toEqual([]);
  });
});
