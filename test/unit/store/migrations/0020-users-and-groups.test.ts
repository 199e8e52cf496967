/**
 * Migration 0020 on a database holding servers and keys: they are kept, the built-in Everyone group
 * appears, and users, groups and memberships enforce their constraints and foreign keys.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../src-main/store/database.js';
import { ALICE, EVERYONE, T, allRows, migratedWithData, seedTablesOf } from './schema.js';

let db: Db;
let before: Record<string, unknown[]>;
beforeEach(() => {
  ({ db, before } = migratedWithData(20));
});
afterEach(() => db.close());

const insertUser = (id: string, login: string, status = 'ACTIVE') =>
  db
    .prepare(
      `INSERT INTO users (id, login, status, profile, created, last_updated) VALUES (?, ?, ?, '{}', '${T}', '${T}')`,
    )
    .run(id, login, status);
const insertMember = (groupId: string, userId: string) =>
  db.prepare(`INSERT INTO group_members (group_id, user_id, added) VALUES (?, ?, '${T}')`).run(groupId, userId);

describe('migration 0020: users and groups', () => {
  it('keeps the servers, keys and settings written before it', () => {
    expect(before['authorization_servers']).toHaveLength(2);
    expect(allRows(db)).toMatchObject(before);
  });

  it('creates the built-in Everyone group, with no members yet', () => {
    expect(db.prepare('SELECT id, type, name, description FROM groups').all()).toEqual([
      { id: EVERYONE, type: 'BUILT_IN', name: 'Everyone', description: 'All users in your organization' },
    ]);
    const { created } = db.prepare('SELECT created FROM groups').get() as { created: string };
    expect(created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(db.prepare('SELECT count(*) AS n FROM group_members').get()).toEqual({ n: 0 });
  });

  it('takes users and memberships, and keeps logins unique whatever their case', () => {
    seedTablesOf(db, 20);
    expect(() => insertUser('00uOTHER000000000001', 'ALICE@Example.com')).toThrow(
      /UNIQUE constraint failed: users.login/,
    );
    expect(() => insertUser(ALICE, 'carol@example.com')).toThrow(/UNIQUE constraint failed: users.id/);
    expect(() => insertUser('00uOTHER000000000001', 'carol@example.com', 'ENABLED')).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare(`UPDATE groups SET type = 'CUSTOM' WHERE id = '${EVERYONE}'`).run()).toThrow(
      /CHECK constraint failed/,
    );
  });

  it('lets a membership name only an existing group and user, and drops it with either', () => {
    seedTablesOf(db, 20);
    expect(() => insertMember(EVERYONE, '00uMISSING0000000001')).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => insertMember('00gMISSING0000000001', ALICE)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => insertMember(EVERYONE, ALICE)).toThrow(/UNIQUE constraint failed/);
    db.prepare('DELETE FROM users WHERE id = ?').run(ALICE);
    expect(db.prepare('SELECT group_id FROM group_members WHERE user_id = ?').all(ALICE)).toEqual([]);
    db.prepare("DELETE FROM groups WHERE type = 'OKTA_GROUP'").run();
    expect(db.prepare('SELECT group_id FROM group_members').all()).toEqual([{ group_id: EVERYONE }]);
  });
});
