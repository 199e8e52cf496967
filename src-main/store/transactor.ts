/**
 * The store's transaction for a multi-step write (`Transactor`), which also holds back what must not
 * be told before it is stored (`afterCommit`): inside `run`, until its COMMIT (dropped if it rolls
 * back); inside a group commit's write, until that group's COMMIT (`group-commit.ts`); elsewhere, at
 * once. A `run` inside another transaction is a savepoint of it (better-sqlite3's nested
 * `transaction()`), and what it holds back waits for the outer COMMIT.
 */
import type { Transactor } from '../core/ports/runtime.js';
import type { Db } from './database.js';
import type { GroupCommit } from './group-commit.js';

export class SqliteTransactor implements Transactor {
  // One transaction function for every write: better-sqlite3 builds four wrappers per `transaction()` call.
  private readonly inTransaction;
  /** What the outermost `run` now running tells once it committed; undefined outside one. */
  private held: (() => void)[] | undefined;

  constructor(
    db: Db,
    private readonly group: GroupCommit,
  ) {
    this.inTransaction = db.transaction((work: () => unknown) => work());
  }

  run<T>(work: () => T): T {
    if (this.held) return this.inTransaction(work) as T;
    const held: (() => void)[] = [];
    this.held = held;
    let value: T;
    try {
      value = this.inTransaction(work) as T;
    } finally {
      this.held = undefined;
    }
    for (const fn of held) fn();
    return value;
  }

  /** Runs `fn` once the write now running has committed; outside any, at once. */
  afterCommit(fn: () => void): void {
    if (this.held) this.held.push(fn);
    else this.group.afterCommit(fn);
  }
}
