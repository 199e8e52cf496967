/**
 * Prepared statements kept per connection: better-sqlite3's `prepare` compiles the SQL on every call
 * (a tenth of a token request's time when repositories prepared per call), a kept statement only binds.
 * Keyed by the SQL text, so a repository's queries built from filters are kept too; bounded, the least
 * recently used dropped first.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

/** Distinct SQL texts kept per connection: every fixed query of the repositories, and the filter shapes seen. */
const CAPACITY = 1000;
const byConnection = new WeakMap<Db, Map<string, Statement>>();

/** The statement for `sql` on `db`, prepared on first use. */
export function prepared(db: Db, sql: string): Statement {
  let statements = byConnection.get(db);
  if (!statements) {
    statements = new Map();
    byConnection.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement) {
    // Re-inserted so the Map's order is least recently used first.
    statements.delete(sql);
  } else {
    statement = db.prepare(sql);
    if (statements.size >= CAPACITY) statements.delete(statements.keys().next().value!);
  }
  statements.set(sql, statement);
  return statement;
}
