/**
 * One Authbox process per data folder. The lock is an exclusive SQLite lock on `authbox.lock`,
 * held by an open transaction for the life of the process: the operating system drops it when the
 * process ends, however it ends, so a crash never leaves a stale lock behind. The holder's pid is
 * written beside it (`authbox.pid`) so the refusal can name it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const LOCK_FILE = 'authbox.lock';
export const PID_FILE = 'authbox.pid';

export interface FolderLock {
  release(): void;
}

/** Another process holds the folder. */
export class FolderLocked extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number | undefined,
  ) {
    super(
      pid === undefined
        ? `another Authbox is using ${folder}; stop it first, or choose another folder with --data`
        : `another Authbox (pid ${pid}) is using ${folder}; stop it first, or choose another folder with --data`,
    );
    this.name = 'FolderLocked';
  }
}

function holderPid(folder: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(folder, PID_FILE), 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the folder's lock without waiting, or throws `FolderLocked`. `nativeBinding` is the
 * better-sqlite3 build of the running runtime, as for the database.
 */
export function lockFolder(folder: string, nativeBinding?: string): FolderLock {
  const file = join(folder, LOCK_FILE);
  const db = new Database(file, { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new FolderLocked(folder, holderPid(folder));
    throw error;
  }
  writeFileSync(join(folder, PID_FILE), `${process.pid}\n`, { mode: 0o600 });
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      rmSync(join(folder, PID_FILE), { force: true });
      db.close();
    },
  };
}
