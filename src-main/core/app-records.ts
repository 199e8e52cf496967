/**
 * Stored shapes of OIDC apps and their assignments, and the store ports `store/` implements.
 * The queried members of an app are columns; the rest of its Okta body is `document`.
 */
import type { AppStatus, ApplicationType, AuthMethod, OAuthClientSettings } from '../contracts/app.js';
import type { Page } from './ports.js';

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

export interface AppStore {
  /** Apps in creation order. */
  list(page: Page, query: AppQuery): AppRecord[];
  get(id: string): AppRecord | undefined;
  byClientId(clientId: string): AppRecord | undefined;
  insert(app: AppRecord): void;
  update(app: AppRecord): void;
  delete(id: string): boolean;
}

/** A user's assignment to an app: direct (`USER`) or derived from a group assignment (`GROUP`). */
export interface AppUserRecord {
  appId: string;
  userId: string;
  scope: 'USER' | 'GROUP';
  /** The assignment's own userName; null means "the user's login". */
  userName: string | null;
  login: string;
  profile: Record<string, unknown>;
  created: Date;
  lastUpdated: Date;
  statusChanged: Date;
}

export interface AppGroupRecord {
  appId: string;
  groupId: string;
  priority: number;
  profile: Record<string, unknown>;
  created: Date;
  lastUpdated: Date;
}

export interface AppAssignmentStore {
  /** The user's login, or undefined when no such user exists. */
  userLogin(userId: string): string | undefined;
  groupExists(groupId: string): boolean;
  /** Direct and group-derived assignments, in user creation order; `q` is a prefix of userName or login. */
  listUsers(appId: string, page: Page, q?: string): AppUserRecord[];
  /** The direct assignment if any, else the group-derived one. */
  getUser(appId: string, userId: string): AppUserRecord | undefined;
  /** Inserts or replaces the direct assignment. */
  saveUser(assignment: AppUserRecord): void;
  deleteUser(appId: string, userId: string): boolean;
  listGroups(appId: string, page: Page): AppGroupRecord[];
  getGroup(appId: string, groupId: string): AppGroupRecord | undefined;
  saveGroup(assignment: AppGroupRecord): void;
  deleteGroup(appId: string, groupId: string): boolean;
  /** True when the user is assigned directly or through any group they are a member of. */
  isUserAssigned(appId: string, userId: string): boolean;
  /** The user's row for `expand=user`, as stored; undefined when no such user exists. */
  userForEmbed(userId: string): Record<string, unknown> | undefined;
}
