/**
 * Policy rules through the official @okta/okta-sdk-nodejs v8 client (and raw HTTP where the SDK
 * model drops a member, e.g. `exclude`), against the real server on port 0 (Okta "Authorization Server Rules" API, 7).
 */
import type { AuthorizationServerPolicyRule, Client } from '@okta/okta-sdk-nodejs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import {
  collect,
  counts,
  createGroup,
  createScope,
  createServer,
  createUser,
  oktaError,
  policyBody,
  ruleBody,
  sdk,
} from './fixtures.js';

let t: TestApp;
let client: Client;
let serverId: string;
let policyId: string;

// One app and one authorization server per file (starting the app and generating a server's keys
// are the slow parts); each test gets its own policy.
beforeAll(async () => {
  t = await startTestApp();
  client = sdk(t);
  serverId = await createServer(client, 'orders');
});

afterAll(async () => {
  await t.close();
});

/** Makes user, group and scope names unique per test. */
let n = 0;
beforeEach(async () => {
  n++;
  policyId = (await api().createAuthorizationServerPolicy({ authServerId: serverId, policy: policyBody('Web') })).id!;
});

const api = () => client.authorizationServerApi;
const rulesUrl = () => `/api/v1/authorizationServers/${serverId}/policies/${policyId}/rules`;
const create = (name: string, overrides: Record<string, unknown> = {}) =>
  api().createAuthorizationServerPolicyRule({
    authServerId: serverId,
    policyId,
    policyRule: ruleBody(name, overrides),
  });
const replace = (ruleId: string, name: string, overrides: Record<string, unknown> = {}) =>
  api().replaceAuthorizationServerPolicyRule({
    authServerId: serverId,
    policyId,
    ruleId,
    policyRule: ruleBody(name, overrides),
  });
const get = (ruleId: string) => api().getAuthorizationServerPolicyRule({ authServerId: serverId, policyId, ruleId });
const list = async () => collect(await api().listAuthorizationServerPolicyRules({ authServerId: serverId, policyId }));
const order = async () => (await list()).map((r) => `${r.priority}:${r.name}`);
const conditions = (overrides: Record<string, unknown>) => ({ ...ruleBody('x').conditions, ...overrides });

