/**
 * Migration 0240: `events_by_family` no longer holds client_credentials token events (their family
 * is never redeemed). Every event stays, with its `family_id`; the first event of a code's or a
 * refresh token's family is still found through the index; a client_credentials token's insert
 * writes no entry in it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProtocolEvent } from '../../../../src-main/core/ports/events.js';
import type { Db } from '../../../../src-main/store/database.js';
import { SqliteEventRepository } from '../../../../src-main/store/event-repository.js';
import { LATEST_VERSION } from '../../../../src-main/store/migrations/index.js';
import { T, allRows, migrateTo, seededBefore } from './schema.js';

let db: Db;
beforeEach(() => {
  ({ db } = seededBefore(240));
  const insert = db.prepare(
    `INSERT INTO events (id, time, endpoint, grant_type, outcome, family_id) VALUES (?, '${T}', ?, ?, 'success', ?)`,
  );
  const body = db.prepare('INSERT INTO event_bodies (seq, trace, exchange) VALUES (?, NULL, NULL)');
  for (let i = 0; i < 20; i++) {
    const grant = i % 2 ? 'client_credentials' : i % 4 ? 'authorization_code' : null;
    const { lastInsertRowid } = insert.run(
      `evt${String(i).padStart(17, '0')}`,
      grant ? 'token' : 'authorize',
      grant,
      `tfmM${i % 6}`,
    );
    body.run(lastInsertRowid);
  }
});
afterEach(() => db.close());

const plan = (sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('; ');
/** How many entries the index holds (a small index is one leaf page). */
const indexed = () =>
  db.prepare("SELECT sum(ncell) FROM dbstat WHERE name = 'events_by_family' AND pagetype = 'leaf'").pluck().get();
const count = (where: string) => db.prepare(`SELECT count(*) FROM events WHERE ${where}`).pluck().get();

const event = (id: string, grantType: string | null, familyId: string): ProtocolEvent => ({
  id,
  time: new Date(T),
  endpoint: grantType ? 'token' : 'authorize',
  serverId: 'default',
  clientId: '0oaA',
  userId: null,
  grantType,
  outcome: 'success',
  error: null,
  errorDescription: null,
  detail: null,
  trace: null,
  exchange: null,
  jtis: [],
  familyId,
});

describe('migration 0240: events by family without client_credentials events', () => {
  it('keeps every row of every table', () => {
    const before = allRows(db);
    migrateTo(db, 240);
    expect(allRows(db)).toEqual(before);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('indexes the events of the families a code or a refresh token redeems, and no client_credentials token event', () => {
    migrateTo(db, 240);
    const redeemable = "family_id IS NOT NULL AND grant_type IS NOT 'client_credentials'";
    expect(indexed()).toBe(count(redeemable));
    expect(count("family_id IS NOT NULL AND grant_type = 'client_credentials'")).toBeGreaterThanOrEqual(10);
    migrateTo(db, LATEST_VERSION);
    const store = new SqliteEventRepository(db);
    store.insert(event('evtNEWCC000000000001', 'client_credentials', 'tfmCC'), 1000);
    expect(indexed()).toBe(count(redeemable));
    store.insert(event('evtNEWCODE0000000001', 'authorization_code', 'tfmNEW'), 1000);
    expect(indexed()).toBe(count(redeemable));
    expect(store.firstOfFamily('tfmNEW')?.id).toBe('evtNEWCODE0000000001');
    expect(store.firstOfFamilyHead('tfmNEW')?.id).toBe('evtNEWCODE0000000001');
    // The row keeps its family: the events API shows it as before.
    expect(store.get('evtNEWCC000000000001')?.familyId).toBe('tfmCC');
  });

  it('finds the first event of a family through the index', () => {
    migrateTo(db, 240);
    // The repository of today reads the schema of today (0260 moved the jtis into the row).
    migrateTo(db, LATEST_VERSION);
    const store = new SqliteEventRepository(db);
    // tfmM0: events 0 (authorize), 6 (code exchange), 12 (authorize), 18 (code exchange): all indexed.
    expect(store.firstOfFamily('tfmM0')?.id).toBe('evt00000000000000000');
    // tfmM1: events 1, 7, 13, 19, all client_credentials tokens: no decision to redeem.
    expect(store.firstOfFamily('tfmM1')).toBeUndefined();
    // The small row alone, from the same event.
    expect(store.firstOfFamilyHead('tfmM0')).toEqual({ id: 'evt00000000000000000', endpoint: 'authorize' });
    expect(store.firstOfFamilyHead('tfmM1')).toBeUndefined();
    expect(
      plan(
        "SELECT id FROM events WHERE family_id = ? AND grant_type IS NOT 'client_credentials' AND seq > ? ORDER BY seq LIMIT 1",
        'tfmM0',
        0,
      ),
    ).toMatch(/USING INDEX events_by_family/);
  });
});
