/**
 * How the event log stores a decision trace: policies skipped before any rule ran are kept short
 * (their reason once for all), and reading the event gives back the very trace that was recorded,
 * keys in the same order, so the events API answers the same text.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ProtocolEvent } from '../../../src-main/core/ports/events.js';
import type { DecisionTrace } from '../../../src-main/core/protocol/trace.js';
import { openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';
import { SqliteEventRepository } from '../../../src-main/store/event-repository.js';

let db: Db;
let store: SqliteEventRepository;

beforeEach(() => {
  db = openDatabase(':memory:');
  store = new SqliteEventRepository(db);
});

const skipped = (i: number, client = '0oaClient') => ({
  id: `00pSkipped${i}`,
  name: `Loaded policy ${i}`,
  priority: i + 1,
  outcome: 'skipped' as const,
  reason: `client ${client} is not in the policy's clients`,
  rules: [],
});

/** Stores an event with `trace`; returns the stored text and the event read back. */
function roundTrip(trace: DecisionTrace): { stored: string; read: ProtocolEvent } {
  const event: ProtocolEvent = {
    id: 'evt00000000000000001',
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
  store.insert(event, 100);
  const { trace: stored } = db.prepare('SELECT trace FROM events WHERE id = ?').get(event.id) as { trace: string };
  return { stored, read: store.get(event.id)! };
}

describe('a stored decision trace', () => {
  it('keeps skipped policies short and reads back the same trace, keys in the same order', () => {
    const trace: DecisionTrace = {
      policies: [
        ...Array.from({ length: 100 }, (_, i) => skipped(i)),
        skipped(100, '0oaOther'),
        {
          id: '00pMatched',
          name: 'Bench policy',
          priority: 102,
          outcome: 'matched',
          reason: 'first ACTIVE policy that applies to client 0oaClient',
          rules: [{ id: '0prRule', name: 'Bench rule', priority: 1, outcome: 'matched' }],
        },
        { id: '00pLater', name: 'Later', priority: 103, outcome: 'not-evaluated', rules: [] },
      ],
      scopes: { requested: ['bench:read'], granted: ['bench:read'], denied: [] },
      lifetimes: { accessToken: 60, refreshToken: 0, refreshWindow: 10080 },
      claims: [],
    };
    const { stored, read } = roundTrip(trace);
    expect(JSON.stringify(read.trace)).toBe(JSON.stringify(trace));
    expect(stored.length).toBeLessThan(JSON.stringify(trace).length / 2);
    expect(JSON.parse(stored).skippedReasons).toEqual([
      "client 0oaClient is not in the policy's clients",
      "client 0oaOther is not in the policy's clients",
    ]);
  });

  it('stores a trace without such policies as it is', () => {
    const trace: DecisionTrace = {
      policies: [
        {
          id: '00pSkippedRules',
          name: 'Rules ran',
          priority: 1,
          outcome: 'skipped',
          reason: 'no rule matched',
          rules: [{ id: '0prA', name: 'A', priority: 1, outcome: 'skipped', reason: 'grant type' }],
        },
      ],
    };
    const { stored, read } = roundTrip(trace);
    expect(stored).toBe(JSON.stringify(trace));
    expect(read.trace).toEqual(trace);
  });
});
