/**
 * The scope half of access-policy evaluation: the checks Okta makes on the `scope` parameter before
 * any policy is looked at, and the scopes a matched rule finally grants. Sources are listed in
 * `decide.ts`; [INF] marks a reading the sources leave open.
 */
import { ANY_SCOPE } from '../../../contracts/rule.js';
import type { RuleRecord } from '../../ports/policies.js';
import { InvalidScope, OKTA_TEXT } from '../oauth-errors.js';
import type { OAuthError } from '../oauth-errors.js';
import type { EvaluationInput } from './decision.js';
import type { ScopeTrace } from '../trace.js';

/** The OpenID Connect scopes (Okta "Authorization Server Rules" API). */
export const OIDC_SCOPES: readonly string[] = ['openid', 'profile', 'email', 'address', 'phone', 'offline_access'];
export const CLIENT_CREDENTIALS = 'client_credentials';
const IMPLICIT = 'implicit';
const OFFLINE_ACCESS = 'offline_access';

/** The scopes the request stands for: the ones it named, or the server's defaults when it named none. */
export interface ResolvedScopes {
  names: string[];
  fromDefaults: boolean;
}

export type ScopeCheck = { ok: true; scopes: ResolvedScopes } | { ok: false; error: OAuthError; trace: ScopeTrace };

/** `[a, b]`, the way the trace and details print a list. */
export const listOf = (items: readonly string[]) => `[${items.join(', ')}]`;

const isOidc = (name: string) => OIDC_SCOPES.includes(name);
/**
 * A rule allows a scope it lists, every scope with `*`, and the OpenID Connect scopes always:
 * Okta "Authorization Server Rules" API ("OIDC scopes are granted by any matching rule even if unlisted"). Some Okta guides
 * list OIDC scopes in rules as if they were needed; the reference, checked against Okta, wins here.
 */
export const ruleAllows = (rule: RuleRecord, name: string) =>
  rule.scopes.includes(ANY_SCOPE) || rule.scopes.includes(name) || isOidc(name);

/**
 * The checks before policies, in this order [INF: Okta does not document the order]:
 * 1. every requested scope must exist on the server → `invalid_scope` (Okta "OpenID Connect & OAuth 2.0 API");
 * 2. client_credentials may not ask for any OIDC scope, not just `openid`: Okta's support article
 *    "Cannot request 'openid' scopes using client credentials" names openid, profile, email and phone;
 * 3. no `scope` parameter (or an empty one [INF]) → the server's default scopes; none → `invalid_scope`.
 *    client_credentials leaves OIDC defaults out rather than failing on scopes it never asked for [INF].
 * Repeated names count once, in the order first given [INF].
 */
export function resolveRequestedScopes(input: EvaluationInput): ScopeCheck {
  const named = [...new Set((input.requestedScopes ?? []).filter((name) => name !== ''))];
  if (named.length === 0) return defaultScopes(input);
  const known = new Set(input.serverScopes.map((scope) => scope.name));
  const unknown = named.filter((name) => !known.has(name));
  if (unknown.length) {
    const detail = `the authorization server has no scope ${unknown.join(', ')}`;
    return refuse(new InvalidScope(OKTA_TEXT.unknownScopes, detail), named, unknown);
  }
  const oidc = named.filter(isOidc);
  if (input.grantType === CLIENT_CREDENTIALS && oidc.length) {
    const detail = `client_credentials has no user, so it cannot ask for the OpenID Connect scope${oidc.length > 1 ? 's' : ''} ${oidc.join(', ')}`;
    return refuse(new InvalidScope(OKTA_TEXT.openidWithClientCredentials, detail), named, oidc);
  }
  return { ok: true, scopes: { names: named, fromDefaults: false } };
}

function defaultScopes(input: EvaluationInput): ScopeCheck {
  const usable = (name: string) => !(input.grantType === CLIENT_CREDENTIALS && isOidc(name));
  const names = input.serverScopes.filter((scope) => scope.isDefault && usable(scope.name)).map((scope) => scope.name);
  if (names.length === 0) {
    const detail = 'the request has no scope parameter and the authorization server has no default scopes';
    return refuse(new InvalidScope(OKTA_TEXT.noDefaultScopes, detail), [], []);
  }
  return { ok: true, scopes: { names: [...new Set(names)], fromDefaults: true } };
}

const refuse = (error: OAuthError, requested: string[], denied: string[]): ScopeCheck => ({
  ok: false,
  error,
  trace: { requested, granted: [], denied },
});

/**
 * Why the matched rule does not grant `name`, or undefined when it does. Named scopes reach this
 * point only when the rule covers them all (a rule that does not is skipped, see `matchScopes`), so
 * the rule filters only default scopes: Okta "returns all of the default scopes that are permitted
 * in the access token by the access policy rule". The implicit grant never gets `offline_access`
 * (no refresh token without a code, Okta "OpenID Connect & OAuth 2.0 API"); asking for nothing else is okta-auth-js's
 * "all the requested scopes were rejected" case [INF: observed by okta-auth-js, not documented].
 */
export function whyNotGranted(
  rule: RuleRecord,
  name: string,
  grantType: string,
  fromDefaults: boolean,
): string | undefined {
  if (grantType === IMPLICIT && name === OFFLINE_ACCESS)
    return 'offline_access: the implicit grant type gets no refresh token';
  if (fromDefaults && !ruleAllows(rule, name)) return `${name}: not in the rule's scopes ${listOf(rule.scopes)}`;
  return undefined;
}

/** The matched rule's scope decision: granted in request order, the rest denied with their reasons. */
export function grantScopes(
  rule: RuleRecord,
  scopes: ResolvedScopes,
  grantType: string,
): ScopeTrace & { reasons: string[] } {
  const granted: string[] = [];
  const denied: string[] = [];
  const reasons: string[] = [];
  for (const name of scopes.names) {
    const reason = whyNotGranted(rule, name, grantType, scopes.fromDefaults);
    if (reason === undefined) granted.push(name);
    else {
      denied.push(name);
      reasons.push(reason);
    }
  }
  return { requested: scopes.names, granted, denied, reasons };
}
