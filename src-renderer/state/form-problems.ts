/**
 * How a refused write lands on a form: each Okta error cause (`field: message`, Okta "Error codes") goes
 * under the form field it names; what no field shows becomes the form's own error.
 */
import type { ApiError } from '../api/api-error.js';

export type FieldErrorsOf<Field extends string> = Partial<Record<Field, string>>;

export interface FormProblemsOf<Field extends string> {
  fieldErrors: FieldErrorsOf<Field>;
  /** What cannot be shown beside a field (other causes, or the summary when there are none). */
  formError: string | null;
}

/** `fieldOfCause` maps an API cause field (`audiences`, `conditions.scopes`) to the form field that shows it. */
export function formProblemsFrom<Field extends string>(
  error: ApiError,
  fieldOfCause: Readonly<Record<string, Field>>,
): FormProblemsOf<Field> {
  const fieldErrors: FieldErrorsOf<Field> = {};
  const rest: string[] = [];
  for (const issue of error.issues) {
    const field = Object.hasOwn(fieldOfCause, issue.field) ? fieldOfCause[issue.field] : undefined;
    if (field) fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]}; ${issue.message}` : issue.message;
    else rest.push(issue.field ? `${issue.field}: ${issue.message}` : issue.message);
  }
  if (error.issues.length === 0) return { fieldErrors, formError: error.summary };
  return { fieldErrors, formError: rest.length > 0 ? `${error.summary} (${rest.join('; ')})` : null };
}
