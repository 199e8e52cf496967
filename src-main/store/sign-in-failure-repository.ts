/** SQLite store of failed sign-ins per user (Okta's lockout). */
import type { SignInFailureRepository, SignInFailures } from '../core/ports/sign-in-failures.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

export class SqliteSignInFailureRepository implements SignInFailureRepository {
  constructor(private readonly db: Db) {}

  get(userId: string): SignInFailures | undefined {
    const row = prepared(this.db, 'SELECT count, last_failed FROM sign_in_failures WHERE user_id = ?').get(userId) as
      { count: number; last_failed: number } | undefined;
    return row && { count: row.count, lastFailed: new Date(row.last_failed) };
  }

  set(userId: string, failures: SignInFailures): void {
    prepared(
      this.db,
      `INSERT INTO sign_in_failures (user_id, count, last_failed) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET count = excluded.count, last_failed = excluded.last_failed`,
    ).run(userId, failures.count, failures.lastFailed.getTime());
  }

  clear(userId: string): void {
    prepared(this.db, 'DELETE FROM sign_in_failures WHERE user_id = ?').run(userId);
  }
}