describe('rules through the Okta SDK', () => {
  it("creates a rule: 201, RESOURCE_ACCESS, ACTIVE, Okta's default lifetimes and absolute links", async () => {
    const response = await t.api(rulesUrl(), { method: 'POST', body: JSON.stringify(ruleBody('Everyone')) });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const rule = (await response.json()) as AuthorizationServerPolicyRule & { _links: Record<string, unknown> };
    const self = `${t.origin}${rulesUrl()}/${rule.id}`;
    expect(rule.id).toMatch(/^0pr[0-9A-Za-z]{17}$/);
    expect(rule).toMatchObject({
      type: 'RESOURCE_ACCESS',
      name: 'Everyone',
      priority: 1,
      status: 'ACTIVE',
      system: false,
      conditions: {
        people: { users: { include: [], exclude: [] }, groups: { include: ['EVERYONE'], exclude: [] } },
        grantTypes: { include: ['authorization_code'] },
        scopes: { include: ['*'] },
      },
      actions: {
        token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 },
      },
    });
    expect(rule._links).toEqual({
      self: { href: self, hints: { allow: ['GET', 'PUT', 'DELETE'] } },
      deactivate: { href: `${self}/lifecycle/deactivate`, hints: { allow: ['POST'] } },
    });
  });

  it('names existing users, groups and (system or custom) scopes; shows the Everyone group id as EVERYONE', async () => {
    const alice = await createUser(t, `alice-${n}@example.com`);
    const admins = await createGroup(t, `admins-${n}`);
    await createScope(t, serverId, `orders:read:${n}`);
    await createScope(t, serverId, `orders:list:${n}`);
    const rule = await create('Admins', {
      conditions: {
        people: { users: { include: [alice] }, groups: { include: [admins, '00gEVERYONE000000000'] } },
        grantTypes: {
          include: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
        },
        scopes: { include: ['openid', `orders:list:${n}`, `orders:read:${n}`] },
      },
      actions: {
        token: {
          accessTokenLifetimeMinutes: 30,
          refreshTokenLifetimeMinutes: 600,
          refreshTokenWindowMinutes: 120,
          inlineHook: { id: 'calhook1' },
        },
      },
    });
    expect(rule.conditions).toMatchObject({
      people: { users: { include: [alice] }, groups: { include: [admins, 'EVERYONE'] } },
      grantTypes: { include: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'] },
      scopes: { include: ['openid', `orders:list:${n}`, `orders:read:${n}`] },
    });
    expect(rule.actions?.token).toEqual({
      accessTokenLifetimeMinutes: 30,
      refreshTokenLifetimeMinutes: 600,
      refreshTokenWindowMinutes: 120,
      inlineHook: { id: 'calhook1' },
    });
    expect((await get(rule.id!)).conditions).toEqual(rule.conditions);
  });

  it('keeps users and groups to exclude (over raw HTTP: the SDK model has no exclude)', async () => {
    const bob = await createUser(t, `bob-${n}@example.com`);
    const contractors = await createGroup(t, `contractors-${n}`);
    const body = ruleBody('Not contractors', {
      conditions: conditions({
        people: { users: { exclude: [bob] }, groups: { include: ['EVERYONE'], exclude: [contractors] } },
      }),
    });
    const response = await t.api(rulesUrl(), { method: 'POST', body: JSON.stringify(body) });
    expect(response.status).toBe(201);
    const rule = (await response.json()) as AuthorizationServerPolicyRule;
    expect(rule.conditions?.people).toEqual({
      users: { include: [], exclude: [bob] },
      groups: { include: ['EVERYONE'], exclude: [contractors] },
    });
  });

  it('applies the rule to EVERYONE when people is left out', async () => {
    const rule = await create('Anyone', {
      conditions: { grantTypes: { include: ['client_credentials'] }, scopes: { include: ['*'] } },
    });
    expect(rule.conditions?.people?.groups?.include).toEqual(['EVERYONE']);
  });

  it('gets, replaces and deletes a rule', async () => {
    const created = await create('r1');
    expect((await get(created.id!)).name).toBe('r1');
    const replaced = await replace(created.id!, 'r1 v2', {
      conditions: conditions({ grantTypes: { include: ['password'] } }),
      actions: { token: { accessTokenLifetimeMinutes: 15 } },
    });
    expect(replaced).toMatchObject({
      id: created.id,
      name: 'r1 v2',
      priority: 1,
      conditions: { grantTypes: { include: ['password'] } },
    });
    expect(replaced.actions?.token?.accessTokenLifetimeMinutes).toBe(15);
    await api().deleteAuthorizationServerPolicyRule({ authServerId: serverId, policyId, ruleId: created.id! });
    expect(await list()).toEqual([]);
    expect(await oktaError(get(created.id!))).toMatchObject({ status: 404, errorCode: 'E0000007' });
  });

  it('a replace keeps the status unless it names one', async () => {
    const created = await create('r1', { status: 'INACTIVE' });
    expect((await replace(created.id!, 'r1 v2')).status).toBe('INACTIVE');
    expect((await replace(created.id!, 'r1 v3', { status: 'ACTIVE' })).status).toBe('ACTIVE');
  });

  it('deactivates and activates a rule, swapping the lifecycle link', async () => {
    const created = await create('r1');
    await api().deactivateAuthorizationServerPolicyRule({ authServerId: serverId, policyId, ruleId: created.id! });
    const inactive = await get(created.id!);
    expect(inactive.status).toBe('INACTIVE');
    expect(inactive._links?.activate?.href).toBe(`${created._links!.self!.href}/lifecycle/activate`);
    await api().activateAuthorizationServerPolicyRule({ authServerId: serverId, policyId, ruleId: created.id! });
    expect((await get(created.id!)).status).toBe('ACTIVE');
  });
});

