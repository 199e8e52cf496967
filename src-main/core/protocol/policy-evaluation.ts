/**
 * The contract of Okta's access-policy evaluation (reference §1.4): the shapes the protocol
 * endpoints pass in and get back. The engine itself is `evaluatePolicies` in `evaluate.ts`.
 */
import type { PolicyRecord, RuleRecord } from '../policy-ports.js';
import type { OAuthError } from './oauth-errors.js';
import type { DecisionTrace } from './trace.js';

export interface EvaluationInput {
  grantType: string;
  clientId: string;
  /** The signed-in user with every group they are in (Everyone included); null for client_credentials. */
  user: { id: string; groupIds: string[] } | null;
  /** The `scope` parameter split on spaces; null when the request sent none. */
  requestedScopes: string[] | null;
  /** `Policies.policiesForEvaluation(serverId)`: every policy in priority order with its rules. */
  policies: (PolicyRecord & { rules: RuleRecord[] })[];
  /** The server's scopes (names and whether each is a default scope). */
  serverScopes: { name: string; isDefault: boolean }[];
}

export interface Lifetimes {
  accessTokenMinutes: number;
  /** 0 = unlimited. */
  refreshTokenMinutes: number;
  refreshWindowMinutes: number;
}

export type EvaluationResult =
  | { ok: true; policyId: string; ruleId: string; scopes: string[]; lifetimes: Lifetimes; trace: DecisionTrace }
  | { ok: false; error: OAuthError; trace: DecisionTrace };
