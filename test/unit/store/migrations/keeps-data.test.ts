/**
 * Every migration on a database holding rows in every table that exists before it: the rows are all
 * still there, unchanged in every column they had, foreign keys still hold, and the tables it adds take representative rows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../src-main/store/database.js';
import { MIGRATIONS } from '../../../../src-main/store/migrations/index.js';
import { allRows, migrateTo, seedTablesOf, seededBefore } from './schema.js';

let db: Db | undefined;
afterEach(() => db?.close());

describe('every migration keeps the data written before it', () => {
  it.each(MIGRATIONS.map((m) => [m.version, m.name] as const))('migration %i (%s)', (version) => {
    const seeded = seededBefore(version);
    db = seeded.db;
    migrateTo(db, version);
    const after = allRows(db);
    for (const [table, rows] of Object.entries(seeded.before)) {
      // A column the migration adds is new; the columns the rows had keep their values.
      const columns = Object.keys((rows[0] ?? {}) as object);
      const kept = (after[table] ?? []).map((row) =>
        Object.fromEntries(columns.map((column) => [column, (row as Record<string, unknown>)[column]])),
      );
      expect(kept, table).toEqual(rows);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    seedTablesOf(db, version);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
