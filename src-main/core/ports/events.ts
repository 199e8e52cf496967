/**
 * The event log of protocol requests: one entry per request, with the wire-safe error and the
 * private detail, the decision trace and the exchange as it went over the wire. Kept in SQLite with
 * a bounded size (`store/event-repository.ts` implements the port).
 */
import type { EventExchange } from '../../contracts/events.js';
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
  /** The request and the response, secrets masked and tokens shortened. */
  exchange: EventExchange | null;
  /** The `jti` of every JWT the request presented or the response issued. */
  jtis: string[];
  /** The token family the request's tokens belong to. */
  familyId: string | null;
}

type Captured = 'exchange' | 'jtis' | 'familyId';
export type NewProtocolEvent = Omit<ProtocolEvent, 'id' | 'time' | Captured> & Partial<Pick<ProtocolEvent, Captured>>;

export interface EventFilter {
  serverId?: string;
  clientId?: string;
  userId?: string;
  endpoint?: string;
  outcome?: 'success' | 'failure';
  /** Only events that presented or issued the JWT with this `jti`. */
  jti?: string;
  /** Only events newer than this event id (the stream's resume point, and paging). */
  after?: string;
  limit: number;
}

/** What the protocol endpoints write to and the sandbox API reads from. */
export interface EventRecorder {
  record(event: NewProtocolEvent): ProtocolEvent;
}

export interface EventRepository {
  /**
   * Inserts the event and keeps only the newest `keep` events, in one transaction: the older ones
   * are no longer read, and deleted (at once or in batches).
   */
  insert(event: ProtocolEvent, keep: number): void;
  /**
   * Newest first. With `after`, the `limit` events right after it (so paging forward leaves no
   * gap); an `after` that is no longer kept (or never was) counts as older than every event.
   */
  list(filter: EventFilter): ProtocolEvent[];
  get(id: string): ProtocolEvent | undefined;
  /** The oldest kept event of a token family, not counting client_credentials token events (such a family is never redeemed): the one that decided its scopes and lifetimes. */
  firstOfFamily(familyId: string): ProtocolEvent | undefined;
  /**
   * The id and endpoint of `firstOfFamily`'s event, read from its small row alone (no trace, no
   * exchange, no jtis): what links a decision whose policy and rule the grant kept.
   */
  firstOfFamilyHead(familyId: string): { id: string; endpoint: string } | undefined;
}
