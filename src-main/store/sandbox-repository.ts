/**
 * The sandbox port over the other repositories: everything read at once in creation order, and a
 * snapshot written in one transaction (after deleting everything, for a replace).
 */
import { EVERYONE_GROUP_ID } from '../contracts/group.js';
import { ORG_SERVER_ID } from '../contracts/authorization-server.js';
import type { SandboxRepository, SandboxSnapshot } from '../core/ports/sandbox.js';
import type { SecretSealer } from '../core/ports/secret-sealer.js';
import { PLAIN_SEALER } from '../core/secret-sealer.js';
import { SqliteAppAssignmentRepository } from './app-assignment-repository.js';
import { SqliteAppGrantRepository } from './app-grant-repository.js';
import { SqliteAppRepository } from './app-repository.js';
import { SqliteAuthorizationServerRepository } from './authorization-server-repository.js';
import { SqliteClaimRepository } from './claim-repository.js';
import type { Db } from './database.js';
import { SqliteGroupRepository } from './group-repository.js';
import { SqlitePolicyRepository } from './policy-repository.js';
import { SqliteRuleRepository } from './rule-repository.js';
import { SqliteScopeRepository } from './scope-repository.js';
import { SqliteUserRepository } from './user-repository.js';

const ALL = { limit: Number.MAX_SAFE_INTEGER };
/** Kept by a replace: the settings (admin token, org id) and the built-in Everyone group. */
const KEPT_TABLES = new Set(['settings']);

export class SqliteSandboxRepository implements SandboxRepository {
  private readonly servers: SqliteAuthorizationServerRepository;
  private readonly scopes: SqliteScopeRepository;
  private readonly claims: SqliteClaimRepository;
  private readonly policies: SqlitePolicyRepository;
  private readonly rules: SqliteRuleRepository;
  private readonly apps: SqliteAppRepository;
  private readonly assignments: SqliteAppAssignmentRepository;
  private readonly grants: SqliteAppGrantRepository;
  private readonly users: SqliteUserRepository;
  private readonly groups: SqliteGroupRepository;

  constructor(
    private readonly db: Db,
    sealer: SecretSealer = PLAIN_SEALER,
  ) {
    this.servers = new SqliteAuthorizationServerRepository(db, sealer);
    this.scopes = new SqliteScopeRepository(db);
    this.claims = new SqliteClaimRepository(db);
    this.policies = new SqlitePolicyRepository(db);
    this.rules = new SqliteRuleRepository(db);
    this.apps = new SqliteAppRepository(db, sealer);
    this.assignments = new SqliteAppAssignmentRepository(db);
    this.grants = new SqliteAppGrantRepository(db);
    this.users = new SqliteUserRepository(db);
    this.groups = new SqliteGroupRepository(db);
  }

  read(): SandboxSnapshot {
    return this.db.transaction(() => ({
      servers: this.servers.list(ALL).map((server) => ({
        server,
        keys: this.servers.keys(server.id),
        scopes: this.scopes.list(server.id, ALL),
        claims: this.claims.list(server.id, ALL),
        policies: this.policies.list(server.id).map((policy) => ({ policy, rules: this.rules.list(policy.id) })),
      })),
      apps: this.apps.list(ALL, {}).map((app) => ({
        app,
        users: this.assignments.listUsers(app.id, ALL).filter((u) => u.scope === 'USER'),
        groups: this.assignments.listGroups(app.id, ALL),
        grants: this.grants.list(app.id),
      })),
      users: this.users.all(),
      groups: this.groups
        .all()
        .filter((group) => group.id !== EVERYONE_GROUP_ID)
        .map((group) => ({ group, memberIds: this.users.inGroup(group.id).map((u) => u.id) })),
    }))();
  }

  write(snapshot: SandboxSnapshot, options: { replace: boolean }): void {
    this.db.transaction(() => {
      if (options.replace) this.deleteEverything();
      // Referenced records first: users and groups (rules, assignments), apps (policies).
      for (const user of snapshot.users) this.users.insert(user);
      for (const { group, memberIds } of snapshot.groups) {
        this.groups.insert(group);
        for (const userId of memberIds) this.groups.addMember(group.id, userId, group.lastMembershipUpdated);
      }
      for (const { app, users, groups, grants } of snapshot.apps) {
        this.apps.insert(app);
        for (const assignment of users) this.assignments.saveUser(assignment);
        for (const assignment of groups) this.assignments.saveGroup(assignment);
        for (const grant of grants) this.grants.insert(grant);
      }
      for (const { server, keys, scopes, claims, policies } of snapshot.servers) {
        this.servers.insert(server, keys);
        this.scopes.insert(scopes);
        for (const claim of claims) this.claims.insert(claim);
        for (const { policy, rules } of policies) {
          this.policies.insert(policy);
          for (const rule of rules) this.rules.insert(rule);
        }
      }
    })();
  }

  /** Every row of every table but the settings, the Everyone group and the org server; foreign keys are checked at commit. */
  private deleteEverything(): void {
    this.db.pragma('defer_foreign_keys = ON');
    const tables = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    for (const { name } of tables) {
      if (KEPT_TABLES.has(name)) continue;
      if (name === 'groups') this.db.prepare('DELETE FROM groups WHERE id <> ?').run(EVERYONE_GROUP_ID);
      // The org server and its keys are the org's own, not part of the sandbox document.
      else if (name === 'authorization_servers')
        this.db.prepare('DELETE FROM authorization_servers WHERE id <> ?').run(ORG_SERVER_ID);
      else if (name === 'signing_keys')
        this.db.prepare('DELETE FROM signing_keys WHERE server_id <> ?').run(ORG_SERVER_ID);
      else this.db.prepare(`DELETE FROM "${name}"`).run();
    }
  }
}
