/**
 * The contract of Okta's access-policy evaluation (Okta "Authorization Server Rules" API): the shapes the protocol
 * endpoints pass in and get back. The engine itself is `evaluatePolicies` in `decide.ts`, whose
 * header lists the Okta sources for each rule of the evaluation.
 */
import type { PolicyRecord, RuleRecord } from '../../ports/policies.js';
import type { OAuthError } from '../oauth-errors.js';
import type { DecisionTrace, PolicyTrace, TraceOutcome } from '../trace.js';

/** A policy with its rules, as `Policies.policiesForEvaluation` returns it. */
export type EvaluatedPolicy = PolicyRecord & { rules: RuleRecord[] };

export interface EvaluationInput {
  /** The grant being asked for; `implicit` for /authorize requests that return tokens directly. */
  grantType: string;
  clientId: string;
  /** The signed-in user with every group they are in (Everyone included); null for client_credentials. */
  user: { id: string; groupIds: string[] } | null;
  /** The `scope` parameter split on spaces; null (or empty) when the request sent none. */
  requestedScopes: string[] | null;
  /** `Policies.policiesForEvaluation(serverId)`: every policy in priority order with its rules. */
  policies: EvaluatedPolicy[];
  /** The server's scopes (names and whether each is a default scope). */
  serverScopes: { name: string; isDefault: boolean }[];
  /** Where the traces of the policies whose rules were not evaluated are kept (without it, each is made anew). */
  traces?: PolicyTraceCache;
}

/**
 * Keeps the trace of a policy whose rules were not evaluated (skipped, or not evaluated at all):
 * for the same policy object, outcome and reason it answers the same frozen object, the one `make`
 * built the first time. Such a trace is the same for every request of a client at one configuration
 * (with 100 policies on a server, 100 new objects per token request).
 */
export interface PolicyTraceCache {
  get(policy: EvaluatedPolicy, outcome: TraceOutcome, reason: string | undefined, make: () => PolicyTrace): PolicyTrace;
}

export interface Lifetimes {
  accessTokenMinutes: number;
  /** 0 = unlimited. */
  refreshTokenMinutes: number;
  refreshWindowMinutes: number;
}

export interface EvaluationSuccess {
  ok: true;
  policyId: string;
  ruleId: string;
  /** Granted scopes in request order (the server's order when the defaults were used). */
  scopes: string[];
  lifetimes: Lifetimes;
  trace: DecisionTrace;
}

export interface EvaluationFailure {
  ok: false;
  /** `description` is Okta's wire text; `detail` names the exact reason (which policy, rule, condition). */
  error: OAuthError;
  trace: DecisionTrace;
}

export type EvaluationResult = EvaluationSuccess | EvaluationFailure;
