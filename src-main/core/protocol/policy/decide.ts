/**
 * Okta's access-policy evaluation for a custom authorization server (Okta "Authorization Server Rules" API, "Authorization Server Scopes" API, "OpenID Connect & OAuth 2.0 API").
 *
 * What the sources say, and what this engine does:
 * - Order, and no fall-through. "Policies are evaluated in priority order, as are the rules in a
 *   policy. The first policy and rule that matches the client request is applied and no further rule
 *   or policy processing occurs." and, of a policy's rules, "If no matching rule is found, then the
 *   authorization request fails." (developer.okta.com, guides/customize-authz-server, "Create access
 *   policies" / "Create Rules for each Access Policy"). So the first ACTIVE policy that includes the
 *   client is the only one evaluated; if none of its rules match, the request fails (Okta "Authorization Server Rules" API).
 *   Two sources read otherwise and are not followed: Okta's generic Policy API (sign-on, password …
 *   policies) moves on to the next policy when no rule matches, and support article "Tokens not
 *   issued with lifetime configured in access rule for custom authorization server" says evaluation
 *   "will move onto the next Access Rule and/or Access Policy".
 * - A rule whose scopes do not cover every requested scope is SKIPPED (c), and the next rule is
 *   tried; it neither grants a subset (a) nor fails the request by itself (b). Sources: the same guide
 *   ("you could prevent the use of all scopes other than openid and offline_access by only creating
 *   rules that specifically mention those two scopes … Any request that is sent with a different
 *   scope won't match any rules and consequently fails") and the support article above (a rule for
 *   openid, profile, offline_access does not match a request that adds email). OpenID Connect scopes
 *   are the exception: Okta "Authorization Server Rules" API says any matching rule grants them even when unlisted, and the
 *   reference is what Authbox reproduces. Some Okta guides list them in rules (guides/configure-access-
 *   policy "Limit which scopes some clients can access"); listing them changes nothing here.
 * - No `scope` parameter: "Okta returns all of the default scopes that are permitted in the access
 *   token by the access policy rule" (guides/customize-authz-server, "Create Scopes"), a partial
 *   grant (a). The scope condition then takes no part in matching [INF]; when the matched rule permits
 *   none of the defaults, "Policy evaluation succeeded, but all the requested scopes were rejected."
 *   [INF: the text says a rule matched and no scope survived]. okta-auth-js's tests show the same
 *   text for an implicit request of only `offline_access`, which the implicit grant never gets.
 * - "Some of the requested scopes were denied by the policy" is never produced here: named scopes
 *   skip the rule instead, and defaults are filtered silently as documented.
 * - No policy or rule matches → 401 access_denied "Policy evaluation failed …" (Okta "OpenID Connect & OAuth 2.0 API", as
 *   Okta's /token answers it).
 */
import type { RuleRecord } from '../../ports/policies.js';
import { matchRule } from './match-rules.js';
import type { RuleRequest } from './match-rules.js';
import { grantScopes, resolveRequestedScopes } from './check-scopes.js';
import type { ResolvedScopes } from './check-scopes.js';
import { AccessDenied, OKTA_TEXT } from '../oauth-errors.js';
import type {
  EvaluatedPolicy,
  EvaluationFailure,
  EvaluationInput,
  EvaluationResult,
  EvaluationSuccess,
} from './decision.js';
import type { PolicyTrace, RuleTrace, TraceOutcome } from '../trace.js';

/**
 * Decides which access policy and rule of an authorization server apply to a token request, and
 * which scopes and token lifetimes it gets, as Okta does (see the notes at the top of this file).
 *
 * Pure and deterministic: it never throws and reads nothing but `input`. Every result carries a
 * decision trace: each policy with its outcome and reason, the evaluated policy's rules with theirs,
 * the requested, granted and denied scopes, and on success the rule's lifetimes. A failure's error
 * has Okta's wire text as `description` and the exact reason as `detail`.
 *
 * @returns `ok: true` with the matched policy and rule, the granted scopes in request order and the
 *   rule's lifetimes; or `ok: false` with `InvalidScope` (unknown scope, no default scopes, OIDC
 *   scopes with client_credentials) or `AccessDenied` (no policy or rule matched: 401; every
 *   requested scope rejected: 400).
 */
export function evaluatePolicies(input: EvaluationInput): EvaluationResult {
  const policies = byPriority(input.policies);
  const check = resolveRequestedScopes(input);
  if (!check.ok) {
    const reason = 'not evaluated: the requested scopes failed the checks made before policies';
    return {
      ok: false,
      error: check.error,
      trace: { policies: policies.map((p) => policyTrace(p, 'not-evaluated', reason)), scopes: check.trace },
    };
  }
  const index = policies.findIndex((policy) => matchPolicy(policy, input.clientId) === undefined);
  const policy = policies[index];
  if (!policy) return noApplicablePolicy(policies, input.clientId, check.scopes);
  const rules = evaluateRules(policy, { grantType: input.grantType, user: input.user, scopes: check.scopes });
  const make = () => policyTraces(policies, index, input.clientId, rules);
  const traces = input.traces ? input.traces.get(input.policies, input.clientId, rules.traces, make) : make();
  if (!rules.matched) return noMatchingRule(policy, input.clientId, traces, check.scopes, index < policies.length - 1);
  return decide(policy, rules.matched, input.grantType, check.scopes, traces);
}

/** Why `policy` does not apply to the client, or undefined when it does. */
export function matchPolicy(policy: EvaluatedPolicy, clientId: string): string | undefined {
  if (policy.status !== 'ACTIVE') return 'policy is INACTIVE';
  if (!policy.allClients && !policy.clientIds.includes(clientId))
    return `client ${clientId} is not in the policy's clients`;
  return undefined;
}

