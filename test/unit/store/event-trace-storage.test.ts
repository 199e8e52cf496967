/**
 * How the event log stores a decision trace: its policies as a text of their own, written once for
 * all the events that share it and deleted with the last of them, policies skipped before any rule
 * ran kept short (their reason once for all); reading the event gives back the very trace that was
 * recorded, keys in the same order, so the events API answers the same text.
 */
import type { Statement } from 'better-sqlite3';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProtocolEvent } from '../../../src-main/core/ports/events.js';
import type { DecisionTrace } from '../../../src-main/core/protocol/trace.js';
import { openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';
import { SqliteEventRepository } from '../../../src-main/store/event-repository.js';
import { eventWith } from './event-fixtures.js';

let db: Db;
let store: SqliteEventRepository;

beforeEach(() => {
  n = 0;
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

let n = 0;
/** An event `evt…<n>` with `trace`. */
const nextEventWith = (trace: DecisionTrace | null): ProtocolEvent => eventWith(++n, trace);

const policyTexts = () =>
  (db.prepare('SELECT policies FROM event_policies').pluck().all() as string[]).map(
    (text) => JSON.parse(text) as { policies: unknown[]; skippedReasons?: string[] },
  );

/** Stores an event with `trace`; returns the stored texts (the body's, the policies') and the event read back. */
function roundTrip(trace: DecisionTrace): { stored: string; policies: string | null; read: ProtocolEvent } {
  const event = nextEventWith(trace);
  store.insert(event, 100);
  const row = db
    .prepare(
      'SELECT body.trace, p.policies FROM events JOIN event_bodies AS body USING (seq) LEFT JOIN event_policies AS p ON p.hash = events.policies WHERE id = ?',
    )
    .get(event.id) as { trace: string; policies: string | null };
  return { stored: row.trace, policies: row.policies, read: store.get(event.id)! };
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
    const { stored, policies, read } = roundTrip(trace);
    expect(JSON.stringify(read.trace)).toBe(JSON.stringify(trace));
    expect(stored).toBe(JSON.stringify({ scopes: trace.scopes, lifetimes: trace.lifetimes, claims: [] }));
    expect(policies!.length).toBeLessThan(JSON.stringify(trace.policies).length / 2);
    expect(JSON.parse(policies!).skippedReasons).toEqual([
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
    const { stored, policies, read } = roundTrip(trace);
    expect(policies).toBe(JSON.stringify(trace));
    expect(stored).toBe('{}');
    expect(read.trace).toEqual(trace);
  });

  it('stores a trace whose first key is not policies whole, and reads it back with its keys in order', () => {
    const trace = { scopes: { requested: ['a'], granted: ['a'], denied: [] }, policies: [skipped(1)] } as DecisionTrace;
    const { stored, policies, read } = roundTrip(trace);
    expect(policies).toBeNull();
    expect(JSON.parse(stored)).toMatchObject({ scopes: trace.scopes, skippedReasons: [skipped(1).reason] });
    expect(JSON.stringify(read.trace)).toBe(JSON.stringify(trace));
  });

  it('writes the policies that events share once, and deletes them with the last event that refers to them', () => {
    const first: DecisionTrace = {
      policies: [skipped(1), skipped(2)],
      scopes: { requested: ['a'], granted: [], denied: [] },
    };
    const second: DecisionTrace = { policies: [skipped(3)], scopes: { requested: ['b'], granted: [], denied: [] } };
    const keep = 3;
    const events = [nextEventWith(first), nextEventWith({ ...first, scopes: second.scopes }), nextEventWith(first)];
    for (const event of events) store.insert(event, keep);
    expect(policyTexts()).toHaveLength(1);
    expect(events.map((e) => JSON.stringify(store.get(e.id)!.trace))).toEqual(
      events.map((e) => JSON.stringify(e.trace)),
    );
    // Two events of the second trace: the first trace is still referred to by the third event.
    store.insert(nextEventWith(second), keep);
    store.insert(nextEventWith(second), keep);
    expect(
      policyTexts()
        .map((p) => p.policies.length)
        .sort(),
    ).toEqual([1, 2]);
    // The third event deleted: the first trace's text goes with it; the second's stays.
    store.insert(nextEventWith(second), keep);
    expect(policyTexts()).toEqual([
      { policies: [[skipped(3).id, skipped(3).name, skipped(3).priority, 0]], skippedReasons: [skipped(3).reason] },
    ]);
    expect(store.list({ limit: 10 }).map((e) => JSON.stringify(e.trace))).toEqual(
      Array(3).fill(JSON.stringify(second)),
    );
  });

  it('deletes the policies texts of many deleted events at once, when each event had its own', () => {
    // Deleted ten at a time once 1,000 are kept: each batch leaves ten texts no kept event uses, each
    // of which a scan one by one would look for through every kept event.
    const oneByOne = vi.spyOn((store as unknown as { sweepPolicy: Statement }).sweepPolicy, 'run');
    for (let i = 0; i < 1030; i++) store.insert(nextEventWith({ policies: [skipped(i)] }), 1000);
    const used = db.prepare('SELECT count(DISTINCT policies) FROM events').pluck().get() as number;
    expect(used).toBeLessThan(1030);
    expect(db.prepare('SELECT count(*) FROM event_policies').pluck().get()).toBe(used);
    // Only the first batch, the one event beyond 1,000, was checked one by one.
    expect(oneByOne).toHaveBeenCalledTimes(1);
  });

  it('keeps a policies text that a failed insert wrote out of the database', () => {
    const trace: DecisionTrace = { policies: [skipped(1)] };
    const event = nextEventWith(null);
    store.insert(event, 10);
    expect(() => store.insert({ ...event, trace }, 10)).toThrow(/UNIQUE/);
    expect(policyTexts()).toEqual([]);
  });
});
