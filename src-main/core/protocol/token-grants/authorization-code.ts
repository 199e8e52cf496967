/**
 * The authorization code grant (RFC 6749 §4.1.3, RFC 7636 §4.6; Okta "OpenID Connect & OAuth 2.0 API"), as a script:
 * the code → known and unexpired (`invalid_grant`) → not used before (a replay is refused and
 * every token issued from the code is revoked, RFC 6749 §4.1.2) → issued to this client →
 * `redirect_uri` equal to the authorize one → PKCE verifier → used up, in the transaction that stores
 * its tokens. Policy was evaluated at /authorize (Okta "Authorization Server Rules" API): the scopes and lifetimes come from the code, and the tokens join
 * the code's family. The ID token (thin: minted with an access token, it leaves the profile claims to /userinfo) carries the authorize request's `nonce`.
 */
import type { AppRecord } from '../../ports/apps.js';
import type { AuthorizationCodeRecord } from '../../ports/authorization-codes.js';
import { InvalidGrant, InvalidRequest, OKTA_TEXT } from '../oauth-errors.js';
import { missingParameter } from './check-grant-type.js';
import type { GrantHandler, TokenGrantDeps } from './types.js';

export const PKCE_VERIFIER_REQUIRED = 'PKCE code verifier is required by the application.';
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

export const authorizationCodeGrant: GrantHandler = (deps, request, client, progress) => {
  const presented = request.params['code'];
  if (presented === undefined) throw new InvalidRequest(missingParameter('code'), 'the request has no code');
  const code = usableCode(deps, presented, client);
  const redirectUri = request.params['redirect_uri'];
  if (redirectUri !== code.redirectUri) {
    throw new InvalidGrant(
      OKTA_TEXT.redirectMismatch,
      `redirect_uri '${redirectUri ?? '(none)'}' is not the authorize request's '${code.redirectUri}'`,
    );
  }
  checkVerifier(deps, code, request.params['code_verifier']);
  const user = deps.users.find(code.userId);
  if (!user || user.status !== 'ACTIVE') {
    // Used up all the same: presented again, it is a replay.
    if (!deps.codes.consume(code)) return replayed(deps, code, 'another exchange used the code first');
    throw new InvalidGrant(
      OKTA_TEXT.invalidCode,
      `the code's user ${code.userId} is ${user ? user.status : 'deleted'}`,
    );
  }
  progress.user = user;
  return {
    // Used up in the transaction that stores its tokens: a code is spent only with tokens issued
    // from it, and a concurrent exchange finds it used together with their family.
    redeems: {
      use: () => deps.codes.consume(code),
      refused: () => replayed(deps, code, 'another exchange used the code first'),
    },
    user,
    authTime: code.authTime,
    amr: code.amr,
    family: { id: code.id },
    decided: { scopes: code.scopes, lifetimes: code.lifetimes, policyId: code.policyId, ruleId: code.ruleId },
    ...(code.nonce !== null ? { nonce: code.nonce } : {}),
  };
};

/** The code if it may be exchanged by `client`; otherwise `invalid_grant` with Okta's one text. */
function usableCode(deps: TokenGrantDeps, presented: string, client: AppRecord): AuthorizationCodeRecord {
  const found = deps.codes.lookup(presented);
  if (found.status === 'unknown')
    throw new InvalidGrant(OKTA_TEXT.invalidCode, 'no code has this value (never issued, or swept after expiry)');
  // Another client's code is refused before anything else: only the code's own client may end
  // its family by replaying it (a public client needs no secret to name any client_id).
  if (found.code.clientId !== client.clientId)
    throw new InvalidGrant(
      OKTA_TEXT.invalidCode,
      `the code was issued to client ${found.code.clientId}, not ${client.clientId}; its tokens are left alone`,
    );
  if (found.status === 'replayed')
    return replayed(deps, found.code, `the code was already used at ${found.code.usedAt?.toISOString()}`);
  if (found.status === 'expired')
    throw new InvalidGrant(OKTA_TEXT.invalidCode, `the code expired at ${found.code.expiresAt.toISOString()}`);
  return found.code;
}

/** RFC 6749 §4.1.2: a code used twice is refused, and what was issued from it is revoked. */
function replayed(deps: TokenGrantDeps, code: AuthorizationCodeRecord, why: string): never {
  deps.tokenFamilies.revokeFamily(code.id, `authorization code replayed: ${why}`);
  throw new InvalidGrant(OKTA_TEXT.invalidCode, `${why}; every token issued from it is revoked`);
}

/** RFC 7636 §4.1, §4.6: a verifier of 43–128 unreserved characters that matches the challenge. */
function checkVerifier(deps: TokenGrantDeps, code: AuthorizationCodeRecord, verifier: string | undefined): void {
  if (code.codeChallenge === null) {
    if (verifier !== undefined)
      throw new InvalidGrant(
        OKTA_TEXT.pkceFailed,
        'a code_verifier came, but the authorize request sent no code_challenge',
      );
    return;
  }
  if (verifier === undefined)
    throw new InvalidRequest(
      PKCE_VERIFIER_REQUIRED,
      'the authorize request sent a code_challenge, the token request no code_verifier',
    );
  if (!VERIFIER.test(verifier) || !deps.codes.verifierMatches(code, verifier)) {
    throw new InvalidGrant(
      OKTA_TEXT.pkceFailed,
      `the code_verifier does not match the ${code.codeChallengeMethod} code_challenge`,
    );
  }
}
