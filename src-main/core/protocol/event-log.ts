/**
 * The event log of protocol requests: every protocol endpoint records one event per request; the
 * sandbox API lists them, reads one and streams new ones. Kept bounded: the store drops the oldest
 * events beyond `capacity` in the same write as each insert. An event whose trace redeemed an
 * earlier decision (a code exchange, a refresh) is linked to the first event of its token family.
 */
import { NotFound, ValidationFailed } from '../errors.js';
import type { Clock, Crypto } from '../ports/runtime.js';
import type { EventFilter, EventRecorder, NewProtocolEvent, ProtocolEvent, EventRepository } from '../ports/events.js';
import type { DecisionTrace } from './trace.js';
import { timeOrderedId } from '../time-ordered-id.js';

/** Events kept when the constructor is not told otherwise. */
export const DEFAULT_EVENT_CAPACITY = 10_000;
export const MAX_EVENT_LIMIT = 200;
export const DEFAULT_EVENT_LIMIT = 50;

/** The filters of `EventFilter` without paging: what a live stream is narrowed by. */
export type EventCriteria = Omit<EventFilter, 'limit' | 'after'>;

/** True when `event` passes every filter that `criteria` sets. */
export function matchesCriteria(event: ProtocolEvent, criteria: EventCriteria): boolean {
  return (
    (criteria.serverId === undefined || event.serverId === criteria.serverId) &&
    (criteria.clientId === undefined || event.clientId === criteria.clientId) &&
    (criteria.userId === undefined || event.userId === criteria.userId) &&
    (criteria.endpoint === undefined || event.endpoint === criteria.endpoint) &&
    (criteria.outcome === undefined || event.outcome === criteria.outcome) &&
    (criteria.jti === undefined || event.jtis.includes(criteria.jti))
  );
}

export type EventListener = (event: ProtocolEvent) => void;

export interface EventLogDeps {
  store: EventRepository;
  crypto: Crypto;
  clock: Clock;
  /** How many events to keep (default 10,000). */
  capacity?: number;
  /** Told when a listener throws; recording goes on regardless. */
  onListenerError?: (error: unknown) => void;
  /**
   * When listeners are told of an event recorded inside a group commit: after the commit (a live
   * stream must not show an event that a failed commit then drops). Without it, at once.
   */
  afterCommit?: (notify: () => void) => void;
}

export class EventLog implements EventRecorder {
  private readonly listeners = new Set<EventListener>();
  private readonly capacity: number;

  constructor(private readonly deps: EventLogDeps) {
    this.capacity = deps.capacity ?? DEFAULT_EVENT_CAPACITY;
  }

  /** Stores the event with a new `evt…` id (ordered by time) and the clock's time, then tells every listener once it is committed. */
  record(input: NewProtocolEvent): ProtocolEvent {
    const time = this.deps.clock.now();
    const event: ProtocolEvent = {
      ...input,
      exchange: input.exchange ?? null,
      jtis: [...new Set(input.jtis ?? [])].sort(),
      familyId: input.familyId ?? null,
      trace: this.linkDecision(input.trace),
      id: timeOrderedId(this.deps.crypto, 'evt', time),
      time,
    };
    this.deps.store.insert(event, this.capacity);
    if (this.deps.afterCommit) this.deps.afterCommit(() => this.notify(event));
    else this.notify(event);
    return event;
  }

  private notify(event: ProtocolEvent): void {
    for (const listener of [...this.listeners]) {
      // A broken stream must never fail the protocol request that produced the event.
      try {
        listener(event);
      } catch (error) {
        this.deps.onListenerError?.(error);
      }
    }
  }

  /**
   * Fills in the event that made a redeemed decision (the oldest kept event of its family) and its
   * policy and rule. A grant that kept the policy and rule (an authorization code does) needs only
   * the event's id and endpoint, not its trace: its small row is read alone.
   */
  private linkDecision(trace: DecisionTrace | null): DecisionTrace | null {
    const redeemed = trace?.redeemed;
    if (!trace || !redeemed || redeemed.eventId !== null) return trace;
    if (redeemed.policyId !== null && redeemed.ruleId !== null) {
      const head = this.deps.store.firstOfFamilyHead(redeemed.familyId);
      return head ? { ...trace, redeemed: { ...redeemed, eventId: head.id, endpoint: head.endpoint } } : trace;
    }
    const decision = this.deps.store.firstOfFamily(redeemed.familyId);
    if (!decision) return trace;
    const policy = decision.trace?.policies.find((p) => p.outcome === 'matched');
    const rule = policy?.rules.find((r) => r.outcome === 'matched');
    return {
      ...trace,
      redeemed: {
        ...redeemed,
        eventId: decision.id,
        endpoint: decision.endpoint,
        policyId: redeemed.policyId ?? policy?.id ?? null,
        ruleId: redeemed.ruleId ?? rule?.id ?? null,
      },
    };
  }

  /** Events matching every given filter, newest first; `limit` must be 1–200. */
  list(filter: EventFilter): ProtocolEvent[] {
    if (!Number.isInteger(filter.limit) || filter.limit < 1 || filter.limit > MAX_EVENT_LIMIT) {
      throw new ValidationFailed([{ field: 'limit', message: `must be an integer from 1 to ${MAX_EVENT_LIMIT}` }]);
    }
    return this.deps.store.list(filter);
  }

  /** Every kept event newer than `after` that matches `criteria`, oldest first: what a resuming stream missed. */
  newerThan(after: string, criteria: EventCriteria = {}): ProtocolEvent[] {
    const events: ProtocolEvent[] = [];
    let cursor = after;
    for (;;) {
      const page = this.list({ ...criteria, limit: MAX_EVENT_LIMIT, after: cursor }).reverse();
      events.push(...page);
      if (page.length < MAX_EVENT_LIMIT) return events;
      cursor = page[page.length - 1]!.id;
    }
  }

  /** @throws NotFound "(Event)" for an unknown or dropped id. */
  get(id: string): ProtocolEvent {
    const event = this.deps.store.get(id);
    if (!event) throw new NotFound(id, 'Event');
    return event;
  }

  /** Calls `listener` with each event recorded from now on; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    // Wrapped so the same function subscribed twice is two subscriptions.
    const entry: EventListener = (event) => listener(event);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  /** How many listeners are subscribed (open streams); for tests and diagnostics. */
  get listenerCount(): number {
    return this.listeners.size;
  }
}
