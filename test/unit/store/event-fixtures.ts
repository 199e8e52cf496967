/** An event for the event repository's tests: a client_credentials token's, with `trace`. */
import type { ProtocolEvent } from '../../../src-main/core/ports/events.js';
import type { DecisionTrace } from '../../../src-main/core/protocol/trace.js';

/** The event `evt…<n>` (its id padded to 20 characters) with `trace`. */
export function eventWith(n: number, trace: DecisionTrace | null): ProtocolEvent {
  return {
    id: `evt${String(n).padStart(17, '0')}`,
    time: new Date('2024-01-01T00:00:00Z'),
    endpoint: 'token',
    serverId: 'ausA',
    clientId: '0oaClient',
    userId: null,
    grantType: 'client_credentials',
    outcome: 'success',
    error: null,
    errorDescription: null,
    detail: null,
    trace,
    exchange: null,
    jtis: [],
    familyId: null,
  };
}
