/**
 * `/api/v1/groups` at the HTTP level: exact error bodies for bad input and refused changes,
 * status codes without bodies, paging headers, and that refused writes leave nothing behind.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { expectOktaError } from '../../support/okta.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const EVERYONE = '00gEVERYONE000000000';
const send = (method: string, path: string, body?: unknown) =>
  t.api(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const groupCount = async () => ((await (await t.api('/api/v1/groups')).json()) as unknown[]).length;
let serial = 0;

async function createGroup(name = `Group ${++serial}`): Promise<{ id: string; lastMembershipUpdated: string }> {
  const response = await send('POST', '/api/v1/groups', { profile: { name } });
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string; lastMembershipUpdated: string };
}

async function createUser(): Promise<string> {
  const login = `member${++serial}@example.com`;
  const response = await send('POST', '/api/v1/users', { profile: { login, email: login } });
  return ((await response.json()) as { id: string }).id;
}

describe('POST /api/v1/groups bad input', () => {
  it.each([
    ['no profile', {}, ['profile: The field cannot be left blank']],
    ['no name', { profile: { description: 'x' } }, ['profile.name: The field cannot be left blank']],
    ['a blank name', { profile: { name: '  ' } }, ['profile.name: The field cannot be left blank']],
    ['a non-string name', { profile: { name: 7 } }, ['profile.name: must be a string']],
    ['a long name', { profile: { name: 'x'.repeat(256) } }, ['profile.name: must be at most 255 characters']],
    [
      'a non-string description',
      { profile: { name: 'ok', description: false } },
      ['profile.description: must be a string'],
    ],
    ['a non-object body', 'Engineering', ['body: must be a JSON object']],
  ])('refuses %s with 400 E0000001 and writes nothing', async (_what, body, causes) => {
    const before = await groupCount();
    await expectOktaError(await send('POST', '/api/v1/groups', body), 400, 'E0000001', causes);
    expect(await groupCount()).toBe(before);
  });

  it('refuses a duplicate name with 409 E0000055 naming profile.name', async () => {
    await createGroup('Duplicated');
    await expectOktaError(await send('POST', '/api/v1/groups', { profile: { name: 'duplicated' } }), 409, 'E0000055', [
      'profile.name: An object with this field already exists in the current organization',
    ]);
  });
});

describe('GET /api/v1/groups', () => {
  it.each([
    [
      'filter',
      'profile.name eq "x"',
      "filter: unknown attribute 'profile.name' at column 1 (groups have type, id, lastUpdated, lastMembershipUpdated)",
    ],
    ['filter', 'type eq OKTA_GROUP', "filter: expected a value after 'eq' (strings need double quotes) at column 9"],
    ['search', 'type sw "OKTA"', "search: 'type' does not support the operator 'sw' in search (use eq) at column 1"],
    ['search', 'profile.name eq "a" and', 'search: expected an attribute name at column 24'],
  ])('refuses %s=%s with 400 E0000031', async (parameter, expression, cause) => {
    await expectOktaError(
      await t.api(`/api/v1/groups?${parameter}=${encodeURIComponent(expression)}`),
      400,
      'E0000031',
      [cause],
    );
  });

  it('filters by lastMembershipUpdated', async () => {
    const group = await createGroup();
    const since = encodeURIComponent(`lastMembershipUpdated gt "${group.lastMembershipUpdated}"`);
    expect(
      ((await (await t.api(`/api/v1/groups?filter=${since}`)).json()) as { id: string }[]).map((g) => g.id),
    ).not.toContain(group.id);
    await send('PUT', `/api/v1/groups/${group.id}/users/${await createUser()}`);
    expect(
      ((await (await t.api(`/api/v1/groups?filter=${since}`)).json()) as { id: string }[]).map((g) => g.id),
    ).toContain(group.id);
  });

  it('pages with absolute Link headers', async () => {
    await createGroup();
    const response = await t.api('/api/v1/groups?limit=1');
    expect(response.headers.get('link')).toContain(`<${t.origin}/api/v1/groups?after=${EVERYONE}&limit=1>; rel="next"`);
  });
});

describe('the Everyone group', () => {
  it.each([
    [
      'PUT',
      `/api/v1/groups/${EVERYONE}`,
      { profile: { name: 'All' } },
      'The built-in Everyone group always holds every user, so you cannot rename or edit it',
    ],
    [
      'DELETE',
      `/api/v1/groups/${EVERYONE}`,
      undefined,
      'The built-in Everyone group always holds every user, so you cannot delete it',
    ],
  ])('%s %s answers 403 E0000006', async (method, path, body, summary) => {
    const error = await expectOktaError(await send(method, path, body), 403, 'E0000006');
    expect(error.errorSummary).toBe(summary);
  });

  it('refuses membership changes with 403 E0000006', async () => {
    const user = await createUser();
    for (const method of ['PUT', 'DELETE']) {
      const error = await expectOktaError(
        await send(method, `/api/v1/groups/${EVERYONE}/users/${user}`),
        403,
        'E0000006',
      );
      expect(error.errorSummary).toMatch(
        /^The built-in Everyone group always holds every user, so you cannot (add members to|remove members from) it$/,
      );
    }
    const groups = (await (await t.api(`/api/v1/users/${user}/groups`)).json()) as { id: string }[];
    expect(groups.map((g) => g.id)).toEqual([EVERYONE]);
  });
});

describe('memberships', () => {
  it('PUT and DELETE answer 204 without a body, and repeat harmlessly', async () => {
    const group = await createGroup();
    const user = await createUser();
    for (const method of ['PUT', 'PUT', 'DELETE', 'DELETE']) {
      const response = await send(method, `/api/v1/groups/${group.id}/users/${user}`);
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');
    }
  });

  it.each([
    ['PUT', 'user'],
    ['DELETE', 'user'],
    ['PUT', 'group'],
  ])('%s with an unknown %s answers 404 E0000007', async (method, missing) => {
    const group = missing === 'group' ? '00gMISSING' : (await createGroup()).id;
    const user = missing === 'user' ? '00uMISSING' : await createUser();
    const error = await expectOktaError(await send(method, `/api/v1/groups/${group}/users/${user}`), 404, 'E0000007');
    expect(error.errorSummary).toBe(
      missing === 'user'
        ? 'Not found: Resource not found: 00uMISSING (User)'
        : 'Not found: Resource not found: 00gMISSING (Group)',
    );
  });
});

describe('DELETE /api/v1/groups/{id}', () => {
  it('answers 204 and takes the memberships with it', async () => {
    const group = await createGroup();
    const user = await createUser();
    await send('PUT', `/api/v1/groups/${group.id}/users/${user}`);
    const response = await send('DELETE', `/api/v1/groups/${group.id}`);
    expect(response.status).toBe(204);
    expect(((await (await t.api(`/api/v1/users/${user}/groups`)).json()) as { id: string }[]).map((g) => g.id)).toEqual(
      [EVERYONE],
    );
    await expectOktaError(await send('DELETE', `/api/v1/groups/${group.id}`), 404, 'E0000007');
  });

  it('refuses to delete a group an access policy rule names', async () => {
    const group = await createGroup('Named by a rule');
    const db = new Database(join(t.dataDir, 'authbox.db'));
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO policies (id, server_id, name, description, status, priority, system, all_clients, created, last_updated)
       VALUES ('00pREFGROUPS00000001', 'default', 'Group policy', 'd', 'ACTIVE', 98, 0, 1, ?, ?)`,
    ).run(now, now);
    db.prepare(
      `INSERT INTO rules (id, policy_id, name, status, priority, system, grant_types, scopes, access_token_minutes, refresh_token_minutes,
         refresh_window_minutes, created, last_updated)
       VALUES ('0prREFGROUPS00000001', '00pREFGROUPS00000001', 'Members only', 'ACTIVE', 1, 0, '[]', '[]', 60, 0, 10080, ?, ?)`,
    ).run(now, now);
    db.prepare("INSERT INTO rule_groups (rule_id, group_id, mode) VALUES ('0prREFGROUPS00000001', ?, 'include')").run(
      group.id,
    );
    db.close();
    const error = await expectOktaError(await send('DELETE', `/api/v1/groups/${group.id}`), 400, 'E0000001', [
      `id: group ${group.id} is used by rule 'Members only' in policy 'Group policy' of authorization server default; remove it there first`,
    ]);
    expect(error.errorSummary).toBe(`Api validation failed: group ${group.id} is still used by an access policy`);
    expect((await t.api(`/api/v1/groups/${group.id}`)).status).toBe(200);
  });
});
