/** The words Okta's admin console uses for a claim's fields, for the table and the form alike. */
import type { ClaimDto, ClaimType, ClaimValueType, GroupFilterType } from '../../../src-main/contracts/claim.js';
import type { SelectOption } from '../../ui/field.js';

export const TOKEN_TYPE_WORDS: Record<ClaimType, string> = { RESOURCE: 'Access', IDENTITY: 'ID' };

export const VALUE_TYPE_WORDS: Record<ClaimValueType, string> = {
  EXPRESSION: 'Expression',
  GROUPS: 'Groups',
  SYSTEM: 'System',
};

export const FILTER_WORDS: Record<GroupFilterType, string> = {
  STARTS_WITH: 'Starts with',
  EQUALS: 'Equals',
  CONTAINS: 'Contains',
  REGEX: 'Matches regex',
};

export const ALWAYS = 'Always';
/** An ID token claim left out of thin ID tokens (Okta "OpenID Connect & OAuth 2.0 API"): only `/userinfo` and `response_type=id_token` carry it. */
export const ON_REQUEST = 'Userinfo / ID token request';

export const TOKEN_TYPE_OPTIONS: SelectOption[] = [
  { value: 'RESOURCE', label: 'Access Token' },
  { value: 'IDENTITY', label: 'ID Token' },
];

export const INCLUDE_OPTIONS: SelectOption[] = [
  { value: 'true', label: ALWAYS },
  { value: 'false', label: ON_REQUEST },
];

export const VALUE_TYPE_OPTIONS: SelectOption[] = [
  { value: 'EXPRESSION', label: VALUE_TYPE_WORDS.EXPRESSION },
  { value: 'GROUPS', label: VALUE_TYPE_WORDS.GROUPS },
];

export const FILTER_OPTIONS: SelectOption[] = Object.entries(FILTER_WORDS).map(([value, label]) => ({ value, label }));

export const includeWord = (claim: Pick<ClaimDto, 'claimType' | 'alwaysIncludeInToken'>): string =>
  claim.claimType === 'IDENTITY' && !claim.alwaysIncludeInToken ? ON_REQUEST : ALWAYS;

export const scopesWord = (scopes: string[]): string => (scopes.length === 0 ? 'Any scope' : scopes.join(', '));
