import { SignJWT, calculateJwkThumbprint } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { DPOP_IAT_WINDOW_SECONDS, checkDpopProof } from '../../../../../src-main/core/protocol/dpop/check-proof.js';
import type { DpopRequest } from '../../../../../src-main/core/protocol/dpop/check-proof.js';
import { DPOP_TEXT } from '../../../../../src-main/core/protocol/dpop/dpop-text.js';
import { InvalidDpopProof, UseDpopNonce } from '../../../../../src-main/core/protocol/oauth-errors.js';
import { NONCES, NOW, NOW_S, ORG, TOKEN_URL, dpopDeps, keyPair, proof, refusal, unsigned } from './dpop-fixture.js';
import type { KeyPair } from './dpop-fixture.js';

let es: KeyPair;
let rs: KeyPair;
let other: KeyPair;
beforeAll(async () => {
  [es, rs, other] = await Promise.all([keyPair('ES256'), keyPair('RS256'), keyPair('ES256')]);
});

const atToken = (header: DpopRequest['header']): DpopRequest => ({
  header,
  method: 'POST',
  url: TOKEN_URL,
  requireNonce: true,
});

async function refused(header: DpopRequest['header'], request: Partial<DpopRequest> = {}) {
  return refusal(checkDpopProof(dpopDeps(), { ...atToken(header), ...request }));
}

async function expectInvalid(header: DpopRequest['header'], description: string, request: Partial<DpopRequest> = {}) {
  const error = await refused(header, request);
  expect(error).toBeInstanceOf(InvalidDpopProof);
  expect(error.toJSON()).toEqual({ error: 'invalid_dpop_proof', error_description: description });
  expect(error.status).toBe(400);
}

