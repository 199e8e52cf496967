/**
 * Access policies through the official @okta/okta-sdk-nodejs v8 client against the real server on
 * port 0 with a temporary database (Okta "Authorization Server Policies" API, "OpenID Connect & OAuth 2.0 API" default server).
 */
import type { AuthorizationServerPolicy, Client } from '@okta/okta-sdk-nodejs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { collect, counts, createApp, createServer, oktaError, policyBody, ruleBody, sdk } from './fixtures.js';

let t: TestApp;
let client: Client;
let serverId: string;

// One app per file: starting it and generating a server's keys are the slow parts. Tests that
// look at a whole list or at priorities get a fresh authorization server of their own.
let servers = 0;
const useFreshServer = async () => {
  serverId = await createServer(client, `orders-${++servers}`);
};

beforeAll(async () => {
  t = await startTestApp();
  client = sdk(t);
  await useFreshServer();
});

afterAll(async () => {
  await t.close();
});

const api = () => client.authorizationServerApi;
const create = (name: string, overrides: Record<string, unknown> = {}) =>
  api().createAuthorizationServerPolicy({ authServerId: serverId, policy: policyBody(name, overrides) });
const list = async (id = serverId) => collect(await api().listAuthorizationServerPolicies({ authServerId: id }));
const order = async () => (await list()).map((p) => `${p.priority}:${p.name}`);

