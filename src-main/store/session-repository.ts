/** SQLite store of sign-in sessions, pending authorization requests and consent; explicit row ↔ record mapping. */
import type { PendingAuthorization, SessionRecord, SessionRepository } from '../core/ports/sessions.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

interface SessionRow {
  server_id: string;
  user_id: string;
  auth_time: number;
  amr: string;
  expires_at: number;
}

interface PendingRow {
  id: string;
  server_id: string;
  params: string;
  csrf: string;
  signed_in_user_id: string | null;
  expires_at: number;
}

const toSession = (row: SessionRow): SessionRecord => ({
  serverId: row.server_id,
  userId: row.user_id,
  authTime: new Date(row.auth_time),
  amr: JSON.parse(row.amr) as string[],
  expiresAt: new Date(row.expires_at),
});

const toPending = (row: PendingRow): PendingAuthorization => ({
  id: row.id,
  serverId: row.server_id,
  params: JSON.parse(row.params) as Record<string, string>,
  csrf: row.csrf,
  signedInUserId: row.signed_in_user_id,
  expiresAt: new Date(row.expires_at),
});

export class SqliteSessionRepository implements SessionRepository {
  constructor(private readonly db: Db) {}

  insertSession(hash: string, s: SessionRecord, now: Date): void {
    this.db.transaction(() => {
      prepared(this.db, 'DELETE FROM sessions WHERE expires_at <= ?').run(now.getTime());
      prepared(
        this.db,
        'INSERT INTO sessions (token_hash, server_id, user_id, auth_time, amr, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(hash, s.serverId, s.userId, s.authTime.getTime(), JSON.stringify(s.amr), s.expiresAt.getTime());
    })();
  }

  findSession(hash: string, now: Date): SessionRecord | undefined {
    const row = prepared(this.db, 'SELECT * FROM sessions WHERE token_hash = ? AND expires_at > ?').get(
      hash,
      now.getTime(),
    ) as SessionRow | undefined;
    return row && toSession(row);
  }

  deleteSession(hash: string): void {
    prepared(this.db, 'DELETE FROM sessions WHERE token_hash = ?').run(hash);
  }

  insertPending(p: PendingAuthorization, now: Date, perClient: number): void {
    this.db.transaction(() => {
      prepared(this.db, 'DELETE FROM pending_authorizations WHERE expires_at <= ?').run(now.getTime());
      prepared(
        this.db,
        'INSERT INTO pending_authorizations (id, server_id, params, csrf, signed_in_user_id, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(p.id, p.serverId, JSON.stringify(p.params), p.csrf, p.signedInUserId, p.expiresAt.getTime());
      // The newest first (rowid grows with each insert); everything past `perClient` goes.
      prepared(
        this.db,
        `DELETE FROM pending_authorizations WHERE rowid IN (
           SELECT rowid FROM pending_authorizations WHERE server_id = ? AND params ->> '$.client_id' IS ?
           ORDER BY rowid DESC LIMIT -1 OFFSET ?)`,
      ).run(p.serverId, p.params['client_id'] ?? null, perClient);
    })();
  }

  findPending(id: string, now: Date): PendingAuthorization | undefined {
    const row = prepared(this.db, 'SELECT * FROM pending_authorizations WHERE id = ? AND expires_at > ?').get(
      id,
      now.getTime(),
    ) as PendingRow | undefined;
    return row && toPending(row);
  }

  updatePending(p: PendingAuthorization): void {
    prepared(this.db, 'UPDATE pending_authorizations SET signed_in_user_id = ? WHERE id = ?').run(
      p.signedInUserId,
      p.id,
    );
  }

  deletePending(id: string): boolean {
    return prepared(this.db, 'DELETE FROM pending_authorizations WHERE id = ?').run(id).changes > 0;
  }

  consentedScopes(serverId: string, appId: string, userId: string): string[] {
    const rows = prepared(
      this.db,
      'SELECT scope FROM consents WHERE server_id = ? AND app_id = ? AND user_id = ? ORDER BY created, scope',
    ).all(serverId, appId, userId) as { scope: string }[];
    return rows.map((r) => r.scope);
  }

  recordConsent(serverId: string, appId: string, userId: string, scopes: string[], now: Date): void {
    const insert = prepared(
      this.db,
      'INSERT INTO consents (server_id, app_id, user_id, scope, created) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.db.transaction(() => {
      for (const scope of scopes) insert.run(serverId, appId, userId, scope, now.getTime());
    })();
  }
}