describe('checkDpopProof at the token endpoint', () => {
  it.each(['ES256', 'RS256'])('accepts a good %s proof and answers its key thumbprint', async (alg) => {
    const key = alg === 'ES256' ? es : rs;
    const checked = await checkDpopProof(dpopDeps(), atToken(await proof(key, { jti: 'one' })));
    expect(checked).toEqual({ jkt: await calculateJwkThumbprint(key.publicJwk, 'sha256'), jti: 'one' });
  });

  it('refuses a request without a proof', async () => {
    await expectInvalid(undefined, DPOP_TEXT.missing);
    await expectInvalid('', DPOP_TEXT.missing);
    await expectInvalid([], DPOP_TEXT.missing);
  });

  it('refuses two DPoP headers, as an array or joined by Node with a comma', async () => {
    const [a, b] = [await proof(es), await proof(es)];
    await expectInvalid([a, b], DPOP_TEXT.multiple);
    await expectInvalid(`${a}, ${b}`, DPOP_TEXT.multiple);
  });

  it('refuses what is not a compact JWS', async () => {
    await expectInvalid('not-a-jwt', DPOP_TEXT.malformed);
    await expectInvalid(`${await proof(es)}.extra.part`, DPOP_TEXT.malformed);
  });

  it.each([['JWT'], [undefined], ['DPOP+JWT ']])('refuses typ %j', async (typ) => {
    await expectInvalid(await proof(es, {}, { typ }), DPOP_TEXT.typ);
  });

  it('refuses alg none', async () => {
    const payload = { htm: 'POST', htu: TOKEN_URL, iat: NOW_S, jti: 'none', nonce: NONCES.current(NOW) };
    await expectInvalid(unsigned({ typ: 'dpop+jwt', alg: 'none', jwk: es.publicJwk }, payload), DPOP_TEXT.alg);
  });

  it('refuses a symmetric alg (HS256)', async () => {
    const payload = { htm: 'POST', htu: TOKEN_URL, iat: NOW_S, jti: 'hs', nonce: NONCES.current(NOW) };
    const secret = new TextEncoder().encode('a shared secret of thirty-two bytes!');
    const token = await new SignJWT(payload)
      .setProtectedHeader({ typ: 'dpop+jwt', alg: 'HS256', jwk: es.publicJwk })
      .sign(secret);
    await expectInvalid(token, DPOP_TEXT.alg);
  });

  it('refuses an asymmetric alg Okta does not list (PS256)', async () => {
    await expectInvalid(
      unsigned({ typ: 'dpop+jwt', alg: 'PS256', jwk: rs.publicJwk }, { htm: 'POST', htu: TOKEN_URL }),
      DPOP_TEXT.alg,
    );
  });

  it('refuses a private key in the jwk header', async () => {
    await expectInvalid(await proof(es, {}, { jwk: es.privateJwk }), DPOP_TEXT.jwk);
  });

  it('refuses a proof without a jwk or with a symmetric one', async () => {
    await expectInvalid(await proof(es, {}, { jwk: undefined }), DPOP_TEXT.jwk);
    await expectInvalid(await proof(es, {}, { jwk: { kty: 'oct', k: 'c2VjcmV0' } }), DPOP_TEXT.jwk);
  });

  it('refuses a signature by another key than the jwk header', async () => {
    await expectInvalid(await proof(other, {}, { jwk: es.publicJwk }), DPOP_TEXT.signature);
  });

  it('refuses a wrong htm', async () => {
    await expectInvalid(await proof(es, { htm: 'GET' }), DPOP_TEXT.htm);
    await expectInvalid(await proof(es, { htm: 'post' }), DPOP_TEXT.htm);
  });

  it('refuses a wrong htu', async () => {
    await expectInvalid(await proof(es, { htu: `${ORG}/oauth2/default/v1/token` }), DPOP_TEXT.htu);
    await expectInvalid(await proof(es, { htu: 'http://127.0.0.1:8081/oauth2/v1/token' }), DPOP_TEXT.htu);
    await expectInvalid(await proof(es, { htu: undefined }), DPOP_TEXT.htu);
  });

  it('ignores the query and fragment of htu and of the request URL', async () => {
    const deps = dpopDeps();
    await checkDpopProof(deps, { ...atToken(await proof(es)), url: `${TOKEN_URL}?client_id=abc` });
    await checkDpopProof(deps, atToken(await proof(es, { htu: `${TOKEN_URL}?a=1#frag` })));
  });

  it('refuses a missing jti', async () => {
    await expectInvalid(await proof(es, { jti: undefined }), DPOP_TEXT.jti);
    await expectInvalid(await proof(es, { jti: '' }), DPOP_TEXT.jti);
  });

  it(`accepts iat up to ${DPOP_IAT_WINDOW_SECONDS} s either way`, async () => {
    await checkDpopProof(dpopDeps(), atToken(await proof(es, { iat: NOW_S - DPOP_IAT_WINDOW_SECONDS })));
    await checkDpopProof(dpopDeps(), atToken(await proof(es, { iat: NOW_S + DPOP_IAT_WINDOW_SECONDS })));
  });

  it('refuses a stale iat, a future iat and a missing one', async () => {
    await expectInvalid(await proof(es, { iat: NOW_S - DPOP_IAT_WINDOW_SECONDS - 1 }), DPOP_TEXT.iat);
    await expectInvalid(await proof(es, { iat: NOW_S + DPOP_IAT_WINDOW_SECONDS + 1 }), DPOP_TEXT.iat);
    await expectInvalid(await proof(es, { iat: undefined }), DPOP_TEXT.iat);
    await expectInvalid(await proof(es, { iat: String(NOW_S) }), DPOP_TEXT.iat);
  });

  it('refuses a replayed jti with the same key, but not the same jti with another key', async () => {
    const deps = dpopDeps();
    const first = await proof(es, { jti: 'once' });
    await checkDpopProof(deps, atToken(first));
    const error = await refusal(checkDpopProof(deps, atToken(first)));
    expect(error.toJSON()).toEqual({ error: 'invalid_dpop_proof', error_description: DPOP_TEXT.replayed });
    await checkDpopProof(deps, atToken(await proof(rs, { jti: 'once' })));
  });

  it('does not use up the jti of a refused proof', async () => {
    const deps = dpopDeps();
    await refusal(checkDpopProof(deps, atToken(await proof(es, { jti: 'retry', nonce: undefined }))));
    await checkDpopProof(deps, atToken(await proof(es, { jti: 'retry' })));
  });

  it('answers use_dpop_nonce with the current nonce when the proof has none', async () => {
    const error = await refused(await proof(es, { nonce: undefined }));
    expect(error).toBeInstanceOf(UseDpopNonce);
    expect(error.toJSON()).toEqual({
      error: 'use_dpop_nonce',
      error_description: 'Authorization server requires nonce in DPoP proof.',
    });
    expect(error.status).toBe(400);
    expect((error as UseDpopNonce).nonce).toBe(NONCES.current(NOW));
  });

  it('answers use_dpop_nonce with a fresh nonce to a stale or foreign one', async () => {
    const stale = NONCES.current(new Date(NOW.getTime() - 11 * 60_000));
    for (const nonce of [stale, 'made-up', 42]) {
      const error = await refused(await proof(es, { nonce }));
      expect(error).toBeInstanceOf(UseDpopNonce);
      expect(error.toJSON()).toEqual({ error: 'use_dpop_nonce', error_description: DPOP_TEXT.nonce });
      expect((error as UseDpopNonce).nonce).toBe(NONCES.current(NOW));
    }
  });

  it('accepts the previous nonce and offers the current one for the next request', async () => {
    const previous = NONCES.current(new Date(NOW.getTime() - 5 * 60_000));
    expect(previous).not.toBe(NONCES.current(NOW));
    const checked = await checkDpopProof(dpopDeps(), atToken(await proof(es, { nonce: previous })));
    expect(checked.nextNonce).toBe(NONCES.current(NOW));
  });
});