describe('policies through the Okta SDK', () => {
  beforeEach(useFreshServer);

  it('creates a policy: 201, type OAUTH_AUTHORIZATION_POLICY, ACTIVE, priority 1, absolute links', async () => {
    const response = await t.api(`/api/v1/authorizationServers/${serverId}/policies`, {
      method: 'POST',
      body: JSON.stringify(policyBody('Web')),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const created = (await response.json()) as AuthorizationServerPolicy & {
      _links: Record<string, { href: string; hints: { allow: string[] } }>;
    };
    const self = `${t.origin}/api/v1/authorizationServers/${serverId}/policies/${created.id}`;
    expect(created).toMatchObject({
      type: 'OAUTH_AUTHORIZATION_POLICY',
      name: 'Web',
      description: 'Web description',
      priority: 1,
      status: 'ACTIVE',
      system: false,
      conditions: { clients: { include: ['ALL_CLIENTS'] } },
    });
    expect(created.id).toMatch(/^00p[0-9A-Za-z]{17}$/);
    expect(created.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(created._links).toEqual({
      self: { href: self, hints: { allow: ['GET', 'PUT', 'DELETE'] } },
      deactivate: { href: `${self}/lifecycle/deactivate`, hints: { allow: ['POST'] } },
      rules: { href: `${self}/rules`, hints: { allow: ['GET', 'POST'] } },
    });
    const viaSdk = await create('Mobile');
    expect(viaSdk.type).toBe('OAUTH_AUTHORIZATION_POLICY');
    expect(viaSdk.priority).toBe(2);
  });

  it('starts a new server with no policy', async () => {
    expect(await list()).toEqual([]);
  });

  it("gives the default server Okta's Default Policy and Default Policy Rule on a fresh data folder", async () => {
    const [policy, ...others] = await list('default');
    expect(others).toEqual([]);
    expect(policy).toMatchObject({
      type: 'OAUTH_AUTHORIZATION_POLICY',
      name: 'Default Policy',
      description: 'Default policy description',
      priority: 1,
      status: 'ACTIVE',
      system: false,
      conditions: { clients: { include: ['ALL_CLIENTS'] } },
    });
    const rules = await collect(
      await api().listAuthorizationServerPolicyRules({ authServerId: 'default', policyId: policy!.id! }),
    );
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      type: 'RESOURCE_ACCESS',
      name: 'Default Policy Rule',
      priority: 1,
      status: 'ACTIVE',
      conditions: { people: { groups: { include: ['EVERYONE'] } }, scopes: { include: ['*'] } },
      actions: {
        token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 },
      },
    });
    expect(rules[0]!.conditions!.grantTypes!.include).toEqual(
      expect.arrayContaining([
        'authorization_code',
        'implicit',
        'password',
        'client_credentials',
        'refresh_token',
        'urn:ietf:params:oauth:grant-type:device_code',
      ]),
    );
  });

  it('gets, replaces and deletes a policy', async () => {
    const clientId = await createApp(t, 'Orders web');
    const created = await create('Web');
    const got = await api().getAuthorizationServerPolicy({ authServerId: serverId, policyId: created.id! });
    expect(got.name).toBe('Web');
    const replaced = await api().replaceAuthorizationServerPolicy({
      authServerId: serverId,
      policyId: created.id!,
      policy: policyBody('Web v2', {
        description: 'only the web app',
        conditions: { clients: { include: [clientId] } },
      }),
    });
    expect(replaced).toMatchObject({ id: created.id, name: 'Web v2', description: 'only the web app', priority: 1 });
    expect(replaced.conditions?.clients?.include).toEqual([clientId]);
    expect(new Date(replaced.created!).toISOString()).toBe(new Date(created.created!).toISOString());
    await api().deleteAuthorizationServerPolicy({ authServerId: serverId, policyId: created.id! });
    expect(await list()).toEqual([]);
    const gone = await oktaError(api().getAuthorizationServerPolicy({ authServerId: serverId, policyId: created.id! }));
    expect(gone).toMatchObject({ status: 404, errorCode: 'E0000007' });
  });

  it('deactivates and activates a policy, swapping the lifecycle link', async () => {
    const created = await create('Web');
    await api().deactivateAuthorizationServerPolicy({ authServerId: serverId, policyId: created.id! });
    const inactive = await api().getAuthorizationServerPolicy({ authServerId: serverId, policyId: created.id! });
    expect(inactive.status).toBe('INACTIVE');
    expect(inactive._links?.activate?.href).toBe(`${created._links!.self!.href}/lifecycle/activate`);
    expect(inactive._links?.deactivate).toBeUndefined();
    await api().activateAuthorizationServerPolicy({ authServerId: serverId, policyId: created.id! });
    expect((await api().getAuthorizationServerPolicy({ authServerId: serverId, policyId: created.id! })).status).toBe(
      'ACTIVE',
    );
  });

  it('a replace keeps the status unless it names one', async () => {
    const created = await create('Web', { status: 'INACTIVE' });
    const policyId = created.id!;
    expect(
      (await api().replaceAuthorizationServerPolicy({ authServerId: serverId, policyId, policy: policyBody('Web 2') }))
        .status,
    ).toBe('INACTIVE');
    const named = await api().replaceAuthorizationServerPolicy({
      authServerId: serverId,
      policyId,
      policy: policyBody('Web 3', { status: 'ACTIVE' }),
    });
    expect(named.status).toBe('ACTIVE');
  });

  it('creates an INACTIVE policy when asked', async () => {
    expect((await create('Later', { status: 'INACTIVE' })).status).toBe('INACTIVE');
  });

  it('deleting a policy deletes its rules', async () => {
    const created = await create('Web');
    await api().createAuthorizationServerPolicyRule({
      authServerId: serverId,
      policyId: created.id!,
      policyRule: ruleBody('r1'),
    });
    const before = counts(t);
    await api().deleteAuthorizationServerPolicy({ authServerId: serverId, policyId: created.id! });
    expect(counts(t)).toMatchObject({
      policies: before['policies']! - 1,
      rules: before['rules']! - 1,
      rule_groups: before['rule_groups']! - 1,
    });
  });
});

