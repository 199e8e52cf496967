/**
 * Scopes driven through the official @okta/okta-sdk-nodejs v8 client against the real server
 * (Okta "Authorization Server Scopes" API, "OpenID Connect & OAuth 2.0 API" scopes_supported).
 */
import type { Client } from '@okta/okta-sdk-nodejs';
import type { OAuth2Scope } from '@okta/okta-sdk-nodejs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { collect, oktaClient } from '../../support/okta.js';

const SYSTEM_SCOPES = ['openid', 'profile', 'email', 'address', 'phone', 'offline_access', 'device_sso'];

let t: TestApp;
let client: Client;
let serverId: string;

/** Iterates an SDK Collection; a null item (an empty page that still had rel="next") fails the test. */

const scope = (name: string, extra: Partial<OAuth2Scope> = {}) => ({ name, ...extra }) as OAuth2Scope;
const api = () => client.authorizationServerApi;
const create = (name: string, extra: Partial<OAuth2Scope> = {}) =>
  api().createOAuth2Scope({ authServerId: serverId, oAuth2Scope: scope(name, extra) });
const names = async (id = serverId) =>
  (await collect(await api().listOAuth2Scopes({ authServerId: id }))).map((s) => s.name);
const scopesSupported = async (document: string) =>
  (
    (await (await fetch(`${t.origin}/oauth2/${serverId}/.well-known/${document}`)).json()) as {
      scopes_supported: string[];
    }
  ).scopes_supported;

beforeEach(async () => {
  t = await startTestApp();
  client = oktaClient(t.origin);
  const server = await api().createAuthorizationServer({
    authorizationServer: { name: 'orders', description: 'Orders API', audiences: ['api://orders'] } as never,
  });
  serverId = server.id!;
});

afterEach(async () => {
  await t.close();
});

