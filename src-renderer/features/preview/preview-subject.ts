/**
 * Who and what a preview is for, as the form holds it (ids as select values, scopes as typed), and
 * how it becomes the sandbox API's request and how that API's causes land on the form.
 */
import type { PreviewSubject } from '../../../src-main/contracts/index.js';
import type { ApiError } from '../../api/api-error.js';
import { formProblemsFrom } from '../../state/form-problems.js';
import type { FormProblemsOf } from '../../state/form-problems.js';

export interface SubjectDraft {
  /** '' = no user (as under client credentials). */
  userId: string;
  /** '' = none chosen yet. */
  appId: string;
  /** Space-separated, as in a token request's `scope`. */
  scopes: string;
}

export type SubjectField = keyof SubjectDraft;
export type SubjectProblems = FormProblemsOf<SubjectField>;

export const emptySubject = (scopes = 'openid'): SubjectDraft => ({ userId: '', appId: '', scopes });

export const scopeList = (text: string): string[] => text.split(/\s+/).filter(Boolean);

export function toPreviewSubject(draft: SubjectDraft): PreviewSubject {
  return { userId: draft.userId === '' ? null : draft.userId, appId: draft.appId, scopes: scopeList(draft.scopes) };
}

/** The API's cause fields (`userId: …`) and the form fields that show them. */
export const SUBJECT_FIELD_OF_CAUSE: Readonly<Record<string, SubjectField>> = {
  userId: 'userId',
  appId: 'appId',
  scopes: 'scopes',
};

export const subjectProblemsOf = (error: ApiError): SubjectProblems => formProblemsFrom(error, SUBJECT_FIELD_OF_CAUSE);
