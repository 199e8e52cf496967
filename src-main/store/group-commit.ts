/**
 * Group commit: the writes handed in during one turn of the event loop run together, on the next
 * `setImmediate`, in ONE SQLite transaction, each in its own SAVEPOINT; each caller's promise settles
 * only once that transaction committed. A COMMIT costs a WAL frame per page it changed and the lock
 * and header work of the commit itself; token requests arriving together touch the same index pages
 * (the newest rows of each table), so a group writes those pages once instead of once per request.
 * - a write that throws rolls back to its own savepoint: the others of the group keep theirs;
 * - a failed COMMIT (or an error after which SQLite rolled the whole transaction back itself, as it
 *   may on SQLITE_FULL or SQLITE_IOERR; https://www.sqlite.org/lang_transaction.html "Response To
 *   Errors Within A Transaction") rejects every write of the group with that error: none of it is stored;
 * - no transaction stays open between turns, so a writer outside the group (the management API,
 *   sign-in, sweeps) runs its own transaction as before and its acknowledged write never waits on,
 *   or depends on, a group's commit.
 * A group of one write (a lone request: every sequential flow's token exchange) runs without a
 * savepoint: with no other write to keep, rolling back the whole transaction is rolling back its
 * own, and SQLite keeps no copy of the pages it changes for a savepoint to return to.
 */
import type { Db } from './database.js';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Done {
  pending: Pending;
  value: unknown;
  /** What the write asked to run once it is committed (`afterCommit`). */
  committed: (() => void)[];
}

/** What the last groups were made of (`npm run bench` prints it; tests read it). */
export interface GroupStats {
  groups: number;
  writes: number;
  largest: number;
}

/** A write's result; work that awaits would write after its savepoint is released, outside the group. */
function synchronous(value: unknown): unknown {
  if (typeof (value as { then?: unknown } | null)?.then !== 'function') return value;
  (value as Promise<unknown>).then(undefined, () => undefined);
  throw new Error('a grouped write must be synchronous');
}

export class GroupCommit {
  private queue: Pending[] = [];
  /** The `afterCommit` callbacks of the write now running in a flush; undefined outside one. */
  private running: (() => void)[] | undefined;
  readonly stats: GroupStats = { groups: 0, writes: 0, largest: 0 };
  private readonly begin;
  private readonly commit;
  private readonly rollback;
  private readonly savepoint;
  private readonly release;
  private readonly rollbackTo;

  constructor(private readonly db: Db) {
    this.begin = db.prepare('BEGIN');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.savepoint = db.prepare('SAVEPOINT grouped_write');
    this.release = db.prepare('RELEASE grouped_write');
    this.rollbackTo = db.prepare('ROLLBACK TO grouped_write');
  }

  /** Runs `work` in the group of this turn; resolves with its result once the group committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(this.flush);
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /** Runs `fn` once the write now running has committed (dropped if it is rolled back); outside a flush, at once. */
  afterCommit(fn: () => void): void {
    if (this.running) this.running.push(fn);
    else fn();
  }

  /** Writes and commits what is queued now (the next turn's flush then finds nothing); run before the store closes. */
  readonly flush = (): void => {
    const group = this.queue;
    if (group.length === 0) return;
    this.queue = [];
    this.stats.groups += 1;
    this.stats.writes += group.length;
    this.stats.largest = Math.max(this.stats.largest, group.length);
    let done: Done[] = [];
    try {
      // A transaction left open here would make the group's COMMIT someone else's: refuse rather
      // than answer writes that are not committed.
      if (this.db.inTransaction) throw new Error('a group commit found a transaction already open');
      this.begin.run();
    } catch (error) {
      for (const pending of group) pending.reject(error);
      return;
    }
    if (group.length === 1) return this.writeAlone(group[0]!);
    for (const pending of group) {
      const committed: (() => void)[] = [];
      this.running = committed;
      try {
        this.savepoint.run();
        const value = synchronous(pending.work());
        this.release.run();
        done.push({ pending, value, committed });
      } catch (error) {
        pending.reject(error);
        if (this.undo()) continue;
        // SQLite ended the transaction itself: what the group wrote before is gone too.
        for (const each of done) each.pending.reject(error);
        done = [];
        try {
          this.begin.run();
        } catch (beginError) {
          for (const rest of group.slice(group.indexOf(pending) + 1)) rest.reject(beginError);
          return;
        }
      } finally {
        this.running = undefined;
      }
    }
    try {
      this.commit.run();
    } catch (error) {
      this.abandon();
      for (const each of done) each.pending.reject(error);
      return;
    }
    for (const each of done) {
      each.pending.resolve(each.value);
      for (const fn of each.committed) fn();
    }
  };

  /** The one write of a group in the transaction just begun, without a savepoint: it commits, or nothing does. */
  private writeAlone(pending: Pending): void {
    const committed: (() => void)[] = [];
    this.running = committed;
    let value: unknown;
    try {
      value = synchronous(pending.work());
      this.commit.run();
    } catch (error) {
      this.abandon();
      pending.reject(error);
      return;
    } finally {
      this.running = undefined;
    }
    pending.resolve(value);
    for (const fn of committed) fn();
  }

  /** Rolls one write back to its savepoint; false when no transaction is left to roll back in. */
  private undo(): boolean {
    if (!this.db.inTransaction) return false;
    try {
      this.rollbackTo.run();
      this.release.run();
      return true;
    } catch {
      this.abandon();
      return false;
    }
  }

  /** Rolls the whole transaction back, if SQLite has not already. */
  private abandon(): void {
    try {
      if (this.db.inTransaction) this.rollback.run();
    } catch {
      // Nothing more to undo: SQLite rolls back a transaction it cannot go on with.
    }
  }
}
