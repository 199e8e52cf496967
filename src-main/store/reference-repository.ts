/** Queries behind `ReferenceRepository`: which policies and rules name a user, group, app or scope. */
import type { PolicyReference, ReferenceRepository } from '../core/ports/references.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

interface Row {
  serverId: string;
  policyId: string;
  policyName: string;
  ruleName: string | null;
}

const toRef = (row: Row): PolicyReference => ({
  serverId: row.serverId,
  policyId: row.policyId,
  policyName: row.policyName,
  ruleName: row.ruleName ?? undefined,
});

const RULE_SELECT = `SELECT p.server_id AS serverId, p.id AS policyId, p.name AS policyName, r.name AS ruleName
  FROM rules r JOIN policies p ON p.id = r.policy_id`;

export class SqliteReferenceRepository implements ReferenceRepository {
  constructor(private readonly db: Db) {}

  toUser(userId: string): PolicyReference[] {
    return this.all(
      `${RULE_SELECT} JOIN rule_users u ON u.rule_id = r.id WHERE u.user_id = ? ORDER BY p.seq, r.seq`,
      userId,
    );
  }

  toGroup(groupId: string): PolicyReference[] {
    return this.all(
      `${RULE_SELECT} JOIN rule_groups g ON g.rule_id = r.id WHERE g.group_id = ? ORDER BY p.seq, r.seq`,
      groupId,
    );
  }

  toApp(appId: string): PolicyReference[] {
    return this.all(
      `SELECT p.server_id AS serverId, p.id AS policyId, p.name AS policyName, NULL AS ruleName
         FROM policies p JOIN policy_apps a ON a.policy_id = p.id WHERE a.app_id = ? ORDER BY p.seq`,
      appId,
    );
  }

  toScope(serverId: string, scopeName: string): PolicyReference[] {
    return this.all(
      `${RULE_SELECT} WHERE p.server_id = ? AND EXISTS (SELECT 1 FROM json_each(r.scopes) WHERE json_each.value = ?) ORDER BY p.seq, r.seq`,
      serverId,
      scopeName,
    );
  }

  private all(sql: string, ...params: unknown[]): PolicyReference[] {
    return (prepared(this.db, sql).all(...params) as Row[]).map(toRef);
  }
}
