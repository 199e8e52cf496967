/** Okta error JSON for the management API (Okta "Error codes"): one throwable, one serializer. */
import { randomBytes } from 'node:crypto';
import { OKTA_ERRORS, formatCause } from '../contracts/okta-error.js';
import type { FieldIssue, OktaErrorBody, OktaErrorCode } from '../contracts/okta-error.js';

export class OktaHttpError extends Error {
  readonly status: number;

  constructor(
    readonly errorCode: OktaErrorCode,
    readonly summaryArg = '',
    readonly causes: FieldIssue[] = [],
  ) {
    super(OKTA_ERRORS[errorCode].summary.replace('{0}', summaryArg));
    this.status = OKTA_ERRORS[errorCode].status;
  }

  private summary?: string;

  /** Replaces the catalogue summary with a specific one (for Refused domain errors). */
  withSummary(summary: string): this {
    this.summary = summary;
    return this;
  }

  body(): OktaErrorBody {
    return {
      errorCode: this.errorCode,
      errorSummary: this.summary ?? this.message,
      errorLink: this.errorCode,
      errorId: `oae${randomBytes(11).toString('base64url')}`,
      errorCauses: this.causes.map(formatCause),
    };
  }
}