describe('rule priorities', () => {
  beforeEach(async () => {
    for (const name of ['A', 'B', 'C']) await create(name);
  });

  it('lists rules in priority order, contiguous from 1', async () => {
    expect(await order()).toEqual(['1:A', '2:B', '3:C']);
  });

  it('inserting at priority N shifts that rule and the ones after it down', async () => {
    expect((await create('X', { priority: 1 })).priority).toBe(1);
    expect(await order()).toEqual(['1:X', '2:A', '3:B', '4:C']);
  });

  it('a priority beyond the end places the rule last', async () => {
    expect((await create('X', { priority: 9 })).priority).toBe(4);
  });

  it('moving a rule up shifts the ones in between down', async () => {
    const c = (await list())[2]!;
    await replace(c.id!, 'C', { priority: 2 });
    expect(await order()).toEqual(['1:A', '2:C', '3:B']);
  });

  it('moving a rule down shifts the ones in between up', async () => {
    const a = (await list())[0]!;
    await replace(a.id!, 'A', { priority: 2 });
    expect(await order()).toEqual(['1:B', '2:A', '3:C']);
  });

  it('deleting a rule closes the gap', async () => {
    const b = (await list())[1]!;
    await api().deleteAuthorizationServerPolicyRule({ authServerId: serverId, policyId, ruleId: b.id! });
    expect(await order()).toEqual(['1:A', '2:C']);
  });
});

