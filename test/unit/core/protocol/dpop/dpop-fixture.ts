/**
 * Real keys and proofs made with jose, and the real DPoP ports (jose crypto, HMAC nonces with a
 * fixed secret, the in-memory jti store), so each test checks a proof as the server would.
 */
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import { createDpopNonces, dpopCrypto } from '../../../../../src-main/app/dpop-crypto.js';
import { MemoryDpopProofStore } from '../../../../../src-main/app/dpop-proof-store.js';
import type { DpopDeps } from '../../../../../src-main/core/protocol/dpop/check-proof.js';
import type { OAuthError } from '../../../../../src-main/core/protocol/oauth-errors.js';

export const NOW = new Date('2026-03-01T12:00:00.000Z');
export const NOW_S = NOW.getTime() / 1000;
export const ORG = 'http://127.0.0.1:8080';
export const TOKEN_URL = `${ORG}/oauth2/v1/token`;
export const NONCES = createDpopNonces(new Uint8Array(32).fill(7));

export interface KeyPair {
  privateKey: CryptoKey;
  publicJwk: JWK;
  privateJwk: JWK;
  alg: string;
}

export async function keyPair(alg: 'ES256' | 'RS256'): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, publicJwk: await exportJWK(publicKey), privateJwk: await exportJWK(privateKey), alg };
}

/** Ports with a fresh jti store and a clock at `now`. */
export function dpopDeps(now: () => Date = () => NOW): DpopDeps {
  return { crypto: dpopCrypto, nonces: NONCES, proofs: new MemoryDpopProofStore(), clock: { now } };
}

let jtis = 0;

/** A token-endpoint proof signed by `key`; `header` and `claims` override or (with undefined) drop members. */
export function proof(
  key: KeyPair,
  claims: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
): Promise<string> {
  const payload = {
    htm: 'POST',
    htu: TOKEN_URL,
    iat: NOW_S,
    jti: `jti-${++jtis}`,
    nonce: NONCES.current(NOW),
    ...claims,
  };
  return new SignJWT(payload)
    .setProtectedHeader({ typ: 'dpop+jwt', alg: key.alg, jwk: key.publicJwk, ...header })
    .sign(key.privateKey);
}

/** An unsigned compact JWS (jose will not sign with `alg: none`). */
export function unsigned(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part(payload)}.`;
}

export async function refusal(check: Promise<unknown>): Promise<OAuthError> {
  try {
    await check;
  } catch (error) {
    return error as OAuthError;
  }
  throw new Error('expected the proof to be refused');
}
