/**
 * Records and repository ports of access policies and their rules (Okta "Authorization Server Policies" API, "Authorization Server Rules" API). The store
 * keeps references to apps, users and groups in RESTRICT join tables, so nothing a policy or rule
 * names can disappear underneath it.
 */
import type { LifecycleStatus } from '../../contracts/authorization-server.js';
import type { IncludeExclude } from '../../contracts/rule.js';
import type { PriorityChange } from '../priorities.js';

export interface PolicyRecord {
  id: string;
  serverId: string;
  name: string;
  description: string;
  status: LifecycleStatus;
  priority: number;
  system: boolean;
  /** True for `ALL_CLIENTS`; otherwise `clientIds` lists the apps' client ids. */
  allClients: boolean;
  clientIds: string[];
  created: Date;
  lastUpdated: Date;
}

export interface RuleRecord {
  id: string;
  policyId: string;
  name: string;
  status: LifecycleStatus;
  priority: number;
  system: boolean;
  userIds: IncludeExclude;
  /** Group ids; the built-in Everyone group appears under its id `00gEVERYONE000000000`. */
  groupIds: IncludeExclude;
  grantTypes: string[];
  /** Scope names of the server, or `*`. */
  scopes: string[];
  accessTokenMinutes: number;
  /** 0 = unlimited. */
  refreshTokenMinutes: number;
  refreshWindowMinutes: number;
  inlineHookId: string | null;
  created: Date;
  lastUpdated: Date;
}

export interface PolicyRepository {
  /** The server's policies in priority order. */
  list(serverId: string): PolicyRecord[];
  get(serverId: string, policyId: string): PolicyRecord | undefined;
  insert(policy: PolicyRecord): void;
  /** Rewrites the policy's fields and its client list. */
  update(policy: PolicyRecord): void;
  setPriorities(changes: PriorityChange[]): void;
  /** Deletes the policy and, by cascade, its rules. */
  delete(policyId: string): void;
  /** The client ids among `clientIds` that no app has. */
  unknownClients(clientIds: string[]): string[];
}

export interface RuleRepository {
  /** The policy's rules in priority order. */
  list(policyId: string): RuleRecord[];
  get(policyId: string, ruleId: string): RuleRecord | undefined;
  insert(rule: RuleRecord): void;
  /** Rewrites the rule's fields and its user and group lists. */
  update(rule: RuleRecord): void;
  setPriorities(changes: PriorityChange[]): void;
  delete(ruleId: string): void;
  unknownUsers(userIds: string[]): string[];
  unknownGroups(groupIds: string[]): string[];
  /** The names among `names` that are not scopes of the server. */
  unknownScopes(serverId: string, names: string[]): string[];
}
