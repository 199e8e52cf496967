/**
 * Users and groups assigned to apps (Okta "Application Users" and "Application Groups" APIs). A user may use an app when assigned
 * directly or through any group they belong to; the protocol engine asks `isUserAssigned` and
 * refuses others with `access_denied` "User is not assigned to the client application.".
 */
import type { AppGroupRecord, AppAssignmentRepository, AppUserRecord } from './ports/app-assignments.js';
import type { AppRepository } from './ports/apps.js';
import { NotFound, Refused, ValidationFailed } from './errors.js';
import type { Clock, Transactor } from './ports/runtime.js';
import type { Page } from './ports/page.js';
import type { UserRecord } from './ports/users.js';

export interface AppAssignmentDeps {
  apps: AppRepository;
  store: AppAssignmentRepository;
  clock: Clock;
  tx: Transactor;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The members of an assign/update body a client may write: `credentials.userName` and `profile`. */
function readUserBody(
  body: unknown,
  requireId: boolean,
): { id?: string; userName?: string; profile?: Record<string, unknown> } {
  if (!isObject(body)) throw new ValidationFailed([{ field: 'body', message: 'must be a JSON object' }]);
  const issues = [];
  const { id, scope, credentials, profile } = body;
  if (requireId && (typeof id !== 'string' || id.trim() === ''))
    issues.push({ field: 'id', message: 'The field cannot be left blank' });
  if (scope !== undefined && scope !== 'USER')
    issues.push({
      field: 'scope',
      message: "must be 'USER' (group assignments use PUT /apps/{appId}/groups/{groupId})",
    });
  if (credentials !== undefined && !isObject(credentials))
    issues.push({ field: 'credentials', message: 'must be an object' });
  const userName = isObject(credentials) ? credentials['userName'] : undefined;
  if (userName !== undefined && (typeof userName !== 'string' || userName.trim() === '' || userName.length > 100)) {
    issues.push({ field: 'credentials.userName', message: 'must be a non-blank string of at most 100 characters' });
  }
  if (profile !== undefined && !isObject(profile)) issues.push({ field: 'profile', message: 'must be an object' });
  if (issues.length) throw new ValidationFailed(issues);
  return {
    ...(typeof id === 'string' ? { id: id.trim() } : {}),
    ...(typeof userName === 'string' ? { userName: userName.trim() } : {}),
    ...(isObject(profile) ? { profile } : {}),
  };
}

export class AppAssignments {
  constructor(private readonly deps: AppAssignmentDeps) {}

  /** True when the user is assigned to the app directly or through any of their groups. */
  isUserAssigned(appId: string, userId: string): boolean {
    return this.deps.store.isUserAssigned(appId, userId);
  }

  /** The name the app knows the user by: the assignment's userName, else the user's login. */
  appUserName(appId: string, userId: string): string | undefined {
    const assignment = this.deps.store.getUser(appId, userId);
    return assignment ? (assignment.userName ?? assignment.login) : this.deps.store.userLogin(userId);
  }

  /**
   * `appUserName` for a user the caller has just read (a request's user): the direct assignment's
   * userName, else the login in hand. Only a direct assignment sets a userName (a group-derived one
   * has none), so neither the group assignments nor the user are read.
   */
  appUserNameOf(appId: string, user: UserRecord): string {
    return this.deps.store.assignedUserName(appId, user.id) ?? user.profile.login;
  }

  /**
   * What expressions read as `appuser` (Okta "Expression Language overview"): the app-user profile and its `userName`
   * (the login when the user is not assigned, as the token's `sub` falls back to it).
   */
  appUserProfile(appId: string, userId: string): Record<string, unknown> {
    const assignment = this.deps.store.getUser(appId, userId);
    return { ...assignment?.profile, userName: this.appUserName(appId, userId) ?? null };
  }

  /** @throws NotFound */
  listUsers(appId: string, page: Page, q?: string): AppUserRecord[] {
    this.app(appId);
    return this.deps.store.listUsers(appId, page, q);
  }

  /** @throws NotFound when the app or the assignment does not exist */
  getUser(appId: string, userId: string): AppUserRecord {
    this.app(appId);
    const assignment = this.deps.store.getUser(appId, userId);
    if (!assignment) throw new NotFound(userId, 'AppUser');
    return assignment;
  }

