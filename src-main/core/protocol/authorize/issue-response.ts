/**
 * What /authorize returns once everything is decided (RFC 6749 §4.1.2, §4.2.2; OIDC Core §3.2.2.5,
 * §3.3.2.5; Okta "OpenID Connect & OAuth 2.0 API"): a code bound to the request (`authorization-codes.ts`), and for implicit
 * and hybrid types the tokens minted at once. The ID token carries `nonce`, `at_hash` when an
 * access token comes along and `c_hash` when a code does; `id_token` alone gets every scope claim
 * (fat), any other combination the thin set. An access token joins a token family (the code's for
 * a hybrid, so a replayed code revokes it too). `state` is echoed.
 */
import type { UserRecord } from '../../ports/users.js';
import { tracingClaims } from '../claim-failed.js';
import type { SessionRecord } from '../../ports/sessions.js';
import type { Granted } from '../policy/decide-for-app.js';
import type { MintRequest } from '../tokens.js';
import type { AuthorizeDeps, AuthorizeProgress, AuthorizeRequest, CheckedRequest } from './types.js';

/** True when the response is a code alone: nothing is minted at /authorize, so it is issued synchronously. */
export const codeAlone = (checked: CheckedRequest): boolean =>
  checked.responseTypes.length === 1 && checked.responseTypes[0] === 'code';

/** The response of a code alone (`codeAlone`): synchronous, so the code can join its caller's transaction. */
export function issueCodeResponse(
  deps: AuthorizeDeps,
  request: AuthorizeRequest,
  checked: CheckedRequest,
  login: { user: UserRecord; session: SessionRecord },
  granted: Granted,
  progress: AuthorizeProgress,
): Record<string, string> {
  const issued = issueCode(deps, request, checked, login, granted);
  progress.familyId = issued.record.id;
  const out: Record<string, string> = { code: issued.code };
  if (checked.target.state !== undefined) out['state'] = checked.target.state;
  return out;
}

export async function issueResponse(
  deps: AuthorizeDeps,
  request: AuthorizeRequest,
  checked: CheckedRequest,
  login: { user: UserRecord; session: SessionRecord },
  granted: Granted,
  progress: AuthorizeProgress,
): Promise<Record<string, string>> {
  if (codeAlone(checked)) return issueCodeResponse(deps, request, checked, login, granted, progress);
  const { client, responseTypes: types } = checked;
  const { user, session } = login;
  const out: Record<string, string> = {};
  const issued = types.includes('code') ? issueCode(deps, request, checked, login, granted) : undefined;
  if (issued) out['code'] = issued.code;
  if (issued) progress.familyId = issued.record.id;
  const mint: MintRequest = {
    server: request.server,
    issuer: request.issuer,
    client,
    scopes: granted.scopes,
    accessTokenMinutes: granted.lifetimes.accessTokenMinutes,
    user: {
      record: user,
      appUserName: deps.appAssignments.appUserName(client.id, user.id) ?? user.profile.login,
      authTime: session.authTime,
      amr: session.amr,
    },
    idToken: types.includes('id_token') && granted.scopes.includes('openid'),
    ...(checked.nonce !== undefined ? { nonce: checked.nonce } : {}),
    ...(out['code'] !== undefined ? { code: out['code'] } : {}),
  };
  if (types.includes('token')) {
    const minted = await tracingClaims(progress, () => deps.tokens.mint(mint));
    progress.familyId = issued?.record.id ?? deps.tokenFamilies.openFamily();
    deps.tokenFamilies.registerAccessToken(minted.jti, progress.familyId, minted.expiresAt);
    Object.assign(out, {
      access_token: minted.accessToken,
      token_type: 'Bearer',
      expires_in: String(minted.expiresIn),
      scope: granted.scopes.join(' '),
    });
    if (minted.idToken) out['id_token'] = minted.idToken;
  } else if (mint.idToken) {
    const minted = await tracingClaims(progress, () => deps.tokens.mintIdToken(mint, types.length === 1));
    out['id_token'] = minted.idToken;
  }
  if (checked.target.state !== undefined) out['state'] = checked.target.state;
  return out;
}

function issueCode(
  deps: AuthorizeDeps,
  request: AuthorizeRequest,
  checked: CheckedRequest,
  login: { user: UserRecord; session: SessionRecord },
  granted: Granted,
) {
  return deps.codes.issue({
    serverId: request.server.id,
    appId: checked.client.id,
    clientId: checked.client.clientId,
    redirectUri: checked.target.redirectUri,
    codeChallenge: checked.pkce?.challenge ?? null,
    codeChallengeMethod: checked.pkce?.method ?? null,
    nonce: checked.nonce ?? null,
    scopes: granted.scopes,
    userId: login.user.id,
    authTime: login.session.authTime,
    amr: login.session.amr,
    policyId: granted.policyId,
    ruleId: granted.ruleId,
    lifetimes: granted.lifetimes,
  });
}
