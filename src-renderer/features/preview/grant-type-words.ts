/**
 * The grant types a Token Preview can stand for, in the words of Okta's Token Preview "Grant type"
 * select. "Any" sends no grantType: the scopes are taken as granted and no access policy decides.
 */
import type { PreviewGrantType } from '../../../src-main/contracts/index.js';
import type { SelectOption } from '../../ui/field.js';

/** '' = Any (no grantType in the request). */
export type GrantChoice = PreviewGrantType | '';

/** One entry for each grant the preview API takes (the Record keeps it complete), in the console's order. */
export const GRANT_TYPE_WORDS: Record<GrantChoice, string> = {
  '': 'Any (skip policy evaluation)',
  authorization_code: 'Authorization Code',
  implicit: 'Implicit',
  password: 'Resource Owner Password',
  client_credentials: 'Client Credentials',
  'urn:ietf:params:oauth:grant-type:device_code': 'Device Authorization',
};

export const GRANT_TYPE_OPTIONS: SelectOption[] = Object.entries(GRANT_TYPE_WORDS).map(([value, label]) => ({
  value,
  label,
}));
