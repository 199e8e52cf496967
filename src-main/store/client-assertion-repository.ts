/** SQLite store of used client-assertion `jti`s (single use, RFC 7523 §3), kept until each expires. */
import type { ClientAssertionRepository } from '../core/ports/client-assertions.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

export class SqliteClientAssertionRepository implements ClientAssertionRepository {
  constructor(private readonly db: Db) {}

  /** Sweeps expired jtis and records this one in one transaction; false when it was already recorded. */
  useOnce(clientId: string, jti: string, expiresAt: Date, now: Date): boolean {
    return this.db.transaction(() => {
      prepared(this.db, 'DELETE FROM client_assertions WHERE expires_at <= ?').run(now.getTime());
      const inserted = prepared(
        this.db,
        'INSERT INTO client_assertions (client_id, jti, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      ).run(clientId, jti, expiresAt.getTime());
      return inserted.changes === 1;
    })();
  }
}
