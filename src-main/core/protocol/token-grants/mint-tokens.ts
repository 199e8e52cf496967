/**
 * Mints what the grant earned (Okta "OpenID Connect & OAuth 2.0 API"): an access token with the matched rule's lifetime and,
 * for a user who was granted `openid`, an ID token; the access token joins the grant's token family
 * (RFC 7009, RFC 7662: revocation and introspection see it) and a refresh token comes with it when
 * due (`offline_access` and the app's `refresh_token` grant); answers with the RFC 6749 §5.1 body.
 * What it stores, what the grant uses up (`subject.redeems`: a code) and the caller's event (`progress.issued`)
 * commit in one transaction.
 */
import type { AppRecord } from '../../ports/apps.js';
import { tracingClaims } from '../claim-failed.js';
import type { MintedTokens } from '../tokens.js';
import type {
  Decided,
  GrantSubject,
  IssuedJtis,
  TokenGrantDeps,
  TokenProgress,
  TokenRequest,
  TokenResponse,
} from './types.js';

export async function mintTokens(
  deps: TokenGrantDeps,
  request: TokenRequest,
  client: AppRecord,
  subject: GrantSubject,
  granted: Decided,
  progress: TokenProgress,
): Promise<TokenResponse> {
  const { user, authTime, amr } = subject;
  const minted = await tracingClaims(progress, () =>
    deps.tokens.mint({
      server: request.server,
      issuer: request.issuer,
      client,
      scopes: granted.scopes,
      accessTokenMinutes: granted.lifetimes.accessTokenMinutes,
      user:
        user && authTime
          ? {
              record: user,
              appUserName: deps.appAssignments.appUserNameOf(client.id, user),
              authTime,
              amr,
            }
          : null,
      idToken: user !== null && granted.scopes.includes('openid'),
      ...(progress.dpop ? { boundJkt: progress.dpop.jkt } : {}),
      ...(subject.nonce !== undefined ? { nonce: subject.nonce } : {}),
    }),
  );
  // One transaction: the code used up, the access token, a refresh token with its family's row, and the caller's event.
  const response = await deps.tokenFamilies.inOneWrite(() => {
    if (subject.redeems && !subject.redeems.use()) return undefined;
    const familyId = subject.family?.id ?? deps.tokenFamilies.openFamily();
    progress.familyId = familyId;
    deps.tokenFamilies.registerAccessToken(minted.jti, familyId, minted.expiresAt);
    const refreshToken =
      subject.family?.refreshToken ??
      (user && authTime
        ? deps.tokenFamilies.issueRefreshToken(familyId, {
            serverId: request.server.id,
            appId: client.id,
            clientId: client.clientId,
            userId: user.id,
            scopes: granted.scopes,
            authTime,
            amr,
            lifetimes: granted.lifetimes,
            // RFC 9449 §5: a confidential client's refresh token is bound by its client authentication instead.
            ...(progress.dpop && client.authMethod === 'none' ? { boundJkt: progress.dpop.jkt } : {}),
          })
        : undefined);
    const response: TokenResponse = {
      token_type: progress.dpop ? 'DPoP' : 'Bearer',
      expires_in: minted.expiresIn,
      access_token: minted.accessToken,
      scope: granted.scopes.join(' '),
      ...(minted.idToken ? { id_token: minted.idToken } : {}),
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
    };
    progress.issued?.(response, issuedJtis(minted));
    return response;
  });
  return response ?? subject.redeems!.refused();
}

function issuedJtis(minted: MintedTokens): IssuedJtis {
  const jtis = new Map([[minted.accessToken, minted.jti]]);
  if (minted.idToken !== undefined && minted.idTokenJti !== undefined) jtis.set(minted.idToken, minted.idTokenJti);
  return jtis;
}
