/** SQLite repository for OIDC apps: queried members in columns, the rest in `document` JSON. */
import type { AppDocument, AppQuery, AppRecord, AppRepository } from '../core/ports/apps.js';
import type { Page } from '../core/ports/page.js';
import type { SecretSealer } from '../core/ports/secret-sealer.js';
import { PLAIN_SEALER } from '../core/secret-sealer.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

interface AppRow {
  id: string;
  label: string;
  status: string;
  client_id: string;
  client_secret: string | null;
  token_endpoint_auth_method: string;
  application_type: string;
  document: string;
  created: string;
  last_updated: string;
}

const COLUMNS =
  'id, label, status, client_id, client_secret, token_endpoint_auth_method, application_type, document, created, last_updated';

function toApp(row: AppRow, sealer: SecretSealer): AppRecord {
  return {
    id: row.id,
    label: row.label,
    status: row.status as AppRecord['status'],
    clientId: row.client_id,
    clientSecret: row.client_secret === null ? null : sealer.unseal(row.client_secret),
    authMethod: row.token_endpoint_auth_method as AppRecord['authMethod'],
    applicationType: row.application_type as AppRecord['applicationType'],
    document: JSON.parse(row.document) as AppDocument,
    created: new Date(row.created),
    lastUpdated: new Date(row.last_updated),
  };
}

function fromApp(app: AppRecord, sealer: SecretSealer): AppRow {
  return {
    id: app.id,
    label: app.label,
    status: app.status,
    client_id: app.clientId,
    client_secret: app.clientSecret === null ? null : sealer.seal(app.clientSecret),
    token_endpoint_auth_method: app.authMethod,
    application_type: app.applicationType,
    document: JSON.stringify(app.document),
    created: app.created.toISOString(),
    last_updated: app.lastUpdated.toISOString(),
  };
}

/** A user is assigned directly or through a group they are a member of (Okta "Application Users" and "Application Groups" APIs). */
const ASSIGNED_TO_USER = `(EXISTS (SELECT 1 FROM app_user_assignments u WHERE u.app_id = apps.id AND u.user_id = @userId)
  OR EXISTS (SELECT 1 FROM app_group_assignments g JOIN group_members m ON m.group_id = g.group_id
             WHERE g.app_id = apps.id AND m.user_id = @userId))`;

export class SqliteAppRepository implements AppRepository {
  private readonly insertApp;
  private readonly updateApp;

  /** `sealer` keeps client secrets at rest (the OS keychain in the desktop app). */
  constructor(
    private readonly db: Db,
    private readonly sealer: SecretSealer = PLAIN_SEALER,
  ) {
    this.insertApp = db.prepare(
      `INSERT INTO apps (${COLUMNS}) VALUES (@id, @label, @status, @client_id, @client_secret, @token_endpoint_auth_method, @application_type, @document, @created, @last_updated)`,
    );
    this.updateApp = db.prepare(
      `UPDATE apps SET label = @label, status = @status, client_secret = @client_secret, token_endpoint_auth_method = @token_endpoint_auth_method,
         document = @document, last_updated = @last_updated WHERE id = @id`,
    );
  }

  list(page: Page, query: AppQuery): AppRecord[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: page.limit };
    const add = (clause: string, name: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(clause);
      params[name] = value;
    };
    if (page.after !== undefined)
      add('seq > COALESCE((SELECT seq FROM apps WHERE id = @after), 9223372036854775807)', 'after', page.after);
    // Okta's q matches the start of the label or name; every app here is named oidc_client.
    if (query.q)
      add(
        "(lower(label) LIKE @q ESCAPE '\\' OR 'oidc_client' LIKE @q ESCAPE '\\')",
        'q',
        `${escapeLike(query.q.toLowerCase())}%`,
      );
    add('status = @status', 'status', query.status);
    add(ASSIGNED_TO_USER, 'userId', query.userId);
    add(
      'EXISTS (SELECT 1 FROM app_group_assignments g WHERE g.app_id = apps.id AND g.group_id = @groupId)',
      'groupId',
      query.groupId,
    );
    add("json_extract(document, '$.signing.kid') = @kid", 'kid', query.signingKid);
    const sql = `SELECT ${COLUMNS} FROM apps ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT @limit`;
    return (prepared(this.db, sql).all(params) as AppRow[]).map((row) => toApp(row, this.sealer));
  }

  get(id: string): AppRecord | undefined {
    const row = prepared(this.db, `SELECT ${COLUMNS} FROM apps WHERE id = ?`).get(id) as AppRow | undefined;
    return row && toApp(row, this.sealer);
  }

  byClientId(clientId: string): AppRecord | undefined {
    const row = prepared(this.db, `SELECT ${COLUMNS} FROM apps WHERE client_id = ?`).get(clientId) as
      AppRow | undefined;
    return row && toApp(row, this.sealer);
  }

  insert(app: AppRecord): void {
    this.insertApp.run(fromApp(app, this.sealer));
  }

  update(app: AppRecord): void {
    this.updateApp.run(fromApp(app, this.sealer));
  }

  /** Assignments go with the app (ON DELETE CASCADE). */
  delete(id: string): boolean {
    return prepared(this.db, 'DELETE FROM apps WHERE id = ?').run(id).changes > 0;
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
