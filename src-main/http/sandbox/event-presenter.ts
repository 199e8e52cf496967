/**
 * An event as the sandbox API shows it: every field, `time` in ISO 8601, and the private `detail`
 * (this API serves the developer and the UI, never an OAuth client).
 */
import type { ProtocolEvent } from '../../core/ports/events.js';
import type { ProtocolEventDto } from '../../contracts/events.js';

export function presentEvent(event: ProtocolEvent): ProtocolEventDto {
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
