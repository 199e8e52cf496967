/**
 * Token introspection (RFC 7662, Okta "OpenID Connect & OAuth 2.0 API"): an active token of this server, issued to the
 * asking client, is described; anything else (unknown, expired, revoked, another client's, another
 * server's) is exactly `{"active":false}` (RFC 7662 §2.2), so the answer leaks nothing. The
 * `token_type_hint` only sets which kind is tried first (RFC 7662 §2.1).
 */
import type { AppRecord } from '../ports/apps.js';
import type { AuthorizationServerRecord } from '../ports/authorization-servers.js';
import type { UserRecord } from '../ports/users.js';
import { checkAccessToken, serverJwt, unexpired } from './issued-tokens.js';
import type { IssuedTokenDeps } from './issued-tokens.js';
import { InvalidRequest, OKTA_TEXT } from './oauth-errors.js';
import { boundKey } from './dpop/resource-token.js';

export interface IntrospectDeps extends IssuedTokenDeps {
  users: { find(id: string): UserRecord | undefined };
  appAssignments: { appUserName(appId: string, userId: string): string | undefined };
}

export interface IntrospectRequest {
  server: AuthorizationServerRecord;
  issuer: string;
  /** The authenticated client. */
  client: AppRecord;
  params: Record<string, string>;
}

export type Introspection = { active: false } | ({ active: true } & Record<string, unknown>);

/** Why the answer is `{"active":false}`, for the event log only (RFC 7662 §2.2: the client never learns it). */
export interface IntrospectProgress {
  inactiveReason?: string;
}

const INACTIVE: Introspection = { active: false };
/** Access-token claims introspection names itself; every other claim (custom claims) is passed on. */
const ACCESS_SYSTEM_CLAIMS = new Set([
  'ver',
  'jti',
  'iss',
  'aud',
  'iat',
  'exp',
  'cid',
  'uid',
  'scp',
  'sub',
  'auth_time',
]);
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** @throws InvalidRequest without `token` */
export async function introspect(
  deps: IntrospectDeps,
  request: IntrospectRequest,
  progress: IntrospectProgress = {},
): Promise<Introspection> {
  const token = request.params['token'];
  if (token === undefined) throw new InvalidRequest(OKTA_TEXT.tokenRequired, 'the request has no token');
  const refreshFirst = request.params['token_type_hint'] === 'refresh_token';
  const tries = refreshFirst ? [describeRefreshToken, describeJwt] : [describeJwt, describeRefreshToken];
  for (const attempt of tries) {
    const described = await attempt(deps, request, token, progress);
    if (described) return described;
  }
  progress.inactiveReason ??= await whyUnknown(deps, request, token);
  return INACTIVE;
}

/** The reason for a token neither kind recognised: what the access-token check says of it, or an unknown refresh token. */
async function whyUnknown(deps: IntrospectDeps, request: IntrospectRequest, token: string): Promise<string> {
  if (deps.crypto.decodeJws(token) === undefined) return 'no refresh token has this value, and it is not a JWT';
  const checked = await checkAccessToken(deps, request.server, request.issuer, token);
  return checked.ok ? 'the token is not one this server recognises' : checked.reason;
}

const inactive = (progress: IntrospectProgress, reason: string): Introspection => {
  progress.inactiveReason = reason;
  return INACTIVE;
};

async function describeJwt(
  deps: IntrospectDeps,
  request: IntrospectRequest,
  token: string,
  progress: IntrospectProgress,
): Promise<Introspection | undefined> {
  const { server, issuer, client } = request;
  const jwt = await serverJwt(deps, server, issuer, token);
  if (!jwt) return undefined;
  if (jwt.kind === 'id_token') {
    if (jwt.payload['aud'] !== client.clientId)
      return inactive(progress, `the ID token is for client ${String(jwt.payload['aud'])}, not ${client.clientId}`);
    if (!unexpired(deps, jwt.payload))
      return inactive(progress, `the ID token expired at ${new Date(Number(jwt.payload['exp']) * 1000).toISOString()}`);
    return describeIdToken(deps, jwt.payload);
  }
  const checked = await checkAccessToken(deps, server, issuer, token);
  if (!checked.ok) return inactive(progress, checked.reason);
  const claims = checked.payload;
  if (claims['cid'] !== client.clientId)
    return inactive(progress, `the access token was issued to client ${String(claims['cid'])}, not ${client.clientId}`);
  const custom = Object.fromEntries(Object.entries(claims).filter(([name]) => !ACCESS_SYSTEM_CLAIMS.has(name)));
  const { scp, cid, sub, exp, iat, aud, iss, jti, uid } = claims;
  return {
    active: true,
    // RFC 9449 §6.2: a DPoP-bound token is described as such, its `cnf` passed on with the other claims.
    token_type: boundKey(claims) === undefined ? 'Bearer' : 'DPoP',
    scope: Array.isArray(scp) ? scp.join(' ') : '',
    client_id: cid,
    username: sub,
    exp,
    iat,
    sub,
    aud,
    iss,
    jti,
    ...(uid !== undefined ? { uid } : {}),
    ...custom,
  };
}

function describeIdToken(deps: IntrospectDeps, payload: Record<string, unknown>): Introspection {
  const { aud, sub, exp, iat, iss, jti } = payload;
  const user = typeof sub === 'string' ? deps.users.find(sub) : undefined;
  return {
    active: true,
    token_type: 'Bearer',
    client_id: aud,
    ...(user ? { username: user.profile.login } : {}),
    exp,
    iat,
    sub,
    aud,
    iss,
    jti,
  };
}

/** Refresh tokens: no `iat`/`jti` (Okta "OpenID Connect & OAuth 2.0 API"); `exp` is the end of the lifetime or idle window, whichever is first. */
async function describeRefreshToken(
  deps: IntrospectDeps,
  request: IntrospectRequest,
  token: string,
  progress: IntrospectProgress,
): Promise<Introspection | undefined> {
  const lookup = deps.tokenLedger.lookupRefreshToken(token);
  if (!lookup.ok) return lookup.token ? inactive(progress, `refresh token: ${lookup.reason}`) : undefined;
  const { grant, expires, idleExpires, used } = lookup.token;
  // A rotated token is spent (its leeway is for a lost response, not for introspection).
  if (used) return inactive(progress, `the refresh token was rotated at ${used.toISOString()}`);
  if (grant.clientId !== request.client.clientId)
    return inactive(
      progress,
      `the refresh token was issued to client ${grant.clientId}, not ${request.client.clientId}`,
    );
  if (grant.serverId !== request.server.id)
    return inactive(progress, `the refresh token was issued by the authorization server ${grant.serverId}`);
  const username =
    deps.appAssignments.appUserName(grant.appId, grant.userId) ?? deps.users.find(grant.userId)?.profile.login;
  const ends = expires && expires < idleExpires ? expires : idleExpires;
  return {
    active: true,
    token_type: 'Bearer',
    scope: grant.scopes.join(' '),
    client_id: grant.clientId,
    username,
    exp: seconds(ends),
    sub: username,
    aud: request.server.audiences[0],
    iss: request.issuer,
    uid: grant.userId,
  };
}
