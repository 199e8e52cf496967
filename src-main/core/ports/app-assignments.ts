/** Users and groups assigned to apps, as stored; `store/app-assignment-repository.ts` implements the port. */
import type { Page } from './page.js';

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

export interface AppAssignmentRepository {
  /** The user's login, or undefined when no such user exists. */
  userLogin(userId: string): string | undefined;
  groupExists(groupId: string): boolean;
  /** Direct and group-derived assignments, in user creation order; `q` is a prefix of userName or login. */
  listUsers(appId: string, page: Page, q?: string): AppUserRecord[];
  /** The direct assignment if any, else the group-derived one. */
  getUser(appId: string, userId: string): AppUserRecord | undefined;
  /** The `userName` of the user's direct assignment to the app; undefined without one or when it sets none. */
  assignedUserName(appId: string, userId: string): string | undefined;
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
