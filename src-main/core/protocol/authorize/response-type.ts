/**
 * `response_type` and `response_mode` (RFC 6749 §3.1.1, OAuth 2.0 Multiple Response Types §2–§5,
 * Form Post Response Mode; Okta "OpenID Connect & OAuth 2.0 API"). A response type is a set of `code`, `id_token` and
 * `token`; each member must be one the app lists in `response_types`, and its grant (`code` →
 * authorization_code, the others → implicit) one it lists in `grant_types`. The mode defaults to
 * `query` for `code` and `fragment` otherwise; `query` may never carry tokens.
 */
import type { AppRecord } from '../../ports/apps.js';
import {
  InvalidRequest,
  OKTA_TEXT,
  UnauthorizedClient,
  UnsupportedResponseMode,
  UnsupportedResponseType,
} from '../oauth-errors.js';
import { AUTHORIZE_TEXT } from './texts.js';
import { RESPONSE_MODES } from './types.js';
import type { ResponseMode, ResponseTypeName } from './types.js';

const NAMES: readonly ResponseTypeName[] = ['code', 'id_token', 'token'];
const SERVER_RESPONSE_TYPES = ['code', 'token', 'id_token'];

/** The response type's members, or undefined when it is not a set of known names. */
export function responseTypesOf(value: string | undefined): ResponseTypeName[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(' ');
  if (parts.some((p) => !NAMES.includes(p as ResponseTypeName)) || new Set(parts).size !== parts.length)
    return undefined;
  return parts as ResponseTypeName[];
}

const carriesTokens = (types: readonly ResponseTypeName[]) => types.some((t) => t !== 'code');

/** The mode an error goes back in before the response type is known to be valid. */
export function lenientMode(params: Record<string, string>): ResponseMode {
  const asked = params['response_mode'];
  if (RESPONSE_MODES.includes(asked as ResponseMode)) return asked as ResponseMode;
  const types = responseTypesOf(params['response_type']);
  return types && carriesTokens(types) ? 'fragment' : 'query';
}

export function checkResponseType(client: AppRecord, params: Record<string, string>): ResponseTypeName[] {
  const value = params['response_type'];
  if (value === undefined)
    throw new InvalidRequest(AUTHORIZE_TEXT.missing('response_type'), 'the request has no response_type');
  const types = responseTypesOf(value);
  if (!types)
    throw new UnsupportedResponseType(
      AUTHORIZE_TEXT.responseTypeUnsupported(SERVER_RESPONSE_TYPES),
      `'${value}' is not a response type`,
    );
  const { response_types: allowedTypes, grant_types: grants } = client.document.oauth;
  const notListed = types.filter((t) => !(allowedTypes as readonly string[]).includes(t));
  if (notListed.length) {
    throw new UnsupportedResponseType(
      AUTHORIZE_TEXT.responseTypeUnsupported([...allowedTypes]),
      `the app ${client.id} does not list ${notListed.join(', ')} in response_types`,
    );
  }
  const needed = [...new Set(types.map((t) => (t === 'code' ? 'authorization_code' : 'implicit')))];
  const missing = needed.filter((g) => !(grants as readonly string[]).includes(g));
  if (missing.length)
    throw new UnauthorizedClient(
      OKTA_TEXT.grantNotAllowed([...grants]),
      `response_type '${value}' needs the ${missing.join(', ')} grant`,
    );
  return types;
}

export function checkResponseMode(params: Record<string, string>, types: ResponseTypeName[]): ResponseMode {
  const asked = params['response_mode'];
  if (asked === undefined) return carriesTokens(types) ? 'fragment' : 'query';
  if (!RESPONSE_MODES.includes(asked as ResponseMode)) {
    throw new UnsupportedResponseMode(
      AUTHORIZE_TEXT.responseModeUnsupported(RESPONSE_MODES),
      `'${asked}' is not a response mode`,
    );
  }
  if (asked === 'query' && carriesTokens(types)) {
    throw new UnsupportedResponseMode(
      AUTHORIZE_TEXT.queryModeRefused,
      `response_type '${types.join(' ')}' returns tokens, which must not go in a query`,
    );
  }
  return asked as ResponseMode;
}

/** The grant type policies are evaluated for: authorization_code when a code is issued, implicit otherwise (Okta "Authorization Server Rules" API). */
export const grantTypeOf = (types: readonly ResponseTypeName[]) =>
  types.includes('code') ? 'authorization_code' : 'implicit';
