/** Okta API scopes granted to apps, as stored; `store/app-grant-repository.ts` implements the port. */

export interface AppGrantRecord {
  id: string;
  appId: string;
  /** An Okta API scope, e.g. `okta.users.read`. */
  scopeId: string;
  /** The org URL the grant was made for (the org server's issuer). */
  issuer: string;
  created: Date;
  lastUpdated: Date;
}

export interface AppGrantRepository {
  /** The app's grants in the order they were made. */
  list(appId: string): AppGrantRecord[];
  get(appId: string, grantId: string): AppGrantRecord | undefined;
  byScope(appId: string, scopeId: string): AppGrantRecord | undefined;
  insert(grant: AppGrantRecord): void;
  delete(appId: string, grantId: string): boolean;
}