describe('scopes through the Okta SDK', () => {
  it('gives a new server the seven system scopes, published to all clients', async () => {
    const scopes = await collect(await api().listOAuth2Scopes({ authServerId: serverId }));
    expect(scopes.map((s) => s.name)).toEqual(SYSTEM_SCOPES);
    for (const s of scopes) {
      expect(s).toMatchObject({
        system: true,
        consent: 'IMPLICIT',
        metadataPublish: 'ALL_CLIENTS',
        _default: false,
        optional: false,
      });
      expect(s.id).toMatch(/^scp[0-9A-Za-z]{17}$/);
    }
  });

  it('the default server has the system scopes too', async () => {
    expect(await names('default')).toEqual(SYSTEM_SCOPES);
  });

  it('creates a scope with Okta defaults: consent IMPLICIT, metadataPublish NO_CLIENTS, default false, system false', async () => {
    const created = await create('orders:read');
    expect(created.id).toMatch(/^scp[0-9A-Za-z]{17}$/);
    expect(created).toMatchObject({
      name: 'orders:read',
      consent: 'IMPLICIT',
      metadataPublish: 'NO_CLIENTS',
      _default: false,
      system: false,
      optional: false,
    });
    expect(created._links?.self?.href).toBe(`${t.origin}/api/v1/authorizationServers/${serverId}/scopes/${created.id}`);
  });

  it('round-trips every writable field, including default as _default', async () => {
    const created = await create('orders:write', {
      description: 'Write orders',
      displayName: 'Write your orders',
      consent: 'REQUIRED',
      _default: true,
      metadataPublish: 'ALL_CLIENTS',
    });
    const got = await api().getOAuth2Scope({ authServerId: serverId, scopeId: created.id! });
    expect(got).toMatchObject({
      name: 'orders:write',
      description: 'Write orders',
      displayName: 'Write your orders',
      consent: 'REQUIRED',
      _default: true,
      metadataPublish: 'ALL_CLIENTS',
      system: false,
    });
  });

  it('lists every scope with limit=1 paging, following Link next verbatim, with no null item', async () => {
    await create('a:read');
    await create('b:read');
    const scopes = await collect(await api().listOAuth2Scopes({ authServerId: serverId, limit: 1 }));
    expect(scopes.map((s) => s.name)).toEqual([...SYSTEM_SCOPES, 'a:read', 'b:read']);
  });

  it('filters the list by q on the name and by filter', async () => {
    await create('orders:read');
    await create('billing:read', { metadataPublish: 'ALL_CLIENTS' });
    const byQ = await collect(await api().listOAuth2Scopes({ authServerId: serverId, q: 'orders' }));
    expect(byQ.map((s) => s.name)).toEqual(['orders:read']);
    const custom = await collect(await api().listOAuth2Scopes({ authServerId: serverId, filter: 'system eq false' }));
    expect(custom.map((s) => s.name)).toEqual(['orders:read', 'billing:read']);
    const published = await collect(
      await api().listOAuth2Scopes({
        authServerId: serverId,
        filter: 'system eq false and metadataPublish eq "ALL_CLIENTS"',
      }),
    );
    expect(published.map((s) => s.name)).toEqual(['billing:read']);
  });

  it('replaces a scope, renaming it', async () => {
    const created = await create('orders:read');
    const replaced = await api().replaceOAuth2Scope({
      authServerId: serverId,
      scopeId: created.id!,
      oAuth2Scope: scope('orders:list', { consent: 'FLEXIBLE', description: 'List orders' }),
    });
    expect(replaced).toMatchObject({
      id: created.id,
      name: 'orders:list',
      consent: 'FLEXIBLE',
      description: 'List orders',
      metadataPublish: 'NO_CLIENTS',
    });
    expect(await names()).toContain('orders:list');
    expect(await names()).not.toContain('orders:read');
  });

  it('a system scope may be edited but keeps its name', async () => {
    const openid = (await collect(await api().listOAuth2Scopes({ authServerId: serverId, q: 'openid' })))[0]!;
    const replaced = await api().replaceOAuth2Scope({
      authServerId: serverId,
      scopeId: openid.id!,
      oAuth2Scope: scope('openid', { description: 'Sign in', _default: true, metadataPublish: 'ALL_CLIENTS' }),
    });
    expect(replaced).toMatchObject({ name: 'openid', description: 'Sign in', _default: true, system: true });
  });

  it('deletes a custom scope; it is then not found', async () => {
    const created = await create('orders:read');
    await api().deleteOAuth2Scope({ authServerId: serverId, scopeId: created.id! });
    await expect(api().getOAuth2Scope({ authServerId: serverId, scopeId: created.id! })).rejects.toMatchObject({
      status: 404,
      errorCode: 'E0000007',
    });
    expect(await names()).toEqual(SYSTEM_SCOPES);
  });

  it('publishes ALL_CLIENTS scopes in scopes_supported of both documents, and not NO_CLIENTS ones', async () => {
    await create('orders:read', { metadataPublish: 'ALL_CLIENTS' });
    await create('orders:secret');
    for (const document of ['openid-configuration', 'oauth-authorization-server']) {
      expect(await scopesSupported(document)).toEqual([...SYSTEM_SCOPES, 'orders:read']);
    }
  });

  it('follows metadataPublish changes and deletions in scopes_supported', async () => {
    const created = await create('orders:read', { metadataPublish: 'ALL_CLIENTS' });
    await api().replaceOAuth2Scope({
      authServerId: serverId,
      scopeId: created.id!,
      oAuth2Scope: scope('orders:read', { metadataPublish: 'NO_CLIENTS' }),
    });
    expect(await scopesSupported('openid-configuration')).toEqual(SYSTEM_SCOPES);
    const email = (await collect(await api().listOAuth2Scopes({ authServerId: serverId, q: 'email' })))[0]!;
    await api().replaceOAuth2Scope({
      authServerId: serverId,
      scopeId: email.id!,
      oAuth2Scope: scope('email', { metadataPublish: 'NO_CLIENTS' }),
    });
    expect(await scopesSupported('openid-configuration')).toEqual(SYSTEM_SCOPES.filter((s) => s !== 'email'));
  });

  it('keeps scopes across a restart', async () => {
    const created = await create('orders:read', {
      _default: true,
      consent: 'REQUIRED',
      metadataPublish: 'ALL_CLIENTS',
    });
    await t.restart();
    client = oktaClient(t.origin);
    const got = await api().getOAuth2Scope({ authServerId: serverId, scopeId: created.id! });
    expect(got).toMatchObject({
      name: 'orders:read',
      _default: true,
      consent: 'REQUIRED',
      metadataPublish: 'ALL_CLIENTS',
      system: false,
    });
    expect(await names()).toEqual([...SYSTEM_SCOPES, 'orders:read']);
  });

  it('deleting a server removes its scopes with it', async () => {
    await create('orders:read');
    await api().deleteAuthorizationServer({ authServerId: serverId });
    await expect(collect(await api().listOAuth2Scopes({ authServerId: serverId }))).rejects.toMatchObject({
      status: 404,
      errorCode: 'E0000007',
    });
  });
});
