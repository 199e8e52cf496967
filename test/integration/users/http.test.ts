/**
 * `/api/v1/users` at the HTTP level: exact error bodies for bad input, bad search syntax, wrong
 * lifecycle states and unknown ids; status codes and bodies the SDK hides; paging headers;
 * refused writes leave nothing behind.
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

const post = (path: string, body?: unknown) =>
  t.api(path, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const userCount = async () => ((await (await t.api('/api/v1/users')).json()) as unknown[]).length;
let serial = 0;

/** Creates a user with a unique login; `password` false leaves it without one. */
async function createUser(
  options: { activate?: boolean; password?: boolean } = {},
): Promise<{ id: string; status: string; login: string }> {
  const login = `user${++serial}@example.com`;
  const body = {
    profile: { login, email: login, firstName: `User${serial}` },
    ...(options.password === false ? {} : { credentials: { password: { value: 'Abcd1234' } } }),
  };
  const response = await post(`/api/v1/users?activate=${options.activate ?? true}`, body);
  expect(response.status).toBe(200);
  return { ...((await response.json()) as { id: string; status: string }), login };
}

describe('POST /api/v1/users bad input', () => {
  it.each([
    ['no profile', {}, 'profile', ['profile: The field cannot be left blank']],
    ['no login', { profile: { email: 'a@example.com' } }, 'login', ['login: The field cannot be left blank']],
    ['no email', { profile: { login: 'a@example.com' } }, 'email', ['email: The field cannot be left blank']],
    [
      'a bad email',
      { profile: { login: 'a@example.com', email: 'a@' } },
      'email',
      ['email: must be a valid email address'],
    ],
    [
      'a blank login',
      { profile: { login: '   ', email: 'a@example.com' } },
      'login',
      ['login: The field cannot be left blank'],
    ],
    [
      'a non-string base attribute',
      { profile: { login: 'a@example.com', email: 'a@example.com', lastName: ['x'] } },
      'lastName',
      ['lastName: must be a string'],
    ],
    [
      'a short password',
      { profile: { login: 'a@example.com', email: 'a@example.com' }, credentials: { password: { value: 'abc' } } },
      'password',
      ['password: Password requirements were not met. Password requirements: at least 8 characters.'],
    ],
    [
      'an unknown group',
      { profile: { login: 'a@example.com', email: 'a@example.com' }, groupIds: ['00gMISSING'] },
      'groupIds',
      ['groupIds: no group has the id 00gMISSING'],
    ],
  ])('refuses %s with 400 E0000001 and writes nothing', async (_what, body, field, causes) => {
    const before = await userCount();
    const error = await expectOktaError(await post('/api/v1/users', body), 400, 'E0000001', causes);
    expect(error.errorSummary).toBe(`Api validation failed: ${field}`);
    expect(await userCount()).toBe(before);
  });

  it('refuses a body that is not an object and malformed JSON', async () => {
    await expectOktaError(await post('/api/v1/users', ['x']), 400, 'E0000001', ['body: must be a JSON object']);
    await expectOktaError(await t.api('/api/v1/users', { method: 'POST', body: '{"profile":' }), 400, 'E0000003');
  });

  it.each([
    ['activate=yes', 'activate: must be true or false'],
    [
      'provider=true',
      'provider: users with an external authentication provider are not supported; Authbox users sign in with a password',
    ],
    ['nextLogin=later', "nextLogin: must be 'changePassword'"],
  ])('refuses the query parameter %s', async (query, cause) => {
    await expectOktaError(
      await post(`/api/v1/users?${query}`, { profile: { login: 'q@example.com', email: 'q@example.com' } }),
      400,
      'E0000001',
      [cause],
    );
  });

  it('answers 200, not 201, with application/json', async () => {
    const response = await post('/api/v1/users', { profile: { login: 'ok@example.com', email: 'ok@example.com' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('GET /api/v1/users search, filter and paging', () => {
  it.each([
    ['search', 'profile.login "alice@example.com"', "search: expected an operator after 'profile.login' at column 15"],
    [
      'search',
      'profile.login eq alice',
      "search: expected a value after 'eq' (strings need double quotes) at column 18",
    ],
    ['search', '(status eq "ACTIVE"', "search: missing ')' to close the '(' at column 1"],
    [
      'search',
      'login eq "x"',
      "search: unknown attribute 'login' at column 1 (profile attributes are written profile.<name>, e.g. profile.login)",
    ],
    [
      'search',
      'profile.department co "Eng"',
      "search: 'profile.department' does not support the operator 'co' in search (use eq, sw, gt, ge, lt, le, pr) at column 1",
    ],
    [
      'search',
      'lastUpdated gt "last week"',
      'search: \'lastUpdated\' needs a quoted ISO 8601 date such as "2024-01-31T00:00:00.000Z" at column 16',
    ],
    ['filter', 'status sw "A"', "filter: 'status' does not support the operator 'sw' in filter (use eq) at column 1"],
    [
      'filter',
      'profile.title eq "x"',
      "filter: unknown attribute 'profile.title' at column 1 (filter supports status, id, lastUpdated, profile.login, profile.email, profile.firstName, profile.lastName; use search for other attributes)",
    ],
  ])('refuses %s=%s with 400 E0000031', async (parameter, expression, cause) => {
    const error = await expectOktaError(
      await t.api(`/api/v1/users?${parameter}=${encodeURIComponent(expression)}`),
      400,
      'E0000031',
      [cause],
    );
    expect(error.errorSummary).toBe('Invalid search criteria.');
  });

  it('refuses a bad sortOrder and an unknown sortBy', async () => {
    const search = encodeURIComponent('status eq "ACTIVE"');
    await expectOktaError(
      await t.api(`/api/v1/users?search=${search}&sortBy=profile.lastName&sortOrder=up`),
      400,
      'E0000031',
      ["sortOrder: must be 'asc' or 'desc'"],
    );
    await expectOktaError(await t.api(`/api/v1/users?search=${search}&sortBy=nope`), 400, 'E0000031', [
      "sortBy: unknown attribute 'nope' (profile attributes are written profile.<name>, e.g. profile.login)",
    ]);
  });

  it('pages with absolute Link headers and no next on the last page', async () => {
    const a = await createUser();
    await createUser();
    const search = encodeURIComponent(`profile.login eq "${a.login}" or profile.firstName eq "User${serial}"`);
    const first = await t.api(`/api/v1/users?search=${search}&limit=1`);
    expect(((await first.json()) as { id: string }[]).map((u) => u.id)).toEqual([a.id]);
    const link = first.headers.get('link')!;
    expect(link).toContain(`<${t.origin}/api/v1/users?search=`);
    const next = /<([^>]+)>; rel="next"/.exec(link)![1]!;
    expect(next).toContain(`after=${a.id}`);
    const second = await t.api(next.slice(t.origin.length));
    expect(((await second.json()) as unknown[]).length).toBe(1);
    expect(second.headers.get('link')).not.toContain('rel="next"');
  });

  it('gives q a page of 10 by default', async () => {
    for (let i = 0; i < 11; i++) {
      await post('/api/v1/users', {
        profile: { login: `zed${i}@example.com`, email: `zed${i}@example.com`, firstName: 'Zed' },
      });
    }
    const response = await t.api('/api/v1/users?q=zed');
    expect(((await response.json()) as unknown[]).length).toBe(10);
    expect(response.headers.get('link')).toContain('rel="next"');
  });
});

describe('lifecycle responses', () => {
  it.each(['deactivate', 'suspend'])('%s answers 200 {} with application/json', async (action) => {
    const user = await createUser();
    const response = await post(`/api/v1/users/${user.id}/lifecycle/${action}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({});
  });

  it('activate answers {} whatever sendEmail says', async () => {
    for (const sendEmail of ['true', 'false']) {
      const user = await createUser({ activate: false });
      const response = await post(`/api/v1/users/${user.id}/lifecycle/activate?sendEmail=${sendEmail}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({});
    }
  });

  it.each([
    ['activate', { activate: true }, 403, 'E0000016', 'Activation failed because the user is already active'],
    [
      'unsuspend',
      { activate: true },
      400,
      'E0000001',
      'Cannot unsuspend a user that is not SUSPENDED (its status is ACTIVE)',
    ],
    [
      'suspend',
      { activate: false },
      400,
      'E0000001',
      'Cannot suspend a user that is not ACTIVE (its status is STAGED)',
    ],
    [
      'unlock',
      { activate: true },
      403,
      'E0000032',
      'Cannot unlock a user that is not LOCKED_OUT (its status is ACTIVE)',
    ],
    [
      'reactivate',
      { activate: true },
      403,
      'E0000038',
      'Cannot reactivate a user whose status is ACTIVE; only PROVISIONED or RECOVERY users can be reactivated',
    ],
    [
      'expire_password',
      { activate: true, password: false },
      403,
      'E0000038',
      'Cannot expire the password of a user whose status is PROVISIONED; only ACTIVE users can have their password expired',
    ],
    [
      'reset_password',
      { activate: false },
      403,
      'E0000038',
      'Cannot reset the password of a user whose status is STAGED',
    ],
  ] as const)('refuses %s from the wrong status', async (action, options, status, code, summary) => {
    const user = await createUser(options);
    const error = await expectOktaError(await post(`/api/v1/users/${user.id}/lifecycle/${action}`), status, code);
    expect(error.errorSummary).toBe(summary);
    expect(((await (await t.api(`/api/v1/users/${user.id}`)).json()) as { status: string }).status).toBe(user.status);
  });

  it('refuses a second deactivation', async () => {
    const user = await createUser();
    await post(`/api/v1/users/${user.id}/lifecycle/deactivate`);
    const error = await expectOktaError(await post(`/api/v1/users/${user.id}/lifecycle/deactivate`), 400, 'E0000001');
    expect(error.errorSummary).toBe('Cannot deactivate a user that is already DEPROVISIONED');
  });

  it('unlocks a LOCKED_OUT user', async () => {
    const user = await createUser();
    const db = new Database(join(t.dataDir, 'authbox.db'));
    db.prepare("UPDATE users SET status = 'LOCKED_OUT' WHERE id = ?").run(user.id);
    db.close();
    expect((await post(`/api/v1/users/${user.id}/lifecycle/unlock`)).status).toBe(200);
    expect(((await (await t.api(`/api/v1/users/${user.id}`)).json()) as { status: string }).status).toBe('ACTIVE');
  });

  it('shows the lifecycle links the status allows', async () => {
    const user = await createUser();
    const body = (await (await t.api(`/api/v1/users/${user.id}`)).json()) as {
      _links: Record<string, { href: string }>;
    };
    expect(Object.keys(body._links).sort()).toEqual([
      'deactivate',
      'expirePassword',
      'resetPassword',
      'self',
      'suspend',
    ]);
    expect(body._links['suspend']!.href).toBe(`${t.origin}/api/v1/users/${user.id}/lifecycle/suspend`);
  });

  it('answers an unknown action with 404 E0000008', async () => {
    const user = await createUser();
    await expectOktaError(await post(`/api/v1/users/${user.id}/lifecycle/explode`), 404, 'E0000008');
  });
});

describe('unknown users', () => {
  it.each([
    ['GET', '/api/v1/users/00uMISSING'],
    ['POST', '/api/v1/users/00uMISSING'],
    ['PUT', '/api/v1/users/00uMISSING'],
    ['DELETE', '/api/v1/users/00uMISSING'],
    ['POST', '/api/v1/users/00uMISSING/lifecycle/suspend'],
    ['GET', '/api/v1/users/00uMISSING/groups'],
    ['GET', '/api/v1/users/nobody%40example.com'],
  ])('%s %s answers 404 E0000007', async (method, path) => {
    const body =
      method === 'POST' || method === 'PUT'
        ? JSON.stringify({ profile: { login: 'x@example.com', email: 'x@example.com' } })
        : undefined;
    const error = await expectOktaError(await t.api(path, { method, ...(body ? { body } : {}) }), 404, 'E0000007');
    expect(error.errorSummary).toMatch(/^Not found: Resource not found: (00uMISSING|nobody@example\.com) \(User\)$/);
  });
});

describe('DELETE /api/v1/users/{id}', () => {
  it('answers 204 without a body, twice, then 404', async () => {
    const user = await createUser();
    for (let i = 0; i < 2; i++) {
      const response = await t.api(`/api/v1/users/${user.id}`, { method: 'DELETE' });
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');
    }
    expect((await t.api(`/api/v1/users/${user.id}`)).status).toBe(404);
  });

  it('refuses to delete a user an access policy rule names', async () => {
    const user = await createUser();
    await t.api(`/api/v1/users/${user.id}`, { method: 'DELETE' });
    const db = new Database(join(t.dataDir, 'authbox.db'));
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO policies (id, server_id, name, description, status, priority, system, all_clients, created, last_updated)
       VALUES ('00pREFUSERS000000001', 'default', 'Staff only', 'd', 'ACTIVE', 99, 0, 1, ?, ?)`,
    ).run(now, now);
    db.prepare(
      `INSERT INTO rules (id, policy_id, name, status, priority, system, grant_types, scopes, access_token_minutes, refresh_token_minutes,
         refresh_window_minutes, created, last_updated)
       VALUES ('0prREFUSERS000000001', '00pREFUSERS000000001', 'Named user', 'ACTIVE', 1, 0, '[]', '[]', 60, 0, 10080, ?, ?)`,
    ).run(now, now);
    db.prepare("INSERT INTO rule_users (rule_id, user_id, mode) VALUES ('0prREFUSERS000000001', ?, 'include')").run(
      user.id,
    );
    db.close();
    const error = await expectOktaError(
      await t.api(`/api/v1/users/${user.id}`, { method: 'DELETE' }),
      400,
      'E0000001',
      [
        `id: user ${user.id} is used by rule 'Named user' in policy 'Staff only' of authorization server default; remove it there first`,
      ],
    );
    expect(error.errorSummary).toBe(`Api validation failed: user ${user.id} is still used by an access policy`);
    expect((await t.api(`/api/v1/users/${user.id}`)).status).toBe(200);
  });
});

describe('updates', () => {
  it('refuses taking another user’s login with 400 E0000001', async () => {
    const a = await createUser();
    const b = await createUser();
    await expectOktaError(
      await post(`/api/v1/users/${b.id}`, { profile: { login: a.login.toUpperCase() } }),
      400,
      'E0000001',
      ['login: An object with this field already exists in the current organization'],
    );
  });

  it('refuses a PUT without login and email', async () => {
    const user = await createUser();
    await expectOktaError(
      await t.api(`/api/v1/users/${user.id}`, { method: 'PUT', body: JSON.stringify({ profile: { firstName: 'X' } }) }),
      400,
      'E0000001',
      ['login: The field cannot be left blank', 'email: The field cannot be left blank'],
    );
  });

  it('answers 405 E0000022 for a verb the resource does not have', async () => {
    await expectOktaError(await t.api('/api/v1/users', { method: 'DELETE' }), 405, 'E0000022');
  });
});