interface RuleEvaluation {
  matched?: RuleRecord;
  traces: RuleTrace[];
}

/** The policy's rules by priority: skipped ones with the failed condition, the first match, then the rest unevaluated. */
function evaluateRules(policy: EvaluatedPolicy, request: RuleRequest): RuleEvaluation {
  const traces: RuleTrace[] = [];
  let matched: RuleRecord | undefined;
  for (const rule of byPriority(policy.rules)) {
    if (matched) {
      traces.push(ruleTrace(rule, 'not-evaluated', `rule ${label(matched)} matched first`));
      continue;
    }
    const reason = matchRule(rule, request);
    if (reason === undefined) {
      matched = rule;
      const note = request.scopes.fromDefaults ? 'no scope parameter: the rule filters the default scopes' : undefined;
      traces.push(ruleTrace(rule, 'matched', note));
    } else traces.push(ruleTrace(rule, 'skipped', reason));
  }
  return { matched, traces };
}

/** Every policy's trace: skipped ones before the applicable one, that one with its rules, the rest unevaluated. */
function policyTraces(
  policies: EvaluatedPolicy[],
  index: number,
  clientId: string,
  rules: RuleEvaluation,
): PolicyTrace[] {
  const applied = policies[index];
  return policies.map((policy, i) => {
    if (i < index) return policyTrace(policy, 'skipped', matchPolicy(policy, clientId));
    if (i > index)
      return policyTrace(
        policy,
        'not-evaluated',
        `only the first applicable policy is evaluated, here ${label(applied ?? policy)}`,
      );
    const reason = rules.matched
      ? `first ACTIVE policy that applies to client ${clientId}`
      : `applies to client ${clientId}, but ${policy.rules.length ? 'none of its rules matched' : 'it has no rules'}`;
    return { ...policyTrace(policy, 'matched', reason), rules: rules.traces };
  });
}

/** The matched rule's scopes and lifetimes; when it grants none of the requested scopes, Okta's "all … rejected". */
function decide(
  policy: EvaluatedPolicy,
  rule: RuleRecord,
  grantType: string,
  scopes: ResolvedScopes,
  policies: PolicyTrace[],
): EvaluationResult {
  const { reasons, ...scopeTrace } = grantScopes(rule, scopes, grantType);
  if (scopeTrace.granted.length === 0) {
    const detail = `rule ${label(rule)} of policy ${label(policy)} matched, but grants none of the requested scopes: ${reasons.join('; ')}`;
    return {
      ok: false,
      error: new AccessDenied(OKTA_TEXT.allScopesRejected, detail, 400),
      trace: { policies, scopes: scopeTrace },
    };
  }
  const lifetimes = {
    accessTokenMinutes: rule.accessTokenMinutes,
    refreshTokenMinutes: rule.refreshTokenMinutes,
    refreshWindowMinutes: rule.refreshWindowMinutes,
  };
  const trace = {
    policies,
    scopes: scopeTrace,
    lifetimes: {
      accessToken: rule.accessTokenMinutes,
      refreshToken: rule.refreshTokenMinutes,
      refreshWindow: rule.refreshWindowMinutes,
    },
  };
  return {
    ok: true,
    policyId: policy.id,
    ruleId: rule.id,
    scopes: scopeTrace.granted,
    lifetimes,
    trace,
  } satisfies EvaluationSuccess;
}

function noApplicablePolicy(policies: EvaluatedPolicy[], clientId: string, scopes: ResolvedScopes): EvaluationFailure {
  const traces = policies.map((policy) => policyTrace(policy, 'skipped', matchPolicy(policy, clientId)));
  const why = traces.map((t) => `policy ${label(t)}: ${t.reason}`).join('; ');
  const detail = policies.length
    ? `no ACTIVE policy applies to client ${clientId}: ${why}`
    : 'the authorization server has no access policies';
  return policyFailed(detail, traces, scopes);
}

function noMatchingRule(
  policy: EvaluatedPolicy,
  clientId: string,
  traces: PolicyTrace[],
  scopes: ResolvedScopes,
  later: boolean,
): EvaluationFailure {
  const rules = traces.find((t) => t.id === policy.id)?.rules ?? [];
  const why = rules.length
    ? `none of its rules matched: ${rules.map((t) => `rule ${label(t)}: ${t.reason}`).join('; ')}`
    : 'it has no rules';
  const tail = later ? ' (later policies are not evaluated)' : '';
  return policyFailed(`policy ${label(policy)} applies to client ${clientId}, but ${why}${tail}`, traces, scopes);
}

const policyFailed = (detail: string, policies: PolicyTrace[], scopes: ResolvedScopes): EvaluationFailure => ({
  ok: false,
  error: new AccessDenied(OKTA_TEXT.policyFailed, detail, 401),
  trace: { policies, scopes: { requested: scopes.names, granted: [], denied: scopes.names } },
});

/** Lowest priority number first; equal priorities keep their given order (Array#sort is stable). */
const byPriority = <T extends { priority: number }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.priority - b.priority);

const label = (item: { id: string; name: string }) => `"${item.name}" (${item.id})`;

const ruleTrace = (rule: RuleRecord, outcome: TraceOutcome, reason?: string): RuleTrace => ({
  id: rule.id,
  name: rule.name,
  priority: rule.priority,
  outcome,
  ...(reason === undefined ? {} : { reason }),
});

const policyTrace = (policy: EvaluatedPolicy, outcome: TraceOutcome, reason?: string): PolicyTrace => ({
  id: policy.id,
  name: policy.name,
  priority: policy.priority,
  outcome,
  ...(reason === undefined ? {} : { reason }),
  rules: [],
});
