/** Statements kept per connection: prepared once per SQL text, bounded, per connection. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/database.js';
import { prepared } from '../../../src-main/store/statements.js';

describe('prepared', () => {
  it('hands back the same statement for the same SQL on the same connection', () => {
    const db = openDatabase(':memory:', { migrations: [] });
    const other = openDatabase(':memory:', { migrations: [] });
    expect(prepared(db, 'SELECT 1')).toBe(prepared(db, 'SELECT 1'));
    expect(prepared(db, 'SELECT 1')).not.toBe(prepared(db, 'SELECT 2'));
    expect(prepared(other, 'SELECT 1')).not.toBe(prepared(db, 'SELECT 1'));
    db.close();
    other.close();
  });

  it('keeps at most 1,000 texts per connection, dropping the least recently used', () => {
    const db = openDatabase(':memory:', { migrations: [] });
    const first = prepared(db, 'SELECT 0');
    for (let i = 1; i <= 1000; i++) prepared(db, `SELECT ${i}`);
    expect(prepared(db, 'SELECT 1000')).toBe(prepared(db, 'SELECT 1000'));
    expect(prepared(db, 'SELECT 0')).not.toBe(first);
    db.close();
  });

  it('opens the database in WAL mode with synchronous=NORMAL, checkpointing every 4,000 pages', () => {
    const db = openDatabase(':memory:', { migrations: [] });
    // 1 = NORMAL (https://www.sqlite.org/pragma.html#pragma_synchronous)
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(4000);
    db.close();
  });

  it('keeps savepoint sub-journals in memory: a savepoint past 64 KiB of changed pages still rolls back alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'authbox-temp-store-'));
    const db = openDatabase(join(dir, 'authbox.db'), { migrations: [] });
    try {
      // 2 = MEMORY (https://www.sqlite.org/pragma.html#pragma_temp_store)
      expect(db.pragma('temp_store', { simple: true })).toBe(2);
      db.exec('CREATE TABLE t (v TEXT NOT NULL)');
      const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
      db.exec('BEGIN');
      db.exec('SAVEPOINT kept');
      insert.run('kept');
      db.exec('RELEASE kept');
      db.exec('SAVEPOINT undone');
      for (let i = 0; i < 100; i++) insert.run('x'.repeat(2000));
      db.exec('ROLLBACK TO undone');
      db.exec('RELEASE undone');
      db.exec('COMMIT');
      expect(db.prepare('SELECT v FROM t').all()).toEqual([{ v: 'kept' }]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
