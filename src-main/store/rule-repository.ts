/**
 * SQLite repository for policy rules; explicit row ↔ record mapping. Users and groups live in
 * `rule_users` / `rule_groups` (ON DELETE RESTRICT); grant types and scope names are JSON arrays
 * in `rules.grant_types` / `rules.scopes` (read by `reference-repository.ts` through json_each).
 */
import type { RuleRecord, RuleRepository } from '../core/ports/policies.js';
import type { PriorityChange } from '../core/priorities.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

interface RuleRow {
  id: string;
  policy_id: string;
  name: string;
  status: string;
  priority: number;
  system: number;
  grant_types: string;
  scopes: string;
  access_token_minutes: number;
  refresh_token_minutes: number;
  refresh_window_minutes: number;
  inline_hook_id: string | null;
  created: string;
  last_updated: string;
}

type RuleReadRow = RuleRow & { users_in: string; users_out: string; groups_in: string; groups_out: string };

const json = (text: string) => JSON.parse(text) as string[];

function toRule(row: RuleReadRow): RuleRecord {
  return {
    id: row.id,
    policyId: row.policy_id,
    name: row.name,
    status: row.status as RuleRecord['status'],
    priority: row.priority,
    system: row.system === 1,
    userIds: { include: json(row.users_in), exclude: json(row.users_out) },
    groupIds: { include: json(row.groups_in), exclude: json(row.groups_out) },
    grantTypes: json(row.grant_types),
    scopes: json(row.scopes),
    accessTokenMinutes: row.access_token_minutes,
    refreshTokenMinutes: row.refresh_token_minutes,
    refreshWindowMinutes: row.refresh_window_minutes,
    inlineHookId: row.inline_hook_id,
    created: new Date(row.created),
    lastUpdated: new Date(row.last_updated),
  };
}

function fromRule(r: RuleRecord): RuleRow {
  return {
    id: r.id,
    policy_id: r.policyId,
    name: r.name,
    status: r.status,
    priority: r.priority,
    system: r.system ? 1 : 0,
    grant_types: JSON.stringify(r.grantTypes),
    scopes: JSON.stringify(r.scopes),
    access_token_minutes: r.accessTokenMinutes,
    refresh_token_minutes: r.refreshTokenMinutes,
    refresh_window_minutes: r.refreshWindowMinutes,
    inline_hook_id: r.inlineHookId,
    created: r.created.toISOString(),
    last_updated: r.lastUpdated.toISOString(),
  };
}

/** A JSON array of the rule's users or groups in one mode, in the order they were written. */
const members = (table: string, column: string, mode: string) =>
  `(SELECT json_group_array(${column}) FROM (SELECT ${column} FROM ${table} WHERE rule_id = r.id AND mode = '${mode}' ORDER BY rowid))`;

const SELECT = `SELECT r.id, r.policy_id, r.name, r.status, r.priority, r.system, r.grant_types, r.scopes, r.access_token_minutes,
  r.refresh_token_minutes, r.refresh_window_minutes, r.inline_hook_id, r.created, r.last_updated,
  ${members('rule_users', 'user_id', 'include')} AS users_in, ${members('rule_users', 'user_id', 'exclude')} AS users_out,
  ${members('rule_groups', 'group_id', 'include')} AS groups_in, ${members('rule_groups', 'group_id', 'exclude')} AS groups_out
  FROM rules r`;

export class SqliteRuleRepository implements RuleRepository {
  private readonly insertRow;
  private readonly updateRow;
  private readonly insertUser;
  private readonly insertGroup;
  private readonly setPriority;
  private readonly exists;

  constructor(private readonly db: Db) {
    this.insertRow = db.prepare(
      `INSERT INTO rules (id, policy_id, name, status, priority, system, grant_types, scopes, access_token_minutes,
         refresh_token_minutes, refresh_window_minutes, inline_hook_id, created, last_updated)
       VALUES (@id, @policy_id, @name, @status, @priority, @system, @grant_types, @scopes, @access_token_minutes,
         @refresh_token_minutes, @refresh_window_minutes, @inline_hook_id, @created, @last_updated)`,
    );
    this.updateRow = db.prepare(
      `UPDATE rules SET name = @name, status = @status, priority = @priority, grant_types = @grant_types, scopes = @scopes,
         access_token_minutes = @access_token_minutes, refresh_token_minutes = @refresh_token_minutes,
         refresh_window_minutes = @refresh_window_minutes, inline_hook_id = @inline_hook_id, last_updated = @last_updated
       WHERE id = @id`,
    );
    this.insertUser = db.prepare('INSERT INTO rule_users (rule_id, user_id, mode) VALUES (?, ?, ?)');
    this.insertGroup = db.prepare('INSERT INTO rule_groups (rule_id, group_id, mode) VALUES (?, ?, ?)');
    this.setPriority = db.prepare('UPDATE rules SET priority = @priority WHERE id = @id');
    this.exists = {
      user: db.prepare('SELECT 1 FROM users WHERE id = ?').pluck(),
      group: db.prepare('SELECT 1 FROM groups WHERE id = ?').pluck(),
      scope: db.prepare('SELECT 1 FROM scopes WHERE server_id = ? AND name = ?').pluck(),
    };
  }

  list(policyId: string): RuleRecord[] {
    return (
      prepared(this.db, `${SELECT} WHERE r.policy_id = ? ORDER BY r.priority, r.seq`).all(policyId) as RuleReadRow[]
    ).map(toRule);
  }

  get(policyId: string, ruleId: string): RuleRecord | undefined {
    const row = prepared(this.db, `${SELECT} WHERE r.policy_id = ? AND r.id = ?`).get(policyId, ruleId) as
      RuleReadRow | undefined;
    return row && toRule(row);
  }

  insert(rule: RuleRecord): void {
    this.db.transaction(() => {
      this.insertRow.run(fromRule(rule));
      this.writePeople(rule);
    })();
  }

  update(rule: RuleRecord): void {
    this.db.transaction(() => {
      this.updateRow.run(fromRule(rule));
      prepared(this.db, 'DELETE FROM rule_users WHERE rule_id = ?').run(rule.id);
      prepared(this.db, 'DELETE FROM rule_groups WHERE rule_id = ?').run(rule.id);
      this.writePeople(rule);
    })();
  }

  setPriorities(changes: PriorityChange[]): void {
    this.db.transaction(() => {
      for (const change of changes) this.setPriority.run(change);
    })();
  }

  delete(ruleId: string): void {
    prepared(this.db, 'DELETE FROM rules WHERE id = ?').run(ruleId);
  }

  unknownUsers(userIds: string[]): string[] {
    return userIds.filter((id) => this.exists.user.get(id) === undefined);
  }

  unknownGroups(groupIds: string[]): string[] {
    return groupIds.filter((id) => this.exists.group.get(id) === undefined);
  }

  unknownScopes(serverId: string, names: string[]): string[] {
    return names.filter((name) => this.exists.scope.get(serverId, name) === undefined);
  }

  private writePeople(rule: RuleRecord): void {
    for (const mode of ['include', 'exclude'] as const) {
      for (const userId of rule.userIds[mode]) this.insertUser.run(rule.id, userId, mode);
      for (const groupId of rule.groupIds[mode]) this.insertGroup.run(rule.id, groupId, mode);
    }
  }
}
