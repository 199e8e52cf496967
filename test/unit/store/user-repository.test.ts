import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserRecord } from '../../../src-main/core/ports/users.js';
import { openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';
import { SqliteGroupRepository } from '../../../src-main/store/group-repository.js';
import { SqliteUserRepository } from '../../../src-main/store/user-repository.js';

let db: Db;
let users: SqliteUserRepository;
let groups: SqliteGroupRepository;

beforeEach(() => {
  db = openDatabase(':memory:');
  users = new SqliteUserRepository(db);
  groups = new SqliteGroupRepository(db);
});
afterEach(() => {
  db.close();
});

const at = (s: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, s));
const user = (id: string, login: string, extra: Partial<UserRecord> = {}): UserRecord => ({
  id,
  status: 'ACTIVE',
  typeId: 'otyDEFAULT0000000000',
  profile: { login, email: login },
  passwordHash: null,
  recoveryQuestion: null,
  created: at(0),
  activated: null,
  statusChanged: null,
  lastLogin: null,
  lastUpdated: at(0),
  passwordChanged: null,
  ...extra,
});

describe('SqliteUserRepository', () => {
  it('round-trips every field, custom profile attributes included', () => {
    const full = user('00u1', 'alice@example.com', {
      status: 'PASSWORD_EXPIRED',
      profile: {
        login: 'alice@example.com',
        email: 'alice@example.com',
        honorific: 'Commodore',
        roles: ['admin', 'dev'],
        level: 3,
        nested: { a: [1] },
      },
      passwordHash: 'scrypt$hash',
      recoveryQuestion: { question: 'Pet?', answerHash: 'scrypt$answer' },
      activated: at(1),
      statusChanged: at(2),
      lastLogin: at(3),
      lastUpdated: at(4),
      passwordChanged: at(5),
    });
    users.insert(full);
    expect(users.get('00u1')).toEqual(full);
  });

  it('finds logins in any case and refuses a second login differing only in case', () => {
    users.insert(user('00u1', 'Alice@Example.com'));
    expect(users.findByLogin('alice@example.COM')?.id).toBe('00u1');
    expect(() => users.insert(user('00u2', 'ALICE@example.com'))).toThrow(/UNIQUE constraint failed: users.login/);
  });

  it('keeps the login column in step with the profile on update', () => {
    users.insert(user('00u1', 'old@example.com'));
    users.update(user('00u1', 'new@example.com', { status: 'SUSPENDED' }));
    expect(users.findByLogin('old@example.com')).toBeUndefined();
    expect(users.findByLogin('new@example.com')?.status).toBe('SUSPENDED');
  });

  it('lists all users and a group’s members in creation order', () => {
    for (const [id, login] of [
      ['00u2', 'b@x.io'],
      ['00u1', 'a@x.io'],
      ['00u3', 'c@x.io'],
    ] as const)
      users.insert(user(id, login));
    expect(users.all().map((u) => u.id)).toEqual(['00u2', '00u1', '00u3']);
    groups.addMember('00gEVERYONE000000000', '00u3', at(0));
    groups.addMember('00gEVERYONE000000000', '00u2', at(0));
    expect(users.inGroup('00gEVERYONE000000000').map((u) => u.id)).toEqual(['00u2', '00u3']);
  });

  it('deletes a user with its memberships and app assignments', () => {
    users.insert(user('00u1', 'a@x.io'));
    groups.addMember('00gEVERYONE000000000', '00u1', at(0));
    const now = at(0).toISOString();
    db.prepare(
      `INSERT INTO apps (id, label, status, client_id, token_endpoint_auth_method, application_type, document, created, last_updated)
       VALUES ('0oa1', 'App', 'ACTIVE', '0oa1', 'none', 'browser', '{}', ?, ?)`,
    ).run(now, now);
    db.prepare(
      "INSERT INTO app_user_assignments (app_id, user_id, scope, created, last_updated, status_changed) VALUES ('0oa1', '00u1', 'USER', ?, ?, ?)",
    ).run(now, now, now);
    expect(users.delete('00u1')).toBe(true);
    expect(users.delete('00u1')).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM group_members').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM app_user_assignments').get()).toEqual({ n: 0 });
  });

  it('stamps the last login alone and answers the user as stored, or nothing for an unknown id', () => {
    users.insert(user('00u1', 'alice@example.com'));
    // A change stored since the caller read the user (during its password check) is kept.
    db.prepare("UPDATE users SET status = 'SUSPENDED' WHERE id = '00u1'").run();
    const stamped = users.recordLogin('00u1', at(9));
    expect(stamped).toMatchObject({ id: '00u1', status: 'SUSPENDED', lastLogin: at(9), lastUpdated: at(0) });
    expect(users.get('00u1')).toEqual(stamped);
    expect(users.recordLogin('00uNobody', at(9))).toBeUndefined();
  });
});
