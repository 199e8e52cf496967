/**
 * The `WWW-Authenticate: DPoP …` answer of a resource that refuses a request (RFC 9449 §7.1), in
 * the order and with the parameters Okta's `/api/v1` sends, e.g.
 * `DPoP algs="RS256 RS384 RS512 ES256 ES384 ES512", authorization_uri="<org>/oauth2/v1/authorize",
 * realm="<org>", scope="okta.users.read", error="invalid_dpop_proof", error_description="'htu' claim
 * in the DPoP proof JWT is invalid.", resource="/api/v1/users"` (Okta blog "Secure OAuth 2.0 Access
 * Tokens with Proofs of Possession"; Okta answers it with status 400, RFC 9449 §7.1 shows 401).
 */
import type { OAuthError } from '../oauth-errors.js';
import { DPOP_ALGS } from './dpop-text.js';

export interface DpopChallengeContext {
  /** The org URL, e.g. `http://127.0.0.1:8080`. */
  realm: string;
  /** The scopes the resource needs, space-separated. */
  scope?: string;
  /** The request path, e.g. `/api/v1/users`. */
  resource?: string;
}

/** The header value; without `error` it is the bare challenge for a request that brought no token. */
export function dpopChallenge(context: DpopChallengeContext, error?: OAuthError): string {
  const params: [string, string | undefined][] = [
    ['algs', DPOP_ALGS.join(' ')],
    ['authorization_uri', `${context.realm}/oauth2/v1/authorize`],
    ['realm', context.realm],
    ['scope', context.scope],
    ['error', error?.error],
    ['error_description', error?.description],
    ['resource', context.resource],
  ];
  const present = params.filter((param): param is [string, string] => param[1] !== undefined);
  return `DPoP ${present.map(([name, value]) => `${name}="${value.replace(/["\\]/g, '\\$&')}"`).join(', ')}`;
}
