/**
 * The event log keeps the stored text and SHA-256 of a deeply frozen policies part (the policy
 * engine's kept one, `PolicyTraces`): the events that share that very array are stored without
 * writing it out and hashing it again, and read back the same trace. An array that could still
 * change (not frozen, or frozen with a policy that is not) is written out for every event.
 */
import * as crypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProtocolEvent } from '../../../src-main/core/ports/events.js';
import type { DecisionTrace, PolicyTrace } from '../../../src-main/core/protocol/trace.js';
import { openDatabase } from '../../../src-main/store/database.js';
import { SqliteEventRepository } from '../../../src-main/store/event-repository.js';
import { eventWith } from './event-fixtures.js';

vi.mock('node:crypto', async (original) => {
  const actual = await original<typeof crypto>();
  return { ...actual, hash: vi.fn(actual.hash) };
});

let store: SqliteEventRepository;
let n = 0;
beforeEach(() => {
  store = new SqliteEventRepository(openDatabase(':memory:'));
  vi.mocked(crypto.hash).mockClear();
});

const skipped = (i: number): PolicyTrace => ({
  id: `00pSkipped${i}`,
  name: `Policy ${i}`,
  priority: i + 1,
  outcome: 'skipped',
  reason: "client 0oaClient is not in the policy's clients",
  rules: [],
});
const matched = (): PolicyTrace => ({
  id: '00pMatched',
  name: 'Matched',
  priority: 101,
  outcome: 'matched',
  reason: 'first ACTIVE policy that applies to client 0oaClient',
  rules: [{ id: '0prRule', name: 'Rule', priority: 1, outcome: 'matched' }],
});
const policies = () => [...Array.from({ length: 100 }, (_, i) => skipped(i)), matched()];

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Stores an event whose trace has `parts` as its policies; returns it read back. */
function roundTrip(parts: readonly PolicyTrace[]): ProtocolEvent {
  n++;
  const trace: DecisionTrace = {
    policies: parts as PolicyTrace[],
    scopes: { requested: ['a'], granted: ['a'], denied: [] },
  };
  const event = eventWith(n, trace);

  store.insert(event, 100);
  const read = store.get(event.id)!;
  expect(read.trace).toEqual(trace);
  expect(JSON.stringify(read.trace)).toBe(JSON.stringify(trace));
  return read;
}

describe('a deeply frozen policies part', () => {
  it('is written out and hashed once for all the events that share it', () => {
    const kept = deepFreeze(policies());
    for (let i = 0; i < 3; i++) roundTrip(kept);
    expect(crypto.hash).toHaveBeenCalledTimes(1);
  });

  it('is written out again for each event when it could still change', () => {
    for (let i = 0; i < 2; i++) roundTrip(policies());
    const frozenArray = Object.freeze(policies());
    roundTrip(frozenArray);
    roundTrip(frozenArray);
    const oneMutable = deepFreeze(policies());
    // A copy whose matched policy's rules could still change.
    const withMutableRules = Object.freeze([...oneMutable.slice(0, 100), Object.freeze({ ...matched() })]);
    roundTrip(withMutableRules);
    roundTrip(withMutableRules);
    expect(crypto.hash).toHaveBeenCalledTimes(6);
  });
});
