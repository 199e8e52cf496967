/**
 * Claims driven through the official @okta/okta-sdk-nodejs v8 client against the real server
 * (Okta "Authorization Server Claims" API), including the default server's system `sub` claim.
 */
import type { Client } from '@okta/okta-sdk-nodejs';
import type { OAuth2Claim } from '@okta/okta-sdk-nodejs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { collect, oktaClient } from '../../support/okta.js';

let t: TestApp;
let client: Client;
let serverId: string;

const api = () => client.authorizationServerApi;
const create = (claim: Partial<OAuth2Claim>, authServerId = serverId) =>
  api().createOAuth2Claim({ authServerId, oAuth2Claim: claim as OAuth2Claim });
const expression = (name: string, extra: Partial<OAuth2Claim> = {}): Partial<OAuth2Claim> => ({
  name,
  claimType: 'RESOURCE',
  valueType: 'EXPRESSION',
  value: `user.${name}`,
  ...extra,
});

beforeEach(async () => {
  t = await startTestApp();
  client = oktaClient(t.origin);
  const server = await api().createAuthorizationServer({
    authorizationServer: { name: 'orders', description: 'Orders API', audiences: ['api://orders'] } as never,
  });
  serverId = server.id!;
  await api().createOAuth2Scope({ authServerId: serverId, oAuth2Scope: { name: 'orders:read' } as never });
});

afterEach(async () => {
  await t.close();
});

