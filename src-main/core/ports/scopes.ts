/** Scopes of authorization servers as stored; `store/scope-repository.ts` implements the port. */
import type { MetadataPublish, ScopeConsent } from '../../contracts/scope.js';
import type { ScopeFilter } from '../scope-filter.js';
import type { Page } from './page.js';

export interface ScopeRecord {
  id: string;
  serverId: string;
  name: string;
  displayName: string | null;
  description: string | null;
  consent: ScopeConsent;
  isDefault: boolean;
  metadataPublish: MetadataPublish;
  optional: boolean;
  system: boolean;
  created: Date;
  lastUpdated: Date;
}

export interface ScopeQuery {
  /** Case-insensitive substring of the name. */
  q?: string | undefined;
  filter?: ScopeFilter | undefined;
}

export interface ScopeRepository {
  /** A server's scopes in creation order. */
  list(serverId: string, page: Page, query?: ScopeQuery): ScopeRecord[];
  get(serverId: string, id: string): ScopeRecord | undefined;
  byNames(serverId: string, names: string[]): ScopeRecord[];
  insert(scopes: ScopeRecord[]): void;
  update(scope: ScopeRecord): void;
  delete(serverId: string, id: string): boolean;
}
