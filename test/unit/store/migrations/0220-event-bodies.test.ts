/**
 * Migration 0220: the event log's rows split into `events` (what a list filters on) and
 * `event_bodies` (trace and exchange), `seq` without AUTOINCREMENT, five indexes fewer. The events
 * logged before it read back the same through the repository, their jtis and cascades kept; the
 * queries of the events API use the keys that are left.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProtocolEvent } from '../../../../src-main/core/ports/events.js';
import type { Db } from '../../../../src-main/store/database.js';
import { SqliteEventRepository } from '../../../../src-main/store/event-repository.js';
import { LATEST_VERSION } from '../../../../src-main/store/migrations/index.js';
import { T, migrateTo, seededBefore } from './schema.js';

/** A trace as the repository stored it before 0220: 100 skipped policies short, their reason once. */
const skippedReason = "client 0oaA is not in the policy's clients";
const compactTrace = JSON.stringify({
  policies: [
    ...Array.from({ length: 100 }, (_, i) => [`00pSkip${i}`, `Policy ${i}`, i + 1, 0]),
    { id: '00pMatch', name: 'Bench', priority: 101, outcome: 'matched', rules: [] },
  ],
  scopes: { requested: ['a'], granted: ['a'], denied: [] },
  skippedReasons: [skippedReason],
});
const exchange = {
  request: { method: 'POST', path: '/oauth2/default/v1/token', query: {}, form: { grant_type: 'x' }, headers: {} },
  response: { status: 200, body: { access_token: 'eyJ…' } },
};

let db: Db;
beforeEach(() => {
  ({ db } = seededBefore(220));
  const insert = db.prepare(
    `INSERT INTO events (id, time, endpoint, server_id, client_id, user_id, grant_type, outcome, error, error_description, detail, trace, exchange, family_id)
     VALUES (?, '${T}', ?, 'default', ?, NULL, 'client_credentials', ?, NULL, NULL, NULL, ?, ?, ?)`,
  );
  const jti = db.prepare('INSERT INTO event_jtis (jti, event_id) VALUES (?, ?)');
  for (let i = 0; i < 30; i++) {
    const id = `evtOLD${String(i).padStart(14, '0')}`;
    insert.run(
      id,
      i % 3 ? 'token' : 'authorize',
      i % 2 ? '0oaA' : '0oaB',
      i % 5 ? 'success' : 'failure',
      i % 4 ? compactTrace : null,
      JSON.stringify(exchange),
      i % 2 ? `tfm${i % 4}` : null,
    );
    jti.run(`AT.${i}`, id);
  }
});
afterEach(() => db.close());

