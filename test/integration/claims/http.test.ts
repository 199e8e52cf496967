/**
 * Claim validation and refusals over raw HTTP: each rule of Okta "Authorization Server Claims" API and §4 gives 400
 * E0000001 with a cause naming the field, and a refused request writes nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import { expectOktaError } from '../../support/okta.js';
import type { OktaErrorJson } from '../../support/okta.js';
import type { TestApp } from '../../support/app.js';

let t: TestApp;
let serverId: string;
let base: string;

const send = (method: string, path: string, body?: unknown) =>
  t.api(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const post = (body: unknown) => send('POST', base, body);
const claimNames = async () => ((await (await t.api(base)).json()) as { name: string }[]).map((c) => c.name);
const valid = { name: 'department', claimType: 'RESOURCE', valueType: 'EXPRESSION', value: 'user.department' };

async function expectError(response: Response, status: number, code: string, cause: string): Promise<OktaErrorJson> {
  const body = await expectOktaError(response, status, code);
  expect(body.errorCauses.map((c) => c.errorSummary)).toContainEqual(expect.stringContaining(cause));
  return body;
}

// One app for the file; each test gets an authorization server of its own, so no test sees another's claims.
let servers = 0;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t.close();
});

beforeEach(async () => {
  servers += 1;
  const server = await send('POST', '/api/v1/authorizationServers', {
    name: `orders ${servers}`,
    description: 'Orders API',
    audiences: ['api://orders'],
  });
  serverId = ((await server.json()) as { id: string }).id;
  base = `/api/v1/authorizationServers/${serverId}/claims`;
  expect((await send('POST', `/api/v1/authorizationServers/${serverId}/scopes`, { name: 'orders:read' })).status).toBe(
    201,
  );
});

describe('claim responses', () => {
  it('answers 201 JSON on create, 200 on get and put, 204 without a body on delete', async () => {
    const created = await post(valid);
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/^application\/json/);
    const { id } = (await created.json()) as { id: string };
    expect((await t.api(`${base}/${id}`)).status).toBe(200);
    expect((await send('PUT', `${base}/${id}`, { ...valid, value: 'user.title' })).status).toBe(200);
    const deleted = await send('DELETE', `${base}/${id}`);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
  });

  it('ignores read-only id and system on write', async () => {
    const body = (await (await post({ ...valid, id: 'oclMINE', system: true })).json()) as Record<string, unknown>;
    expect(body['system']).toBe(false);
    expect(body['id']).not.toBe('oclMINE');
  });
});

describe('claim validation (400 E0000001 naming the field, nothing written)', () => {
  const invalid: [string, unknown, string][] = [
    ['a missing name', { ...valid, name: undefined }, 'name: The field cannot be left blank'],
    ['a blank name', { ...valid, name: '  ' }, 'name: The field cannot be left blank'],
    ['a missing claimType', { ...valid, claimType: undefined }, 'claimType: The field cannot be left blank'],
    ['an unknown claimType', { ...valid, claimType: 'BOTH' }, 'claimType: must be one of RESOURCE, IDENTITY'],
    [
      'an unknown valueType',
      { ...valid, valueType: 'LITERAL' },
      'valueType: must be one of EXPRESSION, GROUPS, SYSTEM',
    ],
    ['valueType SYSTEM (read-only)', { ...valid, valueType: 'SYSTEM' }, 'valueType: SYSTEM is read-only'],
    ['a missing value', { ...valid, value: undefined }, 'value: The field cannot be left blank'],
    ['a blank value', { ...valid, value: ' ' }, 'value: The field cannot be left blank'],
    ['an unknown status', { ...valid, status: 'ON' }, 'status: must be one of ACTIVE, INACTIVE'],
    [
      'an alwaysIncludeInToken that is not a boolean',
      { ...valid, alwaysIncludeInToken: 'yes' },
      'alwaysIncludeInToken: must be true or false',
    ],
    [
      'GROUPS without group_filter_type',
      { ...valid, valueType: 'GROUPS', value: 'Eng' },
      'group_filter_type: is required when valueType is GROUPS',
    ],
    [
      'EXPRESSION with a group_filter_type',
      { ...valid, group_filter_type: 'EQUALS' },
      'group_filter_type: applies only to valueType GROUPS',
    ],
    [
      'an unknown group_filter_type',
      { ...valid, valueType: 'GROUPS', value: 'Eng', group_filter_type: 'ENDS_WITH' },
      'group_filter_type: must be one of STARTS_WITH, EQUALS, CONTAINS, REGEX',
    ],
    [
      'a REGEX filter that does not compile',
      { ...valid, valueType: 'GROUPS', value: 'Eng(', group_filter_type: 'REGEX' },
      'value: invalid regular expression "Eng(": missing closing )',
    ],
    [
      'conditions.scopes naming an unknown scope',
      { ...valid, conditions: { scopes: ['orders:read', 'nope'] } },
      "conditions.scopes: no scope named 'nope' exists",
    ],
    [
      'conditions.scopes that is not an array',
      { ...valid, conditions: { scopes: 'orders:read' } },
      'conditions.scopes: must be an array of scope names',
    ],
    ['a body that is not an object', [valid], 'body: must be a JSON object'],
  ];
  for (const [what, body, cause] of invalid) {
    it(`refuses ${what}`, async () => {
      await expectError(await post(body), 400, 'E0000001', cause);
      expect(await claimNames()).toEqual([]);
    });
  }

  const reservedAccess = ['ver', 'jti', 'iss', 'iat', 'exp', 'cid', 'uid', 'scp', 'auth_time', 'acr'];
  it(`refuses the reserved access-token names as RESOURCE claims (${reservedAccess.join(' ')})`, async () => {
    for (const name of reservedAccess) {
      await expectError(await post({ ...valid, name }), 400, 'E0000001', `name: '${name}' is a reserved claim name`);
    }
    expect(await claimNames()).toEqual([]);
  });

  const reservedId = [
    'amr',
    'aud',
    'auth_time',
    'exp',
    'iat',
    'idp',
    'iss',
    'jti',
    'sub',
    'ver',
    'nonce',
    'at_hash',
    'c_hash',
    'acr',
  ];
  it(`refuses the reserved ID-token names as IDENTITY claims (${reservedId.join(' ')})`, async () => {
    for (const name of reservedId) {
      await expectError(
        await post({ ...valid, claimType: 'IDENTITY', name }),
        400,
        'E0000001',
        `name: '${name}' is a reserved claim name`,
      );
    }
    expect(await claimNames()).toEqual([]);
  });

  it('lets aud and sub be overridden in access tokens only', async () => {
    for (const name of ['aud', 'sub']) expect((await post({ ...valid, name })).status).toBe(201);
  });

  it('names are unique per server and claim type, on create and on replace', async () => {
    await post(valid);
    await expectError(await post(valid), 400, 'E0000001', 'name: A RESOURCE claim with this name already exists');
    expect((await post({ ...valid, claimType: 'IDENTITY' })).status).toBe(201);
    const other = (await (await post({ ...valid, name: 'title' })).json()) as { id: string };
    await expectError(
      await send('PUT', `${base}/${other.id}`, valid),
      400,
      'E0000001',
      'name: A RESOURCE claim with this name already exists',
    );
    expect(await claimNames()).toEqual(['department', 'department', 'title']);
  });

  it('a refused replace leaves the claim as it was', async () => {
    const created = (await (await post(valid)).json()) as { id: string };
    await expectError(
      await send('PUT', `${base}/${created.id}`, { ...valid, value: 'x', conditions: { scopes: ['nope'] } }),
      400,
      'E0000001',
      'conditions.scopes',
    );
    expect(await (await t.api(`${base}/${created.id}`)).json()).toMatchObject({
      value: 'user.department',
      conditions: { scopes: [] },
    });
  });

  it('a scope of another server does not satisfy conditions.scopes', async () => {
    expect((await send('POST', '/api/v1/authorizationServers/default/scopes', { name: 'default:only' })).status).toBe(
      201,
    );
    await expectError(
      await post({ ...valid, conditions: { scopes: ['default:only'] } }),
      400,
      'E0000001',
      "conditions.scopes: no scope named 'default:only'",
    );
  });
});

describe('expression and group-filter checks at save time (400 E0000001, the cause gives the column)', () => {
  const refused: [string, string, string | RegExp][] = [
    [
      'an operator missing its right operand',
      'user.firstName +',
      "value: expected an expression after '+' at column 16",
    ],
    [
      'an unterminated string',
      'user.login + "abc',
      'value: unterminated string starting at column 14 (a closing " is missing)',
    ],
    [
      'an unknown function',
      'String.reverse(user.login)',
      /^value: unknown function String\.reverse at column 1 \(String has: append, .*toUpperCase/,
    ],
    [
      'an unknown name',
      'usr.login',
      /^value: unknown name usr at column 1 \(an expression starts from user, appuser, app, org, access/,
    ],
    [
      'a function called with the wrong number of arguments',
      'String.toUpperCase(user.login, "x")',
      'value: String.toUpperCase expects 1 argument, got 2 at column 1',
    ],
    [
      'a wrong arity further in',
      'user.login + String.substring(user.login)',
      'value: String.substring expects 3 arguments, got 1 at column 14',
    ],
  ];
  for (const [what, value, cause] of refused) {
    it(`refuses ${what}: ${value}`, async () => {
      const body = await expectOktaError(await post({ ...valid, value }), 400, 'E0000001');
      expect(body.errorCauses.map((c) => c.errorSummary)).toEqual([
        typeof cause === 'string' ? cause : expect.stringMatching(cause),
      ]);
      expect(await claimNames()).toEqual([]);
    });
  }

  it('accepts a valid expression', async () => {
    const value = 'String.substringBefore(user.email, "@") + "-" + Arrays.toCsvString(access.scope)';
    const created = await post({ ...valid, value });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ value });
  });

  it('refuses a replace with a broken expression and leaves the claim as it was', async () => {
    const created = (await (await post(valid)).json()) as { id: string };
    await expectOktaError(
      await send('PUT', `${base}/${created.id}`, { ...valid, value: 'user.department +' }),
      400,
      'E0000001',
      ["value: expected an expression after '+' at column 17"],
    );
    expect(await (await t.api(`${base}/${created.id}`)).json()).toMatchObject({ value: 'user.department' });
  });

  it('refuses a REGEX group filter that does not compile and accepts one that does', async () => {
    const groups = { ...valid, name: 'groups', valueType: 'GROUPS', group_filter_type: 'REGEX' };
    await expectError(
      await post({ ...groups, value: '[' }),
      400,
      'E0000001',
      'value: invalid regular expression "[": missing closing ]',
    );
    expect(await claimNames()).toEqual([]);
    const created = await post({ ...groups, value: 'Eng.*' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ value: 'Eng.*', group_filter_type: 'REGEX' });
  });

  it('accepts Java regex forms JavaScript alone would refuse: an escaped hyphen, an inline (?i)', async () => {
    for (const [name, value] of [
      ['escaped', 'Eng\\-.*'],
      ['inline_flag', '(?i)eng.*'],
    ]) {
      const created = await post({ ...valid, name, valueType: 'GROUPS', group_filter_type: 'REGEX', value });
      expect(created.status, value).toBe(201);
    }
  });

  it('does not parse the filter of a non-REGEX GROUPS claim as an expression', async () => {
    const created = await post({
      ...valid,
      name: 'groups',
      valueType: 'GROUPS',
      group_filter_type: 'STARTS_WITH',
      value: 'Eng (',
    });
    expect(created.status).toBe(201);
  });
});

describe('unknown resources', () => {
  it('an unknown server is 404 E0000007 (AuthorizationServer) on every claim call', async () => {
    const missing = '/api/v1/authorizationServers/ausNOPE/claims';
    for (const [method, path, body] of [
      ['GET', missing],
      ['POST', missing, valid],
      ['GET', `${missing}/ocl1`],
      ['PUT', `${missing}/ocl1`, valid],
      ['DELETE', `${missing}/ocl1`],
    ] as const) {
      const response = await send(method, path, body);
      expect(response.status).toBe(404);
      const error = (await response.json()) as OktaErrorJson;
      expect(error.errorCode).toBe('E0000007');
      expect(error.errorSummary).toBe('Not found: Resource not found: ausNOPE (AuthorizationServer)');
    }
  });

  it('an unknown claim is 404 E0000007 on get, put and delete', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await send(method, `${base}/oclNOPE`, method === 'PUT' ? valid : undefined);
      expect(response.status).toBe(404);
      expect(((await response.json()) as OktaErrorJson).errorSummary).toBe(
        'Not found: Resource not found: oclNOPE (OAuth2Claim)',
      );
    }
  });
});
