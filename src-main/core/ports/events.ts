/**
 * The event log of protocol requests (issue 4 §7): one entry per request, with the wire-safe error
 * and the private detail, and the decision trace. Kept in SQLite with a bounded size
 * (`store/event-repository.ts` implements the port).
 */
import type { DecisionTrace } from '../protocol/trace.js';

export interface ProtocolEvent {
  id: string;
  time: Date;
  /** authorize, token, userinfo, introspect, revoke, logout, device/authorize, keys … */
  endpoint: string;
  serverId: string | null;
  clientId: string | null;
  userId: string | null;
  /** grant_type at /token, response_type at /authorize. */
  grantType: string | null;
  outcome: 'success' | 'failure';
  error: string | null;
  errorDescription: string | null;
  /** The private reason behind an error; never sent to an OAuth client. */
  detail: string | null;
  trace: DecisionTrace | null;
}

export type NewProtocolEvent = Omit<ProtocolEvent, 'id' | 'time'>;

export interface EventFilter {
  serverId?: string;
  clientId?: string;
  userId?: string;
  endpoint?: string;
  outcome?: 'success' | 'failure';
  /** Only events newer than this event id (the stream's resume point, and paging). */
  after?: string;
  limit: number;
}

/** What the protocol endpoints write to and the sandbox API reads from. */
export interface EventRecorder {
  record(event: NewProtocolEvent): ProtocolEvent;
}

export interface EventRepository {
  /** Inserts the event and deletes all but the newest `keep` events, in one transaction. */
  insert(event: ProtocolEvent, keep: number): void;
  /**
   * Newest first. With `after`, the `limit` events right after it (so paging forward leaves no
   * gap); an `after` that is no longer kept (or never was) counts as older than every event.
   */
  list(filter: EventFilter): ProtocolEvent[];
  get(id: string): ProtocolEvent | undefined;
}
