/**
 * SQLite repository for app assignments. Direct user assignments are rows; a user assigned through
 * a group is derived from `app_group_assignments` ⋈ `group_members` (scope GROUP), so adding a
 * user to a group assigns them at once. Users and groups are read from their tables, not owned here.
 */
import type { AppAssignmentRepository, AppGroupRecord, AppUserRecord } from '../core/ports/app-assignments.js';
import type { Page } from '../core/ports/page.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

interface AppUserRow {
  app_id: string;
  user_id: string;
  scope: string;
  user_name: string | null;
  login: string;
  profile: string;
  created: string;
  last_updated: string;
  status_changed: string;
}

interface AppGroupRow {
  app_id: string;
  group_id: string;
  priority: number;
  profile: string;
  created: string;
  last_updated: string;
}

const toUser = (row: AppUserRow): AppUserRecord => ({
  appId: row.app_id,
  userId: row.user_id,
  scope: row.scope as AppUserRecord['scope'],
  userName: row.user_name,
  login: row.login,
  profile: JSON.parse(row.profile) as Record<string, unknown>,
  created: new Date(row.created),
  lastUpdated: new Date(row.last_updated),
  statusChanged: new Date(row.status_changed),
});

const toGroup = (row: AppGroupRow): AppGroupRecord => ({
  appId: row.app_id,
  groupId: row.group_id,
  priority: row.priority,
  profile: JSON.parse(row.profile) as Record<string, unknown>,
  created: new Date(row.created),
  lastUpdated: new Date(row.last_updated),
});

/** Every user assigned to @app: direct rows, then group-derived users without a direct row. */
const ASSIGNED = `
  WITH assigned AS (
    SELECT user_id, 'USER' AS scope, user_name, profile, created, last_updated, status_changed
      FROM app_user_assignments WHERE app_id = @app
    UNION ALL
    SELECT m.user_id, 'GROUP', NULL, '{}', MIN(g.created), MAX(g.last_updated), MIN(g.created)
      FROM app_group_assignments g JOIN group_members m ON m.group_id = g.group_id
     WHERE g.app_id = @app AND m.user_id NOT IN (SELECT user_id FROM app_user_assignments WHERE app_id = @app)
     GROUP BY m.user_id
  )
  SELECT @app AS app_id, a.user_id, a.scope, a.user_name, u.login, a.profile, a.created, a.last_updated, a.status_changed
    FROM assigned a JOIN users u ON u.id = a.user_id`;

const GROUP_COLUMNS = 'app_id, group_id, priority, profile, created, last_updated';

export class SqliteAppAssignmentRepository implements AppAssignmentRepository {
  constructor(private readonly db: Db) {}

  userLogin(userId: string): string | undefined {
    const row = prepared(this.db, 'SELECT login FROM users WHERE id = ?').get(userId) as { login: string } | undefined;
    return row?.login;
  }

  groupExists(groupId: string): boolean {
    return prepared(this.db, 'SELECT 1 FROM groups WHERE id = ?').get(groupId) !== undefined;
  }