describe('rule validation', () => {
  const token = (t: Record<string, unknown>) => ({ actions: { token: t } });
  const invalid: [string, Record<string, unknown>, string[]][] = [
    ['conditions missing', { conditions: undefined }, ['conditions: The field cannot be left blank']],
    ['name missing', { name: undefined }, ['name: The field cannot be left blank']],
    ['type missing', { type: undefined }, ['type: The field cannot be left blank; it must be RESOURCE_ACCESS']],
    ['another type', { type: 'SIGN_ON' }, ['type: must be RESOURCE_ACCESS']],
    ['priority 0', { priority: 0 }, ['priority: must be a whole number of at least 1']],
    [
      'grant types missing',
      { conditions: conditions({ grantTypes: undefined }) },
      ['conditions.grantTypes.include: The field cannot be left blank'],
    ],
    [
      'no grant types',
      { conditions: conditions({ grantTypes: { include: [] } }) },
      ['conditions.grantTypes.include: The field cannot be left blank'],
    ],
    [
      'an unknown grant type',
      { conditions: conditions({ grantTypes: { include: ['authorization_code', 'magic'] } }) },
      [
        "conditions.grantTypes.include: 'magic' is not a supported grant type; supported: authorization_code, implicit, password, client_credentials, refresh_token, urn:ietf:params:oauth:grant-type:device_code, urn:ietf:params:oauth:grant-type:token-exchange, urn:ietf:params:oauth:grant-type:saml2-bearer, interaction_code",
      ],
    ],
    [
      'scopes missing',
      { conditions: conditions({ scopes: undefined }) },
      ['conditions.scopes.include: The field cannot be left blank'],
    ],
    [
      'a scope the server does not have',
      { conditions: conditions({ scopes: { include: ['*', 'orders:write'] } }) },
      ['conditions.scopes.include: the authorization server has no scope orders:write'],
    ],
    [
      'access lifetime 2',
      token({ accessTokenLifetimeMinutes: 2 }),
      ['actions.token.accessTokenLifetimeMinutes: must be between 5 and 1440'],
    ],
    [
      'access lifetime 1441',
      token({ accessTokenLifetimeMinutes: 1441 }),
      ['actions.token.accessTokenLifetimeMinutes: must be between 5 and 1440'],
    ],
    [
      'refresh window 5',
      token({ refreshTokenWindowMinutes: 5 }),
      ['actions.token.refreshTokenWindowMinutes: must be between 10 and 2628000'],
    ],
    [
      'refresh window 2628001',
      token({ refreshTokenWindowMinutes: 2_628_001 }),
      ['actions.token.refreshTokenWindowMinutes: must be between 10 and 2628000'],
    ],
    [
      'a refresh lifetime below the access lifetime',
      token({ accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 30 }),
      ['actions.token.refreshTokenLifetimeMinutes: must be 0 (unlimited) or at least the access token lifetime (60)'],
    ],
    [
      'a refresh window below the access lifetime',
      token({ accessTokenLifetimeMinutes: 60, refreshTokenWindowMinutes: 30 }),
      ['actions.token.refreshTokenWindowMinutes: must be at least the access token lifetime (60)'],
    ],
    [
      'a refresh window beyond the refresh lifetime',
      token({ refreshTokenLifetimeMinutes: 120, refreshTokenWindowMinutes: 240 }),
      ['actions.token.refreshTokenWindowMinutes: must be at most the refresh token lifetime (120)'],
    ],
    [
      'unknown users and groups',
      {
        conditions: conditions({
          people: { users: { include: ['00unope'] }, groups: { include: ['EVERYONE'], exclude: ['00gnope'] } },
        }),
      },
      [
        'conditions.people.users.include: no user has the id 00unope',
        'conditions.people.groups.exclude: no group has the id 00gnope',
      ],
    ],
  ];

  it.each(invalid)(
    'refuses %s with 400 E0000001 naming the field, writing nothing',
    async (_case, overrides, causes) => {
      const before = counts(t);
      const response = await t.api(rulesUrl(), {
        method: 'POST',
        body: JSON.stringify({ ...ruleBody('R'), ...overrides }),
      });
      expect(response.status).toBe(400);
      const error = (await response.json()) as { errorCode: string; errorCauses: { errorSummary: string }[] };
      expect(error.errorCode).toBe('E0000001');
      expect(error.errorCauses.map((c) => c.errorSummary)).toEqual(causes);
      expect(counts(t)).toEqual(before);
    },
  );

  it('refuses a rule without conditions through the SDK', async () => {
    const error = await oktaError(create('R', { conditions: undefined }));
    expect(error).toMatchObject({ status: 400, errorCode: 'E0000001' });
    expect(error.errorCauses.map((c) => c.errorSummary)).toEqual(['conditions: The field cannot be left blank']);
  });

  it('writes nothing when one user among valid ones is unknown', async () => {
    const carol = await createUser(t, `carol-${n}@example.com`);
    const dave = await createUser(t, `dave-${n}@example.com`);
    const before = counts(t);
    const error = await oktaError(
      create('R', { conditions: conditions({ people: { users: { include: [carol, '00unope', dave] } } }) }),
    );
    expect(error.errorCauses.map((c) => c.errorSummary)).toEqual([
      'conditions.people.users.include: no user has the id 00unope',
    ]);
    expect(counts(t)).toEqual(before);
    expect(await list()).toEqual([]);
  });

  it('a refused replace leaves the rule, its people and the order unchanged', async () => {
    const erin = await createUser(t, `erin-${n}@example.com`);
    const a = await create('A', { conditions: conditions({ people: { users: { include: [erin] } } }) });
    await create('B');
    const before = counts(t);
    const error = await oktaError(
      replace(a.id!, 'A2', { priority: 2, conditions: conditions({ people: { groups: { include: ['00gnope'] } } }) }),
    );
    expect(error).toMatchObject({ status: 400, errorCode: 'E0000001' });
    expect(counts(t)).toEqual(before);
    expect(await order()).toEqual(['1:A', '2:B']);
    expect((await get(a.id!)).conditions?.people?.users?.include).toEqual([erin]);
  });
});

