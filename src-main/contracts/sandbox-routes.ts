/**
 * The sandbox API's routes (`/api/sandbox/v1`): the protocol event log, its live stream, and the
 * expression and token previews. Part of `routes.ts`.
 */
import { claimsPreviewInput, expressionCheckInput, expressionPreviewInput } from './claims-preview.js';
import type { ClaimsPreviewDto, ExpressionCheckDto, ExpressionPreviewDto } from './claims-preview.js';
import type { EventOutcome, ProtocolEventDto } from './events.js';
import { inspectTokenInput } from './inspect.js';
import type { TokenInspectionDto } from './inspect.js';
import { shape } from './route-def.js';
import type { RouteDef } from './route-def.js';

/** The filters that narrow which events are listed or streamed. */
export interface EventCriteriaQuery {
  serverId?: string;
  clientId?: string;
  userId?: string;
  endpoint?: string;
  outcome?: EventOutcome;
}

/** A list request: the filters, the id to list below (`after`) and how many (`limit` 1–200, default 50). */
export interface EventListQuery extends EventCriteriaQuery {
  after?: string;
  limit?: number;
}

/** A stream replays the kept events newer than `after` (or the `Last-Event-ID` header) first. */
export interface EventStreamQuery extends EventCriteriaQuery {
  after?: string;
}

export const sandboxRoutes = {
  listEvents: {
    method: 'GET',
    path: '/api/sandbox/v1/events',
    query: shape<EventListQuery>(),
    response: shape<ProtocolEventDto[]>(),
  },
  // Each message's `id` is the event's id and its data the event.
  streamEvents: {
    method: 'GET',
    path: '/api/sandbox/v1/events/stream',
    query: shape<EventStreamQuery>(),
    stream: 'sse',
    event: 'protocol',
    response: shape<ProtocolEventDto>(),
  },
  getEvent: { method: 'GET', path: '/api/sandbox/v1/events/:id', response: shape<ProtocolEventDto>() },
  checkExpression: {
    method: 'POST',
    path: '/api/sandbox/v1/expressions/check',
    body: expressionCheckInput,
    response: shape<ExpressionCheckDto>(),
  },
  previewExpression: {
    method: 'POST',
    path: '/api/sandbox/v1/expressions/evaluate',
    body: expressionPreviewInput,
    response: shape<ExpressionPreviewDto>(),
  },
  previewClaims: {
    method: 'POST',
    path: '/api/sandbox/v1/authorizationServers/:serverId/claims/preview',
    body: claimsPreviewInput,
    response: shape<ClaimsPreviewDto>(),
  },
  inspectToken: {
    method: 'POST',
    path: '/api/sandbox/v1/tokens/inspect',
    body: inspectTokenInput,
    response: shape<TokenInspectionDto>(),
  },
} as const satisfies Record<string, RouteDef>;
