/**
 * Migration 0200: `access_tokens` and `event_jtis` become WITHOUT ROWID tables with every row they
 * held, their indexes, and their cascades; the repositories read and sweep them as before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../src-main/store/database.js';
import { LATEST_VERSION } from '../../../../src-main/store/migrations/index.js';
import { SqliteTokenRepository } from '../../../../src-main/store/token-repository.js';
import { allRows, migrateTo, seededBefore } from './schema.js';

let db: Db;
beforeEach(() => {
  ({ db } = seededBefore(200));
  // Rows in an order that is not their key's, so the copy is seen to keep each of them.
  const family = db.prepare('INSERT INTO token_families (id, created) VALUES (?, ?)');
  const token = db.prepare('INSERT INTO access_tokens (jti, family_id, expires, revoked) VALUES (?, ?, ?, ?)');
  const event = db.prepare(
    "INSERT INTO events (id, time, endpoint, outcome, family_id) VALUES (?, '2024-01-01T00:00:00.000Z', 'token', 'success', ?)",
  );
  const jti = db.prepare('INSERT INTO event_jtis (jti, event_id) VALUES (?, ?)');
  for (let i = 0; i < 50; i++) {
    const n = String((i * 37) % 50).padStart(2, '0');
    family.run(`tfm${n}`, 1000 + i);
    token.run(`AT.${n}`, `tfm${n}`, 2000 + i, i % 3 === 0 ? 1500 : null);
    event.run(`evt${n}`, `tfm${n}`);
    jti.run(`AT.${n}`, `evt${n}`);
    jti.run(`ID.${n}`, `evt${n}`);
  }
});
afterEach(() => db.close());

const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
const withoutRowid = (table: string) =>
  (db.prepare('SELECT wr FROM pragma_table_list WHERE name = ?').get(table) as { wr: number }).wr === 1;
const plan = (sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('; ');

describe('migration 0200: access tokens and event jtis without rowid', () => {
  it('keeps every row of every table', () => {
    const before = allRows(db);
    migrateTo(db, 200);
    const after = allRows(db);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(sorted(after[table]!), table).toEqual(sorted(before[table]!));
    expect(after['access_tokens']).toHaveLength(51);
    expect(after['event_jtis']).toHaveLength(101);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('stores both tables in their primary key, (no separate key index), with the indexes the reads and the sweep use', () => {
    migrateTo(db, 200);
    expect([withoutRowid('access_tokens'), withoutRowid('event_jtis')]).toEqual([true, true]);
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('access_tokens', 'event_jtis') ORDER BY name",
      )
      .all();
    expect(indexes).toEqual([
      { name: 'access_tokens_by_expiry' },
      { name: 'access_tokens_by_family' },
      { name: 'event_jtis_by_event' },
    ]);
    expect(plan('SELECT * FROM access_tokens WHERE jti = ?', 'AT.01')).toMatch(/USING PRIMARY KEY \(jti=\?\)/);
    expect(plan('SELECT jti FROM access_tokens WHERE expires <= ? LIMIT 5', 0)).toMatch(/access_tokens_by_expiry/);
    expect(plan('SELECT 1 FROM access_tokens WHERE family_id = ?', 'tfm01')).toMatch(/access_tokens_by_family/);
    expect(plan('SELECT jti FROM event_jtis WHERE event_id = ?', 'evt01')).toMatch(/event_jtis_by_event/);
    expect(plan('SELECT event_id FROM event_jtis WHERE jti = ?', 'AT.01')).toMatch(/PRIMARY KEY \(jti=\?\)/);
  });

  it('still cascades: a family takes its tokens, an event its jtis', () => {
    migrateTo(db, 200);
    db.prepare('DELETE FROM token_families WHERE id = ?').run('tfm07');
    db.prepare('DELETE FROM events WHERE id = ?').run('evt07');
    expect(db.prepare("SELECT count(*) AS n FROM access_tokens WHERE jti = 'AT.07'").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM event_jtis WHERE event_id = 'evt07'").get()).toEqual({ n: 0 });
    expect(() =>
      db.prepare('INSERT INTO access_tokens (jti, family_id, expires) VALUES (?, ?, ?)').run('AT.x', 'no-family', 1),
    ).toThrow(/FOREIGN KEY/);
  });

  it('is read, revoked and swept through the token repository', () => {
    migrateTo(db, 200);
    // The repository of today reads the schema of today (0260 marks the tokens swept by their jti).
    migrateTo(db, LATEST_VERSION);
    const tokens = new SqliteTokenRepository(db);
    expect(tokens.accessToken('AT.03')).toMatchObject({ jti: 'AT.03', familyId: 'tfm03' });
    const { jti } = db.prepare("SELECT jti FROM access_tokens WHERE revoked IS NULL AND jti LIKE 'AT.%'").get() as {
      jti: string;
    };
    tokens.revokeAccessToken(jti, new Date(1800));
    expect(tokens.accessToken(jti)?.revoked).toEqual(new Date(1800));
    // Tokens expire at 2000 + i: at 2010 the first 11 of the 50 are past, 10 a batch.
    expect(tokens.sweep(new Date(2010), new Date(0), 10)).toBe(true);
    expect(tokens.sweep(new Date(2010), new Date(0), 10)).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM access_tokens WHERE expires <= 2010').get()).toEqual({ n: 0 });
  });
});
