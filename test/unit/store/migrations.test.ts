import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, StoreError, migrate, openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';
import { MIGRATIONS } from '../../../src-main/store/migrations/index.js';
import type { Migration } from '../../../src-main/store/migrations/index.js';

const userVersion = (db: Db) => db.pragma('user_version', { simple: true }) as number;
const tableNames = (db: Db) =>
  (
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((r) => r.name);

/** Runs `action` and returns the StoreError it throws. */
function storeError(action: () => unknown): StoreError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected a StoreError, nothing was thrown');
}

const SERVER_SQL = `INSERT INTO authorization_servers
  (id, name, description, audiences, issuer_mode, status, is_default, rotation_mode, last_rotated, next_rotation, created, last_updated)
  VALUES (@id, 'n', 'd', '["api://x"]', 'ORG_URL', 'ACTIVE', @is_default, 'AUTO', NULL, NULL, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`;
const KEY_SQL = `INSERT INTO signing_keys (kid, server_id, status, public_jwk, private_jwk, created)
  VALUES (@kid, @server_id, 'ACTIVE', '{}', '{}', '2024-01-01T00:00:00.000Z')`;

let dir: string;
const open: Db[] = [];
const track = (db: Db) => {
  open.push(db);
  return db;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'authbox-store-'));
});

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration list', () => {
  it('is numbered in ascending, unique steps with names', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(versions.every((v) => Number.isInteger(v) && v > 0)).toBe(true);
    expect(MIGRATIONS.every((m) => m.name.trim().length > 0)).toBe(true);
    expect(LATEST_VERSION).toBe(versions[versions.length - 1]);
  });

  it.each(MIGRATIONS.map((m) => [m.version, m.name, m] as const))(
    'applies migration %i (%s) on top of the ones before it',
    (version, _name, migration) => {
      const db = track(new Database(':memory:'));
      db.pragma('foreign_keys = ON');
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version < version),
      );
      // Each migration changes the schema (most add to it; one that rebuilds a table may leave fewer objects).
      const schema = () =>
        db
          .prepare("SELECT group_concat(type || ' ' || name || ' ' || ifnull(sql, ''), ';') AS s FROM sqlite_schema")
          .get();
      const before = schema();
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= migration.version),
      );
      expect(userVersion(db)).toBe(version);
      expect(schema()).not.toEqual(before);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    },
  );
});

describe('migration 0010: settings, authorization servers and signing keys', () => {
  it('creates the three tables with their columns', () => {
    const db = track(new Database(':memory:'));
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 10),
    );
    expect(tableNames(db)).toEqual(['authorization_servers', 'settings', 'signing_keys']);
    const columns = (table: string) =>
      (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
    expect(columns('settings')).toEqual(['key', 'value']);
    expect(columns('signing_keys')).toEqual(['kid', 'server_id', 'status', 'public_jwk', 'private_jwk', 'created']);
    expect(columns('authorization_servers')).toEqual([
      'seq',
      'id',
      'name',
      'description',
      'audiences',
      'issuer_mode',
      'status',
      'is_default',
      'rotation_mode',
      'last_rotated',
      'next_rotation',
      'created',
      'last_updated',
    ]);
  });
});

describe('openDatabase on a fresh database', () => {
  it('applies every migration and sets user_version to the latest', () => {
    const db = track(openDatabase(':memory:'));
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['authorization_servers', 'settings', 'signing_keys']));
  });

  it('makes every table STRICT', () => {
    const db = track(openDatabase(':memory:'));
    const tables = db
      .prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'")
      .all() as {
      name: string;
      strict: number;
    }[];
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(table.strict, table.name).toBe(1);
  });

  it('refuses a value of the wrong type (STRICT)', () => {
    const db = track(openDatabase(':memory:'));
    expect(() => db.prepare(SERVER_SQL).run({ id: 'aus1', is_default: 'yes' })).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    expect(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', Buffer.from('blob'))).toThrow(
      /cannot store BLOB value in TEXT column/,
    );
  });

  it('turns foreign keys on: a key needs its server, and deleting the server cascades to its keys', () => {
    const db = track(openDatabase(':memory:'));
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare(KEY_SQL).run({ kid: 'orphan', server_id: 'aus-missing' })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    db.prepare(SERVER_SQL).run({ id: 'aus1', is_default: 0 });
    db.prepare(KEY_SQL).run({ kid: 'k1', server_id: 'aus1' });
    db.prepare(KEY_SQL).run({ kid: 'k2', server_id: 'aus1' });
    db.prepare('DELETE FROM authorization_servers WHERE id = ?').run('aus1');
    expect(db.prepare('SELECT count(*) AS n FROM signing_keys').get()).toEqual({ n: 0 });
  });

  it('enforces the status and mode CHECK constraints', () => {
    const db = track(openDatabase(':memory:'));
    db.prepare(SERVER_SQL).run({ id: 'aus1', is_default: 0 });
    expect(() => db.prepare("UPDATE authorization_servers SET status = 'PAUSED'").run()).toThrow(
      /CHECK constraint failed/,
    );
    expect(() => db.prepare("UPDATE authorization_servers SET rotation_mode = 'WEEKLY'").run()).toThrow(
      /CHECK constraint failed/,
    );
    expect(() => db.prepare('UPDATE authorization_servers SET is_default = 2').run()).toThrow(
      /CHECK constraint failed/,
    );
  });

  it('uses WAL journaling for a database file', () => {
    const db = track(openDatabase(join(dir, 'authbox.db')));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('does nothing when reopened at the latest version', () => {
    const file = join(dir, 'authbox.db');
    openDatabase(file).close();
    const db = track(openDatabase(file));
    expect(userVersion(db)).toBe(LATEST_VERSION);
  });
});