describe('policy priorities', () => {
  beforeEach(async () => {
    await useFreshServer();
    for (const name of ['A', 'B', 'C']) await create(name);
  });

  it('lists policies in priority order, contiguous from 1', async () => {
    expect(await order()).toEqual(['1:A', '2:B', '3:C']);
  });

  it('inserting at priority N shifts that policy and the ones after it down', async () => {
    const inserted = await create('X', { priority: 2 });
    expect(inserted.priority).toBe(2);
    expect(await order()).toEqual(['1:A', '2:X', '3:B', '4:C']);
  });

  it('a priority beyond the end places the policy last', async () => {
    expect((await create('X', { priority: 40 })).priority).toBe(4);
    expect(await order()).toEqual(['1:A', '2:B', '3:C', '4:X']);
  });

  it('moving a policy up shifts the ones in between down', async () => {
    const c = (await list())[2]!;
    await api().replaceAuthorizationServerPolicy({
      authServerId: serverId,
      policyId: c.id!,
      policy: policyBody('C', { priority: 1 }),
    });
    expect(await order()).toEqual(['1:C', '2:A', '3:B']);
  });

  it('moving a policy down shifts the ones in between up', async () => {
    const a = (await list())[0]!;
    await api().replaceAuthorizationServerPolicy({
      authServerId: serverId,
      policyId: a.id!,
      policy: policyBody('A', { priority: 3 }),
    });
    expect(await order()).toEqual(['1:B', '2:C', '3:A']);
  });

  it('a replace without priority keeps the policy where it is', async () => {
    const b = (await list())[1]!;
    const replaced = await api().replaceAuthorizationServerPolicy({
      authServerId: serverId,
      policyId: b.id!,
      policy: policyBody('B2'),
    });
    expect(replaced.priority).toBe(2);
    expect(await order()).toEqual(['1:A', '2:B2', '3:C']);
  });

  it('deleting a policy closes the gap', async () => {
    const a = (await list())[0]!;
    await api().deleteAuthorizationServerPolicy({ authServerId: serverId, policyId: a.id! });
    expect(await order()).toEqual(['1:B', '2:C']);
  });

  it("keeps each server's priorities separate", async () => {
    expect((await list('default')).map((p) => p.priority)).toEqual([1]);
  });
});

describe('policy validation', () => {
  const invalid: [string, Record<string, unknown>, string][] = [
    [
      'type missing',
      { type: undefined },
      'type: The field cannot be left blank; it must be OAUTH_AUTHORIZATION_POLICY',
    ],
    ['another type', { type: 'OKTA_SIGN_ON' }, 'type: must be OAUTH_AUTHORIZATION_POLICY'],
    ['name missing', { name: undefined }, 'name: The field cannot be left blank'],
    ['name too long', { name: 'x'.repeat(101) }, 'name: must be at most 100 characters'],
    ['description missing', { description: undefined }, 'description: The field cannot be left blank'],
    ['description too long', { description: 'x'.repeat(256) }, 'description: must be at most 255 characters'],
    ['priority 0', { priority: 0 }, 'priority: must be a whole number of at least 1'],
    ['priority -1', { priority: -1 }, 'priority: must be a whole number of at least 1'],
    ['priority 1.5', { priority: 1.5 }, 'priority: must be a whole number of at least 1'],
    ['an unknown status', { status: 'PAUSED' }, 'status: must be one of ACTIVE, INACTIVE'],
    ['conditions missing', { conditions: undefined }, 'conditions.clients.include: The field cannot be left blank'],
    [
      'no clients',
      { conditions: { clients: { include: [] } } },
      'conditions.clients.include: The field cannot be left blank',
    ],
    [
      'an unknown client',
      { conditions: { clients: { include: ['nope'] } } },
      'conditions.clients.include: no application has the client_id nope',
    ],
    [
      'ALL_CLIENTS with a client id',
      { conditions: { clients: { include: ['ALL_CLIENTS', 'nope'] } } },
      'conditions.clients.include: ALL_CLIENTS cannot be combined with client ids',
    ],
  ];

  it.each(invalid)(
    'refuses %s with 400 E0000001 naming the field, writing nothing',
    async (_case, overrides, cause) => {
      const before = counts(t);
      const body = JSON.stringify({ ...policyBody('P'), ...overrides });
      const response = await t.api(`/api/v1/authorizationServers/${serverId}/policies`, { method: 'POST', body });
      expect(response.status).toBe(400);
      const error = (await response.json()) as {
        errorCode: string;
        errorSummary: string;
        errorCauses: { errorSummary: string }[];
      };
      expect(error.errorCode).toBe('E0000001');
      expect(error.errorSummary).toBe(`Api validation failed: ${cause.split(':')[0]}`);
      expect(error.errorCauses.map((c) => c.errorSummary)).toEqual([cause]);
      expect(counts(t)).toEqual(before);
    },
  );

  it('refuses an invalid replace through the SDK and leaves the policy and the order unchanged', async () => {
    await useFreshServer();
    const clientId = await createApp(t, 'Orders web');
    const a = await create('A', { conditions: { clients: { include: [clientId] } } });
    await create('B');
    const error = await oktaError(
      api().replaceAuthorizationServerPolicy({
        authServerId: serverId,
        policyId: a.id!,
        policy: policyBody('A2', { priority: 2, conditions: { clients: { include: [clientId, 'unknown-client'] } } }),
      }),
    );
    expect(error).toMatchObject({ status: 400, errorCode: 'E0000001' });
    expect(error.errorCauses.map((c) => c.errorSummary)).toEqual([
      'conditions.clients.include: no application has the client_id unknown-client',
    ]);
    const after = await api().getAuthorizationServerPolicy({ authServerId: serverId, policyId: a.id! });
    expect(after).toMatchObject({ name: 'A', priority: 1, conditions: { clients: { include: [clientId] } } });
    expect(await order()).toEqual(['1:A', '2:B']);
  });
});

