/**
 * Checks a DPoP proof (RFC 9449 §4.3) for the token endpoint and for a resource, and answers the
 * proof key's thumbprint (`jkt`) to bind a token to or to compare with the token's `cnf.jkt`.
 * Refusals are `InvalidDpopProof`, or `UseDpopNonce` carrying the nonce for the `DPoP-Nonce` header.
 *
 * Order: one header, compact JWS, `typ`, `alg`, a public `jwk`, the signature, the claims (`jti`,
 * `htm`, `htu`, `iat`), the server nonce, `ath`, `cnf.jkt`, and last the single use of `jti`, so a
 * refused proof does not use up its `jti`.
 */
import type { Clock } from '../../ports/runtime.js';
import { InvalidDpopProof, UseDpopNonce } from '../oauth-errors.js';
import type { DpopCrypto, DpopNonces, DpopProofStore } from './dpop-ports.js';
import { DPOP_ALGS, DPOP_TEXT } from './dpop-text.js';
import { htuMatches } from './htu.js';

/**
 * How far `iat` may be from the server's clock, either way. RFC 9449 §11.1 leaves it to the server;
 * 60 s covers the clock skew of clients that make a proof right before each request (as the Okta
 * SDKs do), and it is how long a used `jti` must be remembered, so it keeps the replay store small.
 */
export const DPOP_IAT_WINDOW_SECONDS = 60;

/** The asymmetric key types a proof's `jwk` may have (RFC 9449 §4.2: never a symmetric key). */
const KEY_TYPES = ['RSA', 'EC', 'OKP'];
/** RFC 7518 §6.2.2 and §6.3.2 (and `k` of §6.4): members only a private or secret key has. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

export interface DpopDeps {
  crypto: DpopCrypto;
  nonces: DpopNonces;
  proofs: DpopProofStore;
  clock: Clock;
}

export interface DpopRequest {
  /**
   * The request's `DPoP` header as read: absent, one value, or repeats (as an array, or joined by
   * commas as Node joins repeated headers; a compact JWS never holds a comma).
   */
  header: string | readonly string[] | undefined;
  /** The request method, compared with `htm`. */
  method: string;
  /** The absolute URL the request was sent to; its query and fragment are ignored. */
  url: string;
  /** Whether the proof must carry a nonce of this server (the token endpoint: yes; Okta's `/api/v1`: no). */
  requireNonce: boolean;
  /** At a resource: the access token presented with the proof, to check `ath`. */
  accessToken?: string;
  /** At a resource: the access token's `cnf.jkt`, to check the proof is signed by the bound key. */
  boundJkt?: string;
}

export interface CheckedDpopProof {
  /** The RFC 7638 thumbprint of the proof's key: the `cnf.jkt` of a token issued for it. */
  jkt: string;
  jti: string;
  /** A newer nonce for the answer's `DPoP-Nonce` header when the proof's has rotated once (RFC 9449 §8.2). */
  nextNonce?: string;
}

/** Checks the DPoP proof of a request; see the file comment for the order of the checks. */
export async function checkDpopProof(deps: DpopDeps, request: DpopRequest): Promise<CheckedDpopProof> {
  const proof = singleProof(request.header);
  const decoded = deps.crypto.decodeJws(proof);
  if (!decoded || proof.split('.').length !== 3)
    throw new InvalidDpopProof(DPOP_TEXT.malformed, 'not a compact JWS with JSON header and claims');
  const jwk = checkHeader(decoded.header);
  if (!(await deps.crypto.verify(proof, jwk)))
    throw new InvalidDpopProof(DPOP_TEXT.signature, "the signature does not verify with the header's jwk");
  const now = deps.clock.now();
  const { jti, iat } = checkClaims(decoded.payload, request, Math.floor(now.getTime() / 1000));
  const nextNonce = request.requireNonce ? checkNonce(deps.nonces, decoded.payload['nonce'], now) : undefined;
  if (
    request.accessToken !== undefined &&
    decoded.payload['ath'] !== deps.crypto.accessTokenHash(request.accessToken)
  ) {
    throw new InvalidDpopProof(DPOP_TEXT.ath, 'ath is not base64url(SHA-256(access token))');
  }
  const jkt = await deps.crypto.thumbprint(jwk);
  if (request.boundJkt !== undefined && request.boundJkt !== jkt) {
    throw new InvalidDpopProof(
      DPOP_TEXT.jkt,
      `the token is bound to ${request.boundJkt}, the proof is signed by ${jkt}`,
    );
  }
  if (!deps.proofs.useOnce(jkt, jti, new Date((iat + DPOP_IAT_WINDOW_SECONDS) * 1000), now)) {
    throw new InvalidDpopProof(DPOP_TEXT.replayed, `jti '${jti}' was already used with this key`);
  }
  return nextNonce === undefined ? { jkt, jti } : { jkt, jti, nextNonce };
}

