/**
 * OAuth access to Okta's own API (`/api/v1`) with the org server's access tokens (Okta "OAuth 2.0
 * for Okta API", RFC 6750 and RFC 9449 §7): `Authorization: Bearer <token>`, or `DPoP <token>` with a
 * `DPoP` proof (its `ath` the token's hash, its key the token's `cnf.jkt`). A token bound to a key
 * must come as DPoP. Then the token's scopes must allow the call: `okta.<resource>.read` reads,
 * `okta.<resource>.manage` reads and changes (`scopesAllow`).
 */
import type { AuthorizationServerRecord } from '../ports/authorization-servers.js';
import { OKTA_API_RESOURCES, scopesAllow } from '../org-server.js';
import type { OktaApiResource } from '../org-server.js';
import type { DpopDeps } from './dpop/check-proof.js';
import { checkTokenBinding, presentedToken } from './dpop/resource-token.js';
import { DPOP_TEXT } from './dpop/dpop-text.js';
import { checkAccessToken } from './issued-tokens.js';
import type { IssuedTokenDeps } from './issued-tokens.js';
import { InsufficientScope, InvalidRequest, InvalidToken, OKTA_TEXT } from './oauth-errors.js';

export interface OktaApiAccessDeps {
  tokens: IssuedTokenDeps;
  dpop: DpopDeps;
}

export interface OktaApiCall {
  /** The `Authorization` header, `Bearer …` or `DPoP …` (SSWS is checked before this). */
  authorization: string;
  /** The `DPoP` header(s). */
  dpop: string | readonly string[] | undefined;
  method: string;
  /** The absolute URL the request was sent to (the proof's `htu`). */
  url: string;
  /** The path under `/api/v1/`, e.g. `users/00u1/lifecycle/activate`. */
  path: string;
}

export interface OktaApiGrant {
  scheme: 'Bearer' | 'DPoP';
  clientId: string;
  scopes: string[];
}

/** The resource of Okta's API a path belongs to (its scopes' middle part); undefined when no Okta API scope covers it. */
export function oktaApiResource(path: string): OktaApiResource | undefined {
  const [first, , third] = path.split('/');
  if (first === 'apps' && third === 'grants') return 'appGrants';
  return OKTA_API_RESOURCES.find((resource) => resource === first && resource !== 'appGrants');
}

/** The scope a call needs, as Okta's challenge names it: `okta.users.read` for a read, `okta.users.manage` otherwise. */
export function requiredScope(call: Pick<OktaApiCall, 'method' | 'path'>): string {
  const resource = oktaApiResource(call.path) ?? call.path.split('/')[0];
  return `okta.${resource}.${isRead(call.method) ? 'read' : 'manage'}`;
}

const isRead = (method: string) => method === 'GET' || method === 'HEAD';

/**
 * Checks the token (and proof) of a call to Okta's API and that its scopes allow the call.
 * @throws InvalidToken (401), InvalidRequest (a bound token sent as Bearer), InvalidDpopProof (400), InsufficientScope (403)
 */
export async function checkOktaApiAccess(
  deps: OktaApiAccessDeps,
  org: AuthorizationServerRecord,
  issuer: string,
  call: OktaApiCall,
): Promise<OktaApiGrant> {
  const presented = presentedToken(call.authorization);
  if (!presented)
    throw new InvalidToken(OKTA_TEXT.invalidAccessToken, 'the Authorization header is not Bearer or DPoP');
  const checked = await checkAccessToken(deps.tokens, org, issuer, presented.token);
  if (!checked.ok) throw new InvalidToken(OKTA_TEXT.invalidAccessToken, checked.reason);
  const claims = checked.payload;
  if (claims['aud'] !== issuer)
    throw new InvalidToken(
      OKTA_TEXT.invalidAccessToken,
      `the token is for ${JSON.stringify(claims['aud'])}, not ${issuer}`,
    );
  await checkTokenBinding(deps.dpop, presented, claims, call, {
    // Okta's API answers a bound token sent as Bearer with invalid_request (Okta blog "Secure OAuth 2.0 Access Tokens with Proofs of Possession").
    boundAsBearer: (detail) => new InvalidRequest(DPOP_TEXT.proofRequired, detail),
    unboundAsDpop: (detail) => new InvalidToken(OKTA_TEXT.invalidAccessToken, detail),
  });
  const scopes = Array.isArray(claims['scp']) ? (claims['scp'] as string[]) : [];
  const resource = oktaApiResource(call.path);
  if (!resource || !scopesAllow(scopes, resource, !isRead(call.method))) {
    throw new InsufficientScope(
      'The access token provided does not contain the required scopes.',
      `${call.method} /api/v1/${call.path} needs ${requiredScope(call)}; the token has [${scopes.join(', ')}]`,
    );
  }
  return { scheme: presented.scheme, clientId: String(claims['cid']), scopes };
}
