/**
 * The Add Claim / Edit Claim form as plain data: what the user picked, in Okta's admin console
 * terms, how it becomes the API body (PUT replaces every field, Okta "Authorization Server Claims" API), and how the
 * server's error causes land on its fields.
 */
import type { ClaimDto, ClaimType, GroupFilterType, WRITABLE_VALUE_TYPES } from '../../src-main/contracts/claim.js';
import type { ApiError } from '../api/api-error.js';
import type { ClaimWrite } from '../api/api-client.js';
import { formProblemsFrom } from './form-problems.js';
import type { FieldErrorsOf, FormProblemsOf } from './form-problems.js';

export interface ClaimDraft {
  name: string;
  /** "Include in token type": Access Token (RESOURCE) or ID Token (IDENTITY). */
  claimType: ClaimType;
  /** ID Token only: "Always" (true) or "Userinfo / ID token request" (false). */
  alwaysIncludeInToken: boolean;
  valueType: (typeof WRITABLE_VALUE_TYPES)[number];
  /** Groups only: the "Filter" beside the value. */
  groupFilterType: GroupFilterType;
  value: string;
  /** "Disable claim": status INACTIVE. */
  disabled: boolean;
  /** "Include in": any scope, or only the listed ones. */
  anyScope: boolean;
  scopes: string[];
}

export type ClaimField = keyof ClaimDraft;
export type ClaimFieldErrors = FieldErrorsOf<ClaimField>;
export type ClaimFormProblems = FormProblemsOf<ClaimField>;

export const emptyClaimDraft = (): ClaimDraft => ({
  name: '',
  claimType: 'RESOURCE',
  alwaysIncludeInToken: true,
  valueType: 'EXPRESSION',
  groupFilterType: 'STARTS_WITH',
  value: '',
  disabled: false,
  anyScope: true,
  scopes: [],
});

export function claimDraftOf(claim: ClaimDto): ClaimDraft {
  return {
    name: claim.name,
    claimType: claim.claimType,
    alwaysIncludeInToken: claim.alwaysIncludeInToken,
    // SYSTEM claims are never edited (read-only rows); EXPRESSION is the nearest writable type.
    valueType: claim.valueType === 'GROUPS' ? 'GROUPS' : 'EXPRESSION',
    groupFilterType: claim.group_filter_type ?? 'STARTS_WITH',
    value: claim.value,
    disabled: claim.status === 'INACTIVE',
    anyScope: claim.conditions.scopes.length === 0,
    scopes: claim.conditions.scopes,
  };
}

/**
 * The body for POST/PUT. Access-token claims are always included (Okta "Authorization Server Claims" API); `group_filter_type`
 * goes only with GROUPS, as the API refuses it on EXPRESSION claims.
 */
export function toClaimWrite(draft: ClaimDraft) {
  return {
    name: draft.name,
    status: draft.disabled ? 'INACTIVE' : 'ACTIVE',
    claimType: draft.claimType,
    valueType: draft.valueType,
    value: draft.value,
    ...(draft.valueType === 'GROUPS' ? { group_filter_type: draft.groupFilterType } : {}),
    alwaysIncludeInToken: draft.claimType === 'RESOURCE' ? true : draft.alwaysIncludeInToken,
    conditions: { scopes: draft.anyScope ? [] : draft.scopes },
  } satisfies ClaimWrite;
}

/** The scopes a preview grants by default: the claim's condition scopes, else `openid`. */
export const previewScopesOf = (draft: ClaimDraft): string =>
  !draft.anyScope && draft.scopes.length > 0 ? draft.scopes.join(' ') : 'openid';

/**
 * Why a token minted for these granted scopes would leave the claim out before its value counts,
 * in the words of the decision trace (`core/protocol/custom-claims.ts`): disabled, or none of its
 * condition scopes granted. Null when it would be included. The claim dialog's Preview and the
 * Token Preview so give the same answer.
 */
export function claimLeftOutReason(draft: ClaimDraft, granted: readonly string[]): string | null {
  if (draft.disabled) return 'the claim is INACTIVE';
  const needed = draft.anyScope ? [] : draft.scopes;
  if (needed.length && !needed.some((scope) => granted.includes(scope)))
    return `needs one of the scopes [${needed.join(', ')}]; granted [${granted.join(', ')}]`;
  return null;
}

/** API cause fields → form fields. */
const FIELD_OF_CAUSE: Record<string, ClaimField> = {
  name: 'name',
  claimType: 'claimType',
  alwaysIncludeInToken: 'alwaysIncludeInToken',
  valueType: 'valueType',
  group_filter_type: 'groupFilterType',
  value: 'value',
  status: 'disabled',
  conditions: 'scopes',
  'conditions.scopes': 'scopes',
};

export const claimProblemsOf = (error: ApiError): ClaimFormProblems => formProblemsFrom(error, FIELD_OF_CAUSE);
