/**
 * Scope validation and refusals over raw HTTP: exact status codes, Okta error bodies with a cause
 * naming the field, and no half-written state after a refused request (Okta "Authorization Server Scopes" API, "Error codes").
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
const scopeNames = async () => ((await (await t.api(base)).json()) as { name: string }[]).map((s) => s.name);
const idOf = async (name: string) =>
  ((await (await t.api(`${base}?q=${encodeURIComponent(name)}`)).json()) as { id: string; name: string }[]).find(
    (s) => s.name === name,
  )!.id;

async function expectError(response: Response, status: number, code: string, cause?: string): Promise<OktaErrorJson> {
  const body = await expectOktaError(response, status, code);
  if (cause !== undefined)
    expect(body.errorCauses.map((c) => c.errorSummary)).toContainEqual(expect.stringContaining(cause));
  return body;
}

/** Adds a policy with one rule naming `scopes`, through the policies API. */
async function addRuleNaming(scopes: string[]): Promise<void> {
  const policies = `/api/v1/authorizationServers/${serverId}/policies`;
  const policy = await send('POST', policies, {
    type: 'OAUTH_AUTHORIZATION_POLICY',
    name: 'Orders policy',
    description: 'd',
    conditions: { clients: { include: ['ALL_CLIENTS'] } },
  });
  const { id } = (await policy.json()) as { id: string };
  const rule = await send('POST', `${policies}/${id}/rules`, {
    type: 'RESOURCE_ACCESS',
    name: 'Orders rule',
    conditions: { grantTypes: { include: ['authorization_code'] }, scopes: { include: scopes } },
  });
  expect([policy.status, rule.status]).toEqual([201, 201]);
}

// One app for the file; each test gets an authorization server of its own, so no test sees another's scopes.
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
  base = `/api/v1/authorizationServers/${serverId}/scopes`;
});

