/**
 * An event as the sandbox API shows it: every field, `time` in ISO 8601, and the private `detail`
 * (this API serves the developer and the UI, never an OAuth client).
 */
import type { ProtocolEvent } from '../../core/protocol/events.js';
import type { DecisionTrace } from '../../core/protocol/trace.js';

export interface EventJson {
  id: string;
  time: string;
  endpoint: string;
  serverId: string | null;
  clientId: string | null;
  userId: string | null;
  grantType: string | null;
  outcome: 'success' | 'failure';
  error: string | null;
  errorDescription: string | null;
  detail: string | null;
  trace: DecisionTrace | null;
}

export function presentEvent(event: ProtocolEvent): EventJson {
  return {
    id: event.id,
    time: event.time.toISOString(),
    endpoint: event.endpoint,
    serverId: event.serverId,
    clientId: event.clientId,
    userId: event.userId,
    grantType: event.grantType,
    outcome: event.outcome,
    error: event.error,
    errorDescription: event.errorDescription,
    detail: event.detail,
    trace: event.trace,
  };
}
