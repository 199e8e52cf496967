import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';
import { SqliteClientAssertionRepository } from '../../../src-main/store/client-assertion-repository.js';

const at = (seconds: number) => new Date(Date.UTC(2025, 0, 1) + seconds * 1000);
let db: Db | undefined;

afterEach(() => {
  db?.close();
});

describe('migration 0070 and the used client assertions', () => {
  it('creates a STRICT table keyed by client and jti', () => {
    db = openDatabase(':memory:');
    const columns = db.prepare("SELECT name, pk FROM pragma_table_info('client_assertions')").all() as {
      name: string;
      pk: number;
    }[];
    expect(columns).toEqual([
      { name: 'client_id', pk: 1 },
      { name: 'jti', pk: 2 },
      { name: 'expires_at', pk: 0 },
    ]);
    expect(() => db!.prepare("INSERT INTO client_assertions VALUES ('c', 'j', 'soon')").run()).toThrow();
  });

  it('accepts a jti once per client until it expires, then sweeps it', () => {
    db = openDatabase(':memory:');
    const store = new SqliteClientAssertionRepository(db);
    expect(store.useOnce('c1', 'j1', at(60), at(0))).toBe(true);
    expect(store.useOnce('c1', 'j1', at(60), at(30))).toBe(false);
    expect(store.useOnce('c2', 'j1', at(60), at(30))).toBe(true);
    expect(store.useOnce('c1', 'j2', at(200), at(61))).toBe(true);
    const rows = db.prepare('SELECT client_id, jti FROM client_assertions ORDER BY client_id, jti').all();
    expect(rows).toEqual([{ client_id: 'c1', jti: 'j2' }]);
    // Expired and swept: the same jti is new again (its assertion could no longer pass the exp check anyway).
    expect(store.useOnce('c1', 'j1', at(300), at(61))).toBe(true);
  });
});