describe('scope responses', () => {
  it('answers 201 JSON on create, 200 JSON on get and put, 204 without a body on delete', async () => {
    const created = await post({ name: 'orders:read' });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/^application\/json/);
    const { id, _links } = (await created.json()) as {
      id: string;
      _links: { self: { href: string; hints: { allow: string[] } } };
    };
    expect(_links.self).toEqual({ href: `${t.origin}${base}/${id}`, hints: { allow: ['GET', 'PUT', 'DELETE'] } });
    const got = await t.api(`${base}/${id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toMatch(/^application\/json/);
    const put = await send('PUT', `${base}/${id}`, { name: 'orders:read', description: 'x' });
    expect(put.status).toBe(200);
    const deleted = await send('DELETE', `${base}/${id}`);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
  });

  it('writes default as the JSON key `default` and ignores read-only id and system', async () => {
    const created = await post({ name: 'orders:read', default: true, system: true, id: 'scpMINE' });
    const body = (await created.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ default: true, system: false, displayName: null, description: null });
    expect(body['id']).not.toBe('scpMINE');
  });

  it('pages with absolute Link headers and no next on the last page', async () => {
    const first = await t.api(`${base}?limit=4`);
    const links = first.headers.get('link')!;
    expect(links).toContain(`<${t.origin}${base}?limit=4>; rel="self"`);
    expect(links).toMatch(/rel="next"/);
    const next = /<([^>]+)>; rel="next"/.exec(links)![1]!;
    const last = await fetch(next, { headers: { authorization: 'SSWS test-admin-token-0123456789' } });
    expect(((await last.json()) as unknown[]).length).toBe(3);
    expect(last.headers.get('link')).not.toMatch(/rel="next"/);
  });

  it('answers 405 E0000022 for an unsupported verb', async () => {
    await expectError(await send('PATCH', base, {}), 405, 'E0000022');
  });
});

describe('scope validation (400 E0000001 naming the field, nothing written)', () => {
  const invalid: [string, unknown, string][] = [
    ['a missing name', {}, 'name: The field cannot be left blank'],
    ['an empty name', { name: '' }, 'name: The field cannot be left blank'],
    ['a name that is not a string', { name: 42 }, 'name: must be a string'],
    ['a name with a space', { name: 'orders read' }, 'name: must be printable ASCII'],
    ['a name with a double quote', { name: 'orders"read' }, 'name: must be printable ASCII'],
    ['a name with a backslash', { name: 'orders\\read' }, 'name: must be printable ASCII'],
    ['a non-ASCII name', { name: 'bestellungen:lesen:ü' }, 'name: must be printable ASCII'],
    ['the name okta.x', { name: 'okta.x' }, "name: must not start with 'okta.' or 'okta:'"],
    ['a name in the okta: namespace', { name: 'okta:users' }, "name: must not start with 'okta.' or 'okta:'"],
    ['the name okta', { name: 'okta' }, "name: 'okta' is reserved"],
    ['the name *', { name: '*' }, "name: '*' is reserved"],
    ['a name with both < and >', { name: '<orders>' }, "name: may contain '<' or '>' but not both"],
    ['a name over 1024 characters', { name: 'x'.repeat(1025) }, 'name: must be at most 1024 characters'],
    ['an unknown consent', { name: 'a:b', consent: 'ALWAYS' }, 'consent: must be one of IMPLICIT, REQUIRED, FLEXIBLE'],
    [
      'an unknown metadataPublish',
      { name: 'a:b', metadataPublish: 'SOME' },
      'metadataPublish: must be one of ALL_CLIENTS, NO_CLIENTS',
    ],
    ['a default that is not a boolean', { name: 'a:b', default: 'yes' }, 'default: must be true or false'],
    ['a description that is not a string', { name: 'a:b', description: 7 }, 'description: must be a string'],
    ['a body that is not an object', ['orders:read'], 'body: must be a JSON object'],
  ];
  for (const [what, body, cause] of invalid) {
    it(`refuses ${what}`, async () => {
      await expectError(await post(body), 400, 'E0000001', cause);
      expect(await scopeNames()).toHaveLength(7);
    });
  }

  it('accepts a name with only < or only >, and one of exactly 1024 characters', async () => {
    for (const name of ['orders<read', 'orders>read', 'x'.repeat(1024)])
      expect((await post({ name })).status).toBe(201);
  });

  it('refuses a duplicate name on create and on replace, including a system scope name', async () => {
    await post({ name: 'orders:read' });
    await expectError(
      await post({ name: 'orders:read' }),
      400,
      'E0000001',
      'name: A scope with this name already exists',
    );
    await expectError(await post({ name: 'openid' }), 400, 'E0000001', 'name: A scope with this name already exists');
    const other = ((await (await post({ name: 'orders:write' })).json()) as { id: string }).id;
    await expectError(
      await send('PUT', `${base}/${other}`, { name: 'orders:read' }),
      400,
      'E0000001',
      'name: A scope with this name already exists',
    );
    expect(await scopeNames()).toEqual(expect.arrayContaining(['orders:read', 'orders:write']));
  });

  it('a refused replace leaves the scope as it was', async () => {
    const created = (await (await post({ name: 'orders:read', description: 'before' })).json()) as { id: string };
    await expectError(
      await send('PUT', `${base}/${created.id}`, { name: 'okta.orders', description: 'after' }),
      400,
      'E0000001',
      'name:',
    );
    expect(await (await t.api(`${base}/${created.id}`)).json()).toMatchObject({
      name: 'orders:read',
      description: 'before',
    });
  });

  it('an unreadable filter is 400 E0000031 naming filter', async () => {
    await expectError(await t.api(`${base}?filter=${encodeURIComponent('name sw "o"')}`), 400, 'E0000031', 'filter:');
  });
});

describe('unknown resources', () => {
  it('an unknown server is 404 E0000007 (AuthorizationServer) on every scope call', async () => {
    const missing = '/api/v1/authorizationServers/ausNOPE/scopes';
    for (const [method, path, body] of [
      ['GET', missing],
      ['POST', missing, { name: 'a:b' }],
      ['GET', `${missing}/scp1`],
      ['PUT', `${missing}/scp1`, { name: 'a:b' }],
      ['DELETE', `${missing}/scp1`],
    ] as const) {
      const error = await expectError(await send(method, path, body), 404, 'E0000007');
      expect(error.errorSummary).toBe('Not found: Resource not found: ausNOPE (AuthorizationServer)');
    }
  });

  it('an unknown scope is 404 E0000007 on get, put and delete', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const error = await expectError(
        await send(method, `${base}/scpNOPE`, method === 'PUT' ? { name: 'a:b' } : undefined),
        404,
        'E0000007',
      );
      expect(error.errorSummary).toBe('Not found: Resource not found: scpNOPE (OAuth2Scope)');
    }
  });

  it("another server's scope id is not found on this server", async () => {
    const created = (await (await post({ name: 'orders:read' })).json()) as { id: string };
    await expectError(await t.api(`/api/v1/authorizationServers/default/scopes/${created.id}`), 404, 'E0000007');
  });
});

describe('protected scopes', () => {
  it('a system scope cannot be deleted: 403 E0000006 naming it, and it stays', async () => {
    const error = await expectError(
      await send('DELETE', `${base}/${await idOf('openid')}`),
      403,
      'E0000006',
      "'openid' is a system scope and cannot be deleted",
    );
    expect(error.errorSummary).toContain('You do not have permission');
    expect(await scopeNames()).toContain('openid');
  });

  it('a system scope cannot be renamed: 400 E0000001 naming name', async () => {
    const id = await idOf('email');
    await expectError(
      await send('PUT', `${base}/${id}`, { name: 'mail' }),
      400,
      'E0000001',
      "name: 'email' is a system scope and cannot be renamed",
    );
    expect(await (await t.api(`${base}/${id}`)).json()).toMatchObject({ name: 'email', system: true });
  });

  it('a scope an access policy rule names cannot be deleted or renamed', async () => {
    const id = ((await (await post({ name: 'orders:read' })).json()) as { id: string }).id;
    await addRuleNaming(['orders:read']);
    const cause = `scope orders:read is used by rule 'Orders rule' in policy 'Orders policy' of authorization server ${serverId}`;
    await expectError(await send('DELETE', `${base}/${id}`), 400, 'E0000001', cause);
    await expectError(await send('PUT', `${base}/${id}`, { name: 'orders:list' }), 400, 'E0000001', cause);
    expect(await (await t.api(`${base}/${id}`)).json()).toMatchObject({ name: 'orders:read' });
    // Other fields of a referenced scope may still change.
    expect((await send('PUT', `${base}/${id}`, { name: 'orders:read', consent: 'REQUIRED' })).status).toBe(200);
  });

  it('a scope a claim names in conditions.scopes cannot be deleted or renamed', async () => {
    const id = ((await (await post({ name: 'orders:read' })).json()) as { id: string }).id;
    const claim = await send('POST', `/api/v1/authorizationServers/${serverId}/claims`, {
      name: 'tier',
      claimType: 'RESOURCE',
      value: 'user.tier',
      conditions: { scopes: ['orders:read'] },
    });
    expect(claim.status).toBe(201);
    const cause = "scope orders:read is used by the conditions of RESOURCE claim 'tier'";
    await expectError(await send('DELETE', `${base}/${id}`), 400, 'E0000001', cause);
    await expectError(await send('PUT', `${base}/${id}`, { name: 'orders:list' }), 400, 'E0000001', cause);
    expect(await scopeNames()).toContain('orders:read');
  });
});
