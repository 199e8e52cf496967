/**
 * `GroupCommit`: the writes handed in during one turn commit in one transaction, each in its own
 * savepoint; a failing write rolls back alone; a failed COMMIT, or SQLite ending the transaction
 * itself, rejects every write of the group and stores none of them. A storage failure at COMMIT
 * reaches the callers as `StorageUnavailable` (answered 503 with Retry-After). What a write asks to
 * run after its commit (`afterCommit`: telling live listeners of an event) runs only once it is
 * committed; a transaction left open and work that awaits are refused instead of answered uncommitted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageUnavailable } from '../../../src-main/core/storage-unavailable.js';
import { openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';
import { GroupCommit } from '../../../src-main/store/group-commit.js';
import { guardStorage } from '../../../src-main/store/storage-guard.js';

let raw: Db;
let db: Db;
let group: GroupCommit;
/** Set: the connection's COMMIT fails as a full disk's would. */
let failCommit = false;
/** The SAVEPOINT statements the group ran. */
let ran: string[] = [];

/** The connection with a COMMIT that fails on demand, behind the storage guard as the server has it. */
function withFaultyCommit(target: Db): Db {
  return new Proxy(target, {
    get(connection, name) {
      const value: unknown = Reflect.get(connection, name, connection);
      if (name !== 'prepare') return typeof value === 'function' ? value.bind(connection) : value;
      return (sql: string) => {
        const statement = connection.prepare(sql);
        if (sql.startsWith('SAVEPOINT')) return { run: () => (ran.push(sql), statement.run()) };
        if (sql !== 'COMMIT') return statement;
        return {
          run: () => {
            if (failCommit) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
            return statement.run();
          },
        };
      };
    },
  });
}

beforeEach(() => {
  raw = openDatabase(':memory:', { migrations: [] });
  raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT');
  db = guardStorage(withFaultyCommit(raw), { onFailure: () => undefined, onRecovery: () => undefined });
  group = new GroupCommit(db);
  failCommit = false;
  ran = [];
});

afterEach(() => {
  raw.close();
});

const insert = (text: string) => () => db.prepare('INSERT INTO notes (text) VALUES (?)').run(text).changes;
const notes = () => (raw.prepare('SELECT text FROM notes ORDER BY id').all() as { text: string }[]).map((r) => r.text);

describe('GroupCommit', () => {
  it('commits the writes of one turn together, once, and resolves each with its result', async () => {
    const written = [group.run(insert('a')), group.run(insert('b')), group.run(insert('c'))];
    expect(notes()).toEqual([]);
    expect(await Promise.all(written)).toEqual([1, 1, 1]);
    expect(notes()).toEqual(['a', 'b', 'c']);
    expect(group.stats).toEqual({ groups: 1, writes: 3, largest: 3 });
    expect(raw.inTransaction).toBe(false);
  });

  it('rolls back a failing write alone', async () => {
    const failing = group.run(() => {
      insert('half')();
      throw new Error('refused');
    });
    const kept = group.run(insert('kept'));
    await expect(failing).rejects.toThrow('refused');
    await expect(kept).resolves.toBe(1);
    expect(notes()).toEqual(['kept']);
  });

  it('rejects every write of a group whose COMMIT fails with StorageUnavailable, and stores none', async () => {
    failCommit = true;
    const written = [group.run(insert('a')), group.run(insert('b'))];
    for (const each of written) {
      await expect(each).rejects.toBeInstanceOf(StorageUnavailable);
      await expect(each).rejects.toMatchObject({ status: 503, retryAfterSeconds: 5, code: 'SQLITE_FULL' });
    }
    expect(notes()).toEqual([]);
    expect(raw.inTransaction).toBe(false);
    failCommit = false;
    await group.run(insert('after'));
    expect(notes()).toEqual(['after']);
  });

  it('rejects the writes before one after which SQLite ended the transaction itself, and keeps the later ones', async () => {
    raw.exec(`CREATE TEMP TRIGGER end_all BEFORE INSERT ON main.notes WHEN NEW.text = 'ender'
      BEGIN SELECT RAISE(ROLLBACK, 'the whole transaction is rolled back'); END`);
    const before = group.run(insert('before'));
    const ender = group.run(insert('ender'));
    const after = group.run(insert('after'));
    await expect(before).rejects.toThrow('the whole transaction is rolled back');
    await expect(ender).rejects.toThrow('the whole transaction is rolled back');
    await expect(after).resolves.toBe(1);
    expect(notes()).toEqual(['after']);
  });

  it('writes what is queued at once when flushed (before the store closes)', async () => {
    const written = group.run(insert('queued'));
    group.flush();
    expect(notes()).toEqual(['queued']);
    await expect(written).resolves.toBe(1);
  });

  it('runs what a write asks after its commit only once committed, and never for a write rolled back', async () => {
    const told: string[] = [];
    const write =
      (text: string, fail = false) =>
      () => {
        insert(text)();
        group.afterCommit(() => told.push(`${text}: ${notes().join(',')}`));
        if (fail) throw new Error('refused');
        return 1;
      };
    const kept = group.run(write('a'));
    const refused = group.run(write('b', true));
    await expect(kept).resolves.toBe(1);
    await expect(refused).rejects.toThrow('refused');
    expect(told).toEqual(['a: a']);

    failCommit = true;
    await expect(group.run(write('c'))).rejects.toBeInstanceOf(StorageUnavailable);
    expect(told).toEqual(['a: a']);

    group.afterCommit(() => told.push('outside a group'));
    expect(told).toEqual(['a: a', 'outside a group']);
  });

  it('refuses to group writes into a transaction left open, and work that awaits', async () => {
    raw.exec('BEGIN');
    const written = group.run(insert('inside'));
    group.flush();
    await expect(written).rejects.toThrow('a group commit found a transaction already open');
    raw.exec('ROLLBACK');

    // What it writes before its first await is rolled back; the caller is not told it committed.
    const awaiting = group.run(async () => {
      insert('before the await')();
      await Promise.resolve();
      return 1;
    });
    await expect(awaiting).rejects.toThrow('a grouped write must be synchronous');
    expect(raw.inTransaction).toBe(false);
    expect(notes()).toEqual([]);
  });

  it('writes a lone write without a savepoint, with the same outcomes: committed, refused, or its COMMIT failed', async () => {
    const savepoints = () => ran.filter((sql) => sql.startsWith('SAVEPOINT')).length;
    await expect(group.run(insert('alone'))).resolves.toBe(1);
    expect(savepoints()).toBe(0);
    const told: string[] = [];
    const refused = group.run(() => {
      insert('half')();
      group.afterCommit(() => told.push('half'));
      throw new Error('refused');
    });
    await expect(refused).rejects.toThrow('refused');
    failCommit = true;
    await expect(group.run(insert('uncommitted'))).rejects.toBeInstanceOf(StorageUnavailable);
    failCommit = false;
    expect(savepoints()).toBe(0);
    expect(notes()).toEqual(['alone']);
    expect(told).toEqual([]);
    expect(raw.inTransaction).toBe(false);
    // Two writes of one turn: a savepoint each.
    await Promise.all([group.run(insert('b')), group.run(insert('c'))]);
    expect(savepoints()).toBe(2);
    expect(notes()).toEqual(['alone', 'b', 'c']);
  });
});
