/**
 * A protocol event as the sandbox API sends it (`/api/sandbox/v1/events`): every field, `time` in
 * ISO 8601, the wire error, the private `detail` (this API serves the developer and the UI, never
 * an OAuth client) and the decision trace. Shared by the server's presenter and the renderer.
 */
import type { DecisionTrace } from './trace.js';

export type EventOutcome = 'success' | 'failure';

export interface ProtocolEventDto {
  id: string;
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
  trace: DecisionTrace | null;
}
