/** What DPoP proof checking needs from outside the pure core; `app/dpop-crypto.ts` implements them. */

/** JOSE operations on a proof, backed by jose in `app/`. */
export interface DpopCrypto {
  /** The protected header and claims of a compact JWS, unverified; undefined when it is not one. */
  decodeJws(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } | undefined;
  /** True when the JWS signature verifies with the public `jwk` under the header's `alg`. */
  verify(token: string, jwk: Record<string, unknown>): Promise<boolean>;
  /** The RFC 7638 SHA-256 thumbprint of a public JWK, base64url (the `jkt` of RFC 9449 §6). */
  thumbprint(jwk: Record<string, unknown>): Promise<string>;
  /** base64url(SHA-256(ASCII `accessToken`)): the `ath` claim of RFC 9449 §4.2. */
  accessTokenHash(accessToken: string): string;
}

/** Server-provided nonces (RFC 9449 §8): issued fresh, accepted for a short while after rotating. */
export interface DpopNonces {
  /** The nonce to send now in a `DPoP-Nonce` header. */
  current(now: Date): string;
  /** True when this server issued `nonce` and it has not rotated out (current or previous period). */
  isValid(nonce: string, now: Date): boolean;
}

/** Proof ids already used (RFC 9449 §11.1), each kept until its proof would be refused as stale anyway. */
export interface DpopProofStore {
  /** Records `jti` for the key `jkt` until `expiresAt`, dropping expired entries; false when it was already used. */
  useOnce(jkt: string, jti: string, expiresAt: Date, now: Date): boolean;
}
