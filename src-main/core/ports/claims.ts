/** Custom claims of authorization servers as stored; `store/claim-repository.ts` implements the port. */
import type { LifecycleStatus } from '../../contracts/authorization-server.js';
import type { ClaimType, ClaimValueType, GroupFilterType } from '../../contracts/claim.js';
import type { Page } from './page.js';

export interface ClaimRecord {
  id: string;
  serverId: string;
  name: string;
  status: LifecycleStatus;
  claimType: ClaimType;
  valueType: ClaimValueType;
  value: string;
  groupFilterType: GroupFilterType | null;
  alwaysIncludeInToken: boolean;
  /** Scope names; empty = the claim applies whatever scopes are granted. */
  conditionScopes: string[];
  system: boolean;
  created: Date;
  lastUpdated: Date;
}

export interface ClaimRepository {
  /** A server's claims in creation order. */
  list(serverId: string, page: Page): ClaimRecord[];
  get(serverId: string, id: string): ClaimRecord | undefined;
  byName(serverId: string, claimType: ClaimType, name: string): ClaimRecord | undefined;
  insert(claim: ClaimRecord): void;
  update(claim: ClaimRecord): void;
  delete(serverId: string, id: string): boolean;
  /** Claims whose `conditions.scopes` name `scopeName` (a scope cannot go while they do). */
  namingScope(serverId: string, scopeName: string): ClaimRecord[];
}
