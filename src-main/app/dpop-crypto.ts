/**
 * The DPoP ports on Node: proof decoding and signature checks through the same jose code as the
 * `Crypto` port (`node-crypto.ts`), RFC 7638 thumbprints with jose, and stateless HMAC nonces.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import type { JWK } from 'jose';
import type { DpopProofSigner } from '../core/ports/flow-runs.js';
import type { DpopCrypto, DpopNonces } from '../core/protocol/dpop/dpop-ports.js';
import { nodeCrypto } from './node-crypto.js';

export const dpopCrypto: DpopCrypto = {
  decodeJws: (token) => nodeCrypto.decodeJws(token),
  verify: (token, jwk) => nodeCrypto.verifyJws(token, { jwk }),
  thumbprint: (jwk) => calculateJwkThumbprint(jwk as JWK, 'sha256'),
  accessTokenHash: (accessToken) => Buffer.from(nodeCrypto.sha256(accessToken)).toString('base64url'),
};

/** The Flow Runner's client side of DPoP: an ES256 key per run and its proofs (RFC 9449 §4.2). */
export const dpopProofSigner: DpopProofSigner = {
  async generateKey() {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    return {
      privateJwk: JSON.stringify(await exportJWK(privateKey)),
      publicJwk: { ...(await exportJWK(publicKey)) },
    };
  },
  async sign(key, claims) {
    const privateKey = await importJWK(JSON.parse(key.privateJwk) as JWK, 'ES256');
    return new SignJWT(claims)
      .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk: key.publicJwk as JWK })
      .sign(privateKey);
  },
};

/**
 * How long one nonce is current. A nonce is accepted while current and for one period after
 * (RFC 9449 §8: the server decides how long), so 5 to 10 minutes: far longer than the one
 * round trip between a `use_dpop_nonce` answer and the retried request.
 */
export const DPOP_NONCE_PERIOD_SECONDS = 300;

/**
 * Nonces with no state: HMAC-SHA256 of the period number under a secret. The secret is random per
 * process unless given, so a restart voids all nonces, and with them every token-endpoint proof
 * made before it; that is why the `jti` store may live in memory.
 */
export function createDpopNonces(
  secret: Uint8Array = randomBytes(32),
  periodSeconds = DPOP_NONCE_PERIOD_SECONDS,
): DpopNonces {
  const periodOf = (now: Date) => Math.floor(now.getTime() / 1000 / periodSeconds);
  const nonceOf = (period: number) => createHmac('sha256', secret).update(`dpop-nonce:${period}`).digest('base64url');
  return {
    current: (now) => nonceOf(periodOf(now)),
    isValid(nonce, now) {
      const given = Buffer.from(nonce);
      const period = periodOf(now);
      return [period, period - 1].some((p) => {
        const expected = Buffer.from(nonceOf(p));
        return expected.length === given.length && timingSafeEqual(expected, given);
      });
    },
  };
}
