/**
 * Wraps the database so that a storage failure at run time — SQLITE_FULL, SQLITE_READONLY,
 * SQLITE_CORRUPT / SQLITE_NOTADB, SQLITE_IOERR, SQLITE_BUSY past the busy timeout — leaves every
 * statement as a `StorageUnavailable` (answered 503) instead of an unexpected error (500). The
 * first failure and the recovery (the next statement that works) are each reported once.
 */
import type Database from 'better-sqlite3';
import { StorageUnavailable } from '../core/storage-unavailable.js';
import type { Db } from './database.js';

const STORAGE_CODES = /^SQLITE_(FULL|READONLY|CORRUPT|NOTADB|IOERR|BUSY|CANTOPEN|PROTOCOL|NOLFS)/;

/** A store error that says the storage, not the request, is at fault. */
export function isStorageFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STORAGE_CODES.test(code);
}

export interface StorageHealth {
  /** The first failure after a healthy spell: its code and message. */
  onFailure(code: string, message: string): void;
  /** The first statement that worked after failures; `failures` counts the failed statements in between. */
  onRecovery(since: Date, failures: number): void;
}

const STATEMENT_CALLS = new Set(['run', 'get', 'all', 'iterate']);

/** The same database, its statements and transactions reporting storage failures as `StorageUnavailable`. */
export function guardStorage(db: Db, health: StorageHealth): Db {
  let failedSince: Date | undefined;
  let failures = 0;

  const translate = (error: unknown): unknown => {
    if (!isStorageFailure(error)) return error;
    const { code, message } = error as { code: string; message: string };
    failures += 1;
    if (!failedSince) {
      failedSince = new Date();
      health.onFailure(code, message);
    }
    return new StorageUnavailable(code, `${code}: ${message}`);
  };
  const succeeded = () => {
    if (!failedSince) return;
    const since = failedSince;
    const count = failures;
    failedSince = undefined;
    failures = 0;
    health.onRecovery(since, count);
  };
  const guarded = <A extends unknown[], R>(call: (...args: A) => R) =>
    function (this: unknown, ...args: A): R {
      let result: R;
      try {
        result = call.apply(this, args);
      } catch (error) {
        throw translate(error);
      }
      succeeded();
      return result;
    };

  const statement = (target: Database.Statement): Database.Statement => {
    // A statement's methods never change: each is wrapped once, not on every call (kept statements run often).
    const methods = new Map<PropertyKey, unknown>();
    const wrapped: Database.Statement = new Proxy(target, {
      get(stmt, name) {
        const value: unknown = Reflect.get(stmt, name, stmt);
        if (typeof value !== 'function') return value;
        let method = methods.get(name);
        if (method) return method;
        const bound = (value as (...args: unknown[]) => unknown).bind(stmt);
        method = STATEMENT_CALLS.has(String(name))
          ? guarded(bound)
          : // Builder calls (pluck, raw, bind, …) return the statement itself: keep it guarded.
            (...args: unknown[]) => {
              const out = bound(...args);
              return out === stmt ? wrapped : out;
            };
        methods.set(name, method);
        return method;
      },
    });
    return wrapped;
  };

  return new Proxy(db, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name, target);
      if (typeof value !== 'function') return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      if (name === 'prepare') return guarded((source: string) => statement(bound(source) as Database.Statement));
      if (name === 'transaction')
        return (work: (...args: unknown[]) => unknown) => guarded(bound(work) as (...args: unknown[]) => unknown);
      if (name === 'exec' || name === 'pragma') return guarded(bound);
      return bound;
    },
  });
}
