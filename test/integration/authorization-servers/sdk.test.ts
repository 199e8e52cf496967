/**
 * Authorization servers driven through the official @okta/okta-sdk-nodejs v8 client,
 * against the real server on port 0 with a temporary database (Okta "Authorization Servers" API, "Design principles" (Pagination)).
 */
import type { Client } from '@okta/okta-sdk-nodejs';
import type { AuthorizationServer } from '@okta/okta-sdk-nodejs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { collect, oktaClient } from '../../support/okta.js';

let t: TestApp;
let client: Client;

function sdk(token = ADMIN_TOKEN): Client {
  // cacheMiddleware off: the SDK caches GETs by self link, which would hide what the server answers.
  return oktaClient(t.origin, token);
}

/** Iterates an SDK Collection; a null item (an empty page that still had rel="next") fails the test. */

const newServer = (name: string): AuthorizationServer =>
  ({ name, description: `${name} description`, audiences: [`api://${name}`] }) as AuthorizationServer;

beforeEach(async () => {
  t = await startTestApp();
  client = sdk();
});

afterEach(async () => {
  await t.close();
});

describe('authorization servers through the Okta SDK', () => {
  it('creates a server with an issuer on the base URL, an ACTIVE key and absolute links', async () => {
    const created = await client.authorizationServerApi.createAuthorizationServer({
      authorizationServer: newServer('orders'),
    });
    expect(created.id).toMatch(/^aus[0-9A-Za-z]{17}$/);
    expect(created.issuer).toBe(`${t.origin}/oauth2/${created.id}`);
    expect(created.status).toBe('ACTIVE');
    expect(created.audiences).toEqual(['api://orders']);
    expect(created.issuerMode).toBe('ORG_URL');
    expect(created.credentials?.signing?.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.credentials?.signing?.rotationMode).toBe('AUTO');
    expect(created._links?.self?.href).toBe(`${t.origin}/api/v1/authorizationServers/${created.id}`);
  });

  it('lists every server with limit=1 paging, following Link next verbatim, with no null item', async () => {
    for (const name of ['one', 'two', 'three']) {
      await client.authorizationServerApi.createAuthorizationServer({ authorizationServer: newServer(name) });
    }
    const servers = await collect(await client.authorizationServerApi.listAuthorizationServers({ limit: 1 }));
    expect(servers.map((s) => s.name)).toEqual(['default', 'one', 'two', 'three']);
  });

  it('filters the list by q on name and audience', async () => {
    await client.authorizationServerApi.createAuthorizationServer({ authorizationServer: newServer('billing') });
    const byName = await collect(await client.authorizationServerApi.listAuthorizationServers({ q: 'bill' }));
    expect(byName.map((s) => s.name)).toEqual(['billing']);
    const byAudience = await collect(
      await client.authorizationServerApi.listAuthorizationServers({ q: 'api://default' }),
    );
    expect(byAudience.map((s) => s.id)).toEqual(['default']);
  });

  it('gets and replaces a server', async () => {
    const created = await client.authorizationServerApi.createAuthorizationServer({
      authorizationServer: newServer('orders'),
    });
    const got = await client.authorizationServerApi.getAuthorizationServer({ authServerId: created.id! });
    expect(got.name).toBe('orders');
    const replaced = await client.authorizationServerApi.replaceAuthorizationServer({
      authServerId: created.id!,
      authorizationServer: { ...newServer('orders-v2'), issuerMode: 'DYNAMIC' } as AuthorizationServer,
    });
    expect(replaced.name).toBe('orders-v2');
    expect(replaced.issuerMode).toBe('DYNAMIC');
    expect(replaced.audiences).toEqual(['api://orders-v2']);
    expect(new Date(replaced.lastUpdated!).getTime()).toBeGreaterThanOrEqual(new Date(created.lastUpdated!).getTime());
  });

  it('deactivates and activates a server; an inactive server stops serving discovery', async () => {
    const { id } = await client.authorizationServerApi.createAuthorizationServer({
      authorizationServer: newServer('orders'),
    });
    await client.authorizationServerApi.deactivateAuthorizationServer({ authServerId: id! });
    expect((await client.authorizationServerApi.getAuthorizationServer({ authServerId: id! })).status).toBe('INACTIVE');
    const hidden = await fetch(`${t.origin}/oauth2/${id}/.well-known/openid-configuration`);
    expect(hidden.status).toBe(404);
    expect((await hidden.json()).errorCode).toBe('E0000007');
    await client.authorizationServerApi.activateAuthorizationServer({ authServerId: id! });
    expect((await client.authorizationServerApi.getAuthorizationServer({ authServerId: id! })).status).toBe('ACTIVE');
    expect((await fetch(`${t.origin}/oauth2/${id}/.well-known/openid-configuration`)).status).toBe(200);
  });

  it('lists and gets keys, and rotation expires the old key and publishes both', async () => {
    const { id, credentials } = await client.authorizationServerApi.createAuthorizationServer({
      authorizationServer: newServer('orders'),
    });
    const keys = await collect(await client.authorizationServerApi.listAuthorizationServerKeys({ authServerId: id! }));
    const active = keys.filter((k) => k.status === 'ACTIVE');
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ alg: 'RS256', kty: 'RSA', use: 'sig', kid: credentials?.signing?.kid });
    const one = await client.authorizationServerApi.getAuthorizationServerKey({
      authServerId: id!,
      keyId: active[0]!.kid!,
    });
    expect(one.n).toBe(active[0]!.n);

    const rotated = await collect(
      await client.authorizationServerApi.rotateAuthorizationServerKeys({ authServerId: id!, use: { use: 'sig' } }),
    );
    const oldKey = rotated.find((k) => k.kid === active[0]!.kid);
    const newActive = rotated.find((k) => k.status === 'ACTIVE');
    expect(oldKey?.status).toBe('EXPIRED');
    expect(newActive?.kid).not.toBe(active[0]!.kid);
    const server = await client.authorizationServerApi.getAuthorizationServer({ authServerId: id! });
    expect(server.credentials?.signing?.kid).toBe(newActive?.kid);

    const jwks = (await (await fetch(`${t.origin}/oauth2/${id}/v1/keys`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([oldKey!.kid, newActive!.kid]));
  });

  it('deletes a server; it is then not found', async () => {
    const { id } = await client.authorizationServerApi.createAuthorizationServer({
      authorizationServer: newServer('orders'),
    });
    await client.authorizationServerApi.deleteAuthorizationServer({ authServerId: id! });
    await expect(client.authorizationServerApi.getAuthorizationServer({ authServerId: id! })).rejects.toMatchObject({
      status: 404,
      errorCode: 'E0000007',
    });
  });

  it('keeps every server and key across a restart', async () => {
    const created = await client.authorizationServerApi.createAuthorizationServer({
      authorizationServer: newServer('orders'),
    });
    const before = await collect(
      await client.authorizationServerApi.listAuthorizationServerKeys({ authServerId: created.id! }),
    );
    await t.restart();
    client = sdk();
    const after = await client.authorizationServerApi.getAuthorizationServer({ authServerId: created.id! });
    expect(after.name).toBe('orders');
    const keysAfter = await collect(
      await client.authorizationServerApi.listAuthorizationServerKeys({ authServerId: created.id! }),
    );
    expect(keysAfter.map((k) => [k.kid, k.status])).toEqual(before.map((k) => [k.kid, k.status]));
  });
});