  listUsers(appId: string, page: Page, q?: string): AppUserRecord[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { app: appId, limit: page.limit };
    if (page.after !== undefined) {
      where.push('u.seq > COALESCE((SELECT seq FROM users WHERE id = @after), 9223372036854775807)');
      params['after'] = page.after;
    }
    if (q) {
      where.push("(lower(COALESCE(a.user_name, u.login)) LIKE @q ESCAPE '\\' OR lower(u.login) LIKE @q ESCAPE '\\')");
      params['q'] = `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    const sql = `${ASSIGNED} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY u.seq LIMIT @limit`;
    return (prepared(this.db, sql).all(params) as AppUserRow[]).map(toUser);
  }

  getUser(appId: string, userId: string): AppUserRecord | undefined {
    const row = prepared(this.db, `${ASSIGNED} WHERE a.user_id = @user`).get({ app: appId, user: userId }) as
      AppUserRow | undefined;
    return row && toUser(row);
  }

  assignedUserName(appId: string, userId: string): string | undefined {
    const row = prepared(this.db, 'SELECT user_name FROM app_user_assignments WHERE app_id = ? AND user_id = ?').get(
      appId,
      userId,
    ) as { user_name: string | null } | undefined;
    return row?.user_name ?? undefined;
  }

  saveUser(a: AppUserRecord): void {
    prepared(
      this.db,
      `INSERT INTO app_user_assignments (app_id, user_id, scope, user_name, profile, created, last_updated, status_changed)
         VALUES (@app_id, @user_id, 'USER', @user_name, @profile, @created, @last_updated, @status_changed)
         ON CONFLICT (app_id, user_id) DO UPDATE SET user_name = excluded.user_name, profile = excluded.profile, last_updated = excluded.last_updated`,
    ).run({
      app_id: a.appId,
      user_id: a.userId,
      user_name: a.userName,
      profile: JSON.stringify(a.profile),
      created: a.created.toISOString(),
      last_updated: a.lastUpdated.toISOString(),
      status_changed: a.statusChanged.toISOString(),
    });
  }

  deleteUser(appId: string, userId: string): boolean {
    return (
      prepared(this.db, 'DELETE FROM app_user_assignments WHERE app_id = ? AND user_id = ?').run(appId, userId)
        .changes > 0
    );
  }

  /** Groups in the order they were first assigned to the app; `after` is a group id. */
  listGroups(appId: string, page: Page): AppGroupRecord[] {
    const after =
      page.after === undefined
        ? ''
        : 'AND rowid > COALESCE((SELECT rowid FROM app_group_assignments WHERE app_id = @app AND group_id = @after), 9223372036854775807)';
    const sql = `SELECT ${GROUP_COLUMNS} FROM app_group_assignments WHERE app_id = @app ${after} ORDER BY rowid LIMIT @limit`;
    const params = { app: appId, limit: page.limit, ...(page.after === undefined ? {} : { after: page.after }) };
    return (prepared(this.db, sql).all(params) as AppGroupRow[]).map(toGroup);
  }

  getGroup(appId: string, groupId: string): AppGroupRecord | undefined {
    const row = prepared(
      this.db,
      `SELECT ${GROUP_COLUMNS} FROM app_group_assignments WHERE app_id = ? AND group_id = ?`,
    ).get(appId, groupId) as AppGroupRow | undefined;
    return row && toGroup(row);
  }

  saveGroup(a: AppGroupRecord): void {
    prepared(
      this.db,
      `INSERT INTO app_group_assignments (${GROUP_COLUMNS}) VALUES (@app_id, @group_id, @priority, @profile, @created, @last_updated)
         ON CONFLICT (app_id, group_id) DO UPDATE SET priority = excluded.priority, profile = excluded.profile, last_updated = excluded.last_updated`,
    ).run({
      app_id: a.appId,
      group_id: a.groupId,
      priority: a.priority,
      profile: JSON.stringify(a.profile),
      created: a.created.toISOString(),
      last_updated: a.lastUpdated.toISOString(),
    });
  }

  deleteGroup(appId: string, groupId: string): boolean {
    return (
      prepared(this.db, 'DELETE FROM app_group_assignments WHERE app_id = ? AND group_id = ?').run(appId, groupId)
        .changes > 0
    );
  }

  isUserAssigned(appId: string, userId: string): boolean {
    const row = prepared(
      this.db,
      `SELECT EXISTS (SELECT 1 FROM app_user_assignments WHERE app_id = @app AND user_id = @user)
             OR EXISTS (SELECT 1 FROM app_group_assignments g JOIN group_members m ON m.group_id = g.group_id
                         WHERE g.app_id = @app AND m.user_id = @user) AS assigned`,
    ).get({ app: appId, user: userId }) as { assigned: number };
    return row.assigned === 1;
  }

  userForEmbed(userId: string): Record<string, unknown> | undefined {
    const row = prepared(
      this.db,
      `SELECT id, status, created, activated, status_changed AS statusChanged, last_login AS lastLogin, last_updated AS lastUpdated,
                password_changed AS passwordChanged, type_id AS typeId, profile FROM users WHERE id = ?`,
    ).get(userId) as (Record<string, unknown> & { profile: string }) | undefined;
    return row && { ...row, profile: JSON.parse(row.profile) as unknown };
  }
}