  /** Assigns a user directly; a second direct assignment is Okta's 409 E0000062. @throws NotFound, ValidationFailed, Refused */
  assignUser(appId: string, body: unknown): AppUserRecord {
    const input = readUserBody(body, true);
    const userId = input.id!;
    return this.deps.tx.run(() => {
      this.app(appId);
      const login = this.deps.store.userLogin(userId);
      if (login === undefined) throw new NotFound(userId, 'User');
      if (this.deps.store.getUser(appId, userId)?.scope === 'USER') {
        throw new Refused('E0000062', 'The specified user is already assigned to the application.', [
          {
            field: 'id',
            message: `user ${userId} is already assigned to app ${appId}; POST /apps/${appId}/users/${userId} updates the assignment`,
          },
        ]);
      }
      const now = this.deps.clock.now();
      const assignment: AppUserRecord = {
        appId,
        userId,
        scope: 'USER',
        login,
        userName: input.userName ?? null,
        profile: input.profile ?? {},
        created: now,
        lastUpdated: now,
        statusChanged: now,
      };
      this.deps.store.saveUser(assignment);
      return assignment;
    });
  }

  /** Updates `credentials.userName` and `profile`; a group-derived user becomes directly assigned. @throws NotFound, ValidationFailed */
  updateUser(appId: string, userId: string, body: unknown): AppUserRecord {
    const input = readUserBody(body, false);
    return this.deps.tx.run(() => {
      const current = this.getUser(appId, userId);
      const now = this.deps.clock.now();
      const direct = current.scope === 'USER';
      const updated: AppUserRecord = {
        ...current,
        scope: 'USER',
        userName: input.userName ?? current.userName,
        profile: input.profile ?? current.profile,
        lastUpdated: now,
        ...(direct ? {} : { created: now, statusChanged: now }),
      };
      this.deps.store.saveUser(updated);
      return updated;
    });
  }

  /** Removes a direct assignment. A user assigned only through a group is removed by removing the group. @throws NotFound, Refused */
  unassignUser(appId: string, userId: string): void {
    this.deps.tx.run(() => {
      const current = this.getUser(appId, userId);
      if (current.scope === 'GROUP') {
        throw new Refused(
          'E0000001',
          `Api validation failed: user ${userId} is assigned to app ${appId} through a group`,
          [{ field: 'id', message: `user ${userId} is assigned through a group; remove the group assignment instead` }],
        );
      }
      this.deps.store.deleteUser(appId, userId);
    });
  }

  /** @throws NotFound */
  listGroups(appId: string, page: Page): AppGroupRecord[] {
    this.app(appId);
    return this.deps.store.listGroups(appId, page);
  }

  /** @throws NotFound */
  getGroup(appId: string, groupId: string): AppGroupRecord {
    this.app(appId);
    const assignment = this.deps.store.getGroup(appId, groupId);
    if (!assignment) throw new NotFound(groupId, 'ApplicationGroupAssignment');
    return assignment;
  }

  /** PUT: creates or replaces the group's assignment (`priority`, `profile`). @throws NotFound, ValidationFailed */
  assignGroup(appId: string, groupId: string, body: unknown): AppGroupRecord {
    const input = readGroupBody(body);
    return this.deps.tx.run(() => {
      this.app(appId);
      if (!this.deps.store.groupExists(groupId)) throw new NotFound(groupId, 'Group');
      const current = this.deps.store.getGroup(appId, groupId);
      const now = this.deps.clock.now();
      const assignment: AppGroupRecord = {
        appId,
        groupId,
        priority: input.priority ?? current?.priority ?? 0,
        profile: input.profile ?? current?.profile ?? {},
        created: current?.created ?? now,
        lastUpdated: now,
      };
      this.deps.store.saveGroup(assignment);
      return assignment;
    });
  }

  /** @throws NotFound */
  unassignGroup(appId: string, groupId: string): void {
    this.app(appId);
    if (!this.deps.store.deleteGroup(appId, groupId)) throw new NotFound(groupId, 'ApplicationGroupAssignment');
  }

  /** The stored user for `expand=user`. */
  userForEmbed(userId: string): Record<string, unknown> | undefined {
    return this.deps.store.userForEmbed(userId);
  }

  private app(appId: string): void {
    if (!this.deps.apps.get(appId)) throw new NotFound(appId, 'Application');
  }
}

function readGroupBody(body: unknown): { priority?: number; profile?: Record<string, unknown> } {
  if (body === undefined) return {};
  if (!isObject(body)) throw new ValidationFailed([{ field: 'body', message: 'must be a JSON object' }]);
  const issues = [];
  const { priority, profile } = body;
  if (
    priority !== undefined &&
    (!Number.isInteger(priority) || (priority as number) < 0 || (priority as number) > 100)
  ) {
    issues.push({ field: 'priority', message: 'must be a whole number from 0 to 100' });
  }
  if (profile !== undefined && !isObject(profile)) issues.push({ field: 'profile', message: 'must be an object' });
  if (issues.length) throw new ValidationFailed(issues);
  return { ...(typeof priority === 'number' ? { priority } : {}), ...(isObject(profile) ? { profile } : {}) };
}
