/**
 * Users and groups for the app tests. They are made through the management API when the users and
 * groups endpoints exist, else inserted straight into the test database (built in parallel, issue 3).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { TestApp } from '../../support/app.js';

export const EVERYONE = '00gEVERYONE000000000';
let counter = 0;
const fakeId = (prefix: string) => `${prefix}${String(++counter).padStart(8, '0')}${Math.random().toString(36).slice(2, 11).padEnd(9, '0')}`;

function withDb<T>(t: TestApp, work: (db: Database.Database) => T): T {
  const db = new Database(join(t.dataDir, 'authbox.db'));
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    return work(db);
  } finally {
    db.close();
  }
}

const missingEndpoint = async (response: Response) =>
  response.status === 404 && ((await response.clone().json()) as { errorCode?: string }).errorCode === 'E0000008';

export async function createUser(t: TestApp, login: string): Promise<string> {
  const response = await t.api('/api/v1/users?activate=true', {
    method: 'POST',
    body: JSON.stringify({ profile: { login, email: login, firstName: login.split('@')[0], lastName: 'Test' }, credentials: { password: { value: 'Sandbox-Passw0rd!' } } }),
  });
  if (!(await missingEndpoint(response))) {
    if (response.status !== 200) throw new Error(`creating ${login}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  }
  const id = fakeId('00u');
  const now = new Date().toISOString();
  withDb(t, (db) =>
    db.transaction(() => {
      db.prepare(
        `INSERT INTO users (id, login, status, profile, created, activated, status_changed, last_updated)
         VALUES (?, ?, 'ACTIVE', ?, ?, ?, ?, ?)`,
      ).run(id, login, JSON.stringify({ login, email: login, firstName: login.split('@')[0], lastName: 'Test' }), now, now, now, now);
      db.prepare('INSERT INTO group_members (group_id, user_id, added) VALUES (?, ?, ?)').run(EVERYONE, id, now);
    })(),
  );
  return id;
}

export async function createGroup(t: TestApp, name: string): Promise<string> {
  const response = await t.api('/api/v1/groups', { method: 'POST', body: JSON.stringify({ profile: { name, description: `${name} group` } }) });
  if (!(await missingEndpoint(response))) {
    if (response.status !== 200) throw new Error(`creating group ${name}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  }
  const id = fakeId('00g');
  const now = new Date().toISOString();
  withDb(t, (db) =>
    db.prepare(`INSERT INTO groups (id, type, name, description, created, last_updated, last_membership_updated) VALUES (?, 'OKTA_GROUP', ?, ?, ?, ?, ?)`).run(id, name, `${name} group`, now, now, now),
  );
  return id;
}

export async function addMember(t: TestApp, groupId: string, userId: string): Promise<void> {
  const response = await t.api(`/api/v1/groups/${groupId}/users/${userId}`, { method: 'PUT' });
  if (!(await missingEndpoint(response))) {
    if (response.status !== 204) throw new Error(`adding ${userId} to ${groupId}: ${response.status} ${await response.text()}`);
    return;
  }
  withDb(t, (db) => db.prepare('INSERT INTO group_members (group_id, user_id, added) VALUES (?, ?, ?)').run(groupId, userId, new Date().toISOString()));
}

/** Row counts of the tables this feature writes, to show a refused request changed nothing. */
export function counts(t: TestApp): Record<string, number> {
  return withDb(t, (db) =>
    Object.fromEntries(
      ['apps', 'app_user_assignments', 'app_group_assignments'].map((table) => [table, (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n]),
    ),
  );
}

/** Makes an access policy of the default server name the app (through the policies API when it exists). */
export async function createPolicyNaming(t: TestApp, clientId: string, appId: string, name: string): Promise<void> {
  const response = await t.api('/api/v1/authorizationServers/default/policies', {
    method: 'POST',
    body: JSON.stringify({ type: 'OAUTH_AUTHORIZATION_POLICY', name, description: name, conditions: { clients: { include: [clientId] } } }),
  });
  if (!(await missingEndpoint(response))) {
    if (response.status !== 201) throw new Error(`creating policy ${name}: ${response.status} ${await response.text()}`);
    return;
  }
  const id = fakeId('00p');
  const now = new Date().toISOString();
  withDb(t, (db) =>
    db.transaction(() => {
      db.prepare(
        `INSERT INTO policies (id, server_id, name, description, status, priority, system, all_clients, created, last_updated)
         VALUES (?, 'default', ?, ?, 'ACTIVE', (SELECT COUNT(*) + 1 FROM policies WHERE server_id = 'default'), 0, 0, ?, ?)`,
      ).run(id, name, name, now, now);
      db.prepare('INSERT INTO policy_apps (policy_id, app_id) VALUES (?, ?)').run(id, appId);
    })(),
  );
}
