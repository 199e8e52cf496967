/** The sandbox event log's wire shapes (from contracts) and the renderer's own query options. */
export type { ClaimTrace as ClaimTraceDto, DecisionTrace as DecisionTraceDto, PolicyTrace as PolicyTraceDto } from '../../src-main/contracts/trace.js';
export type { RuleTrace as RuleTraceDto, ScopeTrace as ScopeTraceDto, TraceLifetimes as LifetimesDto, TraceOutcome } from '../../src-main/contracts/trace.js';
export type { EventOutcome, ProtocolEventDto } from '../../src-main/contracts/events.js';
import type { EventOutcome, ProtocolEventDto } from '../../src-main/contracts/events.js';

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
