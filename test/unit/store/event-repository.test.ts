/**
 * The event log over a real in-memory database: row ↔ event mapping (trace as JSON), the filters,
 * newest-first order, `after` paging forward without gaps, and the bound that keeps exactly the
 * newest N events (deleting the older ones in batches once N is large).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewProtocolEvent, ProtocolEvent } from '../../../src-main/core/ports/events.js';
import { openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';
import { SqliteEventRepository } from '../../../src-main/store/event-repository.js';

const base: NewProtocolEvent = {
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

let db: Db;
let store: SqliteEventRepository;
let n = 0;

/** Inserts an event `evt<n>` one second after the previous one, keeping `keep` events. */
function insert(fields: Partial<NewProtocolEvent> = {}, keep = 1000): ProtocolEvent {
  n++;
  const event: ProtocolEvent = {
    exchange: null,
    jtis: [],
    familyId: null,
    ...base,
    ...fields,
    id: `evt${String(n).padStart(17, '0')}`,
    time: new Date(Date.UTC(2024, 0, 1, 0, 0, n)),
  };
  store.insert(event, keep);
  return event;
}
const ids = (events: ProtocolEvent[]) => events.map((e) => e.id);
const count = () => (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;

beforeEach(() => {
  db = openDatabase(':memory:');
  store = new SqliteEventRepository(db);
  n = 0;
});

describe('SqliteEventRepository', () => {
  it('stores every field and reads it back, the trace as JSON', () => {
    const trace = {
      policies: [{ id: 'pol1', name: 'P', priority: 1, outcome: 'matched' as const, rules: [] }],
      scopes: { requested: ['a'], granted: [], denied: ['a'] },
    };
    const event = insert({
      outcome: 'failure',
      error: 'invalid_scope',
      errorDescription: 'One or more scopes are not configured.',
      detail: 'scope a is unknown',
      userId: 'u1',
      trace,
    });
    expect(store.get(event.id)).toEqual(event);
    expect(store.get('evtMISSING')).toBeUndefined();
    // The trace's policies in `event_policies` (once per distinct text), the rest in the event's body.
    expect(db.prepare('SELECT trace FROM event_bodies').get()).toEqual({
      trace: JSON.stringify({ scopes: trace.scopes }),
    });
    expect(db.prepare('SELECT policies FROM event_policies').get()).toEqual({
      policies: JSON.stringify({ policies: trace.policies }),
    });
  });

  it('refuses an outcome other than success or failure', () => {
    expect(() => insert({ outcome: 'maybe' as 'success' })).toThrow(/CHECK constraint failed/);
  });

  it('lists newest first, up to the limit', () => {
    const [a, b, c] = [insert(), insert(), insert()];
    expect(ids(store.list({ limit: 50 }))).toEqual(ids([c!, b!, a!]));
    expect(ids(store.list({ limit: 2 }))).toEqual(ids([c!, b!]));
  });

  it('filters by server, client, user, endpoint and outcome, together', () => {
    const a = insert({ serverId: 'ausB' });
    const b = insert({ clientId: 'client2' });
    const c = insert({ userId: 'u1', grantType: 'password' });
    const d = insert({ endpoint: 'authorize' });
    const e = insert({ outcome: 'failure', error: 'invalid_client' });
    const f = insert({ userId: 'u1', outcome: 'failure' });
    expect(ids(store.list({ serverId: 'ausB', limit: 50 }))).toEqual([a.id]);
    expect(ids(store.list({ clientId: 'client2', limit: 50 }))).toEqual([b.id]);
    expect(ids(store.list({ userId: 'u1', limit: 50 }))).toEqual([f.id, c.id]);
    expect(ids(store.list({ endpoint: 'authorize', limit: 50 }))).toEqual([d.id]);
    expect(ids(store.list({ outcome: 'failure', limit: 50 }))).toEqual([f.id, e.id]);
    expect(ids(store.list({ userId: 'u1', outcome: 'failure', limit: 50 }))).toEqual([f.id]);
    expect(store.list({ serverId: 'ausB', clientId: 'client2', limit: 50 })).toEqual([]);
  });

  it('with after, returns only newer events: the next `limit` of them, newest first', () => {
    const all = Array.from({ length: 6 }, () => insert());
    expect(ids(store.list({ after: all[1]!.id, limit: 50 }))).toEqual(ids(all.slice(2).reverse()));
    // Paging forward leaves no gap: the two right after evt2, then the two after those.
    expect(ids(store.list({ after: all[1]!.id, limit: 2 }))).toEqual([all[3]!.id, all[2]!.id]);
    expect(ids(store.list({ after: all[3]!.id, limit: 2 }))).toEqual([all[5]!.id, all[4]!.id]);
    expect(store.list({ after: all[5]!.id, limit: 50 })).toEqual([]);
  });

  it('combines after with a filter', () => {
    const a = insert({ clientId: 'c2' });
    insert();
    const c = insert({ clientId: 'c2' });
    expect(ids(store.list({ after: a.id, clientId: 'c2', limit: 50 }))).toEqual([c.id]);
  });

  it('treats an after id it no longer keeps as older than every kept event', () => {
    const kept = [insert(), insert()];
    expect(ids(store.list({ after: 'evtDROPPEDLONGAGO000', limit: 50 }))).toEqual(ids(kept.reverse()));
  });

  it('keeps exactly the newest N events, deleting the older ones as it inserts', () => {
    const all = Array.from({ length: 12 }, () => insert({}, 5));
    expect(count()).toBe(5);
    expect(ids(store.list({ limit: 50 }))).toEqual(ids(all.slice(7).reverse()));
    expect(store.get(all[6]!.id)).toBeUndefined();
    insert({}, 5);
    expect(count()).toBe(5);
  });

  it('deletes the events past a large bound in batches of a hundredth, never reading them', () => {
    const all = Array.from({ length: 1015 }, (_, i) =>
      // A code exchange's events: a client_credentials token's family is never looked up (migration 0240).
      insert({ familyId: i < 20 ? 'tfmOLD' : null, grantType: 'authorization_code', jtis: [`AT.${i}`] }),
    );
    const kept = all.slice(15);
    // Deleted ten at a time: at most nine more rows than kept are stored, none of them read.
    expect(count()).toBeGreaterThan(1000);
    expect(count()).toBeLessThan(1010);
    expect(ids(store.list({ limit: 200 })).at(-1)).toBe(kept[kept.length - 200]!.id);
    expect(ids(store.list({ after: all[0]!.id, limit: 1 }))).toEqual([kept[0]!.id]);
    expect(ids(store.list({ jti: 'AT.14', limit: 50 }))).toEqual([]);
    expect(ids(store.list({ jti: 'AT.15', limit: 50 }))).toEqual([kept[0]!.id]);
    expect(store.get(all[14]!.id)).toBeUndefined();
    expect(store.get(kept[0]!.id)?.id).toBe(kept[0]!.id);
    expect(store.firstOfFamily('tfmOLD')?.id).toBe(kept[0]!.id);
    expect(store.firstOfFamilyHead('tfmOLD')).toEqual({ id: kept[0]!.id, endpoint: kept[0]!.endpoint });
    let listed = 0;
    for (let after = all[0]!.id; ;) {
      const page = store.list({ after, limit: 200 });
      if (page.length === 0) break;
      listed += page.length;
      after = page[0]!.id;
    }
    expect(listed).toBe(1000);
  });

  it('rolls back the insert when it fails, leaving the kept events in place', () => {
    const a = insert({}, 2);
    insert({}, 2);
    // A duplicate id breaks the UNIQUE constraint: neither the insert nor its pruning lands.
    expect(() => store.insert({ ...a, time: new Date() }, 1)).toThrow(/UNIQUE/);
    expect(count()).toBe(2);
  });
});