describe('errors the SDK sees', () => {
  it('an unknown id gives 404 E0000007 with all five fields', async () => {
    const error = await client.authorizationServerApi
      .getAuthorizationServer({ authServerId: 'nope' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 404,
      errorCode: 'E0000007',
      errorSummary: 'Not found: Resource not found: nope (AuthorizationServer)',
    });
    const raw = await t.api('/api/v1/authorizationServers/nope');
    expect(Object.keys(await raw.json()).sort()).toEqual([
      'errorCauses',
      'errorCode',
      'errorId',
      'errorLink',
      'errorSummary',
    ]);
  });

  it('a wrong token gives 401 E0000011', async () => {
    const error = await sdk('wrong-token-value')
      .authorizationServerApi.getAuthorizationServer({ authServerId: 'default' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, errorCode: 'E0000011', errorSummary: 'Invalid token provided' });
  });

  it('a missing validation field gives 400 E0000001 with a cause naming it', async () => {
    const error = await client.authorizationServerApi
      .createAuthorizationServer({ authorizationServer: { name: 'x', description: 'd' } as AuthorizationServer })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, errorCode: 'E0000001' });
    expect((error as { errorCauses: { errorSummary: string }[] }).errorCauses).toEqual([
      { errorSummary: 'audiences: The field cannot be left blank' },
    ]);
  });

  it('an unknown key id gives 404 E0000007', async () => {
    const error = await client.authorizationServerApi
      .getAuthorizationServerKey({ authServerId: 'default', keyId: 'nokey' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, errorCode: 'E0000007' });
  });
});
