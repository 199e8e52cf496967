/**
 * Okta management API errors (Okta "Error codes"). The wire body is always the five fields below;
 * `errorCauses` name the offending field so a form can show the message beside it.
 */
export interface OktaErrorCause {
  errorSummary: string;
}

export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: OktaErrorCause[];
}

export const OKTA_ERRORS = {
  E0000001: { status: 400, summary: 'Api validation failed: {0}' },
  E0000003: { status: 400, summary: 'The request body was not well-formed.' },
  E0000005: { status: 403, summary: 'Invalid session' },
  E0000006: { status: 403, summary: 'You do not have permission to perform the requested action' },
  E0000007: { status: 404, summary: 'Not found: {0}' },
  E0000008: { status: 404, summary: 'The requested path was not found' },
  E0000009: { status: 500, summary: 'Internal Server Error' },
  E0000010: { status: 503, summary: 'Service is in read only mode' },
  E0000011: { status: 401, summary: 'Invalid token provided' },
  E0000016: { status: 403, summary: 'Activation failed because the user is already active' },
  E0000022: { status: 405, summary: 'The endpoint does not support the provided HTTP method' },
  E0000028: { status: 400, summary: 'The request is missing a required parameter.' },
  E0000031: { status: 400, summary: 'Invalid search criteria.' },
  E0000032: { status: 403, summary: 'Unlock is not allowed for this user.' },
  E0000038: { status: 403, summary: "This operation is not allowed in the user's current status." },
  E0000055: { status: 409, summary: 'Duplicate Group' },
  E0000056: { status: 403, summary: 'Delete application forbidden.' },
  E0000062: { status: 409, summary: 'The specified user is already assigned to the application.' },
} as const;

export type OktaErrorCode = keyof typeof OKTA_ERRORS;

/** A field-level validation problem, as carried in `errorCauses` (`<field>: <message>`). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Splits an Okta cause summary `field: message` back into its parts (for inline form errors). */
export function parseCause(cause: OktaErrorCause): FieldIssue {
  const at = cause.errorSummary.indexOf(': ');
  if (at < 0) return { field: '', message: cause.errorSummary };
  return { field: cause.errorSummary.slice(0, at), message: cause.errorSummary.slice(at + 2) };
}

export function formatCause(issue: FieldIssue): OktaErrorCause {
  return { errorSummary: issue.field ? `${issue.field}: ${issue.message}` : issue.message };
}
