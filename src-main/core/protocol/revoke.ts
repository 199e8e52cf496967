/**
 * Token revocation (RFC 7009, Okta "OpenID Connect & OAuth 2.0 API"): the client's own access token is revoked by its `jti`;
 * its own refresh token revokes the whole token family, access tokens included (RFC 7009 §2.1:
 * "SHOULD also invalidate all access tokens based on the same authorization grant"). An unknown
 * token, or another client's, changes nothing and is still a success (RFC 7009 §2.2). ID tokens cannot be revoked.
 */
import type { AppRecord } from '../ports/apps.js';
import type { AuthorizationServerRecord } from '../ports/authorization-servers.js';
import { serverJwt } from './issued-tokens.js';
import type { IssuedTokenDeps } from './issued-tokens.js';
import { InvalidRequest, OKTA_TEXT } from './oauth-errors.js';

export interface RevokeRequest {
  server: AuthorizationServerRecord;
  issuer: string;
  client: AppRecord;
  params: Record<string, string>;
}

/** Revokes what the token names; returns what happened, for the event log's detail. @throws InvalidRequest without `token` */
export async function revoke(deps: IssuedTokenDeps, request: RevokeRequest): Promise<string> {
  const token = request.params['token'];
  if (token === undefined) throw new InvalidRequest(OKTA_TEXT.tokenRequired, 'the request has no token');
  const jwt = await serverJwt(deps, request.server, request.issuer, token);
  if (jwt) {
    if (jwt.kind === 'id_token') return 'an ID token cannot be revoked; nothing changed';
    if (jwt.payload['cid'] !== request.client.clientId)
      return `the access token belongs to the client '${String(jwt.payload['cid'])}'; nothing changed`;
    deps.tokenLedger.revokeAccessToken(jwt.payload['jti'] as string);
    return `revoked access token ${String(jwt.payload['jti'])}`;
  }
  const refresh = deps.tokenLedger.findRefreshToken(token);
  if (!refresh) return 'no token of this server has this value; nothing changed';
  if (refresh.grant.clientId !== request.client.clientId)
    return `the refresh token belongs to the client '${refresh.grant.clientId}'; nothing changed`;
  if (refresh.grant.serverId !== request.server.id)
    return `the refresh token was issued by the authorization server '${refresh.grant.serverId}'; nothing changed`;
  deps.tokenLedger.revokeFamily(refresh.familyId, `refresh token ${refresh.id} revoked by the client at /revoke`);
  return `revoked refresh token ${refresh.id} and its token family ${refresh.familyId}`;
}
