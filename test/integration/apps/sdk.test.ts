/**
 * OIDC apps driven through the official @okta/okta-sdk-nodejs v8 client against the real server
 * (Okta "Applications" API, "Design principles" (Pagination)).
 */
import { OpenIdConnectApplication } from '@okta/okta-sdk-nodejs';
import type { Application, Client } from '@okta/okta-sdk-nodejs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { addMember, createGroup, createUser } from './directory.js';
import { collect, oktaClient } from '../../support/okta.js';

let t: TestApp;
let client: Client;

const sdk = () => oktaClient(t.origin);

/** Every item of an SDK collection; a null item (an empty page advertising next) fails the test. */

export const webApp = (label: string, extra: Record<string, unknown> = {}): Application =>
  ({
    name: 'oidc_client',
    label,
    signOnMode: 'OPENID_CONNECT',
    credentials: { oauthClient: { token_endpoint_auth_method: 'client_secret_basic' } },
    settings: {
      oauthClient: {
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: ['http://localhost:3000/callback'],
        post_logout_redirect_uris: ['http://localhost:3000/'],
      },
    },
    ...extra,
  }) as unknown as Application;

const create = (label: string, activate?: boolean) =>
  client.applicationApi.createApplication({
    application: webApp(label),
    ...(activate === undefined ? {} : { activate }),
  });

beforeEach(async () => {
  t = await startTestApp();
  client = sdk();
});

afterEach(async () => {
  await t.close();
});

