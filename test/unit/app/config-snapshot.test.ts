/**
 * The configuration snapshot on a real in-memory database: reads answered from memory until any
 * write, frozen answers, no read remembered inside a transaction, and a bounded number of entries.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigSnapshot } from '../../../src-main/app/config-snapshot.js';
import { openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';

/** A repository of one table, counting how often it reaches SQLite. */
class Things {
  reads = 0;
  constructor(private readonly db: Db) {}
  get(id: string): { id: string; tags: string[] } | undefined {
    this.reads++;
    const row = this.db.prepare('SELECT id, tags FROM things WHERE id = ?').get(id) as
      { id: string; tags: string } | undefined;
    return row && { id: row.id, tags: JSON.parse(row.tags) as string[] };
  }
  insert(id: string, tags: string[]): void {
    this.db.prepare('INSERT INTO things (id, tags) VALUES (?, ?)').run(id, JSON.stringify(tags));
  }
  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM things WHERE id = ?').get(id) !== undefined;
  }
}

let db: Db;
let snapshot: ConfigSnapshot;
let raw: Things;
let things: Things;

beforeEach(() => {
  db = openDatabase(':memory:', { migrations: [] });
  db.exec('CREATE TABLE things (id TEXT PRIMARY KEY, tags TEXT NOT NULL) STRICT');
  snapshot = new ConfigSnapshot(db);
  raw = new Things(db);
  things = snapshot.wrap('things', raw, ['get'], ['exists']);
  things.insert('a', ['x']);
});
afterEach(() => db.close());

describe('ConfigSnapshot', () => {
  it('answers a read from memory until a write, which is seen by the next read', () => {
    expect(things.get('a')).toEqual({ id: 'a', tags: ['x'] });
    expect(things.get('a')).toEqual({ id: 'a', tags: ['x'] });
    expect(raw.reads).toBe(1);
    const version = snapshot.version;
    things.insert('b', ['y']);
    expect(snapshot.version).toBeGreaterThan(version);
    expect(things.get('b')).toEqual({ id: 'b', tags: ['y'] });
    expect(things.get('a')).toEqual({ id: 'a', tags: ['x'] });
    expect(raw.reads).toBe(3);
  });

  it('keeps a value built from several reads until a write, frozen, not from inside a transaction, and builds it again after', () => {
    let builds = 0;
    const both = () =>
      snapshot.cached('both', () => {
        builds++;
        return [things.get('a'), things.get('b')];
      });
    const first = both();
    expect(both()).toBe(first);
    expect(builds).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
    things.insert('b', ['y']);
    expect(both()).toEqual([
      { id: 'a', tags: ['x'] },
      { id: 'b', tags: ['y'] },
    ]);
    expect(builds).toBe(2);
    // Not kept from inside a transaction, which could still roll back.
    db.transaction(() => both())();
    expect(builds).toBe(3);
    // Its key cannot meet a wrapped read's (`things.get"…`).
    expect(snapshot.cached('things.get"a', () => 'built')).toBe('built');
  });

  it('remembers an absent record as absent, until the write that adds it', () => {
    expect(things.get('c')).toBeUndefined();
    things.insert('c', []);
    expect(things.get('c')).toEqual({ id: 'c', tags: [] });
  });

  it('hands out frozen answers, so a caller cannot change what others read', () => {
    const thing = things.get('a')!;
    expect(() => thing.tags.push('y')).toThrow(TypeError);
    expect(things.get('a')!.tags).toEqual(['x']);
  });

  it('does not remember a read made inside a transaction that rolls back', () => {
    expect(() =>
      db.transaction(() => {
        raw.insert('d', ['uncommitted']);
        expect(things.get('d')).toEqual({ id: 'd', tags: ['uncommitted'] });
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(things.get('d')).toBeUndefined();
  });

  it('passes the named pass-through methods along without emptying the snapshot', () => {
    things.get('a');
    const version = snapshot.version;
    expect(things.exists('a')).toBe(true);
    expect(snapshot.version).toBe(version);
    things.get('a');
    expect(raw.reads).toBe(1);
  });

  it('keeps the answers of different arguments apart: one id, the same text in a list, several, none', () => {
    class Echo {
      calls = 0;
      find(...args: unknown[]): { args: unknown[] } {
        this.calls++;
        return { args };
      }
    }
    const echo = new Echo();
    const wrapped = snapshot.wrap('echo', echo, ['find']);
    const calls: unknown[][] = [['a'], [['a']], ['["a"]'], ['"a'], ['a', 'b'], [], [1]];
    for (const args of calls) expect(wrapped.find(...args)).toEqual({ args });
    for (const args of calls) expect(wrapped.find(...args)).toEqual({ args });
    expect(echo.calls).toBe(calls.length);
  });

  it('keeps at most 5,000 answers, the least recently used dropped first', () => {
    for (let i = 0; i < 6000; i++) things.get(`missing-${i}`);
    expect(snapshot.size).toBe(5000);
    const reads = raw.reads;
    things.get('missing-5999');
    expect(raw.reads).toBe(reads);
    things.get('missing-0');
    expect(raw.reads).toBe(reads + 1);
  });

  it('moves an entry read on a hit only once 2,500 others were added after it: a young hit is a lookup', () => {
    things.get('young');
    things.get('next');
    // A hit right after its entry was added leaves the table as it is: `young` is still the oldest.
    things.get('young');
    for (let i = 0; i < 4998; i++) things.get(`filler-${i}`);
    expect(snapshot.size).toBe(5000);
    things.get('one-more');
    const reads = raw.reads;
    things.get('next');
    expect(raw.reads).toBe(reads);
    things.get('young');
    expect(raw.reads).toBe(reads + 1);
  });

  it('keeps an entry read at least once in every 2,400 new answers, however many come', () => {
    things.get('a');
    const reads = raw.reads;
    for (let i = 0; i < 20_000; i++) {
      things.get(`missing-${i}`);
      if (i % 2400 === 0) {
        things.get('a');
        expect(raw.reads).toBe(reads + i + 1);
      }
    }
    expect(snapshot.size).toBe(5000);
  });
});
