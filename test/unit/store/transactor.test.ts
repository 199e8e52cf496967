/**
 * `SqliteTransactor`: a multi-step write in one transaction, and what it asks to run after its commit
 * (`afterCommit`: telling live listeners of an event) run only once the outermost transaction
 * committed, dropped when it rolls back; outside a transaction, at once; inside a group commit's
 * write, once that group committed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';
import { GroupCommit } from '../../../src-main/store/group-commit.js';
import { SqliteTransactor } from '../../../src-main/store/transactor.js';

let db: Db;
let group: GroupCommit;
let tx: SqliteTransactor;

beforeEach(() => {
  db = openDatabase(':memory:');
  db.exec('CREATE TABLE t (v TEXT NOT NULL) STRICT');
  group = new GroupCommit(db);
  tx = new SqliteTransactor(db, group);
});

afterEach(() => db.close());

const insert = (v: string) => db.prepare('INSERT INTO t (v) VALUES (?)').run(v);
const rows = () => (db.prepare('SELECT v FROM t ORDER BY rowid').all() as { v: string }[]).map((r) => r.v);

describe('SqliteTransactor', () => {
  it('runs what waits on the commit once the transaction committed, with the rows stored', () => {
    const told: string[][] = [];
    const value = tx.run(() => {
      insert('a');
      tx.afterCommit(() => told.push(rows()));
      expect(told).toEqual([]);
      return 'done';
    });
    expect(value).toBe('done');
    expect(told).toEqual([['a']]);
  });

  it('drops what waits on the commit when the transaction rolls back', () => {
    const told: string[] = [];
    expect(() =>
      tx.run(() => {
        insert('a');
        tx.afterCommit(() => told.push('a'));
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(rows()).toEqual([]);
    expect(told).toEqual([]);
    // The next transaction tells its own.
    tx.run(() => tx.afterCommit(() => told.push('b')));
    expect(told).toEqual(['b']);
  });

  it('holds what a nested run asks until the outermost commit, and drops it with the outer rollback', () => {
    const told: string[] = [];
    tx.run(() => {
      tx.run(() => {
        insert('inner');
        tx.afterCommit(() => told.push('inner'));
      });
      expect(told).toEqual([]);
    });
    expect(told).toEqual(['inner']);
    expect(() =>
      tx.run(() => {
        tx.run(() => tx.afterCommit(() => told.push('lost')));
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(told).toEqual(['inner']);
  });

  it('runs it at once outside a transaction, and after the group commit inside a grouped write', async () => {
    const told: string[] = [];
    tx.afterCommit(() => told.push('now'));
    expect(told).toEqual(['now']);
    const written = group.run(() => {
      insert('grouped');
      tx.afterCommit(() => told.push('grouped'));
      expect(told).toEqual(['now']);
    });
    await written;
    expect(told).toEqual(['now', 'grouped']);
  });
});
