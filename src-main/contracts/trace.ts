/**
 * The decision trace of one protocol request: which policies and rules were considered and why
 * each was skipped, which scopes were granted or denied, and where each claim came from.
 * The flow runner, the inspector and the event log all read this one shape.
 */
export type TraceOutcome = 'matched' | 'skipped' | 'not-evaluated';

/** Its fields are all compared where equal rule traces share a kept policies part (`app/policy-traces.ts`, `sameRules`): a field added here is added there. */
export interface RuleTrace {
  id: string;
  name: string;
  priority: number;
  outcome: TraceOutcome;
  /** Why it was skipped: the condition that failed, in words ("grant type password is not in [client_credentials]"). */
  reason?: string;
}

export interface PolicyTrace {
  id: string;
  name: string;
  priority: number;
  outcome: TraceOutcome;
  reason?: string;
  rules: RuleTrace[];
}

export interface ScopeTrace {
  requested: string[];
  granted: string[];
  denied: string[];
}

export interface ClaimTrace {
  name: string;
  token: 'access_token' | 'id_token' | 'userinfo';
  /** Which ID token: the thin one minted with an access token, or the full one requested alone (Okta "OpenID Connect & OAuth 2.0 API"). */
  idToken?: 'thin' | 'full';
  /** Where the value came from: "system", "scope profile", "claim <id> (EXPRESSION)", … */
  source: string;
  expression?: string;
  value?: unknown;
  /** Why the claim was left out (condition scopes not granted, INACTIVE, null value …). */
  omitted?: string;
}

export interface TraceLifetimes {
  accessToken: number;
  /** 0 = unlimited. */
  refreshToken: number;
  refreshWindow: number;
}

export interface DecisionTrace {
  policies: PolicyTrace[];
  scopes?: ScopeTrace;
  claims?: ClaimTrace[];
  /** Lifetimes taken from the matched rule, in minutes. */
  lifetimes?: TraceLifetimes;
  /**
   * A code exchange or a refresh evaluates no policy: it redeems the decision made when its token
   * family was opened (at /authorize, or at the /token request of the first grant).
   */
  redeemed?: RedeemedDecision;
}

export interface RedeemedDecision {
  /** The token family (an authorization code's id is its family's id). */
  familyId: string;
  /** The event that made the decision, while the event log still keeps it. */
  eventId: string | null;
  endpoint: string | null;
  policyId: string | null;
  ruleId: string | null;
  scopes: string[];
  lifetimes: TraceLifetimes;
}
