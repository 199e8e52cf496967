/**
 * The sandbox event log as `/api/sandbox/v1/events` sends it: one protocol request with its wire
 * error, the private `detail` and the decision trace. The renderer may import only contracts, and
 * this shape lives in core/http, so it is restated here (keep in step with
 * `src-main/http/sandbox/event-presenter.ts` and `src-main/core/protocol/trace.ts`).
 */
export type TraceOutcome = 'matched' | 'skipped' | 'not-evaluated';

export interface RuleTraceDto {
  id: string;
  name: string;
  priority: number;
  outcome: TraceOutcome;
  reason?: string;
}

export interface PolicyTraceDto {
  id: string;
  name: string;
  priority: number;
  outcome: TraceOutcome;
  reason?: string;
  rules: RuleTraceDto[];
}

export interface ScopeTraceDto {
  requested: string[];
  granted: string[];
  denied: string[];
}

export interface ClaimTraceDto {
  name: string;
  token: 'access_token' | 'id_token' | 'userinfo';
  source: string;
  expression?: string;
  value?: unknown;
  omitted?: string;
}

export interface LifetimesDto {
  accessToken: number;
  refreshToken: number;
  refreshWindow: number;
}

export interface DecisionTraceDto {
  policies: PolicyTraceDto[];
  scopes?: ScopeTraceDto;
  claims?: ClaimTraceDto[];
  /** Minutes, from the matched rule. */
  lifetimes?: LifetimesDto;
}

export type EventOutcome = 'success' | 'failure';

export interface ProtocolEventDto {
  id: string;
  /** ISO 8601. */
  time: string;
  endpoint: string;
  serverId: string | null;
  clientId: string | null;
  userId: string | null;
  grantType: string | null;
  outcome: EventOutcome;
  error: string | null;
  errorDescription: string | null;
  /** The private reason behind an error; the OAuth client never sees it. */
  detail: string | null;
  trace: DecisionTraceDto | null;
}

/** The list filters of `GET /api/sandbox/v1/events` (all optional; `limit` 1–200, default 50). */
export interface EventFilter {
  serverId?: string;
  clientId?: string;
  userId?: string;
  endpoint?: string;
  outcome?: EventOutcome;
  after?: string;
  limit?: number;
}

export interface StreamEventsOptions {
  /** Replay the events newer than this id first (the server's `?after=`). */
  after?: string;
  /** Aborting ends the stream; the returned promise then resolves. */
  signal: AbortSignal;
  /** Called once the server has answered 200 and the stream is open. */
  onOpen?: () => void;
  onEvent: (event: ProtocolEventDto) => void;
}
