/**
 * The EventLog service over an in-memory store: ids and times from the ports, the limit range,
 * NotFound for an unknown id, the replay of missed events, and in-process subscriptions that a
 * throwing listener cannot break.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NotFound, ValidationFailed } from '../../../../src-main/core/errors.js';
import { EventLog, matchesCriteria } from '../../../../src-main/core/protocol/event-log.js';
import type {
  EventRepository,
  EventFilter,
  NewProtocolEvent,
  ProtocolEvent,
} from '../../../../src-main/core/ports/events.js';
import type { DecisionTrace } from '../../../../src-main/core/protocol/trace.js';
import { FakeClock, FakeCrypto } from '../fakes.js';

/** The SQLite store's semantics in memory (see SqliteEventRepository). */
class MemoryEventRepository implements EventRepository {
  events: ProtocolEvent[] = [];

  insert(event: ProtocolEvent, keep: number): void {
    this.events = [...this.events, event].slice(-keep);
  }

  list(filter: EventFilter): ProtocolEvent[] {
    const from = filter.after === undefined ? -1 : this.events.findIndex((e) => e.id === filter.after);
    const rows = this.events.slice(from + 1).filter((e) => matchesCriteria(e, filter));
    return (filter.after === undefined ? rows.slice(-filter.limit) : rows.slice(0, filter.limit)).reverse();
  }

  get(id: string): ProtocolEvent | undefined {
    return this.events.find((e) => e.id === id);
  }

  /** Which read `linkDecision` made: the whole event or its small row. */
  reads: ('event' | 'head')[] = [];

  firstOfFamily(familyId: string): ProtocolEvent | undefined {
    this.reads.push('event');
    return this.events.find((e) => e.familyId === familyId);
  }

  firstOfFamilyHead(familyId: string): { id: string; endpoint: string } | undefined {
    this.reads.push('head');
    const event = this.events.find((e) => e.familyId === familyId);
    return event && { id: event.id, endpoint: event.endpoint };
  }
}

const input: NewProtocolEvent = {
  endpoint: 'token',
  serverId: 'ausA',
  clientId: 'client1',
  userId: null,
  grantType: 'client_credentials',
  outcome: 'success',
  error: null,
  errorDescription: null,
  detail: null,
  trace: null,
};

let store: MemoryEventRepository;
let clock: FakeClock;
let log: EventLog;

beforeEach(() => {
  store = new MemoryEventRepository();
  clock = new FakeClock(new Date('2024-05-01T10:00:00Z'));
  log = new EventLog({ store, crypto: new FakeCrypto(), clock });
});

describe('EventLog.record', () => {
  it('gives the event an evt id and the clock time, and stores it', () => {
    const event = log.record(input);
    expect(event).toEqual({
      ...input,
      exchange: null,
      jtis: [],
      familyId: null,
      // The time in base 62 (ids sort by time), then FakeCrypto's counter.
      id: 'evtUBW0xSi0000000001',
      time: new Date('2024-05-01T10:00:00Z'),
    });
    clock.set(new Date('2024-05-01T10:05:00Z'));
    expect(log.record(input).time).toEqual(new Date('2024-05-01T10:05:00Z'));
    expect(store.events).toHaveLength(2);
  });

  it('keeps 10,000 events by default, or the capacity it is given', () => {
    const insert = vi.spyOn(store, 'insert');
    log.record(input);
    expect(insert).toHaveBeenLastCalledWith(expect.anything(), 10_000);
    const small = new EventLog({ store, crypto: new FakeCrypto(), clock, capacity: 3 });
    for (let i = 0; i < 5; i++) small.record(input);
    expect(store.events).toHaveLength(3);
  });
});

