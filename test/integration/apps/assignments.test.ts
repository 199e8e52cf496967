/**
 * User and group assignments to apps through the Okta SDK (Okta "Application Users" and "Application Groups" APIs): AppUser and
 * ApplicationGroupAssignment bodies, 409 E0000062 for a repeated assignment, 404 E0000007 for
 * unknown ids, paging, `expand=user`, nothing half-written, and a restart keeps them.
 */
import type { Client } from '@okta/okta-sdk-nodejs';
import type { AppUser, Application } from '@okta/okta-sdk-nodejs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { addMember, counts, createGroup, createUser } from './directory.js';
import { collect, oktaClient } from '../../support/okta.js';

let t: TestApp;
let client: Client;
let appId: string;

const sdk = () => oktaClient(t.origin);

/** Every item of an SDK collection; a null item (an empty page advertising next) fails the test. */

beforeEach(async () => {
  t = await startTestApp();
  client = sdk();
  const app = await client.applicationApi.createApplication({
    application: {
      name: 'oidc_client',
      label: 'Orders',
      signOnMode: 'OPENID_CONNECT',
      settings: {
        oauthClient: {
          application_type: 'web',
          grant_types: ['authorization_code'],
          redirect_uris: ['http://localhost:3000/cb'],
        },
      },
    } as unknown as Application,
  });
  appId = app.id!;
});

afterEach(async () => {
  await t.close();
});

const assign = (userId: string, userName?: string) =>
  client.applicationApi.assignUserToApplication({
    appId,
    appUser: { id: userId, scope: 'USER', ...(userName ? { credentials: { userName } } : {}) },
  });

