/** SQLite repository for the Okta API scopes granted to apps (`app_grants`, migration 0140). */
import type { AppGrantRecord, AppGrantRepository } from '../core/ports/app-grants.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

interface GrantRow {
  id: string;
  app_id: string;
  scope_id: string;
  issuer: string;
  created: string;
  last_updated: string;
}

const COLUMNS = 'id, app_id, scope_id, issuer, created, last_updated';

const toGrant = (row: GrantRow): AppGrantRecord => ({
  id: row.id,
  appId: row.app_id,
  scopeId: row.scope_id,
  issuer: row.issuer,
  created: new Date(row.created),
  lastUpdated: new Date(row.last_updated),
});

export class SqliteAppGrantRepository implements AppGrantRepository {
  constructor(private readonly db: Db) {}

  list(appId: string): AppGrantRecord[] {
    const sql = `SELECT ${COLUMNS} FROM app_grants WHERE app_id = ? ORDER BY rowid`;
    return (prepared(this.db, sql).all(appId) as GrantRow[]).map(toGrant);
  }

  get(appId: string, grantId: string): AppGrantRecord | undefined {
    const sql = `SELECT ${COLUMNS} FROM app_grants WHERE app_id = ? AND id = ?`;
    const row = prepared(this.db, sql).get(appId, grantId) as GrantRow | undefined;
    return row && toGrant(row);
  }

  byScope(appId: string, scopeId: string): AppGrantRecord | undefined {
    const sql = `SELECT ${COLUMNS} FROM app_grants WHERE app_id = ? AND scope_id = ?`;
    const row = prepared(this.db, sql).get(appId, scopeId) as GrantRow | undefined;
    return row && toGrant(row);
  }

  insert(grant: AppGrantRecord): void {
    prepared(
      this.db,
      `INSERT INTO app_grants (${COLUMNS}) VALUES (@id, @app_id, @scope_id, @issuer, @created, @last_updated)`,
    ).run({
      id: grant.id,
      app_id: grant.appId,
      scope_id: grant.scopeId,
      issuer: grant.issuer,
      created: grant.created.toISOString(),
      last_updated: grant.lastUpdated.toISOString(),
    });
  }

  delete(appId: string, grantId: string): boolean {
    return prepared(this.db, 'DELETE FROM app_grants WHERE app_id = ? AND id = ?').run(appId, grantId).changes > 0;
  }
}