describe('unknown ids', () => {
  it('answers 404 E0000007 for an unknown server on every policy call', async () => {
    const missing = 'ausnope';
    for (const call of [
      async () => collect(await api().listAuthorizationServerPolicies({ authServerId: missing })),
      () => api().createAuthorizationServerPolicy({ authServerId: missing, policy: policyBody('P') }),
      () => api().getAuthorizationServerPolicy({ authServerId: missing, policyId: '00pnope' }),
    ]) {
      expect(await oktaError(call())).toMatchObject({
        status: 404,
        errorCode: 'E0000007',
        errorSummary: 'Not found: Resource not found: ausnope (AuthorizationServer)',
      });
    }
  });

  it('answers 404 E0000007 for an unknown policy, and for a policy of another server', async () => {
    const own = await create('Web');
    const calls = [
      () => api().getAuthorizationServerPolicy({ authServerId: serverId, policyId: '00pnope' }),
      () =>
        api().replaceAuthorizationServerPolicy({
          authServerId: serverId,
          policyId: '00pnope',
          policy: policyBody('P'),
        }),
      () => api().deleteAuthorizationServerPolicy({ authServerId: serverId, policyId: '00pnope' }),
      () => api().activateAuthorizationServerPolicy({ authServerId: serverId, policyId: '00pnope' }),
      () => api().deactivateAuthorizationServerPolicy({ authServerId: serverId, policyId: '00pnope' }),
    ];
    for (const call of calls) {
      expect(await oktaError(call())).toMatchObject({
        status: 404,
        errorCode: 'E0000007',
        errorSummary: 'Not found: Resource not found: 00pnope (Policy)',
      });
    }
    const elsewhere = await oktaError(
      api().getAuthorizationServerPolicy({ authServerId: 'default', policyId: own.id! }),
    );
    expect(elsewhere).toMatchObject({ status: 404, errorCode: 'E0000007' });
  });

  it('answers 405 E0000022 to a verb the endpoint does not support', async () => {
    const response = await t.api(`/api/v1/authorizationServers/${serverId}/policies`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(((await response.json()) as { errorCode: string }).errorCode).toBe('E0000022');
  });
});

describe('persistence', () => {
  it('keeps policies, their clients, priorities and status across a restart', async () => {
    await useFreshServer();
    const clientId = await createApp(t, 'Orders web');
    await create('A', { conditions: { clients: { include: [clientId] } } });
    const b = await create('B', { priority: 1, status: 'INACTIVE' });
    const before = await list();
    await t.restart();
    client = sdk(t);
    const after = await list();
    expect(after.map((p) => `${p.priority}:${p.name}:${p.status}`)).toEqual(['1:B:INACTIVE', '2:A:ACTIVE']);
    expect(after[1]!.conditions?.clients?.include).toEqual([clientId]);
    expect(after.map((p) => p.id)).toEqual(before.map((p) => p.id));
    expect(after[0]!.id).toBe(b.id);
    expect((await list('default')).map((p) => p.name)).toEqual(['Default Policy']);
  });
});
