/**
 * Migration 0260: an event's jtis are kept in its row (`events.jtis`, a JSON array) and `event_jtis`
 * is dropped with its index. The events logged before it read back with the same jtis, the jti filter
 * finds the same events by walking the rows, and a token's event writes no other b-tree for them.
 * An access token whose jti begins with its expiry is no longer in `access_tokens_by_expiry`: the
 * sweep finds it by the primary key, and still deletes every expired token, of before or not, and
 * none alive.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProtocolEvent } from '../../../../src-main/core/ports/events.js';
import type { Db } from '../../../../src-main/store/database.js';
import { nodeCrypto } from '../../../../src-main/app/node-crypto.js';
import { timeOrderedId } from '../../../../src-main/core/time-ordered-id.js';
import { SqliteEventRepository } from '../../../../src-main/store/event-repository.js';
import { NOT_EXPIRY_ORDERED } from '../../../../src-main/store/migrations/0260-fewer-token-b-trees.js';
import { SqliteTokenRepository } from '../../../../src-main/store/token-repository.js';
import { eventWith } from '../event-fixtures.js';
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

/** A client_credentials token's event `id` naming `jtis`. */
const event = (id: string, jtis: string[]): ProtocolEvent => ({
  ...eventWith(0, null),
  id,
  clientId: '0oaA',
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

describe('migration 0260: access tokens swept by their jti', () => {
  const NOW = Date.parse('2026-12-05T10:00:00.000Z');
  const HOUR = 3_600_000;
  /** How many entries the index by expiry holds. */
  const indexed = () =>
    db
      .prepare(
        "SELECT coalesce(sum(ncell), 0) FROM dbstat WHERE name = 'access_tokens_by_expiry' AND pagetype = 'leaf'",
      )
      .pluck()
      .get();
  const jtis = () => db.prepare('SELECT jti FROM access_tokens ORDER BY jti').pluck().all() as string[];
  const ordered = (expires: number) => timeOrderedId(nodeCrypto, 'AT.', new Date(expires), 46);

  it('keeps the tokens of before in the index by expiry, and leaves out those whose jti begins with their expiry', () => {
    const insert = db.prepare("INSERT INTO access_tokens (jti, family_id, expires) VALUES (?, 'tfmA', ?)");
    // Tokens as 0200-0240 made them: the jti begins with the issue time, or is random.
    for (let i = 0; i < 10; i++) insert.run(timeOrderedId(nodeCrypto, 'AT.', new Date(NOW - i * 1000), 46), NOW + HOUR);
    insert.run(`AT.${'z'.repeat(43)}`, NOW + HOUR);
    const before = db.prepare('SELECT count(*) FROM access_tokens').pluck().get() as number;
    migrateTo(db, 260);
    expect(indexed()).toBe(before);
    const store = new SqliteTokenRepository(db);
    for (let i = 0; i < 20; i++)
      store.insertAccessToken({
        jti: ordered(NOW + HOUR + i),
        familyId: 'tfmB',
        expires: new Date(NOW + HOUR + i),
        revoked: null,
      });
    expect(indexed()).toBe(before);
    // A jti that begins with another time than its expiry is indexed.
    store.insertAccessToken({
      jti: ordered(NOW + HOUR),
      familyId: 'tfmB',
      expires: new Date(NOW + HOUR + 1),
      revoked: null,
    });
    expect(indexed()).toBe(before + 1);
  });

  it('sweeps every expired token, whatever its jti, and none alive', () => {
    migrateTo(db, 260);
    const store = new SqliteTokenRepository(db);
    const put = (jti: string, expires: number) =>
      store.insertAccessToken({ jti, familyId: 'tfmA', expires: new Date(expires), revoked: null });
    const alive: string[] = [];
    for (let i = 0; i < 150; i++) {
      // Made as a token now is: expired a minute ago and earlier, alive for a minute and longer.
      put(ordered(NOW - 60_000 - i), NOW - 60_000 - i);
      const live = ordered(NOW + 60_000 + i * 1000);
      put(live, NOW + 60_000 + i * 1000);
      alive.push(live);
    }
    // Tokens of before: the jti begins with the issue time (sorted among the expired ones above), is
    // random (here: above and below the time now), or is not of our shape at all.
    const before = (jti: string, expires: number, live: boolean) => {
      put(jti, expires);
      if (live) alive.push(jti);
    };
    before(timeOrderedId(nodeCrypto, 'AT.', new Date(NOW - HOUR), 46), NOW - 1, false);
    before(timeOrderedId(nodeCrypto, 'AT.', new Date(NOW - HOUR + 1), 46), NOW + HOUR, true);
    before(`AT.${'0'.repeat(43)}`, NOW + 5, true);
    before(`AT.${'1'.repeat(43)}`, NOW - 5, false);
    before(`AT.${'z'.repeat(43)}`, NOW - 5, false);
    before(`AT.${'y'.repeat(43)}`, NOW + 5, true);
    before('jti-1', NOW, false);
    before('jti-2', NOW + 1, true);
    let sweeps = 0;
    while (store.sweep(new Date(NOW), new Date(0), 100)) sweeps += 1;
    expect(sweeps).toBeGreaterThan(0);
    expect(jtis()).toEqual([...alive].sort());
  });

  it('sweeps, sweep after sweep, the tokens that expire after the walk passed them, and walks again once the clock is set back', () => {
    migrateTo(db, 260);
    const store = new SqliteTokenRepository(db);
    const put = (jti: string, expires: number) =>
      store.insertAccessToken({ jti, familyId: 'tfmA', expires: new Date(expires), revoked: null });
    // 250 expired tokens made now (three walks at 100 a sweep), and a token of before whose jti sorts
    // among them (issued an hour ago) but which expires only in a minute.
    for (let i = 0; i < 250; i++) put(ordered(NOW - 1000 - i), NOW - 1000 - i);
    const old = timeOrderedId(nodeCrypto, 'AT.', new Date(NOW - HOUR + 60_000), 46);
    put(old, NOW + 60_000);
    const soon = ordered(NOW + 30_000);
    put(soon, NOW + 30_000);
    const sweepAt = (ms: number) => {
      let sweeps = 0;
      while (store.sweep(new Date(ms), new Date(0), 100)) sweeps += 1;
      return sweeps + 1;
    };
    expect(sweepAt(NOW)).toBe(3);
    expect(jtis()).toEqual([soon, old].sort());
    sweepAt(NOW + 30_000);
    expect(jtis()).toEqual([old]);
    sweepAt(NOW + 60_000);
    expect(jtis()).toEqual([]);
    // The clock set back an hour: a token made then, expired by the clock's time, is still swept.
    const early = ordered(NOW - HOUR + 10);
    put(early, NOW - HOUR + 10);
    sweepAt(NOW - HOUR + 20);
    expect(jtis()).toEqual([]);
  });

  it('walks at most ten tokens per token it may delete, and goes on from there at the next sweep', () => {
    migrateTo(db, 260);
    const store = new SqliteTokenRepository(db);
    const put = (jti: string, expires: number) =>
      store.insertAccessToken({ jti, familyId: 'tfmA', expires: new Date(expires), revoked: null });
    // 1,500 tokens of before, alive, whose jtis (issued an hour ago) sort before 50 expired ones made now.
    const alive: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const jti = timeOrderedId(nodeCrypto, 'AT.', new Date(NOW - HOUR + i), 46);
      put(jti, NOW + 60_000);
      alive.push(jti);
    }
    for (let i = 0; i < 50; i++) put(ordered(NOW - 1000 + i), NOW - 1000 + i);
    const count = () => db.prepare('SELECT count(*) FROM access_tokens').pluck().get();
    // The first walk stops after 1,000 tokens, none expired: a backlog all the same.
    expect(store.sweep(new Date(NOW), new Date(0), 100)).toBe(true);
    expect(count()).toBe(1550);
    expect(store.sweep(new Date(NOW), new Date(0), 100)).toBe(false);
    expect(jtis()).toEqual(alive.sort());
    // Walked past while alive, they are swept through the index once they expire.
    expect(store.sweep(new Date(NOW + 60_000), new Date(0), 100)).toBe(true);
    while (store.sweep(new Date(NOW + 60_000), new Date(0), 100));
    expect(count()).toBe(0);
  });

  it('walks the primary key for the tokens made now and the index for the others', () => {
    migrateTo(db, 260);
    expect(
      plan(
        "SELECT jti FROM access_tokens WHERE jti >= 'AT.' AND jti < ? AND expires <= ? LIMIT ?",
        'AT.Vcv9FWc',
        NOW,
        100,
      ),
    ).toMatch(/^SEARCH access_tokens USING PRIMARY KEY \(jti>\? AND jti<\?\)$/);
    // The condition the sweep states (the same text as the index's, so the planner matches them).
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'access_tokens_by_expiry'").pluck().get()).toBe(
      `CREATE INDEX access_tokens_by_expiry ON access_tokens (expires) WHERE ${NOT_EXPIRY_ORDERED}`,
    );
    expect(
      plan(`SELECT jti FROM access_tokens WHERE ${NOT_EXPIRY_ORDERED} AND expires <= ? LIMIT ?`, NOW, 100),
    ).toMatch(/^SEARCH access_tokens USING (COVERING )?INDEX access_tokens_by_expiry \(expires<\?\)$/);
  });
});
