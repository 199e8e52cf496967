/**
 * Users driven through the official @okta/okta-sdk-nodejs v8 client against the real server on
 * port 0 with a temporary database (Okta "Users" API–15).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Client } from '@okta/okta-sdk-nodejs';
import type { CreateUserRequest, User } from '@okta/okta-sdk-nodejs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { collect, oktaClient } from '../../support/okta.js';

let t: TestApp;
let client: Client;

beforeEach(async () => {
  t = await startTestApp();
  // cacheMiddleware off: the SDK caches GETs by self link, which would hide what the server answers.
  client = oktaClient(t.origin);
});
afterEach(async () => {
  await t.close();
});

/** Iterates a Collection to the end; a null item (an empty page with a next link) fails the test. */

/** Runs `call` and returns the OktaApiError it rejects with. */
async function apiError(
  call: Promise<unknown>,
): Promise<{ status: number; errorCode: string; errorSummary: string; errorCauses: { errorSummary: string }[] }> {
  try {
    await call;
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the call to fail');
}

const PASSWORD = 'Sandbox-Secret-42';
const alice = (extra: Record<string, unknown> = {}): CreateUserRequest =>
  ({
    profile: {
      login: 'alice@example.com',
      email: 'alice@example.com',
      firstName: 'Alice',
      lastName: 'Smith',
      ...extra,
    },
    credentials: { password: { value: PASSWORD } },
  }) as CreateUserRequest;

const createAlice = (extra: Record<string, unknown> = {}) =>
  client.userApi.createUser({ body: alice(extra), activate: true });

describe('creating users', () => {
  it('creates an ACTIVE user from a password with activate=true, never echoing the password', async () => {
    const user = await createAlice();
    expect(user.id).toMatch(/^00u[0-9A-Za-z]{17}$/);
    expect(user.status).toBe('ACTIVE');
    expect(user.credentials?.password).toEqual({});
    expect(user.credentials?.provider).toMatchObject({ type: 'OKTA', name: 'OKTA' });
    expect(user.profile).toMatchObject({
      login: 'alice@example.com',
      email: 'alice@example.com',
      firstName: 'Alice',
      lastName: 'Smith',
    });
    expect(user.created).toBeInstanceOf(Date);
    expect(user.activated).toEqual(user.created);
    expect(user.passwordChanged).toEqual(user.created);
    expect(user.lastLogin).toBeNull();
    expect(user._links?.self?.href).toBe(`${t.origin}/api/v1/users/${user.id}`);
    expect(JSON.stringify(user)).not.toContain(PASSWORD);
  });

  it('refuses a duplicate login, in any case, with 400 E0000001 and a login cause', async () => {
    await createAlice();
    const error = await apiError(client.userApi.createUser({ body: alice({ login: 'Alice@Example.com' }) }));
    expect(error).toMatchObject({ status: 400, errorCode: 'E0000001', errorSummary: 'Api validation failed: login' });
    expect(error.errorCauses.map((c) => c.errorSummary)).toEqual([
      'login: An object with this field already exists in the current organization',
    ]);
  });

  it('creates PROVISIONED without a password and STAGED with activate=false', async () => {
    const provisioned = await client.userApi.createUser({
      body: { profile: { login: 'p@example.com', email: 'p@example.com' } } as CreateUserRequest,
    });
    expect(provisioned.status).toBe('PROVISIONED');
    expect(provisioned.credentials?.password).toBeUndefined();
    const staged = await client.userApi.createUser({ body: alice(), activate: false });
    expect(staged.status).toBe('STAGED');
    expect(staged.activated).toBeNull();
  });

  it('round-trips custom profile attributes of any JSON type', async () => {
    const created = await createAlice({ honorific: 'Commodore', roles: ['admin', 'dev'], clearance: 3 });
    const fetched = await client.userApi.getUser({ userId: created.id! });
    expect(fetched.profile).toMatchObject({ honorific: 'Commodore', roles: ['admin', 'dev'], clearance: 3 });
  });
});

describe('finding users', () => {
  beforeEach(async () => {
    await createAlice();
    await client.userApi.createUser({
      body: { profile: { login: 'bob@example.com', email: 'bob@example.com', firstName: 'Bob' } } as CreateUserRequest,
      activate: false,
    });
  });
  const logins = async (query: Parameters<Client['userApi']['listUsers']>[0]) =>
    (await collect(await client.userApi.listUsers(query))).map((u: User) => u.profile?.login);

  it('search=profile.login eq "alice@example.com" returns the user', async () => {
    expect(await logins({ search: 'profile.login eq "alice@example.com"' })).toEqual(['alice@example.com']);
  });

  it('filter=status eq "ACTIVE" returns the user', async () => {
    expect(await logins({ filter: 'status eq "ACTIVE"' })).toEqual(['alice@example.com']);
  });

  it('q=ali returns the user', async () => {
    expect(await logins({ q: 'ali' })).toEqual(['alice@example.com']);
  });

  it('lists every user one page at a time, following Link next', async () => {
    expect(await logins({ limit: 1 })).toEqual(['alice@example.com', 'bob@example.com']);
  });

  it('sorts search results', async () => {
    expect(
      await logins({
        search: 'status eq "ACTIVE" or status eq "STAGED"',
        sortBy: 'profile.firstName',
        sortOrder: 'desc',
      }),
    ).toEqual(['bob@example.com', 'alice@example.com']);
  });

  it('gets a user by login, URL-encoded', async () => {
    const user = await client.userApi.getUser({ userId: 'alice@example.com' });
    expect(user.profile?.firstName).toBe('Alice');
  });
});

describe('group memberships', () => {
  it('PUT /groups/{gid}/users/{uid} answers 204; GET /users/{uid}/groups lists the group and Everyone', async () => {
    const user = await createAlice();
    const group = await client.groupApi.createGroup({
      group: { profile: { name: 'Engineering', description: 'Builders' } },
    });
    const raw = await t.api(`/api/v1/groups/${group.id}/users/${user.id}`, { method: 'PUT' });
    expect(raw.status).toBe(204);
    expect(await raw.text()).toBe('');
    const groups = await collect(await client.userApi.listUserGroups({ userId: user.id! }));
    expect(groups.map((g) => [g.profile?.name, g.type])).toEqual([
      ['Everyone', 'BUILT_IN'],
      ['Engineering', 'OKTA_GROUP'],
    ]);
  });

  it('adds the groupIds of a create body', async () => {
    const group = await client.groupApi.createGroup({ group: { profile: { name: 'Engineering' } } });
    const user = await client.userApi.createUser({ body: { ...alice(), groupIds: [group.id!] } });
    const members = await collect(await client.groupApi.listGroupUsers({ groupId: group.id! }));
    expect(members.map((m) => m.id)).toEqual([user.id]);
  });
});

describe('updating users', () => {
  it('updateUser changes only the given attributes; replaceUser replaces the profile', async () => {
    const user = await createAlice({ honorific: 'Commodore', title: 'Engineer' });
    const updated = await client.userApi.updateUser({
      userId: user.id!,
      user: { profile: { title: 'Lead', nickName: 'Al' } } as never,
    });
    expect(updated.profile).toMatchObject({
      firstName: 'Alice',
      honorific: 'Commodore',
      title: 'Lead',
      nickName: 'Al',
    });
    const replaced = await client.userApi.replaceUser({
      userId: user.id!,
      user: { profile: { login: 'alice@example.com', email: 'alice@corp.test' } } as never,
    });
    expect(replaced.profile).toEqual({ login: 'alice@example.com', email: 'alice@corp.test' });
  });

  it('changes the password through updateUser, storing a new hash and stamping passwordChanged', async () => {
    const user = await createAlice();
    const storedHash = () => {
      const db = new Database(join(t.dataDir, 'authbox.db'), { readonly: true });
      const row = db.prepare('SELECT password_hash AS hash FROM users WHERE id = ?').get(user.id) as { hash: string };
      db.close();
      return row.hash;
    };
    const before = storedHash();
    const updated = await client.userApi.updateUser({
      userId: user.id!,
      user: { credentials: { password: { value: 'Another-Secret-7' } } } as never,
    });
    expect(storedHash()).not.toBe(before);
    expect(updated.passwordChanged!.getTime()).toBeGreaterThanOrEqual(user.passwordChanged!.getTime());
    expect(updated.lastUpdated).toEqual(updated.passwordChanged);
    expect(updated.credentials?.password).toEqual({});
  });

  it('replaceUser accepts the user it fetched, credentials and all', async () => {
    const user = await createAlice({ honorific: 'Commodore' });
    const fetched = await client.userApi.getUser({ userId: user.id! });
    fetched.profile!.nickName = 'Al';
    const replaced = await client.userApi.replaceUser({ userId: user.id!, user: fetched as never });
    expect(replaced.profile).toMatchObject({ honorific: 'Commodore', nickName: 'Al' });
    expect(replaced.passwordChanged).toEqual(user.passwordChanged);
  });
});

describe('user lifecycle through the SDK', () => {
  it('activates a STAGED user, suspends, unsuspends, deactivates and reactivates it', async () => {
    const user = await client.userApi.createUser({ body: alice(), activate: false });
    const id = user.id!;
    const token = await client.userApi.activateUser({ userId: id, sendEmail: false });
    expect(token).toBeDefined();
    expect((await client.userApi.getUser({ userId: id })).status).toBe('ACTIVE');
    await client.userApi.suspendUser({ userId: id });
    expect((await client.userApi.getUser({ userId: id })).status).toBe('SUSPENDED');
    await client.userApi.unsuspendUser({ userId: id });
    expect((await client.userApi.getUser({ userId: id })).status).toBe('ACTIVE');
    await client.userApi.deactivateUser({ userId: id });
    expect((await client.userApi.getUser({ userId: id })).status).toBe('DEPROVISIONED');
    await client.userApi.activateUser({ userId: id });
    expect((await client.userApi.getUser({ userId: id })).status).toBe('ACTIVE');
  });

  it('expires a password (answering the user) and resets one', async () => {
    const user = await createAlice();
    const expired = await client.userApi.expirePassword({ userId: user.id! });
    expect(expired.status).toBe('PASSWORD_EXPIRED');
    await client.userApi.generateResetPasswordToken({ userId: user.id!, sendEmail: false });
    expect((await client.userApi.getUser({ userId: user.id! })).status).toBe('RECOVERY');
  });

  it('refuses activating an ACTIVE user with 403 E0000016', async () => {
    const user = await createAlice();
    expect(await apiError(client.userApi.activateUser({ userId: user.id! }))).toMatchObject({
      status: 403,
      errorCode: 'E0000016',
    });
  });

  it('deletes in two steps: deactivate, then delete', async () => {
    const user = await createAlice();
    await client.userApi.deleteUser({ userId: user.id! });
    expect((await client.userApi.getUser({ userId: user.id! })).status).toBe('DEPROVISIONED');
    await client.userApi.deleteUser({ userId: user.id! });
    expect(await apiError(client.userApi.getUser({ userId: user.id! }))).toMatchObject({
      status: 404,
      errorCode: 'E0000007',
      errorSummary: `Not found: Resource not found: ${user.id} (User)`,
    });
  });
});

describe('password storage', () => {
  it('keeps the password out of every response and out of the database files', async () => {
    const user = await createAlice();
    const bodies = await Promise.all(
      [
        `/api/v1/users/${user.id}`,
        '/api/v1/users',
        `/api/v1/users?search=${encodeURIComponent('profile.login sw "alice"')}`,
      ].map(async (path) => (await t.api(path)).text()),
    );
    for (const body of bodies) {
      expect(body).toContain('alice@example.com');
      expect(body).not.toContain(PASSWORD);
      expect(body).not.toContain('scrypt');
    }
    const stored = ['authbox.db', 'authbox.db-wal']
      .map((name) => {
        try {
          return readFileSync(join(t.dataDir, name));
        } catch {
          return Buffer.alloc(0);
        }
      })
      .reduce((all, bytes) => Buffer.concat([all, bytes]));
    expect(stored.includes(Buffer.from('alice@example.com'))).toBe(true);
    expect(stored.includes(Buffer.from(PASSWORD))).toBe(false);
    expect(stored.includes(Buffer.from('scrypt$16384$8$1$'))).toBe(true);
  });
});