describe('OIDC apps through the Okta SDK', () => {
  it('creates an ACTIVE OpenIdConnectApplication whose client_id is its id, with a generated secret', async () => {
    const app = await create('Orders web');
    expect(app).toBeInstanceOf(OpenIdConnectApplication);
    const oidc = app as OpenIdConnectApplication;
    expect(oidc.id).toMatch(/^0oa[0-9A-Za-z]{17}$/);
    expect(oidc.status).toBe('ACTIVE');
    expect(oidc.name).toBe('oidc_client');
    expect(oidc.credentials?.oauthClient?.client_id).toBe(oidc.id);
    expect(oidc.credentials?.oauthClient?.client_secret).toMatch(/^[0-9A-Za-z]{40}$/);
    expect(oidc.credentials?.oauthClient?.token_endpoint_auth_method).toBe('client_secret_basic');
    expect(oidc.credentials?.oauthClient?.autoKeyRotation).toBe(true);
    expect(oidc.credentials?.oauthClient?.pkce_required).toBe(false);
    expect(oidc.settings?.oauthClient?.refresh_token).toEqual({ rotation_type: 'STATIC', leeway: 30 });
    expect(oidc.settings?.oauthClient?.consent_method).toBe('TRUSTED');
    expect(oidc._links?.self?.href).toBe(`${t.origin}/api/v1/apps/${oidc.id}`);
    expect(oidc._links?.deactivate?.href).toBe(`${t.origin}/api/v1/apps/${oidc.id}/lifecycle/deactivate`);
    expect(oidc._links?.users?.href).toBe(`${t.origin}/api/v1/apps/${oidc.id}/users`);
    expect(oidc._links?.groups?.href).toBe(`${t.origin}/api/v1/apps/${oidc.id}/groups`);
    expect(oidc._links?.appLinks).toEqual([]);
  });

  it('creates an INACTIVE app with activate=false', async () => {
    const app = await create('Staged', false);
    expect(app.status).toBe('INACTIVE');
    expect(app._links?.activate?.href).toBe(`${t.origin}/api/v1/apps/${app.id}/lifecycle/activate`);
  });

  it('lists every app with limit=1 paging, following Link next verbatim, with no null item', async () => {
    for (const label of ['one', 'two', 'three']) await create(label);
    const apps = await collect(await client.applicationApi.listApplications({ limit: 1 }));
    expect(apps.map((a) => a.label)).toEqual(['one', 'two', 'three']);
    expect(apps.every((a) => a instanceof OpenIdConnectApplication)).toBe(true);
  });

  it('filters the list by q (label prefix, any case) and by status', async () => {
    await create('Billing portal');
    await create('Orders', false);
    expect((await collect(await client.applicationApi.listApplications({ q: 'bILL' }))).map((a) => a.label)).toEqual([
      'Billing portal',
    ]);
    expect((await collect(await client.applicationApi.listApplications({ q: 'portal' }))).map((a) => a.label)).toEqual(
      [],
    );
    const inactive = await collect(await client.applicationApi.listApplications({ filter: 'status eq "INACTIVE"' }));
    expect(inactive.map((a) => a.label)).toEqual(['Orders']);
    const named = await collect(
      await client.applicationApi.listApplications({ filter: 'name eq "oidc_client" and status eq "ACTIVE"' }),
    );
    expect(named.map((a) => a.label)).toEqual(['Billing portal']);
    expect(await collect(await client.applicationApi.listApplications({ filter: 'name eq "bookmark"' }))).toEqual([]);
  });

  it('filters the list by user.id (direct or through a group) and group.id', async () => {
    const direct = await create('Direct');
    const viaGroup = await create('Via group');
    await create('Unassigned');
    const alice = await createUser(t, 'alice@example.com');
    const engineers = await createGroup(t, 'Engineers');
    await addMember(t, engineers, alice);
    await client.applicationApi.assignUserToApplication({ appId: direct.id!, appUser: { id: alice, scope: 'USER' } });
    await client.applicationApi.assignGroupToApplication({
      appId: viaGroup.id!,
      groupId: engineers,
      applicationGroupAssignment: {},
    });
    const forAlice = await collect(await client.applicationApi.listApplications({ filter: `user.id eq "${alice}"` }));
    expect(forAlice.map((a) => a.label)).toEqual(['Direct', 'Via group']);
    const forGroup = await collect(
      await client.applicationApi.listApplications({ filter: `group.id eq "${engineers}"` }),
    );
    expect(forGroup.map((a) => a.label)).toEqual(['Via group']);
  });

  it('rejects an unsupported filter with 400 E0000031 and a cause saying what is supported', async () => {
    const error = await collect(await client.applicationApi.listApplications({ filter: 'label sw "x"' })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 400, errorCode: 'E0000031', errorSummary: 'Invalid search criteria.' });
    const cause = (error as { errorCauses: { errorSummary: string }[] }).errorCauses[0]!.errorSummary;
    expect(cause).toMatch(/^filter: 'label sw "x"' is not a supported expression; supported: status eq/);
  });

  it('gets and replaces an app, keeping client_id, the secret and the application type', async () => {
    const created = (await create('Orders')) as OpenIdConnectApplication;
    const got = (await client.applicationApi.getApplication({ appId: created.id! })) as OpenIdConnectApplication;
    expect(got.credentials?.oauthClient?.client_secret).toBe(created.credentials?.oauthClient?.client_secret);
    got.label = 'Orders v2';
    got.settings!.oauthClient!.redirect_uris = ['http://localhost:4000/cb'];
    const replaced = (await client.applicationApi.replaceApplication({
      appId: created.id!,
      application: got,
    })) as OpenIdConnectApplication;
    expect(replaced.label).toBe('Orders v2');
    expect(replaced.settings?.oauthClient?.redirect_uris).toEqual(['http://localhost:4000/cb']);
    expect(replaced.credentials?.oauthClient?.client_id).toBe(created.id);
    expect(replaced.credentials?.oauthClient?.client_secret).toBe(created.credentials?.oauthClient?.client_secret);
    expect(replaced.created).toEqual(created.created);
    expect(replaced.lastUpdated!.getTime()).toBeGreaterThanOrEqual(created.lastUpdated!.getTime());
  });

  it('refuses to delete an ACTIVE app (403 E0000056); deactivate answers 200 {} and then delete 204', async () => {
    const { id } = await create('Orders');
    const refused = await client.applicationApi.deleteApplication({ appId: id! }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 403, errorCode: 'E0000056' });
    expect((refused as { errorSummary: string }).errorSummary).toContain('deactivate it first');

    const deactivated = await t.api(`/api/v1/apps/${id}/lifecycle/deactivate`, { method: 'POST' });
    expect(deactivated.status).toBe(200);
    expect(deactivated.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await deactivated.json()).toEqual({});
    await client.applicationApi.activateApplication({ appId: id! });
    expect((await client.applicationApi.getApplication({ appId: id! })).status).toBe('ACTIVE');
    await client.applicationApi.deactivateApplication({ appId: id! });
    expect((await client.applicationApi.getApplication({ appId: id! })).status).toBe('INACTIVE');

    const deleted = await t.api(`/api/v1/apps/${id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    await expect(client.applicationApi.getApplication({ appId: id! })).rejects.toMatchObject({
      status: 404,
      errorCode: 'E0000007',
    });
  });

  it('an unknown app id gives 404 E0000007 naming the Application', async () => {
    const error = await client.applicationApi.getApplication({ appId: '0oanope' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 404,
      errorCode: 'E0000007',
      errorSummary: 'Not found: Resource not found: 0oanope (Application)',
    });
    for (const path of ['/lifecycle/activate', '/lifecycle/deactivate']) {
      const response = await t.api(`/api/v1/apps/0oanope${path}`, { method: 'POST' });
      expect(response.status).toBe(404);
    }
  });

  it('keeps apps across a restart', async () => {
    const created = (await create('Orders')) as OpenIdConnectApplication;
    await t.restart();
    client = sdk();
    const after = (await client.applicationApi.getApplication({ appId: created.id! })) as OpenIdConnectApplication;
    expect(after.label).toBe('Orders');
    expect(after.credentials?.oauthClient?.client_secret).toBe(created.credentials?.oauthClient?.client_secret);
    expect(after.settings?.oauthClient).toEqual(created.settings?.oauthClient);
  });
});
