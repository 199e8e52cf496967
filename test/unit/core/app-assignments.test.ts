/**
 * The assignment rule the protocol engine relies on (Okta "Application Users" and "Application Groups" APIs): a user may use an app when
 * assigned directly or through any group they belong to; the app knows them by the assignment's
 * userName, else their login. Checked against the real schema on an in-memory database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppAssignments } from '../../../src-main/core/app-assignments.js';
import type { UserRecord } from '../../../src-main/core/ports/users.js';
import { Apps } from '../../../src-main/core/apps.js';
import { openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';
import { SqliteAppAssignmentRepository } from '../../../src-main/store/app-assignment-repository.js';
import { SqliteAppRepository } from '../../../src-main/store/app-repository.js';
import { SqliteReferenceRepository } from '../../../src-main/store/reference-repository.js';
import { FakeClock, FakeCrypto } from './fakes.js';

const EVERYONE = '00gEVERYONE000000000';
const NOW = '2024-01-01T00:00:00.000Z';

let db: Db;
let apps: Apps;
let assignments: AppAssignments;

function user(id: string, login: string): string {
  db.prepare(
    `INSERT INTO users (id, login, status, profile, created, last_updated) VALUES (?, ?, 'ACTIVE', '{}', ?, ?)`,
  ).run(id, login, NOW, NOW);
  db.prepare('INSERT INTO group_members (group_id, user_id, added) VALUES (?, ?, ?)').run(EVERYONE, id, NOW);
  return id;
}

function group(id: string, ...members: string[]): string {
  db.prepare(
    `INSERT INTO groups (id, type, name, created, last_updated, last_membership_updated) VALUES (?, 'OKTA_GROUP', ?, ?, ?, ?)`,
  ).run(id, id, NOW, NOW, NOW);
  for (const member of members)
    db.prepare('INSERT INTO group_members (group_id, user_id, added) VALUES (?, ?, ?)').run(id, member, NOW);
  return id;
}

const newApp = () =>
  apps.create({
    name: 'oidc_client',
    label: 'Orders',
    signOnMode: 'OPENID_CONNECT',
    settings: { oauthClient: { redirect_uris: ['https://orders.example.com/cb'] } },
  }).id;

beforeEach(() => {
  db = openDatabase(':memory:');
  const clock = new FakeClock(new Date(NOW));
  const tx = { run: <T>(work: () => T) => db.transaction(work)() };
  const appStore = new SqliteAppRepository(db);
  apps = new Apps({
    store: appStore,
    crypto: new FakeCrypto(),
    clock,
    tx,
    references: new SqliteReferenceRepository(db),
  });
  assignments = new AppAssignments({ apps: appStore, store: new SqliteAppAssignmentRepository(db), clock, tx });
});

afterEach(() => db.close());

describe('isUserAssigned', () => {
  it('is false for a user with no direct or group assignment', () => {
    const app = newApp();
    expect(assignments.isUserAssigned(app, user('00ualice', 'alice@example.com'))).toBe(false);
  });

  it('is true for a directly assigned user, and false again once unassigned', () => {
    const app = newApp();
    const alice = user('00ualice', 'alice@example.com');
    assignments.assignUser(app, { id: alice, scope: 'USER' });
    expect(assignments.isUserAssigned(app, alice)).toBe(true);
    assignments.unassignUser(app, alice);
    expect(assignments.isUserAssigned(app, alice)).toBe(false);
  });

  it('is true for members of an assigned group only, and follows later membership changes', () => {
    const app = newApp();
    const bob = user('00ubob', 'bob@example.com');
    const carol = user('00ucarol', 'carol@example.com');
    const engineers = group('00gengineers', bob);
    assignments.assignGroup(app, engineers, {});
    expect(assignments.isUserAssigned(app, bob)).toBe(true);
    expect(assignments.isUserAssigned(app, carol)).toBe(false);
    db.prepare('INSERT INTO group_members (group_id, user_id, added) VALUES (?, ?, ?)').run(engineers, carol, NOW);
    expect(assignments.isUserAssigned(app, carol)).toBe(true);
    assignments.unassignGroup(app, engineers);
    expect(assignments.isUserAssigned(app, bob)).toBe(false);
  });

  it('assigning the built-in Everyone group assigns every user', () => {
    const app = newApp();
    assignments.assignGroup(app, EVERYONE, {});
    expect(assignments.isUserAssigned(app, user('00udave', 'dave@example.com'))).toBe(true);
  });

  it('is scoped to the app', () => {
    const first = newApp();
    const second = newApp();
    const alice = user('00ualice', 'alice@example.com');
    assignments.assignUser(first, { id: alice });
    expect(assignments.isUserAssigned(second, alice)).toBe(false);
  });
});

describe('appUserName', () => {
  it("is the assignment's userName when set, else the user's login", () => {
    const app = newApp();
    const alice = user('00ualice', 'alice@example.com');
    const bob = user('00ubob', 'bob@example.com');
    assignments.assignUser(app, { id: alice, credentials: { userName: 'alice.orders' } });
    assignments.assignGroup(app, group('00gengineers', bob), {});
    expect(assignments.appUserName(app, alice)).toBe('alice.orders');
    expect(assignments.appUserName(app, bob)).toBe('bob@example.com');
  });

  it('is undefined for an unknown user', () => {
    expect(assignments.appUserName(newApp(), '00unobody')).toBeUndefined();
  });

  it('is the same for a user in hand (appUserNameOf): direct with a userName, direct, through a group, not assigned', () => {
    const app = newApp();
    const inHand = (id: string, login: string) => ({ id, profile: { login } }) as unknown as UserRecord;
    const alice = inHand(user('00ualice', 'alice@example.com'), 'alice@example.com');
    const bob = inHand(user('00ubob', 'bob@example.com'), 'bob@example.com');
    const carol = inHand(user('00ucarol', 'carol@example.com'), 'carol@example.com');
    const dave = inHand(user('00udave', 'dave@example.com'), 'dave@example.com');
    assignments.assignUser(app, { id: alice.id, credentials: { userName: 'alice.orders' } });
    assignments.assignUser(app, { id: bob.id });
    assignments.assignGroup(app, group('00gengineers', carol.id), {});
    for (const person of [alice, bob, carol, dave])
      expect(assignments.appUserNameOf(app, person)).toBe(assignments.appUserName(app, person.id));
    expect(assignments.appUserNameOf(app, alice)).toBe('alice.orders');
    expect(assignments.appUserNameOf(app, carol)).toBe('carol@example.com');
  });
});

describe('listing app users', () => {
  it('shows direct users with scope USER and group-derived users with scope GROUP, once each', () => {
    const app = newApp();
    const alice = user('00ualice', 'alice@example.com');
    const bob = user('00ubob', 'bob@example.com');
    assignments.assignUser(app, { id: alice });
    assignments.assignGroup(app, group('00gone', alice, bob), {});
    assignments.assignGroup(app, group('00gtwo', bob), {});
    const listed = assignments.listUsers(app, { limit: 10 });
    expect(listed.map((a) => [a.userId, a.scope])).toEqual([
      [alice, 'USER'],
      [bob, 'GROUP'],
    ]);
  });
});
