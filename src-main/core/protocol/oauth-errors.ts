/**
 * OAuth errors as classes named after their RFC 6749 / OIDC codes. `description` is wire-safe
 * (Okta's exact text where Okta "OpenID Connect & OAuth 2.0 API" gives one); `detail` is the real reason, kept for the
 * event log and the flow runner and never sent to the client.
 */
export abstract class OAuthError extends Error {
  abstract readonly error: string;
  /** HTTP status on JSON endpoints (token, introspect, revoke, userinfo). */
  readonly status: number = 400;
  /** Seconds a refused caller should wait, sent as `Retry-After` (RFC 9110 §10.2.3) with a 429. */
  retryAfterSeconds?: number;

  constructor(
    readonly description: string,
    readonly detail?: string,
  ) {
    super(description);
    this.name = new.target.name;
  }

  toJSON(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

export class InvalidRequest extends OAuthError {
  readonly error = 'invalid_request';
}
export class InvalidClient extends OAuthError {
  readonly error = 'invalid_client';
  override readonly status = 401;
}
export class InvalidGrant extends OAuthError {
  readonly error = 'invalid_grant';
}
export class UnauthorizedClient extends OAuthError {
  readonly error = 'unauthorized_client';
}
export class UnsupportedGrantType extends OAuthError {
  readonly error = 'unsupported_grant_type';
}
export class UnsupportedResponseType extends OAuthError {
  readonly error = 'unsupported_response_type';
}
export class UnsupportedResponseMode extends OAuthError {
  readonly error = 'unsupported_response_mode';
}
export class InvalidScope extends OAuthError {
  readonly error = 'invalid_scope';
}
export class LoginRequired extends OAuthError {
  readonly error = 'login_required';
}
export class ConsentRequired extends OAuthError {
  readonly error = 'consent_required';
}
export class ServerError extends OAuthError {
  readonly error = 'server_error';
  override readonly status = 500;
}
export class InvalidToken extends OAuthError {
  readonly error = 'invalid_token';
  override readonly status = 401;
}
/** RFC 9449 §7.1: a DPoP-bound access token presented as a Bearer token; the answer challenges with the DPoP scheme. */
export class DpopBoundAsBearer extends InvalidToken {}
/** RFC 6750 §3.1: the token lacks a scope the resource needs. */
export class InsufficientScope extends OAuthError {
  readonly error = 'insufficient_scope';
  override readonly status = 403;
}

/** RFC 8628 §3.5: the device_code grant's polling answers. */
export class AuthorizationPending extends OAuthError {
  readonly error = 'authorization_pending';
}
export class SlowDown extends OAuthError {
  readonly error = 'slow_down';
}
export class ExpiredToken extends OAuthError {
  readonly error = 'expired_token';
}

/** access_denied carries its own status: Okta answers 401, 400 or 403 depending on the cause (Okta "OpenID Connect & OAuth 2.0 API"). */
export class AccessDenied extends OAuthError {
  readonly error = 'access_denied';
  constructor(
    description: string,
    detail?: string,
    override readonly status: number = 400,
  ) {
    super(description, detail);
  }
}

/** Okta's exact error descriptions (Okta "OpenID Connect & OAuth 2.0 API"). */
export const OKTA_TEXT = {
  policyFailed: 'Policy evaluation failed for this request, please check the policy configurations.',
  notAssigned: 'User is not assigned to the client application.',
  allScopesRejected: 'Policy evaluation succeeded, but all the requested scopes were rejected.',
  someScopesDenied: (denied: string[]) =>
    `Some of the requested scopes were denied by the policy. Denied scopes: [${denied.join(', ')}].`,
  unknownScopes: 'One or more scopes are not configured for the authorization server resource.',
  noDefaultScopes:
    "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
  openidWithClientCredentials: "Cannot request 'openid' scopes using client credentials.",
  invalidCode: 'The authorization code is invalid or has expired.',
  invalidRefreshToken: 'The refresh token is invalid or expired.',
  redirectMismatch: "The 'redirect_uri' does not match the redirection URI used in the authorization request.",
  pkceFailed: 'PKCE verification failed.',
  clientAuthFailed: 'Client authentication failed. Either the client or the client credentials are invalid.',
  noClientCredentials: 'No client credentials found.',
  grantNotAllowed: (grants: string[]) =>
    `The client is not authorized to use the provided grant type. Configured grant types: [${grants.join(', ')}].`,
  grantUnsupported: (grants: string[]) =>
    `The authorization grant type is not supported by the authorization server. Configured grant types: [${grants.join(', ')}].`,
  tokenRequired: "The 'token' parameter is required.",
  invalidAccessToken: 'The access token is invalid.',
  claimNotEvaluated: (name: string) => `The '${name}' user claim could not be evaluated.`,
  tooManyGroups: 'The groups claim matched too many groups and must be configured to match fewer groups.',
} as const;

/** RFC 9449 §5 and §7.1: the DPoP proof is missing or fails a check (Okta answers 400 at the token endpoint and at `/api/v1`). */
export class InvalidDpopProof extends OAuthError {
  readonly error = 'invalid_dpop_proof';
}
/** RFC 9449 §8: the proof lacks a valid server nonce; the answer sends `nonce` in its `DPoP-Nonce` header. */
export class UseDpopNonce extends OAuthError {
  readonly error = 'use_dpop_nonce';
  constructor(
    readonly nonce: string,
    description: string,
    detail?: string,
  ) {
    super(description, detail);
  }
}
