/**
 * The Add Scope / Edit Scope form as plain data, in the Okta admin console's words: Name, Display
 * phrase, Description, User consent (Implicit / Required), Set as a default scope, Include in public
 * metadata; how it becomes the API body and how the server's causes land on its fields.
 */
import type { BodyOf } from '../../src-main/contracts/routes.js';
import type { routes } from '../../src-main/contracts/routes.js';
import type { ScopeDto } from '../../src-main/contracts/scope.js';
import type { ApiError } from '../api/api-error.js';
import { formProblemsFrom } from './form-problems.js';
import type { FieldErrorsOf, FormProblemsOf } from './form-problems.js';

export type ScopeWrite = BodyOf<typeof routes.createScope>;

export interface ScopeDraft {
  name: string;
  displayName: string;
  description: string;
  /** "User consent": Implicit, or Required (the consent page asks). */
  consentRequired: boolean;
  isDefault: boolean;
  /** "Include in public metadata": `metadataPublish` ALL_CLIENTS. */
  metadata: boolean;
}

export type ScopeField = keyof ScopeDraft;
export type ScopeFormProblems = FormProblemsOf<ScopeField>;
export type ScopeFieldErrors = FieldErrorsOf<ScopeField>;

export const emptyScopeDraft = (): ScopeDraft => ({
  name: '',
  displayName: '',
  description: '',
  consentRequired: false,
  isDefault: false,
  metadata: false,
});

export function scopeDraftOf(scope: ScopeDto): ScopeDraft {
  return {
    name: scope.name,
    displayName: scope.displayName ?? '',
    description: scope.description ?? '',
    consentRequired: scope.consent === 'REQUIRED',
    isDefault: scope.default,
    metadata: scope.metadataPublish === 'ALL_CLIENTS',
  };
}

/** The body for POST/PUT; FLEXIBLE consent (API only) is kept on a replace the form does not touch. */
export function toScopeWrite(draft: ScopeDraft, current?: ScopeDto): ScopeWrite {
  const keepFlexible = current?.consent === 'FLEXIBLE' && !draft.consentRequired;
  return {
    name: draft.name,
    displayName: draft.displayName,
    description: draft.description,
    consent: keepFlexible ? 'FLEXIBLE' : draft.consentRequired ? 'REQUIRED' : 'IMPLICIT',
    default: draft.isDefault,
    metadataPublish: draft.metadata ? 'ALL_CLIENTS' : 'NO_CLIENTS',
    ...(current ? { optional: current.optional } : {}),
  };
}

const FIELD_OF_CAUSE: Record<string, ScopeField> = {
  name: 'name',
  displayName: 'displayName',
  description: 'description',
  consent: 'consentRequired',
  default: 'isDefault',
  metadataPublish: 'metadata',
};

export const scopeProblemsOf = (error: ApiError): ScopeFormProblems => formProblemsFrom(error, FIELD_OF_CAUSE);
