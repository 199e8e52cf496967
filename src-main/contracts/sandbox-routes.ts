/**
 * The sandbox API's routes (`/api/sandbox/v1`): the protocol event log, its live stream, and the
 * expression and token previews. Part of `routes.ts`.
 */
import { claimsPreviewInput, expressionCheckInput, expressionPreviewInput } from './claims-preview.js';
import type { ClaimsPreviewDto, ExpressionCheckDto, ExpressionPreviewDto } from './claims-preview.js';
import type { EventOutcome, EventReadQuery, ProtocolEventDto } from './events.js';
import { flowAdvanceInput, flowCallbackInput, flowFollowUpInput, flowRunInput } from './flow-run.js';
import type { FlowOptionsDto, FlowRunDto, FlowRunSummaryDto } from './flow-run.js';
import { inspectTokenInput } from './inspect.js';
import type { TokenInspectionDto } from './inspect.js';
import { shape } from './route-def.js';
import type { ImportSummaryDto, SandboxDocumentInput } from './sandbox-document.js';
import type { RouteDef } from './route-def.js';
import { securitySettingsInput } from './security-settings.js';
import type { SecuritySettingsDto } from './security-settings.js';

/** The filters that narrow which events are listed or streamed. */
export interface EventCriteriaQuery {
  serverId?: string;
  clientId?: string;
  userId?: string;
  endpoint?: string;
  outcome?: EventOutcome;
  /** Events that presented or issued the JWT with this `jti`. */
  jti?: string;
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

/** `serverId`: one server and what it references; `withKeys=true`: the private signing keys too. */
export interface ExportQuery {
  serverId?: string;
  withKeys?: 'true' | 'false';
}

/** `mode` merge (default) or replace; `dryRun=true` checks and summarizes without writing. */
export interface ImportQuery {
  mode?: 'merge' | 'replace';
  dryRun?: 'true' | 'false';
}

export const sandboxRoutes = {
  exportSandbox: {
    method: 'GET',
    path: '/api/sandbox/v1/export',
    query: shape<ExportQuery>(),
    response: shape<SandboxDocumentInput>(),
  },
  // A refused document is 400 E0000001 with one cause per fault, `<JSON path>: <what is wrong>`.
  importSandbox: {
    method: 'POST',
    path: '/api/sandbox/v1/import',
    query: shape<ImportQuery>(),
    body: shape<unknown>(),
    response: shape<ImportSummaryDto>(),
    bodyLimit: 64 * 1024 * 1024,
  },
  // The demo (examples/demo.json) merged into the sandbox; refused like an import if anything collides.
  loadDemo: { method: 'POST', path: '/api/sandbox/v1/demo', response: shape<ImportSummaryDto>() },
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
  getEvent: {
    method: 'GET',
    path: '/api/sandbox/v1/events/:id',
    query: shape<EventReadQuery>(),
    response: shape<ProtocolEventDto>(),
  },
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
  // The Flow Runner's runs. Every answer with a run masks secrets, codes and tokens unless `reveal=true`.
  flowOptions: {
    method: 'GET',
    path: '/api/sandbox/v1/apps/:appId/flowOptions',
    response: shape<FlowOptionsDto>(),
  },
  listFlowRuns: { method: 'GET', path: '/api/sandbox/v1/flowRuns', response: shape<FlowRunSummaryDto[]>() },
  createFlowRun: {
    method: 'POST',
    path: '/api/sandbox/v1/flowRuns',
    body: flowRunInput,
    query: shape<RevealQuery>(),
    response: shape<FlowRunDto>(),
  },
  getFlowRun: {
    method: 'GET',
    path: '/api/sandbox/v1/flowRuns/:id',
    query: shape<RevealQuery>(),
    response: shape<FlowRunDto>(),
  },
  deleteFlowRun: { method: 'DELETE', path: '/api/sandbox/v1/flowRuns/:id', response: shape<void>() },
  advanceFlowRun: {
    method: 'POST',
    path: '/api/sandbox/v1/flowRuns/:id/advance',
    body: flowAdvanceInput,
    query: shape<RevealQuery>(),
    response: shape<FlowRunDto>(),
  },
  deliverFlowCallback: {
    method: 'POST',
    path: '/api/sandbox/v1/flowRuns/:id/callback',
    body: flowCallbackInput,
    query: shape<RevealQuery>(),
    response: shape<FlowRunDto>(),
  },
  followUpFlowRun: {
    method: 'POST',
    path: '/api/sandbox/v1/flowRuns/:id/followUps',
    body: flowFollowUpInput,
    query: shape<RevealQuery>(),
    response: shape<FlowRunDto>(),
  },
  rerunFlowRun: {
    method: 'POST',
    path: '/api/sandbox/v1/flowRuns/:id/again',
    query: shape<RevealQuery>(),
    response: shape<FlowRunDto>(),
  },
  inspectToken: {
    method: 'POST',
    path: '/api/sandbox/v1/tokens/inspect',
    body: inspectTokenInput,
    response: shape<TokenInspectionDto>(),
  },
  // The Security settings: the lockout threshold and the throttles; a PUT replaces all of them.
  getSecuritySettings: {
    method: 'GET',
    path: '/api/sandbox/v1/settings/security',
    response: shape<SecuritySettingsDto>(),
  },
  replaceSecuritySettings: {
    method: 'PUT',
    path: '/api/sandbox/v1/settings/security',
    body: securitySettingsInput,
    response: shape<SecuritySettingsDto>(),
  },
} as const satisfies Record<string, RouteDef>;

/** `reveal=true` shows secrets, codes and tokens in full. */
export interface RevealQuery {
  reveal?: boolean;
}