describe('pending migrations', () => {
  const m1: Migration = { version: 1, name: 'one', sql: 'CREATE TABLE one (id INTEGER PRIMARY KEY) STRICT;' };
  const m2: Migration = { version: 2, name: 'two', sql: 'CREATE TABLE two (id INTEGER PRIMARY KEY) STRICT;' };
  const broken: Migration = {
    version: 3,
    name: 'broken',
    sql: 'CREATE TABLE three (id INTEGER PRIMARY KEY) STRICT; NOT VALID SQL;',
  };

  it('run in version order whatever order they are listed in', () => {
    const db = track(new Database(':memory:'));
    const m2NeedsOne: Migration = {
      version: 2,
      name: 'two',
      sql: 'CREATE TABLE two (one_id INTEGER REFERENCES one (id)) STRICT;',
    };
    migrate(db, [m2NeedsOne, m1]);
    expect(userVersion(db)).toBe(2);
    expect(tableNames(db)).toEqual(['one', 'two']);
  });

  it('roll back together when a later one fails, leaving user_version unchanged', () => {
    const db = track(new Database(':memory:'));
    const failing: Migration = {
      version: 2,
      name: 'fails',
      sql: 'CREATE TABLE two (id INTEGER) STRICT; INSERT INTO missing VALUES (1);',
    };
    expect(() => migrate(db, [m1, failing])).toThrow(/no such table: missing/);
    expect(tableNames(db)).toEqual([]);
    expect(userVersion(db)).toBe(0);
  });

  it('roll back on open of a file and leave the earlier schema intact', () => {
    const file = join(dir, 'authbox.db');
    openDatabase(file, { migrations: [m1] }).close();
    expect(() => openDatabase(file, { migrations: [m1, m2, broken] })).toThrow();
    const db = track(new Database(file));
    expect(userVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['one']);
  });

  it('only the ones above user_version run', () => {
    const file = join(dir, 'authbox.db');
    openDatabase(file, { migrations: [m1] }).close();
    // m1 would fail if it ran again: its table already exists.
    const db = track(openDatabase(file, { migrations: [m1, m2] }));
    expect(userVersion(db)).toBe(2);
    expect(tableNames(db)).toEqual(['one', 'two']);
  });
});

describe('databases Authbox cannot use', () => {
  it('refuses a database newer than the code with DB_NEWER', () => {
    const db = track(new Database(':memory:'));
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    const error = storeError(() => migrate(db, MIGRATIONS));
    expect(error.code).toBe('DB_NEWER');
    expect(error.message).toBe(
      `the database was written by a newer Authbox (schema ${LATEST_VERSION + 1}, this version knows up to ${LATEST_VERSION}); update Authbox or use another --data folder`,
    );
    expect(userVersion(db)).toBe(LATEST_VERSION + 1);
  });

  it('refuses to open a newer database file and leaves it untouched', () => {
    const file = join(dir, 'authbox.db');
    const raw = new Database(file);
    raw.pragma('user_version = 9999');
    raw.close();
    const error = storeError(() => openDatabase(file));
    expect(error.code).toBe('DB_NEWER');
    expect(error.message).toContain('newer Authbox');
    expect(error.message).toContain('9999');
    const db = track(new Database(file));
    expect(userVersion(db)).toBe(9999);
    expect(tableNames(db)).toEqual([]);
  });

  it('reports a file that is not SQLite as DB_CORRUPT, naming the file', () => {
    const file = join(dir, 'authbox.db');
    writeFileSync(file, 'this is not a database, just some text that is long enough to fill a header. '.repeat(50));
    const error = storeError(() => openDatabase(file));
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toContain(file);
    expect(error.message).toContain('damaged');
  });

  it('reports a path that cannot be opened as DB_OPEN, naming the file', () => {
    const file = join(dir, 'no-such-folder', 'authbox.db');
    const error = storeError(() => openDatabase(file));
    expect(error.code).toBe('DB_OPEN');
    expect(error.message).toContain(file);
  });
});
