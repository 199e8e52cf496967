/**
 * What went wrong with a management API call, as the UI needs it: the HTTP status, Okta's
 * `errorCode` and `errorSummary`, and the `errorCauses` split into field issues (Okta "Error codes").
 */
import { parseCause } from '../../src-main/contracts/okta-error.js';
import type { FieldIssue, OktaErrorCause } from '../../src-main/contracts/index.js';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    readonly errorCode: string | null,
    readonly summary: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(errorCode ? `${errorCode}: ${summary}` : summary);
  }

  /**
   * 401 (E0000011 wrong token) or 403 E0000005 (no token): the admin token needs replacing. Other
   * 403s (E0000006 no permission, E0000038 wrong status…) are about the action, not the token.
   */
  get isAuthFailure(): boolean {
    return this.status === 401 || (this.status === 403 && (this.errorCode === 'E0000005' || this.errorCode === null));
  }
}

const isCause = (value: unknown): value is OktaErrorCause =>
  typeof value === 'object' && value !== null && typeof (value as OktaErrorCause).errorSummary === 'string';

/** Builds an ApiError from a non-2xx response's status and parsed body (Okta error JSON or anything else). */
export function apiErrorFrom(status: number, body: unknown, statusText = ''): ApiError {
  if (typeof body === 'object' && body !== null && typeof (body as { errorCode?: unknown }).errorCode === 'string') {
    const okta = body as { errorCode: string; errorSummary?: unknown; errorCauses?: unknown };
    const summary = typeof okta.errorSummary === 'string' ? okta.errorSummary : `HTTP ${status}`;
    const causes = Array.isArray(okta.errorCauses) ? okta.errorCauses.filter(isCause) : [];
    return new ApiError(status, okta.errorCode, summary, causes.map(parseCause));
  }
  const text = typeof body === 'string' && body.trim() !== '' ? `: ${body.trim().slice(0, 200)}` : '';
  return new ApiError(status, null, `The server answered HTTP ${status}${statusText ? ` ${statusText}` : ''}${text}`);
}

/** Any failure as an ApiError, so the UI has one shape to show (network errors become status 0). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ApiError(0, null, `Could not reach the Authbox server (${reason}). Is it still running?`);
}