describe('unknown ids', () => {
  it('answers 404 E0000007 for an unknown server, policy or rule', async () => {
    const cases: [() => Promise<unknown>, string][] = [
      [
        async () => collect(await api().listAuthorizationServerPolicyRules({ authServerId: 'ausnope', policyId })),
        'ausnope (AuthorizationServer)',
      ],
      [
        async () =>
          collect(await api().listAuthorizationServerPolicyRules({ authServerId: serverId, policyId: '00pnope' })),
        '00pnope (Policy)',
      ],
      [
        () =>
          api().createAuthorizationServerPolicyRule({
            authServerId: serverId,
            policyId: '00pnope',
            policyRule: ruleBody('R'),
          }),
        '00pnope (Policy)',
      ],
      [() => get('0prnope'), '0prnope (PolicyRule)'],
      [() => replace('0prnope', 'R'), '0prnope (PolicyRule)'],
      [
        () => api().deleteAuthorizationServerPolicyRule({ authServerId: serverId, policyId, ruleId: '0prnope' }),
        '0prnope (PolicyRule)',
      ],
      [
        () => api().activateAuthorizationServerPolicyRule({ authServerId: serverId, policyId, ruleId: '0prnope' }),
        '0prnope (PolicyRule)',
      ],
      [
        () => api().deactivateAuthorizationServerPolicyRule({ authServerId: serverId, policyId, ruleId: '0prnope' }),
        '0prnope (PolicyRule)',
      ],
    ];
    for (const [call, resource] of cases) {
      expect(await oktaError(call())).toMatchObject({
        status: 404,
        errorCode: 'E0000007',
        errorSummary: `Not found: Resource not found: ${resource}`,
      });
    }
  });

  it('does not find a rule under another policy', async () => {
    const rule = await create('R');
    const other = await api().createAuthorizationServerPolicy({ authServerId: serverId, policy: policyBody('Other') });
    const error = await oktaError(
      api().getAuthorizationServerPolicyRule({ authServerId: serverId, policyId: other.id!, ruleId: rule.id! }),
    );
    expect(error).toMatchObject({ status: 404, errorCode: 'E0000007' });
  });
});

describe('persistence', () => {
  it('keeps rules with their people, grant types, scopes, lifetimes, priorities and status across a restart', async () => {
    const frank = await createUser(t, `frank-${n}@example.com`);
    const ops = await createGroup(t, `ops-${n}`);
    await createScope(t, serverId, 'orders:admin');
    await createScope(t, serverId, 'orders:audit');
    await create('A', {
      conditions: {
        people: { users: { include: [frank] }, groups: { include: [ops] } },
        grantTypes: { include: ['password', 'refresh_token'] },
        scopes: { include: ['orders:admin', 'orders:audit'] },
      },
      actions: {
        token: { accessTokenLifetimeMinutes: 10, refreshTokenLifetimeMinutes: 100, refreshTokenWindowMinutes: 50 },
      },
    });
    await create('B', { priority: 1, status: 'INACTIVE' });
    const before = await list();
    await t.restart();
    client = sdk(t);
    const after = await list();
    expect(after.map((r) => `${r.priority}:${r.name}:${r.status}`)).toEqual(['1:B:INACTIVE', '2:A:ACTIVE']);
    // The port changes on restart, so compare everything but the links.
    const withoutLinks = (rules: AuthorizationServerPolicyRule[]) =>
      JSON.parse(JSON.stringify(rules.map(({ _links, ...rest }) => rest))) as unknown;
    expect(withoutLinks(after)).toEqual(withoutLinks(before));
    expect(after[1]!.actions?.token).toEqual({
      accessTokenLifetimeMinutes: 10,
      refreshTokenLifetimeMinutes: 100,
      refreshTokenWindowMinutes: 50,
    });
  });
});
