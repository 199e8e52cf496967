/**
 * The UserInfo endpoint (OIDC Core §5.3, RFC 6750 §3, Okta "OpenID Connect & OAuth 2.0 API"): the token must be an
 * active access token of this server, as Bearer, or as DPoP with a proof when it is bound to a key
 * (RFC 9449 §7.1, `dpop/resource-token.ts`: a bound token as Bearer is `invalid_token`), for a user (`invalid_token`, 401, otherwise — client
 * credentials tokens included), granted `openid` (`insufficient_scope`, 403). The answer is `sub`
 * (the user id, as in the ID token), every standard claim of the token's scopes and the server's
 * IDENTITY claims (Okta "OpenID Connect & OAuth 2.0 API"), computed now for the token's app and scopes.
 */
import type { AppRecord } from '../ports/apps.js';
import type { AuthorizationServerRecord } from '../ports/authorization-servers.js';
import type { UserRecord } from '../ports/users.js';
import { checkAccessToken } from './issued-tokens.js';
import type { IssuedTokenDeps } from './issued-tokens.js';
import type { DpopDeps } from './dpop/check-proof.js';
import { DPOP_TEXT } from './dpop/dpop-text.js';
import { checkTokenBinding, presentedToken } from './dpop/resource-token.js';
import type { ResourceRequest } from './dpop/resource-token.js';
import { DpopBoundAsBearer, InsufficientScope, InvalidToken, OKTA_TEXT } from './oauth-errors.js';
import { fullScopeClaims } from './scope-claims.js';
import type { ClaimsContext, ClaimsHook } from './tokens.js';
import type { ClaimTrace } from './trace.js';

export interface UserinfoDeps extends IssuedTokenDeps {
  users: { find(id: string): UserRecord | undefined };
  apps: { byClientId(clientId: string): AppRecord | undefined };
  claimsHook: ClaimsHook;
  dpop: DpopDeps;
}

/** The request as the token's checks see it: its `Authorization` header and what a DPoP proof must name. */
export interface UserinfoRequest extends ResourceRequest {
  authorization: string | undefined;
}

export interface UserinfoResult {
  claims: Record<string, unknown>;
  user: UserRecord;
  clientId: string;
  trace: ClaimTrace[];
}

/** What the request established, for the event log whatever the outcome. */
export interface UserinfoProgress {
  clientId?: string;
  userId?: string;
}

const invalid = (detail: string) => new InvalidToken(OKTA_TEXT.invalidAccessToken, detail);
export const OPENID_REQUIRED = "The access token must include the 'openid' scope.";

/** @throws InvalidToken, InvalidDpopProof, InsufficientScope */
export async function userinfo(
  deps: UserinfoDeps,
  server: AuthorizationServerRecord,
  issuer: string,
  request: UserinfoRequest,
  progress: UserinfoProgress,
): Promise<UserinfoResult> {
  const presented = presentedToken(request.authorization);
  if (presented === undefined) throw invalid('the request has no Bearer or DPoP access token');
  const checked = await checkAccessToken(deps, server, issuer, presented.token);
  if (!checked.ok) throw invalid(checked.reason);
  const claims = checked.payload;
  await checkTokenBinding(deps.dpop, presented, claims, request, {
    boundAsBearer: (detail) => new DpopBoundAsBearer(DPOP_TEXT.proofRequired, detail),
    unboundAsDpop: invalid,
  });
  const clientId = String(claims['cid']);
  progress.clientId = clientId;
  const uid = claims['uid'];
  if (typeof uid !== 'string') throw invalid('the access token has no user (client credentials)');
  progress.userId = uid;
  const user = deps.users.find(uid);
  if (!user || user.status !== 'ACTIVE')
    throw invalid(user ? `the user ${uid} is ${user.status}` : `the user ${uid} no longer exists`);
  const scopes = Array.isArray(claims['scp']) ? (claims['scp'] as string[]) : [];
  if (!scopes.includes('openid'))
    throw new InsufficientScope(OPENID_REQUIRED, `the access token's scopes are [${scopes.join(', ')}]`);
  const client = deps.apps.byClientId(clientId);
  if (!client) throw invalid(`the app ${clientId} no longer exists`);
  return { ...userinfoClaims(deps.claimsHook, { server, client, user, scopes }), user, clientId };
}

/** What /userinfo answers for a user, app and scope set (the endpoint and the sandbox preview). @throws ClaimFailed */
export function userinfoClaims(
  hook: ClaimsHook,
  context: Omit<ClaimsContext, 'token' | 'user'> & { user: UserRecord },
): { claims: Record<string, unknown>; trace: ClaimTrace[] } {
  const { user, scopes } = context;
  const scoped = fullScopeClaims(user.profile, scopes, user.lastUpdated);
  const custom = hook.claimsFor({ ...context, token: 'userinfo' });
  const trace = scoped.trace.map((entry): ClaimTrace => ({ ...entry, token: 'userinfo' }));
  return { claims: { ...custom.claims, sub: user.id, ...scoped.claims }, trace: [...trace, ...custom.trace] };
}
