/**
 * Mints what the grant earned (reference §4): an access token with the matched rule's lifetime and,
 * for a user who was granted `openid`, an ID token; answers with the RFC 6749 §5.1 body.
 */
import type { AppRecord } from '../../app-records.js';
import type { Granted } from './evaluate-policy.js';
import type { GrantSubject, TokenGrantDeps, TokenProgress, TokenRequest, TokenResponse } from './types.js';

export async function mintTokens(
  deps: TokenGrantDeps,
  request: TokenRequest,
  client: AppRecord,
  subject: GrantSubject,
  granted: Granted,
  progress: TokenProgress,
): Promise<TokenResponse> {
  const { user, authTime, amr } = subject;
  const minted = await deps.tokens.mint({
    server: request.server,
    issuer: request.issuer,
    client,
    scopes: granted.scopes,
    accessTokenMinutes: granted.lifetimes.accessTokenMinutes,
    user: user && authTime ? { record: user, appUserName: deps.appAssignments.appUserName(client.id, user.id) ?? user.profile.login, authTime, amr } : null,
    idToken: user !== null && granted.scopes.includes('openid'),
  });
  if (progress.trace) progress.trace = { ...progress.trace, claims: [...(progress.trace.claims ?? []), ...minted.claims] };
  return {
    token_type: 'Bearer',
    expires_in: minted.expiresIn,
    access_token: minted.accessToken,
    scope: granted.scopes.join(' '),
    ...(minted.idToken ? { id_token: minted.idToken } : {}),
  };
}
