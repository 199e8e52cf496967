/**
 * An access token presented to a resource, `Authorization: Bearer <token>` (RFC 6750 §2.1) or
 * `Authorization: DPoP <token>` with a proof (RFC 9449 §7.1), and the check of its key binding
 * shared by Okta's API (`/api/v1`) and `/userinfo`: a token bound to a key (`cnf.jkt`, RFC 9449 §6.1)
 * must come with the DPoP scheme and a proof signed by that key whose `ath` is the token's hash;
 * a token bound to no key must not come with the DPoP scheme. Resources take proofs without a
 * server nonce, as Okta's do (Okta "Configure OAuth 2.0 Demonstrating Proof-of-Possession").
 */
import type { OAuthError } from '../oauth-errors.js';
import { checkDpopProof } from './check-proof.js';
import type { DpopDeps } from './check-proof.js';

export interface PresentedToken {
  scheme: 'Bearer' | 'DPoP';
  token: string;
}

/** The scheme and token of an `Authorization` header; undefined when it is neither Bearer nor DPoP with one token. */
export function presentedToken(authorization: string | undefined): PresentedToken | undefined {
  const match = /^(Bearer|DPoP)\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  if (!match) return undefined;
  return { scheme: match[1]!.toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer', token: match[2]! };
}

/** The resource request a proof must name. */
export interface ResourceRequest {
  /** The request's `DPoP` header(s). */
  dpop: string | readonly string[] | undefined;
  method: string;
  /** The absolute URL the request was sent to (the proof's `htu`). */
  url: string;
}

/** Each resource's own answer to a token in the wrong scheme. */
export interface BindingRefusals {
  /** A token bound to a key that came as Bearer. */
  boundAsBearer(detail: string): OAuthError;
  /** A token bound to no key that came as DPoP. */
  unboundAsDpop(detail: string): OAuthError;
}

/** The `cnf.jkt` of a token's claims: the key it is bound to, if any. */
export function boundKey(claims: Record<string, unknown>): string | undefined {
  const cnf = claims['cnf'] as { jkt?: unknown } | undefined;
  return typeof cnf?.jkt === 'string' ? cnf.jkt : undefined;
}

/**
 * Checks that a valid token came in the scheme its binding asks for, with a valid proof when bound.
 * @throws the refusals' errors, InvalidDpopProof
 */
export async function checkTokenBinding(
  deps: DpopDeps,
  presented: PresentedToken,
  claims: Record<string, unknown>,
  request: ResourceRequest,
  refusals: BindingRefusals,
): Promise<void> {
  const boundJkt = boundKey(claims);
  if (presented.scheme === 'Bearer') {
    if (boundJkt !== undefined)
      throw refusals.boundAsBearer('the token is bound to a DPoP key and came as a Bearer token');
    return;
  }
  if (boundJkt === undefined) throw refusals.unboundAsDpop('a token not bound to a DPoP key came with the DPoP scheme');
  await checkDpopProof(deps, {
    header: request.dpop,
    method: request.method,
    url: request.url,
    requireNonce: false,
    accessToken: presented.token,
    boundJkt,
  });
}
