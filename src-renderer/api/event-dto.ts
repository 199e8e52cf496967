/** The sandbox event log's wire shapes and its list query, from contracts. */
export type {
  ClaimTrace as ClaimTraceDto,
  DecisionTrace as DecisionTraceDto,
  PolicyTrace as PolicyTraceDto,
} from '../../src-main/contracts/trace.js';
export type {
  RuleTrace as RuleTraceDto,
  ScopeTrace as ScopeTraceDto,
  TraceLifetimes as LifetimesDto,
  TraceOutcome,
} from '../../src-main/contracts/trace.js';
export type { EventOutcome, ProtocolEventDto } from '../../src-main/contracts/events.js';
export type { EventListQuery as EventFilter } from '../../src-main/contracts/routes.js';
