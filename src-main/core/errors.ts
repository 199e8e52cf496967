/**
 * Domain errors carry a stable `code` (jose's ERR_* style) so each surface can map them to its
 * own format: Okta error JSON on the management API, an OAuth error on protocol endpoints.
 */
import type { FieldIssue, OktaErrorCode } from '../contracts/okta-error.js';

export type DomainErrorCode = 'ERR_VALIDATION' | 'ERR_NOT_FOUND' | 'ERR_REFUSED';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks a rule; `issues` name each field (Okta E0000001 causes). */
export class ValidationFailed extends DomainError {
  constructor(readonly issues: FieldIssue[]) {
    super('ERR_VALIDATION', `Api validation failed: ${issues.map((i) => i.field).join(', ')}`);
  }
}

/** A resource that does not exist; `resource` reads like Okta's "aus123 (AuthorizationServer)". */
export class NotFound extends DomainError {
  constructor(
    readonly id: string,
    readonly kind: string,
  ) {
    super('ERR_NOT_FOUND', `Resource not found: ${id} (${kind})`);
  }
}

/**
 * A well-formed request that an Okta rule refuses (delete an ACTIVE app, activate an active user,
 * delete a group a rule still names). `oktaCode` is the code Okta answers with.
 */
export class Refused extends DomainError {
  constructor(
    readonly oktaCode: OktaErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super('ERR_REFUSED', message);
  }
}
