/**
 * OIDC apps as stored; `store/app-repository.ts` implements the port. The queried members of an
 * app are columns; the rest of its Okta body is `document`.
 */
import type { AppStatus, ApplicationType, AuthMethod, OAuthClientSettings } from '../../contracts/app.js';
import type { Page } from './page.js';

export interface AppDocument {
  profile: Record<string, unknown>;
  visibility: Record<string, unknown>;
  accessibility: Record<string, unknown>;
  features: string[];
  userNameTemplate: { template: string; type: string };
  autoKeyRotation: boolean;
  pkceRequired: boolean;
  oauth: OAuthClientSettings;
}

export interface AppRecord {
  id: string;
  label: string;
  status: AppStatus;
  clientId: string;
  /** Only for the secret-based auth methods (client_secret_basic, _post, _jwt). */
  clientSecret: string | null;
  authMethod: AuthMethod;
  applicationType: ApplicationType;
  document: AppDocument;
  created: Date;
  lastUpdated: Date;
}

/** The conditions of `GET /apps`: `q` (label prefix) and the `filter` terms, all ANDed. */
export interface AppQuery {
  q?: string | undefined;
  status?: string | undefined;
  userId?: string | undefined;
  groupId?: string | undefined;
  signingKid?: string | undefined;
}

export interface AppRepository {
  /** Apps in creation order. */
  list(page: Page, query: AppQuery): AppRecord[];
  get(id: string): AppRecord | undefined;
  byClientId(clientId: string): AppRecord | undefined;
  insert(app: AppRecord): void;
  update(app: AppRecord): void;
  delete(id: string): boolean;
}
