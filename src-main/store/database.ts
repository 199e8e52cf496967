/**
 * Opens the SQLite database: WAL with synchronous=NORMAL, foreign keys, pending migrations in one transaction.
 * Refuses a database written by a newer Authbox and reports an unreadable file clearly.
 */
import Database from 'better-sqlite3';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.js';
import type { Migration } from './migrations/index.js';

export type Db = Database.Database;

export type StoreErrorCode = 'DB_NEWER' | 'DB_CORRUPT' | 'DB_OPEN';

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
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new StoreError(
        'DB_CORRUPT',
        `the database ${file} is damaged or is not an Authbox database (${(error as Error).message})`,
      );
    }
    throw error;
  }
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
