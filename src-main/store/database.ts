/**
 * Opens the SQLite database: WAL with synchronous=NORMAL, foreign keys, pending migrations in one transaction.
 * Refuses a database written by a newer Authbox and reports an unreadable file clearly.
 */
import Database from 'better-sqlite3';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.js';
import type { Migration } from './migrations/index.js';

export type Db = Database.Database;

export type StoreErrorCode = 'DB_NEWER' | 'DB_CORRUPT' | 'DB_OPEN' | 'DB_READONLY';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (the Electron build, see STACK.md). */
  nativeBinding?: string;
  migrations?: Migration[];
}

/** Opens (creating if needed) and migrates the database at `file` (`:memory:` for tests). */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new StoreError('DB_OPEN', `cannot open the database ${file}: ${(error as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL syncs at checkpoints, not at each commit: a committed write survives a crash
    // of the process (it is in the WAL file); a power loss can undo the last commits since the last
    // checkpoint, never corrupt the file (https://www.sqlite.org/pragma.html#pragma_synchronous).
    db.pragma('synchronous = NORMAL');
    // A checkpoint (copying the WAL into the file, with two fsyncs) every 4,000 pages (16 MiB) instead
    // of SQLite's 1,000: a token request writes about 20 pages, and each checkpoint stalls the commit
    // that runs it for tens of milliseconds here; fewer, larger ones copy a page changed by many
    // commits once: a fifth less CPU per token write and its p99 halved (24 to 13 ms) in a bench of them.
    db.pragma('wal_autocheckpoint = 4000');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // SQLite's page cache, per connection: 2 MiB (SQLite's default, set so it stays a stated bound of
    // the server's memory; https://www.sqlite.org/pragma.html#pragma_cache_size). No memory-mapped I/O.
    db.pragma('cache_size = -2048');
    // Savepoints (each token request's in its group commit, nested transactions) keep the pages they
    // change in a sub-journal, which SQLite spills to a temporary file past 64 KiB: a file created,
    // written and unlinked in /var/tmp for nearly every group, about 40% of a token's SQLite CPU here.
    // In memory it is a few hundred KiB while a group is written, freed at its COMMIT; SQLite's
    // temporary tables and sort indexes go to memory too (https://www.sqlite.org/pragma.html#pragma_temp_store).
    db.pragma('temp_store = MEMORY');
    checkIntegrity(db, file);
    probeWrite(db);
    migrate(db, options.migrations ?? MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    const code = (error as { code?: string }).code;
    if (code?.startsWith('SQLITE_READONLY')) {
      throw new StoreError(
        'DB_READONLY',
        `the database ${file} cannot be written (${(error as Error).message}); make it writable, or choose another --data folder`,
      );
    }
    if (code?.startsWith('SQLITE_NOTADB') || code?.startsWith('SQLITE_CORRUPT')) {
      throw new StoreError(
        'DB_CORRUPT',
        `the database ${file} is damaged or is not an Authbox database (${(error as Error).message})`,
      );
    }
    throw error;
  }
}

/**
 * SQLite's `quick_check`: every page and index entry is read and checked, without comparing
 * indexes to their tables (that is `integrity_check`, several times slower). It reads the whole
 * file once, so its cost grows with the database (see the README's Security section for the
 * measured cost); a fresh database takes well under a millisecond.
 */
function checkIntegrity(db: Db, file: string): void {
  const problems = (db.pragma('quick_check(3)') as { quick_check: string }[]).map((row) => row.quick_check);
  if (problems.length === 1 && problems[0] === 'ok') return;
  throw new StoreError(
    'DB_CORRUPT',
    `the database ${file} is damaged (${problems.join('; ').replace(/\s+/g, ' ')}); restore it from a copy, or choose another --data folder`,
  );
}

/** A write that changes nothing (the schema version, set to itself): a read-only file fails here, at start. */
function probeWrite(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  db.pragma(`user_version = ${version}`);
}

/** Runs every migration newer than `user_version`, all in one transaction. */
export function migrate(db: Db, migrations: Migration[]): void {
  const latest = migrations.length ? Math.max(...migrations.map((m) => m.version)) : 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new StoreError(
      'DB_NEWER',
      `the database was written by a newer Authbox (schema ${current}, this version knows up to ${latest}); update Authbox or use another --data folder`,
    );
  }
  const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  if (!pending.length) return;
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.sql);
    db.pragma(`user_version = ${pending[pending.length - 1]!.version}`);
  })();
}

export { LATEST_VERSION };
