/**
 * Groups and memberships driven through the official @okta/okta-sdk-nodejs v8 client against the
 * real server on port 0 with a temporary database (Okta "Groups" API).
 */
import type { Client } from '@okta/okta-sdk-nodejs';
import type { CreateUserRequest, Group } from '@okta/okta-sdk-nodejs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { collect, oktaClient } from '../../support/okta.js';

let t: TestApp;
let client: Client;

beforeEach(async () => {
  t = await startTestApp();
  client = oktaClient(t.origin);
});
afterEach(async () => {
  await t.close();
});

/** Iterates a Collection to the end; a null item (an empty page with a next link) fails the test. */

async function apiError(call: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await call;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}

const EVERYONE = '00gEVERYONE000000000';
const createGroup = (name: string, description?: string) =>
  client.groupApi.createGroup({ group: { profile: { name, ...(description ? { description } : {}) } } });
const createUser = (login: string) =>
  client.userApi.createUser({
    body: { profile: { login, email: login }, credentials: { password: { value: 'Abcd1234' } } } as CreateUserRequest,
  });
const names = (groups: Group[]) => groups.map((g) => g.profile?.name);

describe('groups through the Okta SDK', () => {
  it('creates an OKTA_GROUP with Okta’s shape and absolute links', async () => {
    const group = await createGroup('Engineering', 'Builders');
    expect(group.id).toMatch(/^00g[0-9A-Za-z]{17}$/);
    expect(group.type).toBe('OKTA_GROUP');
    expect(group.objectClass).toEqual(['okta:user_group']);
    expect(group.profile).toMatchObject({ name: 'Engineering', description: 'Builders' });
    expect(group.created).toBeInstanceOf(Date);
    expect(group.lastMembershipUpdated).toEqual(group.created);
    expect(group._links?.self?.href).toBe(`${t.origin}/api/v1/groups/${group.id}`);
    expect(group._links?.users?.href).toBe(`${t.origin}/api/v1/groups/${group.id}/users`);
    expect(group._links?.apps?.href).toBe(`${t.origin}/api/v1/groups/${group.id}/apps`);
  });

  it('lists Everyone and the created groups, one page at a time', async () => {
    await createGroup('Engineering');
    await createGroup('Sales');
    expect(names(await collect(await client.groupApi.listGroups({ limit: 1 })))).toEqual([
      'Everyone',
      'Engineering',
      'Sales',
    ]);
  });

  it('finds groups by q, filter and search', async () => {
    await createGroup('Engineering', 'Builders');
    await createGroup('Eng-Admins');
    await createGroup('West Coast');
    expect(names(await collect(await client.groupApi.listGroups({ q: 'eng' })))).toEqual(['Engineering', 'Eng-Admins']);
    expect(names(await collect(await client.groupApi.listGroups({ filter: 'type eq "BUILT_IN"' })))).toEqual([
      'Everyone',
    ]);
    expect(
      names(
        await collect(
          await client.groupApi.listGroups({ search: 'profile.name sw "West" or profile.description eq "builders"' }),
        ),
      ),
    ).toEqual(['Engineering', 'West Coast']);
  });

  it('gets, replaces and deletes a group', async () => {
    const group = await createGroup('Engineering');
    expect((await client.groupApi.getGroup({ groupId: group.id! })).profile?.name).toBe('Engineering');
    const replaced = await client.groupApi.replaceGroup({
      groupId: group.id!,
      group: { profile: { name: 'R&D', description: 'Research' } },
    });
    expect(replaced.profile).toMatchObject({ name: 'R&D', description: 'Research' });
    await client.groupApi.deleteGroup({ groupId: group.id! });
    expect(await apiError(client.groupApi.getGroup({ groupId: group.id! }))).toMatchObject({
      status: 404,
      errorCode: 'E0000007',
    });
  });

  it('refuses a duplicate name with 409 E0000055', async () => {
    await createGroup('Engineering');
    const error = await apiError(createGroup('ENGINEERING'));
    expect(error).toMatchObject({
      status: 409,
      errorCode: 'E0000055',
      errorSummary: "Duplicate Group: a group named 'Engineering' already exists",
    });
  });
});

describe('memberships through the Okta SDK', () => {
  it('assigns, lists and unassigns a member; the user’s groups follow', async () => {
    const group = await createGroup('Engineering');
    const user = await createUser('alice@example.com');
    await client.groupApi.assignUserToGroup({ groupId: group.id!, userId: user.id! });
    expect(
      (await collect(await client.groupApi.listGroupUsers({ groupId: group.id! }))).map((u) => u.profile?.login),
    ).toEqual(['alice@example.com']);
    expect(names(await collect(await client.userApi.listUserGroups({ userId: user.id! })))).toEqual([
      'Everyone',
      'Engineering',
    ]);
    const stamped = (await client.groupApi.getGroup({ groupId: group.id! })).lastMembershipUpdated!;
    expect(stamped.getTime()).toBeGreaterThan(group.lastMembershipUpdated!.getTime());
    await client.groupApi.unassignUserFromGroup({ groupId: group.id!, userId: user.id! });
    expect(await collect(await client.groupApi.listGroupUsers({ groupId: group.id! }))).toEqual([]);
    expect(names(await collect(await client.userApi.listUserGroups({ userId: user.id! })))).toEqual(['Everyone']);
  });

  it('lists every member of Everyone, page by page', async () => {
    for (const login of ['a@example.com', 'b@example.com', 'c@example.com']) await createUser(login);
    const members = await collect(await client.groupApi.listGroupUsers({ groupId: EVERYONE, limit: 2 }));
    expect(members.map((u) => u.profile?.login)).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
  });

  it('refuses changes to Everyone with 403 E0000006', async () => {
    const user = await createUser('alice@example.com');
    for (const call of [
      client.groupApi.unassignUserFromGroup({ groupId: EVERYONE, userId: user.id! }),
      client.groupApi.deleteGroup({ groupId: EVERYONE }),
      client.groupApi.replaceGroup({ groupId: EVERYONE, group: { profile: { name: 'All' } } }),
    ]) {
      expect(await apiError(call)).toMatchObject({ status: 403, errorCode: 'E0000006' });
    }
    expect(names(await collect(await client.userApi.listUserGroups({ userId: user.id! })))).toEqual(['Everyone']);
  });

  it('answers 404 E0000007 for an unknown user or group', async () => {
    const group = await createGroup('Engineering');
    expect(
      await apiError(client.groupApi.assignUserToGroup({ groupId: group.id!, userId: '00uMISSING' })),
    ).toMatchObject({
      status: 404,
      errorCode: 'E0000007',
      errorSummary: 'Not found: Resource not found: 00uMISSING (User)',
    });
    expect(await apiError(client.groupApi.listGroupUsers({ groupId: '00gMISSING' }).then(collect))).toMatchObject({
      status: 404,
      errorSummary: 'Not found: Resource not found: 00gMISSING (Group)',
    });
  });
});
