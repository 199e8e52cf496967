/**
 * What the Token Preview form holds — the subject and the grant type — and how it becomes the
 * claims preview request, comes back from the last request, and takes the API's causes.
 */
import type { ClaimsPreviewRequest } from '../../../src-main/contracts/index.js';
import type { ApiError } from '../../api/api-error.js';
import { formProblemsFrom } from '../../state/form-problems.js';
import type { FormProblemsOf } from '../../state/form-problems.js';
import type { GrantChoice } from './grant-type-words.js';
import { SUBJECT_FIELD_OF_CAUSE, emptySubject, toPreviewSubject } from './preview-subject.js';
import type { SubjectDraft } from './preview-subject.js';

export interface TokenPreviewDraft extends SubjectDraft {
  grantType: GrantChoice;
}

export type TokenPreviewField = keyof TokenPreviewDraft;

/** The form for `request` (the last one asked), or an empty one; Any when it had no grant type. */
export function tokenPreviewDraftOf(request: ClaimsPreviewRequest | null): TokenPreviewDraft {
  if (!request) return { ...emptySubject(), grantType: '' };
  return {
    userId: request.userId ?? '',
    appId: request.appId,
    scopes: request.scopes.join(' '),
    grantType: request.grantType ?? '',
  };
}

/** Any leaves grantType out: the server then takes the scopes as granted (contracts/claims-preview.ts). */
export function toClaimsPreviewRequest({ grantType, ...subject }: TokenPreviewDraft): ClaimsPreviewRequest {
  return { ...toPreviewSubject(subject), ...(grantType === '' ? {} : { grantType }) };
}

const FIELD_OF_CAUSE: Record<string, TokenPreviewField> = { ...SUBJECT_FIELD_OF_CAUSE, grantType: 'grantType' };

export const tokenPreviewProblemsOf = (error: ApiError): FormProblemsOf<TokenPreviewField> =>
  formProblemsFrom(error, FIELD_OF_CAUSE);
