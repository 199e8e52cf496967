/**
 * The refresh token grant (RFC 6749 §6, Okta "OpenID Connect & OAuth 2.0 API") as a script: the token must be active and
 * this client's → the optional `scope` may only narrow the original grant → the user must still be
 * ACTIVE and assigned → rotate (ROTATE) or keep (STATIC) the refresh token. Every refused token gets
 * Okta's one `invalid_grant` text (auth-js matches it to drop its refresh token); why goes to `detail`.
 * The app's own `refresh_token` grant is checked by `checkGrantType` (`unauthorized_client`).
 *
 * Scopes and lifetimes are the ones decided when the family was opened: Okta evaluates the policy
 * once, at the initial authentication (Okta "Authorization Server Rules" API), so the tokens minted here keep them.
 */
import type { AppRecord } from '../../ports/apps.js';
import { DPOP_TEXT } from '../dpop/dpop-text.js';
import {
  AccessDenied,
  InvalidDpopProof,
  InvalidGrant,
  InvalidRequest,
  InvalidScope,
  OKTA_TEXT,
} from '../oauth-errors.js';
import type { RefreshTokenRecord } from '../../ports/tokens.js';
import { missingParameter } from './check-grant-type.js';
import { requestedScopes } from '../policy/decide-for-app.js';
import type { GrantHandler, TokenGrantDeps, TokenProgress } from './types.js';

export const INVALID_SCOPE = 'The requested scope is invalid, unknown, or malformed.';
/** Okta's default grace period for a rotated token (app `refresh_token.leeway`, seconds). */
const DEFAULT_LEEWAY_SECONDS = 30;

const invalid = (detail: string) => new InvalidGrant(OKTA_TEXT.invalidRefreshToken, detail);

export const refreshTokenGrant: GrantHandler = (deps, request, client, progress) => {
  const presented = request.params['refresh_token'];
  if (presented === undefined)
    throw new InvalidRequest(missingParameter('refresh_token'), 'the request has no refresh_token');
  const record = activeToken(deps, presented, client, request.server.id);
  checkKeyBinding(record, progress);
  const scopes = narrowedScopes(record, request.params['scope']);
  const user = checkUser(deps, record, client, progress);
  return {
    user,
    authTime: record.grant.authTime,
    amr: record.grant.amr,
    family: { id: record.familyId, refreshToken: nextRefreshToken(deps, record, client, presented) },
    decided: { scopes, lifetimes: record.grant.lifetimes },
  };
};

/** The stored token, usable, issued by this server to this client; a rotated one only within the app's leeway. */
function activeToken(deps: TokenGrantDeps, presented: string, client: AppRecord, serverId: string): RefreshTokenRecord {
  const lookup = deps.tokenLedger.lookupRefreshToken(presented);
  if (!lookup.ok) throw invalid(lookup.reason);
  const record = lookup.token;
  if (record.grant.clientId !== client.clientId)
    throw invalid(`the refresh token was issued to the client '${record.grant.clientId}'`);
  if (record.grant.serverId !== serverId)
    throw invalid(`the refresh token was issued by the authorization server '${record.grant.serverId}'`);
  if (record.used && rotation(client).type === 'ROTATE') {
    const leewayEnds = record.used.getTime() + rotation(client).leeway * 1000;
    if (deps.clock.now().getTime() > leewayEnds) {
      // OAuth 2.0 Security BCP §4.14.2: a rotated token used again means it leaked; end the family.
      const reason = `rotated refresh token ${record.id} was used again after its ${rotation(client).leeway} s leeway`;
      deps.tokenLedger.revokeFamily(record.familyId, reason);
      throw invalid(`${reason}; its token family is revoked`);
    }
  }
  return record;
}

/** RFC 9449 §5: a refresh token bound to a DPoP key is refreshed only with a proof signed by that key. */
function checkKeyBinding(record: RefreshTokenRecord, progress: TokenProgress): void {
  const bound = record.grant.boundJkt;
  if (bound !== undefined && progress.dpop?.jkt !== bound)
    throw new InvalidDpopProof(
      DPOP_TEXT.refreshJkt,
      `the refresh token is bound to ${bound}, the proof is signed by ${progress.dpop?.jkt ?? 'no key'}`,
    );
}

/** RFC 6749 §6: a requested scope must not include any scope not originally granted. */
function narrowedScopes(record: RefreshTokenRecord, scope: string | undefined): string[] {
  const requested = requestedScopes(scope);
  if (requested === null || requested.length === 0) return record.grant.scopes;
  const extra = requested.filter((name) => !record.grant.scopes.includes(name));
  if (extra.length)
    throw new InvalidScope(
      INVALID_SCOPE,
      `scopes [${extra.join(', ')}] were not granted to the refresh token (granted: [${record.grant.scopes.join(', ')}])`,
    );
  return record.grant.scopes.filter((name) => requested.includes(name));
}

/** The user must still exist, be ACTIVE and be assigned to the app. */
function checkUser(deps: TokenGrantDeps, record: RefreshTokenRecord, client: AppRecord, progress: TokenProgress) {
  const user = deps.users.find(record.grant.userId);
  if (!user) throw invalid(`the user ${record.grant.userId} no longer exists`);
  progress.user = user;
  if (user.status !== 'ACTIVE') throw invalid(`the user ${user.id} is ${user.status}`);
  if (!deps.appAssignments.isUserAssigned(client.id, user.id)) {
    throw new AccessDenied(OKTA_TEXT.notAssigned, `user ${user.id} is no longer assigned to the app ${client.id}`);
  }
  return user;
}

/** ROTATE: a new refresh token each time; STATIC: the same one, its idle window moved. */
function nextRefreshToken(
  deps: TokenGrantDeps,
  record: RefreshTokenRecord,
  client: AppRecord,
  presented: string,
): string {
  if (rotation(client).type === 'STATIC') {
    deps.tokenLedger.touch(record);
    return presented;
  }
  const next = deps.tokenLedger.rotate(record);
  if (next !== undefined) return next;
  const reason = `rotated refresh token ${record.id} was used again after the token it was rotated to had been used`;
  deps.tokenLedger.revokeFamily(record.familyId, reason);
  throw invalid(`${reason}; its token family is revoked`);
}

/**
 * The app's `settings.oauthClient.refresh_token`. Without one, browser apps rotate (Okta requires
 * rotation for SPAs) and the others keep a persistent token.
 */
function rotation(client: AppRecord): { type: 'ROTATE' | 'STATIC'; leeway: number } {
  const settings = client.document.oauth.refresh_token;
  if (settings) return { type: settings.rotation_type, leeway: settings.leeway ?? DEFAULT_LEEWAY_SECONDS };
  return { type: client.applicationType === 'browser' ? 'ROTATE' : 'STATIC', leeway: DEFAULT_LEEWAY_SECONDS };
}