describe('EventLog.record of a redeemed decision', () => {
  const matched = {
    id: 'polA',
    name: 'A',
    priority: 1,
    outcome: 'matched',
    rules: [{ id: 'rulA', name: 'R', priority: 1, outcome: 'matched' }],
  };
  const decision: NewProtocolEvent = {
    ...input,
    endpoint: 'authorize',
    grantType: null,
    familyId: 'tfmA',
    trace: {
      policies: [matched],
      scopes: { requested: ['openid'], granted: ['openid'], denied: [] },
      lifetimes: { accessToken: 60, refreshToken: 0, refreshWindow: 10080 },
    } as unknown as DecisionTrace,
  };
  const redeeming = (policyId: string | null, ruleId: string | null): NewProtocolEvent => ({
    ...input,
    grantType: 'authorization_code',
    familyId: 'tfmA',
    trace: {
      policies: [],
      scopes: { requested: ['openid'], granted: ['openid'], denied: [] },
      lifetimes: { accessToken: 60, refreshToken: 0, refreshWindow: 10080 },
      redeemed: {
        familyId: 'tfmA',
        eventId: null,
        endpoint: null,
        policyId,
        ruleId,
        scopes: ['openid'],
        lifetimes: { accessToken: 60, refreshToken: 0, refreshWindow: 10080 },
      },
    },
  });

  it('links a decision whose policy and rule the grant kept by the small row of the first event alone', () => {
    const first = log.record(decision);
    const linked = log.record(redeeming('polA', 'rulA'));
    expect(store.reads).toEqual(['head']);
    expect(linked.trace?.redeemed).toMatchObject({
      eventId: first.id,
      endpoint: 'authorize',
      policyId: 'polA',
      ruleId: 'rulA',
    });
  });

  it('reads the first event whole for a decision without its policy and rule (a refresh), and takes them from its trace', () => {
    const first = log.record(decision);
    const linked = log.record(redeeming(null, null));
    expect(store.reads).toEqual(['event']);
    expect(linked.trace?.redeemed).toMatchObject({
      eventId: first.id,
      endpoint: 'authorize',
      policyId: 'polA',
      ruleId: 'rulA',
    });
  });

  it('leaves the link empty when the log no longer keeps the first event of the family', () => {
    const linked = log.record(redeeming('polA', 'rulA'));
    expect(linked.trace?.redeemed).toMatchObject({ eventId: null, endpoint: null, policyId: 'polA', ruleId: 'rulA' });
  });
});

describe('EventLog.list and get', () => {
  it('accepts a limit from 1 to 200 and refuses anything else, naming limit', () => {
    log.record(input);
    expect(log.list({ limit: 1 })).toHaveLength(1);
    expect(log.list({ limit: 200 })).toHaveLength(1);
    for (const limit of [0, 201, 1.5, NaN]) {
      expect(() => log.list({ limit })).toThrow(ValidationFailed);
    }
    expect(() => log.list({ limit: 0 })).toThrow('Api validation failed: limit');
  });

  it('gets one event, or throws NotFound (Event)', () => {
    const event = log.record(input);
    expect(log.get(event.id)).toEqual(event);
    expect(() => log.get('evtNOPE')).toThrow(NotFound);
    expect(() => log.get('evtNOPE')).toThrow('Resource not found: evtNOPE (Event)');
  });

  it('replays every matching event newer than an id, oldest first, across pages of 200', () => {
    const first = log.record(input);
    const later = Array.from({ length: 450 }, (_, i) => log.record({ ...input, clientId: i % 2 ? 'odd' : 'even' }));
    expect(log.newerThan(first.id).map((e) => e.id)).toEqual(later.map((e) => e.id));
    expect(log.newerThan(first.id, { clientId: 'odd' })).toHaveLength(225);
    expect(log.newerThan(later[449]!.id)).toEqual([]);
  });
});

describe('EventLog.subscribe', () => {
  it('tells each listener about every recorded event until it unsubscribes', () => {
    const seen: string[] = [];
    const unsubscribe = log.subscribe((e) => seen.push(e.id));
    expect(log.listenerCount).toBe(1);
    const a = log.record(input);
    unsubscribe();
    log.record(input);
    expect(seen).toEqual([a.id]);
    expect(log.listenerCount).toBe(0);
    unsubscribe();
    expect(log.listenerCount).toBe(0);
  });

  it('tells listeners of an event only when the store says it is committed (afterCommit), and not if it never is', () => {
    const waiting: (() => void)[] = [];
    log = new EventLog({ store, crypto: new FakeCrypto(), clock, afterCommit: (notify) => waiting.push(notify) });
    const seen: string[] = [];
    log.subscribe((e) => seen.push(e.id));
    const committed = log.record(input);
    log.record(input);
    expect(store.events).toHaveLength(2);
    expect(seen).toEqual([]);
    waiting[0]!();
    expect(seen).toEqual([committed.id]);
  });

  it('treats the same function subscribed twice as two subscriptions', () => {
    const listener = vi.fn();
    const first = log.subscribe(listener);
    log.subscribe(listener);
    first();
    log.record(input);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('records and tells the other listeners even when one throws, and reports the error', () => {
    const errors: unknown[] = [];
    log = new EventLog({ store, crypto: new FakeCrypto(), clock, onListenerError: (e) => errors.push(e) });
    const after = vi.fn();
    log.subscribe(() => {
      throw new Error('stream gone');
    });
    log.subscribe(after);
    const event = log.record(input);
    expect(store.events).toEqual([event]);
    expect(after).toHaveBeenCalledWith(event);
    expect(errors).toEqual([new Error('stream gone')]);
  });

  it('lets a listener unsubscribe itself while being told', () => {
    const calls: string[] = [];
    const unsubscribe = log.subscribe(() => {
      calls.push('self');
      unsubscribe();
    });
    log.subscribe(() => calls.push('other'));
    log.record(input);
    log.record(input);
    expect(calls).toEqual(['self', 'other', 'other']);
  });
});
