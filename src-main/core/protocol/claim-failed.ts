/**
 * A custom claim that cannot be computed fails the whole token request (Okta "OpenID Connect & OAuth 2.0 API"): Okta answers
 * 400 `server_error` with "The '<name>' user claim could not be evaluated." (or the too-many-groups
 * text). The error carries the claims trace up to the failure, so the event log shows which claim
 * failed and why.
 */
import { OAuthError } from './oauth-errors.js';
import type { ClaimTrace, DecisionTrace } from './trace.js';

export class ClaimFailed extends OAuthError {
  readonly error = 'server_error';

  constructor(
    description: string,
    detail: string,
    readonly claims: ClaimTrace[],
  ) {
    super(description, detail);
  }
}

/**
 * Runs a mint and adds the claims it traced to the request's decision trace — on success, and on a
 * claim failure before the error goes on to the client.
 */
export async function tracingClaims<T extends { claims: ClaimTrace[] }>(
  progress: { trace?: DecisionTrace },
  mint: () => Promise<T>,
): Promise<T> {
  const add = (claims: ClaimTrace[]) => {
    if (progress.trace) progress.trace = { ...progress.trace, claims: [...(progress.trace.claims ?? []), ...claims] };
  };
  try {
    const minted = await mint();
    add(minted.claims);
    return minted;
  } catch (error) {
    if (error instanceof ClaimFailed) add(error.claims);
    throw error;
  }
}
