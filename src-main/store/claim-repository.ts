/** SQLite repository for the claims of authorization servers; explicit row ↔ record mapping. */
import type { ClaimRecord, ClaimRepository } from '../core/ports/claims.js';
import type { ClaimType } from '../contracts/claim.js';
import type { Page } from '../core/ports/page.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

interface ClaimRow {
  id: string;
  server_id: string;
  name: string;
  status: string;
  claim_type: string;
  value_type: string;
  value: string;
  group_filter_type: string | null;
  always_include: number;
  condition_scopes: string;
  system: number;
  created: string;
  last_updated: string;
}

const COLUMNS =
  'id, server_id, name, status, claim_type, value_type, value, group_filter_type, always_include, condition_scopes, system, created, last_updated';

function toClaim(row: ClaimRow): ClaimRecord {
  return {
    id: row.id,
    serverId: row.server_id,
    name: row.name,
    status: row.status as ClaimRecord['status'],
    claimType: row.claim_type as ClaimRecord['claimType'],
    valueType: row.value_type as ClaimRecord['valueType'],
    value: row.value,
    groupFilterType: row.group_filter_type as ClaimRecord['groupFilterType'],
    alwaysIncludeInToken: row.always_include === 1,
    conditionScopes: JSON.parse(row.condition_scopes) as string[],
    system: row.system === 1,
    created: new Date(row.created),
    lastUpdated: new Date(row.last_updated),
  };
}

function fromClaim(c: ClaimRecord): ClaimRow {
  return {
    id: c.id,
    server_id: c.serverId,
    name: c.name,
    status: c.status,
    claim_type: c.claimType,
    value_type: c.valueType,
    value: c.value,
    group_filter_type: c.groupFilterType,
    always_include: c.alwaysIncludeInToken ? 1 : 0,
    condition_scopes: JSON.stringify(c.conditionScopes),
    system: c.system ? 1 : 0,
    created: c.created.toISOString(),
    last_updated: c.lastUpdated.toISOString(),
  };
}

export class SqliteClaimRepository implements ClaimRepository {
  private readonly insertRow;
  private readonly updateRow;

  constructor(private readonly db: Db) {
    this.insertRow = db.prepare(
      `INSERT INTO claims (${COLUMNS}) VALUES (@id, @server_id, @name, @status, @claim_type, @value_type, @value, @group_filter_type, @always_include, @condition_scopes, @system, @created, @last_updated)`,
    );
    this.updateRow = db.prepare(
      `UPDATE claims SET name = @name, status = @status, claim_type = @claim_type, value_type = @value_type, value = @value,
         group_filter_type = @group_filter_type, always_include = @always_include, condition_scopes = @condition_scopes,
         last_updated = @last_updated WHERE id = @id AND server_id = @server_id`,
    );
  }

  list(serverId: string, page: Page): ClaimRecord[] {
    const params: Record<string, unknown> = { serverId, limit: page.limit };
    let after = '';
    if (page.after !== undefined) {
      after =
        'AND seq > COALESCE((SELECT seq FROM claims WHERE id = @after AND server_id = @serverId), 9223372036854775807)';
      params['after'] = page.after;
    }
    const sql = `SELECT ${COLUMNS} FROM claims WHERE server_id = @serverId ${after} ORDER BY seq LIMIT @limit`;
    return (prepared(this.db, sql).all(params) as ClaimRow[]).map(toClaim);
  }

  get(serverId: string, id: string): ClaimRecord | undefined {
    const row = prepared(this.db, `SELECT ${COLUMNS} FROM claims WHERE server_id = ? AND id = ?`).get(serverId, id) as
      ClaimRow | undefined;
    return row && toClaim(row);
  }

  byName(serverId: string, claimType: ClaimType, name: string): ClaimRecord | undefined {
    const row = prepared(
      this.db,
      `SELECT ${COLUMNS} FROM claims WHERE server_id = ? AND claim_type = ? AND name = ?`,
    ).get(serverId, claimType, name) as ClaimRow | undefined;
    return row && toClaim(row);
  }

  insert(claim: ClaimRecord): void {
    this.insertRow.run(fromClaim(claim));
  }

  update(claim: ClaimRecord): void {
    this.updateRow.run(fromClaim(claim));
  }

  delete(serverId: string, id: string): boolean {
    return prepared(this.db, 'DELETE FROM claims WHERE server_id = ? AND id = ?').run(serverId, id).changes > 0;
  }

  namingScope(serverId: string, scopeName: string): ClaimRecord[] {
    const rows = prepared(
      this.db,
      `SELECT ${COLUMNS} FROM claims WHERE server_id = ? AND EXISTS (SELECT 1 FROM json_each(condition_scopes) WHERE json_each.value = ?) ORDER BY seq`,
    ).all(serverId, scopeName) as ClaimRow[];
    return rows.map(toClaim);
  }
}
