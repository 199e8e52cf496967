/**
 * The contract of Okta's access-policy evaluation (Okta "Authorization Server Rules" API): the shapes the protocol
 * endpoints pass in and get back. The engine itself is `evaluatePolicies` in `decide.ts`, whose
 * header lists the Okta sources for each rule of the evaluation.
 */
import type { PolicyRecord, RuleRecord } from '../../ports/policies.js';
import type { OAuthError } from '../oauth-errors.js';
import type { DecisionTrace, PolicyTrace, RuleTrace } from '../trace.js';

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
  /** Where the policies part of a trace is kept for the next requests that make the same one (without it, made anew). */
  traces?: PolicyTraceCache;
}

/**
 * Keeps the policies part of the traces the engine makes. Once a policy applies to a client, that
 * part is a function of the policies, the client and the applicable policy's rule traces: for the
 * same `policies` array (the same object: the configuration as one snapshot holds it), the same
 * client and equal rule traces, `get` answers the array `make` built the first time, deeply frozen.
 * With 100 policies on a server it is 101 objects and a few kilobytes of JSON that every token
 * request of a client would make, and store, again.
 */
export interface PolicyTraceCache {
  get(
    policies: readonly EvaluatedPolicy[],
    clientId: string,
    rules: readonly RuleTrace[],
    make: () => PolicyTrace[],
  ): PolicyTrace[];
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