describe('checkDpopProof at a resource', () => {
  const USERS = `${ORG}/api/v1/users`;
  const TOKEN = 'eyJraWQiOiJrIn0.eyJjbmYiOnt9fQ.sig';
  const ATH = 'mbf1JkNVLPq3zUpJYxfEUbeHJImpQP1ebtVBn4Z-LY4';
  const atResource = (header: string, request: Partial<DpopRequest> = {}): DpopRequest => ({
    header,
    method: 'GET',
    url: `${USERS}?limit=200`,
    requireNonce: false,
    accessToken: TOKEN,
    ...request,
  });
  const resourceProof = (key: KeyPair, claims: Record<string, unknown> = {}) =>
    proof(key, { htm: 'GET', htu: USERS, nonce: undefined, ath: ATH, ...claims });

  it('accepts a proof with the access token hash and the bound key, without a nonce', async () => {
    const jkt = await calculateJwkThumbprint(es.publicJwk, 'sha256');
    const checked = await checkDpopProof(dpopDeps(), atResource(await resourceProof(es), { boundJkt: jkt }));
    expect(checked.jkt).toBe(jkt);
  });

  it('refuses a wrong or missing ath', async () => {
    for (const ath of ['AAAA', undefined]) {
      const error = await refusal(checkDpopProof(dpopDeps(), atResource(await resourceProof(es, { ath }))));
      expect(error.toJSON()).toEqual({
        error: 'invalid_dpop_proof',
        error_description: "'ath' claim in the DPoP proof does not match the presented access_token.",
      });
    }
  });

  it("refuses a proof signed by another key than the token's cnf.jkt", async () => {
    const boundJkt = await calculateJwkThumbprint(rs.publicJwk, 'sha256');
    const error = await refusal(checkDpopProof(dpopDeps(), atResource(await resourceProof(es), { boundJkt })));
    expect(error.toJSON()).toEqual({ error: 'invalid_dpop_proof', error_description: DPOP_TEXT.jkt });
  });

  it("refuses a proof made for another resource with Okta's htu text", async () => {
    const error = await refusal(
      checkDpopProof(dpopDeps(), atResource(await resourceProof(es, { htu: `${ORG}/api/v1/apps` }))),
    );
    expect(error.toJSON()).toEqual({
      error: 'invalid_dpop_proof',
      error_description: "'htu' claim in the DPoP proof JWT is invalid.",
    });
  });
});
