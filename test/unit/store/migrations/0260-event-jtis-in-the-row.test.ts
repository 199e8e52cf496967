/**
 * Migration 0260: an event's jtis are kept in its row (`events.jtis`, a JSON array) and `event_jtis`
 * is dropped with its index. The events logged before it read back with the same jtis, the jti filter
 * finds the same events by walking the rows, and a token's event writes no other b-tree for them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProtocolEvent } from '../../../../src-main/core/ports/events.js';
import type { Db } from '../../../../src-main/store/database.js';
import { SqliteEventRepository } from '../../../../src-main/store/event-repository.js';
import { T, allRows, migrateTo, seededBefore } from './schema.js';

/** The jtis of old event `i`: none, one, or two (given in reverse order), one with a quote and a space. */
const jtisOf = (i: number): string[] =>
  i % 3 === 0 ? [] : i % 3 === 1 ? [`AT.${i}`] : [`ID.${i}`, `AT.${i}`, ...(i === 8 ? ['a "quoted" jti'] : [])];
const idOf = (i: number) => `evtOLD${String(i).padStart(14, '0')}`;

let db: Db;
beforeEach(() => {
  ({ db } = seededBefore(260));
  const insert = db.prepare(
    `INSERT INTO events (id, time, endpoint, grant_type, outcome) VALUES (?, '${T}', 'token', 'client_credentials', 'success')`,
  );
  const body = db.prepare('INSERT INTO event_bodies (seq, trace, exchange) VALUES (?, NULL, NULL)');
  const jti = db.prepare('INSERT INTO event_jtis (jti, event_id) VALUES (?, ?)');
  for (let i = 0; i < 12; i++) {
    body.run(insert.run(idOf(i)).lastInsertRowid);
    for (const each of jtisOf(i)) jti.run(each, idOf(i));
  }
});
afterEach(() => db.close());

const plan = (sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('; ');

const event = (id: string, jtis: string[]): ProtocolEvent => ({
  id,
  time: new Date(T),
  endpoint: 'token',
  serverId: 'default',
  clientId: '0oaA',
  userId: null,
  grantType: 'client_credentials',
  outcome: 'success',
  error: null,
  errorDescription: null,
  detail: null,
  trace: null,
  exchange: null,
  jtis,
  familyId: 'tfmA',
});

describe('migration 0260: event jtis in the event row', () => {
  it('keeps every jti of every event: the rows of event_jtis are in the events', () => {
    const before = allRows(db);
    expect(before['event_jtis']!.length).toBeGreaterThan(12);
    migrateTo(db, 260);
    expect(allRows(db)['event_jtis']).toEqual(before['event_jtis']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('reads back each event with its jtis, sorted, and none for an event without any', () => {
    migrateTo(db, 260);
    const store = new SqliteEventRepository(db);
    for (let i = 0; i < 12; i++) expect(store.get(idOf(i))?.jtis).toEqual([...jtisOf(i)].sort());
    expect(db.prepare('SELECT jtis FROM events WHERE id = ?').pluck().get(idOf(2))).toBe('["AT.2","ID.2"]');
    expect(db.prepare('SELECT jtis FROM events WHERE id = ?').pluck().get(idOf(3))).toBeNull();
  });

  it('drops event_jtis and its index: the events and their bodies are the only tables an event writes', () => {
    migrateTo(db, 260);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'event%' ORDER BY name").pluck().all();
    expect(tables).toEqual(['event_bodies', 'event_policies', 'events', 'events_by_family']);
    const store = new SqliteEventRepository(db);
    store.insert(event('evtNEW00000000000001', ['AT.new', 'ID.new', 'AT.new']), 1000);
    expect(db.prepare("SELECT jtis FROM events WHERE id = 'evtNEW00000000000001'").pluck().get()).toBe(
      '["AT.new","ID.new"]',
    );
    expect(store.get('evtNEW00000000000001')?.jtis).toEqual(['AT.new', 'ID.new']);
  });

  it('finds the events of a jti by walking the rows newest first, a jti JSON escapes too', () => {
    migrateTo(db, 260);
    const store = new SqliteEventRepository(db);
    store.insert(event('evtNEW00000000000001', ['AT.4', 'ID.new']), 1000);
    const ids = (jti: string) => store.list({ jti, limit: 50 }).map((e) => e.id);
    expect(ids('AT.4')).toEqual(['evtNEW00000000000001', idOf(4)]);
    expect(ids('ID.5')).toEqual([idOf(5)]);
    expect(ids('a "quoted" jti')).toEqual([idOf(8)]);
    // A substring of a jti, or of the array's text, is not a jti.
    expect(ids('AT.')).toEqual([]);
    expect(ids('"AT.4"')).toEqual([]);
    expect(ids('quoted')).toEqual([]);
    expect(store.list({ jti: 'AT.4', clientId: '0oaA', limit: 50 }).map((e) => e.id)).toEqual(['evtNEW00000000000001']);
    expect(
      plan(
        `SELECT id FROM events WHERE instr(events.jtis, ?) > 0 AND EXISTS (SELECT 1 FROM json_each(events.jtis) WHERE json_each.value = ?)
           AND events.seq > 0 ORDER BY events.seq DESC LIMIT 50`,
        'AT.4',
        'AT.4',
      ),
    ).toMatch(/^SEARCH events USING INTEGER PRIMARY KEY \(rowid>\?\)/);
  });
});
