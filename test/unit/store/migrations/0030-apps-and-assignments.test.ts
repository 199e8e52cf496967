/**
 * Migration 0030 on a database holding servers, users, groups and memberships: they are kept, and
 * apps and their user and group assignments get their defaults, constraints and foreign keys.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../src-main/store/database.js';
import { ALICE, BOB, ENGINEERING, EVERYONE, T, WEB, allRows, migratedWithData, seedTablesOf } from './schema.js';

let db: Db;
let before: Record<string, unknown[]>;
beforeEach(() => {
  ({ db, before } = migratedWithData(30));
});
afterEach(() => db.close());

const insertApp = (id: string, clientId: string, status = 'ACTIVE', type = 'web') =>
  db
    .prepare(
      `INSERT INTO apps (id, label, status, client_id, client_secret, token_endpoint_auth_method, application_type, document, created, last_updated)
      VALUES (?, 'App', ?, ?, NULL, 'none', ?, '{}', '${T}', '${T}')`,
    )
    .run(id, status, clientId, type);
const assignUser = (appId: string, userId: string, scope = 'USER') =>
  db
    .prepare(
      `INSERT INTO app_user_assignments (app_id, user_id, scope, user_name, created, last_updated, status_changed) VALUES (?, ?, ?, NULL, '${T}', '${T}', '${T}')`,
    )
    .run(appId, userId, scope);
const assignGroup = (appId: string, groupId: string) =>
  db
    .prepare(
      `INSERT INTO app_group_assignments (app_id, group_id, created, last_updated) VALUES (?, ?, '${T}', '${T}')`,
    )
    .run(appId, groupId);

describe('migration 0030: apps and assignments', () => {
  it('keeps the servers, users, groups and memberships written before it', () => {
    expect(before['users']).toHaveLength(2);
    expect(before['group_members']).toHaveLength(3);
    expect(allRows(db)).toMatchObject(before);
  });

  it('gives assignments an empty profile and group assignments priority 0 by default', () => {
    insertApp('0oaSPA00000000000001', 'spa', 'ACTIVE', 'browser');
    assignUser('0oaSPA00000000000001', BOB);
    assignGroup('0oaSPA00000000000001', EVERYONE);
    expect(db.prepare('SELECT profile FROM app_user_assignments').get()).toEqual({ profile: '{}' });
    expect(db.prepare('SELECT priority, profile FROM app_group_assignments').get()).toEqual({
      priority: 0,
      profile: '{}',
    });
  });

  it('checks status, application type, assignment scope and a unique client_id', () => {
    seedTablesOf(db, 30);
    expect(() => insertApp('0oaOTHER000000000001', WEB)).toThrow(/UNIQUE constraint failed: apps.client_id/);
    expect(() => insertApp('0oaOTHER000000000001', 'other', 'DELETED')).toThrow(/CHECK constraint failed/);
    expect(() => insertApp('0oaOTHER000000000001', 'other', 'ACTIVE', 'spa')).toThrow(/CHECK constraint failed/);
    expect(() => assignUser(WEB, BOB, 'ROLE')).toThrow(/CHECK constraint failed/);
    expect(() => assignUser(WEB, ALICE)).toThrow(/UNIQUE constraint failed/);
  });

  it('lets an assignment name only an existing app, user or group, and drops it with any of them', () => {
    seedTablesOf(db, 30);
    expect(() => assignUser('0oaMISSING0000000001', BOB)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => assignUser(WEB, '00uMISSING0000000001')).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => assignGroup(WEB, '00gMISSING0000000001')).toThrow(/FOREIGN KEY constraint failed/);
    assignUser(WEB, BOB);
    db.prepare('DELETE FROM users WHERE id = ?').run(ALICE);
    db.prepare('DELETE FROM groups WHERE id = ?').run(ENGINEERING);
    expect(db.prepare('SELECT user_id FROM app_user_assignments').all()).toEqual([{ user_id: BOB }]);
    expect(db.prepare('SELECT count(*) AS n FROM app_group_assignments').get()).toEqual({ n: 0 });
    assignGroup(WEB, EVERYONE);
    db.prepare('DELETE FROM apps WHERE id = ?').run(WEB);
    expect(
      db
        .prepare(
          'SELECT (SELECT count(*) FROM app_user_assignments) + (SELECT count(*) FROM app_group_assignments) AS n',
        )
        .get(),
    ).toEqual({ n: 0 });
  });
});