describe('claims through the Okta SDK', () => {
  it('a new custom server has no claims', async () => {
    expect(await collect(await api().listOAuth2Claims({ authServerId: serverId }))).toEqual([]);
  });

  it('creates an EXPRESSION claim with Okta defaults and an absolute self link', async () => {
    const created = await create(expression('department'));
    expect(created.id).toMatch(/^ocl[0-9A-Za-z]{17}$/);
    expect(created).toMatchObject({
      name: 'department',
      status: 'ACTIVE',
      claimType: 'RESOURCE',
      valueType: 'EXPRESSION',
      value: 'user.department',
      alwaysIncludeInToken: true,
      conditions: { scopes: [] },
      system: false,
    });
    expect(created.group_filter_type).toBeUndefined();
    expect(created._links?.self?.href).toBe(`${t.origin}/api/v1/authorizationServers/${serverId}/claims/${created.id}`);
  });

  it('round-trips a GROUPS claim with group_filter_type unchanged', async () => {
    const sent: Partial<OAuth2Claim> = {
      name: 'groups',
      claimType: 'IDENTITY',
      valueType: 'GROUPS',
      value: 'Eng',
      group_filter_type: 'STARTS_WITH',
      alwaysIncludeInToken: false,
      conditions: { scopes: ['orders:read'] } as OAuth2Claim['conditions'],
      status: 'INACTIVE',
    };
    const created = await create(sent);
    const got = await api().getOAuth2Claim({ authServerId: serverId, claimId: created.id! });
    for (const claim of [created, got]) {
      expect(claim).toMatchObject({ ...sent, conditions: { scopes: ['orders:read'] }, system: false });
    }
    const raw = (await (await t.api(`/api/v1/authorizationServers/${serverId}/claims/${created.id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(raw['group_filter_type']).toBe('STARTS_WITH');
    expect(raw).not.toHaveProperty('groupFilterType');
  });

  it('accepts every group filter type, REGEX with a valid pattern', async () => {
    for (const type of ['EQUALS', 'CONTAINS', 'REGEX'] as const) {
      const claim = await create({
        name: `g-${type}`,
        claimType: 'IDENTITY',
        valueType: 'GROUPS',
        value: type === 'REGEX' ? '^Eng.*$' : 'Eng',
        group_filter_type: type,
      });
      expect(claim.group_filter_type).toBe(type);
    }
  });

  it('an IDENTITY claim is always included unless told otherwise; a RESOURCE claim always is', async () => {
    expect((await create({ ...expression('a'), claimType: 'IDENTITY' })).alwaysIncludeInToken).toBe(true);
    expect(
      (await create({ ...expression('b'), claimType: 'IDENTITY', alwaysIncludeInToken: false })).alwaysIncludeInToken,
    ).toBe(false);
    expect((await create({ ...expression('c'), alwaysIncludeInToken: false })).alwaysIncludeInToken).toBe(true);
  });

  it('lists every claim in creation order with limit=1 paging and no null item', async () => {
    for (const name of ['one', 'two', 'three']) await create(expression(name));
    const claims = await collect(await api().listOAuth2Claims({ authServerId: serverId }));
    expect(claims.map((c) => c.name)).toEqual(['one', 'two', 'three']);
    const paged = await fetch(`${t.origin}/api/v1/authorizationServers/${serverId}/claims?limit=1`, {
      headers: { authorization: `SSWS ${ADMIN_TOKEN}` },
    });
    expect(paged.headers.get('link')).toMatch(/rel="next"/);
  });

  it('replaces a claim, switching it from EXPRESSION to GROUPS', async () => {
    const created = await create(
      expression('department', { conditions: { scopes: ['orders:read'] } as OAuth2Claim['conditions'] }),
    );
    const replaced = await api().replaceOAuth2Claim({
      authServerId: serverId,
      claimId: created.id!,
      oAuth2Claim: {
        name: 'teams',
        claimType: 'RESOURCE',
        valueType: 'GROUPS',
        value: 'Team',
        group_filter_type: 'CONTAINS',
      } as OAuth2Claim,
    });
    expect(replaced).toMatchObject({
      id: created.id,
      name: 'teams',
      valueType: 'GROUPS',
      value: 'Team',
      group_filter_type: 'CONTAINS',
      conditions: { scopes: [] },
    });
  });

  it('deletes a claim; it is then not found', async () => {
    const created = await create(expression('department'));
    await api().deleteOAuth2Claim({ authServerId: serverId, claimId: created.id! });
    await expect(api().getOAuth2Claim({ authServerId: serverId, claimId: created.id! })).rejects.toMatchObject({
      status: 404,
      errorCode: 'E0000007',
    });
  });

  it('keeps claims across a restart', async () => {
    const created = await create({
      name: 'groups',
      claimType: 'IDENTITY',
      valueType: 'GROUPS',
      value: '.*',
      group_filter_type: 'REGEX',
      conditions: { scopes: ['orders:read'] } as never,
    });
    await t.restart();
    client = oktaClient(t.origin);
    expect(await api().getOAuth2Claim({ authServerId: serverId, claimId: created.id! })).toMatchObject({
      name: 'groups',
      valueType: 'GROUPS',
      value: '.*',
      group_filter_type: 'REGEX',
      conditions: { scopes: ['orders:read'] },
    });
  });
});

describe("the default server's system sub claim and sample claim", () => {
  it('has the SYSTEM RESOURCE claim sub and the seed sample preferred_honorific', async () => {
    const claims = await collect(await api().listOAuth2Claims({ authServerId: 'default' }));
    expect(claims.map((c) => c.name)).toEqual(['sub', 'preferred_honorific']);
    expect(claims[1]).toMatchObject({
      claimType: 'IDENTITY',
      valueType: 'EXPRESSION',
      value: 'user.honorific',
      status: 'ACTIVE',
      alwaysIncludeInToken: true,
      system: false,
      conditions: { scopes: ['profile'] },
    });
    expect(claims[0]).toMatchObject({
      name: 'sub',
      claimType: 'RESOURCE',
      valueType: 'SYSTEM',
      value: '(appuser != null) ? appuser.userName : app.clientId',
      status: 'ACTIVE',
      alwaysIncludeInToken: true,
      system: true,
      conditions: { scopes: [] },
    });
    expect(claims[0]!._links?.self?.hints?.allow).toEqual(['GET']);
  });

  it('is read-only: PUT and DELETE are refused with 403 E0000006 and it stays unchanged', async () => {
    const [sub] = await collect(await api().listOAuth2Claims({ authServerId: 'default' }));
    await expect(
      api().replaceOAuth2Claim({
        authServerId: 'default',
        claimId: sub!.id!,
        oAuth2Claim: { ...sub, value: 'app.clientId' } as OAuth2Claim,
      }),
    ).rejects.toMatchObject({ status: 403, errorCode: 'E0000006' });
    await expect(api().deleteOAuth2Claim({ authServerId: 'default', claimId: sub!.id! })).rejects.toMatchObject({
      status: 403,
      errorCode: 'E0000006',
    });
    expect(await api().getOAuth2Claim({ authServerId: 'default', claimId: sub!.id! })).toMatchObject({
      value: sub!.value,
      system: true,
    });
  });

  it('survives a restart and is not created twice', async () => {
    await t.restart();
    client = oktaClient(t.origin);
    const claims = await collect(await api().listOAuth2Claims({ authServerId: 'default' }));
    expect(claims.map((c) => c.name)).toEqual(['sub', 'preferred_honorific']);
  });

  it('a custom RESOURCE sub may be added to another server (Okta lets access tokens override sub)', async () => {
    expect((await create(expression('sub', { value: 'user.email' }))).name).toBe('sub');
  });
});
