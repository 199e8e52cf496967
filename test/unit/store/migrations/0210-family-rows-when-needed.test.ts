/**
 * Migration 0210: `access_tokens` keeps every row and index, and its `family_id` no longer needs a
 * `token_families` row (a family gets a row only once something is stored about it); refresh tokens
 * still refer to their family's row.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../src-main/store/database.js';
import { LATEST_VERSION } from '../../../../src-main/store/migrations/index.js';
import { SqliteTokenRepository } from '../../../../src-main/store/token-repository.js';
import { allRows, migrateTo, seededBefore } from './schema.js';

let db: Db;
beforeEach(() => {
  ({ db } = seededBefore(210));
  const family = db.prepare('INSERT INTO token_families (id, created) VALUES (?, ?)');
  const token = db.prepare('INSERT INTO access_tokens (jti, family_id, expires, revoked) VALUES (?, ?, ?, ?)');
  for (let i = 0; i < 50; i++) {
    const n = String((i * 37) % 50).padStart(2, '0');
    family.run(`tfm${n}`, 1000 + i);
    token.run(`AT.${n}`, `tfm${n}`, 2000 + i, i % 3 === 0 ? 1500 : null);
  }
});
afterEach(() => db.close());

const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
const plan = (sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('; ');

describe('migration 0210: token family rows only when something is stored about the family', () => {
  it('keeps every row of every table', () => {
    const before = allRows(db);
    migrateTo(db, 210);
    const after = allRows(db);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(sorted(after[table]!), table).toEqual(sorted(before[table]!));
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('stores an access token whose family has no row, with the same key, indexes and plans', () => {
    migrateTo(db, 210);
    db.prepare('INSERT INTO access_tokens (jti, family_id, expires) VALUES (?, ?, ?)').run('AT.x', 'tfm-no-row', 1);
    expect(db.prepare('SELECT wr FROM pragma_table_list WHERE name = ?').get('access_tokens')).toEqual({ wr: 1 });
    expect(
      db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'access_tokens' ORDER BY name")
        .all(),
    ).toEqual([{ name: 'access_tokens_by_expiry' }, { name: 'access_tokens_by_family' }]);
    expect(plan('SELECT * FROM access_tokens WHERE jti = ?', 'AT.01')).toMatch(/USING PRIMARY KEY \(jti=\?\)/);
    expect(plan('SELECT jti FROM access_tokens WHERE expires <= ? LIMIT 5', 0)).toMatch(/access_tokens_by_expiry/);
    expect(plan('SELECT 1 FROM access_tokens WHERE family_id = ?', 'tfm01')).toMatch(/access_tokens_by_family/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO refresh_tokens (id, family_id, hash, grant_json, created, idle_expires) VALUES ('r', 'tfm-no-row', 'h', '{}', 0, 0)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('keeps a family with tokens from the sweep, and sweeps it once they are gone', () => {
    migrateTo(db, 210);
    // The repository of today reads the schema of today (0260 marks the tokens swept by their jti).
    migrateTo(db, LATEST_VERSION);
    const tokens = new SqliteTokenRepository(db);
    // Tokens expire at 2000 + i; families were created at 1000 + i, all before 5000.
    const seeded = () =>
      db.prepare("SELECT count(*) AS n FROM token_families WHERE id GLOB 'tfm[0-9][0-9]'").get() as { n: number };
    tokens.sweep(new Date(1999), new Date(5000), 100);
    expect(seeded()).toEqual({ n: 50 });
    tokens.sweep(new Date(3000), new Date(5000), 100);
    expect(seeded()).toEqual({ n: 0 });
  });
});