describe('user assignments', () => {
  it('assigns a user: 200 AppUser with the login as userName and links to the app and the user', async () => {
    const alice = await createUser(t, 'alice@example.com');
    const appUser: AppUser = await assign(alice);
    expect(appUser).toMatchObject({
      id: alice,
      externalId: null,
      scope: 'USER',
      status: 'ACTIVE',
      syncState: 'DISABLED',
      credentials: { userName: 'alice@example.com' },
      profile: {},
    });
    expect(appUser.created).toBeInstanceOf(Date);
    expect(appUser.statusChanged).toEqual(appUser.created);
    expect(appUser._links?.app?.href).toBe(`${t.origin}/api/v1/apps/${appId}`);
    expect(appUser._links?.user?.href).toBe(`${t.origin}/api/v1/users/${alice}`);
  });

  it('keeps a given userName and answers a second direct assignment with 409 E0000062', async () => {
    const alice = await createUser(t, 'alice@example.com');
    expect((await assign(alice, 'alice.orders')).credentials?.userName).toBe('alice.orders');
    const before = counts(t);
    const error = await assign(alice).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 409,
      errorCode: 'E0000062',
      errorSummary: 'The specified user is already assigned to the application.',
    });
    expect(counts(t)).toEqual(before);
  });

  it('an unknown user or app gives 404 E0000007 and writes nothing', async () => {
    const before = counts(t);
    await expect(assign('00unknownuser0000000')).rejects.toMatchObject({
      status: 404,
      errorCode: 'E0000007',
      errorSummary: 'Not found: Resource not found: 00unknownuser0000000 (User)',
    });
    const alice = await createUser(t, 'alice@example.com');
    await expect(
      client.applicationApi.assignUserToApplication({ appId: '0oanope', appUser: { id: alice, scope: 'USER' } }),
    ).rejects.toMatchObject({ status: 404, errorCode: 'E0000007' });
    await expect(client.applicationApi.getApplicationUser({ appId, userId: alice })).rejects.toMatchObject({
      status: 404,
      errorCode: 'E0000007',
    });
    expect(counts(t)).toEqual(before);
  });

  it('refuses a body without id, or with a bad scope or userName, naming the field', async () => {
    const alice = await createUser(t, 'alice@example.com');
    const before = counts(t);
    for (const [body, cause] of [
      [{ scope: 'USER' }, 'id: The field cannot be left blank'],
      [
        { id: alice, scope: 'GROUP' },
        "scope: must be 'USER' (group assignments use PUT /apps/{appId}/groups/{groupId})",
      ],
      [
        { id: alice, credentials: { userName: '' } },
        'credentials.userName: must be a non-blank string of at most 100 characters',
      ],
      [{ id: alice, profile: [] }, 'profile: must be an object'],
    ] as const) {
      const response = await t.api(`/api/v1/apps/${appId}/users`, { method: 'POST', body: JSON.stringify(body) });
      expect(response.status).toBe(400);
      const error = (await response.json()) as { errorCode: string; errorCauses: { errorSummary: string }[] };
      expect(error.errorCode).toBe('E0000001');
      expect(error.errorCauses.map((c) => c.errorSummary)).toEqual([cause]);
    }
    expect(counts(t)).toEqual(before);
  });

  it('lists users with limit=1 paging, q on userName, and expand=user', async () => {
    const ids = [];
    for (const login of ['alice@example.com', 'bob@example.com', 'carol@example.com']) {
      ids.push(await createUser(t, login));
      await assign(ids.at(-1)!);
    }
    const all = await collect(await client.applicationApi.listApplicationUsers({ appId, limit: 1 }));
    expect(all.map((u) => u.id)).toEqual(ids);
    const bobs = await collect(await client.applicationApi.listApplicationUsers({ appId, q: 'BO' }));
    expect(bobs.map((u) => u.credentials?.userName)).toEqual(['bob@example.com']);
    const expanded = await t.api(`/api/v1/apps/${appId}/users?expand=user&limit=1`);
    const [first] = (await expanded.json()) as { _embedded: { user: { id: string; profile: { login: string } } } }[];
    expect(first!._embedded.user).toMatchObject({ id: ids[0], profile: { login: 'alice@example.com' } });
    expect(expanded.headers.get('link')).toContain('rel="next"');
  });

  it('gets, updates (POST) and unassigns (204) a user', async () => {
    const alice = await createUser(t, 'alice@example.com');
    await assign(alice);
    expect((await client.applicationApi.getApplicationUser({ appId, userId: alice })).credentials?.userName).toBe(
      'alice@example.com',
    );
    const updated = await client.applicationApi.updateApplicationUser({
      appId,
      userId: alice,
      appUser: { credentials: { userName: 'alice.o' }, profile: { tier: 'gold' } } as AppUser,
    });
    expect(updated).toMatchObject({ credentials: { userName: 'alice.o' }, profile: { tier: 'gold' } });
    const deleted = await t.api(`/api/v1/apps/${appId}/users/${alice}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    await expect(client.applicationApi.getApplicationUser({ appId, userId: alice })).rejects.toMatchObject({
      status: 404,
      errorCode: 'E0000007',
    });
  });
});

describe('group assignments', () => {
  it('assigns a group with PUT: 200 with id, priority, profile and links; group members then count as assigned', async () => {
    const engineers = await createGroup(t, 'Engineers');
    const bob = await createUser(t, 'bob@example.com');
    await addMember(t, engineers, bob);
    const assignment = await client.applicationApi.assignGroupToApplication({
      appId,
      groupId: engineers,
      applicationGroupAssignment: {},
    });
    expect(assignment).toMatchObject({ id: engineers, priority: 0, profile: {} });
    expect(assignment._links?.self?.href).toBe(`${t.origin}/api/v1/apps/${appId}/groups/${engineers}`);
    expect(assignment._links?.group?.href).toBe(`${t.origin}/api/v1/groups/${engineers}`);
    expect(assignment._links?.app?.href).toBe(`${t.origin}/api/v1/apps/${appId}`);

    const viaGroup = await client.applicationApi.getApplicationUser({ appId, userId: bob });
    expect(viaGroup).toMatchObject({ id: bob, scope: 'GROUP', credentials: { userName: 'bob@example.com' } });
    const refused = await t.api(`/api/v1/apps/${appId}/users/${bob}`, { method: 'DELETE' });
    expect(refused.status).toBe(400);
    // A direct assignment of a group-assigned user is allowed and turns the scope to USER.
    expect((await assign(bob)).scope).toBe('USER');
  });

  it('replaces priority and profile with a second PUT, lists with paging, gets and deletes (204)', async () => {
    const groups = [await createGroup(t, 'One'), await createGroup(t, 'Two')];
    for (const g of groups)
      await client.applicationApi.assignGroupToApplication({ appId, groupId: g, applicationGroupAssignment: {} });
    const again = await t.api(`/api/v1/apps/${appId}/groups/${groups[0]}`, {
      method: 'PUT',
      body: JSON.stringify({ priority: 3, profile: { role: 'admin' } }),
    });
    expect(await again.json()).toMatchObject({ id: groups[0], priority: 3, profile: { role: 'admin' } });
    const listed = await collect(await client.applicationApi.listApplicationGroupAssignments({ appId, limit: 1 }));
    expect(listed.map((g) => g.id)).toEqual(groups);
    expect((await client.applicationApi.getApplicationGroupAssignment({ appId, groupId: groups[1]! })).id).toBe(
      groups[1],
    );
    await client.applicationApi.unassignApplicationFromGroup({ appId, groupId: groups[1]! });
    await expect(
      client.applicationApi.getApplicationGroupAssignment({ appId, groupId: groups[1]! }),
    ).rejects.toMatchObject({ status: 404, errorCode: 'E0000007' });
  });

  it('an unknown group gives 404 E0000007; a bad priority gives 400 naming priority; neither writes', async () => {
    const before = counts(t);
    await expect(
      client.applicationApi.assignGroupToApplication({ appId, groupId: '00gnope', applicationGroupAssignment: {} }),
    ).rejects.toMatchObject({
      status: 404,
      errorCode: 'E0000007',
      errorSummary: 'Not found: Resource not found: 00gnope (Group)',
    });
    const engineers = await createGroup(t, 'Engineers');
    const bad = await t.api(`/api/v1/apps/${appId}/groups/${engineers}`, {
      method: 'PUT',
      body: JSON.stringify({ priority: -1 }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errorCauses: { errorSummary: string }[] }).errorCauses).toEqual([
      { errorSummary: 'priority: must be a whole number from 0 to 100' },
    ]);
    expect(counts(t)).toEqual(before);
  });
});

describe('lifetime of assignments', () => {
  it('keeps user and group assignments across a restart', async () => {
    const alice = await createUser(t, 'alice@example.com');
    const engineers = await createGroup(t, 'Engineers');
    await assign(alice, 'alice.o');
    await client.applicationApi.assignGroupToApplication({
      appId,
      groupId: engineers,
      applicationGroupAssignment: { priority: 2 },
    });
    await t.restart();
    client = sdk();
    expect((await client.applicationApi.getApplicationUser({ appId, userId: alice })).credentials?.userName).toBe(
      'alice.o',
    );
    expect((await client.applicationApi.getApplicationGroupAssignment({ appId, groupId: engineers })).priority).toBe(2);
  });

  it('deleting an app removes its assignments', async () => {
    const alice = await createUser(t, 'alice@example.com');
    const engineers = await createGroup(t, 'Engineers');
    await assign(alice);
    await client.applicationApi.assignGroupToApplication({ appId, groupId: engineers, applicationGroupAssignment: {} });
    await client.applicationApi.deactivateApplication({ appId });
    await client.applicationApi.deleteApplication({ appId });
    expect(counts(t)).toEqual({ apps: 0, app_user_assignments: 0, app_group_assignments: 0 });
  });
});