/** RFC 9449 §4.3 step 1: exactly one `DPoP` header. */
function singleProof(header: DpopRequest['header']): string {
  const values = (typeof header === 'string' ? [header] : (header ?? []))
    .flatMap((value) => value.split(','))
    .map((value) => value.trim());
  const proofs = values.filter((value) => value !== '');
  if (proofs.length === 0) throw new InvalidDpopProof(DPOP_TEXT.missing, 'no DPoP header');
  if (proofs.length > 1) throw new InvalidDpopProof(DPOP_TEXT.multiple, `${proofs.length} DPoP proofs`);
  return proofs[0]!;
}

/** Steps 4, 5 and 7: `typ` is `dpop+jwt`, `alg` an asymmetric one Okta accepts, `jwk` a public key. */
function checkHeader(header: Record<string, unknown>): Record<string, unknown> {
  const { typ, alg, jwk } = header;
  if (typ !== 'dpop+jwt') throw new InvalidDpopProof(DPOP_TEXT.typ, `typ is ${JSON.stringify(typ)}, not "dpop+jwt"`);
  if (!DPOP_ALGS.some((allowed) => allowed === alg))
    throw new InvalidDpopProof(DPOP_TEXT.alg, `alg ${JSON.stringify(alg)} is not one of ${DPOP_ALGS.join(', ')}`);
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk))
    throw new InvalidDpopProof(DPOP_TEXT.jwk, 'the header has no jwk object');
  const key = jwk as Record<string, unknown>;
  if (!KEY_TYPES.includes(String(key['kty'])))
    throw new InvalidDpopProof(DPOP_TEXT.jwk, `kty ${JSON.stringify(key['kty'])} is not an asymmetric key type`);
  const secrets = PRIVATE_MEMBERS.filter((member) => member in key);
  if (secrets.length)
    throw new InvalidDpopProof(DPOP_TEXT.jwk, `the jwk holds private key members (${secrets.join(', ')})`);
  return key;
}

/** Steps 3, 8, 9 and 11: `jti` present, `htm` the method, `htu` the URL, `iat` within the window. */
function checkClaims(
  payload: Record<string, unknown>,
  request: DpopRequest,
  now: number,
): { jti: string; iat: number } {
  const { jti, htm, htu, iat } = payload;
  if (typeof jti !== 'string' || jti === '') throw new InvalidDpopProof(DPOP_TEXT.jti, 'jti is missing');
  if (htm !== request.method)
    throw new InvalidDpopProof(DPOP_TEXT.htm, `htm is ${JSON.stringify(htm)}, the request is ${request.method}`);
  if (!htuMatches(htu, request.url))
    throw new InvalidDpopProof(DPOP_TEXT.htu, `htu is ${JSON.stringify(htu)}, the request is to ${request.url}`);
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw new InvalidDpopProof(DPOP_TEXT.iat, 'iat is missing');
  if (Math.abs(iat - now) > DPOP_IAT_WINDOW_SECONDS) {
    const when = iat < now ? `${now - iat} s ago` : `${iat - now} s ahead`;
    throw new InvalidDpopProof(DPOP_TEXT.iat, `iat is ${when}; at most ${DPOP_IAT_WINDOW_SECONDS} s either way`);
  }
  return { jti, iat };
}

/** Step 10 with RFC 9449 §8: a nonce of this server, else `use_dpop_nonce` with a fresh one; a newer nonce when it rotated. */
function checkNonce(nonces: DpopNonces, nonce: unknown, now: Date): string | undefined {
  const current = nonces.current(now);
  if (nonce === undefined) throw new UseDpopNonce(current, DPOP_TEXT.nonceRequired, 'the proof has no nonce');
  if (typeof nonce !== 'string' || !nonces.isValid(nonce, now))
    throw new UseDpopNonce(current, DPOP_TEXT.nonce, 'the nonce is not one of this server or has expired');
  return nonce === current ? undefined : current;
}
