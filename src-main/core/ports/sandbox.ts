/**
 * The whole configuration of a sandbox as records, read and written at once for export and import;
 * `store/sandbox-repository.ts` implements the port over the other repositories.
 */
import type { AppGrantRecord } from './app-grants.js';
import type { AppGroupRecord, AppUserRecord } from './app-assignments.js';
import type { AppRecord } from './apps.js';
import type { AuthorizationServerRecord, SigningKeyRecord } from './authorization-servers.js';
import type { ClaimRecord } from './claims.js';
import type { GroupRecord } from './groups.js';
import type { PolicyRecord, RuleRecord } from './policies.js';
import type { ScopeRecord } from './scopes.js';
import type { UserRecord } from './users.js';

export interface ServerSnapshot {
  server: AuthorizationServerRecord;
  keys: SigningKeyRecord[];
  scopes: ScopeRecord[];
  claims: ClaimRecord[];
  policies: { policy: PolicyRecord; rules: RuleRecord[] }[];
}

export interface AppSnapshot {
  app: AppRecord;
  /** Direct assignments only; those through a group follow from `groups`. */
  users: AppUserRecord[];
  groups: AppGroupRecord[];
  /** The Okta API scopes granted to the app; an imported grant's `issuer` is empty (the org URL where it runs). */
  grants: AppGrantRecord[];
}

/** Everything, each list in creation order; the built-in Everyone group is not in `groups`. */
export interface SandboxSnapshot {
  servers: ServerSnapshot[];
  apps: AppSnapshot[];
  users: UserRecord[];
  groups: { group: GroupRecord; memberIds: string[] }[];
}

export interface SandboxRepository {
  read(): SandboxSnapshot;
  /**
   * Writes every record of `snapshot` in one transaction, in list order; with `replace`, everything
   * the sandbox holds (configuration, tokens, sessions, events) is deleted first.
   */
  write(snapshot: SandboxSnapshot, options: { replace: boolean }): void;
}