const plan = (sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('; ');

/** The repository of today, on the database migrated on to the latest schema (0260 moved the jtis). */
function repository(): SqliteEventRepository {
  migrateTo(db, LATEST_VERSION);
  return new SqliteEventRepository(db);
}

/** Every event through the repository, newest first, and each one read alone. */
function readAll(): { listed: ProtocolEvent[]; each: (ProtocolEvent | undefined)[] } {
  const store = repository();
  const listed = store.list({ limit: 200 });
  return { listed, each: listed.map((event) => store.get(event.id)) };
}

describe('migration 0220: event log rows, bodies and shared policy traces', () => {
  it('reads back every event logged before it, trace, exchange and jtis as they were', () => {
    // What the events were: read with the tables as they were before the migration.
    const before = db.prepare('SELECT id, trace, exchange, family_id FROM events ORDER BY seq DESC').all() as {
      id: string;
      trace: string | null;
      exchange: string;
      family_id: string | null;
    }[];
    migrateTo(db, 220);
    const { listed, each } = readAll();
    expect(each).toEqual(listed);
    expect(listed.map((e) => e.id)).toEqual(before.map((e) => e.id));
    for (const [i, event] of listed.entries()) {
      const old = before[i]!;
      // The events the schema's own fixtures wrote are compared as rows in keeps-data.test.ts.
      if (!event.id.startsWith('evtOLD')) continue;
      expect(event.exchange).toEqual(exchange);
      expect(event.familyId).toBe(old.family_id);
      expect(event.jtis).toEqual([`AT.${Number(old.id.slice(6))}`]);
      if (old.trace === null) expect(event.trace).toBeNull();
      else {
        expect(event.trace!.policies).toHaveLength(101);
        expect(event.trace!.policies[0]).toEqual({
          id: '00pSkip0',
          name: 'Policy 0',
          priority: 1,
          outcome: 'skipped',
          reason: skippedReason,
          rules: [],
        });
        expect(Object.keys(event.trace!)).toEqual(['policies', 'scopes']);
      }
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('keeps the order and the filters: new events come after the old ones, and each filter finds the same events', () => {
    const filters = [{ clientId: '0oaA' }, { endpoint: 'authorize' }, { outcome: 'failure' as const }, { jti: 'AT.7' }];
    const store = repository;
    const sql = (where: string) =>
      (db.prepare(`SELECT id FROM events WHERE ${where} ORDER BY seq DESC`).pluck().all() as string[]).join();
    const expected = [
      sql("client_id = '0oaA'"),
      sql("endpoint = 'authorize'"),
      sql("outcome = 'failure'"),
      'evtOLD00000000000007',
    ];
    migrateTo(db, 220);
    expect(
      filters.map((f) =>
        store()
          .list({ ...f, limit: 200 })
          .map((e) => e.id)
          .join(),
      ),
    ).toEqual(expected);
    const newer = {
      ...store().get('evtOLD00000000000001')!,
      id: 'evtNEW00000000000001',
      jtis: ['AT.new'],
    };
    store().insert(newer, 100);
    expect(store().list({ limit: 1 })[0]).toEqual(newer);
    expect(
      store()
        .list({ after: 'evtOLD00000000000029', limit: 5 })
        .map((e) => e.id),
    ).toEqual([newer.id]);
  });

  it('drops the jtis and the body with their event, and no longer counts seq in sqlite_sequence', () => {
    migrateTo(db, 220);
    db.prepare("DELETE FROM events WHERE id = 'evtOLD00000000000007'").run();
    expect(db.prepare("SELECT count(*) FROM event_jtis WHERE jti = 'AT.7'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM event_bodies').pluck().get()).toBe(31);
    expect(db.prepare("SELECT count(*) FROM sqlite_sequence WHERE name = 'events'").pluck().get()).toBe(0);
  });

  it('leaves the unique id, the family and the jtis indexed, and the queries of the events API use them', () => {
    migrateTo(db, 220);
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('events', 'event_bodies', 'event_jtis') ORDER BY name",
      )
      .pluck()
      .all();
    expect(indexes).toEqual(['event_jtis_by_event', 'events_by_family', 'sqlite_autoindex_events_1']);
    const from = 'events CROSS JOIN event_bodies AS body ON body.seq = events.seq';
    // A list walks `events` newest first by its key and reads the body of each event it returns.
    expect(
      plan(
        `SELECT events.*, body.trace FROM ${from} WHERE events.client_id = ? AND events.seq > 0 ORDER BY events.seq DESC LIMIT 50`,
        'x',
      ),
    ).toMatch(
      /^SEARCH events USING INTEGER PRIMARY KEY \(rowid>\?\); SEARCH body USING INTEGER PRIMARY KEY \(rowid=\?\)$/,
    );
    expect(plan(`SELECT events.*, body.trace FROM ${from} WHERE events.id = ?`, 'x')).toMatch(
      /SEARCH events USING INDEX sqlite_autoindex_events_1 \(id=\?\)/,
    );
    expect(
      plan(
        `SELECT events.*, body.trace FROM ${from} WHERE events.family_id = ? AND events.seq > 0 ORDER BY events.seq LIMIT 1`,
        'x',
      ),
    ).toMatch(/SEARCH events USING INDEX events_by_family \(family_id=\? AND seq>\?\)/);
    expect(plan('SELECT 1 FROM events WHERE id IN (SELECT event_id FROM event_jtis WHERE jti = ?)', 'x')).toMatch(
      /SEARCH event_jtis USING PRIMARY KEY \(jti=\?\)/,
    );
  });
});
