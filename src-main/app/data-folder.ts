/**
 * The data folder holds the admin token, the private signing keys and client secrets, so it is
 * private to its owner: created 0700, every file in it 0600, and a start refuses a folder or a
 * database file that other users can read or write (unless `--allow-shared-data`). Before the
 * database opens, a small file is written and removed so an unusable folder — read-only, a special
 * file system such as /proc, a file in the way — is refused with one line, never a hang.
 * POSIX modes do not exist on Windows: there the per-user profile folder's ACL protects it.
 */
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Group and other bits: a folder or file with any of them set is shared. */
const SHARED_BITS = 0o077;
const PROBE_FILE = '.authbox-write-probe';

export interface DataFolderOptions {
  /** Start even when other users can read the folder or database (`--allow-shared-data`). */
  allowShared?: boolean;
  platform?: NodeJS.Platform;
}

/** Why the data folder cannot be used: one line that names the folder and the fix. */
export class DataFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFolderError';
  }
}

const reasonOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

function unusable(dataDir: string, error: unknown): DataFolderError {
  return new DataFolderError(`cannot use the data folder ${dataDir} (${reasonOf(error)}); choose another with --data`);
}

/**
 * Creates the folder and its missing parents one level at a time (0700). Node's recursive
 * `mkdirSync` never returns for a path under /proc (it retries forever), so it is not used.
 */
function makeFolder(dataDir: string): void {
  const missing: string[] = [];
  let current = dataDir;
  for (;;) {
    try {
      lstatSync(current);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(current);
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
  }
  for (const folder of missing.reverse()) mkdirSync(folder, { mode: 0o700 });
}

/** A file Authbox writes (the database before SQLite creates it, the lock): created empty and 0600. */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
}

/** Refuses a folder or file whose mode lets other users in. */
function checkPrivate(path: string, kind: 'file' | 'folder', fix: string, options: DataFolderOptions): void {
  if (options.allowShared || (options.platform ?? process.platform) === 'win32') return;
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const mode = stats.mode & 0o777;
  // Something else where the database should be (a folder) is reported when it is opened.
  if (stats.isDirectory() !== (kind === 'folder')) return;
  if (mode & SHARED_BITS) {
    throw new DataFolderError(
      `${kind === 'folder' ? 'the data folder' : 'the database file'} ${path} can be read by other users (mode ${mode.toString(8).padStart(4, '0')}); run \`${fix}\`, or start with --allow-shared-data`,
    );
  }
}

/** Removes the probe, as `rmSync(probe, { force: true })` would: rmSync loads Node's recursive-removal module on its first call. */
function removeProbe(probe: string): void {
  try {
    unlinkSync(probe);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Writes, syncs and removes a small file: proves the folder takes writes before anything else opens. */
function probeWrite(dataDir: string): void {
  const probe = join(dataDir, PROBE_FILE);
  const fd = openSync(probe, 'w', 0o600);
  try {
    writeSync(fd, 'authbox');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
    removeProbe(probe);
  }
}

/**
 * Makes `dataDir` ready for the database: created private if missing, a folder, private unless
 * shared data is allowed, writable. Throws `DataFolderError` with one line otherwise.
 */
export function prepareDataFolder(dataDir: string, options: DataFolderOptions = {}): void {
  try {
    makeFolder(dataDir);
    if (!statSync(dataDir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    throw unusable(dataDir, error);
  }
  checkPrivate(dataDir, 'folder', `chmod 700 ${dataDir}`, options);
  try {
    probeWrite(dataDir);
  } catch (error) {
    throw unusable(dataDir, error);
  }
}

/**
 * The database and its WAL and shared-memory files must be private too. A new database file is
 * created 0600 first: SQLite then gives its -wal and -shm files the same mode.
 */
export function prepareDatabaseFile(file: string, options: DataFolderOptions = {}): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    checkPrivate(path, 'file', `chmod 600 ${file}*`, options);
  }
  try {
    createPrivateFile(file);
  } catch {
    // A folder or another odd thing in the way: opening the database reports it with its name.
  }
}
