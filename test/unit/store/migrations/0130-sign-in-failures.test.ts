/** Migration 0130: failed sign-ins per user, kept while the user exists and gone with it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../src-main/store/database.js';
import { ALICE, allRows, migratedWithData } from './schema.js';

let db: Db;
let before: Record<string, unknown[]>;
beforeEach(() => {
  ({ db, before } = migratedWithData(130));
});
afterEach(() => db.close());

describe('migration 0130: sign-in failures', () => {
  it('keeps everything written before it and starts with no failures', () => {
    const { sign_in_failures: failures, ...rest } = allRows(db);
    expect(failures).toEqual([]);
    expect(rest).toMatchObject(before);
  });

  it('keeps one count per existing user and drops it with the user', () => {
    db.prepare('INSERT INTO sign_in_failures (user_id, count, last_failed) VALUES (?, 3, 1000)').run(ALICE);
    expect(() =>
      db.prepare("INSERT INTO sign_in_failures (user_id, count, last_failed) VALUES ('00unobody', 1, 1)").run(),
    ).toThrow(/FOREIGN KEY/);
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM users WHERE id = ?').run(ALICE);
    expect(db.prepare('SELECT * FROM sign_in_failures').all()).toEqual([]);
  });
});
